package dev.tradeoff.pareto.internal;

import dev.tradeoff.pareto.Aggregation;
import dev.tradeoff.pareto.Normalization;

/**
 * A scoring model compiled to primitive arrays: utility curves, normalization and aggregation over a flat
 * {@code K x M} row-major matrix. Shared by the offline ranking and the router scorer, which evaluate fixed-bounds
 * scores with the same operations in the same order so both give bit-identical scores.
 */
public final class ScoringKernel {

  /** Number of criteria. */
  public final int m;
  /** Criterion names, for messages. */
  public final String[] names;
  /** True where larger is better. */
  public final boolean[] maximize;
  /** Raw weights, {@code >= 0}. */
  public final double[] weight;
  /** Weights scaled to sum 1: {@code weight / total}, fitted so that their rounded sum is at most 1. */
  public final double[] share;
  /** SLO limit per criterion (0 for linear curves). */
  public final double[] sloLimit;
  /** {@code +-(slope - 1)} per criterion: {@code v = x + coef * max(0, sign * (x - limit))}; 0 for linear. */
  public final double[] sloCoef;
  /** +1 where minimized, -1 where maximized: the sign of "past the limit". */
  public final double[] sloSign;
  /** Whether any criterion has a non-linear curve. */
  public final boolean anySlo;
  /** The normalization. */
  public final Normalization normalization;
  /** The aggregation. */
  public final Aggregation aggregation;
  /** FIXED_BOUNDS: transformed value of utility 0. */
  public final double[] worst;
  /** FIXED_BOUNDS: {@code 1 / (best - worst)}, negative for minimized criteria. */
  public final double[] scale;
  /**
   * FIXED_BOUNDS, weighted sum: the contribution of value v is {@code clamp(fma(v, alpha, beta), 0, share)},
   * the weight folded into the affine map so the router does one fused multiply-add and two compares per value.
   */
  public final double[] alpha;
  /** FIXED_BOUNDS, weighted sum: see {@link #alpha}. */
  public final double[] beta;

  /**
   * Compiles a model; arguments were validated by {@code ScoringModel}.
   *
   * @param names criterion names
   * @param maximize directions
   * @param weight raw weights (sum > 0)
   * @param limits SLO limits (ignored where slope is 1)
   * @param sloSlope penalty slopes, 1 for linear
   * @param referenceLow FIXED_BOUNDS low ends (unused otherwise)
   * @param referenceHigh FIXED_BOUNDS high ends (unused otherwise)
   * @param normalization the normalization
   * @param aggregation the aggregation
   */
  public ScoringKernel(String[] names, boolean[] maximize, double[] weight, double[] limits, double[] sloSlope,
      double[] referenceLow, double[] referenceHigh, Normalization normalization, Aggregation aggregation) {
    this.m = names.length;
    this.names = names.clone();
    this.maximize = maximize.clone();
    this.weight = weight.clone();
    this.normalization = normalization;
    this.aggregation = aggregation;
    double total = 0;
    for (double w : weight) {
      total += w;
    }
    this.share = new double[m];
    for (int j = 0; j < m; j++) {
      share[j] = weight[j] / total;
    }
    fitToOne(share);
    this.sloLimit = new double[m];
    this.sloCoef = new double[m];
    this.sloSign = new double[m];
    boolean any = false;
    for (int j = 0; j < m; j++) {
      sloSign[j] = maximize[j] ? -1 : 1;
      if (sloSlope[j] != 1) {
        any = true;
        sloLimit[j] = limits[j] + 0.0;
        sloCoef[j] = sloSign[j] * (sloSlope[j] - 1);
      }
    }
    this.anySlo = any;
    this.worst = new double[m];
    this.scale = new double[m];
    this.alpha = new double[m];
    this.beta = new double[m];
    if (normalization == Normalization.FIXED_BOUNDS) {
      for (int j = 0; j < m; j++) {
        double lo = curve(j, referenceLow[j]);
        double hi = curve(j, referenceHigh[j]);
        double best = maximize[j] ? hi : lo;
        worst[j] = maximize[j] ? lo : hi;
        double range = best - worst[j];
        if (!(hi > lo) || Double.isInfinite(range) || Double.isInfinite(1 / range)) {
          throw Require.invalid("reference range of criterion '" + names[j] + "' after its utility curve",
              "non-empty and finite", "[" + lo + ", " + hi + "]");
        }
        scale[j] = 1 / range;
        alpha[j] = share[j] * scale[j];
        // + 0.0: a zero beta must be +0.0, or fma(-0.0, alpha, -0.0) would score a live -0.0 as -0.0 where
        // the ranking (which normalizes its inputs) says 0.0; the project's policy is -0.0 == 0.0, bit for bit.
        beta[j] = -worst[j] * alpha[j] + 0.0;
        if (alpha[j] == 0) {
          // Weight 0 (or a product that underflows): fma(+-inf, 0, b) would be NaN for a value an SLO curve
          // overflowed; the smallest positive alpha keeps every contribution in [0, share] and never NaN.
          alpha[j] = Double.MIN_VALUE;
          beta[j] = 0.0;
        }
      }
    }
  }

  /**
   * Lowers the largest share by one ulp at a time until the shares, added in criterion order as every weighted
   * sum adds its terms, sum to at most 1. Each rounded {@code w / total} is within half an ulp, but their rounded
   * sum can be {@code 1 + 2^-52} (weights 0.1, 3, 1), and a candidate with utility 1 everywhere would score
   * that; with the shares fitted, every term is at most its share and rounded addition is monotone, so a
   * weighted sum of utilities in [0, 1] is in [0, 1].
   *
   * @param share the shares, {@code >= 0}, adjusted in place
   */
  private static void fitToOne(double[] share) {
    while (true) {
      double sum = 0.0;
      int largest = 0;
      for (int j = 0; j < share.length; j++) {
        sum = j == 0 ? share[j] : sum + share[j];
        if (share[j] > share[largest]) {
          largest = j;
        }
      }
      if (sum <= 1) {
        return;
      }
      share[largest] = Math.nextDown(share[largest]);
    }
  }

  /**
   * The utility curve of criterion j.
   *
   * @param j the criterion
   * @param x the raw value
   * @return the transformed value
   */
  public double curve(int j, double x) {
    if (!anySlo) {
      return x; // exactly what the router's linear loops use
    }
    double excess = sloSign[j] * (x - sloLimit[j]);
    return x + sloCoef[j] * (excess > 0 ? excess : 0.0);
  }

  /**
   * Weighted-sum scores under FIXED_BOUNDS, computed exactly as {@code RouterScorer} does (same operations,
   * same order), so offline and router scores are bit-identical.
   *
   * @param values finite raw values, {@code k x m}
   * @param k the number of candidates
   * @param contributions output {@code k x m}
   * @param scores output, length {@code >= k}
   */
  public void fixedWeightedSum(double[] values, int k, double[] contributions, double[] scores) {
    for (int i = 0; i < k; i++) {
      double s = 0.0;
      for (int j = 0; j < m; j++) {
        double t = Math.fma(curve(j, values[i * m + j]), alpha[j], beta[j]);
        double w = share[j];
        t = t <= 0.0 ? 0.0 : (t > w ? w : t); // -0.0 to +0.0, as the router's Math.max(Math.min(t, w), 0.0)
        s = j == 0 ? t : s + t;
        contributions[i * m + j] = t + 0.0;
      }
      scores[i] = s;
    }
  }

  /**
   * Clamps to [0, 1]; NaN stays NaN (the router detects it after the loop).
   *
   * @param u a utility
   * @return the clamped utility
   */
  public static double clamp01(double u) {
    return u < 0.0 ? 0.0 : (u > 1.0 ? 1.0 : u);
  }

  /**
   * Utilities {@code u[i * m + j]}, larger = better.
   *
   * @param values finite raw values, row-major {@code k x m}
   * @param k the number of candidates
   * @return the utilities
   * @throws IllegalArgumentException if a value overflows its utility curve
   */
  public double[] utilities(double[] values, int k) {
    double[] v = new double[k * m];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < m; j++) {
        double t = curve(j, values[i * m + j]);
        if (Double.isInfinite(t) && normalization != Normalization.FIXED_BOUNDS) {
          throw Require.invalid("values[" + i + "][" + j + "] after the utility curve of criterion '" + names[j]
              + "'", "finite (rescale the criterion)", t);
        }
        v[i * m + j] = t;
      }
    }
    double[] u = new double[k * m];
    for (int j = 0; j < m; j++) {
      switch (normalization) {
        case FIXED_BOUNDS:
          for (int i = 0; i < k; i++) {
            u[i * m + j] = clamp01((v[i * m + j] - worst[j]) * scale[j]);
          }
          break;
        case MIN_MAX:
          minMax(v, u, k, j);
          break;
        case VECTOR:
          vector(v, u, k, j);
          break;
        case Z_SCORE:
          zScore(v, u, k, j);
          break;
        default:
          throw new AssertionError(normalization);
      }
    }
    return u;
  }

  private void minMax(double[] v, double[] u, int k, int j) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < k; i++) {
      lo = Math.min(lo, v[i * m + j]);
      hi = Math.max(hi, v[i * m + j]);
    }
    if (!(hi > lo)) {
      for (int i = 0; i < k; i++) {
        u[i * m + j] = 1.0;
      }
      return;
    }
    // Halve first when the range overflows: exact for such large values, and keeps inf/inf out.
    boolean halve = Double.isInfinite(hi - lo);
    double range = halve ? hi * 0.5 - lo * 0.5 : hi - lo;
    for (int i = 0; i < k; i++) {
      double x = v[i * m + j];
      double up = halve ? x * 0.5 - lo * 0.5 : x - lo;
      double r = up / range;
      u[i * m + j] = maximize[j] ? r : 1.0 - r;
    }
  }

  private void vector(double[] v, double[] u, int k, int j) {
    double s = 0;
    for (int i = 0; i < k; i++) {
      s = Math.max(s, Math.abs(v[i * m + j]));
    }
    double norm = 0;
    if (s > 0) {
      for (int i = 0; i < k; i++) {
        double t = v[i * m + j] / s; // scaled so the sum of squares cannot overflow
        norm += t * t;
      }
      norm = Math.sqrt(norm);
    }
    for (int i = 0; i < k; i++) {
      double r = s > 0 ? (v[i * m + j] / s) / norm : 0.0;
      u[i * m + j] = maximize[j] ? r : 1.0 - r;
    }
  }

  private void zScore(double[] v, double[] u, int k, int j) {
    double s = 0;
    for (int i = 0; i < k; i++) {
      s = Math.max(s, Math.abs(v[i * m + j]));
    }
    double mean = 0;
    double sd = 0;
    if (s > 0) {
      for (int i = 0; i < k; i++) {
        mean += v[i * m + j] / s;
      }
      mean /= k;
      for (int i = 0; i < k; i++) {
        double t = v[i * m + j] / s - mean;
        sd += t * t;
      }
      sd = Math.sqrt(sd / k);
    }
    for (int i = 0; i < k; i++) {
      double z = sd > 0 ? (v[i * m + j] / s - mean) / sd : 0.0;
      u[i * m + j] = (maximize[j] ? z : -z) + 0.0;
    }
  }

  /**
   * Scores and contributions from utilities, with the given weight shares.
   *
   * @param u utilities, {@code k x m}
   * @param k the number of candidates
   * @param shares weights scaled to sum 1
   * @param contributions output {@code k x m}: weighted utilities (may be null)
   * @param scores output, length {@code >= k}
   */
  public void aggregate(double[] u, int k, double[] shares, double[] contributions, double[] scores) {
    if (aggregation == Aggregation.WEIGHTED_SUM) {
      for (int i = 0; i < k; i++) {
        double s = 0.0;
        for (int j = 0; j < m; j++) {
          double c = shares[j] * u[i * m + j];
          s += c;
          if (contributions != null) {
            contributions[i * m + j] = c + 0.0;
          }
        }
        scores[i] = s;
      }
      return;
    }
    double[] ideal = new double[m];
    double[] anti = new double[m];
    for (int j = 0; j < m; j++) {
      if (normalization == Normalization.FIXED_BOUNDS) {
        ideal[j] = shares[j];
        anti[j] = 0.0;
      } else {
        ideal[j] = Double.NEGATIVE_INFINITY;
        anti[j] = Double.POSITIVE_INFINITY;
        for (int i = 0; i < k; i++) {
          double c = shares[j] * u[i * m + j];
          ideal[j] = Math.max(ideal[j], c);
          anti[j] = Math.min(anti[j], c);
        }
      }
    }
    for (int i = 0; i < k; i++) {
      double plus = 0.0;
      double minus = 0.0;
      for (int j = 0; j < m; j++) {
        double c = shares[j] * u[i * m + j];
        if (contributions != null) {
          contributions[i * m + j] = c + 0.0;
        }
        double a = ideal[j] - c;
        double b = c - anti[j];
        plus += a * a;
        minus += b * b;
      }
      scores[i] = closeness(plus, minus);
    }
  }

  /**
   * TOPSIS closeness from squared distances; 1 when the candidate is both ideal and anti-ideal (all candidates
   * equal on every weighted criterion).
   *
   * @param plusSquared squared distance to the ideal point
   * @param minusSquared squared distance to the anti-ideal point
   * @return the closeness in [0, 1]
   */
  public static double closeness(double plusSquared, double minusSquared) {
    double dp = Math.sqrt(plusSquared);
    double dm = Math.sqrt(minusSquared);
    double sum = dp + dm;
    return sum > 0 ? dm / sum : 1.0;
  }

  /**
   * Candidate indices by descending score; equal scores keep input order (smaller index first).
   *
   * @param scores the scores (no NaN)
   * @param k how many
   * @return the order
   */
  public static int[] order(double[] scores, int k) {
    long[] keys = new long[k];
    int[] ids = new int[k];
    for (int i = 0; i < k; i++) {
      keys[i] = RadixSort.key(-scores[i] + 0.0);
      ids[i] = i;
    }
    RadixSort.sort(keys, ids, 0, k, new long[k], new int[k]);
    return ids;
  }
}
