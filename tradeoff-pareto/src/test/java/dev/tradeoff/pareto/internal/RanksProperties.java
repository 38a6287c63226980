package dev.tradeoff.pareto.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeoff.pareto.testing.PointSets;
import dev.tradeoff.pareto.testing.Reference;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Non-dominated sorting in every regime against the peeling reference. */
final class RanksProperties {

  @Property(tries = 300)
  void ranks_anyData_matchesReference(@ForAll("anyDimension") double[][] p) {
    int d = p.length == 0 ? 2 : p[0].length;
    assertThat(Ranks.ranks(PointSets.flat(p), p.length, d)).containsExactly(Reference.ranks(p));
  }

  @Property(tries = 300)
  void divideConquer_tinyBruteForceThresholds_matchesReference(@ForAll("twoOrMore") double[][] p) {
    int d = p.length == 0 ? 2 : p[0].length;
    assertThat(DivideConquer.ranks(PointSets.flat(p), p.length, d, 1, 0, 0)).containsExactly(Reference.ranks(p));
  }

  @Property(tries = 200)
  void divideConquer_twoDimensions_matchesBinarySearchSweep(@ForAll("planar") double[][] p) {
    double[] x = PointSets.flat(p);
    assertThat(DivideConquer.ranks(x, p.length, 2)).containsExactly(Ranks.ranks(x, p.length, 2));
  }

  @Provide
  Arbitrary<double[][]> anyDimension() {
    return PointSets.any(200, 1, 6);
  }

  @Provide
  Arbitrary<double[][]> twoOrMore() {
    return PointSets.any(200, 2, 6);
  }

  @Provide
  Arbitrary<double[][]> planar() {
    return PointSets.any(300, 2, 2);
  }
}
