package dev.tradeoff.examples.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * 200 concurrent streams in a few seconds (the 1,000-stream run is {@link SimulatedProviderCapacity}, a main, to
 * keep the unit tests fast). The TTFT error of a burst includes the simulator's own handling of the requests that
 * arrive together (about 0.1-0.3 ms each per event loop), the gap error does not.
 */
final class SimulatedProviderConcurrencyTest {

  @Test
  void twoHundredConcurrentStreams_allComplete_withTokensOnSchedule() throws Exception {
    ModelProfile profile = ModelProfile.builder("load")
        .ttftMillis(Distribution.constant(200))
        .interTokenGapMillis(Distribution.constant(20))
        .outputTokens(Distribution.constant(50))
        .source("test profile (assumption)")
        .asOf(LocalDate.of(2026, 11, 28))
        .build();
    try (SimulatedProvider sim = SimulatedProvider.start(SimulatorConfig.builder().addProfile(profile).build())) {
      // warm-up: class loading and JIT; a cold JVM plans the first burst of requests several times slower
      StreamLoad.run(sim, "load", 200, 200, 20, 50, 20_000);
      StreamLoad.run(sim, "load", 200, 200, 20, 50, 20_000);
      StreamLoad.Result result = StreamLoad.run(sim, "load", 200, 200, 20, 50, 20_000);
      System.out.println("[SimulatedProviderConcurrencyTest] " + result.summary());

      assertThat(result.succeeded).isEqualTo(200);
      assertThat(result.tokens).isEqualTo(200L * 50);
      // idle machine: gap p99 ~1-5 ms, TTFT p99 ~8 ms; the bounds hold on a 2-core machine with load average 5
      assertThat(result.gapErrorPercentile(90)).as("p90 gap error in ms").isLessThan(20.0);
      assertThat(result.gapErrorPercentile(99)).as("p99 gap error in ms").isLessThan(100.0);
      assertThat(result.ttftErrorPercentile(90)).as("p90 TTFT error in ms").isLessThan(100.0);
    }
  }
}
