package dev.tradeoff.pareto;

import dev.tradeoff.pareto.internal.Crowding;
import dev.tradeoff.pareto.internal.Hypervolume;
import dev.tradeoff.pareto.internal.Knee;
import dev.tradeoff.pareto.internal.NonDominated;
import dev.tradeoff.pareto.internal.Ranks;
import dev.tradeoff.pareto.internal.Require;
import java.util.OptionalInt;

/**
 * Pareto analysis of points given as rows of a {@code double[][]}, every objective minimized. For named
 * objectives, maximized ones and hard bounds use {@link CandidateSet}, which delegates here.
 *
 * <pre>{@code
 * double[][] points = {{420, 610}, {900, 350}, {450, 700}, {300, 900}};  // {cost USD, p95 TTFT ms}
 * int[] front = Pareto.front(points);            // [0, 1, 3]: point 2 is dominated by point 0
 * int[] ranks = Pareto.ranks(points);            // [0, 0, 1, 0]
 * double hv = Pareto.hypervolume(points, new double[] {1000, 1000});
 * OptionalInt knee = Pareto.knee(points);        // the best compromise on the front
 * }</pre>
 *
 * <h2>Definitions and policies</h2>
 * <ul>
 *   <li>{@code a} dominates {@code b} if {@code a[j] <= b[j]} for every objective and {@code a[j] < b[j]} for
 *       at least one. Identical points do not dominate each other: duplicates are all in the front or all out,
 *       and share a rank.</li>
 *   <li>NaN and infinite coordinates are rejected with an {@link IllegalArgumentException} naming the point
 *       and the objective ({@code "points[3][1] must be finite, but was NaN"}); {@code -0.0} is treated as
 *       {@code 0.0}. Rows must all have the same length, at least 1.</li>
 *   <li>Empty input is valid: an empty front, no ranks, no distances, hypervolume 0, no knee. With one
 *       objective, the front is the set of minima and ranks are dense ranks of the value.</li>
 * </ul>
 *
 * <h2>Complexity</h2>
 * N points, d objectives. Front: {@code O(N log N)} for d &le; 3 (sort-and-scan, Kung's sweep), for d &ge; 4
 * SFS with a divide-and-conquer fallback, {@code O(N log^(d-2) N)}, so all-front (anti-correlated) data never
 * costs {@code O(N^2)}. Ranks: {@code O(N log N)} for d &le; 2, divide and conquer (Jensen, Fortin, Buzdalov)
 * {@code O(N log^(d-1) N)} otherwise. Crowding {@code O(d N log N)}. Hypervolume {@code O(N log N)} for d &le; 3,
 * {@code O(N^(d-2) log N)} for d &ge; 4. Sorting is a radix sort, so "log N" factors from sorting are linear
 * passes in practice.
 *
 * <p>Stateless and thread-safe. Inputs are never modified (they are copied, or for {@link #front(double[][])}
 * read in place and only the candidates that survive a linear pre-filter copied); results are new arrays owned
 * by the caller. Do not modify the input from another thread during a call.
 *
 * @since 0.1.0
 */
public final class Pareto {

  private Pareto() {}

  /**
   * Indices of the non-dominated points, ascending.
   *
   * <pre>{@code
   * Pareto.front(new double[][] {{1, 2}, {2, 1}, {2, 2}, {1, 2}}); // [0, 1, 3]
   * }</pre>
   *
   * @param points the points, one row per point, minimization
   * @return the front, ascending indices
   * @throws IllegalArgumentException if a value is not finite or rows differ in length
   * @throws NullPointerException if {@code points} or a row is null
   */
  public static int[] front(double[][] points) {
    int d = Require.check(points, "points");
    return NonDominated.front(points, d);
  }

  /**
   * Non-dominated rank of every point: 0 for the front, 1 for the front of the rest, and so on. A dominator
   * always has a strictly smaller rank; identical points share one.
   *
   * <pre>{@code
   * Pareto.ranks(new double[][] {{1, 1}, {2, 2}, {3, 3}, {1, 3}}); // [0, 1, 2, 1]
   * }</pre>
   *
   * @param points the points, minimization
   * @return the rank of each point
   * @throws IllegalArgumentException if a value is not finite or rows differ in length
   * @throws NullPointerException if {@code points} or a row is null
   */
  public static int[] ranks(double[][] points) {
    double[] x = Require.flatten(points, "points", -1);
    return Ranks.ranks(x, points.length, Require.columns(points));
  }

  /**
   * Crowding distance of every point within the given set (NSGA-II; usually called on one front at a time),
   * independent of input order: per objective with a non-zero range, points at the minimum or maximum get
   * {@code +Infinity}, others {@code (next larger distinct value - next smaller distinct value) / range};
   * the distance is the sum. Points with equal values get equal terms, duplicates equal distances; a set of
   * identical points has distance 0 everywhere.
   *
   * <pre>{@code
   * Pareto.crowdingDistances(new double[][] {{0, 4}, {1, 2}, {2, 1}, {4, 0}}); // [inf, 1.25, 1.25, inf]
   * }</pre>
   *
   * @param points the points
   * @return the distances, {@code >= 0} or {@code +Infinity}, never NaN
   * @throws IllegalArgumentException if a value is not finite or rows differ in length
   * @throws NullPointerException if {@code points} or a row is null
   */
  public static double[] crowdingDistances(double[][] points) {
    double[] x = Require.flatten(points, "points", -1);
    return Crowding.distances(x, points.length, Require.columns(points));
  }

  /**
   * The exact hypervolume: the volume of the region dominated by the points and bounded above by the
   * reference point. Dominated points add nothing, so {@code hypervolume(S) == hypervolume(front(S))} to the last
   * bit, and the order of the points does not change a bit either.
   *
   * <pre>{@code
   * Pareto.hypervolume(new double[][] {{1, 2}, {2, 1}}, new double[] {3, 3}); // 3.0
   * }</pre>
   *
   * @param points the points, minimization, each {@code <= reference} in every objective
   * @param reference the reference point, one value per objective
   * @return the volume in the product of the objectives' units, {@code >= 0}
   * @throws IllegalArgumentException if a value is not finite, lengths differ ({@code "reference.length must be
   *     equal to the number of objectives 2 (points[0].length), but was 3"}), or the reference does not bound
   *     the set ({@code "reference[1] must be >= every point's objective 1 (points[4][1] = 7.5), but was 7.0"})
   * @throws ArithmeticException if the volume, or a lower-dimensional cross-section of it, exceeds
   *     {@link Double#MAX_VALUE} (rescale the objectives)
   * @throws NullPointerException if an argument or a row is null
   */
  public static double hypervolume(double[][] points, double[] reference) {
    Require.nonNull(reference, "reference");
    if (reference.length < 1) {
      throw Require.invalid("reference.length", ">= 1", reference.length);
    }
    Require.nonNull(points, "points");
    if (points.length > 0 && Require.row(points, 0, "points").length != reference.length) {
      throw Require.invalid("reference.length", "equal to the number of objectives " + points[0].length
          + " (points[0].length)", reference.length);
    }
    double[] x = Require.flatten(points, "points", reference.length);
    double[] ref = new double[reference.length];
    for (int j = 0; j < ref.length; j++) {
      ref[j] = Require.finite(reference[j], "reference[" + j + "]");
    }
    checkBounded(x, points.length, ref, "points", "reference", "objective ");
    return Hypervolume.compute(x, points.length, ref.length, ref);
  }

  /**
   * The knee of the front: after min-max normalization over the front, the front point farthest from the
   * hyperplane through the extreme points, on the side of the ideal point (the line through the two extremes
   * in 2D). Ties go to the smallest index, where distances within 1e-9 of the largest (in normalized units,
   * the front spanning [0, 1] in every objective) are ties: rounding cannot pick among points that are equally
   * far, so a linear front's knee is its first point whether costs are in USD or cents.
   *
   * <pre>{@code
   * Pareto.knee(new double[][] {{0, 10}, {1, 1}, {10, 0}, {5, 5}}).getAsInt(); // 1
   * }</pre>
   *
   * @param points the points, minimization
   * @return the index of the knee, empty only for empty input
   * @throws IllegalArgumentException if a value is not finite or rows differ in length
   * @throws NullPointerException if {@code points} or a row is null
   */
  public static OptionalInt knee(double[][] points) {
    double[] x = Require.flatten(points, "points", -1);
    int k = Knee.index(x, points.length, Require.columns(points));
    return k < 0 ? OptionalInt.empty() : OptionalInt.of(k);
  }

  /**
   * Whether {@code a} dominates {@code b} (minimization): no worse anywhere, strictly better somewhere.
   *
   * <pre>{@code
   * Pareto.dominates(new double[] {1, 2}, new double[] {1, 3}); // true
   * Pareto.dominates(new double[] {1, 2}, new double[] {1, 2}); // false: equal points do not dominate
   * }</pre>
   *
   * @param a a point
   * @param b a point of the same length
   * @return true if {@code a} dominates {@code b}
   * @throws IllegalArgumentException if lengths differ or a value is not finite
   * @throws NullPointerException if an argument is null
   */
  public static boolean dominates(double[] a, double[] b) {
    Require.nonNull(a, "a");
    Require.nonNull(b, "b");
    if (a.length != b.length) {
      throw Require.invalid("b.length", "equal to a.length " + a.length, b.length);
    }
    // Every value is checked before any comparison: an early "a is worse here" must not let a NaN further on
    // pass silently.
    for (int j = 0; j < a.length; j++) {
      if (!Double.isFinite(a[j])) {
        throw Require.invalid("a[" + j + "]", "finite", a[j]);
      }
      if (!Double.isFinite(b[j])) {
        throw Require.invalid("b[" + j + "]", "finite", b[j]);
      }
    }
    boolean strict = false;
    for (int j = 0; j < a.length; j++) {
      double u = a[j];
      double v = b[j];
      if (u > v) {
        return false;
      }
      if (u < v) {
        strict = true;
      }
    }
    return strict;
  }

  /**
   * Rejects a reference that does not bound the points or whose distance to them overflows.
   *
   * @param x flat points in minimization form
   * @param n number of points
   * @param ref reference in minimization form
   * @param pointsName name of the points in messages
   * @param referenceName name of the reference in messages
   * @param objectiveWord how to name objective j in messages
   */
  static void checkBounded(double[] x, int n, double[] ref, String pointsName, String referenceName,
      String objectiveWord) {
    int d = ref.length;
    for (int j = 0; j < d; j++) {
      int worst = -1;
      double min = Double.POSITIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        double v = x[i * d + j];
        if (worst < 0 || v > x[worst * d + j]) {
          worst = i;
        }
        min = Math.min(min, v);
      }
      if (worst >= 0 && x[worst * d + j] > ref[j]) {
        throw Require.invalid(referenceName + "[" + j + "]",
            ">= every point's " + objectiveWord + j + " (" + pointsName + "[" + worst + "][" + j + "] = "
                + x[worst * d + j] + ")", ref[j]);
      }
      if (n > 0 && Double.isInfinite(ref[j] - min)) {
        throw Require.invalid(referenceName + "[" + j + "] - min(" + pointsName + "[*][" + j + "])",
            "finite (rescale the objective)", ref[j] - min);
      }
    }
  }
}
