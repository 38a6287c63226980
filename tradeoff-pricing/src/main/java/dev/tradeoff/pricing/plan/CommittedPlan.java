package dev.tradeoff.pricing.plan;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tradeoff.pricing.InvalidValueException;
import dev.tradeoff.pricing.internal.CommitmentMath;
import java.math.BigDecimal;
import java.util.Locale;
import org.immutables.value.Value;

/**
 * A spend commitment (enterprise agreement, committed-use or savings plan): usage priced by a {@link #base()}
 * plan, discounted, against a monthly commitment that is paid whether used or not.
 *
 * <pre>{@code
 * CommittedPlan ea = CommittedPlan.builder()
 *     .name("gpt-4o, $20k/month commit, 18% off, 12 months")
 *     .base(PayAsYouGoPlan.of(catalog.resolve("openai/gpt-4o")))
 *     .discount(0.18)
 *     .commitmentPerMonth(new BigDecimal("20000"))
 *     .termMonths(12)
 *     .payment(Payment.MONTHLY)
 *     .build();
 * }</pre>
 *
 * <h2>Rules</h2>
 * Discounted usage {@code U = base cost × (1 − discount)} draws down the commitment {@code C}; the month costs
 * {@code C + max(0, U − C)} — the unused part of {@code C} is still paid. Usage beyond the commitment is billed
 * at the discounted rate, or at list price when {@link #overageDiscounted()} is false. Paid
 * {@link Payment#UPFRONT}, the term's commitment {@code C × termMonths} is due at the start of each term
 * ({@link WorkloadCost#upfrontPayment()}); the monthly figure is then the amortized cost.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableCommittedPlan.class)
@JsonDeserialize(as = ImmutableCommittedPlan.class)
public non-sealed interface CommittedPlan extends PricingPlan {

  @Override
  String name();

  @Override
  @Value.NonAttribute
  default PlanKind kind() {
    return PlanKind.COMMITTED;
  }

  /** @return the plan that prices usage at list price */
  PricingPlan base();

  /** @return the discount on usage as a fraction in {@code [0, 1)} */
  double discount();

  /** @return the committed spend per month, USD, {@code >= 0} */
  BigDecimal commitmentPerMonth();

  /** @return the term in months, {@code >= 1} (12 by default) */
  default int termMonths() {
    return 12;
  }

  /** @return when the commitment is paid, {@link Payment#MONTHLY} by default */
  default Payment payment() {
    return Payment.MONTHLY;
  }

  /** @return whether usage beyond the commitment keeps the discount (true by default) */
  default boolean overageDiscounted() {
    return true;
  }

  /**
   * Checks discount, commitment and term.
   *
   * @throws InvalidValueException naming the field and value
   */
  @Value.Check
  default void check() {
    if (!(discount() >= 0 && discount() < 1)) {
      throw InvalidValueException.of("discount", "in [0, 1) (plan " + name() + ")", discount());
    }
    if (commitmentPerMonth().signum() < 0) {
      throw InvalidValueException.of("commitmentPerMonth", ">= 0 (plan " + name() + ")",
          commitmentPerMonth().toPlainString());
    }
    if (termMonths() < 1) {
      throw InvalidValueException.of("termMonths", ">= 1 (plan " + name() + ")", termMonths());
    }
  }

  @Override
  default WorkloadCost monthlyCost(DemandCurve demand) {
    WorkloadCost list = base().monthlyCost(demand);
    BigDecimal usage = list.monthlyTotal().multiply(BigDecimal.ONE.subtract(BigDecimal.valueOf(discount())));
    BigDecimal c = commitmentPerMonth();
    CommitmentMath.Split split = CommitmentMath.split(list.monthlyTotal(), discount(), c, overageDiscounted());
    ImmutableWorkloadCost.Builder b = WorkloadCost.builder()
        .planName(name()).planKind(kind()).tokensPerMonth(list.tokensPerMonth())
        .spilledTokensPerMonth(list.spilledTokensPerMonth()).unservedTokensPerMonth(list.unservedTokensPerMonth())
        .peakUnits(list.peakUnits()).averageUnits(list.averageUnits()).addAllUnitsByHour(list.unitsByHour())
        .peakUtilization(list.peakUtilization())
        .utilization(c.signum() == 0 ? 1.0 : Math.min(1.0, usage.doubleValue() / c.doubleValue()))
        .addItem(CostItem.of("commitment drawn by usage", split.used()))
        .addItem(CostItem.of("commitment unused (still paid)", split.unused()))
        .addItem(CostItem.of("usage beyond commitment" + (overageDiscounted() ? "" : " (list price)"),
            split.beyond()))
        .monthlyTotal(split.total())
        .addNotes(String.format(Locale.ROOT, "list cost %s under %s, %.1f%% discount, commitment %s/month for %d"
            + " months", list.monthlyTotal().toPlainString(), base().name(), 100 * discount(), c.toPlainString(),
            termMonths()))
        .addAllNotes(list.notes());
    if (payment() == Payment.UPFRONT) {
      b.upfrontPayment(c.multiply(BigDecimal.valueOf(termMonths()))).termMonths(termMonths())
          .addNotes("the commitment is paid up front per " + termMonths() + "-month term; the monthly figure is"
              + " amortized");
    } else {
      b.termMonths(termMonths());
    }
    return b.build();
  }

  @Override
  default PricingPlan withHeadroom(double headroom) {
    return ImmutableCommittedPlan.copyOf(this).withBase(base().withHeadroom(headroom));
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableCommittedPlan.Builder builder() {
    return ImmutableCommittedPlan.builder();
  }
}
