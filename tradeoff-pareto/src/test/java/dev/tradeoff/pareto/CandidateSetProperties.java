package dev.tradeoff.pareto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeoff.pareto.testing.PointSets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Hard bounds: a candidate is excluded exactly when it fails a bound, every failed bound is reported (and no
 * other), {@link CandidateSet#feasible()} keeps exactly the others in order, and the analyses of the feasible set
 * are those of the same points given directly.
 */
final class CandidateSetProperties {

  /** A set with random directions and random (sometimes absent) inclusive bounds on tie-grid or uniform values. */
  record Bounded(CandidateSet set, double[][] values, List<Objective> objectives) {}

  @Property(tries = 300)
  void exclusions_everyFailedBoundAndNoOther_feasibleKeepsTheRestInOrder(@ForAll("bounded") Bounded b) {
    CandidateSet set = b.set();
    List<Exclusion> exclusions = set.exclusions();
    List<String> expectedFeasible = new ArrayList<>();
    int e = 0;
    for (int i = 0; i < b.values().length; i++) {
      List<Violation> expected = new ArrayList<>();
      for (int j = 0; j < b.objectives().size(); j++) {
        Objective o = b.objectives().get(j);
        double v = b.values()[i][j] + 0.0;
        int before = expected.size();
        if (o.upperBound().isPresent() && v > o.upperBound().getAsDouble()) {
          expected.add(new Violation(o.name(), Violation.Bound.UPPER, o.upperBound().getAsDouble(), v));
        } else if (o.lowerBound().isPresent() && v < o.lowerBound().getAsDouble()) {
          expected.add(new Violation(o.name(), Violation.Bound.LOWER, o.lowerBound().getAsDouble(), v));
        }
        assertThat(o.admits(v)).isEqualTo(expected.size() == before);
      }
      assertThat(set.isFeasible(i)).isEqualTo(expected.isEmpty());
      if (expected.isEmpty()) {
        expectedFeasible.add(set.name(i));
      } else {
        Exclusion x = exclusions.get(e++);
        assertThat(x.index()).isEqualTo(i);
        assertThat(x.candidate()).isEqualTo(set.name(i));
        assertThat(x.violations()).containsExactlyElementsOf(expected);
        assertThat(x.describe()).startsWith(set.name(i) + " excluded: ").contains(expected.get(0).describe());
      }
    }
    assertThat(e).isEqualTo(exclusions.size());
    CandidateSet feasible = set.feasible();
    assertThat(feasible.names()).containsExactlyElementsOf(expectedFeasible);
    assertThat(feasible.exclusions()).isEmpty();
    double[][] rows = new double[expectedFeasible.size()][];
    for (int t = 0; t < rows.length; t++) {
      rows[t] = set.values(set.indexOf(expectedFeasible.get(t)).getAsInt());
      assertThat(feasible.values(t)).containsExactly(rows[t]);
    }
    CandidateSet direct = CandidateSet.of(unbounded(b.objectives()), expectedFeasible, rows);
    assertThat(feasible.front()).containsExactly(direct.front());
    assertThat(feasible.ranks()).containsExactly(direct.ranks());
  }

  private static List<Objective> unbounded(List<Objective> objectives) {
    List<Objective> out = new ArrayList<>();
    for (Objective o : objectives) {
      out.add(Objective.of(o.name(), o.direction()));
    }
    return out;
  }

  @Provide
  Arbitrary<Bounded> bounded() {
    return Combinators.combine(
            Arbitraries.of(PointSets.Kind.UNIFORM, PointSets.Kind.TIE_GRID, PointSets.Kind.DUPLICATES),
            Arbitraries.integers().between(0, 40),
            Arbitraries.integers().between(1, 5),
            Arbitraries.longs().withoutEdgeCases())
        .as((kind, n, d, seed) -> {
          SplittableRandom rnd = new SplittableRandom(seed);
          double[][] values = PointSets.generate(kind, n, d, seed);
          List<Objective> objectives = new ArrayList<>();
          for (int j = 0; j < d; j++) {
            Objective o = rnd.nextBoolean() ? Objective.minimize("o" + j) : Objective.maximize("o" + j);
            // Bounds on the grid values themselves, so "on the bound" (inclusive) happens often.
            double low = rnd.nextInt(3) == 0 ? rnd.nextInt(3) * (kind == PointSets.Kind.TIE_GRID ? 1 : 0.3) : -1;
            double high = rnd.nextInt(3) == 0 ? low + rnd.nextInt(3) * (kind == PointSets.Kind.TIE_GRID ? 1 : 0.3)
                : -1;
            if (low >= 0) {
              o = o.atLeast(low);
            }
            if (high >= 0 && high >= Math.max(low, 0)) {
              o = o.atMost(high);
            }
            objectives.add(o);
          }
          List<String> names = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            names.add("candidate-" + i);
          }
          return new Bounded(CandidateSet.of(objectives, names, values), values, objectives);
        });
  }
}
