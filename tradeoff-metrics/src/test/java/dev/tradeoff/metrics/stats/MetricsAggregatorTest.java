package dev.tradeoff.metrics.stats;

import static dev.tradeoff.metrics.testing.Results.MS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tradeoff.metrics.EventKind;
import dev.tradeoff.metrics.FailureKind;
import dev.tradeoff.metrics.RequestResult;
import dev.tradeoff.metrics.StreamMeter;
import dev.tradeoff.metrics.TokenUsage;
import dev.tradeoff.metrics.WireApi;
import dev.tradeoff.metrics.testing.Results;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
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
    assertThatThrownBy(() -> s.adjustedPercentileNanos(LatencyMetric.ITL, 100)) // gaps are not requests
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("itl_ms has no adjusted percentiles");
  }

  /** A success whose stream reasons from +10 ms to +20 ms and answers at +50 and +60 ms: 3 output tokens. */
  private static RequestResult reasoningSuccess(long start) {
    StreamMeter m = StreamMeter.start(start, start);
    m.responseHeaders(start + MS / 2);
    m.event(EventKind.REASONING, start + 10 * MS);
    m.event(EventKind.REASONING, start + 20 * MS);
    m.event(EventKind.CONTENT, start + 50 * MS);
    m.event(EventKind.CONTENT, start + 60 * MS);
    return RequestResult.builder()
        .api(WireApi.OPENAI_CHAT)
        .model("m")
        .timeline(m.finish(start + 65 * MS))
        .usage(TokenUsage.builder().inputTokens(10).outputTokens(3).reasoningTokens(1).build())
        .httpStatus(200)
        .build();
  }

  @Test
  void adjusted_reasoning_isNotInflatedByFailuresOfRequestsThatNeverReasoned() {
    MetricsAggregator agg = MetricsAggregator.create("x", List.of());
    for (int i = 0; i < 97; i++) {
      agg.add(Results.success(0, new long[] {100, 120}, 10, 2));
    }
    agg.add(reasoningSuccess(0));
    agg.add(Results.failure(0, 30, FailureKind.HTTP_SERVER_ERROR));
    agg.add(Results.failure(0, 30, FailureKind.RATE_LIMITED));

    MetricsSummary s = agg.summary();

    // 2% failed: one reasoning value plus 2 failures must not read as "p50 reasoning is infinite"
    assertThat(s.histogram(LatencyMetric.REASONING).count()).isEqualTo(1);
    assertThatThrownBy(() -> s.adjustedPercentileNanos(LatencyMetric.REASONING, 50))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("reasoning_ms has no adjusted percentiles");
    // the per-request milestones still count the 2 failures among all 100 requests
    assertThat(s.adjustedPercentileNanos(LatencyMetric.E2E, 98)).isBetween(125.0 * MS, 125.2 * MS);
    assertThat(s.adjustedPercentileNanos(LatencyMetric.E2E, 99)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(s.adjustedPercentileNanos(LatencyMetric.TTFT, 50)).isBetween(100.0 * MS, 100.1 * MS);
  }

  @Test
  void adjusted_tpot_doesNotExist_soOneTokenAnswersCannotTurnTwoPercentFailuresIntoInfinity() {
    MetricsAggregator agg = MetricsAggregator.create("x", List.of());
    for (int i = 0; i < 90; i++) {
      agg.add(Results.success(0, new long[] {100}, 10, 1)); // TPOT undefined
    }
    for (int i = 0; i < 8; i++) {
      agg.add(Results.success(0, new long[] {100, 120, 140}, 10, 3));
    }
    agg.add(Results.failure(0, 30, FailureKind.HTTP_SERVER_ERROR));
    agg.add(Results.failure(0, 30, FailureKind.HTTP_SERVER_ERROR));

    MetricsSummary s = agg.summary();

    assertThat(s.histogram(LatencyMetric.TPOT).count()).isEqualTo(8);
    assertThatThrownBy(() -> s.adjustedPercentileNanos(LatencyMetric.TPOT, 90))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("tpot_ms has no adjusted percentiles");
    assertThat(s.adjustedPercentileNanos(LatencyMetric.E2E, 90)).isBetween(105.0 * MS, 105.2 * MS);
  }

  @Test
  void hasAdjustedPercentiles_exactlyThePerRequestMilestones() {
    assertThat(java.util.Arrays.stream(LatencyMetric.values()).filter(LatencyMetric::hasAdjustedPercentiles))
        .containsExactlyInAnyOrder(
            LatencyMetric.RESPONSE_HEADERS,
            LatencyMetric.TTFT,
            LatencyMetric.TTFT_ANY,
            LatencyMetric.E2E,
            LatencyMetric.TTFT_FROM_INTENDED,
            LatencyMetric.E2E_FROM_INTENDED);
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
  void tpotSlo_comparesTheFractionalTpotExactly() {
    // TTFT 1 ms, E2E 1 ms + 200,000,001 ns, 5 output tokens: TPOT = 200,000,001 / 4 = 50,000,000.25 ns
    StreamMeter m = StreamMeter.start(0, 0);
    m.event(EventKind.CONTENT, MS);
    RequestResult r = RequestResult.builder()
        .api(WireApi.OPENAI_CHAT)
        .model("m")
        .timeline(m.finish(MS + 200_000_001))
        .usage(TokenUsage.builder().inputTokens(1).outputTokens(5).build())
        .httpStatus(200)
        .build();

    assertThat(Slo.of(LatencyMetric.TPOT, Duration.ofMillis(50)).isMetBy(r)).isFalse();
    assertThat(Slo.of(LatencyMetric.TPOT, Duration.ofNanos(50_000_001)).isMetBy(r)).isTrue();
    assertThat(Slo.of(LatencyMetric.TPOT, ChronoUnit.FOREVER.getDuration()).isMetBy(r)).isTrue();
  }

  @Test
  void slo_successWithoutTheMetric_isNotViolated_butAnE2eSloCatchesIt() {
    // a stream that reasoned for 5 s and ended without content: no TTFT
    StreamMeter m = StreamMeter.start(0, 0);
    m.event(EventKind.REASONING, 100 * MS);
    RequestResult r = RequestResult.builder()
        .api(WireApi.OPENAI_CHAT)
        .model("m")
        .timeline(m.finish(5_000 * MS))
        .httpStatus(200)
        .build();

    assertThat(r.timeline().ttftContentNanos()).isEmpty();
    assertThat(Slo.of(LatencyMetric.TTFT, Duration.ofMillis(500)).isMetBy(r)).isTrue();
    assertThat(Slo.of(LatencyMetric.E2E, Duration.ofMillis(2_000)).isMetBy(r)).isFalse();
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
