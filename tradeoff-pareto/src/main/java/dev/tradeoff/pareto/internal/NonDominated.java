package dev.tradeoff.pareto.internal;

/**
 * The non-dominated set (Pareto front) of points in minimization form, with the algorithm chosen by regime:
 * <ul>
 *   <li>d = 1: the minima, {@code O(N)};</li>
 *   <li>d = 2: lexicographic sort and a scan keeping the smallest second coordinate, {@code O(N log N)}
 *       (radix sort, so linear passes in practice);</li>
 *   <li>d = 3: Kung's sweep: lexicographic order, a staircase of the (y, z) projections in an {@link IntSet64}
 *       keyed by the rank of y, {@code O(N log N)};</li>
 *   <li>d &ge; 4: sort-filter-skyline (SFS): order by the sum of coordinates (a point can only be dominated by
 *       points with a smaller sum), compare each point against the front found so far. That is fast while the
 *       front is small; once the comparisons exceed a budget of {@code O(N log N)}, the remaining points go to
 *       the divide-and-conquer of {@link DivideConquer} in front-only mode, {@code O(N log^(d-2) N)}, so
 *       fronts that hold most of the points (anti-correlated objectives) never cost {@code O(N^2)}.</li>
 * </ul>
 * Before any of these, a linear pre-filter drops every point dominated by the point of smallest coordinate sum
 * (which is itself non-dominated): on uncorrelated data that removes almost everything, so the sort runs on a
 * small remainder; on all-front data it removes nothing and costs one pass.
 *
 * <p>Duplicates do not dominate one another: identical points are all in the front or all out.
 */
public final class NonDominated {

  /** Algorithm choices, for tests that check each one against the brute-force reference. */
  public enum Algorithm {
    /** The regime-based choice documented on the class. */
    AUTO,
    /** SFS without fallback (any d). */
    SFS,
    /** Divide and conquer in front-only mode (d >= 2). */
    DIVIDE_CONQUER,
    /** Sort-and-scan (d = 2) or Kung's sweep (d = 3). */
    SWEEP
  }

  static final int PREFILTER_MIN = 64;
  /**
   * SFS may spend {@code factor * N * log2(N) * d} coordinate comparisons before handing over to the divide and
   * conquer. 1 measured best on all-front data (less time wasted before the fallback) without cutting SFS
   * short on uniform data (d = 5, N = 10^4 and 10^5).
   */
  static final long SFS_BUDGET_FACTOR = 1;

  private NonDominated() {}

  /**
   * Indices of the non-dominated points, ascending.
   *
   * @param x the points, row-major, minimization, validated
   * @param n the number of points
   * @param d the number of objectives (>= 1)
   * @return the front
   */
  public static int[] front(double[] x, int n, int d) {
    return indices(flags(x, n, d, Algorithm.AUTO, true));
  }

  /**
   * Indices of the non-dominated rows, ascending, reading the caller's rows in place: the pre-filter runs on
   * the rows and only its survivors are copied (with {@code -0.0} normalized) for the sort, so uncorrelated
   * inputs cost one pass and almost no allocation instead of a full copy.
   *
   * @param rows validated rows (finite, rectangular), minimization; never modified
   * @param d the number of objectives (>= 1)
   * @return the front
   */
  public static int[] front(double[][] rows, int d) {
    int n = rows.length;
    if (n == 0) {
      return new int[0];
    }
    int[] ids;
    int count;
    if (d >= 2 && n >= PREFILTER_MIN) {
      int pivot = 0;
      double best = Double.POSITIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        double[] r = rows[i];
        double s = 0;
        for (int j = 0; j < d; j++) {
          s += r[j];
        }
        if (s < best || (s == best && compareRows(r, rows[pivot]) < 0)) {
          best = s;
          pivot = i;
        }
      }
      double[] p = rows[pivot];
      ids = new int[Math.max(16, n >>> 6)];
      count = 0;
      for (int i = 0; i < n; i++) {
        double[] r = rows[i];
        boolean le = true;
        boolean strict = false;
        for (int j = 0; j < d; j++) {
          if (p[j] > r[j]) {
            le = false;
            break;
          }
          if (p[j] < r[j]) {
            strict = true;
          }
        }
        if (!(le && strict)) {
          if (count == ids.length) {
            ids = java.util.Arrays.copyOf(ids, 2 * count);
          }
          ids[count++] = i;
        }
      }
    } else {
      ids = identity(n);
      count = n;
    }
    double[] x = new double[count * d];
    for (int t = 0; t < count; t++) {
      double[] r = rows[ids[t]];
      for (int j = 0; j < d; j++) {
        x[t * d + j] = r[j] + 0.0;
      }
    }
    int[] local = indices(flags(x, count, d, Algorithm.AUTO, false));
    for (int t = 0; t < local.length; t++) {
      local[t] = ids[local[t]];
    }
    return local;
  }

  private static int compareRows(double[] a, double[] b) {
    for (int j = 0; j < a.length; j++) {
      if (a[j] < b[j]) {
        return -1;
      }
      if (a[j] > b[j]) {
        return 1;
      }
    }
    return 0;
  }

  /**
   * Front membership of every point.
   *
   * @param x the points
   * @param n the number of points
   * @param d the number of objectives
   * @param algorithm which algorithm (AUTO unless testing)
   * @param prefilter whether to run the pivot pre-filter
   * @return true for the non-dominated points
   */
  public static boolean[] flags(double[] x, int n, int d, Algorithm algorithm, boolean prefilter) {
    boolean[] inFront = new boolean[n];
    if (n == 0) {
      return inFront;
    }
    if (d == 1) {
      double min = Double.POSITIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        min = Math.min(min, x[i]);
      }
      for (int i = 0; i < n; i++) {
        inFront[i] = x[i] == min;
      }
      return inFront;
    }
    int[] ids = prefilter && n >= PREFILTER_MIN ? prefilter(x, n, d) : identity(n);
    int count = ids.length;
    switch (algorithm) {
      case SWEEP:
        if (d > 3) {
          throw new IllegalStateException("sweeps exist for d = 2 and 3 only, but d was " + d);
        }
        sweep(x, d, ids, count, inFront);
        break;
      case SFS:
        sfs(x, d, ids, count, inFront, Long.MAX_VALUE, Integer.MAX_VALUE);
        break;
      case DIVIDE_CONQUER:
        DivideConquer.front(x, d, ids, count, inFront);
        break;
      default:
        if (d <= 3) {
          sweep(x, d, ids, count, inFront);
        } else {
          long log = 64 - Long.numberOfLeadingZeros(count);
          sfs(x, d, ids, count, inFront, SFS_BUDGET_FACTOR * count * log * d,
              (int) Math.min(count, 2 * Math.sqrt((double) count * log)));
        }
        break;
    }
    return inFront;
  }

  /**
   * Ascending indices of the true entries.
   *
   * @param flags the flags
   * @return the indices
   */
  public static int[] indices(boolean[] flags) {
    int count = 0;
    for (boolean f : flags) {
      if (f) {
        count++;
      }
    }
    int[] out = new int[count];
    int o = 0;
    for (int i = 0; i < flags.length; i++) {
      if (flags[i]) {
        out[o++] = i;
      }
    }
    return out;
  }

  private static void sweep(double[] x, int d, int[] ids, int count, boolean[] inFront) {
    if (d == 2) {
      sweep2(x, ids, count, inFront);
    } else {
      sweep3(x, ids, count, inFront);
    }
  }

  static int[] identity(int n) {
    int[] ids = new int[n];
    for (int i = 0; i < n; i++) {
      ids[i] = i;
    }
    return ids;
  }

  /**
   * The points not dominated by the pivot of smallest coordinate sum (ties: lexicographically smallest). The
   * pivot is non-dominated (a dominator would have a smaller or equal sum and come first lexicographically),
   * so every point it dominates is outside the front, and transitivity keeps every dropped point's dominators
   * from mattering: whatever they dominate, the pivot dominates too.
   */
  static int[] prefilter(double[] x, int n, int d) {
    int pivot = 0;
    double best = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      double s = 0;
      int b = i * d;
      for (int j = 0; j < d; j++) {
        s += x[b + j];
      }
      if (s < best || (s == best && LexSort.compare(x, d, i, pivot, 0) < 0)) {
        best = s;
        pivot = i;
      }
    }
    int[] keep = new int[n];
    int count = 0;
    int pb = pivot * d;
    for (int i = 0; i < n; i++) {
      int b = i * d;
      boolean le = true;
      boolean strict = false;
      for (int j = 0; j < d; j++) {
        double a = x[pb + j];
        double c = x[b + j];
        if (a > c) {
          le = false;
          break;
        }
        if (a < c) {
          strict = true;
        }
      }
      if (!(le && strict)) {
        keep[count++] = i;
      }
    }
    return java.util.Arrays.copyOf(keep, count);
  }

  /**
   * d = 2: in lexicographic order a point is dominated exactly when an earlier point has a smaller y, or the
   * same y at a smaller x (an earlier point with the same x and y is a duplicate, which does not dominate).
   */
  static void sweep2(double[] x, int[] ids, int count, boolean[] inFront) {
    LexSort.sort(x, 2, ids, count);
    double minY = Double.POSITIVE_INFINITY;
    double minYx = Double.POSITIVE_INFINITY;
    for (int i = 0; i < count; i++) {
      int p = ids[i];
      double px = x[2 * p];
      double py = x[2 * p + 1];
      if (!(minY < py || (minY == py && minYx < px))) {
        inFront[p] = true;
      }
      if (py < minY) {
        minY = py;
        minYx = px; // the first point reaching a new minimum y has the smallest x with that y
      }
    }
  }

  /**
   * d = 3, Kung's sweep: in lexicographic order, keep the staircase of (y, z) of the points seen so far (keys =
   * dense y ranks, z strictly decreasing in y). A point is dominated iff the staircase entry at or below its y
   * has z at or below its z; identical points are processed as one group so a duplicate never counts.
   */
  static void sweep3(double[] x, int[] ids, int count, boolean[] inFront) {
    if (count == 0) {
      return;
    }
    LexSort.sort(x, 3, ids, count);
    long[] keys = new long[count];
    int[] pos = new int[count];
    for (int i = 0; i < count; i++) {
      keys[i] = RadixSort.key(x[3 * ids[i] + 1]);
      pos[i] = i;
    }
    RadixSort.sort(keys, pos, 0, count, new long[count], new int[count]);
    int[] yRank = new int[count];
    int r = -1;
    for (int i = 0; i < count; i++) {
      if (i == 0 || keys[i] != keys[i - 1]) {
        r++;
      }
      yRank[pos[i]] = r;
    }
    IntSet64 stairs = new IntSet64(r + 1);
    double[] zAt = new double[r + 1];
    int i = 0;
    while (i < count) {
      int p = ids[i];
      int j = i + 1;
      while (j < count && LexSort.same(x, 3, ids[j], p)) {
        j++;
      }
      double z = x[3 * p + 2];
      int key = yRank[i];
      int q = stairs.prev(key);
      if (q < 0 || zAt[q] > z) {
        for (int t = i; t < j; t++) {
          inFront[ids[t]] = true;
        }
        zAt[key] = z;
        stairs.add(key);
        int s = stairs.next(key + 1);
        while (s >= 0 && zAt[s] >= z) {
          stairs.remove(s);
          s = stairs.next(s + 1);
        }
      }
      i = j;
    }
  }

  /**
   * Sort-filter-skyline with a work budget (window comparisons) and a cap on the window (the front so far);
   * past either, the undecided points and the front so far go to the divide and conquer. The cap,
   * {@code 2 sqrt(N log2 N)}, is where SFS's {@code front^2 / 2} comparisons for the non-dominated points alone
   * would exceed the divide and conquer's {@code O(N log N)}-ish cost; uncorrelated data stays far below it
   * (about 450 front points of 10^4 and 1100 of 10^5 at d = 5), all-front data reaches it after a few hundred.
   */
  static void sfs(double[] x, int d, int[] ids, int count, boolean[] inFront, long budget, int windowCap) {
    long[] keys = new long[count];
    for (int i = 0; i < count; i++) {
      int b = ids[i] * d;
      double s = 0;
      for (int j = 0; j < d; j++) {
        s += x[b + j];
      }
      keys[i] = RadixSort.key(s);
    }
    RadixSort.sort(keys, ids, 0, count, new long[count], new int[count]);
    // Floating-point sums are monotone, not strictly: a dominator may tie on the sum, so break ties
    // lexicographically, where a dominator always comes first.
    int i = 0;
    while (i < count) {
      int j = i + 1;
      while (j < count && keys[j] == keys[i]) {
        j++;
      }
      if (j - i > 1) {
        LexSort.sortRange(x, d, ids, i, j);
      }
      i = j;
    }
    int[] window = new int[count];
    int size = 0;
    long work = 0;
    for (int pos = 0; pos < count; pos++) {
      int p = ids[pos];
      int pb = p * d;
      boolean dominated = false;
      boolean duplicate = false;
      int k = 0;
      for (; k < size; k++) {
        int qb = window[k] * d;
        boolean le = true;
        boolean strict = false;
        for (int j = 0; j < d; j++) {
          double a = x[qb + j];
          double b = x[pb + j];
          if (a > b) {
            le = false;
            break;
          }
          if (a < b) {
            strict = true;
          }
        }
        if (le) {
          dominated = strict;
          duplicate = !strict;
          if (strict && k > 0) {
            // Transpose toward the front: points that dominate often are tried earlier next time.
            int t = window[k - 1];
            window[k - 1] = window[k];
            window[k] = t;
          }
          break;
        }
      }
      work += k + 1;
      if (!dominated) {
        inFront[p] = true;
        if (!duplicate) {
          window[size++] = p;
        }
      }
      if ((work > budget || size > windowCap) && pos + 1 < count) {
        // The window is final (later points cannot dominate it); settle the rest against it by D&C.
        int rest = count - pos - 1;
        int[] union = new int[size + rest];
        System.arraycopy(window, 0, union, 0, size);
        System.arraycopy(ids, pos + 1, union, size, rest);
        DivideConquer.front(x, d, union, union.length, inFront);
        return;
      }
    }
  }
}
