package dev.tradeoff.api.routing.sim;

/**
 * Why a simulated request ended without an answer. Every request the simulator creates ends either served
 * or failed with exactly one of these.
 *
 * <pre>{@code
 * long budgetDenied = result.failures().getOrDefault(FailureReason.RETRY_BUDGET_EXHAUSTED, 0L);
 * }</pre>
 *
 * @since 0.1.0
 */
public enum FailureReason {
  /** No candidate passed the filters and health checks for the first attempt. */
  NO_CANDIDATE,
  /** An attempt failed and no untried candidate was left (or the fallback chain was exhausted). */
  NO_FALLBACK,
  /** An attempt failed and the retry budget allowed no retry. */
  RETRY_BUDGET_EXHAUSTED,
  /** The scenario's maximum number of attempts failed. */
  MAX_ATTEMPTS,
  /** An attempt failed with a kind that is not worth retrying (e.g. HTTP 4xx). */
  NOT_RETRYABLE
}
