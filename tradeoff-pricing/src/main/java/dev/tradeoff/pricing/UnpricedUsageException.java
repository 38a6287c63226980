package dev.tradeoff.pricing;

/**
 * Tokens of a class (or under a service tier or data residency) the model has no price for. Such tokens
 * are never billed at $0: a request that uses them cannot be priced from this catalog entry.
 *
 * <pre>{@code
 * // Claude 3.5 Haiku on Bedrock lists no 1-hour cache-write price:
 * catalog.cost("bedrock/anthropic.claude-3-5-haiku-20241022-v1:0",
 *     Usage.anthropic(100, 0, 2048, 0, 50));   // throws UnpricedUsageException
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class UnpricedUsageException extends PricingException {

  private static final long serialVersionUID = 1L;

  private final TokenClass tokenClass;

  private UnpricedUsageException(String message, String modelId, TokenClass tokenClass) {
    super(message, modelId, null, tokenClass.jsonName(), null);
    this.tokenClass = tokenClass;
  }

  /**
   * Creates the exception.
   *
   * @param modelId the model id
   * @param tokenClass the token class without a price
   * @param tokens how many tokens of that class the request used
   * @param options the request options in effect
   * @param reason why there is no price
   * @return the exception, to be thrown by the caller
   */
  public static UnpricedUsageException of(
      String modelId, TokenClass tokenClass, long tokens, RequestOptions options, String reason) {
    return new UnpricedUsageException("model " + modelId + " has no price for " + tokens + " "
        + tokenClass + " tokens (service tier " + options.serviceTier() + ", residency "
        + options.residency() + "): " + reason + "; refusing to bill them at $0", modelId, tokenClass);
  }

  /**
   * The token class without a price.
   *
   * @return the token class
   */
  public TokenClass tokenClass() {
    return tokenClass;
  }
}
