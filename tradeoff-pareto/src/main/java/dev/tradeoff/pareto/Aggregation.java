package dev.tradeoff.pareto;

/**
 * How weighted utilities combine into one score per candidate, larger = better.
 *
 * <pre>{@code
 * ScoringModel topsis = ScoringModel.builder().addCriteria(cost, quality)
 *     .normalization(Normalization.VECTOR).aggregation(Aggregation.TOPSIS).build();
 * }</pre>
 *
 * @since 0.1.0
 */
public enum Aggregation {
  /**
   * {@code sum_j w_j * u_j} with weights scaled to sum 1; each term is the criterion's contribution, so the
   * contributions add up to the score exactly (up to rounding).
   */
  WEIGHTED_SUM,
  /**
   * TOPSIS (Hwang and Yoon 1981): closeness {@code D- / (D+ + D-)} in [0, 1], where {@code D+} and {@code D-}
   * are the Euclidean distances of the weighted utilities {@code w_j * u_j} to the ideal and anti-ideal points.
   * With {@link Normalization#FIXED_BOUNDS} those are the fixed points {@code w_j * 1} and {@code 0}; otherwise
   * the best and worst weighted utility per criterion over the set. Contributions report the weighted
   * utilities, which do not add up to the closeness.
   */
  TOPSIS
}
