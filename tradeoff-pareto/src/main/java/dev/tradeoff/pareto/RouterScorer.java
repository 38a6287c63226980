package dev.tradeoff.pareto;

import dev.tradeoff.pareto.internal.Require;
import dev.tradeoff.pareto.internal.ScoringKernel;
import java.util.List;

/**
 * The request router's hot path: given live values of K candidates on the model's M criteria, returns the index
 * of the best candidate, optionally writing every score into a caller's buffer. Built once from a
 * {@link ScoringModel} with {@link Normalization#FIXED_BOUNDS}. Two input layouts:
 *
 * <ul>
 *   <li><b>rows</b>, one flat row-major {@code double[]} (candidate {@code i}, criterion {@code j} at
 *       {@code i * M + j}): {@link #best(double[])}, {@link #best(double[], int)},
 *       {@link #best(double[], int, double[])}. A scalar loop; the fastest choice for a handful of candidates.
 *   <li><b>columns</b>, one {@code double[]} per criterion ({@code columns[j][i]}), scores always written to the
 *       caller's buffer: {@link #best(double[][], int, double[])}. It scores one criterion per pass, loops
 *       that HotSpot's C2 compiles to SIMD instructions (M = 4 below {@value #VECTOR_MIN_CANDIDATES} candidates:
 *       one unrolled scalar loop), then one scalar pass picks the best: the choice for many candidates (measured with JMH on x86 AVX-512,
 *       K = 64, M = 4: 128 ns against 200 ns for the rows; K = 8: 33 ns against 28 ns).
 * </ul>
 *
 * <pre>{@code
 * RouterScorer scorer = model.routerScorer();           // once, at startup
 * double[] live = new double[MAX_CANDIDATES * scorer.criteria()];
 * double[] scores = new double[MAX_CANDIDATES];
 * // per request: fill live[0, k * M) from current stats, then
 * int best = scorer.best(live, k, scores);
 *
 * double[][] columns = new double[scorer.criteria()][MAX_CANDIDATES]; // or keep one array per criterion
 * int bestOfMany = scorer.best(columns, k, scores);
 * }</pre>
 *
 * <p>Live values are in each criterion's own unit (the unit of its reference range); scores are in [0, 1],
 * larger is better. Per call, whatever the layout: no allocation, no boxing, one pass over the values; the score
 * of a candidate depends on its own values only and is bit-identical to {@link Ranking#score(int)} of the same
 * model. Equal scores go to the smaller index. A NaN or infinite live value is rejected with an
 * {@link IllegalArgumentException} naming the index, candidate and criterion (detected without a test per
 * value). Immutable and thread-safe: share one instance among all threads.
 *
 * @since 0.1.0
 */
public final class RouterScorer {

  /**
   * Below this many candidates, the column layout of M = 4 criteria runs an unrolled scalar loop instead of its
   * vectorizable passes (a SIMD loop over a few elements is mostly its scalar pre- and post-loops, which are
   * slower than branches).
   */
  public static final int VECTOR_MIN_CANDIDATES = 16;

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
      s = clamp(s, w);
      double guard = x;
      for (int j = 1; j < m; j++) {
        x = values[base + j];
        double t = Math.fma(x, alpha[j], beta[j]);
        w = share[j];
        s += clamp(t, w);
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
      t0 = clamp(t0, w0);
      t1 = clamp(t1, w1);
      t2 = clamp(t2, w2);
      t3 = clamp(t3, w3);
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
        double t = sloTerm(j, x);
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
        double c = topsisShare(j, x);
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
   * The best of {@code candidates} candidates given one column per criterion, writing each candidate's score
   * into {@code scores[0, candidates)}. The layout of choice for many candidates: see the class comment.
   *
   * @param columns M columns, {@code columns[j][i]} the live value of candidate {@code i} on criterion {@code j}
   *     (in {@link #criterionNames()} order), each of length {@code >= candidates}
   * @param candidates how many candidates to score, {@code >= 1}
   * @param scores the caller's buffer, length {@code >= candidates}
   * @return the index of the best candidate
   * @throws IllegalArgumentException if {@code candidates < 1}, there are not M columns, a column or the scores
   *     buffer is missing or too short, or a value is NaN or infinite
   */
  public int best(double[][] columns, int candidates, double[] scores) {
    if (candidates < 1) {
      throw Require.invalid("candidates", ">= 1", candidates);
    }
    if (columns.length != m) {
      throw Require.invalid("columns.length", "the number of criteria " + m, columns.length);
    }
    for (int j = 0; j < m; j++) {
      if (columns[j] == null || columns[j].length < candidates) {
        throw Require.invalid("columns[" + j + "].length", ">= candidates " + candidates,
            columns[j] == null ? "null" : String.valueOf(columns[j].length));
      }
    }
    if (scores.length < candidates) {
      throw Require.invalid("scores.length", ">= candidates " + candidates, scores.length);
    }
    if (topsis || slo) {
      scoreColumnsScalar(columns, candidates, scores);
    } else if (m == 4 && candidates < VECTOR_MIN_CANDIDATES) {
      return weightedSum4Scalar(columns, candidates, scores);
    } else {
      weightedSumByColumn(columns, candidates, scores);
    }
    return select(columns, candidates, scores);
  }

  /** The best of the scores; a NaN score (folded in by the scoring loops) reports its non-finite value. */
  private int select(double[][] columns, int candidates, double[] scores) {
    int best = 0;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < candidates; i++) {
      double s = scores[i];
      if (!(s <= bestScore)) { // a new best, or NaN
        if (s != s) {
          throw nonFinite(columns, i);
        }
        bestScore = s;
        best = i;
      }
    }
    return best;
  }

  /**
   * Weighted sum, one pass per criterion accumulating into the scores, in the order of the row loops (so the
   * bits agree). Each pass is small enough for C2 to unroll and vectorize it (a single pass over all M columns
   * exceeds its unrolling budget and stays scalar): Math.min/max clamp, no branch. Each value adds
   * {@code (x - x)}, +0.0 when finite (a score is never -0.0, so its bits do not change) and NaN when NaN or
   * infinite, which the selection pass then reports.
   */
  private void weightedSumByColumn(double[][] columns, int k, double[] out) {
    double[] c = columns[0];
    double a = alpha[0];
    double b = beta[0];
    double w = share[0];
    for (int i = 0; i < k; i++) {
      double x = c[i];
      out[i] = Math.max(Math.min(Math.fma(x, a, b), w), 0.0) + (x - x);
    }
    for (int j = 1; j < m; j++) {
      c = columns[j];
      a = alpha[j];
      b = beta[j];
      w = share[j];
      for (int i = 0; i < k; i++) {
        double x = c[i];
        out[i] = out[i] + (Math.max(Math.min(Math.fma(x, a, b), w), 0.0) + (x - x));
      }
    }
  }

  /** Weighted sum, M = 4, a few candidates: the unrolled row loop, reading four columns, selecting as it goes. */
  private int weightedSum4Scalar(double[][] columns, int k, double[] out) {
    final double[] c0 = columns[0];
    final double[] c1 = columns[1];
    final double[] c2 = columns[2];
    final double[] c3 = columns[3];
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
    for (int i = 0; i < k; i++) {
      double x0 = c0[i];
      double x1 = c1[i];
      double x2 = c2[i];
      double x3 = c3[i];
      double s = ((clamp(Math.fma(x0, a0, b0), w0) + clamp(Math.fma(x1, a1, b1), w1))
          + clamp(Math.fma(x2, a2, b2), w2)) + clamp(Math.fma(x3, a3, b3), w3);
      double guard = ((x0 + x1) + x2) + x3; // as in the row loops
      if (guard - guard != 0.0) {
        checkCandidate(columns, i);
      }
      out[i] = s;
      if (s > bestScore) {
        bestScore = s;
        best = i;
      }
    }
    return best;
  }

  /** SLO curves or TOPSIS, per candidate, in the same operations as the row loops. */
  private void scoreColumnsScalar(double[][] columns, int k, double[] out) {
    for (int i = 0; i < k; i++) {
      double s = 0.0;
      double plus = 0.0;
      double minus = 0.0;
      double guard = 0.0;
      for (int j = 0; j < m; j++) {
        double x = columns[j][i];
        guard += x - x;
        if (topsis) {
          double c = topsisShare(j, x);
          double a = share[j] - c;
          double b = c - 0.0;
          plus += a * a;
          minus += b * b;
        } else {
          double t = sloTerm(j, x);
          s = j == 0 ? t : s + t;
        }
      }
      // guard is +0.0 or NaN: a NaN takes the score's place (the selection pass reports it), else the bits stay
      out[i] = guard == 0.0 ? (topsis ? ScoringKernel.closeness(plus, minus) : s) : guard;
    }
  }

  /** {@code clamp(t, 0, w)} for {@code w >= 0}; -0.0 gives +0.0, NaN stays NaN: as Math.max(Math.min(t, w), 0.0). */
  private static double clamp(double t, double w) {
    return t <= 0.0 ? 0.0 : (t > w ? w : t);
  }

  /** The contribution of value {@code x} on criterion {@code j} through its utility curve (weighted sum). */
  private double sloTerm(int j, double x) {
    double excess = sloSign[j] * (x - sloLimit[j]);
    double v = x + sloCoef[j] * (excess > 0 ? excess : 0.0);
    return clamp(Math.fma(v, alpha[j], beta[j]), share[j]);
  }

  /** TOPSIS: the weighted utility {@code share * u} of value {@code x} on criterion {@code j}. */
  private double topsisShare(int j, double x) {
    double excess = sloSign[j] * (x - sloLimit[j]);
    double v = x + sloCoef[j] * (excess > 0 ? excess : 0.0);
    double u = (v - worst[j]) * scale[j];
    u = u < 0.0 ? 0.0 : (u > 1.0 ? 1.0 : u);
    return share[j] * u;
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

  /** Slow path, column layout: as {@link #checkRow}. */
  private void checkCandidate(double[][] columns, int candidate) {
    for (int j = 0; j < m; j++) {
      double x = columns[j][candidate];
      if (!Double.isFinite(x)) {
        throw Require.invalid("columns[" + j + "][" + candidate + "]", "finite",
            x + " (candidate " + candidate + ", criterion '" + criteria.get(j) + "')");
      }
    }
  }

  /** Slow path: the exception naming the first NaN or infinite value of a candidate whose score came out NaN. */
  private RuntimeException nonFinite(double[][] columns, int candidate) {
    checkCandidate(columns, candidate);
    return new IllegalStateException("score of candidate " + candidate + " is NaN although its values are finite");
  }

  @Override
  public String toString() {
    return "RouterScorer{criteria=" + criteria + (topsis ? ", TOPSIS" : ", WEIGHTED_SUM") + "}";
  }
}
