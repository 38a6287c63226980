package dev.tradeoff.pareto;

import dev.tradeoff.pareto.internal.ScoringKernel;
import dev.tradeoff.pareto.internal.Sensitivity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The result of {@link ScoringModel#rank(CandidateSet)}: a score per candidate, the order, each criterion's
 * normalized utility and weighted contribution (why a candidate won), and the winner's weight sensitivity.
 *
 * <pre>{@code
 * // the model of ScoringModel's example, the candidates of CandidateSet's example
 * Ranking ranking = model.rank(candidates.feasible());
 * String winner = ranking.bestName().orElseThrow();            // "gpt-4o-mini"
 * System.out.println(ranking.explain(ranking.best().getAsInt()));
 * // "gpt-4o-mini: score 0.7667 = quality 0.3333 + monthlyCostUsd 0.3000 + p95TtftMs 0.1333"
 * ranking.weightSensitivity().forEach(m -> System.out.println(m.describe()));
 * // "monthlyCostUsd: weight 3.0 can move within [2.3333333333333335, inf] (below: claude-haiku wins)"
 * }</pre>
 *
 * <p>Scores are larger-is-better; equal scores keep input order (the smaller index ranks first), so the result
 * is deterministic. Immutable and thread-safe; array accessors return fresh copies.
 *
 * @since 0.1.0
 */
public final class Ranking {

  private final ScoringKernel kernel;
  private final List<String> candidates;
  private final List<String> criteria;
  private final int k;
  private final int m;
  private final double[] utilities;
  private final double[] contributions;
  private final double[] scores;
  private final int[] order;
  private final int[] position;

  Ranking(ScoringKernel kernel, List<String> candidates, double[] values) {
    this.kernel = kernel;
    this.candidates = List.copyOf(candidates);
    this.criteria = List.of(kernel.names);
    this.k = candidates.size();
    this.m = kernel.m;
    this.utilities = kernel.utilities(values, k);
    this.contributions = new double[k * m];
    this.scores = new double[k];
    if (kernel.normalization == Normalization.FIXED_BOUNDS && kernel.aggregation == Aggregation.WEIGHTED_SUM) {
      kernel.fixedWeightedSum(values, k, contributions, scores);
    } else {
      kernel.aggregate(utilities, k, kernel.share, contributions, scores);
    }
    for (int i = 0; i < k; i++) {
      if (Double.isNaN(scores[i])) {
        // Unreachable by construction (finite inputs, guarded normalizations); kept so NaN can never escape.
        throw new ArithmeticException("score of candidate '" + candidates.get(i) + "' is NaN");
      }
    }
    this.order = ScoringKernel.order(scores, k);
    this.position = new int[k];
    for (int p = 0; p < k; p++) {
      position[order[p]] = p;
    }
  }

  /**
   * The number of candidates ranked.
   *
   * @return the size
   */
  public int size() {
    return k;
  }

  /**
   * The candidates' names, in input order (indices below refer to this list).
   *
   * @return an unmodifiable list
   */
  public List<String> candidates() {
    return candidates;
  }

  /**
   * The criteria's names, in model order.
   *
   * @return an unmodifiable list
   */
  public List<String> criteria() {
    return criteria;
  }

  /**
   * The normalization used.
   *
   * @return the normalization
   */
  public Normalization normalization() {
    return kernel.normalization;
  }

  /**
   * The aggregation used.
   *
   * @return the aggregation
   */
  public Aggregation aggregation() {
    return kernel.aggregation;
  }

  /**
   * The index of the top candidate.
   *
   * @return the index, empty if nothing was ranked
   */
  public OptionalInt best() {
    return k == 0 ? OptionalInt.empty() : OptionalInt.of(order[0]);
  }

  /**
   * The name of the top candidate.
   *
   * @return the name, empty if nothing was ranked
   */
  public Optional<String> bestName() {
    return k == 0 ? Optional.empty() : Optional.of(candidates.get(order[0]));
  }

  /**
   * Candidate indices from best to worst.
   *
   * @return a fresh array
   */
  public int[] order() {
    return order.clone();
  }

  /**
   * Candidate names from best to worst.
   *
   * @return an unmodifiable list
   */
  public List<String> orderedNames() {
    List<String> out = new ArrayList<>(k);
    for (int i : order) {
      out.add(candidates.get(i));
    }
    return List.copyOf(out);
  }

  /**
   * A candidate's place in the order, 0 for the best.
   *
   * @param candidate the candidate's index
   * @return its position
   * @throws IndexOutOfBoundsException if out of range
   */
  public int position(int candidate) {
    return position[Objects.checkIndex(candidate, k)];
  }

  /**
   * A candidate's score: in [0, 1] for {@link Aggregation#TOPSIS} and for weighted sums of
   * {@link Normalization#MIN_MAX} or {@link Normalization#FIXED_BOUNDS} utilities.
   *
   * @param candidate the index
   * @return the score, larger is better
   * @throws IndexOutOfBoundsException if out of range
   */
  public double score(int candidate) {
    return scores[Objects.checkIndex(candidate, k)];
  }

  /**
   * All scores, in input order.
   *
   * @return a fresh array
   */
  public double[] scores() {
    return scores.clone();
  }

  /**
   * A candidate's normalized utility on one criterion (after the utility curve), larger is better.
   *
   * @param candidate the candidate's index
   * @param criterion the criterion's index
   * @return the utility
   * @throws IndexOutOfBoundsException if an index is out of range
   */
  public double utility(int candidate, int criterion) {
    return utilities[Objects.checkIndex(candidate, k) * m + Objects.checkIndex(criterion, m)];
  }

  /**
   * A criterion's contribution to a candidate's score: its weight share times its utility. For a weighted sum
   * the contributions add up to the score.
   *
   * @param candidate the candidate's index
   * @param criterion the criterion's index
   * @return the contribution
   * @throws IndexOutOfBoundsException if an index is out of range
   */
  public double contribution(int candidate, int criterion) {
    return contributions[Objects.checkIndex(candidate, k) * m + Objects.checkIndex(criterion, m)];
  }

  /**
   * All of a candidate's contributions, in criterion order.
   *
   * @param candidate the index
   * @return a fresh array
   * @throws IndexOutOfBoundsException if out of range
   */
  public double[] contributions(int candidate) {
    int i = Objects.checkIndex(candidate, k);
    return Arrays.copyOfRange(contributions, i * m, i * m + m);
  }

  /**
   * For each criterion, how far its weight can move before the top choice changes; see {@link WeightMargin}.
   * Exact for {@link Aggregation#WEIGHTED_SUM}; for {@link Aggregation#TOPSIS} found numerically (a scan then
   * bisection to relative precision 1e-12; weights above {@code 2^30} times the total count as unbounded).
   *
   * @return one margin per criterion, in criterion order; empty if nothing was ranked
   */
  public List<WeightMargin> weightSensitivity() {
    if (k == 0) {
      return List.of();
    }
    int winner = order[0];
    double[][] raw = Sensitivity.margins(kernel, utilities, k, scores, winner);
    List<WeightMargin> out = new ArrayList<>(m);
    for (int j = 0; j < m; j++) {
      double[] r = raw[j];
      double upper = r[Sensitivity.UPPER];
      int below = (int) r[Sensitivity.RIVAL_BELOW];
      int above = (int) r[Sensitivity.RIVAL_ABOVE];
      out.add(new WeightMargin(kernel.names[j], kernel.weight[j], r[Sensitivity.LOWER],
          Double.isInfinite(upper) ? OptionalDouble.empty() : OptionalDouble.of(upper),
          below < 0 ? Optional.empty() : Optional.of(candidates.get(below)),
          above < 0 ? Optional.empty() : Optional.of(candidates.get(above))));
    }
    return List.copyOf(out);
  }

  /**
   * Why a candidate scored what it did: its score and each criterion's contribution, largest first.
   *
   * @param candidate the index
   * @return e.g. {@code "gpt-4o-mini: score 0.7667 = quality 0.3333 + monthlyCostUsd 0.3000 + p95TtftMs 0.1333"}
   * @throws IndexOutOfBoundsException if out of range
   */
  public String explain(int candidate) {
    int i = Objects.checkIndex(candidate, k);
    Integer[] byContribution = new Integer[m];
    for (int j = 0; j < m; j++) {
      byContribution[j] = j;
    }
    Arrays.sort(byContribution, (a, b) -> Double.compare(contributions[i * m + b], contributions[i * m + a]));
    boolean sum = kernel.aggregation == Aggregation.WEIGHTED_SUM;
    StringBuilder out = new StringBuilder(candidates.get(i))
        .append(sum ? ": score " : ": closeness ").append(String.format(java.util.Locale.ROOT, "%.4f", scores[i]))
        .append(sum ? " = " : "; weighted utilities ");
    for (int t = 0; t < m; t++) {
      int j = byContribution[t];
      if (t > 0) {
        out.append(sum ? " + " : ", ");
      }
      out.append(kernel.names[j]).append(' ')
          .append(String.format(java.util.Locale.ROOT, "%.4f", contributions[i * m + j]));
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return "Ranking{" + orderedNames() + ", " + kernel.normalization + ", " + kernel.aggregation + "}";
  }
}
