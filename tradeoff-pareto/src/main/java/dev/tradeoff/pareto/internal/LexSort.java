package dev.tradeoff.pareto.internal;

/**
 * Lexicographic order of points stored row-major in a flat {@code double[]}.
 *
 * <p>MSD by coordinate: radix-sort the ids by coordinate 0, then refine every run of equal values by
 * coordinate 1, and so on. Runs are short on continuous data, so the cost is one radix sort; on tie-heavy data
 * the refinement still costs only linear passes per coordinate. Stable: identical points keep their input order,
 * which makes every result that depends on the order deterministic.
 */
public final class LexSort {

  private static final int SMALL = 16;

  private LexSort() {}

  /**
   * Sorts {@code ids[0, count)} lexicographically by their coordinates.
   *
   * @param x the points, row-major with {@code d} values per point
   * @param d the number of coordinates
   * @param ids point indices, permuted in place
   * @param count how many ids to sort
   */
  public static void sort(double[] x, int d, int[] ids, int count) {
    sortRange(x, d, ids, 0, count);
  }

  /**
   * Sorts {@code ids[from, to)} lexicographically by their coordinates.
   *
   * @param x the points, row-major
   * @param d the number of coordinates
   * @param ids point indices, permuted in place
   * @param from first index
   * @param to end index (exclusive)
   */
  public static void sortRange(double[] x, int d, int[] ids, int from, int to) {
    int n = to - from;
    if (n < 2) {
      return;
    }
    if (n <= SMALL) {
      insertion(x, d, ids, from, to, 0);
      return;
    }
    long[] keys = new long[n];
    long[] keyBuffer = new long[n];
    int[] valueBuffer = new int[n];
    if (from == 0) {
      refine(x, d, ids, 0, n, 0, keys, keyBuffer, valueBuffer);
    } else {
      // The radix sort keeps keys and ids at the same indices: sort a copy that starts at 0.
      int[] part = new int[n];
      System.arraycopy(ids, from, part, 0, n);
      refine(x, d, part, 0, n, 0, keys, keyBuffer, valueBuffer);
      System.arraycopy(part, 0, ids, from, n);
    }
  }

  private static void refine(double[] x, int d, int[] ids, int from, int to, int dim, long[] keys,
      long[] keyBuffer, int[] valueBuffer) {
    if (to - from <= SMALL) {
      insertion(x, d, ids, from, to, dim);
      return;
    }
    for (int i = from; i < to; i++) {
      keys[i] = RadixSort.key(x[ids[i] * d + dim]);
    }
    RadixSort.sort(keys, ids, from, to, keyBuffer, valueBuffer);
    if (dim + 1 == d) {
      return;
    }
    int i = from;
    while (i < to) {
      long k = keys[i];
      int j = i + 1;
      while (j < to && keys[j] == k) {
        j++;
      }
      if (j - i > 1) {
        // keys[i, j) is overwritten by the recursion; this loop has already read the run's end.
        refine(x, d, ids, i, j, dim + 1, keys, keyBuffer, valueBuffer);
      }
      i = j;
    }
  }

  /** Insertion sort of a short range whose points already agree on coordinates before {@code dim}. */
  private static void insertion(double[] x, int d, int[] ids, int from, int to, int dim) {
    for (int i = from + 1; i < to; i++) {
      int id = ids[i];
      int j = i - 1;
      while (j >= from && compare(x, d, ids[j], id, dim) > 0) {
        ids[j + 1] = ids[j];
        j--;
      }
      ids[j + 1] = id;
    }
  }

  /**
   * Lexicographic comparison of two points from coordinate {@code dim} on.
   *
   * @param x the points
   * @param d the number of coordinates
   * @param a first point
   * @param b second point
   * @param dim first coordinate to compare
   * @return negative, zero or positive
   */
  public static int compare(double[] x, int d, int a, int b, int dim) {
    int ia = a * d;
    int ib = b * d;
    for (int j = dim; j < d; j++) {
      double u = x[ia + j];
      double v = x[ib + j];
      if (u < v) {
        return -1;
      }
      if (u > v) {
        return 1;
      }
    }
    return 0;
  }

  /**
   * Whether two points are equal in every coordinate.
   *
   * @param x the points
   * @param d the number of coordinates
   * @param a first point
   * @param b second point
   * @return true if identical
   */
  public static boolean same(double[] x, int d, int a, int b) {
    int ia = a * d;
    int ib = b * d;
    for (int j = 0; j < d; j++) {
      if (x[ia + j] != x[ib + j]) {
        return false;
      }
    }
    return true;
  }
}
