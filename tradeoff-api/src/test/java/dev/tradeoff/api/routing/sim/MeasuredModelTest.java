package dev.tradeoff.api.routing.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tradeoff.api.routing.Candidate;
import dev.tradeoff.api.routing.RoutingPolicy;
import dev.tradeoff.metrics.EventKind;
import dev.tradeoff.metrics.Failure;
import dev.tradeoff.metrics.FailureKind;
import dev.tradeoff.metrics.RequestResult;
import dev.tradeoff.metrics.StreamMeter;
import dev.tradeoff.metrics.TokenUsage;
import dev.tradeoff.metrics.WireApi;
import dev.tradeoff.metrics.stats.MetricsAggregator;
import dev.tradeoff.metrics.stats.MetricsSummary;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

final class MeasuredModelTest {

  private static final long MS = 1_000_000L;

  /** 1,000 successes with TTFT uniform on 200..700 ms and 101 output tokens over 1 s; 10 failures. */
  private static MetricsSummary measured() {
    MetricsAggregator agg = MetricsAggregator.create("lab/measured", List.of());
    for (int k = 0; k < 1_000; k++) {
      long start = k * 10_000 * MS;
      long ttft = 200 * MS + k * MS / 2;
      StreamMeter m = StreamMeter.start(start, start);
      m.responseHeaders(start + ttft / 2);
      m.event(EventKind.CONTENT, start + ttft);
      m.event(EventKind.CONTENT, start + ttft + 1_000 * MS);
      agg.add(RequestResult.builder().api(WireApi.values()[0]).model("m").timeline(m.finish(start + ttft + 1_000 * MS))
          .usage(TokenUsage.builder().inputTokens(100).outputTokens(101).build()).build());
    }
    for (int k = 0; k < 10; k++) {
      agg.add(RequestResult.builder().api(WireApi.values()[0]).model("m")
          .timeline(StreamMeter.start(0, 0).finish(5 * MS))
          .failure(Failure.of(FailureKind.HTTP_SERVER_ERROR, "503")).build());
    }
    return agg.summary();
  }

  @Test
  void fromMeasurements_reproducesTheMeasuredTtftRateAndErrors() {
    MetricsSummary summary = measured();
    SimulatedCandidate c = SimulatedCandidate.fromMeasurements(
        Candidate.of("m", SimFixtures.price("lab/m", "1", null, "1")), summary);
    assertThat(c.errorRate()).isCloseTo(10.0 / 1_010, within(1e-12));
    assertThat(c.latency().ttftMillis().median()).isCloseTo(450, within(3.0));
    assertThat(c.latency().tokensPerSecond().median()).isCloseTo(100, within(0.5));

    TrafficScenario s = TrafficScenario.builder().duration(Duration.ofSeconds(20)).arrivals(ArrivalProcess.poisson(100))
        .tokenMix(TokenMix.fixed(100, 101)).addCandidate(c.withErrorRate(0)).build();
    SimulationResult r = TrafficSimulator.run(s, RoutingPolicy.roundRobin());
    // Median TTFT 450 ms plus 100 tokens at 100 tokens/s.
    assertThat(r.endToEnd().p50Millis()).isCloseTo(1_450, within(20.0));
    assertThat(r.timeToFirstToken().p99Millis()).isLessThanOrEqualTo(701);
  }

  @Test
  void fromMeasurements_withoutTokens_isRejected() {
    MetricsAggregator agg = MetricsAggregator.create("empty", List.of());
    assertThatThrownBy(() -> LatencyModel.fromMeasurements(agg.summary()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("summary must have TTFT and TPOT measurements, but empty has 0 and 0");
  }
}
