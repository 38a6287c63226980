package dev.tradeoff.api.routing.internal;

/**
 * The seam between the router and a multi-criteria scorer: scores {@code k} candidates from a flat row-major
 * {@code double[]} of {@code k × m} criterion values and returns the best row, writing every row's score
 * into {@code scoresOut}. Must not allocate and must be safe to share between threads.
 */
@FunctionalInterface
public interface HotScorer {

  /**
   * The best row.
   *
   * @param values {@code k × m} values, row-major, finite
   * @param k rows, {@code >= 1}
   * @param scoresOut receives {@code k} scores (higher is better)
   * @return the index of the best row, ties to the lowest index
   */
  int best(double[] values, int k, double[] scoresOut);
}
