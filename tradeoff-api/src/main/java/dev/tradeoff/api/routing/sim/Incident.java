package dev.tradeoff.api.routing.sim;

import dev.tradeoff.metrics.FailureKind;
import java.time.Duration;
import java.util.Objects;

/**
 * Something that goes wrong with one simulated candidate for a while: an outage (every attempt fails), a
 * latency spike (time to first token and generation take {@code factor} times longer), or an error burst
 * (each attempt fails with a probability). Times are measured from the start of the simulation; the window
 * is {@code [from, to)} and applies to attempts <em>sent</em> inside it.
 *
 * <pre>{@code
 * Incident down = Incident.outage("openai-mini", Duration.ofSeconds(10), Duration.ofSeconds(20));
 * Incident slow = Incident.latencySpike("haiku", Duration.ofSeconds(30), Duration.ofSeconds(45), 4.0);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind what happens
 * @param candidateId the candidate it happens to
 * @param from start, from the beginning of the simulation
 * @param to end (exclusive), after {@code from}
 * @param failure how failing attempts fail (outages and error bursts)
 * @param failAfter how long a failing attempt takes to fail
 * @param factor the latency multiplier (spikes, {@code >= 1}) or the failure probability (error bursts,
 *     in [0, 1]); 1 for outages
 * @since 0.1.0
 */
public record Incident(Kind kind, String candidateId, Duration from, Duration to, FailureKind failure,
    Duration failAfter, double factor) {

  /** Default failure of an outage: HTTP 5xx. */
  public static final FailureKind DEFAULT_FAILURE = FailureKind.HTTP_SERVER_ERROR;
  /** Default time a failing attempt takes to fail: 200 milliseconds. */
  public static final Duration DEFAULT_FAIL_AFTER = Duration.ofMillis(200);

  /** The kinds of incident. */
  public enum Kind {
    /** Every attempt fails. */
    OUTAGE,
    /** Every attempt is slower by a factor. */
    LATENCY_SPIKE,
    /** Each attempt fails with a probability. */
    ERROR_BURST
  }

  /**
   * Checks the components.
   *
   * @param kind see the record component
   * @param candidateId see the record component
   * @param from see the record component
   * @param to see the record component
   * @param failure see the record component
   * @param failAfter see the record component
   * @param factor see the record component
   * @throws IllegalArgumentException if the window is empty or negative, or the factor is out of range
   */
  public Incident {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(candidateId, "candidateId");
    Objects.requireNonNull(failure, "failure");
    if (from.isNegative()) {
      throw new IllegalArgumentException("from must be >= 0, but was " + from);
    }
    if (to.compareTo(from) <= 0) {
      throw new IllegalArgumentException("to must be after from (" + from + "), but was " + to);
    }
    if (failAfter.isNegative()) {
      throw new IllegalArgumentException("failAfter must be >= 0, but was " + failAfter);
    }
    if (kind == Kind.LATENCY_SPIKE && !(factor >= 1 && factor <= 1e6)) {
      throw new IllegalArgumentException("factor must be in [1, 1e6] for a latency spike, but was " + factor);
    }
    if (kind == Kind.ERROR_BURST && !(factor >= 0 && factor <= 1)) {
      throw new IllegalArgumentException("factor must be in [0, 1] for an error burst, but was " + factor);
    }
  }

  /**
   * An outage failing every attempt with HTTP 5xx after 200 ms.
   *
   * @param candidateId the candidate
   * @param from start
   * @param to end (exclusive)
   * @return the incident
   */
  public static Incident outage(String candidateId, Duration from, Duration to) {
    return outage(candidateId, from, to, DEFAULT_FAILURE, DEFAULT_FAIL_AFTER);
  }

  /**
   * An outage with a given failure.
   *
   * @param candidateId the candidate
   * @param from start
   * @param to end (exclusive)
   * @param failure how attempts fail (e.g. {@code CONNECTION_FAILED} for a dead endpoint)
   * @param failAfter how long each takes to fail
   * @return the incident
   */
  public static Incident outage(String candidateId, Duration from, Duration to, FailureKind failure,
      Duration failAfter) {
    return new Incident(Kind.OUTAGE, candidateId, from, to, failure, failAfter, 1);
  }

  /**
   * A latency spike.
   *
   * @param candidateId the candidate
   * @param from start
   * @param to end (exclusive)
   * @param factor how many times slower, {@code >= 1}
   * @return the incident
   */
  public static Incident latencySpike(String candidateId, Duration from, Duration to, double factor) {
    return new Incident(Kind.LATENCY_SPIKE, candidateId, from, to, DEFAULT_FAILURE, DEFAULT_FAIL_AFTER, factor);
  }

  /**
   * An error burst failing each attempt with HTTP 5xx with a probability.
   *
   * @param candidateId the candidate
   * @param from start
   * @param to end (exclusive)
   * @param probability in [0, 1]
   * @return the incident
   */
  public static Incident errorBurst(String candidateId, Duration from, Duration to, double probability) {
    return new Incident(Kind.ERROR_BURST, candidateId, from, to, DEFAULT_FAILURE, DEFAULT_FAIL_AFTER,
        probability);
  }
}
