package dev.tradeoff.pricing;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Prices per token class, in <b>USD per 1 million tokens</b>, as exact decimals. Each rate is optional:
 * a class the provider lists no price for stays empty and is never billed at $0 — see
 * {@link TokenClass} for the documented fallbacks (cache classes to the input rate, reasoning to the
 * output rate) and {@link UnpricedUsageException} for the rest.
 *
 * <pre>{@code
 * TokenRates gpt4oMini = TokenRates.builder()
 *     .inputPerMillion(new BigDecimal("0.15"))
 *     .cacheReadPerMillion(new BigDecimal("0.075"))
 *     .outputPerMillion(new BigDecimal("0.60"))
 *     .build();
 * }</pre>
 *
 * <p>Every present rate must be {@code >= 0}; otherwise {@link InvalidValueException}. Immutable and
 * thread-safe. JSON: {@code {"inputPerMillion":0.15,"cacheReadPerMillion":0.075,"outputPerMillion":0.6}}.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableTokenRates.class)
@JsonDeserialize(as = ImmutableTokenRates.class)
public interface TokenRates {

  /**
   * USD per 1M uncached input tokens.
   *
   * @return the rate, or empty if not priced
   */
  Optional<BigDecimal> inputPerMillion();

  /**
   * USD per 1M cache-read tokens.
   *
   * @return the rate, or empty (then billed at the input rate)
   */
  Optional<BigDecimal> cacheReadPerMillion();

  /**
   * USD per 1M short-lived (5-minute) cache-write tokens.
   *
   * @return the rate, or empty (then billed at the input rate)
   */
  Optional<BigDecimal> cacheWrite5mPerMillion();

  /**
   * USD per 1M 1-hour cache-write tokens.
   *
   * @return the rate, or empty (then such tokens cannot be priced)
   */
  Optional<BigDecimal> cacheWrite1hPerMillion();

  /**
   * USD per 1M output tokens.
   *
   * @return the rate, or empty if not priced
   */
  Optional<BigDecimal> outputPerMillion();

  /**
   * USD per 1M reasoning tokens when the provider prices them apart from output.
   *
   * @return the rate, or empty (then billed at the output rate)
   */
  Optional<BigDecimal> reasoningPerMillion();

  /**
   * Rejects negative rates.
   *
   * @throws InvalidValueException naming the field and value
   */
  @Value.Check
  default void check() {
    for (TokenClass c : TokenClass.values()) {
      Optional<BigDecimal> rate = explicit(c);
      if (rate.isPresent() && rate.get().signum() < 0) {
        throw InvalidValueException.of(fieldName(c), ">= 0", rate.get().toPlainString());
      }
    }
  }

  /**
   * The rate listed for a class, without fallbacks.
   *
   * @param tokenClass the class
   * @return the listed rate, or empty
   */
  default Optional<BigDecimal> explicit(TokenClass tokenClass) {
    switch (tokenClass) {
      case INPUT: return inputPerMillion();
      case CACHE_READ: return cacheReadPerMillion();
      case CACHE_WRITE_5M: return cacheWrite5mPerMillion();
      case CACHE_WRITE_1H: return cacheWrite1hPerMillion();
      case OUTPUT: return outputPerMillion();
      case REASONING: return reasoningPerMillion();
      default: throw new AssertionError(tokenClass);
    }
  }

  /**
   * The rate a class is billed at: the listed rate, else the documented fallback (cache read and 5-minute
   * write → input rate; reasoning → output rate), else empty.
   *
   * @param tokenClass the class
   * @return the effective rate in USD per 1M tokens, or empty if the class cannot be priced
   */
  default Optional<BigDecimal> effective(TokenClass tokenClass) {
    Optional<BigDecimal> listed = explicit(tokenClass);
    if (listed.isPresent()) {
      return listed;
    }
    switch (tokenClass) {
      case CACHE_READ:
      case CACHE_WRITE_5M:
        return inputPerMillion();
      case REASONING:
        return outputPerMillion();
      default:
        return Optional.empty();
    }
  }

  /**
   * These rates with every present rate multiplied by a factor (discounts, uplifts), exactly.
   *
   * @param factor the multiplier, {@code >= 0}
   * @return the scaled rates
   * @throws InvalidValueException if the factor is negative
   */
  default TokenRates times(BigDecimal factor) {
    if (factor.signum() < 0) {
      throw InvalidValueException.of("factor", ">= 0", factor.toPlainString());
    }
    ImmutableTokenRates.Builder b = builder();
    inputPerMillion().ifPresent(r -> b.inputPerMillion(Money.normalize(r.multiply(factor))));
    cacheReadPerMillion().ifPresent(r -> b.cacheReadPerMillion(Money.normalize(r.multiply(factor))));
    cacheWrite5mPerMillion().ifPresent(r -> b.cacheWrite5mPerMillion(Money.normalize(r.multiply(factor))));
    cacheWrite1hPerMillion().ifPresent(r -> b.cacheWrite1hPerMillion(Money.normalize(r.multiply(factor))));
    outputPerMillion().ifPresent(r -> b.outputPerMillion(Money.normalize(r.multiply(factor))));
    reasoningPerMillion().ifPresent(r -> b.reasoningPerMillion(Money.normalize(r.multiply(factor))));
    return b.build();
  }

  /**
   * Whether no class has a listed rate.
   *
   * @return {@code true} if every rate is empty
   */
  @Value.NonAttribute
  default boolean noneListed() {
    for (TokenClass c : TokenClass.values()) {
      if (explicit(c).isPresent()) {
        return false;
      }
    }
    return true;
  }

  /**
   * The JSON field name of a class's rate, for example {@code inputPerMillion}.
   *
   * @param tokenClass the class
   * @return the field name
   */
  static String fieldName(TokenClass tokenClass) {
    return tokenClass.jsonName() + "PerMillion";
  }

  /**
   * Rates with input and output only.
   *
   * @param inputPerMillion USD per 1M input tokens, for example {@code "2.50"}
   * @param outputPerMillion USD per 1M output tokens
   * @return the rates
   * @throws NumberFormatException if a value is not a decimal number
   * @throws InvalidValueException if a value is negative
   */
  static TokenRates of(String inputPerMillion, String outputPerMillion) {
    return builder()
        .inputPerMillion(new BigDecimal(inputPerMillion))
        .outputPerMillion(new BigDecimal(outputPerMillion))
        .build();
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableTokenRates.Builder builder() {
    return ImmutableTokenRates.builder();
  }
}
