package dev.tradeoff.pricing.plan;

/**
 * How provisioned units are paid for.
 *
 * <pre>{@code
 * ProvisionedPlan.builder().billing(Billing.RESERVED)...
 * }</pre>
 *
 * @since 0.1.0
 */
public enum Billing {
  /**
   * Per deployed unit-hour ("charged an hourly rate ($/PTU/hr) on the number of PTUs that have been deployed";
   * partial hours prorated by the minute).
   */
  HOURLY,
  /**
   * A reservation of units for a term at a monthly-equivalent price, paid whether used or not; units deployed
   * beyond the reservation are billed at the hourly rate ("the excess is charged at the hourly rate").
   */
  RESERVED
}
