package dev.tradeoff.metrics.stats;

import static dev.tradeoff.metrics.testing.Results.MS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tradeoff.metrics.FailureKind;
import dev.tradeoff.metrics.RequestResult;
import dev.tradeoff.metrics.testing.Results;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

final class MetricsAggregatorTest {

  private static final List<Slo> SLOS =
      List.of(Slo.of(LatencyMetric.TTFT, Duration.ofMillis(500)), Slo.of(LatencyMetric.TPOT, Duration.ofMillis(50)));

  @Test
  void summary_mixedResults_countsRatesTokensAndGoodput() {
    MetricsAggregator agg = MetricsAggregator.create("cand", SLOS);
    long t0 = 1_000_000_000L;
    // fast: TTFT 100 ms, 4 content events 20 ms apart, 5 output tokens → TPOT = (e2e − ttft)/4
    agg.add(Results.success(t0, new long[] {100, 120, 140, 160}, 50, 5));
    // slow TTFT: 900 ms → misses the TTFT SLO
    agg.add(Results.success(t0, new long[] {900, 910}, 50, 3));
    agg.add(Results.failure(t0, 2000, FailureKind.RATE_LIMITED));
    agg.add(Results.failure(t0 + 500 * MS, 100, FailureKind.IDLE_TIMEOUT));

    MetricsSummary s = agg.summary();

    assertThat(s.requests()).isEqualTo(4);
    assertThat(s.succeeded()).isEqualTo(2);
    assertThat(s.errorRate()).isEqualTo(0.5);
    assertThat(s.errorRate(FailureKind.RATE_LIMITED)).isEqualTo(0.25);
    assertThat(s.failuresByKind()).containsEntry(FailureKind.IDLE_TIMEOUT, 1L).hasSize(2);
    assertThat(s.goodRequests()).isEqualTo(1);
    assertThat(s.goodputShare()).isEqualTo(0.25);
    assertThat(s.window()).isEqualTo(Duration.ofMillis(2000)); // the 429 took longest
    assertThat(s.requestsPerSecond()).isEqualTo(2.0);
    assertThat(s.outputTokensPerSecond()).isEqualTo(4.0); // (5 + 3) / 2 s
    assertThat(s.totalTokensPerSecond()).isEqualTo(54.0);
    assertThat(s.costUsd()).isEqualByComparingTo(new BigDecimal("0.002"));
    assertThat(s.pricedRequests()).isEqualTo(2);
    assertThat(s.histogram(LatencyMetric.TTFT).count()).isEqualTo(2);
    // reported as the top of its bucket: within HdrHistogram's 0.1%
    assertThat(s.histogram(LatencyMetric.TTFT).percentileNanos(50)).isBetween(100.0 * MS, 100.1 * MS);
    assertThat(s.histogram(LatencyMetric.ITL).count()).isEqualTo(3 + 1);
    assertThat(s.histogram(LatencyMetric.ITL).maxNanos()).isEqualTo(20 * MS);
    // adjusted: 2 of 4 requests failed, so p50 is the slower success and p75 is +∞
    assertThat(s.adjustedPercentileNanos(LatencyMetric.TTFT, 50)).isEqualTo(900.0 * MS);
    assertThat(s.adjustedPercentileNanos(LatencyMetric.TTFT, 75)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(s.adjustedPercentileNanos(LatencyMetric.ITL, 100)).isEqualTo(20.0 * MS); // gaps are not requests
  }

  @Test
  void tpotSlo_isTheRequestsTpot() {
    RequestResult r = Results.success(0, new long[] {100, 200, 300}, 10, 3); // e2e 305 ms, ttft 100 ms
    assertThat(r.tpotNanos().getAsDouble()).isCloseTo((305 - 100) * MS / 2.0, within(1.0));

    assertThat(Slo.of(LatencyMetric.TPOT, Duration.ofMillis(103)).isMetBy(r)).isTrue();
    assertThat(Slo.of(LatencyMetric.TPOT, Duration.ofMillis(102)).isMetBy(r)).isFalse();
    assertThat(Slo.of(LatencyMetric.ITL, Duration.ofMillis(100)).isMetBy(r)).isTrue();
  }

  @Test
  void merge_twoAggregators_equalsOneAggregatorOfAll() {
    MetricsAggregator a = MetricsAggregator.create("x", SLOS);
    MetricsAggregator b = MetricsAggregator.create("x", SLOS);
    MetricsAggregator all = MetricsAggregator.create("x", SLOS);
    RequestResult[] results = {
      Results.success(0, new long[] {100, 150}, 10, 2),
      Results.success(10 * MS, new long[] {300, 301, 302}, 20, 4),
      Results.failure(20 * MS, 50, FailureKind.HTTP_SERVER_ERROR),
      Results.success(30 * MS, new long[] {700}, 5, 1),
    };
    for (int i = 0; i < results.length; i++) {
      (i % 2 == 0 ? a : b).add(results[i]);
      all.add(results[i]);
    }

    MetricsSummary merged = a.summary().merge(b.summary());
    MetricsSummary expected = all.summary();

    assertThat(merged.histograms()).isEqualTo(expected.histograms());
    assertThat(merged.failuresByKind()).isEqualTo(expected.failuresByKind());
    assertThat(merged.requests()).isEqualTo(expected.requests());
    assertThat(merged.goodRequests()).isEqualTo(expected.goodRequests());
    assertThat(merged.succeededOutputTokens()).isEqualTo(expected.succeededOutputTokens());
    assertThat(merged.costUsd()).isEqualByComparingTo(expected.costUsd());
  }

  @Test
  void merge_differentSlos_rejected() {
    MetricsSummary a = MetricsAggregator.create("a", SLOS).summary();
    MetricsSummary b = MetricsAggregator.create("b", List.of()).summary();

    assertThatThrownBy(() -> a.merge(b)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("cannot merge");
  }

  @Test
  void summaryCopy_changedCounts_derivedFiguresFollow() {
    MetricsAggregator agg = MetricsAggregator.create("cand", SLOS);
    agg.add(Results.success(0, new long[] {100, 120}, 50, 5));
    agg.add(Results.failure(0, 1000, FailureKind.RATE_LIMITED));
    MetricsSummary s = agg.summary();

    // failed, error rate and rates are computed from the copy's own fields, never carried over from s
    MetricsSummary copy = MetricsSummary.builder()
        .from(s)
        .requests(4)
        .putFailuresByKind(FailureKind.RATE_LIMITED, 3L)
        .window(s.window().multipliedBy(2))
        .build();

    assertThat(s.failed()).isEqualTo(1);
    assertThat(copy.failed()).isEqualTo(3);
    assertThat(copy.errorRate()).isEqualTo(0.75);
    assertThat(copy.requestsPerSecond()).isEqualTo(s.requestsPerSecond());
    assertThat(copy.goodputShare()).isEqualTo(s.goodputShare() / 2);
  }

  @Test
  void summary_empty_isZeroEverywhere() {
    MetricsSummary s = MetricsAggregator.create("none", List.of()).summary();

    assertThat(s.requests()).isZero();
    assertThat(s.errorRate()).isZero();
    assertThat(s.requestsPerSecond()).isZero();
    assertThat(s.histogram(LatencyMetric.E2E).count()).isZero();
  }

  @Test
  void add_concurrentThreads_countsEveryRequest() throws InterruptedException {
    MetricsAggregator agg = MetricsAggregator.create("c", List.of());
    RequestResult r = Results.success(0, new long[] {10, 20}, 1, 2);
    Thread[] threads = new Thread[4];
    for (int i = 0; i < threads.length; i++) {
      threads[i] = new Thread(() -> {
        for (int k = 0; k < 1000; k++) {
          agg.add(r);
        }
      });
      threads[i].start();
    }
    for (Thread t : threads) {
      t.join();
    }

    assertThat(agg.summary().histogram(LatencyMetric.E2E).count()).isEqualTo(4000);
  }
}
