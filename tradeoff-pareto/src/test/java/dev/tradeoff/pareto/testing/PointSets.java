package dev.tradeoff.pareto.testing;

import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Point sets of the four kinds the properties run on: uniform in the unit cube, all on the front (on the
 * simplex, so nothing dominates anything), a coarse tie grid (values 0..3, many equal coordinates and
 * duplicates), and duplicate-heavy (a few distinct points, each repeated).
 */
public final class PointSets {

  /** The kinds of data. */
  public enum Kind {
    /** Uniform in [0, 1)^d. */
    UNIFORM,
    /** On the simplex: every point is non-dominated. */
    SIMPLEX,
    /** Integer grid {0, 1, 2, 3}^d. */
    TIE_GRID,
    /** A handful of distinct points, repeated. */
    DUPLICATES
  }

  private PointSets() {}

  /** Points of a kind, deterministic in the seed. */
  public static double[][] generate(Kind kind, int n, int d, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[][] p = new double[n][d];
    switch (kind) {
      case UNIFORM:
        for (double[] q : p) {
          for (int j = 0; j < d; j++) {
            q[j] = rnd.nextDouble();
          }
        }
        break;
      case SIMPLEX:
        for (double[] q : p) {
          double s = 0;
          for (int j = 0; j < d; j++) {
            q[j] = -Math.log(1 - rnd.nextDouble());
            s += q[j];
          }
          for (int j = 0; j < d; j++) {
            q[j] /= s;
          }
        }
        break;
      case TIE_GRID:
        for (double[] q : p) {
          for (int j = 0; j < d; j++) {
            q[j] = rnd.nextInt(4);
          }
        }
        break;
      case DUPLICATES:
        double[][] pool = generate(Kind.UNIFORM, 1 + rnd.nextInt(6), d, rnd.nextLong());
        for (int i = 0; i < n; i++) {
          p[i] = pool[rnd.nextInt(pool.length)].clone();
        }
        break;
      default:
        throw new AssertionError(kind);
    }
    return p;
  }

  /** Arbitrary point sets of every kind, sizes in [0, maxN], dimensions in [minD, maxD]. */
  public static Arbitrary<double[][]> any(int maxN, int minD, int maxD) {
    return Combinators.combine(
            Arbitraries.of(Kind.class),
            Arbitraries.integers().between(0, maxN),
            Arbitraries.integers().between(minD, maxD),
            Arbitraries.longs().withoutEdgeCases())
        .as(PointSets::generate);
  }

  /** Flattens a matrix row-major. */
  public static double[] flat(double[][] p) {
    if (p.length == 0) {
      return new double[0];
    }
    int d = p[0].length;
    double[] x = new double[p.length * d];
    for (int i = 0; i < p.length; i++) {
      System.arraycopy(p[i], 0, x, i * d, d);
    }
    return x;
  }
}
