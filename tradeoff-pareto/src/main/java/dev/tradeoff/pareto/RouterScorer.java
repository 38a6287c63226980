package dev.tradeoff.pareto;

import dev.tradeoff.pareto.internal.Require;
import dev.tradeoff.pareto.internal.ScoringKernel;
import java.util.List;

/**
 * The request router's hot path: given live values of K candidates on the model's M criteria as one flat
 * row-major {@code double[]} (candidate {@code i}, criterion {@code j} at {@code i * M + j}), returns the index
 * of the best candidate, optionally writing every score into a caller's buffer. Built once from a
 * {@link ScoringModel} with {@link Normalization#FIXED_BOUNDS}.
 *
 * <pre>{@code
 * RouterScorer scorer = model.routerScorer();           // once, at startup
 * double[] live = new double[MAX_CANDIDATES * scorer.criteria()];
 * double[] scores = new double[MAX_CANDIDATES];
 * // per request: fill live[0, k * M) from current stats, then
 * int best = scorer.best(live, k, scores);
 * }</pre>
 *
 * <p>Live values are in each criterion's own unit (the unit of its reference range); scores are in [0, 1],
 * larger is better. Per call: no allocation, no boxing, one pass over the values; the score of a candidate
 * depends on its own values only and is bit-identical to {@link Ranking#score(int)} of the same model. Equal scores go to the
 * smaller index. A NaN or infinite live value is rejected with an {@link IllegalArgumentException} naming the
 * index, candidate and criterion (detected with one addition per value and one test per candidate). Immutable
 * and thread-safe: share one instance among all threads.
 *
 * @since 0.1.0
 */
public final class RouterScorer {

  private final int m;
  private final double[] worst;
  private final double[] scale;
  private final double[] share;
  private final double[] alpha;
  private final double[] beta;
  private final double[] sloLimit;
  private final double[] sloCoef;
  private final double[] sloSign;
  private final boolean slo;
  private final boolean topsis;
  private final List<String> criteria;

  RouterScorer(ScoringKernel kernel) {
    this.m = kernel.m;
    this.worst = kernel.worst.clone();
    this.scale = kernel.scale.clone();
    this.share = kernel.share.clone();
    this.alpha = kernel.alpha.clone();
    this.beta = kernel.beta.clone();
    this.sloLimit = kernel.sloLimit.clone();
    this.sloCoef = kernel.sloCoef.clone();
    this.sloSign = kernel.sloSign.clone();
    this.slo = kernel.anySlo;
    this.topsis = kernel.aggregation == Aggregation.TOPSIS;
    this.criteria = List.of(kernel.names);
  }

  /**
   * The number of criteria M per candidate.
   *
   * @return M
   */
  public int criteria() {
    return m;
  }

  /**
   * The criteria's names, in column order.
   *
   * @return an unmodifiable list
   */
  public List<String> criterionNames() {
    return criteria;
  }

  /**
   * The best of {@code values.length / M} candidates.
   *
   * @param values live values, row-major, length a positive multiple of M
   * @return the index of the best candidate
   * @throws IllegalArgumentException if the length is not a positive multiple of M, or a value is NaN or
   *     infinite
   */
  public int best(double[] values) {
    int k = values.length / m;
    if (k == 0 || k * m != values.length) {
      throw Require.invalid("values.length", "a positive multiple of " + m + " criteria", values.length);
    }
    return run(values, k, null);
  }

  /**
   * The best of the first {@code candidates} rows of a buffer that may be longer (so a router can reuse one
   * buffer whatever the number of live candidates).
   *
   * @param values live values, row-major
   * @param candidates how many rows to score, {@code >= 1}
   * @return the index of the best candidate
   * @throws IllegalArgumentException if {@code candidates < 1}, the buffer is too short, or a value is NaN or
   *     infinite
   */
  public int best(double[] values, int candidates) {
    checkRows(values, candidates);
    return run(values, candidates, null);
  }

  /**
   * Like {@link #best(double[], int)}, also writing each candidate's score into {@code scores[0, candidates)}.
   *
   * @param values live values, row-major
   * @param candidates how many rows to score, {@code >= 1}
   * @param scores the caller's buffer, length {@code >= candidates}
   * @return the index of the best candidate
   * @throws IllegalArgumentException if {@code candidates < 1}, a buffer is too short, or a value is NaN or
   *     infinite
   */
  public int best(double[] values, int candidates, double[] scores) {
    checkRows(values, candidates);
    if (scores.length < candidates) {
      throw Require.invalid("scores.length", ">= candidates " + candidates, scores.length);
    }
    return run(values, candidates, scores);
  }

  private void checkRows(double[] values, int candidates) {
    if (candidates < 1) {
      throw Require.invalid("candidates", ">= 1", candidates);
    }
    if ((long) candidates * m > values.length) {
      throw Require.invalid("values.length", ">= candidates * criteria = " + ((long) candidates * m),
          values.length);
    }
  }

  private int run(double[] values, int k, double[] scores) {
    if (topsis) {
      return runTopsis(values, k, scores);
    }
    if (slo) {
      return runSlo(values, k, scores);
    }
    if (m == 4) {
      return run4(values, k, scores);
    }
    final int m = this.m;
    final double[] alpha = this.alpha;
    final double[] beta = this.beta;
    final double[] share = this.share;
    int best = 0;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int i = 0, base = 0; i < k; i++, base += m) {
      double x = values[base];
      double s = Math.fma(x, alpha[0], beta[0]);
      double w = share[0];
      s = s < 0.0 ? 0.0 : (s > w ? w : s);
      double guard = x;
      for (int j = 1; j < m; j++) {
        x = values[base + j];
        double t = Math.fma(x, alpha[j], beta[j]);
        w = share[j];
        s += t < 0.0 ? 0.0 : (t > w ? w : t);
        guard += x;
      }
      // The sum of the raw values is finite unless one is NaN or infinite (or the finite sum overflows, which
      // the slow path tells apart): one add per value and one test per candidate instead of a test per value.
      if (guard - guard != 0.0) {
        checkRow(values, base, i);
      }
      if (scores != null) {
        scores[i] = s;
      }
      if (s > bestScore) {
        bestScore = s;
        best = i;
      }
    }
    return best;
  }

  /** M = 4, unrolled: the per-criterion constants stay in registers and the four values are independent. */
  private int run4(double[] values, int k, double[] scores) {
    final double a0 = alpha[0];
    final double a1 = alpha[1];
    final double a2 = alpha[2];
    final double a3 = alpha[3];
    final double b0 = beta[0];
    final double b1 = beta[1];
    final double b2 = beta[2];
    final double b3 = beta[3];
    final double w0 = share[0];
    final double w1 = share[1];
    final double w2 = share[2];
    final double w3 = share[3];
    int best = 0;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int i = 0, base = 0; i < k; i++, base += 4) {
      double x0 = values[base];
      double x1 = values[base + 1];
      double x2 = values[base + 2];
      double x3 = values[base + 3];
      double t0 = Math.fma(x0, a0, b0);
      double t1 = Math.fma(x1, a1, b1);
      double t2 = Math.fma(x2, a2, b2);
      double t3 = Math.fma(x3, a3, b3);
      t0 = t0 < 0.0 ? 0.0 : (t0 > w0 ? w0 : t0);
      t1 = t1 < 0.0 ? 0.0 : (t1 > w1 ? w1 : t1);
      t2 = t2 < 0.0 ? 0.0 : (t2 > w2 ? w2 : t2);
      t3 = t3 < 0.0 ? 0.0 : (t3 > w3 ? w3 : t3);
      double s = ((t0 + t1) + t2) + t3;
      double guard = ((x0 + x1) + x2) + x3;
      if (guard - guard != 0.0) {
        checkRow(values, base, i);
      }
      if (scores != null) {
        scores[i] = s;
      }
      if (s > bestScore) {
        bestScore = s;
        best = i;
      }
    }
    return best;
  }

  private int runSlo(double[] values, int k, double[] scores) {
    final int m = this.m;
    int best = 0;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int i = 0, base = 0; i < k; i++, base += m) {
      double s = 0.0;
      double guard = 0.0;
      for (int j = 0; j < m; j++) {
        double x = values[base + j];
        double excess = sloSign[j] * (x - sloLimit[j]);
        double v = x + sloCoef[j] * (excess > 0 ? excess : 0.0);
        double t = Math.fma(v, alpha[j], beta[j]);
        double w = share[j];
        t = t < 0.0 ? 0.0 : (t > w ? w : t);
        s = j == 0 ? t : s + t;
        guard += x;
      }
      if (guard - guard != 0.0) {
        checkRow(values, base, i);
      }
      if (scores != null) {
        scores[i] = s;
      }
      if (s > bestScore) {
        bestScore = s;
        best = i;
      }
    }
    return best;
  }

  private int runTopsis(double[] values, int k, double[] scores) {
    final int m = this.m;
    int best = 0;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int i = 0, base = 0; i < k; i++, base += m) {
      double plus = 0.0;
      double minus = 0.0;
      double guard = 0.0;
      for (int j = 0; j < m; j++) {
        double x = values[base + j];
        double excess = sloSign[j] * (x - sloLimit[j]);
        double v = x + sloCoef[j] * (excess > 0 ? excess : 0.0);
        double u = (v - worst[j]) * scale[j];
        u = u < 0.0 ? 0.0 : (u > 1.0 ? 1.0 : u);
        double c = share[j] * u;
        double a = share[j] - c;
        double b = c - 0.0;
        plus += a * a;
        minus += b * b;
        guard += x;
      }
      if (guard - guard != 0.0) {
        checkRow(values, base, i);
      }
      double s = ScoringKernel.closeness(plus, minus);
      if (scores != null) {
        scores[i] = s;
      }
      if (s > bestScore) {
        bestScore = s;
        best = i;
      }
    }
    return best;
  }

  /**
   * Slow path, off the hot loop: names the first NaN or infinite value of a row, or returns normally when the
   * guard sum merely overflowed on finite values.
   */
  private void checkRow(double[] values, int base, int candidate) {
    for (int j = 0; j < m; j++) {
      double x = values[base + j];
      if (!Double.isFinite(x)) {
        throw Require.invalid("values[" + (base + j) + "]", "finite",
            x + " (candidate " + candidate + ", criterion '" + criteria.get(j) + "')");
      }
    }
  }

  @Override
  public String toString() {
    return "RouterScorer{criteria=" + criteria + (topsis ? ", TOPSIS" : ", WEIGHTED_SUM") + "}";
  }
}
