package dev.tradeoff.pricing.tco;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import org.immutables.value.Value;

/**
 * One month of a TCO projection for one option.
 *
 * <pre>{@code
 * for (TcoMonth m : result.months()) {
 *   chart.add(m.month(), m.cumulative());
 * }
 * }</pre>
 *
 * <p>A month whose {@link #unservedTokens()} is above zero was priced for only part of its demand: the plan's
 * capacity is too small and it has no spillover, so its cost is not the cost of the workload.
 *
 * <p>Amounts in USD rounded to {@link dev.tradeoff.pricing.Money#REPORT_SCALE} places; cumulative figures are
 * exact sums of the rounded monthly figures. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableTcoMonth.class)
@JsonDeserialize(as = ImmutableTcoMonth.class)
public interface TcoMonth {

  /** @return the month, 1-based */
  int month();

  /** @return demand relative to month 1 */
  double demandFactor();

  /** @return price level relative to year 1 (after yearly declines) */
  double priceFactor();

  /** @return the month's cost: plan, overhead, and (month 1) one-time cost, USD */
  BigDecimal cost();

  /** @return the cost discounted to today, USD */
  BigDecimal discountedCost();

  /** @return cost of months 1..this, USD */
  BigDecimal cumulative();

  /** @return discounted cost of months 1..this, USD */
  BigDecimal cumulativeDiscounted();

  /**
   * Tokens demanded this month that the plan neither serves nor spills over (capacity too small, no spillover),
   * as {@link dev.tradeoff.pricing.plan.WorkloadCost#unservedTokensPerMonth()} reports them; they cost nothing in
   * {@link #cost()} because they are not served at all.
   *
   * @return unserved tokens this month, {@code >= 0}, 0 by default
   */
  default double unservedTokens() {
    return 0;
  }

  /**
   * Whether the month's demand is all served (directly or by spillover).
   *
   * @return {@code true} if {@link #unservedTokens()} is zero
   */
  @Value.NonAttribute
  default boolean coversDemand() {
    return unservedTokens() <= 0;
  }
}
