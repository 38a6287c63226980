package dev.tradeoff.api.routing;

import dev.tradeoff.metrics.FailureKind;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.immutables.value.Value;

/**
 * When a candidate is ejected from routing (its circuit opens), for how long, and how it comes back.
 *
 * <p>A closed circuit opens when any of these holds:
 * <ul>
 *   <li>{@link #consecutiveFailures()} requests in a row failed (fast detection of an outage: the
 *       number of requests an outage costs before ejection is bounded by this);</li>
 *   <li>over the sliding {@link #window()}, with at least {@link #minimumRequests()} finished requests,
 *       the failure rate reached {@link #errorRateThreshold()};</li>
 *   <li>over the same window, the share of successful requests whose time to first token exceeded
 *       {@link #slowCallThreshold()} reached {@link #slowCallRateThreshold()} (a latency outlier).</li>
 * </ul>
 * Failures of a kind in {@link #ignoredFailures()} (the client's own fault) count for nothing. An open
 * circuit takes no traffic for {@code cooldown × n} (capped at {@link #maxCooldown()}), {@code n} being
 * how many times in a row it was ejected — a candidate that keeps failing is retried less and less often;
 * {@code n} starts over once it has stayed closed for {@link #maxCooldown()}. After the cooldown it turns
 * half-open: at most {@link #halfOpenProbes()} requests are let through; when that many succeed it closes,
 * and the first failure — or no answer to a probe within {@link #halfOpenMaxWait()} — opens it again. The
 * counts after a close start afresh.
 *
 * <pre>{@code
 * HealthConfig health = HealthConfig.builder()
 *     .consecutiveFailures(3)
 *     .cooldown(Duration.ofSeconds(5))
 *     .slowCallThreshold(Duration.ofSeconds(2))
 *     .slowCallRateThreshold(0.8)
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
public interface HealthConfig {

  /** Default consecutive failures that eject a candidate: 5 requests. */
  int DEFAULT_CONSECUTIVE_FAILURES = 5;
  /** Default failure rate that ejects a candidate: 0.5 (50%) of the window's requests. */
  double DEFAULT_ERROR_RATE_THRESHOLD = 0.5;
  /** Default time to first token above which a successful request is slow: 10 seconds. */
  Duration DEFAULT_SLOW_CALL_THRESHOLD = Duration.ofSeconds(10);
  /** Default share of slow requests that ejects a candidate: 1.0 (all of the window's successes). */
  double DEFAULT_SLOW_CALL_RATE_THRESHOLD = 1.0;
  /** Default finished requests the window needs before rates are judged: 20 requests. */
  int DEFAULT_MINIMUM_REQUESTS = 20;
  /** Default sliding window for the rates: 10 seconds. */
  Duration DEFAULT_WINDOW = Duration.ofSeconds(10);
  /** Default first ejection time: 30 seconds. */
  Duration DEFAULT_COOLDOWN = Duration.ofSeconds(30);
  /** Default longest ejection time: 300 seconds. */
  Duration DEFAULT_MAX_COOLDOWN = Duration.ofSeconds(300);
  /** Default probe requests let through while half-open: 3 requests. */
  int DEFAULT_HALF_OPEN_PROBES = 3;
  /** Default {@link #halfOpenMaxWait()}: 10 minutes, longer than any legitimate LLM request. */
  Duration DEFAULT_HALF_OPEN_MAX_WAIT = Duration.ofMinutes(10);

  /**
   * Failures in a row that eject.
   *
   * @return at least 1; {@value #DEFAULT_CONSECUTIVE_FAILURES} by default
   */
  @Value.Default
  default int consecutiveFailures() {
    return DEFAULT_CONSECUTIVE_FAILURES;
  }

  /**
   * Failure rate over the window that ejects.
   *
   * @return in (0, 1]; {@value #DEFAULT_ERROR_RATE_THRESHOLD} by default
   */
  @Value.Default
  default double errorRateThreshold() {
    return DEFAULT_ERROR_RATE_THRESHOLD;
  }

  /**
   * Time to first token above which a successful request counts as slow.
   *
   * @return positive; {@link #DEFAULT_SLOW_CALL_THRESHOLD} by default
   */
  @Value.Default
  default Duration slowCallThreshold() {
    return DEFAULT_SLOW_CALL_THRESHOLD;
  }

  /**
   * Share of slow successful requests over the window that ejects.
   *
   * @return in (0, 1]; {@value #DEFAULT_SLOW_CALL_RATE_THRESHOLD} by default
   */
  @Value.Default
  default double slowCallRateThreshold() {
    return DEFAULT_SLOW_CALL_RATE_THRESHOLD;
  }

  /**
   * Finished requests in the window before the rates are judged.
   *
   * @return at least 1; {@value #DEFAULT_MINIMUM_REQUESTS} by default
   */
  @Value.Default
  default int minimumRequests() {
    return DEFAULT_MINIMUM_REQUESTS;
  }

  /**
   * The sliding window for the failure and slow-call rates (10 buckets).
   *
   * @return at least 10 ns; {@link #DEFAULT_WINDOW} by default
   */
  @Value.Default
  default Duration window() {
    return DEFAULT_WINDOW;
  }

  /**
   * The first ejection time; the n-th ejection in a row lasts n times as long.
   *
   * @return positive; {@link #DEFAULT_COOLDOWN} by default
   */
  @Value.Default
  default Duration cooldown() {
    return DEFAULT_COOLDOWN;
  }

  /**
   * The longest ejection time.
   *
   * @return at least {@link #cooldown()}; {@link #DEFAULT_MAX_COOLDOWN} by default
   */
  @Value.Default
  default Duration maxCooldown() {
    return DEFAULT_MAX_COOLDOWN;
  }

  /**
   * Probe requests let through while half-open, and successes needed to close.
   *
   * @return at least 1; {@value #DEFAULT_HALF_OPEN_PROBES} by default
   */
  @Value.Default
  default int halfOpenProbes() {
    return DEFAULT_HALF_OPEN_PROBES;
  }

  /**
   * The longest a half-open circuit, its probe permits all taken, waits after the last was taken for the probes to
   * decide (close it, or open it on a failure). A probe whose
   * result is never reported (a lost callback, a request abandoned without {@code onFailure}) would otherwise hold
   * its permit for good and keep the candidate out of rotation forever. When the wait passes with a permit still
   * unanswered, the circuit opens again, as after a failed probe ("no probe result within …"), and after its
   * cooldown sends fresh probes; a result of an old probe that arrives later is ignored, like any result of a
   * request sent before a state change. Keep it longer than the slowest legitimate request.
   *
   * @return positive; {@link #DEFAULT_HALF_OPEN_MAX_WAIT} by default
   */
  @Value.Default
  default Duration halfOpenMaxWait() {
    return DEFAULT_HALF_OPEN_MAX_WAIT;
  }

  /**
   * Failure kinds that say nothing about the candidate's health (the request itself was bad, or the caller
   * cancelled it).
   *
   * @return by default {@link FailureKind#HTTP_CLIENT_ERROR} and {@link FailureKind#CANCELLED}
   */
  @Value.Default
  default Set<FailureKind> ignoredFailures() {
    return EnumSet.of(FailureKind.HTTP_CLIENT_ERROR, FailureKind.CANCELLED);
  }

  /**
   * The defaults.
   *
   * @return the default configuration
   */
  static HealthConfig defaults() {
    return builder().build();
  }

  /**
   * A configuration that never ejects anything (for baselines).
   *
   * @return the configuration
   */
  static HealthConfig disabled() {
    return builder()
        .consecutiveFailures(Integer.MAX_VALUE)
        .minimumRequests(Integer.MAX_VALUE)
        .build();
  }

  /**
   * A new builder.
   *
   * @return a builder
   */
  static ImmutableHealthConfig.Builder builder() {
    return ImmutableHealthConfig.builder();
  }

  /**
   * Rejects bad values.
   *
   * @throws IllegalArgumentException naming the value
   */
  @Value.Check
  default void check() {
    if (consecutiveFailures() < 1) {
      throw new IllegalArgumentException("consecutiveFailures must be >= 1, but was " + consecutiveFailures());
    }
    requireRate("errorRateThreshold", errorRateThreshold());
    requireRate("slowCallRateThreshold", slowCallRateThreshold());
    requirePositive("slowCallThreshold", slowCallThreshold());
    if (minimumRequests() < 1) {
      throw new IllegalArgumentException("minimumRequests must be >= 1, but was " + minimumRequests());
    }
    if (window().toNanos() < 10) {
      throw new IllegalArgumentException("window must be >= 10 ns, but was " + window());
    }
    requirePositive("cooldown", cooldown());
    if (maxCooldown().compareTo(cooldown()) < 0) {
      throw new IllegalArgumentException(
          "maxCooldown must be >= cooldown (" + cooldown() + "), but was " + maxCooldown());
    }
    if (halfOpenProbes() < 1) {
      throw new IllegalArgumentException("halfOpenProbes must be >= 1, but was " + halfOpenProbes());
    }
    requirePositive("halfOpenMaxWait", halfOpenMaxWait());
  }

  private static void requireRate(String name, double v) {
    if (!(v > 0 && v <= 1)) {
      throw new IllegalArgumentException(name + " must be in (0, 1], but was " + v);
    }
  }

  private static void requirePositive(String name, Duration d) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, but was " + d);
    }
  }
}
