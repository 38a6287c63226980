package dev.tradeoff.pricing;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/**
 * A long-context price tier: when a request's prompt ({@link Usage#promptTokens() input + cache reads +
 * cache writes}) <em>exceeds</em> {@link #thresholdInputTokens()}, the <em>whole</em> request — every
 * class, output included — is priced at this tier's rates.
 *
 * <p>Anthropic: "If your request exceeds 200K input tokens, all tokens incur premium pricing. The 200K
 * threshold is based solely on input tokens (including cache reads/writes)." Gemini 2.5 Pro and
 * GPT-5.4/5.5 (above 272k) follow the same whole-request rule. Classes the tier does not list follow the
 * {@link TokenRates#effective(TokenClass) fallbacks} <em>within the tier</em> (a cache read with no tier
 * rate is billed at the tier's input rate), never at the lower base rate.
 *
 * <pre>{@code
 * LongContextTier sonnet4 = LongContextTier.of(200_000, TokenRates.of("6", "22.50"));
 * }</pre>
 *
 * <p>Immutable and thread-safe. JSON: {@code {"thresholdInputTokens":200000,"rates":{...}}}.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableLongContextTier.class)
@JsonDeserialize(as = ImmutableLongContextTier.class)
public interface LongContextTier {

  /**
   * The prompt size above which the tier applies (strictly greater than).
   *
   * @return the threshold in tokens, {@code > 0}
   */
  long thresholdInputTokens();

  /**
   * The rates of the tier.
   *
   * @return the rates
   */
  TokenRates rates();

  /**
   * Rejects a non-positive threshold.
   *
   * @throws InvalidValueException if the threshold is {@code <= 0}
   */
  @Value.Check
  default void check() {
    if (thresholdInputTokens() <= 0) {
      throw InvalidValueException.of("thresholdInputTokens", "> 0", thresholdInputTokens());
    }
  }

  /**
   * A tier.
   *
   * @param thresholdInputTokens the prompt size above which the tier applies, {@code > 0}
   * @param rates the tier's rates
   * @return the tier
   */
  static LongContextTier of(long thresholdInputTokens, TokenRates rates) {
    return ImmutableLongContextTier.builder().thresholdInputTokens(thresholdInputTokens).rates(rates).build();
  }
}
