package dev.tradeoff.pareto;

/**
 * How criterion values become comparable utilities, larger = better, before weighting.
 *
 * <pre>{@code
 * ScoringModel offline = ScoringModel.builder().addCriteria(cost, quality)
 *     .normalization(Normalization.MIN_MAX).build();
 * ScoringModel router = ScoringModel.builder().addCriteria(cost.withReference(0, 2000), quality.withReference(0, 1))
 *     .normalization(Normalization.FIXED_BOUNDS).build();
 * }</pre>
 *
 * <p>In every case a criterion on which all candidates are equal gives all of them the same utility, so it
 * never changes the order; {@code v} below is the value after the {@link UtilityCurve}.
 *
 * @since 0.1.0
 */
public enum Normalization {
  /**
   * {@code (v - min) / (max - min)} over the candidate set (reversed for minimized criteria), in [0, 1]; 1
   * for all if the criterion is constant. Simple and readable, but adding or removing a candidate can change
   * the order of the others (rank reversal).
   */
  MIN_MAX,
  /**
   * {@code (v - low) / (high - low)} over the criterion's fixed {@link Criterion#referenceLow()} ..
   * {@link Criterion#referenceHigh()}, clamped to [0, 1] (reversed for minimized criteria). A candidate's
   * utility depends on its own values only, so there is no rank reversal: the choice for request routers.
   */
  FIXED_BOUNDS,
  /**
   * {@code v / ||v||} (Euclidean norm over the set; {@code 1 - v / ||v||} for minimized criteria), the
   * classic TOPSIS normalization; for a criterion that is zero everywhere {@code v / ||v||} is taken as 0 (so
   * every candidate gets the same utility).
   */
  VECTOR,
  /**
   * {@code (v - mean) / sd} over the set (population standard deviation; negated for minimized criteria); 0 for
   * a constant criterion. Utilities are unbounded and may be negative.
   */
  Z_SCORE
}
