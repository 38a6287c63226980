package dev.tradeoff.metrics.stats;

import dev.tradeoff.metrics.RequestResult;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A latency objective: a metric must not exceed a threshold. A request is <b>good</b> (counts for goodput) when
 * it succeeded and meets every objective. A failed request meets none.
 *
 * <p>A successful request for which the metric is undefined does <b>not</b> violate its objective: TPOT of a
 * one-token answer, TTFT of a stream that ended without any content or tool-call event (an empty answer, or
 * reasoning only), reasoning time of a request that did not reason, response headers or client queue time that
 * the transport did not report. To catch slow requests that never produced a value for such a metric, add an
 * objective on {@link LatencyMetric#E2E}, which every request has.
 *
 * <p>The comparison is exact, in nanoseconds, with the threshold inclusive; for {@link LatencyMetric#TPOT} the
 * fractional value is compared without rounding (see {@link #isMetBy}).
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * List<Slo> slos = List.of(Slo.of(LatencyMetric.TTFT, Duration.ofMillis(500)),
 *                          Slo.of(LatencyMetric.TPOT, Duration.ofMillis(50)));
 * }</pre>
 *
 * @param metric the metric (for {@link LatencyMetric#ITL}: each request's largest gap)
 * @param threshold the largest acceptable value, inclusive
 */
public record Slo(LatencyMetric metric, Duration threshold) {

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException if the threshold is negative
   * @param metric see the record component
   * @param threshold see the record component
   */
  public Slo {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(threshold, "threshold");
    if (threshold.isNegative()) {
      throw new IllegalArgumentException("threshold must not be negative, but was " + threshold);
    }
  }

  /**
   * An objective.
   *
   * @param metric the metric
   * @param threshold the largest acceptable value
   * @return the objective
   */
  public static Slo of(LatencyMetric metric, Duration threshold) {
    return new Slo(metric, threshold);
  }

  /**
   * Whether a request meets this objective (a failed request meets none). The comparison is exact: for {@link
   * LatencyMetric#TPOT}, whose value (E2E − TTFT<sub>any</sub>) / (n − 1) is fractional, it checks E2E −
   * TTFT<sub>any</sub> ≤ threshold × (n − 1) in integer nanoseconds rather than the rounded {@link
   * LatencyMetric#valueNanos}, so 50,000,000.25 ns does not meet 50 ms.
   *
   * @param r the request
   * @return true if it succeeded and its value, when defined, is at most the threshold
   */
  public boolean isMetBy(RequestResult r) {
    if (!r.succeeded()) {
      return false;
    }
    long limit = thresholdNanos();
    if (metric == LatencyMetric.TPOT) {
      return tpotAtMost(r, limit);
    }
    OptionalLong v = metric.valueNanos(r);
    return v.isEmpty() || v.getAsLong() <= limit;
  }

  /** The threshold in nanoseconds, saturated at Long.MAX_VALUE (Duration.toNanos overflows past 292 years). */
  private long thresholdNanos() {
    try {
      return threshold.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  /** Whether TPOT = span / (n − 1) ≤ limit, as span ≤ limit × (n − 1), exactly (same definition as RequestResult). */
  private static boolean tpotAtMost(RequestResult r, long limit) {
    long n = r.outputTokens();
    OptionalLong ttft = r.timeline().ttftAnyNanos();
    if (n <= 1 || ttft.isEmpty()) {
      return true; // TPOT undefined
    }
    long span = r.timeline().e2eNanos() - ttft.getAsLong();
    long tokens = n - 1;
    // limit >= 0 and tokens > 0: if limit × tokens exceeds a long it exceeds every span.
    if (Math.multiplyHigh(limit, tokens) != 0) {
      return true;
    }
    long product = limit * tokens;
    return product < 0 || span <= product;
  }

  @Override
  public String toString() {
    return metric.wireName() + " <= " + threshold.toNanos() / 1e6 + " ms";
  }
}
