package dev.tradeoff.metrics.load;

import java.util.Arrays;

/**
 * A precomputed open-loop schedule: the intended send time of every request, as offsets from the step's start.
 * Computing it before the run means the arrival process never depends on how the server responds — the
 * precondition for measuring latency from the <em>intended</em> send time (no coordinated omission).
 *
 * <p>Immutable and thread-safe; accessors copy.
 *
 * <pre>{@code
 * Schedule s = LoadProfile.poisson(5.0, 42).schedule(100, Duration.ofMinutes(1));
 * s.offsetNanos(0);   // 0: the first request goes at the start
 * s.size();           // 100, or fewer if the 100th arrival would fall after one minute
 * }</pre>
 */
public final class Schedule {

  private final long[] offsets;

  Schedule(long[] offsets) {
    this.offsets = offsets;
  }

  /**
   * A schedule from explicit offsets.
   *
   * @param offsetsNanos non-decreasing, non-negative offsets from the start, in nanoseconds
   * @return the schedule
   * @throws IllegalArgumentException if an offset is negative or smaller than its predecessor
   */
  public static Schedule of(long... offsetsNanos) {
    for (int i = 0; i < offsetsNanos.length; i++) {
      if (offsetsNanos[i] < 0 || (i > 0 && offsetsNanos[i] < offsetsNanos[i - 1])) {
        throw new IllegalArgumentException(
            "offsetsNanos must be non-negative and non-decreasing, but offset " + i + " was " + offsetsNanos[i]);
      }
    }
    return new Schedule(offsetsNanos.clone());
  }

  /**
   * How many requests the schedule sends.
   *
   * @return the count
   */
  public int size() {
    return offsets.length;
  }

  /**
   * When request {@code i} is intended to be sent.
   *
   * @param i the request index
   * @return nanoseconds after the step's start
   * @throws IndexOutOfBoundsException if {@code i} is out of range
   */
  public long offsetNanos(int i) {
    return offsets[i];
  }

  /**
   * All offsets.
   *
   * @return a fresh array of nanosecond offsets
   */
  public long[] offsetsNanos() {
    return offsets.clone();
  }

  /**
   * The offset of the last request.
   *
   * @return nanoseconds, 0 when empty
   */
  public long spanNanos() {
    return offsets.length == 0 ? 0 : offsets[offsets.length - 1];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Schedule && Arrays.equals(offsets, ((Schedule) o).offsets);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(offsets);
  }

  @Override
  public String toString() {
    return "Schedule{requests=" + offsets.length + ", spanMs=" + spanNanos() / 1e6 + "}";
  }
}
