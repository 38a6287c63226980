package dev.tradeoff.pricing.plan;

/**
 * The kinds of {@link PricingPlan}.
 *
 * <pre>{@code
 * if (cost.planKind() == PlanKind.PROVISIONED) { ... }
 * }</pre>
 *
 * @since 0.1.0
 */
public enum PlanKind {
  /** Per-token prices. */
  PAY_AS_YOU_GO,
  /** Reserved or hourly capacity units (PTU, model unit, GSU, Scale Tier unit). */
  PROVISIONED,
  /** A spend commitment with a discount; unused commitment is still paid. */
  COMMITTED,
  /** Own GPU instances. */
  SELF_HOSTED
}
