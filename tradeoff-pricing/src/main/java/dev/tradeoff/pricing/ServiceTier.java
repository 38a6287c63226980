package dev.tradeoff.pricing;

/**
 * The per-token service tier a request is processed in.
 *
 * <pre>{@code
 * RequestOptions batch = RequestOptions.of(ServiceTier.BATCH, DataResidency.GLOBAL);
 * }</pre>
 *
 * @since 0.1.0
 */
public enum ServiceTier {
  /** Synchronous standard processing at list prices. */
  STANDARD,
  /**
   * Asynchronous batch processing: the model's explicit batch prices, or its batch discount applied to
   * every standard (and long-context) rate — OpenAI, Anthropic and Azure batch APIs are 50% off.
   */
  BATCH,
  /** OpenAI flex processing (explicit flex prices only). */
  FLEX,
  /** Priority processing (explicit priority prices only). */
  PRIORITY
}
