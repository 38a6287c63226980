package dev.tradeoff.pricing.selfhost;

/**
 * Which price of a {@link GpuInstance} applies.
 *
 * <pre>{@code
 * BigDecimal hourly = instance.hourly(InstancePricing.RESERVED_1Y).orElseThrow();
 * }</pre>
 *
 * @since 0.1.0
 */
public enum InstancePricing {
  /** On-demand, per hour, no commitment. */
  ON_DEMAND,
  /** 1-year reservation / savings plan / committed-use discount (effective hourly rate, paid every hour). */
  RESERVED_1Y,
  /** 3-year reservation (effective hourly rate, paid every hour). */
  RESERVED_3Y,
  /** Spot / preemptible: cheapest, may be interrupted. */
  SPOT
}
