package dev.tradeoff.pareto;

import java.util.Locale;

/**
 * Weights derived from a pairwise-comparison matrix by {@link Ahp#analyze(double[][])}, with Saaty's
 * consistency measures.
 *
 * <pre>{@code
 * AhpResult r = Ahp.analyze(pairwise);
 * if (!r.isConsistent()) {
 *   System.out.println(r.describe()); // explains which judgement disagrees most with the weights
 * }
 * double[] w = r.weights();
 * }</pre>
 *
 * <p>Immutable and thread-safe; {@link #weights()} returns a fresh copy.
 *
 * @since 0.1.0
 */
public final class AhpResult {

  private final double[] weights;
  private final double lambdaMax;
  private final double consistencyIndex;
  private final double consistencyRatio;
  private final int worstRow;
  private final int worstColumn;
  private final double worstJudgement;

  AhpResult(double[] weights, double lambdaMax, double consistencyIndex, double consistencyRatio, int worstRow,
      int worstColumn, double worstJudgement) {
    this.weights = weights;
    this.lambdaMax = lambdaMax;
    this.consistencyIndex = consistencyIndex;
    this.consistencyRatio = consistencyRatio;
    this.worstRow = worstRow;
    this.worstColumn = worstColumn;
    this.worstJudgement = worstJudgement;
  }

  /**
   * The weights: the principal eigenvector, positive, summing to 1.
   *
   * @return a fresh array, one weight per row of the matrix
   */
  public double[] weights() {
    return weights.clone();
  }

  /**
   * The principal eigenvalue; equal to n for a perfectly consistent matrix, larger otherwise.
   *
   * @return lambda max
   */
  public double lambdaMax() {
    return lambdaMax;
  }

  /**
   * Saaty's consistency index {@code (lambdaMax - n) / (n - 1)}, 0 for n &le; 2.
   *
   * @return CI, {@code >= 0}
   */
  public double consistencyIndex() {
    return consistencyIndex;
  }

  /**
   * Saaty's consistency ratio: CI divided by the random index RI(n); 0 for n &le; 2.
   *
   * @return CR, {@code >= 0}
   */
  public double consistencyRatio() {
    return consistencyRatio;
  }

  /**
   * Whether {@code consistencyRatio() < } {@link Ahp#MAX_CONSISTENCY_RATIO}.
   *
   * @return true if acceptable
   */
  public boolean isConsistent() {
    return consistencyRatio < Ahp.MAX_CONSISTENCY_RATIO;
  }

  /**
   * A summary naming the judgement that disagrees most with the derived weights (the entry {@code a[i][j]}
   * farthest, on a log scale, from {@code w[i] / w[j]}): the first one to revisit when CR is too high.
   *
   * @return the summary
   */
  public String describe() {
    String s = String.format(Locale.ROOT, "consistency ratio %.4f (lambdaMax %.4f, n %d)", consistencyRatio,
        lambdaMax, weights.length);
    if (worstRow >= 0) {
      s += String.format(Locale.ROOT, "; the judgement furthest from the weights is pairwise[%d][%d] = %s "
          + "(the weights imply %.3f)", worstRow, worstColumn, worstJudgement,
          weights[worstRow] / weights[worstColumn]);
    }
    return s;
  }

  @Override
  public String toString() {
    return "AhpResult{weights=" + java.util.Arrays.toString(weights) + ", " + describe() + "}";
  }
}
