package dev.tradeoff.metrics.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Iterator;
import java.util.Objects;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * An immutable, mergeable, serializable latency distribution in nanoseconds (HdrHistogram, 3 significant
 * digits, 1 µs lowest discernible value; see {@link LatencyRecorder}).
 *
 * <p>Percentiles use the <b>nearest-rank</b> definition: the p-th percentile of n values is the value at rank
 * {@code max(1, ceil(p/100 × n))} in ascending order, computed exactly with p the decimal written for the
 * double (99.9% of 2,000,999 values is rank 1,998,999).
 *
 * <p><b>Precision.</b> A percentile is reported as the upper end of the bucket holding that value, capped at the
 * recorded maximum, so it is never below the true value v and at most {@code max(511 ns, v / 1024)} above it.
 * Buckets are 512 ns wide below 1,048,576 ns and 1/1024 of their lower bound (under 0.1%) above; below about
 * 0.5 ms the 511 ns dominate, e.g. of 10 µs and 20 µs the p50 is reported as 10,239 ns (+2.4%). {@link
 * #minNanos()} is the lower end of its bucket, by the same amount below. All of this is for the values as
 * recorded: out-of-range values are clamped (see {@link LatencyRecorder} and {@link #outOfRangeCount()}). {@link
 * #percentileNanosCountingFailures(double, long)} adds failed requests as +∞ values ("adjusted" percentiles),
 * so that failures cannot make a latency distribution look better.
 *
 * <p>Serialization: {@link #encode()} is HdrHistogram's compressed V2 encoding in Base64, plus the exact sum,
 * maximum and out-of-range count; {@link #decode} restores an equal histogram. Merging is exact: merging
 * snapshots equals recording all values into one recorder.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * LatencyHistogram all = machineA.merge(machineB);
 * all.percentileNanos(99.9);
 * all.percentileNanosCountingFailures(99, failedRequests);    // +Infinity if p99 lands on a failure
 * String wire = all.encode();
 * LatencyHistogram again = LatencyHistogram.decode(wire);      // equals all
 * }</pre>
 */
public final class LatencyHistogram {

  private static final LatencyHistogram EMPTY = new LatencyHistogram(LatencyRecorder.newHistogram(), 0, 0, 0);

  private final Histogram histogram;
  private final long sumNanos;
  private final long maxNanos;
  private final long outOfRange;

  LatencyHistogram(Histogram histogram, long sumNanos, long maxNanos, long outOfRange) {
    this.histogram = histogram;
    this.sumNanos = sumNanos;
    this.maxNanos = maxNanos;
    this.outOfRange = outOfRange;
  }

  /**
   * The histogram without values.
   *
   * @return the empty histogram
   */
  public static LatencyHistogram empty() {
    return EMPTY;
  }

  /**
   * The number of recorded values.
   *
   * @return the count
   */
  public long count() {
    return histogram.getTotalCount();
  }

  /**
   * The exact sum of the recorded values, as recorded (out-of-range values clamped, see {@link LatencyRecorder}).
   *
   * @return nanoseconds
   */
  public long sumNanos() {
    return sumNanos;
  }

  /**
   * The mean of the recorded values: the exact sum over the count (out-of-range values clamped, see {@link
   * LatencyRecorder}).
   *
   * @return nanoseconds, {@code NaN} when empty
   */
  public double meanNanos() {
    long n = count();
    return n == 0 ? Double.NaN : (double) sumNanos / n;
  }

  /**
   * The exact maximum of the recorded values, as recorded: at most {@link LatencyRecorder#HIGHEST_TRACKABLE_NANOS},
   * to which larger values are clamped.
   *
   * @return nanoseconds, 0 when empty
   */
  public long maxNanos() {
    return maxNanos;
  }

  /**
   * The minimum, at histogram precision: the lower end of its bucket, up to {@code max(511 ns, v / 1024)} below
   * the true minimum v.
   *
   * @return nanoseconds, 0 when empty
   */
  public long minNanos() {
    return count() == 0 ? 0 : histogram.getMinValue();
  }

  /**
   * How many recorded values were out of range (negative, or above {@link
   * LatencyRecorder#HIGHEST_TRACKABLE_NANOS}) and were clamped (to 0, or to that maximum) in the buckets, the
   * sum and the maximum alike.
   *
   * @return the count
   */
  public long outOfRangeCount() {
    return outOfRange;
  }

  /**
   * The p-th percentile (nearest rank).
   *
   * @param percentile in [0, 100]
   * @return nanoseconds; {@code NaN} when empty
   * @throws IllegalArgumentException if the percentile is outside [0, 100]
   */
  public double percentileNanos(double percentile) {
    return percentileNanosCountingFailures(percentile, 0);
  }

  /**
   * The p-th percentile (nearest rank) of the recorded values together with {@code failures} values of +∞.
   *
   * @param percentile in [0, 100]
   * @param failures how many failed requests to count as +∞, {@code >= 0}
   * @return nanoseconds, {@code +Infinity} when the rank falls among the failures, {@code NaN} when there is
   *     no value at all
   * @throws IllegalArgumentException if the percentile is outside [0, 100] or failures is negative
   */
  public double percentileNanosCountingFailures(double percentile, long failures) {
    if (!(percentile >= 0 && percentile <= 100)) {
      throw new IllegalArgumentException("percentile must be in [0, 100], but was " + percentile);
    }
    if (failures < 0) {
      throw new IllegalArgumentException("failures must be >= 0, but was " + failures);
    }
    long n = count();
    long total = n + failures;
    if (total == 0) {
      return Double.NaN;
    }
    long rank = rank(percentile, total);
    if (rank > n) {
      return Double.POSITIVE_INFINITY;
    }
    return valueAtRank(rank);
  }

  /**
   * Nearest rank, exactly: {@code max(1, ceil(p/100 × total))}, where p is the decimal the caller wrote (the
   * shortest decimal that round-trips to the double, {@link Double#toString(double)}), so 99% of 100 is rank 99
   * and 99.9% of 2,000,999 is rank 1,998,999. Computed in {@link BigDecimal}, with no floating-point tolerance:
   * this is report-time code, never on a recording path.
   */
  static long rank(double percentile, long total) {
    BigDecimal exact =
        new BigDecimal(Double.toString(percentile)).multiply(BigDecimal.valueOf(total)).movePointLeft(2);
    long rank = exact.setScale(0, RoundingMode.CEILING).longValueExact();
    return Math.max(1, Math.min(total, rank));
  }

  private long valueAtRank(long rank) {
    long cumulative = 0;
    for (HistogramIterationValue v : histogram.recordedValues()) {
      cumulative += v.getCountAddedInThisIterationStep();
      if (cumulative >= rank) {
        return Math.min(histogram.highestEquivalentValue(v.getValueIteratedTo()), maxNanos);
      }
    }
    return maxNanos; // unreachable: rank <= count
  }

  /**
   * The histogram of both this and the other's values.
   *
   * @param other another histogram
   * @return a new histogram; neither input changes
   */
  public LatencyHistogram merge(LatencyHistogram other) {
    Objects.requireNonNull(other, "other");
    Histogram merged = histogram.copy();
    merged.add(other.histogram);
    return new LatencyHistogram(
        merged, sumNanos + other.sumNanos, Math.max(maxNanos, other.maxNanos), outOfRange + other.outOfRange);
  }

  /**
   * The histogram's bucket counts as HdrHistogram's compressed V2 encoding, in Base64 (without the exact sum,
   * max and out-of-range count, which {@link #encode()} carries separately in JSON).
   *
   * @return Base64 text
   */
  public String encodeHdr() {
    ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
    int n = histogram.encodeIntoCompressedByteBuffer(buffer);
    byte[] bytes = new byte[n];
    buffer.flip();
    buffer.get(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  /**
   * Everything needed to restore this histogram: {@code sum:max:outOfRange:hdrBase64}.
   *
   * @return the encoding
   */
  public String encode() {
    return sumNanos + ":" + maxNanos + ":" + outOfRange + ":" + encodeHdr();
  }

  /**
   * Restores a histogram from {@link #encode()}.
   *
   * @param encoded the encoding
   * @return the histogram
   * @throws IllegalArgumentException if the text is not a valid encoding
   */
  public static LatencyHistogram decode(String encoded) {
    String[] parts = Objects.requireNonNull(encoded, "encoded").split(":", 4);
    if (parts.length != 4) {
      throw new IllegalArgumentException("encoded histogram must be sum:max:outOfRange:hdr, but had " + parts.length + " parts");
    }
    try {
      return fromHdr(parts[3], Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("encoded histogram has a non-numeric sum, max or out-of-range count", e);
    }
  }

  /**
   * Restores a histogram from its parts.
   *
   * @param hdrBase64 {@link #encodeHdr()}
   * @param sumNanos the exact sum, in nanoseconds
   * @param maxNanos the exact maximum, in nanoseconds
   * @param outOfRange the out-of-range count
   * @return the histogram
   * @throws IllegalArgumentException if the Base64 or the HdrHistogram encoding is invalid, or the histogram's
   *     range or precision differs from {@link LatencyRecorder}'s
   */
  public static LatencyHistogram fromHdr(String hdrBase64, long sumNanos, long maxNanos, long outOfRange) {
    Histogram decoded;
    try {
      byte[] bytes = Base64.getDecoder().decode(hdrBase64);
      decoded = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0);
    } catch (DataFormatException | RuntimeException e) {
      throw new IllegalArgumentException("hdr is not a valid compressed HdrHistogram in Base64: " + e.getMessage(), e);
    }
    if (decoded.getNumberOfSignificantValueDigits() != LatencyRecorder.SIGNIFICANT_DIGITS
        || decoded.getLowestDiscernibleValue() != LatencyRecorder.LOWEST_DISCERNIBLE_NANOS) {
      throw new IllegalArgumentException(
          "hdr must have 3 significant digits and a lowest discernible value of 1000 ns, but had "
              + decoded.getNumberOfSignificantValueDigits()
              + " and "
              + decoded.getLowestDiscernibleValue());
    }
    Histogram h = LatencyRecorder.newHistogram();
    h.add(decoded);
    if (sumNanos < 0 || maxNanos < 0 || outOfRange < 0) {
      throw new IllegalArgumentException("sum, max and outOfRange must be >= 0");
    }
    return new LatencyHistogram(h, sumNanos, maxNanos, outOfRange);
  }

  /**
   * Equal when both hold the same counts in the same buckets and the same exact sum, maximum and out-of-range
   * count. (HdrHistogram's own {@code equals} also compares its internal min/max bookkeeping, which differs
   * between a histogram built by adding others and one recorded directly.)
   */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof LatencyHistogram)) {
      return false;
    }
    LatencyHistogram that = (LatencyHistogram) o;
    if (sumNanos != that.sumNanos
        || maxNanos != that.maxNanos
        || outOfRange != that.outOfRange
        || count() != that.count()) {
      return false;
    }
    Iterator<HistogramIterationValue> a = histogram.recordedValues().iterator();
    Iterator<HistogramIterationValue> b = that.histogram.recordedValues().iterator();
    while (a.hasNext() && b.hasNext()) {
      HistogramIterationValue x = a.next();
      HistogramIterationValue y = b.next();
      if (x.getValueIteratedTo() != y.getValueIteratedTo()
          || x.getCountAtValueIteratedTo() != y.getCountAtValueIteratedTo()) {
        return false;
      }
    }
    return !a.hasNext() && !b.hasNext();
  }

  @Override
  public int hashCode() {
    return Objects.hash(count(), sumNanos, maxNanos, outOfRange);
  }

  @Override
  public String toString() {
    if (count() == 0) {
      return "LatencyHistogram{count=0}";
    }
    return String.format(
        java.util.Locale.ROOT,
        "LatencyHistogram{count=%d, meanMs=%.3f, p50Ms=%.3f, p99Ms=%.3f, maxMs=%.3f}",
        count(),
        meanNanos() / 1e6,
        percentileNanos(50) / 1e6,
        percentileNanos(99) / 1e6,
        maxNanos / 1e6);
  }
}
