package dev.tradeoff.pareto.internal;

/**
 * Knee point: the front point farthest from the hyperplane through the extreme points, toward the ideal point
 * (Das 1999; Branke et al. 2004), after min-max normalization over the front so that units do not matter.
 *
 * <p>The extreme point of objective j is the front point best in j (ties: smallest sum of normalized values,
 * within {@link #TIE}, then smallest index). The hyperplane {@code a . z = 1} through the d extremes is found by Gaussian
 * elimination; if the extremes are degenerate (fewer than d distinct ones, or a plane that does not face the
 * ideal point: a coefficient not positive beyond rounding) the plane {@code sum(z) = 1} through the normalized
 * axis intercepts is used instead. In 2D this is exactly "largest distance to the line through the two
 * extremes".
 *
 * <p>Ties: smallest index, where distances within {@link #TIE} of the largest count as ties. Normalized values
 * carry the rounding of the input (0.1 + 0.2 != 0.3) and of the normalization, so points that are equally far
 * in exact arithmetic (every point of a linear front; the extremes of a concave one, all on their own plane)
 * get distances that differ in the last bits; without the tolerance those bits, not the tie rules, would pick
 * the extremes and the knee, and a change of units (USD to cents) would move it.
 */
public final class Knee {

  /**
   * Distances (normalized units: the front spans [0, 1] in every objective) within this of the largest are
   * ties, and coefficients of the plane's normal within this of 0 (relative to the largest) are not positive.
   * Far above the rounding of the normalization (about 1e-16 times the ratio of the values' magnitude to the
   * front's range), far below any difference that matters to a decision.
   */
  static final double TIE = 1e-9;

  private Knee() {}

  /**
   * The knee.
   *
   * @param x the points, row-major, minimization, validated
   * @param n the number of points
   * @param d the number of objectives
   * @return the index of the knee, or -1 if n is 0
   */
  public static int index(double[] x, int n, int d) {
    int[] front = NonDominated.front(x, n, d);
    int f = front.length;
    if (f == 0) {
      return -1;
    }
    if (f == 1) {
      return front[0];
    }
    double[] z = new double[f * d];
    for (int j = 0; j < d; j++) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (int t = 0; t < f; t++) {
        double v = x[front[t] * d + j];
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      if (hi > lo) {
        double range = hi - lo;
        boolean halve = Double.isInfinite(range);
        for (int t = 0; t < f; t++) {
          double v = x[front[t] * d + j];
          z[t * d + j] = halve ? (v * 0.5 - lo * 0.5) / (hi * 0.5 - lo * 0.5) : (v - lo) / range;
        }
      }
    }
    double[] sum = new double[f];
    for (int t = 0; t < f; t++) {
      for (int j = 0; j < d; j++) {
        sum[t] += z[t * d + j];
      }
    }
    double[][] e = new double[d][];
    for (int j = 0; j < d; j++) {
      // The points best in j are exactly those normalized to 0 in j; among them the smallest sum, within TIE.
      double smallest = Double.POSITIVE_INFINITY;
      for (int t = 0; t < f; t++) {
        if (z[t * d + j] == 0) {
          smallest = Math.min(smallest, sum[t]);
        }
      }
      int best = 0;
      while (z[best * d + j] != 0 || sum[best] > smallest + TIE) {
        best++;
      }
      e[j] = java.util.Arrays.copyOfRange(z, best * d, best * d + d);
    }
    double[] a = solveForOnes(e, d);
    double norm = 0;
    for (double c : a) {
      norm += c * c;
    }
    norm = Math.sqrt(norm);
    double[] distance = new double[f];
    double largest = Double.NEGATIVE_INFINITY;
    for (int t = 0; t < f; t++) {
      double dot = 0;
      for (int j = 0; j < d; j++) {
        dot += a[j] * z[t * d + j];
      }
      distance[t] = (1 - dot) / norm;
      largest = Math.max(largest, distance[t]);
    }
    int knee = 0;
    while (distance[knee] < largest - TIE) { // the smallest index among the ties
      knee++;
    }
    return front[knee];
  }

  /**
   * Solves E a = 1 with partial pivoting; falls back to all ones when singular or not facing the ideal (a
   * coefficient at most {@link #TIE} times the largest).
   */
  private static double[] solveForOnes(double[][] e, int d) {
    double[][] m = new double[d][d + 1];
    for (int i = 0; i < d; i++) {
      System.arraycopy(e[i], 0, m[i], 0, d);
      m[i][d] = 1;
    }
    double[] ones = new double[d];
    java.util.Arrays.fill(ones, 1);
    for (int c = 0; c < d; c++) {
      int pivot = c;
      for (int r = c + 1; r < d; r++) {
        if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
          pivot = r;
        }
      }
      if (Math.abs(m[pivot][c]) < 1e-12) {
        return ones;
      }
      double[] t = m[c];
      m[c] = m[pivot];
      m[pivot] = t;
      for (int r = 0; r < d; r++) {
        if (r != c) {
          double factor = m[r][c] / m[c][c];
          for (int k = c; k <= d; k++) {
            m[r][k] -= factor * m[c][k];
          }
        }
      }
    }
    double[] a = new double[d];
    double largest = 0;
    for (int i = 0; i < d; i++) {
      a[i] = m[i][d] / m[i][i];
      if (!Double.isFinite(a[i])) {
        return ones;
      }
      largest = Math.max(largest, Math.abs(a[i]));
    }
    for (int i = 0; i < d; i++) {
      // A coefficient that is 0 in exact arithmetic comes out as +-1e-17: either sign must give the same plane.
      if (!(a[i] > TIE * largest)) {
        return ones;
      }
    }
    return a;
  }
}
