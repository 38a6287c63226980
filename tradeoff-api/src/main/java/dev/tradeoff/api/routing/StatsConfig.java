package dev.tradeoff.api.routing;

import java.time.Duration;
import org.immutables.value.Value;

/**
 * How {@link ProviderStats} smooths what it observes: the EWMA weight of a new sample and the sliding
 * window for counts and rates.
 *
 * <p>An exponentially weighted moving average moves by {@code alpha × (sample − average)} per sample, so
 * after {@code n} samples an old value keeps weight {@code (1 − alpha)^n}: with the default alpha 0.2 a
 * latency step is 89% absorbed after 10 requests. The window keeps {@link #windowBuckets()} buckets of
 * {@code window / windowBuckets} each and reports over the last {@code window}, give or take one bucket.
 *
 * <pre>{@code
 * StatsConfig cfg = StatsConfig.builder().ewmaAlpha(0.1).window(Duration.ofSeconds(30)).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
public interface StatsConfig {

  /** Default EWMA weight of a new sample: 0.2 (dimensionless). */
  double DEFAULT_EWMA_ALPHA = 0.2;
  /** Default sliding-window length: 10 seconds. */
  Duration DEFAULT_WINDOW = Duration.ofSeconds(10);
  /** Default number of buckets in the window: 10 (so 1-second buckets by default). */
  int DEFAULT_WINDOW_BUCKETS = 10;

  /**
   * The weight of a new sample in the moving averages.
   *
   * @return in (0, 1]; {@value #DEFAULT_EWMA_ALPHA} by default
   */
  @Value.Default
  default double ewmaAlpha() {
    return DEFAULT_EWMA_ALPHA;
  }

  /**
   * The sliding-window length.
   *
   * @return positive; {@link #DEFAULT_WINDOW} by default
   */
  @Value.Default
  default Duration window() {
    return DEFAULT_WINDOW;
  }

  /**
   * The number of buckets the window is split into.
   *
   * @return in [1, 1000]; {@value #DEFAULT_WINDOW_BUCKETS} by default
   */
  @Value.Default
  default int windowBuckets() {
    return DEFAULT_WINDOW_BUCKETS;
  }

  /**
   * The defaults.
   *
   * @return the default configuration
   */
  static StatsConfig defaults() {
    return builder().build();
  }

  /**
   * A new builder.
   *
   * @return a builder
   */
  static ImmutableStatsConfig.Builder builder() {
    return ImmutableStatsConfig.builder();
  }

  /**
   * Rejects bad values.
   *
   * @throws IllegalArgumentException naming the value
   */
  @Value.Check
  default void check() {
    if (!(ewmaAlpha() > 0 && ewmaAlpha() <= 1)) {
      throw new IllegalArgumentException("ewmaAlpha must be in (0, 1], but was " + ewmaAlpha());
    }
    if (window().isNegative() || window().isZero()) {
      throw new IllegalArgumentException("window must be positive, but was " + window());
    }
    if (windowBuckets() < 1 || windowBuckets() > 1000) {
      throw new IllegalArgumentException("windowBuckets must be in [1, 1000], but was " + windowBuckets());
    }
    if (window().toNanos() / windowBuckets() < 1) {
      throw new IllegalArgumentException(
          "window / windowBuckets must be >= 1 ns, but was " + window() + " / " + windowBuckets());
    }
  }
}
