package dev.tradeoff.pareto.internal;

import dev.tradeoff.pareto.Aggregation;

/**
 * One-at-a-time weight sensitivity of the top choice: for each criterion, the interval of its (raw) weight,
 * all other weights fixed, within which the winner stays the winner.
 *
 * <p>Weighted sum: exact. Normalized utilities do not depend on the weights, and scores are invariant to scaling
 * all weights, so with {@code W = sum(w)} the winner {@code a} keeps beating {@code b} while
 * {@code W * (score_a - score_b) + delta * (u_aj - u_bj) > 0}: each rival gives one crossing point (Triantaphyllou
 * and Sanchez 1997), and the smallest crossing on each side is the limit.
 *
 * <p>TOPSIS: the closeness is not linear in the weights, so the limits are found numerically: a geometric scan up
 * to {@code 2^30 * W} above (beyond that the weight is reported unbounded) and a 64-step scan down to 0, then
 * bisection to a relative precision of {@code 1e-12}. A change that reverts within one scan step can be missed.
 */
public final class Sensitivity {

  /** Result columns. */
  public static final int LOWER = 0;
  /** Upper limit, +infinity when unbounded. */
  public static final int UPPER = 1;
  /** Index of the candidate that wins just below the lower limit, or -1. */
  public static final int RIVAL_BELOW = 2;
  /** Index of the candidate that wins just above the upper limit, or -1. */
  public static final int RIVAL_ABOVE = 3;

  private Sensitivity() {}

  /**
   * Margins of every criterion.
   *
   * @param kernel the compiled model
   * @param u utilities, {@code k x m}
   * @param k the number of candidates (>= 1)
   * @param scores the scores the winner was chosen by
   * @param winner the winner
   * @return {@code [m][4]}: lower limit, upper limit, rival below, rival above
   */
  public static double[][] margins(ScoringKernel kernel, double[] u, int k, double[] scores, int winner) {
    int m = kernel.m;
    double[][] out = new double[m][];
    for (int j = 0; j < m; j++) {
      out[j] = kernel.aggregation == Aggregation.WEIGHTED_SUM
          ? linear(kernel, u, k, scores, winner, j)
          : numeric(kernel, u, k, winner, j);
    }
    return out;
  }

  private static double[] linear(ScoringKernel kernel, double[] u, int k, double[] scores, int a, int j) {
    int m = kernel.m;
    double total = 0;
    for (double w : kernel.weight) {
      total += w;
    }
    double wj = kernel.weight[j];
    double up = Double.POSITIVE_INFINITY;
    double down = Double.POSITIVE_INFINITY;
    int rivalUp = -1;
    int rivalDown = -1;
    double slopeUp = 0;
    double slopeDown = 0;
    double ua = u[a * m + j];
    for (int b = 0; b < k; b++) {
      if (b == a) {
        continue;
      }
      // The ranking's own scores decide who currently leads; never let rounding make the gap negative.
      double gap = Math.max(0.0, total * (scores[a] - scores[b]));
      double slope = u[b * m + j] - ua;
      if (slope > 0) {
        double cross = gap / slope;
        if (cross < up || (cross == up && slope > slopeUp)) {
          up = cross;
          rivalUp = b;
          slopeUp = slope;
        }
      } else if (slope < 0) {
        double cross = gap / -slope;
        if (cross < down || (cross == down && -slope > slopeDown)) {
          down = cross;
          rivalDown = b;
          slopeDown = -slope;
        }
      }
    }
    double lower;
    if (down >= wj) {
      lower = 0.0;
      rivalDown = -1;
    } else {
      lower = wj - down;
    }
    return new double[] {lower, wj + up, rivalDown, rivalUp};
  }

  private static double[] numeric(ScoringKernel kernel, double[] u, int k, int a, int j) {
    double[] w = kernel.weight.clone();
    double wj = w[j];
    double total = 0;
    for (double x : w) {
      total += x;
    }
    double[] scratch = new double[k];
    // Above: geometric steps from total/1024 to total * 2^30.
    double upper = Double.POSITIVE_INFINITY;
    int rivalUp = -1;
    double prev = 0;
    for (int t = -10; t <= 30; t++) {
      double delta = Math.scalb(total, t);
      int win = winner(kernel, u, k, w, j, wj + delta, scratch);
      if (win != a) {
        double[] r = bisect(kernel, u, k, w, j, wj + prev, wj + delta, a, scratch);
        upper = r[0];
        rivalUp = (int) r[1];
        break;
      }
      prev = delta;
    }
    double lower = 0.0;
    int rivalDown = -1;
    double others = total - wj;
    double prevValue = wj;
    for (int s = 1; s <= 64 && wj > 0; s++) {
      double value = wj * (64 - s) / 64.0;
      if (value == 0 && others == 0) {
        break; // all weights zero is not a model
      }
      int win = winner(kernel, u, k, w, j, value, scratch);
      if (win != a) {
        double[] r = bisect(kernel, u, k, w, j, prevValue, value, a, scratch);
        lower = r[0];
        rivalDown = (int) r[1];
        break;
      }
      prevValue = value;
    }
    return new double[] {lower, upper, rivalDown, rivalUp};
  }

  /** Bisects between a weight where a wins and one where it does not; returns {boundary, new winner}. */
  private static double[] bisect(ScoringKernel kernel, double[] u, int k, double[] w, int j, double good,
      double bad, int a, double[] scratch) {
    int rival = winner(kernel, u, k, w, j, bad, scratch);
    for (int it = 0; it < 200; it++) {
      double mid = 0.5 * (good + bad);
      if (mid == good || mid == bad || Math.abs(bad - good) <= 1e-12 * Math.max(Math.abs(good), 1e-300)) {
        break;
      }
      int win = winner(kernel, u, k, w, j, mid, scratch);
      if (win == a) {
        good = mid;
      } else {
        bad = mid;
        rival = win;
      }
    }
    return new double[] {0.5 * (good + bad), rival};
  }

  private static int winner(ScoringKernel kernel, double[] u, int k, double[] w, int j, double wj,
      double[] scratch) {
    double saved = w[j];
    w[j] = wj;
    double total = 0;
    for (double x : w) {
      total += x;
    }
    double[] shares = new double[w.length];
    for (int t = 0; t < w.length; t++) {
      shares[t] = w[t] / total;
    }
    w[j] = saved;
    kernel.aggregate(u, k, shares, null, scratch);
    int best = 0;
    for (int i = 1; i < k; i++) {
      if (scratch[i] > scratch[best]) {
        best = i;
      }
    }
    return best;
  }
}
