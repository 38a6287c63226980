package dev.tradeoff.api.routing.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

final class DistributionTest {

  private static double[] draw(Distribution d, int n) {
    SplittableRandom random = new SplittableRandom(99);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = d.sample(random);
    }
    Arrays.sort(x);
    return x;
  }

  private static double quantile(double[] sorted, double p) {
    return sorted[(int) Math.round(p * (sorted.length - 1))];
  }

  @Test
  void lognormal_samples_haveTheGivenMedianAndP99() {
    double[] x = draw(Distribution.lognormal(400, 1_600), 200_000);
    assertThat(quantile(x, 0.5)).isCloseTo(400, within(8.0));
    assertThat(quantile(x, 0.99)).isCloseTo(1_600, within(60.0));
  }

  @Test
  void exponential_samples_haveTheGivenMean() {
    double[] x = draw(Distribution.exponential(250), 200_000);
    assertThat(Arrays.stream(x).average().orElseThrow()).isCloseTo(250, within(3.0));
  }

  @Test
  void uniformAndConstant_stayInRange() {
    double[] x = draw(Distribution.uniform(10, 20), 10_000);
    assertThat(x[0]).isGreaterThanOrEqualTo(10);
    assertThat(x[x.length - 1]).isLessThan(20);
    assertThat(draw(Distribution.constant(7), 10)).containsOnly(7.0);
  }

  @Test
  void empirical_interpolatesBetweenOrderStatistics() {
    Distribution d = Distribution.empirical(30, 10, 20);
    double[] x = draw(d, 50_000);
    assertThat(x[0]).isGreaterThanOrEqualTo(10);
    assertThat(x[x.length - 1]).isLessThanOrEqualTo(30);
    assertThat(quantile(x, 0.5)).isCloseTo(20, within(0.3));
    assertThat(d.median()).isEqualTo(20);
  }

  @Test
  void fromHistogram_reproducesTheMeasuredPercentiles() {
    Histogram micros = new Histogram(60_000_000L, 3);
    SplittableRandom random = new SplittableRandom(5);
    Distribution truth = Distribution.lognormal(350_000, 2_000_000); // µs
    for (int i = 0; i < 100_000; i++) {
      micros.recordValue(Math.round(truth.sample(random)));
    }
    Distribution ms = Distribution.fromHistogram(micros, 0.001);
    double[] x = draw(ms, 100_000);
    assertThat(quantile(x, 0.5)).isCloseTo(micros.getValueAtPercentile(50) / 1e3, within(10.0));
    assertThat(quantile(x, 0.99)).isCloseTo(micros.getValueAtPercentile(99) / 1e3, within(80.0));
  }

  @Test
  void factories_badValues_areRejectedWithTheirNames() {
    assertThatThrownBy(() -> Distribution.lognormal(100, 50))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("p99 must be >= median (100.0), but was 50.0");
    assertThatThrownBy(() -> Distribution.constant(-1)).hasMessage("value must be finite and >= 0, but was -1.0");
    assertThatThrownBy(() -> Distribution.empirical()).hasMessage("samples must not be empty, but was []");
    assertThatThrownBy(() -> Distribution.fromHistogram(new Histogram(3), 1))
        .hasMessage("histogram must not be empty, but had 0 values");
    assertThatThrownBy(() -> LatencyModel.lognormal(java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(2),
        10, 20)).hasMessage("p1TokensPerSecond must be in (0, medianTokensPerSecond (10.0)], but was 20.0");
  }

  @Test
  void latencyModel_lognormalRate_hasTheGivenSlowTail() {
    LatencyModel m = LatencyModel.lognormal(java.time.Duration.ofMillis(300), java.time.Duration.ofMillis(900), 80, 20);
    double[] x = draw(m.tokensPerSecond(), 200_000);
    assertThat(quantile(x, 0.5)).isCloseTo(80, within(1.5));
    assertThat(quantile(x, 0.01)).isCloseTo(20, within(1.0));
  }
}
