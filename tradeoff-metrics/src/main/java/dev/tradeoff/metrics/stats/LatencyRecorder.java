package dev.tradeoff.metrics.stats;

import java.util.Arrays;
import org.HdrHistogram.Histogram;

/**
 * Records latencies in nanoseconds with 3 significant digits and 1 µs lowest discernible value (values up to
 * one hour), in HdrHistogram's bucket layout, without allocating: recording is a range check, a leading-zero
 * count, two shifts, an array increment and two additions. {@link #snapshot()} turns the counts into an
 * HdrHistogram.
 *
 * <p>Precision: a value is kept as its bucket, 512 ns wide below 1,048,576 ns (2^11 units of 512 ns, the power
 * of two below the 1 µs lowest discernible value) and 1/1024 of its lower bound above (under 0.1%, 3
 * significant digits) — the equivalent of "microseconds, 3 significant digits" without dividing on the hot path.
 * So the absolute error is at most 511 ns, which is more than 0.1% below about 0.5 ms (see {@link
 * LatencyHistogram} for what percentiles report). LLM latencies span from sub-millisecond inter-token gaps on
 * loopback to minutes-long completions; this covers the whole range in a fixed ~190 KiB per recorder.
 *
 * <p>Out of range: a value above {@link #HIGHEST_TRACKABLE_NANOS} (one hour) is recorded as that maximum and a
 * negative value as 0 — in the buckets, the sum and the maximum alike — and both are counted in {@link
 * LatencyHistogram#outOfRangeCount()} rather than thrown, because a recorder on a hot path must not fail. The
 * sum (hence the mean) and the maximum are exact over the values <em>as recorded</em>: for values in [0, one
 * hour] they are the exact sum and maximum; otherwise they include the clamped values (recording 1 ms and
 * 7,200,000,000,000 ns gives a maximum of 3,600,000,000,000 ns and a mean of 1,800,000,500,000 ns, with one
 * value out of range). Clamping keeps the sum, the maximum and the percentiles describing the same values and
 * the sum far from overflow (a {@code long} holds over 2.5 million hours of clamped values).
 *
 * <p><b>Not thread-safe</b>, like HdrHistogram's {@code Histogram}: one recorder per writing thread (the
 * {@code LatencyRecorderBenchmark} shows why — HdrHistogram's shared {@code Recorder} costs several times a
 * plain increment). Merge their {@link #snapshot() snapshots} with {@link LatencyHistogram#merge}.
 *
 * <pre>{@code
 * LatencyRecorder ttft = LatencyRecorder.create();
 * for (RequestResult r : results) {
 *   r.timeline().ttftContentNanos().ifPresent(ttft::recordNanos);
 * }
 * LatencyHistogram h = ttft.snapshot();
 * double p99Ms = h.percentileNanos(99) / 1e6;
 * }</pre>
 */
public final class LatencyRecorder {

  /** The largest value recorded as is: one hour, in nanoseconds. */
  public static final long HIGHEST_TRACKABLE_NANOS = 3_600_000_000_000L;

  /** HdrHistogram's lowest discernible value: 1 µs, in nanoseconds. */
  public static final long LOWEST_DISCERNIBLE_NANOS = 1_000L;

  /** Significant decimal digits kept for every value. */
  public static final int SIGNIFICANT_DIGITS = 3;

  // HdrHistogram's layout for lowest discernible value 1000 and 3 significant digits, computed here so that
  // recording is a few integer instructions on a plain long[]: HdrHistogram's own recordValue also maintains
  // min/max and its total count and guards against resizing (LatencyRecorderBenchmark measures the
  // difference). The unit is 2^9 = 512 ns, the largest power of two not above 1000. Three digits need
  // single-unit resolution up to 2 × 10^3 units, so a bucket has 2048 (2^11) sub-buckets: bucket 0 covers
  // units [0, 2048) one by one, and bucket b > 0 covers [2^(10+b), 2^(11+b)) units in steps of 2^b units,
  // using only its upper 1024 sub-buckets (the lower half is bucket b − 1's range).
  private static final int UNIT_MAGNITUDE = 9;
  private static final int SUB_BUCKET_COUNT_MAGNITUDE = 11;
  private static final int SUB_BUCKET_HALF_COUNT_MAGNITUDE = SUB_BUCKET_COUNT_MAGNITUDE - 1;
  private static final int SUB_BUCKET_HALF_COUNT = 1 << SUB_BUCKET_HALF_COUNT_MAGNITUDE;
  private static final long SUB_BUCKET_MASK = ((1L << SUB_BUCKET_COUNT_MAGNITUDE) - 1) << UNIT_MAGNITUDE;
  /** numberOfLeadingZeros(v | mask) is 64 − 9 − 11 = 44 for every v in bucket 0, one less per bucket above. */
  private static final int LEADING_ZERO_COUNT_BASE = 64 - UNIT_MAGNITUDE - SUB_BUCKET_COUNT_MAGNITUDE;
  private static final int COUNTS_LENGTH = index(HIGHEST_TRACKABLE_NANOS) + 1;

  private final long[] counts = new long[COUNTS_LENGTH];
  private long sumNanos;
  private long maxNanos;
  private long outOfRange;

  private LatencyRecorder() {}

  static Histogram newHistogram() {
    // Auto-resize stays off: the range is fixed.
    return new Histogram(LOWEST_DISCERNIBLE_NANOS, HIGHEST_TRACKABLE_NANOS, SIGNIFICANT_DIGITS);
  }

  /** The counts index of a value in [0, HIGHEST_TRACKABLE_NANOS]: HdrHistogram's layout, see above. */
  private static int index(long nanos) {
    int bucket = LEADING_ZERO_COUNT_BASE - Long.numberOfLeadingZeros(nanos | SUB_BUCKET_MASK);
    int subBucket = (int) (nanos >>> (bucket + UNIT_MAGNITUDE));
    return ((bucket + 1) << SUB_BUCKET_HALF_COUNT_MAGNITUDE) + subBucket - SUB_BUCKET_HALF_COUNT;
  }

  /** The lowest value that maps to counts index {@code i} (the inverse of {@link #index}). */
  private static long valueAt(int i) {
    int bucket = (i >> SUB_BUCKET_HALF_COUNT_MAGNITUDE) - 1;
    int subBucket = (i & (SUB_BUCKET_HALF_COUNT - 1)) + SUB_BUCKET_HALF_COUNT;
    if (bucket < 0) {
      subBucket -= SUB_BUCKET_HALF_COUNT;
      bucket = 0;
    }
    return (long) subBucket << (bucket + UNIT_MAGNITUDE);
  }

  /**
   * A new, empty recorder.
   *
   * @return the recorder
   */
  public static LatencyRecorder create() {
    return new LatencyRecorder();
  }

  /**
   * Records one latency.
   *
   * @param nanos the latency in nanoseconds; negative values are recorded as 0, values above {@link
   *     #HIGHEST_TRACKABLE_NANOS} as that maximum (in the buckets, sum and maximum), both counted as out of
   *     range
   */
  public void recordNanos(long nanos) {
    long v = nanos;
    // One unsigned comparison covers both v < 0 and v > highest.
    if (Long.compareUnsigned(v, HIGHEST_TRACKABLE_NANOS) > 0) {
      v = v < 0 ? 0 : HIGHEST_TRACKABLE_NANOS;
      outOfRange++;
    }
    counts[index(v)]++;
    sumNanos += v;
    if (v > maxNanos) {
      maxNanos = v;
    }
  }

  /**
   * How many values were recorded (sums the buckets: not for a hot path).
   *
   * @return the count
   */
  public long count() {
    long n = 0;
    for (long c : counts) {
      n += c;
    }
    return n;
  }

  /**
   * An immutable copy of what was recorded so far, as an HdrHistogram.
   *
   * @return the snapshot
   */
  public LatencyHistogram snapshot() {
    Histogram h = newHistogram();
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] != 0) {
        h.recordValueWithCount(valueAt(i), counts[i]);
      }
    }
    return new LatencyHistogram(h, sumNanos, maxNanos, outOfRange);
  }

  /** Forgets every recorded value (no allocation). */
  public void reset() {
    Arrays.fill(counts, 0);
    sumNanos = 0;
    maxNanos = 0;
    outOfRange = 0;
  }

  @Override
  public String toString() {
    return "LatencyRecorder{count=" + count() + "}";
  }
}
