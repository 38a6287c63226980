package dev.tradeoff.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tradeoff.metrics.FailureKind;
import dev.tradeoff.metrics.stats.LatencyMetric;
import dev.tradeoff.metrics.stats.LatencyRecorder;
import dev.tradeoff.metrics.stats.MetricsSummary;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class MeasurementsTest {

  private static MetricsSummary summary() {
    LatencyRecorder ttft = LatencyRecorder.create();
    LatencyRecorder tpot = LatencyRecorder.create();
    for (int ms = 1; ms <= 100; ms++) {
      ttft.recordNanos(ms * 1_000_000L);        // 1..100 ms
      tpot.recordNanos(20_000_000L);            // 20 ms per token = 50 tokens/s
    }
    return MetricsSummary.builder()
        .label("claude-3-haiku (simulated)")
        .windowStart(Instant.parse("2026-11-20T10:00:00Z"))
        .window(Duration.ofSeconds(60))
        .requests(102).succeeded(100)
        .failuresByKind(Map.of(FailureKind.RATE_LIMITED, 2L))
        .inputTokens(0).cachedInputTokens(0).cacheWriteTokens(0).outputTokens(0).reasoningTokens(0)
        .succeededOutputTokens(0).succeededTotalTokens(0).estimatedUsageRequests(0)
        .costUsd(BigDecimal.ZERO).pricedRequests(0).goodRequests(100)
        .histograms(Map.of(LatencyMetric.TTFT, ttft.snapshot(), LatencyMetric.TPOT, tpot.snapshot()))
        .build();
  }

  @Test
  void from_metricsSummary_readsTtftPercentilesSpeedAndErrorRate() {
    Measurements m = Measurements.from(summary());

    // HdrHistogram keeps 3 significant digits: within 0.1%
    assertThat(m.p50TtftMs().getAsDouble()).isCloseTo(50, within(0.1));
    assertThat(m.p95TtftMs().getAsDouble()).isCloseTo(95, within(0.1));
    assertThat(m.tokensPerSecond().getAsDouble()).isCloseTo(50, within(0.05));
    assertThat(m.errorRate().getAsDouble()).isCloseTo(2 / 102.0, within(1e-12));
    assertThat(m.requests()).hasValue(102);
    assertThat(m.source().orElseThrow()).startsWith("measured: claude-3-haiku (simulated), 102 requests");
  }

  @Test
  void from_emptySummary_hasNoLatencyFigures() {
    MetricsSummary empty = MetricsSummary.builder()
        .label("nothing yet").windowStart(Instant.parse("2026-11-20T10:00:00Z")).window(Duration.ZERO)
        .requests(0).succeeded(0)
        .inputTokens(0).cachedInputTokens(0).cacheWriteTokens(0).outputTokens(0).reasoningTokens(0)
        .succeededOutputTokens(0).succeededTotalTokens(0).estimatedUsageRequests(0)
        .costUsd(BigDecimal.ZERO).pricedRequests(0).goodRequests(0)
        .build();

    Measurements m = Measurements.from(empty);

    assertThat(m.p50TtftMs()).isEmpty();
    assertThat(m.tokensPerSecond()).isEmpty();
    assertThat(m.errorRate()).isEmpty();
  }

  @Test
  void check_p50AboveP95_throws() {
    assertThatThrownBy(() -> Measurements.builder().p50TtftMs(600).p95TtftMs(500).build())
        .isInstanceOf(TradeoffException.class)
        .hasMessage("p50TtftMs must be <= p95TtftMs 500.0, but was 600.0");
  }

  @Test
  void check_errorRateAboveOne_throws() {
    assertThatThrownBy(() -> Measurements.builder().errorRate(1.5).build())
        .isInstanceOf(TradeoffException.class).hasMessage("errorRate must be in [0, 1], but was 1.5");
  }

  @Test
  void check_negativeOrInfiniteLatency_throws() {
    assertThatThrownBy(() -> Measurements.builder().p95TtftMs(Double.POSITIVE_INFINITY).build())
        .isInstanceOf(TradeoffException.class).hasMessage("p95TtftMs must be >= 0 and finite, but was Infinity");
  }

  @Test
  void sloTarget_onCost_throwsAndPointsToTheBudget() {
    assertThatThrownBy(() -> SloTarget.of(Metric.MONTHLY_COST_USD, 500))
        .isInstanceOf(TradeoffException.class).hasMessageContaining("set a budget for the cost");
  }

  @Test
  void sloTarget_direction_minimizedIsAnUpperLimitMaximizedALowerOne() {
    assertThat(SloTarget.of(Metric.P95_TTFT_MS, 500).isMetBy(500)).isTrue();
    assertThat(SloTarget.of(Metric.P95_TTFT_MS, 500).isMetBy(501)).isFalse();
    assertThat(SloTarget.of(Metric.TOKENS_PER_SECOND, 60).isMetBy(59)).isFalse();
    assertThat(SloTarget.of(Metric.TOKENS_PER_SECOND, 60).describe()).isEqualTo("stream speed ≥ 60 tokens/s");
    assertThat(SloTarget.of(Metric.ERROR_RATE, 0.01).describe()).isEqualTo("error rate ≤ 1%");
  }
}
