package dev.tradeoff.pareto.testing;

import dev.tradeoff.pareto.Aggregation;
import dev.tradeoff.pareto.Criterion;
import dev.tradeoff.pareto.Direction;
import dev.tradeoff.pareto.Normalization;
import dev.tradeoff.pareto.ScoringModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Brute-force reference implementations, written from the definitions and nothing else, so that every fast
 * algorithm can be checked against them: {@code O(N^2 d)} dominance, ranks, crowding; grid hypervolume; the 2D
 * knee; scores straight from the formulas in the Javadoc of {@link Normalization}, {@link Aggregation} and
 * {@code UtilityCurve}.
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
  /**
   * The 2D knee from its definition: after min-max normalization over the front, the front point with the largest
   * signed distance to the line through the two extremes, on the side of the ideal point (0, 0); ties (distances
   * within 1e-9 of the largest) to the smallest index. Returns -1 for empty input.
   */
  public static int knee2(double[][] p) {
    int[] front = front(p);
    if (front.length == 0) {
      return -1;
    }
    double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
    double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
    for (int i : front) {
      for (int j = 0; j < 2; j++) {
        lo[j] = Math.min(lo[j], p[i][j]);
        hi[j] = Math.max(hi[j], p[i][j]);
      }
    }
    if (!(hi[0] > lo[0]) || !(hi[1] > lo[1])) {
      return front[0]; // every front point is identical (a front with one distinct point)
    }
    // Normalized, the extremes are (0, 1) (best x) and (1, 0) (best y): the line x + y = 1.
    double[] distance = new double[p.length];
    double best = Double.NEGATIVE_INFINITY;
    for (int i : front) {
      double x = (p[i][0] - lo[0]) / (hi[0] - lo[0]);
      double y = (p[i][1] - lo[1]) / (hi[1] - lo[1]);
      distance[i] = (1 - (x + y)) / Math.sqrt(2);
      best = Math.max(best, distance[i]);
    }
    for (int i : front) {
      if (distance[i] >= best - 1e-9) {
        return i;
      }
    }
    throw new AssertionError("no front point is within 1e-9 of the largest distance");
  }

  /**
   * Scores of a model, computed naively from the documented formulas: utility curve, then the normalization over
   * the set (or the fixed reference range mapped through the curve), then weight shares and the aggregation.
   */
  public static double[] scores(ScoringModel model, double[][] values) {
    List<Criterion> cs = model.criteria();
    int k = values.length;
    int m = cs.size();
    double totalWeight = 0;
    for (Criterion c : cs) {
      totalWeight += c.weight();
    }
    double[][] u = new double[k][m];
    for (int j = 0; j < m; j++) {
      Criterion c = cs.get(j);
      boolean max = c.direction() == Direction.MAXIMIZE;
      double[] v = new double[k];
      for (int i = 0; i < k; i++) {
        v[i] = c.utility().apply(values[i][j], c.direction());
      }
      switch (model.normalization()) {
        case FIXED_BOUNDS: {
          double low = c.utility().apply(c.referenceLow().getAsDouble(), c.direction());
          double high = c.utility().apply(c.referenceHigh().getAsDouble(), c.direction());
          for (int i = 0; i < k; i++) {
            double r = (v[i] - low) / (high - low);
            r = Math.max(0, Math.min(1, max ? r : 1 - r));
            u[i][j] = r;
          }
          break;
        }
        case MIN_MAX: {
          double lo = Arrays.stream(v).min().orElse(0);
          double hi = Arrays.stream(v).max().orElse(0);
          for (int i = 0; i < k; i++) {
            double r = (v[i] - lo) / (hi - lo);
            u[i][j] = hi > lo ? (max ? r : 1 - r) : 1.0;
          }
          break;
        }
        case VECTOR: {
          double norm = Math.sqrt(Arrays.stream(v).map(x -> x * x).sum());
          for (int i = 0; i < k; i++) {
            double r = norm > 0 ? v[i] / norm : 0;
            u[i][j] = max ? r : 1 - r;
          }
          break;
        }
        case Z_SCORE: {
          double mean = Arrays.stream(v).sum() / k;
          // A constant criterion is 0 by definition (a rounded mean of equal values need not equal them).
          boolean constant = Arrays.stream(v).allMatch(x -> x == v[0]);
          double sd = constant ? 0 : Math.sqrt(Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / k);
          for (int i = 0; i < k; i++) {
            double z = sd > 0 ? (v[i] - mean) / sd : 0;
            u[i][j] = max ? z : -z;
          }
          break;
        }
        default:
          throw new AssertionError(model.normalization());
      }
    }
    double[] scores = new double[k];
    if (model.aggregation() == Aggregation.WEIGHTED_SUM) {
      for (int i = 0; i < k; i++) {
        for (int j = 0; j < m; j++) {
          scores[i] += cs.get(j).weight() / totalWeight * u[i][j];
        }
      }
      return scores;
    }
    double[] ideal = new double[m];
    double[] anti = new double[m];
    for (int j = 0; j < m; j++) {
      double share = cs.get(j).weight() / totalWeight;
      ideal[j] = Double.NEGATIVE_INFINITY;
      anti[j] = Double.POSITIVE_INFINITY;
      for (int i = 0; i < k; i++) {
        ideal[j] = Math.max(ideal[j], share * u[i][j]);
        anti[j] = Math.min(anti[j], share * u[i][j]);
      }
      if (model.normalization() == Normalization.FIXED_BOUNDS) {
        ideal[j] = share;
        anti[j] = 0;
      }
    }
    for (int i = 0; i < k; i++) {
      double plus = 0;
      double minus = 0;
      for (int j = 0; j < m; j++) {
        double c = cs.get(j).weight() / totalWeight * u[i][j];
        plus += (ideal[j] - c) * (ideal[j] - c);
        minus += (c - anti[j]) * (c - anti[j]);
      }
      double dp = Math.sqrt(plus);
      double dm = Math.sqrt(minus);
      scores[i] = dp + dm > 0 ? dm / (dp + dm) : 1.0;
    }
    return scores;
  }
}
