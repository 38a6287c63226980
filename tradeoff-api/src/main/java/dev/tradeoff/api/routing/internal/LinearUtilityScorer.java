package dev.tradeoff.api.routing.internal;

/**
 * A weighted sum of per-criterion utilities normalised against fixed reference bounds: utility is
 * {@code (hi − v) / (hi − lo)} for a criterion to minimise and {@code (v − lo) / (hi − lo)} for one to
 * maximise, clamped to [0, 1]; a minimised criterion with a threshold has utility 0 past it. Ties go to
 * the lowest row. Allocation-free and thread-safe.
 */
public final class LinearUtilityScorer implements HotScorer {

  private final int m;
  private final double[] weights;
  private final double[] lo;
  private final double[] invRange;
  private final boolean[] maximize;
  private final double[] threshold;

  /**
   * A scorer.
   *
   * @param weights per criterion, {@code >= 0}
   * @param lo lower reference bound per criterion
   * @param hi upper reference bound per criterion, {@code > lo}
   * @param maximize per criterion
   * @param threshold per criterion, {@code NaN} for none
   */
  public LinearUtilityScorer(double[] weights, double[] lo, double[] hi, boolean[] maximize, double[] threshold) {
    this.m = weights.length;
    this.weights = weights.clone();
    this.lo = lo.clone();
    this.invRange = new double[m];
    for (int j = 0; j < m; j++) {
      invRange[j] = 1.0 / (hi[j] - lo[j]);
    }
    this.maximize = maximize.clone();
    this.threshold = threshold.clone();
  }

  @Override
  public int best(double[] values, int k, double[] scoresOut) {
    int best = 0;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int r = 0; r < k; r++) {
      double s = 0;
      int base = r * m;
      for (int j = 0; j < m; j++) {
        double v = values[base + j];
        double u = (v - lo[j]) * invRange[j];
        u = u < 0 ? 0 : u > 1 ? 1 : u;
        if (!maximize[j]) {
          u = v > threshold[j] ? 0 : 1 - u; // NaN threshold: comparison false
        }
        s += weights[j] * u;
      }
      scoresOut[r] = s;
      if (s > bestScore) {
        bestScore = s;
        best = r;
      }
    }
    return best;
  }
}
