package dev.tradeoff.api.routing;

import java.time.Duration;
import org.immutables.value.Value;

/**
 * How many retries (failovers included) a {@link RetryBudget} allows: a share of the recent requests plus a
 * small reserve per second, so that retries can never multiply the load on a failing fleet.
 *
 * <p>Over the last {@link #ttl()}, at most {@code minRetriesPerSecond × ttl + retryRatio × requests}
 * retries are allowed. With the defaults (ratio 0.2, 10 retries/s, 10 s) an outage raises the attempts per
 * request to at most 1.2 once traffic exceeds 500 requests in 10 s, instead of the {@code maxAttempts}
 * multiple a naive retry loop causes.
 *
 * <pre>{@code
 * RetryBudgetConfig budget = RetryBudgetConfig.builder().retryRatio(0.1).minRetriesPerSecond(5).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
public interface RetryBudgetConfig {

  /** Default retries allowed per request: 0.2 (20% extra load at most). */
  double DEFAULT_RETRY_RATIO = 0.2;
  /** Default reserve that lets low-traffic callers retry: 10 retries per second. */
  int DEFAULT_MIN_RETRIES_PER_SECOND = 10;
  /** Default memory of deposits and withdrawals: 10 seconds. */
  Duration DEFAULT_TTL = Duration.ofSeconds(10);

  /**
   * Retries allowed per request seen in the last {@link #ttl()}.
   *
   * @return in [0, 1000], with a resolution of 1e-6; {@value #DEFAULT_RETRY_RATIO} by default
   */
  @Value.Default
  default double retryRatio() {
    return DEFAULT_RETRY_RATIO;
  }

  /**
   * Retries allowed per second regardless of traffic.
   *
   * @return in [0, 1,000,000]; {@value #DEFAULT_MIN_RETRIES_PER_SECOND} by default
   */
  @Value.Default
  default int minRetriesPerSecond() {
    return DEFAULT_MIN_RETRIES_PER_SECOND;
  }

  /**
   * How long requests and retries are remembered (10 buckets).
   *
   * @return in [10 ns, 1 hour]; {@link #DEFAULT_TTL} by default
   */
  @Value.Default
  default Duration ttl() {
    return DEFAULT_TTL;
  }

  /**
   * The defaults.
   *
   * @return the default configuration
   */
  static RetryBudgetConfig defaults() {
    return builder().build();
  }

  /**
   * A budget that allows no retry at all.
   *
   * @return the configuration
   */
  static RetryBudgetConfig none() {
    return builder().retryRatio(0).minRetriesPerSecond(0).build();
  }

  /**
   * A new builder.
   *
   * @return a builder
   */
  static ImmutableRetryBudgetConfig.Builder builder() {
    return ImmutableRetryBudgetConfig.builder();
  }

  /**
   * Rejects bad values.
   *
   * @throws IllegalArgumentException naming the value
   */
  @Value.Check
  default void check() {
    if (!(retryRatio() >= 0 && retryRatio() <= 1000)) {
      throw new IllegalArgumentException("retryRatio must be in [0, 1000], but was " + retryRatio());
    }
    if (minRetriesPerSecond() < 0 || minRetriesPerSecond() > 1_000_000) {
      throw new IllegalArgumentException(
          "minRetriesPerSecond must be in [0, 1000000], but was " + minRetriesPerSecond());
    }
    if (ttl().toNanos() < 10 || ttl().compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException("ttl must be in [10 ns, 1 hour], but was " + ttl());
    }
  }
}
