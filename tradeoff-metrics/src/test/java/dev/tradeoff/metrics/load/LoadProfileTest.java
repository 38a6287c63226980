package dev.tradeoff.metrics.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

final class LoadProfileTest {

  private static final long MS = 1_000_000L;

  private static double[] stats(Schedule s) {
    int n = s.size() - 1;
    double sum = 0;
    double sumSq = 0;
    for (int i = 1; i <= n; i++) {
      double gap = s.offsetNanos(i) - s.offsetNanos(i - 1);
      sum += gap;
      sumSq += gap * gap;
    }
    double mean = sum / n;
    double sd = Math.sqrt(sumSq / n - mean * mean);
    return new double[] {mean, sd / mean};
  }

  @Test
  void constantRate_evenlySpacedFromZero() {
    Schedule s = LoadProfile.constantRate(10).schedule(5, Duration.ofMinutes(1));

    assertThat(s.offsetsNanos()).containsExactly(0, 100 * MS, 200 * MS, 300 * MS, 400 * MS);
  }

  @Test
  void schedule_boundedByDuration_stopsAtLastArrivalWithinIt() {
    Schedule s = LoadProfile.constantRate(10).schedule(100, Duration.ofMillis(450));

    assertThat(s.size()).isEqualTo(5);
    assertThat(s.spanNanos()).isEqualTo(400 * MS);
  }

  @Test
  void poisson_meanGapAndCoefficientOfVariation() {
    double[] st = stats(LoadProfile.poisson(50, 1).schedule(40_000, Duration.ofHours(1)));

    assertThat(st[0]).isCloseTo(20 * MS, within(0.02 * 20 * MS));
    assertThat(st[1]).isCloseTo(1.0, within(0.03));
  }

  @Test
  void bursty_belowOne_isBurstierWithTheSameMean() {
    double[] st = stats(LoadProfile.bursty(50, 0.25, 3).schedule(40_000, Duration.ofHours(1)));

    assertThat(st[0]).isCloseTo(20 * MS, within(0.04 * 20 * MS));
    assertThat(st[1]).isCloseTo(2.0, within(0.1)); // CV = 1/sqrt(0.25)
  }

  @Test
  void bursty_aboveOne_isMoreRegular() {
    double[] st = stats(LoadProfile.bursty(50, 4, 3).schedule(40_000, Duration.ofHours(1)));

    assertThat(st[0]).isCloseTo(20 * MS, within(0.02 * 20 * MS));
    assertThat(st[1]).isCloseTo(0.5, within(0.03));
  }

  @Test
  void bursty_shapeOne_isPoissonLike() {
    double[] st = stats(LoadProfile.bursty(50, 1, 9).schedule(40_000, Duration.ofHours(1)));

    assertThat(st[1]).isCloseTo(1.0, within(0.03));
  }

  @Test
  void schedule_sameSeed_sameArrivals_otherSeed_otherArrivals() {
    Schedule a = LoadProfile.poisson(5, 42).schedule(100, Duration.ofHours(1));

    assertThat(LoadProfile.poisson(5, 42).schedule(100, Duration.ofHours(1))).isEqualTo(a);
    assertThat(LoadProfile.poisson(5, 43).schedule(100, Duration.ofHours(1))).isNotEqualTo(a);
  }

  @Test
  void closedLoop_hasNoSchedule() {
    assertThatThrownBy(() -> LoadProfile.closedLoop(4).schedule(10, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("a closed-loop profile has no schedule");
  }

  @Test
  void factories_invalidArguments_rejectedNamingTheParameter() {
    assertThatThrownBy(() -> LoadProfile.closedLoop(0)).hasMessage("concurrency must be >= 1, but was 0");
    assertThatThrownBy(() -> LoadProfile.poisson(0, 1)).hasMessage("requestsPerSecond must be positive and finite, but was 0.0");
    assertThatThrownBy(() -> LoadProfile.constantRate(Double.POSITIVE_INFINITY))
        .hasMessage("requestsPerSecond must be positive and finite, but was Infinity");
    assertThatThrownBy(() -> LoadProfile.bursty(1, -1, 1)).hasMessage("burstiness must be positive and finite, but was -1.0");
    assertThatThrownBy(() -> Schedule.of(5, 3)).hasMessageContaining("non-decreasing");
  }

  @Test
  void toString_stableDescriptions() {
    assertThat(LoadProfile.closedLoop(8)).hasToString("closed_loop(concurrency=8)");
    assertThat(LoadProfile.constantRate(2.5)).hasToString("constant(rate=2.5/s)");
    assertThat(LoadProfile.poisson(4, 42)).hasToString("poisson(rate=4.0/s, seed=42)");
    assertThat(LoadProfile.bursty(4, 0.5, 7)).hasToString("bursty(rate=4.0/s, burstiness=0.5, seed=7)");
  }

  @Test
  void sweeps_oneStepPerValue() {
    assertThat(LoadProfile.poissonSweep(1, 1, 2, 4)).extracting(LoadProfile::requestsPerSecond).containsExactly(1.0, 2.0, 4.0);
    assertThat(LoadProfile.closedLoopSweep(1, 8)).extracting(LoadProfile::concurrency).containsExactly(1, 8);
  }
}
