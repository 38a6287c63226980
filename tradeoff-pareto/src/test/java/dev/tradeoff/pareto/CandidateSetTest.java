package dev.tradeoff.pareto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

final class CandidateSetTest {

  private static CandidateSet example() {
    return CandidateSet.builder(
            Objective.minimize("monthlyCostUsd").atMost(500),
            Objective.minimize("p95TtftMs").atMost(800),
            Objective.maximize("quality"))
        .add("gpt-4o-mini", 120, 420, 0.78)
        .add("claude-haiku", 150, 380, 0.80)
        .add("llama-70b-h100", 900, 300, 0.84)
        .add("mistral-small", 140, 500, 0.74)
        .build();
  }

  @Test
  void exclusions_budgetBound_namesCandidateObjectiveLimitAndValue() {
    CandidateSet all = example();
    assertThat(all.exclusions()).hasSize(1);
    Exclusion e = all.exclusions().get(0);
    assertThat(e.index()).isEqualTo(2);
    assertThat(e.candidate()).isEqualTo("llama-70b-h100");
    assertThat(e.violations()).containsExactly(
        new Violation("monthlyCostUsd", Violation.Bound.UPPER, 500, 900));
    assertThat(e.describe()).isEqualTo("llama-70b-h100 excluded: monthlyCostUsd = 900.0 > 500.0");
    assertThat(all.isFeasible(2)).isFalse();
    assertThat(all.isFeasible(0)).isTrue();
  }

  @Test
  void exclusions_severalBounds_listsEveryViolationInObjectiveOrder() {
    CandidateSet set = CandidateSet.builder(
            Objective.minimize("cost").atMost(10),
            Objective.maximize("quality").atLeast(0.7),
            Objective.minimize("errors").atLeast(0).atMost(0.05))
        .add("ok", 5, 0.9, 0.01)
        .add("bad", 11, 0.5, 0.2)
        .build();
    assertThat(set.exclusions()).singleElement().satisfies(e -> {
      assertThat(e.candidate()).isEqualTo("bad");
      assertThat(e.violations()).extracting(Violation::objective).containsExactly("cost", "quality", "errors");
      assertThat(e.violations().get(1).describe()).isEqualTo("quality = 0.5 < 0.7");
    });
  }

  @Test
  void exclusions_valueOnTheBound_isFeasible() {
    CandidateSet set = CandidateSet.builder(Objective.minimize("cost").atMost(10).atLeast(0))
        .add("edge", 10).add("zero", -0.0).build();
    assertThat(set.exclusions()).isEmpty();
    assertThat(set.feasible()).isSameAs(set);
  }

  @Test
  void feasible_dropsExcludedKeepingOrderAndNames() {
    CandidateSet feasible = example().feasible();
    assertThat(feasible.names()).containsExactly("gpt-4o-mini", "claude-haiku", "mistral-small");
    assertThat(feasible.exclusions()).isEmpty();
    assertThat(feasible.values(2)).containsExactly(140, 500, 0.74);
  }

  @Test
  void front_mixedDirections_usesEachObjectivesDirection() {
    CandidateSet feasible = example().feasible();
    // gpt-4o-mini (120, 420, 0.78) beats mistral-small (140, 500, 0.74) on all three objectives; claude-haiku
    // (150, 380, 0.80) is faster and better than gpt-4o-mini but dearer, so both stay.
    assertThat(feasible.front()).containsExactly(0, 1);
    assertThat(feasible.ranks()).containsExactly(0, 0, 1);
  }

  @Test
  void hypervolume_referenceInUserUnits_respectsDirections() {
    CandidateSet set = CandidateSet.builder(Objective.minimize("cost"), Objective.maximize("quality"))
        .add("a", 1, 0.9).add("b", 2, 0.95).build();
    // Minimization form: (1, -0.9), (2, -0.95), reference (3, -0.5): 2*0.4 + 1*0.05 = 0.85.
    assertThat(set.hypervolume(3, 0.5)).isCloseTo(0.85, org.assertj.core.api.Assertions.within(1e-12));
  }

  @Test
  void hypervolume_referenceOnTheWrongSideOfAMaximizedObjective_isRejected() {
    CandidateSet set = CandidateSet.builder(Objective.minimize("cost"), Objective.maximize("quality"))
        .add("a", 1, 0.9).add("b", 2, 0.4).build();
    assertThatThrownBy(() -> set.hypervolume(3, 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("reference[1] ('quality') must be <= every candidate's value (candidate 'b' has 0.4), "
            + "but was 0.5");
  }

  @Test
  void of_nonFiniteValue_namesCandidateAndObjective() {
    assertThatThrownBy(() -> CandidateSet.of(List.of(Objective.minimize("cost"), Objective.maximize("quality")),
            List.of("a", "b"), new double[][] {{1, 0.5}, {2, Double.NaN}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("values[1][1] must be finite, but was NaN (candidate 'b', objective 'quality')");
  }

  @Test
  void builder_wrongValueCount_isRejected() {
    assertThatThrownBy(() -> CandidateSet.builder(Objective.minimize("cost")).add("a", 1, 2))
        .hasMessage("values.length of candidate 'a' must be equal to the number of objectives 1, but was 2");
  }

  @Test
  void of_duplicateCandidateName_isRejected() {
    assertThatThrownBy(() -> CandidateSet.builder(Objective.minimize("cost")).add("a", 1).add("a", 2).build())
        .hasMessage("names[1] must be unique (names[0] has it too), but was 'a'");
  }

  @Test
  void of_duplicateObjectiveName_isRejected() {
    assertThatThrownBy(() -> CandidateSet.builder(Objective.minimize("cost"), Objective.maximize("cost")))
        .hasMessage("objectives[1].name must be unique (objectives[0] has it too), but was 'cost'");
  }

  @Test
  void of_noObjective_isRejected() {
    assertThatThrownBy(() -> CandidateSet.of(List.of(), List.of(), new double[0][]))
        .hasMessage("objectives must be non-empty, but was []");
  }

  @Test
  void of_rowCountMismatch_isRejected() {
    assertThatThrownBy(() -> CandidateSet.of(List.of(Objective.minimize("c")), List.of("a"), new double[0][]))
        .hasMessage("values.length must be equal to names.size() 1, but was 0");
  }

  @Test
  void emptySet_hasDefinedResults() {
    CandidateSet empty = CandidateSet.builder(Objective.minimize("cost")).build();
    assertThat(empty.size()).isZero();
    assertThat(empty.front()).isEmpty();
    assertThat(empty.ranks()).isEmpty();
    assertThat(empty.crowdingDistances()).isEmpty();
    assertThat(empty.knee()).isEmpty();
    assertThat(empty.hypervolume(1)).isZero();
    assertThat(empty.exclusions()).isEmpty();
  }

  @Test
  void subset_reordersAndRejectsRepeats() {
    CandidateSet set = example();
    CandidateSet sub = set.subset(3, 0);
    assertThat(sub.names()).containsExactly("mistral-small", "gpt-4o-mini");
    assertThatThrownBy(() -> set.subset(1, 1)).hasMessage("candidates[1] must be not repeated, but was 1");
    assertThatThrownBy(() -> set.subset(9)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void accessors_returnCopies() {
    CandidateSet set = example();
    set.values(0)[0] = 1e9;
    set.matrix()[0][0] = 1e9;
    assertThat(set.value(0, 0)).isEqualTo(120);
    assertThat(set.indexOf("claude-haiku")).hasValue(1);
    assertThat(set.indexOf("nope")).isEmpty();
    assertThat(set.objectiveIndex("quality")).hasValue(2);
  }

  @Test
  void values_negativeZero_isStoredAsZero() {
    CandidateSet set = CandidateSet.builder(Objective.maximize("q")).add("a", -0.0).build();
    assertThat(Double.doubleToRawLongBits(set.value(0, 0))).isZero();
  }
}
