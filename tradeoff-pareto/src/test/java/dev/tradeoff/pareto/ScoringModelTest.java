package dev.tradeoff.pareto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

final class ScoringModelTest {

  /** A (10, 0.8), B (20, 0.9), C (15, 0.85) on cost (min) and quality (max). */
  private static final double[][] ABC = {{10, 0.8}, {20, 0.9}, {15, 0.85}};

  private static ScoringModel costQuality(double costWeight, double qualityWeight) {
    return ScoringModel.of(Criterion.minimize("cost").weighted(costWeight),
        Criterion.maximize("quality").weighted(qualityWeight));
  }

  @Test
  void rank_minMaxWeightedSum_matchesHandComputation() {
    Ranking r = costQuality(3, 1).rank(ABC);
    // utilities: cost (1, 0, 0.5), quality (0, 1, 0.5); shares 0.75 / 0.25
    assertThat(r.scores()).containsExactly(new double[] {0.75, 0.25, 0.5}, within(1e-12));
    assertThat(r.order()).containsExactly(0, 2, 1);
    assertThat(r.best()).hasValue(0);
    assertThat(r.bestName()).hasValue("0");
    assertThat(r.utility(2, 0)).isEqualTo(0.5);
    assertThat(r.contributions(0)).containsExactly(0.75, 0.0);
    assertThat(r.contributions(2)).containsExactly(new double[] {0.375, 0.125}, within(1e-12));
    assertThat(r.position(1)).isEqualTo(2);
    assertThat(r.orderedNames()).containsExactly("0", "2", "1");
  }

  @Test
  void rank_equalScores_keepInputOrder() {
    // Exactly representable utilities, so the three scores are exactly equal.
    Ranking r = costQuality(1, 1).rank(new double[][] {{10, 0.5}, {20, 1.0}, {15, 0.75}});
    assertThat(r.scores()).containsExactly(0.5, 0.5, 0.5);
    assertThat(r.order()).containsExactly(0, 1, 2);
    Ranking reversed = costQuality(1, 1).rank(new double[][] {{15, 0.75}, {20, 1.0}, {10, 0.5}});
    assertThat(reversed.order()).containsExactly(0, 1, 2);
  }

  @Test
  void rank_contributions_addUpToTheWeightedSum() {
    Ranking r = costQuality(2, 3).rank(new double[][] {{12, 0.7}, {9, 0.65}, {30, 0.95}, {11, 0.9}});
    for (int i = 0; i < r.size(); i++) {
      double[] c = r.contributions(i);
      assertThat(c[0] + c[1]).isEqualTo(r.score(i));
    }
  }

  @Test
  void rank_candidateBestEverywhere_scoresAtMostOne() {
    // Shares 0.1/4.1, 3/4.1 and 1/4.1 add up to 1.0000000000000002 in floating point.
    Criterion cost = Criterion.minimize("cost").weighted(0.1).withReference(0, 100);
    Criterion ttft = Criterion.minimize("ttft").weighted(3).withReference(0, 2000);
    Criterion quality = Criterion.maximize("quality").weighted(1).withReference(0, 1);
    double[][] values = {{10, 300, 0.9}, {20, 400, 0.8}};
    for (Normalization n : new Normalization[] {Normalization.MIN_MAX, Normalization.FIXED_BOUNDS}) {
      ScoringModel model = ScoringModel.builder().addCriteria(cost, ttft, quality).normalization(n).build();
      double best = n == Normalization.MIN_MAX ? model.rank(values).score(0)
          : model.rank(new double[][] {{0, 0, 1}}).score(0);
      assertThat(best).as("%s", n).isLessThanOrEqualTo(1.0).isCloseTo(1.0, within(1e-15));
    }
    RouterScorer scorer = ScoringModel.builder().addCriteria(cost, ttft, quality)
        .normalization(Normalization.FIXED_BOUNDS).build().routerScorer();
    double[] scores = new double[1];
    scorer.best(new double[] {0, 0, 1}, 1, scores);
    assertThat(scores[0]).isLessThanOrEqualTo(1.0);
    scorer.best(new double[][] {{0}, {0}, {1}}, 1, scores);
    assertThat(scores[0]).isLessThanOrEqualTo(1.0);
  }

  @Test
  void rank_minMaxTopsis_matchesHandComputation() {
    ScoringModel model = ScoringModel.builder().addCriteria(Criterion.minimize("cost").weighted(3),
        Criterion.maximize("quality")).aggregation(Aggregation.TOPSIS).build();
    Ranking r = model.rank(ABC);
    // weighted: A (0.75, 0), B (0, 0.25), C (0.375, 0.125); ideal (0.75, 0.25), anti-ideal (0, 0)
    assertThat(r.score(0)).isCloseTo(0.75, within(1e-15));
    assertThat(r.score(1)).isCloseTo(0.25, within(1e-15));
    assertThat(r.score(2)).isCloseTo(0.5, within(1e-15));
    assertThat(r.order()).containsExactly(0, 2, 1);
    assertThat(r.explain(2)).isEqualTo("2: closeness 0.5000; weighted utilities cost 0.3750, quality 0.1250");
  }

  @Test
  void rank_vectorTopsis_dominatingCandidateIsTheIdeal() {
    ScoringModel model = ScoringModel.builder().addCriteria(Criterion.minimize("cost"),
        Criterion.maximize("quality")).normalization(Normalization.VECTOR).aggregation(Aggregation.TOPSIS).build();
    Ranking r = model.rank(new double[][] {{10, 0.9}, {20, 0.8}});
    assertThat(r.scores()).containsExactly(1.0, 0.0);
  }

  @Test
  void rank_vectorNormalization_dividesByTheEuclideanNorm() {
    ScoringModel model = ScoringModel.builder().addCriteria(Criterion.minimize("cost"))
        .normalization(Normalization.VECTOR).build();
    Ranking r = model.rank(new double[][] {{10}, {20}, {15}});
    double norm = Math.sqrt(100 + 400 + 225);
    assertThat(r.utility(0, 0)).isCloseTo(1 - 10 / norm, within(1e-15));
    assertThat(r.utility(1, 0)).isCloseTo(1 - 20 / norm, within(1e-15));
  }

  @Test
  void rank_zScore_isStandardizedAndNegatedWhenMinimized() {
    ScoringModel model = ScoringModel.builder().addCriteria(Criterion.minimize("cost"))
        .normalization(Normalization.Z_SCORE).build();
    Ranking r = model.rank(new double[][] {{10}, {20}, {15}});
    double sd = Math.sqrt(50.0 / 3);
    assertThat(r.utility(0, 0)).isCloseTo(5 / sd, within(1e-12));
    assertThat(r.utility(1, 0)).isCloseTo(-5 / sd, within(1e-12));
    assertThat(r.utility(2, 0)).isCloseTo(0, within(1e-12));
  }

  @Test
  void rank_fixedBounds_clampsOutsideTheReferenceRange() {
    ScoringModel model = ScoringModel.builder()
        .addCriteria(Criterion.minimize("cost").withReference(0, 40), Criterion.maximize("quality").withReference(0, 1))
        .normalization(Normalization.FIXED_BOUNDS).build();
    Ranking r = model.rank(new double[][] {{10, 0.8}, {50, 1.2}, {-5, 0.5}});
    assertThat(r.utility(0, 0)).isEqualTo(0.75);
    assertThat(r.utility(1, 0)).isEqualTo(0.0);
    assertThat(r.utility(1, 1)).isEqualTo(1.0);
    assertThat(r.utility(2, 0)).isEqualTo(1.0);
    assertThat(r.score(0)).isCloseTo(0.5 * 0.75 + 0.5 * 0.8, within(1e-15));
  }

  @Test
  void rank_fixedBounds_isImmuneToRankReversal() {
    ScoringModel model = ScoringModel.builder()
        .addCriteria(Criterion.minimize("cost").withReference(0, 100), Criterion.maximize("quality").withReference(0, 1))
        .normalization(Normalization.FIXED_BOUNDS).build();
    double[][] two = {{30, 0.6}, {50, 0.85}};
    double[][] three = {{30, 0.6}, {50, 0.85}, {5, 0.1}};
    assertThat(model.rank(three).score(0)).isEqualTo(model.rank(two).score(0));
    assertThat(model.rank(three).score(1)).isEqualTo(model.rank(two).score(1));
  }

  @Test
  void rank_constantCriterion_neverChangesTheOrder() {
    Ranking r = ScoringModel.of(Criterion.minimize("cost"), Criterion.maximize("quality"))
        .rank(new double[][] {{5, 0.9}, {5, 0.7}});
    assertThat(r.utility(0, 0)).isEqualTo(1.0);
    assertThat(r.utility(1, 0)).isEqualTo(1.0);
    assertThat(r.order()).containsExactly(0, 1);
  }

  @Test
  void rank_sloCurve_penalizesValuesPastTheLimit() {
    ScoringModel model = ScoringModel.of(Criterion.minimize("p95TtftMs").withUtility(UtilityCurve.slo(800, 10)));
    Ranking r = model.rank(new double[][] {{700}, {820}, {900}});
    // transformed: 700, 820 + 9 * 20 = 1000, 900 + 9 * 100 = 1800
    assertThat(r.utility(0, 0)).isEqualTo(1.0);
    assertThat(r.utility(1, 0)).isCloseTo(800.0 / 1100, within(1e-15));
    assertThat(r.utility(2, 0)).isEqualTo(0.0);
  }

  @Test
  void rank_singleCandidate_andEmpty_areDefined() {
    ScoringModel model = costQuality(1, 1);
    Ranking one = model.rank(new double[][] {{3, 0.5}});
    assertThat(one.best()).hasValue(0);
    assertThat(one.score(0)).isEqualTo(1.0);
    assertThat(one.weightSensitivity()).allSatisfy(m -> {
      assertThat(m.lowerLimit()).isZero();
      assertThat(m.upperLimit()).isEmpty();
      assertThat(m.winnerBelow()).isEmpty();
    });
    Ranking none = model.rank(new double[0][]);
    assertThat(none.best()).isEmpty();
    assertThat(none.bestName()).isEmpty();
    assertThat(none.order()).isEmpty();
    assertThat(none.weightSensitivity()).isEmpty();
  }

  @Test
  void weightSensitivity_weightedSum_matchesHandComputation() {
    List<WeightMargin> margins = costQuality(3, 1).rank(ABC).weightSensitivity();
    // At cost weight 1 all three tie (A keeps it by index); below, B wins. Quality can rise to 3, then B wins.
    WeightMargin cost = margins.get(0);
    assertThat(cost.criterion()).isEqualTo("cost");
    assertThat(cost.weight()).isEqualTo(3.0);
    assertThat(cost.lowerLimit()).isCloseTo(1.0, within(1e-12));
    assertThat(cost.upperLimit()).isEmpty();
    assertThat(cost.winnerBelow()).hasValue("1");
    assertThat(cost.winnerAbove()).isEmpty();
    WeightMargin quality = margins.get(1);
    assertThat(quality.lowerLimit()).isZero();
    assertThat(quality.upperLimit().getAsDouble()).isCloseTo(3.0, within(1e-12));
    assertThat(quality.winnerAbove()).hasValue("1");
    assertThat(quality.relativeMargin()).isCloseTo(2.0, within(1e-12));
    assertThat(cost.describe()).isEqualTo("cost: weight 3.0 can move within [1.0, inf] (below: 1 wins)");
  }

  @Test
  void weightSensitivity_topsis_findsTheCrossingNumerically() {
    ScoringModel model = ScoringModel.builder().addCriteria(Criterion.minimize("cost").weighted(3),
        Criterion.maximize("quality")).aggregation(Aggregation.TOPSIS).build();
    Ranking r = model.rank(ABC);
    WeightMargin cost = r.weightSensitivity().get(0);
    // By symmetry of A and B, A stops winning exactly when the cost weight drops to the quality weight (1).
    assertThat(cost.lowerLimit()).isCloseTo(1.0, within(1e-9));
    assertThat(cost.winnerBelow()).hasValue("1");
    assertThat(cost.upperLimit()).isEmpty();
  }

  @Test
  void explain_weightedSum_listsContributionsLargestFirst() {
    assertThat(costQuality(3, 1).rank(ABC).explain(2)).isEqualTo("2: score 0.5000 = cost 0.3750 + quality 0.1250");
  }

  @Test
  void rank_candidateSet_readsObjectivesByName() {
    CandidateSet set = CandidateSet.builder(Objective.maximize("quality"), Objective.minimize("cost"))
        .add("a", 0.8, 10).add("b", 0.9, 20).add("c", 0.85, 15).build();
    Ranking r = costQuality(3, 1).rank(set);
    assertThat(r.candidates()).containsExactly("a", "b", "c");
    assertThat(r.scores()).containsExactly(new double[] {0.75, 0.25, 0.5}, within(1e-12));
    assertThat(r.bestName()).hasValue("a");
  }

  @Test
  void rank_unknownCriterionName_isRejectedWithTheSetsObjectives() {
    CandidateSet set = CandidateSet.builder(Objective.minimize("cost"), Objective.maximize("quality")).build();
    ScoringModel model = ScoringModel.of(Criterion.minimize("cost"), Criterion.minimize("latency"));
    assertThatThrownBy(() -> model.rank(set))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("criteria[1].name must be the name of an objective of the set [cost, quality], but was 'latency'");
  }

  @Test
  void rank_directionMismatch_isRejected() {
    CandidateSet set = CandidateSet.builder(Objective.maximize("quality")).build();
    assertThatThrownBy(() -> ScoringModel.of(Criterion.minimize("quality")).rank(set))
        .hasMessage("criteria[0].direction must be the direction of objective 'quality' (MAXIMIZE), but was MINIMIZE");
  }

  @Test
  void rank_wrongRowLengthOrNaN_isRejected() {
    assertThatThrownBy(() -> costQuality(1, 1).rank(new double[][] {{1, 2, 3}}))
        .hasMessage("values[0].length must be equal to 2 (every row has the same length), but was 3");
    assertThatThrownBy(() -> costQuality(1, 1).rank(new double[][] {{1, 2}, {Double.NaN, 2}}))
        .hasMessage("values[1][0] must be finite, but was NaN");
  }

  @Test
  void withWeights_negative_namesTheIndex() {
    assertThatThrownBy(() -> costQuality(1, 1).withWeights(1, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("weights[1] must be >= 0, but was -1.0");
    assertThatThrownBy(() -> costQuality(1, 1).withWeights(1, Double.NaN))
        .hasMessage("weights[1] must be finite, but was NaN");
    assertThatThrownBy(() -> costQuality(1, 1).withWeights(1))
        .hasMessage("weights.length must be equal to the number of criteria 2, but was 1");
  }

  @Test
  void withWeights_allZero_isRejected() {
    assertThatThrownBy(() -> costQuality(1, 1).withWeights(0, 0))
        .hasMessage("weights must be not all 0, but was [0.0, 0.0]");
  }

  @Test
  void withWeights_replacesWeightsOnly() {
    ScoringModel model = costQuality(1, 1).withWeights(2, 5);
    assertThat(model.weights()).containsExactly(2, 5);
    assertThat(model.criteria().get(1).name()).isEqualTo("quality");
  }

  @Test
  void build_invalidModels_areRejected() {
    assertThatThrownBy(() -> ScoringModel.builder().build())
        .hasMessage("criteria must be non-empty, but was []");
    assertThatThrownBy(() -> ScoringModel.of(Criterion.minimize("a"), Criterion.maximize("a")))
        .hasMessage("criteria[1].name must be unique (criteria[0] has it too), but was 'a'");
    assertThatThrownBy(() -> ScoringModel.builder().addCriteria(Criterion.minimize("cost"))
            .normalization(Normalization.FIXED_BOUNDS).build())
        .hasMessage("criteria[0] ('cost') reference range must be set for FIXED_BOUNDS normalization "
            + "(withReference(low, high)), but was empty");
  }

  @Test
  void criterion_invalidValues_areRejected() {
    assertThatThrownBy(() -> Criterion.minimize("cost").weighted(-1))
        .hasMessage("weight of criterion 'cost' must be >= 0 and finite, but was -1.0");
    assertThatThrownBy(() -> Criterion.minimize("cost").withReference(5, 5))
        .hasMessage("referenceHigh of criterion 'cost' must be > referenceLow 5.0, but was 5.0");
    assertThatThrownBy(() -> Criterion.builder().name("x").direction(Direction.MINIMIZE).referenceLow(1).build())
        .hasMessageStartingWith("reference range of criterion 'x' must be both ends or neither");
  }

  @Test
  void utilityCurve_sloArguments_areValidated() {
    assertThat(UtilityCurve.slo(800, 10).apply(900, Direction.MINIMIZE)).isEqualTo(1800.0);
    assertThat(UtilityCurve.slo(30, 10).apply(20, Direction.MAXIMIZE)).isEqualTo(-70.0);
    assertThat(UtilityCurve.slo(30).apply(40, Direction.MAXIMIZE)).isEqualTo(40.0);
    assertThat(UtilityCurve.linear().apply(7, Direction.MINIMIZE)).isEqualTo(7.0);
    assertThat(UtilityCurve.slo(800).penaltySlope()).isEqualTo(UtilityCurve.DEFAULT_PENALTY_SLOPE);
    assertThat(UtilityCurve.linear().limit()).isEmpty();
    assertThatThrownBy(() -> UtilityCurve.slo(800, 1)).hasMessage("penaltySlope must be > 1 and finite, but was 1.0");
    assertThatThrownBy(() -> UtilityCurve.slo(Double.NaN, 2)).hasMessage("limit must be finite, but was NaN");
    assertThat(UtilityCurve.slo(1, 2)).isEqualTo(UtilityCurve.slo(1, 2)).hasSameHashCodeAs(UtilityCurve.slo(1, 2));
  }

  @Test
  void routerScorer_needsFixedBounds() {
    assertThatThrownBy(() -> costQuality(1, 1).routerScorer())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("needs normalization FIXED_BOUNDS")
        .hasMessageEndingWith("but was MIN_MAX");
  }

  @Test
  void rank_hugeValues_neverProduceNaN() {
    double big = Double.MAX_VALUE;
    for (Normalization n : new Normalization[] {Normalization.MIN_MAX, Normalization.VECTOR, Normalization.Z_SCORE}) {
      for (Aggregation a : Aggregation.values()) {
        Ranking r = ScoringModel.builder().addCriteria(Criterion.minimize("x"), Criterion.maximize("y"))
            .normalization(n).aggregation(a).build().rank(new double[][] {{-big, big}, {big, -big}, {0, 0}});
        for (double s : r.scores()) {
          assertThat(s).as("%s %s", n, a).isFinite();
        }
      }
    }
  }
}
