package dev.tradeoff.api.routing.sim;

import org.HdrHistogram.AbstractHistogram;

/**
 * Percentiles of a latency over the served requests of a simulation, in milliseconds (from an HdrHistogram
 * of microseconds with 3 significant digits, so each value is within 0.1% of the exact one).
 *
 * <pre>{@code
 * LatencySummary e2e = result.endToEnd();
 * System.out.printf("p50 %.0f ms, p99 %.0f ms%n", e2e.p50Millis(), e2e.p99Millis());
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param count requests measured
 * @param meanMillis mean
 * @param p50Millis median
 * @param p90Millis 90th percentile
 * @param p95Millis 95th percentile
 * @param p99Millis 99th percentile
 * @param p999Millis 99.9th percentile
 * @param maxMillis maximum
 * @since 0.1.0
 */
public record LatencySummary(long count, double meanMillis, double p50Millis, double p90Millis,
    double p95Millis, double p99Millis, double p999Millis, double maxMillis) {

  static LatencySummary of(AbstractHistogram micros) {
    if (micros.getTotalCount() == 0) {
      return new LatencySummary(0, 0, 0, 0, 0, 0, 0, 0);
    }
    return new LatencySummary(micros.getTotalCount(), micros.getMean() / 1e3,
        micros.getValueAtPercentile(50) / 1e3, micros.getValueAtPercentile(90) / 1e3,
        micros.getValueAtPercentile(95) / 1e3, micros.getValueAtPercentile(99) / 1e3,
        micros.getValueAtPercentile(99.9) / 1e3, micros.getMaxValue() / 1e3);
  }
}
