package dev.tradeoff.pricing;

import dev.tradeoff.pricing.internal.RateResolver;
import java.math.BigDecimal;
import java.util.List;

/**
 * A pre-resolved price for hot paths: the rates of one model under one {@link RequestOptions}, turned into
 * {@code double} USD per token once, so that pricing a request is a handful of multiply-adds with no
 * allocation, no boxing and no lookup.
 *
 * <pre>{@code
 * PriceHandle price = PriceCatalog.bundled().handle("openai/gpt-4o-mini", RequestOptions.standard());
 * // per streamed request:
 * double usd = price.costOpenAiUsd(promptTokens, cachedTokens, completionTokens, reasoningTokens);
 * }</pre>
 *
 * <h2>Error bound</h2>
 * The result differs from the exact {@link ModelPrice#cost(Usage, RequestOptions)} total by at most
 * {@link #RELATIVE_ERROR_BOUND} (1e-15) of that total, for any token counts below 2<sup>53</sup>: each rate
 * is rounded once to the nearest double, each product once, and the sum of at most six non-negative terms
 * five times, so the relative error is below 7·2<sup>-53</sup> ≈ 7.8e-16. On a $1,000,000 bill that is
 * under a micro-dollar. Use the exact {@link ModelPrice#cost} wherever a total is reported.
 *
 * <h2>Rules</h2>
 * Exactly the rules of {@link ModelPrice#cost}: long-context tiers price the whole request, classes without
 * a price throw {@link UnpricedUsageException} (never $0), negative counts throw
 * {@link InvalidValueException}. The exceptions are the only allocations.
 *
 * <p>Immutable and thread-safe; build one per model and options, share it.
 *
 * @since 0.1.0
 */
public final class PriceHandle {

  /** Upper bound of {@code |costUsd - exact| / exact}, for token counts below 2^53. */
  public static final double RELATIVE_ERROR_BOUND = 1e-15;

  private static final int CLASSES = RateResolver.CLASSES;

  private final ModelPrice model;
  private final RequestOptions options;

  // Base rates in USD per token, unrolled into fields: the JIT keeps them in registers.
  private final double input;
  private final double cacheRead;
  private final double cacheWrite5m;
  private final double cacheWrite1h;
  private final double output;
  private final double reasoning;
  /** Bit i set: class with ordinal i has no base price. */
  private final int baseMissing;
  /** Lowest long-context threshold, {@link Long#MAX_VALUE} without tiers. */
  private final long firstThreshold;

  private final long[] thresholds;
  private final double[][] tierRates;
  private final int[] tierMissing;

  private PriceHandle(ModelPrice model, RequestOptions options) {
    this.model = model;
    this.options = options;
    double[] base = new double[CLASSES];
    this.baseMissing = fill(RateResolver.resolve(model, options, -1), base);
    this.input = base[TokenClass.INPUT.ordinal()];
    this.cacheRead = base[TokenClass.CACHE_READ.ordinal()];
    this.cacheWrite5m = base[TokenClass.CACHE_WRITE_5M.ordinal()];
    this.cacheWrite1h = base[TokenClass.CACHE_WRITE_1H.ordinal()];
    this.output = base[TokenClass.OUTPUT.ordinal()];
    this.reasoning = base[TokenClass.REASONING.ordinal()];
    List<LongContextTier> tiers = model.longContextTiers();
    this.thresholds = new long[tiers.size()];
    this.tierRates = new double[tiers.size()][CLASSES];
    this.tierMissing = new int[tiers.size()];
    for (int t = 0; t < tiers.size(); t++) {
      thresholds[t] = tiers.get(t).thresholdInputTokens();
      tierMissing[t] = fill(RateResolver.resolve(model, options, t), tierRates[t]);
    }
    this.firstThreshold = tiers.isEmpty() ? Long.MAX_VALUE : thresholds[0];
  }

  private static int fill(RateResolver.Resolved resolved, double[] into) {
    int missing = 0;
    for (TokenClass c : TokenClass.values()) {
      BigDecimal rate = resolved.rate(c);
      if (rate == null) {
        missing |= 1 << c.ordinal();
      } else {
        // One rounding: the exact decimal USD-per-token to the nearest double.
        into[c.ordinal()] = rate.movePointLeft(6).doubleValue();
      }
    }
    return missing;
  }

  /**
   * The handle of a model under options.
   *
   * @param model the model
   * @param options service tier and residency
   * @return the handle
   */
  public static PriceHandle of(ModelPrice model, RequestOptions options) {
    return new PriceHandle(model, options);
  }

  /**
   * The model this handle prices.
   *
   * @return the model
   */
  public ModelPrice model() {
    return model;
  }

  /**
   * The options this handle prices under.
   *
   * @return the options
   */
  public RequestOptions options() {
    return options;
  }

  /**
   * The cost of a request from disjoint per-class counts (see {@link Usage}).
   *
   * @param inputTokens uncached prompt tokens
   * @param cacheReadTokens cache-read tokens
   * @param cacheWrite5mTokens 5-minute cache-write tokens
   * @param cacheWrite1hTokens 1-hour cache-write tokens
   * @param outputTokens visible output tokens
   * @param reasoningTokens separately reported reasoning tokens
   * @return USD, within {@link #RELATIVE_ERROR_BOUND} of the exact cost
   * @throws InvalidValueException if a count is negative
   * @throws UnpricedUsageException if a class with tokens has no price
   */
  public double costUsd(
      long inputTokens, long cacheReadTokens, long cacheWrite5mTokens, long cacheWrite1hTokens,
      long outputTokens, long reasoningTokens) {
    if ((inputTokens | cacheReadTokens | cacheWrite5mTokens | cacheWrite1hTokens | outputTokens
        | reasoningTokens) < 0) {
      throw negative(inputTokens, cacheReadTokens, cacheWrite5mTokens, cacheWrite1hTokens, outputTokens,
          reasoningTokens);
    }
    long prompt = inputTokens + cacheReadTokens + cacheWrite5mTokens + cacheWrite1hTokens;
    if (prompt > firstThreshold || prompt < 0) {
      return tiered(prompt, inputTokens, cacheReadTokens, cacheWrite5mTokens, cacheWrite1hTokens,
          outputTokens, reasoningTokens);
    }
    if (baseMissing != 0 && (used(inputTokens, cacheReadTokens, cacheWrite5mTokens, cacheWrite1hTokens,
        outputTokens, reasoningTokens) & baseMissing) != 0) {
      throw unpriced(baseMissing, -1, inputTokens, cacheReadTokens, cacheWrite5mTokens, cacheWrite1hTokens,
          outputTokens, reasoningTokens);
    }
    return inputTokens * input + cacheReadTokens * cacheRead + cacheWrite5mTokens * cacheWrite5m
        + cacheWrite1hTokens * cacheWrite1h + outputTokens * output + reasoningTokens * reasoning;
  }

  /**
   * The cost of a request with input and output only.
   *
   * @param inputTokens uncached prompt tokens
   * @param outputTokens output tokens
   * @return USD
   * @throws InvalidValueException if a count is negative
   * @throws UnpricedUsageException if a class with tokens has no price
   */
  public double costUsd(long inputTokens, long outputTokens) {
    return costUsd(inputTokens, 0, 0, 0, outputTokens, 0);
  }

  /**
   * The cost from OpenAI usage fields, where prompt includes cached and completion includes reasoning.
   *
   * @param promptTokens {@code prompt_tokens}
   * @param cachedTokens {@code cached_tokens}, {@code <= promptTokens}
   * @param completionTokens {@code completion_tokens}
   * @param reasoningTokens {@code reasoning_tokens}, {@code <= completionTokens}
   * @return USD
   * @throws InvalidValueException if a count is negative or a part exceeds its whole
   * @throws UnpricedUsageException if a class with tokens has no price
   */
  public double costOpenAiUsd(long promptTokens, long cachedTokens, long completionTokens, long reasoningTokens) {
    if (cachedTokens > promptTokens || reasoningTokens > completionTokens) {
      Usage.openAi(promptTokens, cachedTokens, completionTokens, reasoningTokens); // throws with the message
    }
    return costUsd(promptTokens - cachedTokens, cachedTokens, 0, 0, completionTokens - reasoningTokens,
        reasoningTokens);
  }

  /**
   * The cost from Anthropic usage fields, where input excludes the cache fields.
   *
   * @param inputTokens {@code input_tokens}
   * @param cacheCreationInputTokens {@code cache_creation_input_tokens} (5-minute writes)
   * @param cacheReadInputTokens {@code cache_read_input_tokens}
   * @param outputTokens {@code output_tokens}
   * @return USD
   * @throws InvalidValueException if a count is negative
   * @throws UnpricedUsageException if a class with tokens has no price
   */
  public double costAnthropicUsd(
      long inputTokens, long cacheCreationInputTokens, long cacheReadInputTokens, long outputTokens) {
    return costUsd(inputTokens, cacheReadInputTokens, cacheCreationInputTokens, 0, outputTokens, 0);
  }

  private double tiered(
      long prompt, long in, long cr, long cw5, long cw1, long out, long reas) {
    if (prompt < 0) {
      throw InvalidValueException.of("promptTokens", "<= " + Long.MAX_VALUE + " (no overflow)", "overflow");
    }
    int t = thresholds.length - 1;
    while (prompt <= thresholds[t]) {
      t--;
    }
    if (tierMissing[t] != 0 && (used(in, cr, cw5, cw1, out, reas) & tierMissing[t]) != 0) {
      throw unpriced(tierMissing[t], t, in, cr, cw5, cw1, out, reas);
    }
    double[] r = tierRates[t];
    return in * r[0] + cr * r[1] + cw5 * r[2] + cw1 * r[3] + out * r[4] + reas * r[5];
  }

  /** Bit i set: class with ordinal i has tokens. */
  private static int used(long in, long cr, long cw5, long cw1, long out, long reas) {
    return (in != 0 ? 1 : 0) | (cr != 0 ? 2 : 0) | (cw5 != 0 ? 4 : 0) | (cw1 != 0 ? 8 : 0)
        | (out != 0 ? 16 : 0) | (reas != 0 ? 32 : 0);
  }

  /** Only on the throwing path, so the varargs array costs nothing in the common case. */
  private UnpricedUsageException unpriced(int missing, int tier, long... tokens) {
    for (int i = 0; i < CLASSES; i++) {
      if ((missing & (1 << i)) != 0 && tokens[i] != 0) {
        TokenClass c = TokenClass.values()[i];
        return UnpricedUsageException.of(model.id(), c, tokens[i], options,
            RateResolver.resolve(model, options, tier).reason(c));
      }
    }
    throw new AssertionError();
  }

  private static InvalidValueException negative(long... tokens) {
    for (int i = 0; i < tokens.length; i++) {
      if (tokens[i] < 0) {
        return InvalidValueException.of(TokenClass.values()[i].jsonName() + "Tokens", ">= 0", tokens[i]);
      }
    }
    throw new AssertionError();
  }

  @Override
  public String toString() {
    return "PriceHandle[" + model.id() + ", " + options.serviceTier() + ", " + options.residency() + "]";
  }
}
