package dev.tradeoff.pareto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

final class RouterScorerTest {

  /** cost (min, 0..100 USD), p95 TTFT (min, 0..2000 ms, SLO optional), quality (max, 0..1), errors (min, 0..0.1). */
  private static ScoringModel model(boolean slo, Aggregation aggregation) {
    Criterion ttft = Criterion.minimize("p95TtftMs").weighted(2).withReference(0, 2000);
    return ScoringModel.builder()
        .addCriteria(Criterion.minimize("costUsd").weighted(3).withReference(0, 100))
        .addCriteria(slo ? ttft.withUtility(UtilityCurve.slo(800)) : ttft)
        .addCriteria(Criterion.maximize("quality").weighted(5).withReference(0, 1))
        .addCriteria(Criterion.minimize("errorRate").weighted(1).withReference(0, 0.1))
        .normalization(Normalization.FIXED_BOUNDS)
        .aggregation(aggregation)
        .build();
  }

  private static final double[] LIVE = {
      40, 600, 0.80, 0.01,   // 0
      20, 900, 0.75, 0.02,   // 1
      90, 300, 0.95, 0.00,   // 2
      30, 2500, 0.85, 0.20}; // 3: past every reference bound on ttft and errors

  @Test
  void best_matchesTheRankingsWinnerAndScoresBitForBit() {
    for (boolean slo : new boolean[] {false, true}) {
      for (Aggregation a : Aggregation.values()) {
        ScoringModel m = model(slo, a);
        RouterScorer scorer = m.routerScorer();
        double[] scores = new double[4];
        int best = scorer.best(LIVE, 4, scores);
        Ranking ranking = m.rank(new double[][] {
            {40, 600, 0.80, 0.01}, {20, 900, 0.75, 0.02}, {90, 300, 0.95, 0.00}, {30, 2500, 0.85, 0.20}});
        assertThat(best).as("slo=%s %s", slo, a).isEqualTo(ranking.best().getAsInt());
        assertThat(scores).as("slo=%s %s", slo, a).containsExactly(ranking.scores());
        assertThat(scorer.best(LIVE)).isEqualTo(best);
        assertThat(scorer.best(LIVE, 4)).isEqualTo(best);
      }
    }
  }

  @Test
  void best_fewerRowsThanTheBuffer_scoresOnlyThoseRows() {
    RouterScorer scorer = model(false, Aggregation.WEIGHTED_SUM).routerScorer();
    double[] scores = {-1, -1, -1, -1};
    int best = scorer.best(LIVE, 2, scores);
    assertThat(best).isBetween(0, 1);
    assertThat(scores[2]).isEqualTo(-1);
    assertThat(scores[3]).isEqualTo(-1);
  }

  @Test
  void best_equalScores_goToTheSmallerIndex() {
    RouterScorer scorer = model(false, Aggregation.WEIGHTED_SUM).routerScorer();
    assertThat(scorer.best(new double[] {50, 500, 0.5, 0.05, 50, 500, 0.5, 0.05})).isZero();
  }

  @Test
  void best_nan_isRejectedNamingIndexCandidateAndCriterion() {
    RouterScorer scorer = model(false, Aggregation.WEIGHTED_SUM).routerScorer();
    double[] live = LIVE.clone();
    live[6] = Double.NaN;
    assertThatThrownBy(() -> scorer.best(live))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("values[6] must be finite, but was NaN (candidate 1, criterion 'quality')");
  }

  @Test
  void best_infinity_isRejectedOnEveryPath() {
    for (boolean slo : new boolean[] {false, true}) {
      for (Aggregation a : Aggregation.values()) {
        RouterScorer scorer = model(slo, a).routerScorer();
        double[] live = LIVE.clone();
        live[13] = Double.POSITIVE_INFINITY;
        assertThatThrownBy(() -> scorer.best(live, 4, new double[4]))
            .as("slo=%s %s", slo, a)
            .hasMessage("values[13] must be finite, but was Infinity (candidate 3, criterion 'p95TtftMs')");
      }
    }
  }

  @Test
  void best_nonFiniteValueInAGenericWidthModel_isRejected() {
    RouterScorer scorer = ScoringModel.builder()
        .addCriteria(Criterion.minimize("a").withReference(0, 1), Criterion.maximize("b").withReference(0, 1),
            Criterion.minimize("c").withReference(0, 1))
        .normalization(Normalization.FIXED_BOUNDS).build().routerScorer();
    assertThatThrownBy(() -> scorer.best(new double[] {0, 0, 0, 0, Double.NEGATIVE_INFINITY, 0}))
        .hasMessage("values[4] must be finite, but was -Infinity (candidate 1, criterion 'b')");
  }

  @Test
  void best_finiteValuesWhoseSumOverflows_areAccepted() {
    RouterScorer scorer = model(false, Aggregation.WEIGHTED_SUM).routerScorer();
    double big = Double.MAX_VALUE;
    // The guard sum overflows to infinity; the slow path finds every value finite and carries on.
    assertThat(scorer.best(new double[] {big, big, 0.5, big, 10, 500, 0.5, 0.01})).isEqualTo(1);
  }

  @Test
  void best_zeroWeightCriterionWhoseSloCurveOverflows_neverYieldsNaN() {
    ScoringModel m = ScoringModel.builder()
        .addCriteria(Criterion.minimize("ttft").weighted(0).withReference(0, 1000).withUtility(UtilityCurve.slo(800)))
        .addCriteria(Criterion.maximize("quality").withReference(0, 1))
        .normalization(Normalization.FIXED_BOUNDS).build();
    double huge = Double.MAX_VALUE / 2; // finite, but 9x past the SLO overflows to infinity
    double[] live = {huge, 0.5, 10, 0.4};
    double[] scores = new double[2];
    assertThat(m.routerScorer().best(live, 2, scores)).isZero();
    assertThat(scores).containsExactly(0.5, 0.4);
    assertThat(m.rank(new double[][] {{huge, 0.5}, {10, 0.4}}).scores()).containsExactly(scores);
  }

  @Test
  void best_negativeZeroLiveValue_scoresExactlyLikeZero() {
    // quality's reference starts at 0, so a live -0.0 lands on the fma's zero constant: the score must be +0.0,
    // bit for bit what the ranking (which normalizes its inputs) reports, never -0.0.
    RouterScorer scorer = ScoringModel.builder().addCriteria(Criterion.maximize("quality").withReference(0, 1))
        .normalization(Normalization.FIXED_BOUNDS).build().routerScorer();
    double[] scores = new double[2];
    scorer.best(new double[] {-0.0, 0.0}, 2, scores);
    assertThat(Double.doubleToRawLongBits(scores[0])).isZero();
    assertThat(Double.doubleToRawLongBits(scores[1])).isZero();
  }

  @Test
  void best_oneCandidate_isIndexZero() {
    for (Aggregation a : Aggregation.values()) {
      RouterScorer scorer = model(true, a).routerScorer();
      double[] scores = new double[1];
      assertThat(scorer.best(new double[] {40, 600, 0.80, 0.01}, 1, scores)).isZero();
      assertThat(scores[0]).isBetween(0.0, 1.0);
    }
  }

  @Test
  void best_badArguments_areRejected() {
    RouterScorer scorer = model(false, Aggregation.WEIGHTED_SUM).routerScorer();
    assertThatThrownBy(() -> scorer.best(new double[7]))
        .hasMessage("values.length must be a positive multiple of 4 criteria, but was 7");
    assertThatThrownBy(() -> scorer.best(new double[0]))
        .hasMessage("values.length must be a positive multiple of 4 criteria, but was 0");
    assertThatThrownBy(() -> scorer.best(new double[8], 0)).hasMessage("candidates must be >= 1, but was 0");
    assertThatThrownBy(() -> scorer.best(new double[8], 3))
        .hasMessage("values.length must be >= candidates * criteria = 12, but was 8");
    assertThatThrownBy(() -> scorer.best(new double[8], 2, new double[1]))
        .hasMessage("scores.length must be >= candidates 2, but was 1");
  }

  @Test
  void bestColumns_everyPathAndSize_scoresBitForBitLikeTheRows() {
    // M = 4 and M = 3, with and without SLO curves, both aggregations; K across the scalar/vector threshold.
    for (int m : new int[] {3, 4}) {
      for (boolean slo : new boolean[] {false, true}) {
        for (Aggregation a : Aggregation.values()) {
          ImmutableScoringModel.Builder b = ScoringModel.builder().normalization(Normalization.FIXED_BOUNDS)
              .aggregation(a);
          for (int j = 0; j < m; j++) {
            Criterion c = (j % 2 == 0 ? Criterion.minimize("c" + j) : Criterion.maximize("c" + j))
                .weighted(1 + j).withReference(10 * j, 100 + 50 * j);
            b.addCriteria(slo && j == 0 ? c.withUtility(UtilityCurve.slo(60)) : c);
          }
          RouterScorer scorer = b.build().routerScorer();
          for (int k : new int[] {1, RouterScorer.VECTOR_MIN_CANDIDATES - 1, RouterScorer.VECTOR_MIN_CANDIDATES,
              64, 67}) {
            double[] rows = new double[k * m];
            double[][] columns = new double[m][k];
            for (int i = 0; i < k; i++) {
              for (int j = 0; j < m; j++) {
                // a quarter of the values below, a quarter above the reference range; some exact zeros
                double x = (i * 7 + j * 13) % 9 == 0 ? 0.0 : -50 + ((i * 37 + j * 11) % 101) * 2.5 + 10 * j;
                rows[i * m + j] = x;
                columns[j][i] = x;
              }
            }
            double[] rowScores = new double[k];
            double[] columnScores = new double[k];
            String as = "M=" + m + " slo=" + slo + " " + a + " K=" + k;
            assertThat(scorer.best(columns, k, columnScores)).as(as).isEqualTo(scorer.best(rows, k, rowScores));
            assertThat(columnScores).as(as).containsExactly(rowScores);
          }
        }
      }
    }
  }

  @Test
  void bestColumns_compiledByTheJit_staysBitIdenticalToTheRanking() {
    // The vectorized column loops exist only in C2-compiled code: call them until the JIT has compiled them
    // (tens of thousands of calls), checking along the way and at the end that every score keeps its bits.
    ScoringModel model = ScoringModel.builder()
        .addCriteria(Criterion.minimize("costUsd").weighted(3).withReference(0, 100))
        .addCriteria(Criterion.minimize("p95TtftMs").weighted(2).withReference(0, 2000))
        .addCriteria(Criterion.maximize("quality").weighted(5).withReference(0, 1))
        .addCriteria(Criterion.minimize("errorRate").weighted(1).withReference(0, 0.1))
        .normalization(Normalization.FIXED_BOUNDS).build();
    double[] low = {0, 0, 0, 0};
    double[] high = {100, 2000, 1, 0.1};
    int k = 64;
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(20261128L);
    double[][] rows = new double[k][4];
    double[][] columns = new double[4][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < 4; j++) {
        double span = high[j] - low[j];
        // half outside the reference range, some exactly on a bound, some -0.0
        double x = switch (rnd.nextInt(8)) {
          case 0 -> low[j];
          case 1 -> high[j];
          case 2 -> -0.0;
          default -> low[j] - span / 2 + rnd.nextDouble() * 2 * span;
        };
        rows[i][j] = x;
        columns[j][i] = x;
      }
    }
    double[] expected = model.rank(rows).scores();
    int expectedBest = model.rank(rows).best().getAsInt();
    RouterScorer scorer = model.routerScorer();
    double[] scores = new double[k];
    for (int call = 1; call <= 200_000; call++) {
      int best = scorer.best(columns, k, scores);
      if (call % 20_000 == 0) {
        assertThat(best).as("call %d", call).isEqualTo(expectedBest);
        assertThat(scores).as("call %d", call).containsExactly(expected);
      }
    }
  }

  @Test
  void bestColumns_negativeZero_scoresPlusZero() {
    RouterScorer scorer = ScoringModel.builder().addCriteria(Criterion.maximize("quality").withReference(0, 1))
        .normalization(Normalization.FIXED_BOUNDS).build().routerScorer();
    for (int k : new int[] {2, 32}) {
      double[] column = new double[k];
      java.util.Arrays.fill(column, -0.0);
      double[] scores = new double[k];
      assertThat(scorer.best(new double[][] {column}, k, scores)).isZero();
      for (double s : scores) {
        assertThat(Double.doubleToRawLongBits(s)).isZero();
      }
    }
  }

  @Test
  void bestColumns_nonFiniteValue_isRejectedNamingColumnCandidateAndCriterion() {
    for (int k : new int[] {4, 40}) {
      for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
        double[][] columns = new double[4][k];
        for (double[] column : columns) {
          java.util.Arrays.fill(column, 0.5);
        }
        columns[2][k - 1] = bad;
        for (Aggregation a : Aggregation.values()) {
          assertThatThrownBy(() -> model(false, a).routerScorer().best(columns, k, new double[k]))
              .isInstanceOf(IllegalArgumentException.class)
              .hasMessage("columns[2][" + (k - 1) + "] must be finite, but was " + bad + " (candidate " + (k - 1)
                  + ", criterion 'quality')");
        }
      }
    }
  }

  @Test
  void bestColumns_finiteExtremes_areAccepted() {
    RouterScorer scorer = model(false, Aggregation.WEIGHTED_SUM).routerScorer();
    double big = Double.MAX_VALUE;
    for (int k : new int[] {2, 16}) {
      double[][] columns = new double[4][k];
      for (int i = 0; i < k; i++) {
        columns[0][i] = i == 1 ? 10 : big;
        columns[1][i] = i == 1 ? 500 : -big;
        columns[2][i] = 0.5;
        columns[3][i] = i == 1 ? 0.01 : big;
      }
      assertThat(scorer.best(columns, k, new double[k])).isEqualTo(1);
    }
  }

  @Test
  void bestColumns_badArguments_areRejected() {
    RouterScorer scorer = model(false, Aggregation.WEIGHTED_SUM).routerScorer();
    double[][] four = new double[4][2];
    assertThatThrownBy(() -> scorer.best(four, 0, new double[2])).hasMessage("candidates must be >= 1, but was 0");
    assertThatThrownBy(() -> scorer.best(new double[3][2], 2, new double[2]))
        .hasMessage("columns.length must be the number of criteria 4, but was 3");
    assertThatThrownBy(() -> scorer.best(new double[][] {{1, 2}, {1, 2}, {1}, {1, 2}}, 2, new double[2]))
        .hasMessage("columns[2].length must be >= candidates 2, but was 1");
    assertThatThrownBy(() -> scorer.best(new double[][] {{1, 2}, null, {1, 2}, {1, 2}}, 2, new double[2]))
        .hasMessage("columns[1].length must be >= candidates 2, but was null");
    assertThatThrownBy(() -> scorer.best(four, 2, new double[1]))
        .hasMessage("scores.length must be >= candidates 2, but was 1");
  }

  @Test
  void criteria_describeTheLayout() {
    RouterScorer scorer = model(false, Aggregation.WEIGHTED_SUM).routerScorer();
    assertThat(scorer.criteria()).isEqualTo(4);
    assertThat(scorer.criterionNames()).containsExactly("costUsd", "p95TtftMs", "quality", "errorRate");
  }

  @Test
  void best_sharedAcrossThreads_givesTheSameAnswers() throws Exception {
    RouterScorer scorer = model(true, Aggregation.WEIGHTED_SUM).routerScorer();
    int expected = scorer.best(LIVE);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        results.add(pool.submit(() -> {
          double[] scores = new double[4];
          for (int i = 0; i < 20_000; i++) {
            if (scorer.best(LIVE, 4, scores) != expected) {
              return false;
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> f : results) {
        assertThat(f.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
