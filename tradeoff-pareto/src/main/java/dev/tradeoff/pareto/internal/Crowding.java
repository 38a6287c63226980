package dev.tradeoff.pareto.internal;

/**
 * Crowding distance (Deb et al. 2002, NSGA-II) with a definition that depends on the values only, never on the
 * order of the input or of ties.
 *
 * <p>For each objective whose values are not all equal: points at the minimum or maximum get +infinity, every
 * other point gets (next larger distinct value - next smaller distinct value) / (max - min). The distance is the
 * sum over objectives. Points with equal values in an objective therefore get the same term, and duplicates get
 * the same distance (NSGA-II's usual "sort and take the neighbours" gives tied points different terms depending
 * on the sort; see Fortin and Parizeau 2013). An objective whose values are all equal adds 0, so a set of
 * identical points (or a single point) has distance 0 everywhere.
 */
public final class Crowding {

  private Crowding() {}

  /**
   * Crowding distance of every point.
   *
   * @param x the points, row-major, validated
   * @param n the number of points
   * @param d the number of objectives
   * @return the distances (>= 0, possibly +infinity, never NaN)
   */
  public static double[] distances(double[] x, int n, int d) {
    double[] out = new double[n];
    if (n == 0) {
      return out;
    }
    long[] keys = new long[n];
    int[] ids = new int[n];
    long[] keyBuffer = new long[n];
    int[] idBuffer = new int[n];
    for (int j = 0; j < d; j++) {
      for (int i = 0; i < n; i++) {
        keys[i] = RadixSort.key(x[i * d + j]);
        ids[i] = i;
      }
      RadixSort.sort(keys, ids, 0, n, keyBuffer, idBuffer);
      double min = x[ids[0] * d + j];
      double max = x[ids[n - 1] * d + j];
      if (!(max > min)) {
        continue;
      }
      double range = max - min;
      // For values spanning more than Double.MAX_VALUE the plain differences overflow (and inf/inf is NaN);
      // halving first keeps them finite, and is exact for every value that large.
      boolean halve = Double.isInfinite(range);
      double halfRange = max * 0.5 - min * 0.5;
      double below = Double.NaN;
      int i = 0;
      while (i < n) {
        double value = x[ids[i] * d + j];
        int end = i + 1;
        while (end < n && keys[end] == keys[i]) {
          end++;
        }
        double term;
        if (value == min || value == max) {
          term = Double.POSITIVE_INFINITY;
        } else {
          double above = x[ids[end] * d + j];
          term = halve ? (above * 0.5 - below * 0.5) / halfRange : (above - below) / range;
        }
        for (int t = i; t < end; t++) {
          out[ids[t]] += term;
        }
        below = value;
        i = end;
      }
    }
    return out;
  }
}
