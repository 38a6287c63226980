package dev.tradeoff.api.internal;

import dev.tradeoff.api.ImmutableMeasurements;
import dev.tradeoff.api.Measurements;
import dev.tradeoff.metrics.stats.LatencyHistogram;
import dev.tradeoff.metrics.stats.LatencyMetric;
import dev.tradeoff.metrics.stats.MetricsSummary;

/** The one place that reads {@code tradeoff-metrics} results into {@link Measurements}. */
public final class MetricsBridge {

  private static final double NANOS_PER_MS = 1e6;

  private MetricsBridge() {}

  /**
   * Reads a summary: TTFT p50/p95 of successful requests in ms, stream speed as {@code 1e9 / p50 TPOT (ns)},
   * error rate, request count and a source line.
   *
   * @param summary the summary
   * @return the measurements
   */
  public static Measurements measurements(MetricsSummary summary) {
    ImmutableMeasurements.Builder b = Measurements.builder()
        .requests(summary.requests())
        .source("measured: " + summary.label() + ", " + summary.requests() + " requests from "
            + summary.windowStart());
    if (summary.requests() > 0) {
      b.errorRate(summary.errorRate());
    }
    LatencyHistogram ttft = summary.histogram(LatencyMetric.TTFT);
    if (ttft.count() > 0) {
      b.p50TtftMs(ttft.percentileNanos(50) / NANOS_PER_MS).p95TtftMs(ttft.percentileNanos(95) / NANOS_PER_MS);
    }
    LatencyHistogram tpot = summary.histogram(LatencyMetric.TPOT);
    if (tpot.count() > 0 && tpot.percentileNanos(50) > 0) {
      b.tokensPerSecond(1e9 / tpot.percentileNanos(50));
    }
    return b.build();
  }
}
