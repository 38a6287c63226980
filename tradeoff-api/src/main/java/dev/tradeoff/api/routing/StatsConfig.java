package dev.tradeoff.api.routing;

import java.time.Duration;
import org.immutables.value.Value;

/**
 * How {@link ProviderStats} smooths what it observes: the EWMA weight of a new sample, how long an average
 * stays valid without samples, and the sliding window for counts and rates.
 *
 * <p>An exponentially weighted moving average moves by {@code alpha × (sample − average)} per sample, so
 * after {@code n} samples an old value keeps weight {@code (1 − alpha)^n}: with the default alpha 0.2 a
 * latency step is 89% absorbed after 10 requests. An average that has seen no sample for {@link
 * #staleAfter()} describes the past, not the candidate: it reads as the candidate's prior again, and the next
 * sample starts from the prior. Without this, a policy that stops sending traffic to a candidate because
 * of one bad sample would never see it recover. The window keeps {@link #windowBuckets()} buckets of
 * {@code window / windowBuckets} each and reports over the last {@code window}, give or take one bucket;
 * its error rate is judged only over at least {@link #minimumRequests()} requests.
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
  /** Default time without samples after which an average reads as the prior again: 30 seconds. */
  Duration DEFAULT_STALE_AFTER = Duration.ofSeconds(30);
  /** Default finished requests the window needs before its error rate is judged: 20 requests. */
  int DEFAULT_MINIMUM_REQUESTS = 20;

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
   * How long a moving average stays valid without a new sample: after that it reads as the candidate's
   * prior, and the next sample moves it from the prior. Time to first token and output rate age from the
   * last success, the error rate from the last finished request.
   *
   * @return positive; {@link #DEFAULT_STALE_AFTER} by default
   */
  @Value.Default
  default Duration staleAfter() {
    return DEFAULT_STALE_AFTER;
  }

  /**
   * The finished requests the sliding window needs before its error rate is judged against an objective
   * ({@link SelectionContext#errorRateExceeds}): fewer are not evidence that a candidate misses it (a
   * single failure among a handful of requests says little about a 5% objective). A candidate failing every
   * request on low traffic is ejected by its circuit breaker instead (see {@link HealthConfig}).
   *
   * @return at least 1; {@value #DEFAULT_MINIMUM_REQUESTS} by default
   */
  @Value.Default
  default int minimumRequests() {
    return DEFAULT_MINIMUM_REQUESTS;
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
    if (staleAfter().isNegative() || staleAfter().isZero()) {
      throw new IllegalArgumentException("staleAfter must be positive, but was " + staleAfter());
    }
    if (minimumRequests() < 1) {
      throw new IllegalArgumentException("minimumRequests must be >= 1, but was " + minimumRequests());
    }
    if (window().toNanos() / windowBuckets() < 1) {
      throw new IllegalArgumentException(
          "window / windowBuckets must be >= 1 ns, but was " + window() + " / " + windowBuckets());
    }
  }
}
