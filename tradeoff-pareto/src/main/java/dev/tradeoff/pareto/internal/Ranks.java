package dev.tradeoff.pareto.internal;

/**
 * Non-dominated sorting (rank of every point; 0 = the front): by regime,
 * <ul>
 *   <li>d = 1: dense rank of the value, {@code O(N log N)};</li>
 *   <li>d = 2: one sweep in lexicographic order; the last (smallest) y of each rank is increasing in the rank,
 *       so a binary search finds the first rank with no dominator: {@code O(N log N)} for all ranks;</li>
 *   <li>d &ge; 3: {@link DivideConquer}, {@code O(N log^(d-1) N)}.</li>
 * </ul>
 * Identical points share a rank.
 */
public final class Ranks {

  private Ranks() {}

  /**
   * Rank of every point.
   *
   * @param x the points, row-major, minimization, validated
   * @param n the number of points
   * @param d the number of objectives
   * @return the ranks
   */
  public static int[] ranks(double[] x, int n, int d) {
    if (n == 0) {
      return new int[0];
    }
    if (d == 1) {
      return ranks1(x, n);
    }
    if (d == 2) {
      return ranks2(x, n);
    }
    return DivideConquer.ranks(x, n, d);
  }

  static int[] ranks1(double[] x, int n) {
    long[] keys = new long[n];
    int[] ids = new int[n];
    for (int i = 0; i < n; i++) {
      keys[i] = RadixSort.key(x[i]);
      ids[i] = i;
    }
    RadixSort.sort(keys, ids, 0, n, new long[n], new int[n]);
    int[] out = new int[n];
    int r = -1;
    for (int i = 0; i < n; i++) {
      if (i == 0 || keys[i] != keys[i - 1]) {
        r++;
      }
      out[ids[i]] = r;
    }
    return out;
  }

  static int[] ranks2(double[] x, int n) {
    int[] ids = NonDominated.identity(n);
    LexSort.sort(x, 2, ids, n);
    int[] out = new int[n];
    // lastY[r] = y of the last point given rank r; within a rank y strictly decreases in lexicographic order,
    // and across ranks lastY strictly increases, which is what makes the binary search valid.
    double[] lastY = new double[n];
    int fronts = 0;
    int i = 0;
    while (i < n) {
      int p = ids[i];
      int j = i + 1;
      while (j < n && LexSort.same(x, 2, ids[j], p)) {
        j++;
      }
      double y = x[2 * p + 1];
      int lo = 0;
      int hi = fronts;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (lastY[mid] <= y) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      lastY[lo] = y;
      if (lo == fronts) {
        fronts++;
      }
      for (int t = i; t < j; t++) {
        out[ids[t]] = lo;
      }
      i = j;
    }
    return out;
  }
}
