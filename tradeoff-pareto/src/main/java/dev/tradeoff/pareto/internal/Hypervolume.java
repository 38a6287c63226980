package dev.tradeoff.pareto.internal;

/**
 * Exact hypervolume (Lebesgue measure of the region dominated by the points and bounded by the reference),
 * minimization:
 * <ul>
 *   <li>d = 1: {@code ref - min}, {@code O(N)};</li>
 *   <li>d = 2: sort by x, sweep the running minimum of y, {@code O(N log N)};</li>
 *   <li>d = 3: the sweep of Beume, Fonseca, Lopez-Ibanez, Paquete and Vahrenhold (2009): in z order, maintain
 *       the area of the 2D staircase of (x, y) incrementally in an {@link IntSet64} keyed by x rank; each point
 *       is inserted and removed at most once, {@code O(N log N)};</li>
 *   <li>d &ge; 4: slicing along the last objective (as in HSO, While et al. 2006): for each distinct value of
 *       the last coordinate, the (d-1)-dimensional hypervolume of the non-dominated projection of the points
 *       at or below it, down to the 3D sweep: {@code O(N^(d-2) log N)} time in the worst case, {@code O(N)}
 *       memory per level.</li>
 * </ul>
 * Every regime runs on a canonical input: the distinct non-dominated points in lexicographic order. Rounding
 * depends on which points a sweep visits and in which order, so without this a dominated point (which splits a
 * slab that the front alone leaves whole) or another input order changed the last bits; with it, the volume of
 * a set, of its front, and of any permutation of either are the same double.
 *
 * <p>The caller guarantees every point is within the reference and that {@code reference[j] - min_j} is finite,
 * so every difference is finite; a product can still overflow, which is reported rather than returned (as
 * infinity or, after {@code inf * 0}, NaN).
 */
public final class Hypervolume {

  private Hypervolume() {}

  /**
   * The hypervolume.
   *
   * @param x the points, row-major, minimization, validated against the reference
   * @param n the number of points
   * @param d the number of objectives
   * @param ref the reference point (length d)
   * @return the volume, finite and >= 0
   * @throws ArithmeticException if the volume, or a cross-section of it, exceeds {@link Double#MAX_VALUE}
   */
  public static double compute(double[] x, int n, int d, double[] ref) {
    int[] front = NonDominated.front(x, n, d);
    LexSort.sort(x, d, front, front.length);
    double[] canonical = new double[front.length * d];
    int m = 0;
    for (int t = 0; t < front.length; t++) {
      if (t == 0 || !LexSort.same(x, d, front[t - 1], front[t])) {
        System.arraycopy(x, front[t] * d, canonical, m++ * d, d);
      }
    }
    double v = volume(canonical, m, d, ref);
    // NaN, too: an overflowed cross-section (area in 3D) times a zero-thickness slab (tied last coordinates) is
    // inf * 0. Both only arise once some partial product passed Double.MAX_VALUE.
    if (!(v <= Double.MAX_VALUE)) {
      throw new ArithmeticException("hypervolume exceeds Double.MAX_VALUE (the volume or one of its "
          + "cross-sections); rescale the objectives");
    }
    return v;
  }

  private static double volume(double[] x, int n, int d, double[] ref) {
    if (n == 0) {
      return 0;
    }
    if (d == 1) {
      double min = Double.POSITIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        min = Math.min(min, x[i]);
      }
      return ref[0] - min;
    }
    if (d == 2) {
      return area(x, n, ref);
    }
    if (d == 3) {
      return volume3(x, n, ref);
    }
    return slice(x, n, d, ref);
  }

  private static int[] order(double[] x, int n, int d, int j) {
    long[] keys = new long[n];
    int[] ids = new int[n];
    for (int i = 0; i < n; i++) {
      keys[i] = RadixSort.key(x[i * d + j]);
      ids[i] = i;
    }
    RadixSort.sort(keys, ids, 0, n, new long[n], new int[n]);
    return ids;
  }

  private static double area(double[] x, int n, double[] ref) {
    int[] ids = order(x, n, 2, 0);
    double total = 0;
    double minY = ref[1];
    for (int t = 0; t < n; t++) {
      int p = ids[t];
      minY = Math.min(minY, x[2 * p + 1]);
      double nextX = t + 1 < n ? x[2 * ids[t + 1]] : ref[0];
      // On [x_t, x_{t+1}) the dominated height is ref_y minus the smallest y seen so far.
      total += (nextX - x[2 * p]) * (ref[1] - minY);
    }
    return total;
  }

  private static double volume3(double[] x, int n, double[] ref) {
    int[] byZ = order(x, n, 3, 2);
    int[] byX = order(x, n, 3, 0);
    int[] xRank = new int[n];
    double[] xAt = new double[n];
    int r = -1;
    for (int t = 0; t < n; t++) {
      double value = x[3 * byX[t]];
      if (t == 0 || value != xAt[r]) {
        xAt[++r] = value;
      }
      xRank[byX[t]] = r;
    }
    IntSet64 stairs = new IntSet64(r + 1);
    double[] yAt = new double[r + 1];
    double refX = ref[0];
    double refY = ref[1];
    double area = 0;
    double total = 0;
    for (int t = 0; t < n; t++) {
      int p = byZ[t];
      int key = xRank[p];
      double px = x[3 * p];
      double py = x[3 * p + 1];
      int q = stairs.prev(key);
      if (q < 0 || yAt[q] > py) {
        // Area newly dominated: between px and the first remaining entry with a lower y, the gap between the
        // current staircase level and py; entries at or above py are swallowed on the way.
        double level = q >= 0 ? yAt[q] : refY;
        double from = px;
        int s = stairs.next(key);
        while (s >= 0 && yAt[s] >= py) {
          area += (xAt[s] - from) * (level - py);
          level = yAt[s];
          from = xAt[s];
          stairs.remove(s);
          s = stairs.next(s + 1);
        }
        double to = s >= 0 ? xAt[s] : refX;
        area += (to - from) * (level - py);
        yAt[key] = py;
        stairs.add(key);
      }
      double nextZ = t + 1 < n ? x[3 * byZ[t + 1] + 2] : ref[2];
      total += area * (nextZ - x[3 * p + 2]);
    }
    return total;
  }

  private static double slice(double[] x, int n, int d, double[] ref) {
    int last = d - 1;
    int sub = d - 1;
    double[] subRef = java.util.Arrays.copyOf(ref, sub);
    int[] byLast = order(x, n, d, last);
    int[] kept = new int[0];
    double total = 0;
    int i = 0;
    while (i < n) {
      double z = x[byLast[i] * d + last];
      int j = i + 1;
      while (j < n && x[byLast[j] * d + last] == z) {
        j++;
      }
      // The slab [z, next z) is dominated by exactly the points with last coordinate <= z, projected: keep only
      // their non-dominated projection (the rest adds nothing) and measure it one dimension down.
      int[] union = new int[kept.length + (j - i)];
      System.arraycopy(kept, 0, union, 0, kept.length);
      System.arraycopy(byLast, i, union, kept.length, j - i);
      double[] proj = project(x, d, union, sub);
      boolean[] flags = NonDominated.flags(proj, union.length, sub, NonDominated.Algorithm.AUTO, true);
      int count = 0;
      for (boolean f : flags) {
        if (f) {
          count++;
        }
      }
      kept = new int[count];
      int o = 0;
      for (int t = 0; t < union.length; t++) {
        if (flags[t]) {
          kept[o++] = union[t];
        }
      }
      double next = j < n ? x[byLast[j] * d + last] : ref[last];
      if (next > z) {
        total += volume(project(x, d, kept, sub), kept.length, sub, subRef) * (next - z);
      }
      i = j;
    }
    return total;
  }

  private static double[] project(double[] x, int d, int[] ids, int sub) {
    double[] out = new double[ids.length * sub];
    for (int t = 0; t < ids.length; t++) {
      System.arraycopy(x, ids[t] * d, out, t * sub, sub);
    }
    return out;
  }
}
