package dev.tradeoff.metrics.client;

import dev.tradeoff.metrics.FailureKind;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.immutables.value.Value;

/**
 * Whether and how a client retries a request that failed before any token was streamed (HTTP 429/5xx, a
 * failed connection). A request that failed mid-stream is never retried: its tokens were already measured.
 *
 * <p>The delay before attempt {@code k + 1} is the server's {@code Retry-After} (or {@code retry-after-ms})
 * when {@link #honourRetryAfter()} and the server sent one — and if that is longer than {@link
 * #maxRetryAfter()}, the client gives up rather than hammer a server that asked for patience; otherwise
 * {@code initialBackoff × multiplier^(k−1)}. Latency of a retried request is still measured from its first
 * send, and {@link dev.tradeoff.metrics.RequestResult#attempts()} records how many attempts it took.
 *
 * <pre>{@code
 * RetryPolicy retry = RetryPolicy.builder().maxAttempts(3).maxRetryAfter(Duration.ofSeconds(30)).build();
 * }</pre>
 */
@Value.Immutable
public interface RetryPolicy {

  /**
   * No retries: every failure is recorded as it happened (the default for benchmarks).
   *
   * @return the policy
   */
  static RetryPolicy none() {
    return builder().maxAttempts(1).build();
  }

  /**
   * A new builder.
   *
   * @return a builder
   */
  static ImmutableRetryPolicy.Builder builder() {
    return ImmutableRetryPolicy.builder();
  }

  /**
   * Total attempts, the first included.
   *
   * @return at least 1; 1 by default
   */
  @Value.Default
  default int maxAttempts() {
    return 1;
  }

  /**
   * Whether to wait as long as the server's {@code Retry-After} says.
   *
   * @return true by default
   */
  @Value.Default
  default boolean honourRetryAfter() {
    return true;
  }

  /**
   * The longest {@code Retry-After} the client is willing to wait; a longer one ends the request.
   *
   * @return 60 s by default
   */
  @Value.Default
  default Duration maxRetryAfter() {
    return Duration.ofSeconds(60);
  }

  /**
   * The delay before the second attempt when the server gave no {@code Retry-After}.
   *
   * @return 500 ms by default
   */
  @Value.Default
  default Duration initialBackoff() {
    return Duration.ofMillis(500);
  }

  /**
   * The factor each further backoff grows by.
   *
   * @return at least 1.0; 2.0 by default
   */
  @Value.Default
  default double backoffMultiplier() {
    return 2.0;
  }

  /**
   * The failure kinds worth retrying.
   *
   * @return by default the kinds whose {@link FailureKind#retryableByDefault()} is true
   */
  @Value.Default
  default Set<FailureKind> retryOn() {
    Set<FailureKind> kinds = EnumSet.noneOf(FailureKind.class);
    for (FailureKind k : FailureKind.values()) {
      if (k.retryableByDefault()) {
        kinds.add(k);
      }
    }
    return kinds;
  }

  /** Checks the invariants. */
  @Value.Check
  default void check() {
    if (maxAttempts() < 1) {
      throw new IllegalStateException("maxAttempts must be >= 1, but was " + maxAttempts());
    }
    if (maxRetryAfter().isNegative()) {
      throw new IllegalStateException("maxRetryAfter must not be negative, but was " + maxRetryAfter());
    }
    if (initialBackoff().isNegative()) {
      throw new IllegalStateException("initialBackoff must not be negative, but was " + initialBackoff());
    }
    if (!(backoffMultiplier() >= 1.0)) {
      throw new IllegalStateException("backoffMultiplier must be >= 1.0, but was " + backoffMultiplier());
    }
  }
}
