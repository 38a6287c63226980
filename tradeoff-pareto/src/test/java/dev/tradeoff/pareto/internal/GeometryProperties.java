package dev.tradeoff.pareto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tradeoff.pareto.testing.PointSets;
import dev.tradeoff.pareto.testing.Reference;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Hypervolume (every regime, including the slicing of d >= 4) and crowding against the references. */
final class GeometryProperties {

  @Property(tries = 300)
  void hypervolume_smallSets_matchesGridReference(@ForAll("small") double[][] p) {
    int d = p.length == 0 ? 3 : p[0].length;
    double[] ref = new double[d];
    java.util.Arrays.fill(ref, 4.0); // every generator stays within [0, 3]
    double expected = Reference.hypervolume(p, ref);
    double actual = Hypervolume.compute(PointSets.flat(p), p.length, d, ref);
    assertThat(actual).isCloseTo(expected, within(1e-9 * Math.max(1, expected)));
  }

  @Property(tries = 100)
  void hypervolume_fiveAndSixObjectives_slicingTwiceMatchesGridReference(@ForAll("tinyHigh") double[][] p) {
    int d = p.length == 0 ? 5 : p[0].length;
    double[] ref = new double[d];
    java.util.Arrays.fill(ref, 4.0);
    double expected = Reference.hypervolume(p, ref);
    double actual = Hypervolume.compute(PointSets.flat(p), p.length, d, ref);
    assertThat(actual).isCloseTo(expected, within(1e-9 * Math.max(1, expected)));
  }

  @Property(tries = 300)
  void crowding_anyData_matchesDefinition(@ForAll("medium") double[][] p) {
    int d = p.length == 0 ? 2 : p[0].length;
    double[] actual = Crowding.distances(PointSets.flat(p), p.length, d);
    double[] expected = Reference.crowding(p);
    for (int i = 0; i < p.length; i++) {
      if (Double.isInfinite(expected[i])) {
        assertThat(actual[i]).isInfinite();
      } else {
        assertThat(actual[i]).isCloseTo(expected[i], within(1e-12 * Math.max(1, expected[i])));
      }
    }
  }

  @Provide
  Arbitrary<double[][]> small() {
    return PointSets.any(9, 1, 4);
  }

  @Provide
  Arbitrary<double[][]> tinyHigh() {
    return PointSets.any(5, 5, 6);
  }

  @Provide
  Arbitrary<double[][]> medium() {
    return PointSets.any(120, 1, 5);
  }
}
