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
}
