package dev.tradeoff.pricing.plan;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tradeoff.pricing.InvalidValueException;
import dev.tradeoff.pricing.TokenClass;
import dev.tradeoff.pricing.Usage;
import org.immutables.value.Value;

/**
 * The token composition of a workload's typical request: average tokens per request of each
 * {@link TokenClass}. It turns a demand in tokens per minute into requests and per-class tokens, and its prompt
 * size selects long-context tiers.
 *
 * <pre>{@code
 * TokenMix chat = TokenMix.of(1500, 300);                    // 1,500 in, 300 out per request
 * TokenMix cached = TokenMix.builder().input(300).cacheRead(1200).output(300).build();
 * double outShare = chat.share(TokenClass.OUTPUT);            // 300 / 1800
 * }</pre>
 *
 * <p>All counts are {@code >= 0} and finite, with a positive total; otherwise {@link InvalidValueException}.
 * Averages may be fractional. A mix describes one typical request: a workload whose requests differ widely in
 * prompt size (some above a long-context threshold, some below) should be split into several workloads.
 * Immutable and thread-safe. JSON: {@code {"input":1500.0,"output":300.0}} (absent classes are 0).
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableTokenMix.class)
@JsonDeserialize(as = ImmutableTokenMix.class)
public interface TokenMix {

  /** @return average uncached input tokens per request, 0 by default */
  default double input() {
    return 0;
  }

  /** @return average cache-read tokens per request, 0 by default */
  default double cacheRead() {
    return 0;
  }

  /** @return average 5-minute cache-write tokens per request, 0 by default */
  default double cacheWrite5m() {
    return 0;
  }

  /** @return average 1-hour cache-write tokens per request, 0 by default */
  default double cacheWrite1h() {
    return 0;
  }

  /** @return average output tokens per request, 0 by default */
  default double output() {
    return 0;
  }

  /** @return average separately reported reasoning tokens per request, 0 by default */
  default double reasoning() {
    return 0;
  }

  /**
   * Rejects negative, non-finite and all-zero mixes.
   *
   * @throws InvalidValueException naming the field
   */
  @Value.Check
  default void check() {
    for (TokenClass c : TokenClass.values()) {
      double v = tokens(c);
      if (!(v >= 0) || Double.isInfinite(v)) {
        throw InvalidValueException.of(c.jsonName(), ">= 0 and finite", v);
      }
    }
    if (totalPerRequest() <= 0) {
      throw InvalidValueException.of("totalPerRequest", "> 0 (a request must have tokens)", totalPerRequest());
    }
  }

  /**
   * Average tokens of one class per request.
   *
   * @param tokenClass the class
   * @return the average
   */
  default double tokens(TokenClass tokenClass) {
    switch (tokenClass) {
      case INPUT: return input();
      case CACHE_READ: return cacheRead();
      case CACHE_WRITE_5M: return cacheWrite5m();
      case CACHE_WRITE_1H: return cacheWrite1h();
      case OUTPUT: return output();
      case REASONING: return reasoning();
      default: throw new AssertionError(tokenClass);
    }
  }

  /**
   * All tokens of a request.
   *
   * @return the average total per request
   */
  @Value.NonAttribute
  default double totalPerRequest() {
    return input() + cacheRead() + cacheWrite5m() + cacheWrite1h() + output() + reasoning();
  }

  /**
   * Prompt tokens of a request (input and cache classes).
   *
   * @return the average prompt size
   */
  @Value.NonAttribute
  default double promptPerRequest() {
    return input() + cacheRead() + cacheWrite5m() + cacheWrite1h();
  }

  /**
   * The fraction of all tokens that are of one class.
   *
   * @param tokenClass the class
   * @return the share in {@code [0, 1]}
   */
  default double share(TokenClass tokenClass) {
    return tokens(tokenClass) / totalPerRequest();
  }

  /**
   * A mix of input and output only.
   *
   * @param input average input tokens per request
   * @param output average output tokens per request
   * @return the mix
   */
  static TokenMix of(double input, double output) {
    return builder().input(input).output(output).build();
  }

  /**
   * The mix of one representative request.
   *
   * @param usage the request's usage
   * @return the mix
   */
  static TokenMix of(Usage usage) {
    return builder().input(usage.input()).cacheRead(usage.cacheRead()).cacheWrite5m(usage.cacheWrite5m())
        .cacheWrite1h(usage.cacheWrite1h()).output(usage.output()).reasoning(usage.reasoning()).build();
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableTokenMix.Builder builder() {
    return ImmutableTokenMix.builder();
  }
}
