package dev.tradeoff.pareto;

import dev.tradeoff.pareto.internal.Require;
import dev.tradeoff.pareto.internal.ScoringKernel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * A scoring matrix definition: criteria with weights and utility curves, a {@link Normalization} and an
 * {@link Aggregation}. Ranks a {@link CandidateSet} (or a plain matrix) with per-criterion contributions and
 * weight sensitivity, and compiles to an allocation-free {@link RouterScorer}.
 *
 * <pre>{@code
 * ScoringModel model = ScoringModel.builder()
 *     .addCriteria(Criterion.minimize("monthlyCostUsd").weighted(3))
 *     .addCriteria(Criterion.minimize("p95TtftMs").weighted(2).withUtility(UtilityCurve.slo(800)))
 *     .addCriteria(Criterion.maximize("quality").weighted(5))
 *     .normalization(Normalization.MIN_MAX)          // the default
 *     .aggregation(Aggregation.WEIGHTED_SUM)         // the default
 *     .build();
 * Ranking ranking = model.rank(candidates.feasible());
 * }</pre>
 *
 * <p>Rules checked at {@code build()}: at least one criterion, unique names, weights not all 0, and with
 * {@link Normalization#FIXED_BOUNDS} a reference range on every criterion. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
public abstract class ScoringModel {

  /**
   * The criteria, in column order.
   *
   * @return an unmodifiable list, never empty
   */
  public abstract List<Criterion> criteria();

  /**
   * The normalization.
   *
   * @return the normalization, {@link Normalization#MIN_MAX} by default
   */
  @Value.Default
  public Normalization normalization() {
    return Normalization.MIN_MAX;
  }

  /**
   * The aggregation.
   *
   * @return the aggregation, {@link Aggregation#WEIGHTED_SUM} by default
   */
  @Value.Default
  public Aggregation aggregation() {
    return Aggregation.WEIGHTED_SUM;
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static ImmutableScoringModel.Builder builder() {
    return ImmutableScoringModel.builder();
  }

  /**
   * A weighted-sum, min-max model of the given criteria.
   *
   * @param criteria the criteria
   * @return the model
   * @throws IllegalArgumentException if there is no criterion, names repeat or all weights are 0
   */
  public static ScoringModel of(Criterion... criteria) {
    return builder().addCriteria(criteria).build();
  }

  /**
   * The criteria's raw weights.
   *
   * @return a fresh array, in criterion order
   */
  public double[] weights() {
    List<Criterion> cs = criteria();
    double[] w = new double[cs.size()];
    for (int j = 0; j < w.length; j++) {
      w[j] = cs.get(j).weight();
    }
    return w;
  }

  /**
   * This model with other weights, e.g. from {@link Ahp#weights(double[][])}.
   *
   * <pre>{@code
   * ScoringModel reweighted = model.withWeights(Ahp.weights(pairwise));
   * }</pre>
   *
   * @param weights one weight per criterion, finite and {@code >= 0}, not all 0
   * @return a new model
   * @throws IllegalArgumentException if the length is wrong or a weight is negative or not finite
   *     ({@code "weights[2] must be >= 0, but was -1.0"})
   */
  public ScoringModel withWeights(double... weights) {
    Require.nonNull(weights, "weights");
    List<Criterion> cs = criteria();
    if (weights.length != cs.size()) {
      throw Require.invalid("weights.length", "equal to the number of criteria " + cs.size(), weights.length);
    }
    List<Criterion> out = new ArrayList<>(cs.size());
    for (int j = 0; j < weights.length; j++) {
      double w = weights[j];
      if (!Double.isFinite(w)) {
        throw Require.invalid("weights[" + j + "]", "finite", w);
      }
      if (w < 0) {
        throw Require.invalid("weights[" + j + "]", ">= 0", w);
      }
      out.add(cs.get(j).weighted(w));
    }
    return ImmutableScoringModel.copyOf(this).withCriteria(out);
  }

  /**
   * Ranks a candidate set: each criterion reads the objective of the same name, whose direction must match.
   *
   * @param candidates the candidates (usually {@code set.feasible()})
   * @return the ranking, indices as in {@code candidates}
   * @throws IllegalArgumentException if a criterion names no objective of the set or its direction differs
   *     ({@code "criteria[1].name must be the name of an objective of the set [cost, quality], but was
   *     'latency'"})
   */
  public Ranking rank(CandidateSet candidates) {
    Require.nonNull(candidates, "candidates");
    List<Criterion> cs = criteria();
    int m = cs.size();
    int k = candidates.size();
    int[] column = new int[m];
    List<String> objectiveNames = new ArrayList<>();
    for (Objective o : candidates.objectives()) {
      objectiveNames.add(o.name());
    }
    for (int j = 0; j < m; j++) {
      Criterion c = cs.get(j);
      OptionalInt at = candidates.objectiveIndex(c.name());
      if (at.isEmpty()) {
        throw Require.invalid("criteria[" + j + "].name", "the name of an objective of the set " + objectiveNames,
            "'" + c.name() + "'");
      }
      Objective o = candidates.objectives().get(at.getAsInt());
      if (o.direction() != c.direction()) {
        throw Require.invalid("criteria[" + j + "].direction",
            "the direction of objective '" + o.name() + "' (" + o.direction() + ")", c.direction());
      }
      column[j] = at.getAsInt();
    }
    double[] raw = candidates.rawValues();
    int d = candidates.objectives().size();
    double[] values = new double[k * m];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < m; j++) {
        values[i * m + j] = raw[i * d + column[j]];
      }
    }
    return new Ranking(kernel(), candidates.names(), values);
  }

  /**
   * Ranks a plain matrix whose columns are the criteria in order; candidates are named {@code "0"},
   * {@code "1"}, ... after their row.
   *
   * <pre>{@code
   * Ranking r = ScoringModel.of(Criterion.minimize("cost"), Criterion.maximize("quality"))
   *     .rank(new double[][] {{10, 0.8}, {12, 0.9}});
   * }</pre>
   *
   * @param values {@code values[candidate][criterion]}, finite
   * @return the ranking
   * @throws IllegalArgumentException if a row has the wrong length or a value is not finite
   */
  public Ranking rank(double[][] values) {
    double[] flat = Require.flatten(values, "values", criteria().size());
    List<String> names = new ArrayList<>(values.length);
    for (int i = 0; i < values.length; i++) {
      names.add(Integer.toString(i));
    }
    return new Ranking(kernel(), names, flat);
  }

  /**
   * The allocation-free scorer for request routers. Needs {@link Normalization#FIXED_BOUNDS}: set-relative
   * normalizations would make a candidate's score depend on which others are live, and cost a pass over the
   * set per call.
   *
   * @return the scorer, thread-safe, to build once and share
   * @throws IllegalStateException if the normalization is not {@link Normalization#FIXED_BOUNDS}
   */
  public RouterScorer routerScorer() {
    if (normalization() != Normalization.FIXED_BOUNDS) {
      throw new IllegalStateException("routerScorer() needs normalization FIXED_BOUNDS (a live candidate's "
          + "score must not depend on the others), but was " + normalization());
    }
    return new RouterScorer(kernel());
  }

  /**
   * The compiled form.
   *
   * @return the kernel
   */
  ScoringKernel kernel() {
    List<Criterion> cs = criteria();
    int m = cs.size();
    String[] names = new String[m];
    boolean[] maximize = new boolean[m];
    double[] weight = new double[m];
    double[] limit = new double[m];
    double[] slope = new double[m];
    double[] low = new double[m];
    double[] high = new double[m];
    for (int j = 0; j < m; j++) {
      Criterion c = cs.get(j);
      names[j] = c.name();
      maximize[j] = c.direction() == Direction.MAXIMIZE;
      weight[j] = c.weight();
      limit[j] = c.utility().limit().orElse(0.0);
      slope[j] = c.utility().penaltySlope();
      low[j] = c.referenceLow().orElse(Double.NaN);
      high[j] = c.referenceHigh().orElse(Double.NaN);
    }
    return new ScoringKernel(names, maximize, weight, limit, slope, low, high, normalization(), aggregation());
  }

  /** Validates the model; called by Immutables on construction. */
  @Value.Check
  void check() {
    List<Criterion> cs = criteria();
    if (cs.isEmpty()) {
      throw Require.invalid("criteria", "non-empty", cs);
    }
    Map<String, Integer> seen = new HashMap<>();
    double total = 0;
    for (int j = 0; j < cs.size(); j++) {
      Criterion c = cs.get(j);
      Integer before = seen.put(c.name(), j);
      if (before != null) {
        throw Require.invalid("criteria[" + j + "].name", "unique (criteria[" + before + "] has it too)",
            "'" + c.name() + "'");
      }
      total += c.weight();
      if (normalization() == Normalization.FIXED_BOUNDS && c.referenceLow().isEmpty()) {
        throw Require.invalid("criteria[" + j + "] ('" + c.name() + "') reference range",
            "set for FIXED_BOUNDS normalization (withReference(low, high))", "empty");
      }
    }
    if (!(total > 0)) {
      throw Require.invalid("weights", "not all 0", java.util.Arrays.toString(weights()));
    }
    if (Double.isInfinite(total)) {
      throw Require.invalid("sum of weights", "finite (weights are relative: scale them down)", total);
    }
    kernel(); // compiles the reference ranges through the utility curves, rejecting degenerate ones now
  }
}
