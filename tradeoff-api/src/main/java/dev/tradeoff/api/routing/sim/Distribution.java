package dev.tradeoff.api.routing.sim;

import java.util.Arrays;
import java.util.Objects;
import java.util.random.RandomGenerator;
import dev.tradeoff.metrics.stats.LatencyHistogram;
import org.HdrHistogram.AbstractHistogram;

/**
 * A distribution of non-negative values to draw from: constant, uniform, exponential, log-normal (given by
 * its median and 99th percentile, the way latency is usually quoted), or empirical — from measured samples or
 * an HdrHistogram, sampled by inverse CDF. The unit is whatever the caller says it is (milliseconds, tokens,
 * tokens per second).
 *
 * <pre>{@code
 * Distribution ttftMs = Distribution.lognormal(450, 1_800);      // median 450 ms, p99 1.8 s
 * Distribution measured = Distribution.fromHistogram(ttftMicros, 0.001);  // µs histogram → ms
 * double x = ttftMs.sample(random);
 * }</pre>
 *
 * <p>Immutable and thread-safe; sampling allocates nothing.
 *
 * @since 0.1.0
 */
public final class Distribution {

  /** The standard normal's 99th percentile, z(0.99). */
  static final double Z99 = 2.3263478740408408;
  /** Quantiles kept from a histogram: 2,049 (every 1/2048 of probability). */
  private static final int HISTOGRAM_QUANTILES = 2048;

  private enum Kind { CONSTANT, UNIFORM, EXPONENTIAL, LOGNORMAL, EMPIRICAL }

  private final Kind kind;
  private final double a;
  private final double b;
  private final double[] sorted;

  private Distribution(Kind kind, double a, double b, double[] sorted) {
    this.kind = kind;
    this.a = a;
    this.b = b;
    this.sorted = sorted;
  }

  /**
   * Always the same value.
   *
   * @param value finite, {@code >= 0}
   * @return the distribution
   * @throws IllegalArgumentException if negative or not finite
   */
  public static Distribution constant(double value) {
    requireNonNegative("value", value);
    return new Distribution(Kind.CONSTANT, value, 0, null);
  }

  /**
   * Uniform on {@code [lo, hi)}.
   *
   * @param lo finite, {@code >= 0}
   * @param hi finite, {@code >= lo}
   * @return the distribution
   * @throws IllegalArgumentException if a bound is negative, not finite, or {@code hi < lo}
   */
  public static Distribution uniform(double lo, double hi) {
    requireNonNegative("lo", lo);
    requireNonNegative("hi", hi);
    if (hi < lo) {
      throw new IllegalArgumentException("hi must be >= lo (" + lo + "), but was " + hi);
    }
    return new Distribution(Kind.UNIFORM, lo, hi - lo, null);
  }

  /**
   * Exponential with a mean.
   *
   * @param mean finite, {@code > 0}
   * @return the distribution
   * @throws IllegalArgumentException if not positive and finite
   */
  public static Distribution exponential(double mean) {
    requirePositive("mean", mean);
    return new Distribution(Kind.EXPONENTIAL, mean, 0, null);
  }

  /**
   * Log-normal with a median and a 99th percentile: {@code median × exp(σ·Z)} with {@code σ = ln(p99 /
   * median) / z(0.99)}.
   *
   * @param median finite, {@code > 0}
   * @param p99 finite, {@code >= median}
   * @return the distribution
   * @throws IllegalArgumentException if not positive and finite, or {@code p99 < median}
   */
  public static Distribution lognormal(double median, double p99) {
    requirePositive("median", median);
    requirePositive("p99", p99);
    if (p99 < median) {
      throw new IllegalArgumentException("p99 must be >= median (" + median + "), but was " + p99);
    }
    return new Distribution(Kind.LOGNORMAL, median, Math.log(p99 / median) / Z99, null);
  }

  /**
   * The empirical distribution of samples, interpolated linearly between order statistics.
   *
   * @param samples at least one, each finite and {@code >= 0}
   * @return the distribution
   * @throws IllegalArgumentException if empty, or a sample is negative or not finite
   */
  public static Distribution empirical(double... samples) {
    Objects.requireNonNull(samples, "samples");
    if (samples.length == 0) {
      throw new IllegalArgumentException("samples must not be empty, but was []");
    }
    double[] s = samples.clone();
    for (int i = 0; i < s.length; i++) {
      requireNonNegative("samples[" + i + "]", s[i]);
    }
    Arrays.sort(s);
    return new Distribution(Kind.EMPIRICAL, 0, 0, s);
  }

  /**
   * The distribution recorded in an HdrHistogram (e.g. a measured TTFT histogram), kept as 2,049 quantiles
   * and sampled by inverse CDF.
   *
   * @param histogram a non-empty histogram
   * @param unitsPerValue multiplies every recorded value (e.g. {@code 0.001} for microseconds to
   *     milliseconds), finite and {@code > 0}
   * @return the distribution
   * @throws IllegalArgumentException if the histogram is empty or the factor is not positive and finite
   */
  public static Distribution fromHistogram(AbstractHistogram histogram, double unitsPerValue) {
    Objects.requireNonNull(histogram, "histogram");
    requirePositive("unitsPerValue", unitsPerValue);
    if (histogram.getTotalCount() == 0) {
      throw new IllegalArgumentException("histogram must not be empty, but had 0 values");
    }
    double[] q = new double[HISTOGRAM_QUANTILES + 1];
    for (int i = 0; i <= HISTOGRAM_QUANTILES; i++) {
      double pct = 100.0 * i / HISTOGRAM_QUANTILES;
      long v = i == 0 ? histogram.getMinValue() : histogram.getValueAtPercentile(pct);
      q[i] = v * unitsPerValue;
    }
    return ofQuantiles(q);
  }

  /**
   * The distribution measured by {@code tradeoff-metrics} (a TTFT, TPOT or end-to-end histogram of a load
   * run), kept as 2,049 quantiles and sampled by inverse CDF.
   *
   * @param histogram a non-empty histogram of nanoseconds
   * @param unitsPerNanosecond multiplies every value (e.g. {@code 1e-6} for milliseconds), finite and
   *     {@code > 0}
   * @return the distribution
   * @throws IllegalArgumentException if the histogram is empty or the factor is not positive and finite
   */
  public static Distribution fromHistogram(LatencyHistogram histogram, double unitsPerNanosecond) {
    Objects.requireNonNull(histogram, "histogram");
    requirePositive("unitsPerNanosecond", unitsPerNanosecond);
    if (histogram.count() == 0) {
      throw new IllegalArgumentException("histogram must not be empty, but had 0 values");
    }
    double[] q = new double[HISTOGRAM_QUANTILES + 1];
    for (int i = 0; i <= HISTOGRAM_QUANTILES; i++) {
      q[i] = (i == 0 ? histogram.minNanos() : histogram.percentileNanos(100.0 * i / HISTOGRAM_QUANTILES))
          * unitsPerNanosecond;
    }
    return ofQuantiles(q);
  }

  /**
   * A distribution from ascending, evenly spaced quantiles (0th to 100th percentile).
   *
   * @param sortedQuantiles ascending, non-negative, at least one
   * @return the distribution
   */
  static Distribution ofQuantiles(double[] sortedQuantiles) {
    return new Distribution(Kind.EMPIRICAL, 0, 0, sortedQuantiles);
  }

  /**
   * The reciprocal distribution scaled: draws {@code factor / x} (e.g. tokens per second from time per output
   * token). Empirical distributions only; quantiles reverse order.
   *
   * @param factor the numerator
   * @return the distribution
   */
  Distribution reciprocal(double factor) {
    if (kind != Kind.EMPIRICAL) {
      throw new IllegalStateException("reciprocal needs an empirical distribution, but was " + kind);
    }
    double[] r = new double[sorted.length];
    for (int i = 0; i < sorted.length; i++) {
      double x = sorted[sorted.length - 1 - i];
      r[i] = x > 0 ? factor / x : Double.MAX_VALUE;
    }
    return ofQuantiles(r);
  }

  /**
   * One draw.
   *
   * @param random the source of randomness
   * @return a value {@code >= 0}
   */
  public double sample(RandomGenerator random) {
    switch (kind) {
      case CONSTANT:
        return a;
      case UNIFORM:
        return a + b * random.nextDouble();
      case EXPONENTIAL:
        return -a * Math.log(1.0 - random.nextDouble());
      case LOGNORMAL:
        return a * Math.exp(b * random.nextGaussian());
      default:
        double pos = random.nextDouble() * (sorted.length - 1);
        int i = (int) pos;
        if (i >= sorted.length - 1) {
          return sorted[sorted.length - 1];
        }
        return sorted[i] + (pos - i) * (sorted[i + 1] - sorted[i]);
    }
  }

  /**
   * The median.
   *
   * @return the 50th percentile
   */
  public double median() {
    switch (kind) {
      case CONSTANT:
      case LOGNORMAL:
        return a;
      case UNIFORM:
        return a + b / 2;
      case EXPONENTIAL:
        return a * Math.log(2);
      default:
        double pos = 0.5 * (sorted.length - 1);
        int i = (int) pos;
        return i >= sorted.length - 1 ? sorted[i] : sorted[i] + (pos - i) * (sorted[i + 1] - sorted[i]);
    }
  }

  private static void requireNonNegative(String name, double v) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(name + " must be finite and >= 0, but was " + v);
    }
  }

  private static void requirePositive(String name, double v) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(name + " must be finite and > 0, but was " + v);
    }
  }

  @Override
  public String toString() {
    switch (kind) {
      case CONSTANT:
        return "constant(" + a + ")";
      case UNIFORM:
        return "uniform(" + a + ", " + (a + b) + ")";
      case EXPONENTIAL:
        return "exponential(mean " + a + ")";
      case LOGNORMAL:
        return "lognormal(median " + a + ", p99 " + a * Math.exp(b * Z99) + ")";
      default:
        return "empirical(" + sorted.length + " points)";
    }
  }
}
