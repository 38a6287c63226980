package dev.tradeoff.api.routing;

/**
 * The circuit-breaker state of one routing candidate.
 *
 * <pre>{@code
 * if (router.healthState("openai/gpt-4o") == HealthState.OPEN) {
 *   alerting.page("gpt-4o ejected: " + router.stats("openai/gpt-4o").lastError());
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public enum HealthState {
  /** Healthy: receives traffic; failures and slow calls are counted. */
  CLOSED,
  /** Ejected: receives no traffic until its cooldown has passed. */
  OPEN,
  /** Cooldown over: a few probe requests decide whether it closes again or is ejected for longer. */
  HALF_OPEN
}
