package dev.tradeoff.pareto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tradeoff.pareto.testing.PointSets;
import dev.tradeoff.pareto.testing.Reference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Scores are Pareto-compliant and invariant to scaling all weights, the router agrees with the offline ranking
 * bit for bit, and the weight-sensitivity margins are where re-ranking says they are.
 */
final class ScoringProperties {

  /** A random model and matrix: directions, weights (some zero), curves, references, normalization. */
  record Case(ScoringModel model, double[][] values) {}

  @Property(tries = 400)
  void scores_dominatingCandidate_scoresAtLeastAsHigh(@ForAll("cases") Case c) {
    Ranking r = c.model().rank(c.values());
    List<Criterion> cs = c.model().criteria();
    double[][] v = c.values();
    for (int a = 0; a < v.length; a++) {
      for (int b = 0; b < v.length; b++) {
        if (dominates(cs, v[a], v[b])) {
          // TOPSIS's ratio is monotone mathematically; allow its last-bit rounding.
          double slack = c.model().aggregation() == Aggregation.TOPSIS ? 1e-12 : 0.0;
          assertThat(r.score(a)).isGreaterThanOrEqualTo(r.score(b) - slack);
        }
      }
    }
  }

  @Property(tries = 300)
  void scores_allWeightsScaledByAPowerOfTwo_areIdentical(@ForAll("cases") Case c, @ForAll("powers") double f) {
    Ranking r = c.model().rank(c.values());
    Ranking scaled = c.model().withWeights(scale(c.model().weights(), f)).rank(c.values());
    assertThat(scaled.scores()).containsExactly(r.scores());
    assertThat(scaled.order()).containsExactly(r.order());
  }

  @Property(tries = 300)
  void scores_allWeightsScaledByAnyFactor_agreeToRounding(@ForAll("cases") Case c, @ForAll long seed) {
    double f = 0.001 + new SplittableRandom(seed).nextDouble() * 1000;
    double[] a = c.model().rank(c.values()).scores();
    double[] b = c.model().withWeights(scale(c.model().weights(), f)).rank(c.values()).scores();
    for (int i = 0; i < a.length; i++) {
      assertThat(b[i]).isCloseTo(a[i], within(1e-12 * Math.max(1, Math.abs(a[i]))));
    }
  }

  @Property(tries = 300)
  void routerScorer_anyFixedBoundsModel_equalsTheRankingBitForBit(@ForAll("fixedCases") Case c) {
    RouterScorer scorer = c.model().routerScorer();
    Ranking r = c.model().rank(c.values());
    int k = c.values().length;
    int m = scorer.criteria();
    double[] live = new double[(k + 2) * m]; // longer than needed: only k rows count
    for (int i = 0; i < k; i++) {
      System.arraycopy(c.values()[i], 0, live, i * m, m);
    }
    double[] scores = new double[k];
    int best = scorer.best(live, k, scores);
    assertThat(scores).containsExactly(r.scores());
    assertThat(best).isEqualTo(r.best().getAsInt());
    assertThat(scorer.best(live, k)).isEqualTo(best);
    double[] columnScores = new double[k + 1];
    assertThat(scorer.best(columns(c.values(), 3), k, columnScores)).isEqualTo(best);
    assertThat(Arrays.copyOf(columnScores, k)).containsExactly(r.scores());
  }

  @Property(tries = 200)
  void fixedBoundsScores_permutedCandidates_permuteExactly(@ForAll("fixedCases") Case c, @ForAll long seed) {
    int[] perm = ParetoProperties.permutation(c.values().length, seed);
    double[] a = c.model().rank(c.values()).scores();
    double[] b = scoresOfPermuted(c, perm);
    for (int i = 0; i < perm.length; i++) {
      assertThat(b[i]).isEqualTo(a[perm[i]]);
    }
  }

  /** The model's scores of the candidates in the order {@code perm}: row i is candidate perm[i]. */
  private static double[] scoresOfPermuted(Case c, int[] perm) {
    double[][] permuted = new double[perm.length][];
    for (int i = 0; i < perm.length; i++) {
      permuted[i] = c.values()[perm[i]];
    }
    return c.model().rank(permuted).scores();
  }

  @Property(tries = 300)
  void weightSensitivity_weightedSum_winnerHoldsInsideAndChangesJustOutside(@ForAll("sumCases") Case c) {
    Ranking r = c.model().rank(c.values());
    int winner = r.best().getAsInt();
    double[] w = c.model().weights();
    List<WeightMargin> margins = r.weightSensitivity();
    for (int j = 0; j < w.length; j++) {
      WeightMargin m = margins.get(j);
      assertThat(m.lowerLimit()).isBetween(0.0, w[j]);
      double upper = m.upperLimit().orElse(Double.POSITIVE_INFINITY);
      assertThat(upper).isGreaterThanOrEqualTo(w[j]);
      double span = Math.max(1e-9, w[j]);
      // Inside (away from the ends by a relative 1e-6): the winner is the same.
      for (double t : new double[] {0.001, 0.5, 0.999}) {
        double inside = m.lowerLimit() + t * (w[j] - m.lowerLimit());
        if (inside - m.lowerLimit() > 1e-6 * span && allZeroOtherwise(w, j, inside)) {
          assertThat(winnerWith(c, j, inside)).isEqualTo(winner);
        }
        double above = Double.isInfinite(upper) ? w[j] * (1 + 1000 * t) + t : w[j] + t * (upper - w[j]);
        if (upper - above > 1e-6 * span) {
          assertThat(winnerWith(c, j, above)).isEqualTo(winner);
        }
      }
      // Outside: a different winner, and the one reported.
      double gap = 1e-6 * Math.max(1, w[j]);
      if (m.winnerBelow().isPresent() && m.lowerLimit() - gap > 0) {
        assertThat(winnerWith(c, j, m.lowerLimit() - gap)).isNotEqualTo(winner);
      }
      if (m.winnerAbove().isPresent()) {
        // Relative to the limit: past a far limit (a zero weight whose winner leads by 1e-5 in utility can hold up
        // to ~1e6) an absolute 1e-6 moves the scores by less than a double resolves in sums of that size.
        assertThat(winnerWith(c, j, upper + 1e-6 * Math.max(1, upper))).isNotEqualTo(winner);
      }
    }
  }

  @Property(tries = 400)
  void scores_anyModel_matchTheDocumentedFormulasAndOrderBreaksTiesByIndex(@ForAll("cases") Case c) {
    Ranking r = c.model().rank(c.values());
    double[] expected = Reference.scores(c.model(), c.values());
    double[] actual = r.scores();
    for (int i = 0; i < actual.length; i++) {
      assertThat(actual[i]).as("candidate %d", i).isCloseTo(expected[i], within(1e-9 * Math.max(1, Math.abs(expected[i]))));
    }
    int[] order = r.order();
    for (int p = 1; p < order.length; p++) {
      int a = order[p - 1];
      int b = order[p];
      assertThat(actual[a] > actual[b] || (actual[a] == actual[b] && a < b)).as("order %d before %d", a, b).isTrue();
    }
    assertThat(r.best().getAsInt()).isEqualTo(order[0]);
    double total = 0;
    for (double w : c.model().weights()) {
      total += w;
    }
    for (int i = 0; i < actual.length; i++) {
      double sum = 0;
      for (int j = 0; j < r.criteria().size(); j++) {
        double share = c.model().weights()[j] / total;
        assertThat(r.contribution(i, j)).isCloseTo(share * r.utility(i, j), within(1e-12));
        sum += r.contribution(i, j);
      }
      if (c.model().aggregation() == Aggregation.WEIGHTED_SUM) {
        assertThat(sum).isCloseTo(actual[i], within(1e-12 * Math.max(1, Math.abs(actual[i]))));
      }
    }
  }

  @Property(tries = 300)
  void scores_setRelativeNormalizationPositiveWeights_dominatingCandidateScoresStrictlyHigher(
      @ForAll("strictCases") Case c) {
    Ranking r = c.model().rank(c.values());
    List<Criterion> cs = c.model().criteria();
    double[][] v = c.values();
    for (int a = 0; a < v.length; a++) {
      for (int b = 0; b < v.length; b++) {
        if (dominates(cs, v[a], v[b])) {
          assertThat(r.score(a)).as("%s dominates %s", a, b).isGreaterThan(r.score(b));
        }
      }
    }
  }

  @Property(tries = 200)
  void scores_setRelativeNormalization_permutedCandidates_permuteToRounding(@ForAll("cases") Case c,
      @ForAll long seed) {
    int[] perm = ParetoProperties.permutation(c.values().length, seed);
    double[] a = c.model().rank(c.values()).scores();
    double[] b = scoresOfPermuted(c, perm);
    for (int i = 0; i < perm.length; i++) {
      assertThat(b[i]).isCloseTo(a[perm[i]], within(1e-12 * Math.max(1, Math.abs(a[perm[i]]))));
    }
  }

  @Property(tries = 200)
  void fixedBoundsScores_addingOrRemovingCandidates_neverChangeTheOthers(@ForAll("fixedCases") Case c,
      @ForAll long seed) {
    // No rank reversal: a candidate's fixed-bounds score depends on its own values only.
    SplittableRandom rnd = new SplittableRandom(seed);
    double[][] v = c.values();
    List<Integer> kept = new ArrayList<>();
    List<double[]> rows = new ArrayList<>();
    for (int i = 0; i < v.length; i++) {
      if (rnd.nextBoolean()) {
        kept.add(i);
        rows.add(v[i]);
      }
    }
    int m = v[0].length;
    for (int extra = rnd.nextInt(4); extra > 0; extra--) {
      double[] row = new double[m];
      for (int j = 0; j < m; j++) {
        row[j] = rnd.nextDouble(-5, 10);
      }
      rows.add(rnd.nextInt(rows.size() + 1), row);
    }
    double[] all = c.model().rank(v).scores();
    double[] some = c.model().rank(rows.toArray(new double[0][])).scores();
    for (int t = 0, at = 0; t < rows.size(); t++) {
      if (at < kept.size() && rows.get(t) == v[kept.get(at)]) {
        assertThat(some[t]).isEqualTo(all[kept.get(at)]);
        at++;
      }
    }
  }

  @Property(tries = 200)
  void routerScorer_negativeZeroForZero_scoresBitForBitLikeZero(@ForAll("fixedCases") Case c) {
    RouterScorer scorer = c.model().routerScorer();
    int k = c.values().length;
    int m = scorer.criteria();
    double[] live = new double[k * m];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < m; j++) {
        double x = c.values()[i][j];
        live[i * m + j] = x == 0 ? -0.0 : x;
      }
    }
    double[] scores = new double[k];
    int best = scorer.best(live, k, scores);
    Ranking r = c.model().rank(c.values());
    assertThat(scores).containsExactly(r.scores());
    assertThat(best).isEqualTo(r.best().getAsInt());
    double[][] cols = columns(c.values(), 0);
    for (double[] col : cols) {
      for (int i = 0; i < k; i++) {
        col[i] = col[i] == 0 ? -0.0 : col[i];
      }
    }
    double[] columnScores = new double[k];
    assertThat(scorer.best(cols, k, columnScores)).isEqualTo(best);
    assertThat(columnScores).containsExactly(r.scores());
  }

  @Property(tries = 300)
  void weightedSum_minMaxOrFixedBounds_scoresStayWithinZeroAndOne(@ForAll("unitCases") Case c) {
    // Row 0 becomes the ideal (utility 1 everywhere), where rounding of the weight shares would show above 1.
    double[][] v = new double[c.values().length][];
    for (int i = 0; i < v.length; i++) {
      v[i] = c.values()[i].clone();
    }
    List<Criterion> cs = c.model().criteria();
    for (int j = 0; j < cs.size(); j++) {
      v[0][j] = cs.get(j).direction() == Direction.MINIMIZE ? -1 : 4; // beyond the data and the references
    }
    for (double s : c.model().rank(v).scores()) {
      assertThat(s).isBetween(0.0, 1.0);
    }
    if (c.model().normalization() == Normalization.FIXED_BOUNDS) {
      double[] scores = new double[v.length];
      c.model().routerScorer().best(columns(v, 0), v.length, scores);
      for (double s : scores) {
        assertThat(s).isBetween(0.0, 1.0);
      }
    }
  }

  @Property(tries = 100)
  void scores_allCandidatesEqual_tieAndKeepInputOrder(@ForAll("cases") Case c) {
    double[][] same = new double[c.values().length][];
    for (int i = 0; i < same.length; i++) {
      same[i] = c.values()[0].clone();
    }
    Ranking r = c.model().rank(same);
    for (int i = 0; i < same.length; i++) {
      assertThat(r.score(i)).isEqualTo(r.score(0));
      assertThat(r.order()[i]).isEqualTo(i);
    }
    r.weightSensitivity().forEach(margin -> {
      assertThat(margin.lowerLimit()).isZero();
      assertThat(margin.upperLimit()).isEmpty();
      assertThat(margin.relativeMargin()).isNotNaN();
    });
  }

  @Property(tries = 200)
  void rankingAndRouter_extremeMagnitudes_neverNaN(@ForAll("cases") Case c, @ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[][] v = new double[c.values().length][];
    for (int i = 0; i < v.length; i++) {
      v[i] = c.values()[i].clone();
      for (int j = 0; j < v[i].length; j++) {
        if (rnd.nextInt(3) == 0) {
          v[i][j] = (rnd.nextBoolean() ? 1 : -1) * Math.scalb(1.0 + rnd.nextDouble(), rnd.nextInt(-1074, 1023));
        }
      }
    }
    Ranking r;
    try {
      r = c.model().rank(v);
    } catch (IllegalArgumentException overflow) {
      // documented: a value that overflows its utility curve under a set-relative normalization
      assertThat(overflow.getMessage()).contains("after the utility curve").contains("rescale the criterion");
      return;
    }
    for (int i = 0; i < v.length; i++) {
      assertThat(r.score(i)).isNotNaN();
      for (int j = 0; j < r.criteria().size(); j++) {
        assertThat(r.utility(i, j)).isNotNaN();
        assertThat(r.contribution(i, j)).isNotNaN();
      }
    }
    for (WeightMargin m : r.weightSensitivity()) {
      assertThat(m.lowerLimit()).isNotNaN();
      assertThat(m.upperLimit().orElse(0)).isNotNaN();
      assertThat(m.relativeMargin()).isNotNaN();
    }
    if (c.model().normalization() == Normalization.FIXED_BOUNDS) {
      int m = v[0].length;
      double[] live = new double[v.length * m];
      for (int i = 0; i < v.length; i++) {
        System.arraycopy(v[i], 0, live, i * m, m);
      }
      double[] scores = new double[v.length];
      c.model().routerScorer().best(live, v.length, scores);
      assertThat(scores).containsExactly(r.scores());
      c.model().routerScorer().best(columns(v, 0), v.length, scores);
      assertThat(scores).containsExactly(r.scores());
    }
  }

  @Property(tries = 100)
  void rankAndRouter_nonFiniteValueAnywhere_isRejectedNamingCandidateAndCriterion(@ForAll("fixedCases") Case c,
      @ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double bad = new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}[rnd.nextInt(3)];
    double[][] v = c.values();
    int k = v.length;
    int m = v[0].length;
    int i = rnd.nextInt(k);
    int j = rnd.nextInt(m);
    double[][] q = new double[k][];
    double[] live = new double[k * m];
    for (int t = 0; t < k; t++) {
      q[t] = v[t].clone();
      System.arraycopy(v[t], 0, live, t * m, m);
    }
    q[i][j] = bad;
    live[i * m + j] = bad;
    assertThatThrownBy(() -> c.model().rank(q)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("values[" + i + "][" + j + "] must be finite, but was " + bad);
    assertThatThrownBy(() -> c.model().routerScorer().best(live, k, new double[k]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("values[" + (i * m + j) + "] must be finite, but was " + bad + " (candidate " + i
            + ", criterion 'c" + j + "')");
    assertThatThrownBy(() -> c.model().routerScorer().best(columns(q, 0), k, new double[k]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("columns[" + j + "][" + i + "] must be finite, but was " + bad + " (candidate " + i
            + ", criterion 'c" + j + "')");
  }

  /** The column layout of {@code values}, each column {@code extra} slots longer than needed. */
  private static double[][] columns(double[][] values, int extra) {
    int m = values[0].length;
    double[][] cols = new double[m][values.length + extra];
    for (int i = 0; i < values.length; i++) {
      for (int j = 0; j < m; j++) {
        cols[j][i] = values[i][j];
      }
    }
    return cols;
  }

  private static boolean allZeroOtherwise(double[] w, int j, double wj) {
    double others = 0;
    for (int t = 0; t < w.length; t++) {
      others += t == j ? 0 : w[t];
    }
    return others + wj > 0;
  }

  private static int winnerWith(Case c, int j, double wj) {
    double[] w = c.model().weights();
    w[j] = wj;
    return c.model().withWeights(w).rank(c.values()).best().getAsInt();
  }

  private static double[] scale(double[] w, double f) {
    double[] out = w.clone();
    for (int j = 0; j < out.length; j++) {
      out[j] *= f;
    }
    return out;
  }

  private static boolean dominates(List<Criterion> cs, double[] a, double[] b) {
    boolean strict = false;
    for (int j = 0; j < cs.size(); j++) {
      double x = cs.get(j).direction() == Direction.MINIMIZE ? a[j] : -a[j];
      double y = cs.get(j).direction() == Direction.MINIMIZE ? b[j] : -b[j];
      if (x > y) {
        return false;
      }
      strict |= x < y;
    }
    return strict;
  }

  @Provide
  Arbitrary<Double> powers() {
    return Arbitraries.of(0.125, 0.5, 2.0, 4.0, 1024.0);
  }

  @Provide
  Arbitrary<Case> cases() {
    return build(Arbitraries.of(Normalization.class), Arbitraries.of(Aggregation.class));
  }

  @Provide
  Arbitrary<Case> fixedCases() {
    return build(Arbitraries.just(Normalization.FIXED_BOUNDS), Arbitraries.of(Aggregation.class));
  }

  /** Set-relative normalizations, every weight positive, tie-grid values: dominance must show in the score. */
  @Provide
  Arbitrary<Case> strictCases() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 30),
            Arbitraries.integers().between(1, 6),
            Arbitraries.longs().withoutEdgeCases(),
            Arbitraries.of(Normalization.MIN_MAX, Normalization.VECTOR, Normalization.Z_SCORE),
            Arbitraries.of(Aggregation.class))
        .as((k, m, seed, normalization, aggregation) -> {
          SplittableRandom rnd = new SplittableRandom(seed);
          List<Criterion> cs = new ArrayList<>();
          for (int j = 0; j < m; j++) {
            Criterion c = rnd.nextBoolean() ? Criterion.minimize("c" + j) : Criterion.maximize("c" + j);
            c = c.weighted(0.5 + rnd.nextInt(10));
            if (rnd.nextInt(3) == 0) {
              c = c.withUtility(UtilityCurve.slo(rnd.nextInt(4), 2 + rnd.nextInt(10)));
            }
            cs.add(c);
          }
          ScoringModel model = ScoringModel.builder().addAllCriteria(cs).normalization(normalization)
              .aggregation(aggregation).build();
          return new Case(model, PointSets.generate(PointSets.Kind.TIE_GRID, k, m, seed));
        });
  }

  /** Weighted sums of [0, 1] utilities: scores in [0, 1]. */
  @Provide
  Arbitrary<Case> unitCases() {
    return build(Arbitraries.of(Normalization.MIN_MAX, Normalization.FIXED_BOUNDS),
        Arbitraries.just(Aggregation.WEIGHTED_SUM));
  }

  @Provide
  Arbitrary<Case> sumCases() {
    return build(Arbitraries.of(Normalization.class), Arbitraries.just(Aggregation.WEIGHTED_SUM));
  }

  private static Arbitrary<Case> build(Arbitrary<Normalization> normalizations, Arbitrary<Aggregation> aggregations) {
    return Combinators.combine(
            Arbitraries.of(PointSets.Kind.class),
            Arbitraries.integers().between(1, 40),
            Arbitraries.integers().between(1, 8),
            Arbitraries.longs().withoutEdgeCases(),
            normalizations,
            aggregations)
        .as((kind, k, m, seed, normalization, aggregation) -> {
          SplittableRandom rnd = new SplittableRandom(seed);
          double[][] values = PointSets.generate(kind, k, m, seed);
          List<Criterion> cs = new ArrayList<>();
          boolean anyWeight = false;
          for (int j = 0; j < m; j++) {
            Criterion c = rnd.nextBoolean() ? Criterion.minimize("c" + j) : Criterion.maximize("c" + j);
            double w = rnd.nextInt(5) == 0 ? 0 : rnd.nextDouble() * 10;
            if (j == m - 1 && !anyWeight && w == 0) {
              w = 1;
            }
            anyWeight |= w > 0;
            c = c.weighted(w).withReference(0.5 - rnd.nextDouble(), 2.5 + rnd.nextDouble());
            if (rnd.nextInt(3) == 0) {
              c = c.withUtility(UtilityCurve.slo(rnd.nextDouble() * 3, 1.5 + rnd.nextDouble() * 20));
            }
            cs.add(c);
          }
          ScoringModel model = ScoringModel.builder().addAllCriteria(cs).normalization(normalization)
              .aggregation(aggregation).build();
          return new Case(model, values);
        });
  }
}
