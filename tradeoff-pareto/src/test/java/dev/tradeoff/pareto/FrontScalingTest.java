package dev.tradeoff.pareto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.tradeoff.pareto.testing.PointSets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A guard, not a benchmark (the numbers live in {@code benchmarks}, measured with JMH): on all-front data, where
 * list-archive methods collapse to {@code O(N^2)}, the front of 2^18 points must come back in every regime (d = 2
 * sort-and-scan, d = 3 Kung's sweep, d = 5 SFS handing over to divide and conquer) well inside a timeout that a
 * quadratic algorithm cannot meet: 2^18 points are 3.4e10 pairs, tens of seconds at any realistic speed, while
 * the module's algorithms take about 2 s for all three together on one shared core. The timeout leaves 10x for a
 * loaded machine.
 */
final class FrontScalingTest {

  private static final int N = 1 << 18;

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
