package dev.tradeoff.metrics.stats;

import org.HdrHistogram.Histogram;

/**
 * Records latencies into an HdrHistogram in microseconds with 3 significant digits (values up to one hour),
 * without allocating: recording is a division, a range check, an array increment and two additions.
 *
 * <p>Why microseconds and 3 digits: LLM latencies span from sub-millisecond inter-token gaps on loopback to
 * minutes-long completions; 3 significant digits keep every reported value within 0.1% of the truth over that
 * whole range in a fixed ~180 KiB per recorder. Values above {@link #HIGHEST_TRACKABLE_MICROS} are recorded as
 * that maximum, and negative ones as 0; both are counted in {@link LatencyHistogram#outOfRangeCount()} rather
 * than thrown, because a recorder on a hot path must not fail. The mean and the maximum are kept exactly, not
 * at histogram precision.
 *
 * <p><b>Not thread-safe</b>, like HdrHistogram's {@code Histogram}: one recorder per writing thread (the
 * {@code LatencyRecorderBenchmark} shows why — any shared-state protocol costs several times a plain
 * increment). Merge their {@link #snapshot() snapshots} with {@link LatencyHistogram#merge}.
 *
 * <pre>{@code
 * LatencyRecorder ttft = LatencyRecorder.create();
 * for (RequestResult r : results) {
 *   r.timeline().ttftContentNanos().ifPresent(ttft::recordNanos);
 * }
 * LatencyHistogram h = ttft.snapshot();
 * double p99Ms = h.percentileMicros(99) / 1000.0;
 * }</pre>
 */
public final class LatencyRecorder {

  /** The largest value recorded as is: one hour, in microseconds. */
  public static final long HIGHEST_TRACKABLE_MICROS = 3_600_000_000L;

  /** Significant decimal digits kept for every value. */
  public static final int SIGNIFICANT_DIGITS = 3;

  private final Histogram histogram;
  private long sumMicros;
  private long maxMicros;
  private long outOfRange;

  private LatencyRecorder() {
    this.histogram = newHistogram();
  }

  static Histogram newHistogram() {
    // Lowest discernible value 1 µs; auto-resize stays off so recording never allocates.
    return new Histogram(1, HIGHEST_TRACKABLE_MICROS, SIGNIFICANT_DIGITS);
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
   * Records one latency given in nanoseconds, rounded to the nearest microsecond.
   *
   * @param nanos the latency; negative values count as 0 and as out of range
   */
  public void recordNanos(long nanos) {
    // (n + 500) / 1000 rounds half up; the JIT turns the constant division into a multiply and a shift.
    recordMicros(nanos >= 0 ? (nanos + 500) / 1000 : -1);
  }

  /**
   * Records one latency given in microseconds.
   *
   * @param micros the latency; negative values count as 0, values above {@link #HIGHEST_TRACKABLE_MICROS} as
   *     that maximum, both as out of range
   */
  public void recordMicros(long micros) {
    long v = micros;
    // One unsigned comparison covers both v < 0 and v > highest.
    if (Long.compareUnsigned(v, HIGHEST_TRACKABLE_MICROS) > 0) {
      v = v < 0 ? 0 : HIGHEST_TRACKABLE_MICROS;
      outOfRange++;
    }
    histogram.recordValue(v);
    sumMicros += v;
    if (v > maxMicros) {
      maxMicros = v;
    }
  }

  /**
   * How many values were recorded.
   *
   * @return the count
   */
  public long count() {
    return histogram.getTotalCount();
  }

  /**
   * An immutable copy of what was recorded so far.
   *
   * @return the snapshot
   */
  public LatencyHistogram snapshot() {
    return new LatencyHistogram(histogram.copy(), sumMicros, maxMicros, outOfRange);
  }

  /** Forgets every recorded value (no allocation). */
  public void reset() {
    histogram.reset();
    sumMicros = 0;
    maxMicros = 0;
    outOfRange = 0;
  }

  @Override
  public String toString() {
    return "LatencyRecorder{count=" + count() + "}";
  }
}
