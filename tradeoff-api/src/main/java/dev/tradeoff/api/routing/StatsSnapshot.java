package dev.tradeoff.api.routing;

import java.util.Objects;
import java.util.Optional;

/**
 * A copy of a candidate's {@link ProviderStats} at one moment: the moving averages, the requests in flight,
 * the sliding-window counts and the last error.
 *
 * <pre>{@code
 * StatsSnapshot s = router.stats("anthropic/claude-haiku-4-5").snapshot();
 * System.out.printf("TTFT %.0f ms, %.1f%% errors in the last %s%n",
 *     s.ttftNanos() / 1e6, 100 * s.window().errorRate(), StatsConfig.DEFAULT_WINDOW);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param ttftNanos moving average of time to first token, nanoseconds
 * @param outputTokensPerSecond moving average of output tokens per second
 * @param errorRate moving average of the error rate, in [0, 1]
 * @param inFlight requests in flight
 * @param window counts over the sliding window
 * @param lastError the last failure, empty if none
 * @since 0.1.0
 */
public record StatsSnapshot(
    double ttftNanos,
    double outputTokensPerSecond,
    double errorRate,
    long inFlight,
    Window window,
    Optional<ErrorEvent> lastError) {

  /**
   * Checks the components.
   *
   * @param ttftNanos see the record component
   * @param outputTokensPerSecond see the record component
   * @param errorRate see the record component
   * @param inFlight see the record component
   * @param window see the record component
   * @param lastError see the record component
   * @throws NullPointerException if window or lastError is null
   */
  public StatsSnapshot {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(lastError, "lastError");
  }

  /**
   * Counts over the sliding window.
   *
   * <pre>{@code
   * Window w = stats.window();
   * if (w.requests() >= 20 && w.errorRate() > 0.5) { ... }
   * }</pre>
   *
   * @param requests finished requests
   * @param failures failed requests
   * @param meanTtftNanos mean time to first token of the successful ones, nanoseconds (0 if none)
   * @param outputTokensPerSecond output tokens over generation time (0 if none)
   */
  public record Window(long requests, long failures, double meanTtftNanos, double outputTokensPerSecond) {

    /**
     * Failures over requests.
     *
     * @return in [0, 1]; 0 when no request finished in the window
     */
    public double errorRate() {
      return requests == 0 ? 0 : Math.min(1.0, (double) failures / requests);
    }
  }
}
