package dev.tradeoff.examples.sim;

import java.time.Duration;
import java.util.Objects;

/**
 * A time range, relative to the start of the {@link SimulatedProvider}, during which a model fails every request
 * in the manner of {@link #kind()}. The range is half-open: {@code start <= t < end}.
 *
 * <pre>{@code
 * // the model is overloaded from minute 5 to minute 7 after SimulatedProvider.start(..)
 * OutageWindow outage = OutageWindow.of(Duration.ofMinutes(5), Duration.ofMinutes(7), OutageKind.OVERLOADED);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param start offset from server start at which the outage begins; not negative
 * @param end offset from server start at which the outage ends; after {@code start}
 * @param kind what the model does during the outage
 */
public record OutageWindow(Duration start, Duration end, OutageKind kind) {

  /**
   * Validates the window.
   *
   * @throws IllegalArgumentException if {@code start} is negative or {@code end} is not after {@code start}
   * @throws NullPointerException if any argument is null
   */
  public OutageWindow {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(kind, "kind");
    if (start.isNegative()) {
      throw new IllegalArgumentException("start must be >= 0, but was " + start);
    }
    if (end.compareTo(start) <= 0) {
      throw new IllegalArgumentException("end must be after start (" + start + "), but was " + end);
    }
  }

  /** Same as the constructor; reads better at call sites. */
  public static OutageWindow of(Duration start, Duration end, OutageKind kind) {
    return new OutageWindow(start, end, kind);
  }

  /** Whether an instant {@code sinceStart} after server start lies inside this window. */
  public boolean contains(Duration sinceStart) {
    return sinceStart.compareTo(start) >= 0 && sinceStart.compareTo(end) < 0;
  }
}
