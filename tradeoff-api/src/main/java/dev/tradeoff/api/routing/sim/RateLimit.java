package dev.tradeoff.api.routing.sim;

import java.time.Duration;
import org.immutables.value.Value;

/**
 * A simulated candidate's limits: requests per minute, tokens per minute (input plus expected output, as
 * providers count them) and concurrent requests. A request over a limit is answered with HTTP 429 ({@code
 * RATE_LIMITED}) after {@link #rejectLatency()}.
 *
 * <p>The per-minute limits are token buckets holding one minute's allowance and refilling continuously, the
 * way OpenAI and Anthropic describe theirs; a single request larger than a minute's token allowance is
 * always rejected. Concurrency counts attempts from admission to completion.
 *
 * <pre>{@code
 * RateLimit tier1 = RateLimit.builder().requestsPerMinute(500).tokensPerMinute(200_000).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
public interface RateLimit {

  /** "No limit" for the counts: {@link Long#MAX_VALUE}. */
  long UNLIMITED = Long.MAX_VALUE;
  /** Default time until a 429 arrives: 20 milliseconds. */
  Duration DEFAULT_REJECT_LATENCY = Duration.ofMillis(20);

  /**
   * Requests per minute.
   *
   * @return {@code >= 1}; {@link #UNLIMITED} by default
   */
  @Value.Default
  default long requestsPerMinute() {
    return UNLIMITED;
  }

  /**
   * Tokens per minute.
   *
   * @return {@code >= 1}; {@link #UNLIMITED} by default
   */
  @Value.Default
  default long tokensPerMinute() {
    return UNLIMITED;
  }

  /**
   * Requests in flight at once.
   *
   * @return {@code >= 1}; {@link #UNLIMITED} by default
   */
  @Value.Default
  default long maxConcurrent() {
    return UNLIMITED;
  }

  /**
   * Time until a rejected request learns it was rejected.
   *
   * @return {@code >= 0}; {@link #DEFAULT_REJECT_LATENCY} by default
   */
  @Value.Default
  default Duration rejectLatency() {
    return DEFAULT_REJECT_LATENCY;
  }

  /**
   * No limits.
   *
   * @return the unlimited configuration
   */
  static RateLimit none() {
    return builder().build();
  }

  /**
   * A new builder.
   *
   * @return a builder
   */
  static ImmutableRateLimit.Builder builder() {
    return ImmutableRateLimit.builder();
  }

  /**
   * Rejects bad values.
   *
   * @throws IllegalArgumentException naming the value
   */
  @Value.Check
  default void check() {
    if (requestsPerMinute() < 1) {
      throw new IllegalArgumentException("requestsPerMinute must be >= 1, but was " + requestsPerMinute());
    }
    if (tokensPerMinute() < 1) {
      throw new IllegalArgumentException("tokensPerMinute must be >= 1, but was " + tokensPerMinute());
    }
    if (maxConcurrent() < 1) {
      throw new IllegalArgumentException("maxConcurrent must be >= 1, but was " + maxConcurrent());
    }
    if (rejectLatency().isNegative()) {
      throw new IllegalArgumentException("rejectLatency must be >= 0, but was " + rejectLatency());
    }
  }
}
