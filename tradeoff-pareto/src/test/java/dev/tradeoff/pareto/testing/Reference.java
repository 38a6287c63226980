package dev.tradeoff.pareto.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Brute-force reference implementations, written from the definitions and nothing else, so that every fast
 * algorithm can be checked against them: {@code O(N^2 d)} dominance, ranks, crowding; grid hypervolume.
 */
public final class Reference {

  private Reference() {}

  /** a dominates b (minimization): a <= b everywhere and a < b somewhere. */
  public static boolean dominates(double[] a, double[] b) {
    boolean strict = false;
    for (int j = 0; j < a.length; j++) {
      if (a[j] > b[j]) {
        return false;
      }
      if (a[j] < b[j]) {
        strict = true;
      }
    }
    return strict;
  }

  /** Ascending indices of the points no other point dominates. */
  public static int[] front(double[][] p) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < p.length; i++) {
      boolean dominated = false;
      for (int j = 0; j < p.length && !dominated; j++) {
        dominated = dominates(p[j], p[i]);
      }
      if (!dominated) {
        out.add(i);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Ranks by peeling fronts: rank r = front after removing ranks below r. */
  public static int[] ranks(double[][] p) {
    int n = p.length;
    int[] rank = new int[n];
    Arrays.fill(rank, -1);
    int assigned = 0;
    for (int r = 0; assigned < n; r++) {
      List<Integer> now = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (rank[i] != -1) {
          continue;
        }
        boolean dominated = false;
        for (int j = 0; j < n && !dominated; j++) {
          dominated = rank[j] == -1 && dominates(p[j], p[i]);
        }
        if (!dominated) {
          now.add(i);
        }
      }
      for (int i : now) {
        rank[i] = r;
      }
      assigned += now.size();
    }
    return rank;
  }

  /**
   * Crowding distance from the documented definition: per objective with a non-zero range, +inf for points at
   * the minimum or maximum, else (next larger distinct value - next smaller distinct value) / range.
   */
  public static double[] crowding(double[][] p) {
    int n = p.length;
    double[] out = new double[n];
    if (n == 0) {
      return out;
    }
    int d = p[0].length;
    for (int j = 0; j < d; j++) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (double[] q : p) {
        min = Math.min(min, q[j]);
        max = Math.max(max, q[j]);
      }
      if (!(max > min)) {
        continue;
      }
      for (int i = 0; i < n; i++) {
        double v = p[i][j];
        if (v == min || v == max) {
          out[i] = Double.POSITIVE_INFINITY;
          continue;
        }
        double below = Double.NEGATIVE_INFINITY;
        double above = Double.POSITIVE_INFINITY;
        for (double[] q : p) {
          if (q[j] < v) {
            below = Math.max(below, q[j]);
          }
          if (q[j] > v) {
            above = Math.min(above, q[j]);
          }
        }
        out[i] += (above - below) / (max - min);
      }
    }
    return out;
  }

  /**
   * Hypervolume by coordinate compression: the box [min, ref] is cut at every point coordinate into cells, and
   * a cell counts if some point dominates (weakly) its lower corner. O(N^(d+1)); for tiny inputs only.
   */
  public static double hypervolume(double[][] p, double[] ref) {
    int n = p.length;
    if (n == 0) {
      return 0;
    }
    int d = ref.length;
    double[][] cuts = new double[d][];
    for (int j = 0; j < d; j++) {
      double[] c = new double[n + 1];
      for (int i = 0; i < n; i++) {
        c[i] = p[i][j];
      }
      c[n] = ref[j];
      cuts[j] = Arrays.stream(c).sorted().distinct().toArray();
    }
    int[] at = new int[d];
    double total = 0;
    while (true) {
      boolean valid = true;
      double vol = 1;
      double[] corner = new double[d];
      for (int j = 0; j < d; j++) {
        if (at[j] + 1 >= cuts[j].length) {
          valid = false;
          break;
        }
        corner[j] = cuts[j][at[j]];
        vol *= cuts[j][at[j] + 1] - cuts[j][at[j]];
      }
      if (valid) {
        for (double[] q : p) {
          boolean covers = true;
          for (int j = 0; j < d && covers; j++) {
            covers = q[j] <= corner[j];
          }
          if (covers) {
            total += vol;
            break;
          }
        }
      }
      int j = 0;
      while (j < d) {
        at[j]++;
        if (at[j] + 1 < cuts[j].length) {
          break;
        }
        at[j] = 0;
        j++;
      }
      if (j == d) {
        return total;
      }
    }
  }
}
