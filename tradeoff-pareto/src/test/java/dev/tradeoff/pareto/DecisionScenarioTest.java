package dev.tradeoff.pareto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The example of the class Javadocs, end to end, so the documented outputs stay true. */
final class DecisionScenarioTest {

  private static final CandidateSet ALL = CandidateSet.builder(
          Objective.minimize("monthlyCostUsd").atMost(500),
          Objective.minimize("p95TtftMs").atMost(800),
          Objective.maximize("quality"))
      .add("gpt-4o-mini", 120, 420, 0.78)
      .add("claude-haiku", 150, 380, 0.80)
      .add("llama-70b-h100", 900, 300, 0.84)
      .add("mistral-small", 140, 500, 0.74)
      .build();

  private static final ScoringModel MODEL = ScoringModel.builder()
      .addCriteria(Criterion.minimize("monthlyCostUsd").weighted(3))
      .addCriteria(Criterion.minimize("p95TtftMs").weighted(2).withUtility(UtilityCurve.slo(800)))
      .addCriteria(Criterion.maximize("quality").weighted(5))
      .build();

  @Test
  void decision_documentedExample_producesTheDocumentedAnswers() {
    assertThat(ALL.exclusions()).extracting(Exclusion::describe)
        .containsExactly("llama-70b-h100 excluded: monthlyCostUsd = 900.0 > 500.0");
    CandidateSet feasible = ALL.feasible();
    assertThat(feasible.front()).containsExactly(0, 1);

    Ranking ranking = MODEL.rank(feasible);
    assertThat(ranking.bestName()).hasValue("gpt-4o-mini");
    assertThat(ranking.orderedNames()).containsExactly("gpt-4o-mini", "claude-haiku", "mistral-small");
    assertThat(ranking.explain(ranking.best().getAsInt()))
        .isEqualTo("gpt-4o-mini: score 0.7667 = quality 0.3333 + monthlyCostUsd 0.3000 + p95TtftMs 0.1333");
    assertThat(ranking.weightSensitivity()).extracting(WeightMargin::describe).containsExactly(
        "monthlyCostUsd: weight 3.0 can move within [2.3333333333333335, inf] (below: claude-haiku wins)",
        "p95TtftMs: weight 2.0 can move within [0.0, 4.0] (above: claude-haiku wins)",
        "quality: weight 5.0 can move within [0.0, 6.999999999999999] (above: claude-haiku wins)");

    double[] ahp = Ahp.weights(new double[][] {{1, 3, 1.0 / 2}, {1.0 / 3, 1, 1.0 / 4}, {2, 4, 1}});
    assertThat(ahp).containsExactly(new double[] {0.320, 0.122, 0.558}, within(0.0005));
    assertThat(MODEL.withWeights(ahp).rank(feasible).bestName()).isPresent();
  }

  @Test
  void decision_scoringFrontOnly_neverPicksADominatedCandidate() {
    CandidateSet feasible = ALL.feasible();
    CandidateSet front = feasible.subset(feasible.front());
    Ranking all = MODEL.rank(feasible);
    Ranking onFront = MODEL.withWeights(1, 1, 1).rank(front);
    assertThat(front.names()).contains(all.bestName().orElseThrow());
    assertThat(onFront.size()).isEqualTo(2);
  }
}
