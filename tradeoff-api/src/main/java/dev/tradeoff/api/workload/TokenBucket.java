package dev.tradeoff.api.workload;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tradeoff.api.TradeoffException;
import org.immutables.value.Value;

/**
 * One point of an empirical token distribution: requests of this size make up {@link #weight()} parts of the
 * traffic.
 *
 * <pre>{@code
 * TokenProfile mixed = TokenProfile.builder()
 *     .addBucket(TokenBucket.of(800, 200, 0.7))      // 70% short prompts
 *     .addBucket(TokenBucket.of(6_000, 500, 0.3))    // 30% with a document attached
 *     .build();
 * }</pre>
 *
 * <p>Token counts per request ({@code input} counts every prompt token, cached ones included; {@code output}
 * every generated token, reasoning included), finite and {@code >= 0}; weight {@code > 0}. Immutable and
 * thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableTokenBucket.class)
@JsonDeserialize(as = ImmutableTokenBucket.class)
public interface TokenBucket {

  /** @return prompt tokens per request, cached included */
  double inputTokens();

  /** @return generated tokens per request, reasoning included */
  double outputTokens();

  /** @return the relative share of requests, {@code > 0}, 1 by default */
  default double weight() {
    return 1;
  }

  /**
   * Checks the numbers.
   *
   * @throws TradeoffException naming the field and value
   */
  @Value.Check
  default void check() {
    if (!(inputTokens() >= 0) || Double.isInfinite(inputTokens())) {
      throw TradeoffException.invalid("inputTokens", ">= 0 and finite", inputTokens());
    }
    if (!(outputTokens() >= 0) || Double.isInfinite(outputTokens())) {
      throw TradeoffException.invalid("outputTokens", ">= 0 and finite", outputTokens());
    }
    if (!(weight() > 0) || Double.isInfinite(weight())) {
      throw TradeoffException.invalid("weight", "> 0 and finite", weight());
    }
  }

  /**
   * A bucket.
   *
   * @param inputTokens prompt tokens per request
   * @param outputTokens generated tokens per request
   * @param weight relative share of requests
   * @return the bucket
   */
  static TokenBucket of(double inputTokens, double outputTokens, double weight) {
    return ImmutableTokenBucket.builder().inputTokens(inputTokens).outputTokens(outputTokens).weight(weight).build();
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableTokenBucket.Builder builder() {
    return ImmutableTokenBucket.builder();
  }
}
