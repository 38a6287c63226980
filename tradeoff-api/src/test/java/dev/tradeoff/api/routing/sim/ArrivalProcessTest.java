package dev.tradeoff.api.routing.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tradeoff.api.routing.DemandShape;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class ArrivalProcessTest {

  private static final long SECOND = 1_000_000_000L;

  /** Gaps between consecutive arrivals over the first {@code n}. */
  private static double[] gaps(ArrivalProcess p, int n) {
    SplittableRandom random = new SplittableRandom(17);
    double[] g = new double[n];
    long previous = p.nextArrivalNanos(ArrivalProcess.FIRST, random);
    for (int i = 0; i < n; i++) {
      long next = p.nextArrivalNanos(previous, random);
      assertThat(next).isGreaterThanOrEqualTo(previous);
      g[i] = next - previous;
      previous = next;
    }
    return g;
  }

  private static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  private static double cv(double[] x) {
    double m = mean(x);
    double v = 0;
    for (double d : x) {
      v += (d - m) * (d - m);
    }
    return Math.sqrt(v / x.length) / m;
  }

  @Test
  void constant_startsAtZeroAndNeverDrifts() {
    ArrivalProcess p = ArrivalProcess.constant(3); // gap 333,333,333.3 ns
    SplittableRandom random = new SplittableRandom(1);
    long t = p.nextArrivalNanos(ArrivalProcess.FIRST, random);
    assertThat(t).isZero();
    for (int i = 1; i <= 3_000; i++) {
      t = p.nextArrivalNanos(t, random);
    }
    assertThat(t).isEqualTo(1_000 * SECOND);
  }

  @Test
  void poisson_gapsAreExponentialWithTheGivenRate() {
    double[] g = gaps(ArrivalProcess.poisson(200), 200_000);
    assertThat(mean(g)).isCloseTo(SECOND / 200.0, within(SECOND / 200.0 * 0.01));
    assertThat(cv(g)).isCloseTo(1.0, within(0.02));
  }

  @Test
  void bursty_gapsHaveTheGivenRateAndBurstiness() {
    double[] g = gaps(ArrivalProcess.bursty(200, 3.0), 400_000);
    assertThat(mean(g)).isCloseTo(SECOND / 200.0, within(SECOND / 200.0 * 0.03));
    assertThat(cv(g)).isCloseTo(3.0, within(0.15));
    double[] smooth = gaps(ArrivalProcess.bursty(200, 0.5), 200_000);
    assertThat(cv(smooth)).isCloseTo(0.5, within(0.02));
  }

  @Test
  void diurnal_followsTheShape() {
    double[] day = new double[24];
    java.util.Arrays.fill(day, 1.0);
    java.util.Arrays.fill(day, 12, 24, 3.0); // afternoons and evenings carry 3x
    ArrivalProcess p = ArrivalProcess.diurnal(10, DemandShape.ofHourOfDay(day), Duration.ZERO);
    SplittableRandom random = new SplittableRandom(3);
    long[] perHalfDay = new long[2];
    long t = p.nextArrivalNanos(ArrivalProcess.FIRST, random);
    long end = 7 * 24 * 3_600 * SECOND;
    long count = 0;
    while (t < end) {
      perHalfDay[(int) ((t / (12 * 3_600 * SECOND)) % 2)]++;
      count++;
      t = p.nextArrivalNanos(t, random);
    }
    // Mean rate 10/s over the week: 6,048,000 arrivals; the halves split 1:3.
    assertThat((double) count).isCloseTo(6_048_000, within(6_048_000 * 0.005));
    assertThat((double) perHalfDay[1] / perHalfDay[0]).isCloseTo(3.0, within(0.03));
  }

  @Test
  void sinusoidal_averagesTheMeanRate() {
    ArrivalProcess p = ArrivalProcess.sinusoidal(100, 0.9, Duration.ofSeconds(60));
    SplittableRandom random = new SplittableRandom(8);
    long t = p.nextArrivalNanos(ArrivalProcess.FIRST, random);
    long count = 0;
    long firstHalf = 0;
    while (t < 600 * SECOND) {
      count++;
      if ((t / (30 * SECOND)) % 2 == 0) {
        firstHalf++;
      }
      t = p.nextArrivalNanos(t, random);
    }
    assertThat((double) count).isCloseTo(60_000, within(60_000 * 0.02));
    // The rising half of each period (sin > 0) carries (1 + 2 × 0.9 / π) / 2 ≈ 78.6% of arrivals.
    assertThat((double) firstHalf / count).isCloseTo(0.786, within(0.01));
  }

  @Test
  void factories_badValues_areRejectedWithTheirNames() {
    assertThatThrownBy(() -> ArrivalProcess.poisson(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ratePerSecond must be finite and > 0, but was 0.0");
    assertThatThrownBy(() -> ArrivalProcess.bursty(10, 50))
        .hasMessage("burstiness must be in [0.05, 20], but was 50.0");
    assertThatThrownBy(() -> ArrivalProcess.sinusoidal(10, 2, Duration.ofSeconds(1)))
        .hasMessage("amplitude must be in [0, 1], but was 2.0");
    assertThatThrownBy(() -> ArrivalProcess.diurnal(10, DemandShape.flat(), Duration.ofDays(7)))
        .hasMessage("startOffset must be in [0, 7 days), but was PT168H");
  }
}
