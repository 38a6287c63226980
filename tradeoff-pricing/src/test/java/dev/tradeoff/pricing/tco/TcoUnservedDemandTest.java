package dev.tradeoff.pricing.tco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tradeoff.pricing.PriceCatalog;
import dev.tradeoff.pricing.catalog.OfferCatalog;
import dev.tradeoff.pricing.plan.CapacityPool;
import dev.tradeoff.pricing.plan.DemandCurve;
import dev.tradeoff.pricing.plan.PayAsYouGoPlan;
import dev.tradeoff.pricing.plan.ProvisionedPlan;
import dev.tradeoff.pricing.plan.SelfHostedPlan;
import dev.tradeoff.pricing.plan.TokenMix;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Fixed capacity under growing demand, no spillover: 40 PTUs (2,500 capacity tokens/min each, output weight 3) at
 * $1/hour carry exactly 75,000 tokens/min of 1,500 in / 300 out (41.67 requests/min x 2,400 weighted = 100,000 =
 * 40 x 2,500) and cost 40 x 730 x $1 = $29,200 every month. Demand doubles every year, so from month 2 the excess
 * 75,000 x (2^((m-1)/12) - 1) tokens/min, x 60 x 730 a month, is unserved.
 */
final class TcoUnservedDemandTest {

  private static final TokenMix MIX = TokenMix.of(1500, 300);
  private static final ProvisionedPlan FIXED_40 = ProvisionedPlan.builder().name("40 PTU")
      .addPool(CapacityPool.weighted("PTU", 2_500, 3, 1).minimumUnits(15).unitIncrement(5)
          .hourlyPerUnit(new BigDecimal("1")).build())
      .putFixedUnit("PTU", 40).build();

  private static TcoScenario growing() {
    return TcoScenario.builder().demand(DemandCurve.flat(75_000, MIX)).years(2).demandGrowthPerYear(1.0)
        .addOption(TcoOption.of("fixed", FIXED_40))
        .addOption(TcoOption.builder().name("payg").plan(PayAsYouGoPlan.of(PriceCatalog.bundled()
            .resolve("azure/gpt-4o"))).operatingOverheadPerMonth(new BigDecimal("5000")).build())
        .build();
  }

  @Test
  void project_fixedCapacityUnderGrowth_unservedTokensCarriedPerMonthAndInTotal() {
    TcoResult r = growing().project().result("fixed");

    double expectedTotal = 0;
    for (int m = 2; m <= 24; m++) {
      expectedTotal += 75_000 * (Math.pow(2, (m - 1) / 12.0) - 1) * 60 * 730;
    }
    assertThat(r.months().get(0).unservedTokens()).isCloseTo(0, within(1.0));
    assertThat(r.months().get(0).coversDemand()).isTrue();
    // month 24: 75,000 x (2^(23/12) - 1) = 208,164 tokens/min unserved, 73.5% of the 283,164 demanded
    assertThat(r.months().get(23).unservedTokens()).isCloseTo(75_000 * (Math.pow(2, 23 / 12.0) - 1) * 43_800,
        within(1e3));
    assertThat(r.months().get(23).coversDemand()).isFalse();
    assertThat(r.months().get(23).cost()).isEqualByComparingTo("29200");
    assertThat(r.total()).isEqualByComparingTo("700800");
    assertThat(r.unservedTokens()).isCloseTo(expectedTotal, within(expectedTotal * 1e-9));
    assertThat(r.firstUnservedMonth()).hasValue(2);
    assertThat(r.coversDemand()).isFalse();
    assertThat(r.notes()).anyMatch(n -> n.startsWith("does not cover the demand: capacity falls short from month 2")
        && n.contains("73.5% of month 24's demand"));
    assertThat(r.unservedNote()).hasValueSatisfying(n -> assertThat(r.notes()).containsExactly(n));
    assertThat(r.termNote()).isEmpty();
  }

  /**
   * Pay-as-you-go gpt-4o ($2.50/$10 per 1M: 1,825,000 requests x $0.00675 = $12,318.75 in month 1) with $5,000 a
   * month of overhead: 12,318.75 x sum_{k=0..23} 2^(k/12) + 120,000 = 12,318.75 x 3 / (2^(1/12) - 1) + 120,000
   * = $741,499 over 2 years, more than the fixed plan's $700,800 — yet it is the only option that serves the demand.
   */
  @Test
  void cheapest_optionLeavingDemandUnserved_neverChosenOverOneThatCoversIt() {
    TcoProjection p = growing().project();

    double payg = 12_318.75 * 3 / (Math.pow(2, 1 / 12.0) - 1) + 120_000;
    assertThat(p.result("payg").total().doubleValue()).isCloseTo(payg, within(1e-3));
    assertThat(p.result("fixed").total()).isEqualByComparingTo("700800");
    assertThat(p.result("payg").coversDemand()).isTrue();
    assertThat(p.cheapest().name()).isEqualTo("payg");
  }

  @Test
  void json_projectionWithUnservedDemand_roundTrips() throws Exception {
    TcoProjection p = growing().project();
    var json = dev.tradeoff.pricing.catalog.PricingJson.mapper();

    String text = json.writeValueAsString(p);

    assertThat(json.readValue(text, TcoProjection.class)).isEqualTo(p);
    assertThat(text).contains("\"firstUnservedMonth\":2").contains("\"unservedTokens\"");
  }

  /**
   * Self-hosting on at most 2 replicas of 100 output tokens/s serves 12,000 output tokens/min at full throughput:
   * 72,000 tokens/min of 1,500 in / 300 out. Demand grows from 71,999.7 to 72,000.00001 tokens/min in month 12, the
   * only month short: by 1e-5 x 43,800 minutes = 0.438 tokens, which the notes used to print as "0 tokens".
   */
  @Test
  void project_shortByAFractionOfATokenInTheLastMonth_notesNameTheShortfallNotZero() {
    SelfHostedPlan capped = SelfHostedPlan.builder().name("2 replicas")
        .instance(OfferCatalog.bundled().gpuInstance("aws-sagemaker/ml.g5.12xlarge"))
        .outputTokensPerSecondPerReplica(100).maxReplicas(2).build();
    double growth = Math.pow(72_000.00001 / 71_999.7, 12.0 / 11) - 1;

    TcoResult r = TcoScenario.builder().demand(DemandCurve.flat(71_999.7, MIX)).years(1).demandGrowthPerYear(growth)
        .addOption(TcoOption.of("capped", capped)).build().project().result("capped");

    assertThat(r.firstUnservedMonth()).hasValue(12);
    assertThat(r.unservedTokens()).isCloseTo(0.438, within(1e-3));
    assertThat(r.notes()).anyMatch(n -> n.startsWith("does not cover the demand: capacity falls short from month 12")
        && n.contains("leaving 0.438 tokens unserved over the horizon"));
    assertThat(capped.monthlyCost(DemandCurve.flat(72_000.00001, MIX)).notes())
        .contains("maxReplicas 2 cannot serve 0.438 tokens/month and no spillover is configured: that demand is"
            + " unserved");
  }

  @Test
  void project_capacityCoversDemand_noUnservedFieldsOrNote() {
    TcoResult r = TcoScenario.builder().demand(DemandCurve.flat(75_000, MIX)).years(1)
        .addOption(TcoOption.of("fixed", FIXED_40)).build().project().result("fixed");

    assertThat(r.coversDemand()).isTrue();
    assertThat(r.firstUnservedMonth()).isEmpty();
    assertThat(r.unservedTokens()).isZero();
    assertThat(r.notes()).isEmpty();
    assertThat(r.unservedNote()).isEmpty();
    assertThat(r.total()).isEqualByComparingTo("350400");
  }
}
