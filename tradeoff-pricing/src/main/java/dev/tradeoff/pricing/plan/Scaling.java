package dev.tradeoff.pricing.plan;

/**
 * How a capacity deployment follows the demand curve.
 *
 * <pre>{@code
 * SelfHostedPlan.builder().scaling(Scaling.PER_HOUR)...
 * }</pre>
 *
 * @since 0.1.0
 */
public enum Scaling {
  /** One size for the whole week, chosen for the peak hour (with headroom). */
  FIXED,
  /** Resized every hour to that hour's demand (with headroom), never below the minimum. */
  PER_HOUR
}
