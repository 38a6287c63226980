package dev.tradeoff.pricing.internal;

import dev.tradeoff.pricing.plan.Billing;
import dev.tradeoff.pricing.plan.CapacityPool;
import dev.tradeoff.pricing.plan.CommittedPlan;
import dev.tradeoff.pricing.plan.DemandCurve;
import dev.tradeoff.pricing.plan.ImmutableProvisionedPlan;
import dev.tradeoff.pricing.plan.ImmutableSelfHostedPlan;
import dev.tradeoff.pricing.plan.Payment;
import dev.tradeoff.pricing.plan.PricingPlan;
import dev.tradeoff.pricing.plan.ProvisionedPlan;
import dev.tradeoff.pricing.plan.SelfHostedPlan;
import dev.tradeoff.pricing.plan.WorkloadCost;
import dev.tradeoff.pricing.selfhost.InstancePricing;
import dev.tradeoff.pricing.tco.ImmutableTcoMonth;
import dev.tradeoff.pricing.tco.ImmutableTcoProjection;
import dev.tradeoff.pricing.tco.ImmutableTcoResult;
import dev.tradeoff.pricing.tco.TcoOption;
import dev.tradeoff.pricing.tco.TcoProjection;
import dev.tradeoff.pricing.tco.TcoScenario;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Month-by-month TCO; the model is documented on {@link TcoScenario}. */
public final class TcoMath {

  private TcoMath() {}

  public static TcoProjection project(TcoScenario s) {
    ImmutableTcoProjection.Builder out = ImmutableTcoProjection.builder();
    int months = s.years() * 12;
    for (TcoOption o : s.options()) {
      PricingPlan plan = o.plan();
      int term = termMonths(plan);
      ImmutableTcoResult.Builder r = ImmutableTcoResult.builder().name(o.name());
      BigDecimal cumulative = BigDecimal.ZERO;
      BigDecimal cumulativeDiscounted = BigDecimal.ZERO;
      BigDecimal termPriceFactor = BigDecimal.ONE;
      Map<String, Integer> termUnits = Map.of();
      int termReplicas = 0;
      double unservedTotal = 0;
      int firstUnserved = 0;
      double worstShare = 0;
      int worstMonth = 0;
      for (int m = 1; m <= months; m++) {
        double demandFactor = Math.pow(1 + s.demandGrowthPerYear(), (m - 1) / 12.0);
        double priceFactor = o.priceDeclineApplies() ? Math.pow(1 - s.priceDeclinePerYear(), (m - 1) / 12) : 1.0;
        BigDecimal pf = BigDecimal.valueOf(priceFactor);
        DemandCurve demand = s.demand().times(demandFactor);
        boolean termStart = term > 0 && (m - 1) % term == 0;
        if (termStart) {
          termPriceFactor = pf;
        }
        BigDecimal endOfMonth;
        BigDecimal upfrontNow = BigDecimal.ZERO;
        double unserved;
        if (plan instanceof ProvisionedPlan p && p.billing() == Billing.RESERVED) {
          // Within a term the reservation never shrinks (it grows with demand) and keeps the term's price.
          Map<String, Integer> need = ProvisionedMath.reservedUnits(p, demand);
          termUnits = termStart ? need : atLeast(termUnits, need);
          WorkloadCost wc = ImmutableProvisionedPlan.copyOf(p).withReservedUnits(termUnits).monthlyCost(demand);
          endOfMonth = locked(wc, reservedCost(p, termUnits), termPriceFactor, pf);
          unserved = wc.unservedTokensPerMonth();
        } else if (plan instanceof SelfHostedPlan h && term > 0) {
          // The same for reserved GPU replicas: the count never shrinks within a term and keeps the term's rate.
          int need = SelfHostedMath.reservedReplicas(h, demand);
          termReplicas = termStart ? need : Math.max(termReplicas, need);
          WorkloadCost wc = ImmutableSelfHostedPlan.copyOf(h).withReservedReplicas(termReplicas).monthlyCost(demand);
          endOfMonth = locked(wc, SelfHostedMath.reservedCost(h, termReplicas), termPriceFactor, pf);
          unserved = wc.unservedTokensPerMonth();
        } else if (plan instanceof CommittedPlan c) {
          // The commitment in force is the term's; usage is priced at this month's prices.
          WorkloadCost list = c.base().monthlyCost(demand);
          BigDecimal commitment = c.commitmentPerMonth().multiply(termPriceFactor);
          CommitmentMath.Split split = CommitmentMath.split(list.monthlyTotal().multiply(pf), c.discount(), commitment,
              c.overageDiscounted());
          if (c.payment() == Payment.UPFRONT) {
            endOfMonth = split.beyond();
            if (termStart) {
              upfrontNow = commitment.multiply(BigDecimal.valueOf(c.termMonths()));
            }
          } else {
            endOfMonth = split.total();
          }
          unserved = list.unservedTokensPerMonth();
        } else {
          WorkloadCost wc = plan.monthlyCost(demand);
          endOfMonth = wc.monthlyTotal().multiply(pf);
          unserved = wc.unservedTokensPerMonth();
        }
        endOfMonth = endOfMonth.add(o.operatingOverheadPerMonth());
        BigDecimal startOfMonth = upfrontNow.add(m == 1 ? o.oneTimeCost() : BigDecimal.ZERO);
        BigDecimal cost = WorkloadMath.report(endOfMonth.add(startOfMonth));
        double dEnd = Math.pow(1 + s.discountRatePerYear(), -m / 12.0);
        double dStart = Math.pow(1 + s.discountRatePerYear(), -(m - 1) / 12.0);
        BigDecimal discounted = WorkloadMath.report(endOfMonth.multiply(BigDecimal.valueOf(dEnd))
            .add(startOfMonth.multiply(BigDecimal.valueOf(dStart))));
        cumulative = cumulative.add(cost);
        cumulativeDiscounted = cumulativeDiscounted.add(discounted);
        if (unserved > 0) {
          unservedTotal += unserved;
          if (firstUnserved == 0) {
            firstUnserved = m;
          }
          double share = demand.tokensPerMonth() > 0 ? unserved / demand.tokensPerMonth() : 0;
          if (share >= worstShare) {
            worstShare = share;
            worstMonth = m;
          }
        }
        r.addMonth(ImmutableTcoMonth.builder().month(m).demandFactor(demandFactor).priceFactor(priceFactor)
            .cost(cost).discountedCost(discounted).cumulative(cumulative).cumulativeDiscounted(cumulativeDiscounted)
            .unservedTokens(unserved).build());
      }
      termNote(plan, term, months).ifPresent(n -> r.termNote(n).addNotes(n));
      if (firstUnserved > 0) {
        String n = String.format(Locale.ROOT,
            "does not cover the demand: capacity falls short from month %d and there is no spillover, leaving"
                + " %s tokens unserved over the horizon (%.1f%% of month %d's demand); the costs price only the"
                + " served part", firstUnserved, ProvisionedMath.tokens(unservedTotal), 100 * worstShare, worstMonth);
        r.firstUnservedMonth(firstUnserved).unservedTokens(unservedTotal).unservedNote(n).addNotes(n);
      }
      out.addResult(r.total(cumulative).netPresentCost(cumulativeDiscounted).build());
    }
    return out.build();
  }

  /** The contract term that locks units or a commitment, or 0 if the plan has none. */
  private static int termMonths(PricingPlan plan) {
    if (plan instanceof ProvisionedPlan p && p.billing() == Billing.RESERVED) {
      return p.reservationTermMonths();
    }
    if (plan instanceof CommittedPlan c) {
      return c.termMonths();
    }
    if (plan instanceof SelfHostedPlan h && SelfHostedMath.isReserved(h.pricing())) {
      return h.pricing() == InstancePricing.RESERVED_3Y ? 36 : 12;
    }
    return 0;
  }

  private static Optional<String> termNote(PricingPlan plan, int term, int months) {
    if (term <= 1 && !(plan instanceof CommittedPlan)) {
      return Optional.empty();
    }
    String tail = months % term == 0 ? "" : String.format(Locale.ROOT, "; the last term runs %d months past the"
        + " horizon%s", term - months % term, plan instanceof CommittedPlan c && c.payment() == Payment.UPFRONT
        ? " and its up-front payment is counted in full" : " and those months are not counted");
    if (plan instanceof CommittedPlan) {
      return Optional.of("the commitment is fixed for each " + term + "-month term at the price level of"
          + " the term's start and paid whether used or not; usage is priced month by month" + tail);
    }
    String reserved = plan instanceof SelfHostedPlan ? "reserved replicas" : "reserved units";
    return Optional.of(reserved + " are locked for each " + term + "-month term: they never shrink"
        + " within a term (they grow with demand, at the term's price) and are re-sized and re-priced at each renewal"
        + tail);
  }

  /**
   * A month's bill with its reservation locked: the reserved part at the term's price factor, the rest of the bill
   * (capacity above the reservation, spillover, fixed costs) at the month's.
   */
  private static BigDecimal locked(WorkloadCost wc, BigDecimal reservedPart, BigDecimal termPriceFactor,
      BigDecimal priceFactor) {
    return reservedPart.multiply(termPriceFactor).add(wc.monthlyTotal().subtract(reservedPart).multiply(priceFactor));
  }

  private static Map<String, Integer> atLeast(Map<String, Integer> held, Map<String, Integer> need) {
    Map<String, Integer> out = new LinkedHashMap<>();
    need.forEach((pool, units) -> out.put(pool, Math.max(units, held.getOrDefault(pool, 0))));
    return out;
  }

  /** The reserved items exactly as {@link ProvisionedMath#monthlyCost} bills them. */
  private static BigDecimal reservedCost(ProvisionedPlan p, Map<String, Integer> units) {
    BigDecimal sum = BigDecimal.ZERO;
    for (CapacityPool pool : p.pools()) {
      sum = sum.add(WorkloadMath.report(BigDecimal.valueOf(units.get(pool.name()))
          .multiply(pool.reservedPerUnitMonth().orElseThrow())));
    }
    return sum;
  }
}
