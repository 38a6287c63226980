package dev.tradeoff.pareto;

import dev.tradeoff.pareto.internal.Require;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * Analytic Hierarchy Process (Saaty 1980): criterion weights from pairwise judgements "criterion i is
 * {@code a[i][j]} times as important as criterion j", with the consistency ratio that says whether the
 * judgements hang together.
 *
 * <pre>{@code
 * // cost vs latency vs quality
 * double[][] pairwise = {
 *     {1,     3,   1.0 / 2},
 *     {1.0 / 3, 1,   1.0 / 4},
 *     {2,     4,   1}};
 * double[] w = Ahp.weights(pairwise);          // [0.320, 0.122, 0.558], consistency ratio 0.016
 * ScoringModel model = baseModel.withWeights(w);
 * }</pre>
 *
 * <p>The matrix must be square (1 to 15 rows, the range of Saaty's random indices), positive, finite, with
 * ones on the diagonal and reciprocal ({@code a[j][i] = 1 / a[i][j]} to a relative 1e-6). Weights are the
 * principal (Perron) eigenvector, computed with commons-math3's {@link EigenDecomposition}. Stateless and
 * thread-safe.
 *
 * @since 0.1.0
 */
public final class Ahp {

  /** Saaty's threshold: judgements with a consistency ratio at or above 0.1 should be revised. */
  public static final double MAX_CONSISTENCY_RATIO = 0.1;

  /** Saaty's random consistency index RI(n), n = 1..15. */
  private static final double[] RANDOM_INDEX = {
      0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59};

  private Ahp() {}

  /**
   * Weights from consistent judgements.
   *
   * @param pairwise the pairwise-comparison matrix
   * @return the weights, positive, summing to 1
   * @throws IllegalArgumentException if the matrix is malformed, or its consistency ratio is at least
   *     {@link #MAX_CONSISTENCY_RATIO} (the message names the judgement to revisit first)
   */
  public static double[] weights(double[][] pairwise) {
    AhpResult r = analyze(pairwise);
    if (!r.isConsistent()) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
          "pairwise comparisons are inconsistent: consistency ratio must be < %s, but was %.4f; %s",
          MAX_CONSISTENCY_RATIO, r.consistencyRatio(), r.describe()));
    }
    return r.weights();
  }

  /**
   * Weights and consistency measures, whatever the consistency.
   *
   * @param pairwise the pairwise-comparison matrix
   * @return the analysis
   * @throws IllegalArgumentException if the matrix is not square, not positive, not finite, not reciprocal,
   *     has a diagonal other than 1, or more than 15 rows
   * @throws NullPointerException if the matrix or a row is null
   */
  public static AhpResult analyze(double[][] pairwise) {
    double[][] a = validate(pairwise);
    int n = a.length;
    double[] w = principalEigenvector(a);
    // lambdaMax from the weights: the mean of (A w)_i / w_i, exact for the Perron pair.
    double lambda = 0;
    for (int i = 0; i < n; i++) {
      double row = 0;
      for (int j = 0; j < n; j++) {
        row += a[i][j] * w[j];
      }
      lambda += row / w[i];
    }
    lambda /= n;
    double ci = n <= 2 ? 0.0 : Math.max(0.0, (lambda - n) / (n - 1));
    double cr = n <= 2 ? 0.0 : ci / RANDOM_INDEX[n - 1];
    int worstRow = -1;
    int worstColumn = -1;
    double worstError = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double error = Math.abs(Math.log(a[i][j] * w[j] / w[i]));
        if (error > worstError + 1e-12) {
          worstError = error;
          worstRow = i;
          worstColumn = j;
        }
      }
    }
    return new AhpResult(w, lambda, ci, cr, worstRow, worstColumn,
        worstRow < 0 ? Double.NaN : a[worstRow][worstColumn]);
  }

  private static double[][] validate(double[][] pairwise) {
    Require.nonNull(pairwise, "pairwise");
    int n = pairwise.length;
    if (n < 1 || n > RANDOM_INDEX.length) {
      throw Require.invalid("pairwise.length", "between 1 and " + RANDOM_INDEX.length, n);
    }
    double[][] a = new double[n][];
    for (int i = 0; i < n; i++) {
      double[] row = Require.row(pairwise, i, "pairwise");
      if (row.length != n) {
        throw Require.invalid("pairwise[" + i + "].length", "equal to pairwise.length " + n + " (square)",
            row.length);
      }
      a[i] = row.clone();
      for (int j = 0; j < n; j++) {
        double v = a[i][j];
        if (!(v > 0) || Double.isInfinite(v)) {
          throw Require.invalid("pairwise[" + i + "][" + j + "]", "positive and finite", v);
        }
      }
      if (Math.abs(a[i][i] - 1) > 1e-9) {
        throw Require.invalid("pairwise[" + i + "][" + i + "]", "1 (the diagonal compares a criterion with itself)",
            a[i][i]);
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (Math.abs(a[i][j] * a[j][i] - 1) > 1e-6) {
          throw Require.invalid("pairwise[" + j + "][" + i + "]",
              "the reciprocal of pairwise[" + i + "][" + j + "] (1 / " + a[i][j] + " = " + (1 / a[i][j]) + ")",
              a[j][i]);
        }
      }
    }
    return a;
  }

  private static double[] principalEigenvector(double[][] a) {
    int n = a.length;
    double[] w = new double[n];
    try {
      EigenDecomposition e = new EigenDecomposition(new Array2DRowRealMatrix(a, false));
      double[] re = e.getRealEigenvalues();
      double[] im = e.getImagEigenvalues();
      int best = -1;
      for (int i = 0; i < n; i++) {
        // Perron-Frobenius: a positive matrix has a simple real eigenvalue of largest modulus.
        if (Math.abs(im[i]) <= 1e-9 * Math.max(1, Math.abs(re[i])) && (best < 0 || re[i] > re[best])) {
          best = i;
        }
      }
      RealVector v = e.getEigenvector(best);
      double sum = 0;
      for (int i = 0; i < n; i++) {
        w[i] = Math.abs(v.getEntry(i));
        sum += w[i];
      }
      for (int i = 0; i < n; i++) {
        w[i] /= sum;
      }
      boolean positive = true;
      for (double x : w) {
        positive &= x > 0 && Double.isFinite(x);
      }
      if (positive) {
        return w;
      }
    } catch (MathIllegalStateException | ArithmeticException notConverged) {
      // fall through to power iteration, which always converges for positive matrices
    }
    return powerIteration(a);
  }

  private static double[] powerIteration(double[][] a) {
    int n = a.length;
    double[] w = new double[n];
    java.util.Arrays.fill(w, 1.0 / n);
    double[] next = new double[n];
    for (int it = 0; it < 10_000; it++) {
      double sum = 0;
      for (int i = 0; i < n; i++) {
        double s = 0;
        for (int j = 0; j < n; j++) {
          s += a[i][j] * w[j];
        }
        next[i] = s;
        sum += s;
      }
      double change = 0;
      for (int i = 0; i < n; i++) {
        next[i] /= sum;
        change = Math.max(change, Math.abs(next[i] - w[i]));
      }
      double[] t = w;
      w = next;
      next = t;
      if (change < 1e-15) {
        break;
      }
    }
    return w;
  }
}
