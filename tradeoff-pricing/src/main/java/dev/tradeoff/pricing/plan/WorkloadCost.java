package dev.tradeoff.pricing.plan;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tradeoff.pricing.InvalidValueException;
import dev.tradeoff.pricing.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The cost of a month of a {@link DemandCurve} under one {@link PricingPlan}: the total with its items, the
 * capacity bought and how well it is used.
 *
 * <pre>{@code
 * WorkloadCost c = plan.monthlyCost(demand);
 * System.out.printf("%s: $%s/month, %d units at peak, %.0f%% utilized, $%s per 1M tokens%n",
 *     c.planName(), c.monthlyTotal(), c.peakUnits(), 100 * c.utilization(), c.perMillionTokens());
 * }</pre>
 *
 * <p>Amounts are USD per 730-hour month, each item rounded once to {@link Money#REPORT_SCALE} places (half-even)
 * and the total is their exact sum. {@link #utilization()} is the share of paid capacity that served tokens
 * (1 for pay-as-you-go). Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableWorkloadCost.class)
@JsonDeserialize(as = ImmutableWorkloadCost.class)
public interface WorkloadCost {

  /** @return the plan's name */
  String planName();

  /** @return the plan's kind */
  PlanKind planKind();

  /** @return the monthly cost items */
  List<CostItem> items();

  /** @return USD per month: the exact sum of {@link #items()} */
  BigDecimal monthlyTotal();

  /** @return tokens demanded per month */
  double tokensPerMonth();

  /** @return tokens per month sent to the spillover plan (0 if none) */
  default double spilledTokensPerMonth() {
    return 0;
  }

  /** @return tokens per month neither served nor spilled — capacity too small and no spillover (0 normally) */
  default double unservedTokensPerMonth() {
    return 0;
  }

  /** @return capacity units (PTUs, GSUs, instances) deployed in the busiest hour; 0 for per-token plans */
  default int peakUnits() {
    return 0;
  }

  /** @return average units deployed over the week */
  default double averageUnits() {
    return 0;
  }

  /** @return units deployed per hour of the week (168 values), empty for per-token plans */
  List<Integer> unitsByHour();

  /** @return served capacity tokens / paid capacity tokens over the month, in [0, 1]; 1 for per-token plans */
  double utilization();

  /** @return the highest hourly utilization of deployed capacity, in [0, 1] */
  double peakUtilization();

  /** @return an up-front payment per commitment term (committed plans paid up front), else zero */
  default BigDecimal upfrontPayment() {
    return BigDecimal.ZERO;
  }

  /** @return the commitment term in months the up-front payment covers, or 0 */
  default int termMonths() {
    return 0;
  }

  /** @return explanations: sizing, spillover, capacity shortfalls, assumptions */
  List<String> notes();

  /**
   * Checks that the total is the exact sum of the items.
   *
   * @throws InvalidValueException if not
   */
  @Value.Check
  default void check() {
    BigDecimal sum = BigDecimal.ZERO;
    for (CostItem i : items()) {
      sum = sum.add(i.amount());
    }
    if (sum.compareTo(monthlyTotal()) != 0) {
      throw InvalidValueException.of("monthlyTotal", "the sum of the items, " + sum.toPlainString(),
          monthlyTotal().toPlainString());
    }
  }

  /**
   * The effective price: monthly total per million tokens demanded.
   *
   * @return USD per 1M tokens, or empty if the demand is zero
   */
  @Value.NonAttribute
  default Optional<BigDecimal> perMillionTokens() {
    if (tokensPerMonth() <= 0) {
      return Optional.empty();
    }
    return Optional.of(monthlyTotal().multiply(BigDecimal.valueOf(1_000_000))
        .divide(BigDecimal.valueOf(tokensPerMonth()), Money.WORKING).setScale(Money.REPORT_SCALE, RoundingMode.HALF_EVEN));
  }

  /**
   * Whether all demand is served (directly or by spillover).
   *
   * @return {@code true} if nothing is unserved
   */
  @Value.NonAttribute
  default boolean coversDemand() {
    return unservedTokensPerMonth() <= 0;
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableWorkloadCost.Builder builder() {
    return ImmutableWorkloadCost.builder();
  }
}
