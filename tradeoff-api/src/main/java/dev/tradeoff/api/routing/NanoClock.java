package dev.tradeoff.api.routing;

/**
 * A monotonic nanosecond clock: the only source of time of the router, its statistics and its health
 * checks, so that tests and the traffic simulator can drive time by hand.
 *
 * <p>Values only make sense as differences, like {@link System#nanoTime()}. Implementations must be
 * thread-safe, must not allocate and must never go backwards for a single caller.
 *
 * <pre>{@code
 * long[] now = {0};
 * NanoClock manual = () -> now[0];       // a test clock
 * Router router = Router.builder().clock(manual)...build();
 * now[0] += Duration.ofSeconds(30).toNanos();
 * }</pre>
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface NanoClock {

  /** {@link System#nanoTime()}. */
  NanoClock SYSTEM = System::nanoTime;

  /**
   * The current time.
   *
   * @return nanoseconds from an arbitrary origin
   */
  long nanoTime();
}
