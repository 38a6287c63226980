package dev.tradeoff.api.routing;

/**
 * Told when a candidate's {@link HealthState} changes (ejected, probing, healthy again).
 *
 * <p>Called synchronously on the thread whose request caused the change, while the candidate's breaker
 * holds its lock: an implementation must return quickly, must not block and should not throw. Anything it throws is
 * caught and logged (SLF4J, WARN, logger {@code dev.tradeoff.api.routing.CircuitBreaker}) and the state change
 * stands, so a broken listener never breaks routing.
 *
 * <pre>{@code
 * HealthListener log = (id, from, to, reason, atNanos) ->
 *     System.err.println(id + ": " + from + " -> " + to + " (" + reason + ")");
 * }</pre>
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface HealthListener {

  /** Ignores every change. */
  HealthListener NONE = (candidateId, from, to, reason, atNanos) -> { };

  /**
   * A state change.
   *
   * @param candidateId the candidate
   * @param from the old state
   * @param to the new state
   * @param reason why, e.g. {@code "5 consecutive failures"} or {@code "3 probes succeeded"}
   * @param atNanos when, on the router's {@link NanoClock}
   */
  void onStateChange(String candidateId, HealthState from, HealthState to, String reason, long atNanos);
}
