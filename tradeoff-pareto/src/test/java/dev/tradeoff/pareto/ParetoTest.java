package dev.tradeoff.pareto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

final class ParetoTest {

  private static final double INF = Double.POSITIVE_INFINITY;

  @Test
  void front_costVersusLatency_dropsTheDominatedPoint() {
    double[][] points = {{420, 610}, {900, 350}, {450, 700}, {300, 900}};
    assertThat(Pareto.front(points)).containsExactly(0, 1, 3);
    assertThat(Pareto.ranks(points)).containsExactly(0, 0, 1, 0);
  }

  @Test
  void front_duplicates_areAllInOrAllOut() {
    assertThat(Pareto.front(new double[][] {{1, 2}, {2, 1}, {2, 2}, {1, 2}})).containsExactly(0, 1, 3);
    assertThat(Pareto.front(new double[][] {{2, 2}, {1, 1}, {2, 2}})).containsExactly(1);
  }

  @Test
  void front_emptyInput_isEmpty() {
    assertThat(Pareto.front(new double[0][])).isEmpty();
    assertThat(Pareto.ranks(new double[0][])).isEmpty();
    assertThat(Pareto.crowdingDistances(new double[0][])).isEmpty();
    assertThat(Pareto.knee(new double[0][])).isEmpty();
    assertThat(Pareto.hypervolume(new double[0][], new double[] {1, 1})).isZero();
  }

  @Test
  void front_onePoint_isThatPoint() {
    double[][] one = {{3, 4, 5}};
    assertThat(Pareto.front(one)).containsExactly(0);
    assertThat(Pareto.ranks(one)).containsExactly(0);
    assertThat(Pareto.crowdingDistances(one)).containsExactly(0.0);
    assertThat(Pareto.knee(one)).hasValue(0);
    assertThat(Pareto.hypervolume(one, new double[] {4, 6, 8})).isEqualTo(1 * 2 * 3);
  }

  @Test
  void front_oneObjective_isTheMinimaAndRanksAreDense() {
    double[][] p = {{3}, {1}, {2}, {1}, {3}};
    assertThat(Pareto.front(p)).containsExactly(1, 3);
    assertThat(Pareto.ranks(p)).containsExactly(2, 0, 1, 0, 2);
    assertThat(Pareto.knee(p)).hasValue(1);
    assertThat(Pareto.hypervolume(p, new double[] {5})).isEqualTo(4);
  }

  @Test
  void front_allEqualPoints_areAllInTheFrontWithZeroCrowding() {
    double[][] p = {{2, 2}, {2, 2}, {2, 2}};
    assertThat(Pareto.front(p)).containsExactly(0, 1, 2);
    assertThat(Pareto.ranks(p)).containsExactly(0, 0, 0);
    assertThat(Pareto.crowdingDistances(p)).containsExactly(0.0, 0.0, 0.0);
    assertThat(Pareto.knee(p)).hasValue(0);
    assertThat(Pareto.hypervolume(p, new double[] {3, 3})).isEqualTo(1.0);
  }

  @Test
  void ranks_chain_countsUp() {
    assertThat(Pareto.ranks(new double[][] {{1, 1}, {2, 2}, {3, 3}, {1, 3}})).containsExactly(0, 1, 2, 1);
    assertThat(Pareto.ranks(new double[][] {{3, 3, 3}, {2, 2, 2}, {1, 1, 1}, {1, 1, 2}})).containsExactly(3, 2, 0, 1);
  }

  @Test
  void front_negativeZero_equalsZero() {
    // With -0.0 < 0.0 (as Double.compare has it) the second point would dominate the first.
    assertThat(Pareto.front(new double[][] {{0.0, 1}, {-0.0, 1}})).containsExactly(0, 1);
    assertThat(Pareto.ranks(new double[][] {{0.0, 1}, {-0.0, 1}})).containsExactly(0, 0);
    assertThat(Pareto.dominates(new double[] {-0.0, 1}, new double[] {0.0, 1})).isFalse();
  }

  @Test
  void front_nan_isRejectedNamingPointAndObjective() {
    assertThatThrownBy(() -> Pareto.front(new double[][] {{1, 2}, {3, Double.NaN}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("points[1][1] must be finite, but was NaN");
  }

  @Test
  void ranks_infinity_isRejectedNamingPointAndObjective() {
    assertThatThrownBy(() -> Pareto.ranks(new double[][] {{1, 2}, {3, 4}, {INF, 0}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("points[2][0] must be finite, but was Infinity");
  }

  @Test
  void front_raggedRows_areRejected() {
    assertThatThrownBy(() -> Pareto.front(new double[][] {{1, 2}, {3}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("points[1].length must be equal to 2 (every row has the same length), but was 1");
  }

  @Test
  void front_emptyRows_areRejected() {
    assertThatThrownBy(() -> Pareto.front(new double[][] {{}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("points[0].length must be >= 1, but was 0");
  }

  @Test
  void front_nullRow_isRejectedByName() {
    assertThatThrownBy(() -> Pareto.front(new double[][] {{1}, null}))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("points[1] must not be null");
  }

  @Test
  void front_input_isNotModified() {
    double[][] p = {{-0.0, 2}, {1, 1}};
    Pareto.front(p);
    Pareto.ranks(p);
    assertThat(Double.doubleToRawLongBits(p[0][0])).isEqualTo(Double.doubleToRawLongBits(-0.0));
  }

  @Test
  void dominates_definition() {
    assertThat(Pareto.dominates(new double[] {1, 2}, new double[] {1, 3})).isTrue();
    assertThat(Pareto.dominates(new double[] {1, 2}, new double[] {1, 2})).isFalse();
    assertThat(Pareto.dominates(new double[] {1, 3}, new double[] {2, 2})).isFalse();
    assertThatThrownBy(() -> Pareto.dominates(new double[] {1}, new double[] {1, 2}))
        .hasMessage("b.length must be equal to a.length 1, but was 2");
    // jMetal lets a NaN point dominate; here NaN is rejected wherever it is, even after a decisive coordinate.
    assertThatThrownBy(() -> Pareto.dominates(new double[] {3, Double.NaN}, new double[] {2, 2}))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("a[1] must be finite, but was NaN");
    assertThatThrownBy(() -> Pareto.dominates(new double[] {1, Double.NaN}, new double[] {2, 2}))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("a[1] must be finite, but was NaN");
    assertThatThrownBy(() -> Pareto.dominates(new double[] {1, 1}, new double[] {2, INF}))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("b[1] must be finite, but was Infinity");
  }

  @Test
  void crowdingDistances_fourPointFront_matchesHandComputation() {
    double[] c = Pareto.crowdingDistances(new double[][] {{0, 4}, {1, 2}, {2, 1}, {4, 0}});
    assertThat(c).containsExactly(INF, 1.25, 1.25, INF);
  }

  @Test
  void crowdingDistances_tiesInOneObjective_getEqualTermsWhateverTheOrder() {
    // Points 1 and 2 tie on x: both get (4 - 1) / 3 from x, whichever is sorted first (NSGA-II's usual
    // neighbour rule would give one of them (2 - 1) / 3 and the other (4 - 2) / 3, depending on the sort).
    double[][] a = {{1, 3}, {2, 2}, {2, 1.5}, {4, 0}};
    double[][] b = {{1, 3}, {2, 1.5}, {2, 2}, {4, 0}};
    double[] ca = Pareto.crowdingDistances(a);
    double[] cb = Pareto.crowdingDistances(b);
    assertThat(ca[1]).isEqualTo(1 + (3 - 1.5) / 3);
    assertThat(ca[2]).isEqualTo(1 + (2 - 0) / 3.0);
    assertThat(cb[1]).isEqualTo(ca[2]);
    assertThat(cb[2]).isEqualTo(ca[1]);
  }

  @Test
  void crowdingDistances_valuesSpanningMoreThanMaxValue_stayFinite() {
    double big = Double.MAX_VALUE;
    double[] c = Pareto.crowdingDistances(new double[][] {{-big}, {0}, {big}});
    assertThat(c).containsExactly(INF, 1.0, INF);
  }

  @Test
  void hypervolume_twoPoints_isTheUnionOfTwoBoxes() {
    assertThat(Pareto.hypervolume(new double[][] {{1, 2}, {2, 1}}, new double[] {3, 3})).isEqualTo(3.0);
  }

  @Test
  void hypervolume_threeDimensions_matchesInclusionExclusion() {
    // Boxes [1,3]x[2,3]x[0,3] and [2,3]x[1,3]x[1,3], overlapping in [2,3]x[2,3]x[1,3]: 6 + 4 - 2 = 8.
    double hv = Pareto.hypervolume(new double[][] {{1, 2, 0}, {2, 1, 1}}, new double[] {3, 3, 3});
    assertThat(hv).isEqualTo(8.0);
  }

  @Test
  void hypervolume_fourDimensions_matchesInclusionExclusion() {
    // Two unit-cube corners: [0,2]^4 minus nothing = 16 for the origin, [1,2]^4 inside it.
    double hv = Pareto.hypervolume(new double[][] {{0, 0, 0, 0}, {1, 1, 1, 1}, {0, 1, 1, 1}},
        new double[] {2, 2, 2, 2});
    assertThat(hv).isEqualTo(16.0);
    double two = Pareto.hypervolume(new double[][] {{0, 1, 1, 1}, {1, 0, 1, 1}}, new double[] {2, 2, 2, 2});
    assertThat(two).isEqualTo(2 + 2 - 1);
  }

  @Test
  void hypervolume_dominatedPointOrInputOrder_changesNoBit() {
    double[] ref = {1, 1};
    double front = Pareto.hypervolume(new double[][] {{0.1, 0.2}}, ref);
    // (0.8, 0.5) is dominated; it once split the sweep at x = 0.8, rounding 0.7 * 0.8 + 0.2 * 0.8 to 0.72 where
    // the front alone gives 0.9 * 0.8 = 0.7200000000000001.
    assertThat(Pareto.hypervolume(new double[][] {{0.1, 0.2}, {0.8, 0.5}}, ref)).isEqualTo(front);
    // Two front points on one z level: the sweep took them in input order, 0.18200000000000002 one way round
    // and 0.182 the other.
    double[] ref3 = {1, 1, 1};
    assertThat(Pareto.hypervolume(new double[][] {{0.7, 0.2, 0.3}, {0.8, 0.1, 0.3}}, ref3))
        .isEqualTo(Pareto.hypervolume(new double[][] {{0.8, 0.1, 0.3}, {0.7, 0.2, 0.3}}, ref3));
  }

  @Test
  void hypervolume_referenceNotBoundingTheSet_isRejectedWithTheOffendingPoint() {
    assertThatThrownBy(() -> Pareto.hypervolume(new double[][] {{1, 2}, {2, 7.5}}, new double[] {3, 7}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("reference[1] must be >= every point's objective 1 (points[1][1] = 7.5), but was 7.0");
  }

  @Test
  void hypervolume_wrongReferenceLength_isRejected() {
    assertThatThrownBy(() -> Pareto.hypervolume(new double[][] {{1, 2}}, new double[] {3, 3, 3}))
        .hasMessage("reference.length must be equal to the number of objectives 2 (points[0].length), but was 3");
    assertThatThrownBy(() -> Pareto.hypervolume(new double[][] {{1, 2}, {1}}, new double[] {3, 3}))
        .hasMessage("points[1].length must be equal to 2 (every row has the same length), but was 1");
    assertThatThrownBy(() -> Pareto.hypervolume(new double[][] {{1, 2}}, new double[0]))
        .hasMessage("reference.length must be >= 1, but was 0");
    assertThatThrownBy(() -> Pareto.hypervolume(new double[][] {{1, 2}}, new double[] {3, Double.NaN}))
        .hasMessage("reference[1] must be finite, but was NaN");
  }

  @Test
  void hypervolume_pointOnTheReference_addsNothing() {
    assertThat(Pareto.hypervolume(new double[][] {{3, 0}, {1, 1}}, new double[] {3, 3})).isEqualTo(4.0);
  }

  @Test
  void hypervolume_overflowingVolume_isReportedNotReturned() {
    double big = 1e200;
    assertThatThrownBy(() -> Pareto.hypervolume(new double[][] {{0, 0}}, new double[] {big, big}))
        .isInstanceOf(ArithmeticException.class)
        .hasMessageContaining("exceeds Double.MAX_VALUE");
  }

  @Test
  void hypervolume_overflowingCrossSectionOnATiedSlab_isReportedNotNaN() {
    // Found by ParetoProperties: the 2D area between the points and the reference overflows, and the two points
    // share their last coordinate, so the sweep multiplied infinity by a zero-thickness slab and returned NaN.
    double[][] p = {{-1.2569819934321185E153, 0.0, -2.60750842793813E-310},
        {-4.1899399781070616E152, 1.0219103616019562E-107, -2.60750842793813E-310}};
    double max = Double.MAX_VALUE;
    assertThatThrownBy(() -> Pareto.hypervolume(p, new double[] {max, max, max}))
        .isInstanceOf(ArithmeticException.class)
        .hasMessageContaining("exceeds Double.MAX_VALUE");
  }

  @Test
  void hypervolume_overflowingRange_isRejected() {
    double big = Double.MAX_VALUE;
    assertThatThrownBy(() -> Pareto.hypervolume(new double[][] {{-big, 0}}, new double[] {big, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("reference[0] - min(points[*][0]) must be finite");
  }

  @Test
  void knee_convexFront_isTheBulge() {
    assertThat(Pareto.knee(new double[][] {{0, 10}, {1, 1}, {10, 0}, {5, 5}})).hasValue(1);
  }

  @Test
  void knee_linearFront_tieGoesToTheSmallestIndex() {
    assertThat(Pareto.knee(new double[][] {{2, 2}, {0, 4}, {4, 0}, {1, 3}})).hasValue(0);
  }

  @Test
  void knee_linearFrontInDecimalUnits_tieGoesToTheSmallestIndex() {
    // Collinear, so every point is equally far (0) from the line through the extremes. 0.1, 0.2 and 0.3 are not
    // exact in binary: the computed distances differ in their last bits, which must not pick the knee.
    double[][] usd = {{0.1, 900}, {0.2, 700}, {0.3, 500}, {0.4, 300}};
    double[][] cents = {{10, 900}, {20, 700}, {30, 500}, {40, 300}};
    assertThat(Pareto.knee(usd)).hasValue(0);
    assertThat(Pareto.knee(cents)).hasValue(0);
  }

  @Test
  void knee_concaveFront_tieAmongTheExtremesGoesToTheSmallestIndex() {
    // The three extremes lie on their own plane (distance 0); point 0 is beyond it, on the far side.
    assertThat(Pareto.knee(new double[][] {{0.7, 0.7, 0.7}, {0, 0.3, 1}, {1, 0, 0.3}, {0.3, 1, 0}})).hasValue(1);
  }

  @Test
  void knee_threeObjectives_isFarthestFromThePlaneOfTheExtremes() {
    double[][] p = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {0.2, 0.2, 0.2}, {0.5, 0.5, 0.1}};
    assertThat(Pareto.knee(p)).hasValue(3);
  }

  @Test
  void knee_unitsDoNotMatter() {
    double[][] p = {{0, 10}, {1, 1}, {10, 0}};
    double[][] scaled = {{0, 10_000}, {1_000, 1_000}, {10_000, 0}};
    assertThat(Pareto.knee(scaled)).isEqualTo(Pareto.knee(p));
  }

  @Test
  void front_largeAntiCorrelatedSets_keepEveryPointAcrossRegimes() {
    for (int d = 2; d <= 6; d++) {
      int n = 3000;
      double[][] p = new double[n][d];
      for (int i = 0; i < n; i++) {
        // On the hyperplane sum = 1 with distinct coordinates: every point non-dominated.
        double t = (i + 0.5) / n;
        p[i][0] = t;
        p[i][1] = 1 - t;
        for (int j = 2; j < d; j++) {
          p[i][j] = (i * 7919 % n) / (double) n * 1e-9 + j;
        }
      }
      assertThat(Pareto.front(p)).as("d=%d", d).hasSize(n);
      assertThat(Pareto.ranks(p)).as("d=%d", d).containsOnly(0);
    }
  }

  @Test
  void hypervolume_unitSimplexCorners_isExact() {
    double hv = Pareto.hypervolume(new double[][] {{0, 1, 1}, {1, 0, 1}, {1, 1, 0}}, new double[] {2, 2, 2});
    // Union of three 2x1x1... boxes [0,2]x[1,2]x[1,2] etc.: 2 + 2 + 2 - 1 - 1 - 1 + 1 = 4.
    assertThat(hv).isCloseTo(4.0, within(0.0));
  }
}
