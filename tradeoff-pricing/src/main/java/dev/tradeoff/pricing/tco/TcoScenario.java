package dev.tradeoff.pricing.tco;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tradeoff.pricing.InvalidValueException;
import dev.tradeoff.pricing.internal.TcoMath;
import dev.tradeoff.pricing.plan.DemandCurve;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A total-cost-of-ownership question: several options priced month by month over N years of a growing demand,
 * with prices declining every year and future money discounted.
 *
 * <pre>{@code
 * TcoProjection p = TcoScenario.builder()
 *     .demand(DemandCurve.flat(200_000, TokenMix.of(1500, 300)))
 *     .years(3)
 *     .demandGrowthPerYear(0.5)          // +50% a year, compounded monthly
 *     .priceDeclinePerYear(0.3)          // list prices fall 30% a year (stepwise, at each year start)
 *     .discountRatePerYear(0.08)         // NPV at 8%
 *     .addOption(TcoOption.of("pay-as-you-go", payg))
 *     .addOption(TcoOption.builder().name("PTU 1y").plan(ptu).oneTimeCost(new BigDecimal("15000")).build())
 *     .build()
 *     .project();
 * p.breakEvenMonth("PTU 1y", "pay-as-you-go");   // OptionalInt: the month PTU has paid for itself, if it has
 * }</pre>
 *
 * <h2>Model</h2>
 * For month {@code m = 1..12·years}: demand = {@code demand × (1 + growth)^((m − 1)/12)}; price factor =
 * {@code (1 − decline)^floor((m − 1)/12)}; cost = plan's monthly cost of that demand × price factor (if the decline
 * applies; a contract term's locked part keeps its term's factor, see below) + overhead, plus the one-time cost in
 * month 1. Monthly costs are discounted at the end of their month,
 * {@code / (1 + rate)^(m/12)}; one-time and up-front payments at its start, {@code / (1 + rate)^((m − 1)/12)}.
 *
 * <h2>Contract terms</h2>
 * Terms start in month 1 and renew every {@code T} months ({@code T} = a reserved
 * {@link dev.tradeoff.pricing.plan.ProvisionedPlan#reservationTermMonths()}, 12 or 36 for a
 * {@link dev.tradeoff.pricing.plan.SelfHostedPlan} priced
 * {@link dev.tradeoff.pricing.selfhost.InstancePricing#RESERVED_1Y} or
 * {@link dev.tradeoff.pricing.selfhost.InstancePricing#RESERVED_3Y}, or a
 * {@link dev.tradeoff.pricing.plan.CommittedPlan#termMonths()}). Within a term the contract is locked:
 * <ul>
 *   <li>Reserved provisioned plans: each pool's reserved units are at least those reserved at the term's start
 *       and grow, never shrink, when the month's demand needs more (the reservation the plan would make for that
 *       month); the reserved units cost their monthly price × the price factor <em>of the term's start</em>. What
 *       the plan bills beyond the reservation — units deployed above it at the hourly rate, spillover — is priced
 *       month by month at the month's price factor. At a renewal the reservation is re-sized for that month's
 *       demand and re-priced at that month's price factor. Hourly-billed plans have no term.
 *   <li>Self-hosted plans with reserved pricing: the same for GPU replicas. The reserved replicas are at least those
 *       reserved at the term's start and grow, never shrink, when a month's baseline (the plan's
 *       {@link dev.tradeoff.pricing.plan.SelfHostedPlan#reservedReplicas()}, else {@code minReplicas}, or the peak
 *       hour's count with {@link dev.tradeoff.pricing.plan.Scaling#FIXED}) is larger; every reserved instance
 *       costs 730 hours × the reserved hourly rate × the price factor <em>of the term's start</em>. Replicas
 *       above the reservation (at the on-demand rate), spillover, engineering, licensing, storage and egress are
 *       priced month by month at the month's price factor. At a renewal the reservation is re-sized for that
 *       month's demand and re-priced at that month's price factor. On-demand and spot pricing have no term.
 *   <li>Committed plans: the commitment in force is {@code commitmentPerMonth ×} the price factor of the term's
 *       start, paid in full whether used or not; usage is priced at the month's price factor and draws it down.
 *       {@link dev.tradeoff.pricing.plan.Payment#MONTHLY} pays it in monthly instalments,
 *       {@link dev.tradeoff.pricing.plan.Payment#UPFRONT} pays the term's {@code commitment × T} at the term's
 *       start (the same nominal amount; only its discounting differs); overage is paid monthly either way.
 * </ul>
 * When the last term runs past the horizon, an up-front payment is counted in full (it falls due inside the
 * horizon) but monthly instalments only inside the horizon; {@link TcoResult#notes()} says so.
 *
 * <p>The price decline never reaches a locked reservation or commitment within its term: the term's price holds
 * until the renewal. With {@link TcoOption#priceDeclineApplies()} {@code true} (the default) the decline reaches
 * the locked part at each renewal and everything else at each year start; with {@code false} no price of the
 * option declines at all, neither month by month nor at a renewal.
 *
 * <h2>Unserved demand</h2>
 * A plan whose capacity falls short of a month's demand without spillover (fixed units under growth) leaves that
 * demand unserved; the month's cost prices only the served part. {@link TcoMonth#unservedTokens()} and
 * {@link TcoResult#coversDemand()} say so, {@link TcoProjection#cheapest()} prefers options that cover the
 * demand, and {@link TcoProjection#breakEvenMonth} names no month for an option that does not cover it.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableTcoScenario.class)
@JsonDeserialize(as = ImmutableTcoScenario.class)
public interface TcoScenario {

  /** @return the demand of month 1 */
  DemandCurve demand();

  /** @return the horizon in years, 1..30 */
  int years();

  /** @return demand growth per year as a fraction ({@code 0.5} = +50%), {@code > -1}, 0 by default */
  default double demandGrowthPerYear() {
    return 0;
  }

  /** @return price decline per year as a fraction, in {@code [0, 1)}, 0 by default */
  default double priceDeclinePerYear() {
    return 0;
  }

  /** @return the yearly discount rate for net present cost, {@code > -1}, 0 by default */
  default double discountRatePerYear() {
    return 0;
  }

  /** @return the options compared, at least one, unique names */
  List<TcoOption> options();

  /**
   * Checks the numbers and option names.
   *
   * @throws InvalidValueException naming the field and value
   */
  @Value.Check
  default void check() {
    if (years() < 1 || years() > 30) {
      throw InvalidValueException.of("years", "in 1..30", years());
    }
    if (!(demandGrowthPerYear() > -1) || Double.isInfinite(demandGrowthPerYear())) {
      throw InvalidValueException.of("demandGrowthPerYear", "> -1 and finite", demandGrowthPerYear());
    }
    if (!(priceDeclinePerYear() >= 0 && priceDeclinePerYear() < 1)) {
      throw InvalidValueException.of("priceDeclinePerYear", "in [0, 1)", priceDeclinePerYear());
    }
    if (!(discountRatePerYear() > -1) || Double.isInfinite(discountRatePerYear())) {
      throw InvalidValueException.of("discountRatePerYear", "> -1 and finite", discountRatePerYear());
    }
    if (options().isEmpty()) {
      throw InvalidValueException.of("options", "at least one option", "empty");
    }
    Set<String> names = new HashSet<>();
    for (TcoOption o : options()) {
      if (!names.add(o.name())) {
        throw InvalidValueException.of("options.name", "unique", "\"" + o.name() + "\" twice");
      }
    }
  }

  /**
   * Projects every option month by month.
   *
   * @return the projection
   * @throws dev.tradeoff.pricing.UnpricedUsageException if a plan cannot price the demand's mix
   */
  @Value.Lazy
  default TcoProjection project() {
    return TcoMath.project(this);
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableTcoScenario.Builder builder() {
    return ImmutableTcoScenario.builder();
  }
}
