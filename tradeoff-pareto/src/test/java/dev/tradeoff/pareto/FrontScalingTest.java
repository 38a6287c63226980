package dev.tradeoff.pareto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.tradeoff.pareto.testing.PointSets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A guard, not a benchmark (the numbers live in {@code benchmarks}, measured with JMH): on all-front data, where
 * list-archive methods collapse to {@code O(N^2)}, the front of 2^17 points must come back in every regime (d = 2
 * sort-and-scan, d = 3 Kung's sweep, d = 5 SFS handing over to divide and conquer) well inside a timeout that a
 * quadratic algorithm cannot meet: 2^17 points are 8.6e9 pairs; SFS without its fallback took 34 s for 2^16 of
 * these d = 5 points (so about 2 minutes here), while the module's algorithms take 1 to 3 s for all three sets
 * together on one shared core. The timeout leaves 10x for a loaded machine.
 */
final class FrontScalingTest {

  private static final int N = 1 << 17;

  @Test
  void front_allFrontDataInEveryRegime_staysFarBelowQuadraticTime() {
    double[][][] sets = {
        PointSets.generate(PointSets.Kind.SIMPLEX, N, 2, 2),
        PointSets.generate(PointSets.Kind.SIMPLEX, N, 3, 3),
        PointSets.generate(PointSets.Kind.SIMPLEX, N, 5, 5)};
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      for (double[][] p : sets) {
        assertThat(Pareto.front(p)).as("d=%d", p[0].length).hasSize(N);
      }
    });
  }
}
