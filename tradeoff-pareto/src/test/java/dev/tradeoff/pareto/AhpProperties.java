package dev.tradeoff.pareto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * AHP: a matrix built from weights gives them back with consistency ratio 0; any perturbed matrix is accepted by
 * {@link Ahp#weights(double[][])} exactly when its consistency ratio is below 0.1, and the rejection names the
 * ratio.
 */
final class AhpProperties {

  @Property(tries = 200)
  void analyze_matrixOfWeightRatios_recoversTheWeightsWithZeroInconsistency(
      @ForAll @IntRange(min = 1, max = 15) int n, @ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] w = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      w[i] = 0.05 + rnd.nextDouble();
      sum += w[i];
    }
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      w[i] /= sum;
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        a[i][j] = i == j ? 1 : w[i] / w[j];
      }
      for (int j = 0; j < i; j++) {
        a[i][j] = 1 / a[j][i]; // exactly reciprocal
      }
    }
    AhpResult r = Ahp.analyze(a);
    assertThat(r.weights()).containsExactly(w, within(1e-9));
    assertThat(r.consistencyRatio()).isCloseTo(0, within(1e-9));
    assertThat(Ahp.weights(a)).containsExactly(r.weights());
  }

  @Property(tries = 200)
  void weights_perturbedJudgements_acceptedExactlyBelowTheThreshold(@ForAll @IntRange(min = 3, max = 9) int n,
      @ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[][] a = new double[n][n];
    double noise = rnd.nextDouble() * 1.5; // log-scale noise: from nearly consistent to clearly not
    for (int i = 0; i < n; i++) {
      a[i][i] = 1;
      for (int j = i + 1; j < n; j++) {
        a[i][j] = Math.exp((j - i) * 0.3 + noise * rnd.nextGaussian());
        a[j][i] = 1 / a[i][j];
      }
    }
    AhpResult r = Ahp.analyze(a);
    double[] w = r.weights();
    double total = 0;
    for (double x : w) {
      assertThat(x).isPositive();
      total += x;
    }
    assertThat(total).isCloseTo(1, within(1e-12));
    assertThat(r.lambdaMax()).isGreaterThanOrEqualTo(n - 1e-9);
    assertThat(r.isConsistent()).isEqualTo(r.consistencyRatio() < Ahp.MAX_CONSISTENCY_RATIO);
    if (r.isConsistent()) {
      assertThat(Ahp.weights(a)).containsExactly(w);
    } else {
      assertThatThrownBy(() -> Ahp.weights(a))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("pairwise comparisons are inconsistent: consistency ratio must be < 0.1, but was ")
          .hasMessageContaining(String.format(java.util.Locale.ROOT, "%.4f", r.consistencyRatio()));
    }
  }
}
