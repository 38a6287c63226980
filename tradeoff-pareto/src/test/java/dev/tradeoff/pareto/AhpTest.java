package dev.tradeoff.pareto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

final class AhpTest {

  @Test
  void analyze_consistentMatrix_recoversTheWeightsExactly() {
    // Built from weights (0.5, 0.3, 0.2): a[i][j] = w[i] / w[j], so lambdaMax = n and CR = 0.
    double[] w = {0.5, 0.3, 0.2};
    double[][] a = new double[3][3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        a[i][j] = w[i] / w[j];
      }
    }
    AhpResult r = Ahp.analyze(a);
    assertThat(r.weights()).containsExactly(w, within(1e-12));
    assertThat(r.lambdaMax()).isCloseTo(3, within(1e-9));
    assertThat(r.consistencyRatio()).isCloseTo(0, within(1e-9));
    assertThat(r.isConsistent()).isTrue();
    assertThat(Ahp.weights(a)).containsExactly(w, within(1e-12));
  }

  @Test
  void weights_javadocExample_isConsistentEnough() {
    double[][] pairwise = {{1, 3, 1.0 / 2}, {1.0 / 3, 1, 1.0 / 4}, {2, 4, 1}};
    AhpResult r = Ahp.analyze(pairwise);
    assertThat(r.weights()).containsExactly(new double[] {0.32, 0.12, 0.56}, within(0.01));
    assertThat(r.consistencyRatio()).isBetween(0.0, 0.05);
    assertThat(Ahp.weights(pairwise)).containsExactly(r.weights());
  }

  @Test
  void analyze_slightlyInconsistentFourByFour_satisfiesTheEigenEquation() {
    double[][] a = {{1, 3, 5, 9}, {1 / 3.0, 1, 3, 5}, {1 / 5.0, 1 / 3.0, 1, 3}, {1 / 9.0, 1 / 5.0, 1 / 3.0, 1}};
    AhpResult r = Ahp.analyze(a);
    double[] w = r.weights();
    double sum = 0;
    for (int i = 0; i < 4; i++) {
      double row = 0;
      for (int j = 0; j < 4; j++) {
        row += a[i][j] * w[j];
      }
      assertThat(row).isCloseTo(r.lambdaMax() * w[i], within(1e-9));
      assertThat(w[i]).isPositive();
      sum += w[i];
    }
    assertThat(sum).isCloseTo(1, within(1e-12));
    assertThat(w).isSortedAccordingTo((x, y) -> Double.compare(y, x));
    assertThat(r.lambdaMax()).isGreaterThan(4);
    assertThat(r.consistencyIndex()).isCloseTo((r.lambdaMax() - 4) / 3, within(1e-12));
    assertThat(r.consistencyRatio()).isCloseTo(r.consistencyIndex() / 0.90, within(1e-12)).isLessThan(0.1);
  }

  @Test
  void weights_inconsistentJudgements_areRejectedWithTheRatioAndTheWorstEntry() {
    // cost beats latency 9x, latency beats quality 9x, yet quality beats cost 9x: circular.
    double[][] circular = {{1, 9, 1.0 / 9}, {1.0 / 9, 1, 9}, {9, 1.0 / 9, 1}};
    AhpResult r = Ahp.analyze(circular);
    assertThat(r.consistencyRatio()).isGreaterThanOrEqualTo(0.1);
    assertThat(r.isConsistent()).isFalse();
    assertThatThrownBy(() -> Ahp.weights(circular))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("pairwise comparisons are inconsistent: consistency ratio must be < 0.1, but was ")
        .hasMessageContaining("the judgement furthest from the weights is pairwise[");
  }

  @Test
  void analyze_oneAndTwoCriteria_haveZeroConsistencyRatio() {
    assertThat(Ahp.analyze(new double[][] {{1}}).weights()).containsExactly(1.0);
    AhpResult two = Ahp.analyze(new double[][] {{1, 4}, {0.25, 1}});
    assertThat(two.weights()).containsExactly(new double[] {0.8, 0.2}, within(1e-12));
    assertThat(two.consistencyRatio()).isZero();
  }

  @Test
  void analyze_malformedMatrices_areRejectedByEntry() {
    assertThatThrownBy(() -> Ahp.analyze(new double[0][]))
        .hasMessage("pairwise.length must be between 1 and 15, but was 0");
    assertThatThrownBy(() -> Ahp.analyze(new double[][] {{1, 2}, {0.5}}))
        .hasMessage("pairwise[1].length must be equal to pairwise.length 2 (square), but was 1");
    assertThatThrownBy(() -> Ahp.analyze(new double[][] {{1, -2}, {0.5, 1}}))
        .hasMessage("pairwise[0][1] must be positive and finite, but was -2.0");
    assertThatThrownBy(() -> Ahp.analyze(new double[][] {{2, 2}, {0.5, 1}}))
        .hasMessage("pairwise[0][0] must be 1 (the diagonal compares a criterion with itself), but was 2.0");
    assertThatThrownBy(() -> Ahp.analyze(new double[][] {{1, 2}, {0.4, 1}}))
        .hasMessage("pairwise[1][0] must be the reciprocal of pairwise[0][1] (1 / 2.0 = 0.5), but was 0.4");
    assertThatThrownBy(() -> Ahp.analyze(new double[][] {{1, Double.NaN}, {1, 1}}))
        .hasMessage("pairwise[0][1] must be positive and finite, but was NaN");
  }

  @Test
  void withWeights_fromAhp_feedsAScoringModel() {
    double[][] pairwise = {{1, 3}, {1.0 / 3, 1}};
    ScoringModel m = ScoringModel.of(Criterion.minimize("cost"), Criterion.maximize("quality"))
        .withWeights(Ahp.weights(pairwise));
    assertThat(m.weights()).containsExactly(new double[] {0.75, 0.25}, within(1e-12));
  }
}
