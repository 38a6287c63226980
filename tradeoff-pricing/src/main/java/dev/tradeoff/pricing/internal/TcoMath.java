package dev.tradeoff.pricing.internal;

import dev.tradeoff.pricing.Money;
import dev.tradeoff.pricing.plan.DemandCurve;
import dev.tradeoff.pricing.plan.WorkloadCost;
import dev.tradeoff.pricing.tco.ImmutableTcoMonth;
import dev.tradeoff.pricing.tco.ImmutableTcoProjection;
import dev.tradeoff.pricing.tco.ImmutableTcoResult;
import dev.tradeoff.pricing.tco.TcoOption;
import dev.tradeoff.pricing.tco.TcoProjection;
import dev.tradeoff.pricing.tco.TcoScenario;
import java.math.BigDecimal;

/** Month-by-month TCO. */
public final class TcoMath {

  private TcoMath() {}

  public static TcoProjection project(TcoScenario s) {
    ImmutableTcoProjection.Builder out = ImmutableTcoProjection.builder();
    int months = s.years() * 12;
    for (TcoOption o : s.options()) {
      ImmutableTcoResult.Builder r = ImmutableTcoResult.builder().name(o.name());
      BigDecimal cumulative = BigDecimal.ZERO;
      BigDecimal cumulativeDiscounted = BigDecimal.ZERO;
      for (int m = 1; m <= months; m++) {
        double demandFactor = Math.pow(1 + s.demandGrowthPerYear(), (m - 1) / 12.0);
        double priceFactor = o.priceDeclineApplies() ? Math.pow(1 - s.priceDeclinePerYear(), (m - 1) / 12) : 1.0;
        DemandCurve demand = s.demand().times(demandFactor);
        WorkloadCost wc = o.plan().monthlyCost(demand);
        BigDecimal planMonthly = wc.monthlyTotal();
        BigDecimal upfrontNow = BigDecimal.ZERO;
        if (wc.upfrontPayment().signum() > 0 && wc.termMonths() > 0) {
          // Paid up front: the amortized commitment leaves the monthly figure; the term's payment falls due at the
          // start of each term.
          BigDecimal amortized = wc.upfrontPayment().divide(BigDecimal.valueOf(wc.termMonths()), Money.WORKING);
          planMonthly = planMonthly.subtract(amortized).max(BigDecimal.ZERO);
          if ((m - 1) % wc.termMonths() == 0) {
            upfrontNow = wc.upfrontPayment();
          }
        }
        BigDecimal pf = BigDecimal.valueOf(priceFactor);
        BigDecimal endOfMonth = planMonthly.multiply(pf).add(o.operatingOverheadPerMonth());
        BigDecimal startOfMonth = upfrontNow.multiply(pf).add(m == 1 ? o.oneTimeCost() : BigDecimal.ZERO);
        BigDecimal cost = WorkloadMath.report(endOfMonth.add(startOfMonth));
        double dEnd = Math.pow(1 + s.discountRatePerYear(), -m / 12.0);
        double dStart = Math.pow(1 + s.discountRatePerYear(), -(m - 1) / 12.0);
        BigDecimal discounted = WorkloadMath.report(endOfMonth.multiply(BigDecimal.valueOf(dEnd))
            .add(startOfMonth.multiply(BigDecimal.valueOf(dStart))));
        cumulative = cumulative.add(cost);
        cumulativeDiscounted = cumulativeDiscounted.add(discounted);
        r.addMonth(ImmutableTcoMonth.builder().month(m).demandFactor(demandFactor).priceFactor(priceFactor)
            .cost(cost).discountedCost(discounted).cumulative(cumulative).cumulativeDiscounted(cumulativeDiscounted)
            .build());
      }
      out.addResult(r.total(cumulative).netPresentCost(cumulativeDiscounted).build());
    }
    return out.build();
  }
}
