package dev.tradeoff.pricing.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tradeoff.pricing.InvalidValueException;
import dev.tradeoff.pricing.PriceCatalog;
import dev.tradeoff.pricing.catalog.AzureDeployment;
import dev.tradeoff.pricing.catalog.OfferCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Break-even between pay-as-you-go azure/gpt-4o and gpt-4o global PTUs, mix 1500 in / 300 out. Hand-computed:
 * pay-as-you-go costs (1500 x 2.50 + 300 x 10) / 1800 per 1M = $3.75 per 1M tokens, i.e. x tokens/min cost
 * x x 60 x 730 x 3.75e-6 = 0.16425 x per month. One PTU carries 2,500 weighted TPM = 1,875 raw TPM of this mix.
 */
final class BreakEvenTest {

  private static final TokenMix MIX = TokenMix.of(1500, 300);
  private static final PayAsYouGoPlan PAYG = PayAsYouGoPlan.of(PriceCatalog.bundled().resolve("azure/gpt-4o"));
  private static final OfferCatalog OFFERS = OfferCatalog.bundled();

  /**
   * 1-month reservation, no headroom. The 15-PTU minimum ($3,900) serves up to 28,125 TPM; pay-as-you-go reaches
   * $3,900 at 3,900 / 0.16425 = 23,744.29 TPM (costs meet). At 28,125 TPM the deployment steps to 20 PTU ($5,200)
   * while pay-as-you-go costs $4,619.53: pay-as-you-go is cheaper again (a jump) until it reaches $5,200 at
   * 31,659.13 TPM. The same happens at 37,500 / 39,573.82 and 46,875 / 47,488.58 TPM; from the 56,250 TPM step
   * on ($9,100 vs $9,239.06) PTUs stay cheaper: each 5-PTU step adds $1,300 per 9,375 TPM, pay-as-you-go $1,539.84.
   */
  @Test
  void crossings_monthlyReservationNoHeadroom_everyHandComputedCrossing() {
    ProvisionedPlan ptu = OFFERS.azurePtu("gpt-4o", AzureDeployment.GLOBAL, Commitment.P1M);

    List<BreakEvenPoint> all = BreakEven.crossings(PAYG, ptu, DemandCurve.flat(1, MIX), 0.0, 1_000, 1_000_000);

    assertThat(all).extracting(BreakEvenPoint::averageTokensPerMinute).hasSize(7).satisfiesExactly(
        x -> assertThat(x).isCloseTo(3900 / 0.16425, within(0.01)),
        x -> assertThat(x).isCloseTo(28_125, within(0.01)),
        x -> assertThat(x).isCloseTo(5200 / 0.16425, within(0.01)),
        x -> assertThat(x).isCloseTo(37_500, within(0.01)),
        x -> assertThat(x).isCloseTo(6500 / 0.16425, within(0.01)),
        x -> assertThat(x).isCloseTo(46_875, within(0.01)),
        x -> assertThat(x).isCloseTo(7800 / 0.16425, within(0.01)));
    assertThat(all).extracting(BreakEvenPoint::jump).containsExactly(false, true, false, true, false, true, false);
    assertThat(all.get(0)).satisfies(p -> {
      assertThat(p.cheaperBelow()).isEqualTo("azure/gpt-4o");
      assertThat(p.cheaperAbove()).isEqualTo("azure-ptu gpt-4o global P1M");
      assertThat(p.monthlyCostA()).isCloseTo(p.monthlyCostB(), within(new java.math.BigDecimal("0.01")));
    });
    assertThat(BreakEven.sustained(PAYG, ptu, MIX, 0, 1_000, 1_000_000)).hasValueSatisfying(p -> {
      assertThat(p.averageTokensPerMinute()).isCloseTo(7800 / 0.16425, within(0.01));
      assertThat(p.cheaperAbove()).isEqualTo("azure-ptu gpt-4o global P1M");
    });
  }

  /**
   * With 20% headroom the monthly reservation never pays: each 5-PTU step ($1,300) now carries 7,812.5 TPM,
   * where pay-as-you-go costs only $1,283.20 — and the 15-PTU floor costs more than pay-as-you-go up to its
   * 23,437.5 TPM limit. The 1-year reservation ($221/PTU-month) does: 15 x 221 = $3,315 = 0.16425 x at
   * x = 20,182.65 TPM.
   */
  @Test
  void between_headroomIsExplicitAndChangesTheAnswer() {
    ProvisionedPlan monthly = OFFERS.azurePtu("gpt-4o", AzureDeployment.GLOBAL, Commitment.P1M);
    ProvisionedPlan yearly = OFFERS.azurePtu("gpt-4o", AzureDeployment.GLOBAL, Commitment.P1Y);

    assertThat(BreakEven.between(PAYG, monthly, MIX, 0.2, 1_000, 1_000_000)).isEmpty();
    assertThat(BreakEven.between(PAYG, yearly, MIX, 0.2, 1_000, 1_000_000)).hasValueSatisfying(p -> {
      assertThat(p.averageTokensPerMinute()).isCloseTo(3315 / 0.16425, within(0.01));
      assertThat(p.headroom()).isEqualTo(0.2);
    });
    // Steps of 5 PTU now carry 7,812.5 TPM: $1,105 vs $1,283.20 pay-as-you-go; the last window where
    // pay-as-you-go is cheaper closes when it reaches the 35-PTU cost $7,735 at 47,092.85 TPM.
    assertThat(BreakEven.sustained(PAYG, yearly, MIX, 0.2, 1_000, 1_000_000))
        .hasValueSatisfying(p -> assertThat(p.averageTokensPerMinute()).isCloseTo(7735 / 0.16425, within(0.01)));
  }

  /** Hourly PTUs ($730 per PTU-month) never beat pay-as-you-go for this mix at list prices. */
  @Test
  void between_hourlyPtu_noBreakEvenInRange() {
    assertThat(BreakEven.between(PAYG, OFFERS.azurePtu("gpt-4o", AzureDeployment.GLOBAL, Commitment.HOURLY), MIX, 0,
        100, 10_000_000)).isEmpty();
  }

  /** Two per-token plans with different mixes of prices cross where their linear costs meet. */
  @Test
  void between_selfHostedFixedCostVsPayAsYouGo_crossesWhereFixedCostIsCovered() {
    var g5 = OFFERS.gpuInstance("aws-sagemaker/ml.g5.12xlarge");
    SelfHostedPlan own = SelfHostedPlan.builder().name("own").instance(g5).outputTokensPerSecondPerReplica(1_000_000)
        .scaling(Scaling.FIXED).build(); // one replica always suffices: $7.09 x 730 = $5,175.70 per month
    PayAsYouGoPlan groq = PayAsYouGoPlan.of(PriceCatalog.bundled().resolve("groq/llama-3.3-70b-versatile"));
    // groq: (1500 x 0.59 + 300 x 0.79) / 1800 per 1M = 0.623333 $/1M -> 0.0273040 x per month
    double expected = 5175.7 / (60 * 730 * (1500 * 0.59 + 300 * 0.79) / 1800 / 1e6);

    assertThat(BreakEven.between(groq, own, MIX, 0, 1_000, 10_000_000))
        .hasValueSatisfying(p -> assertThat(p.averageTokensPerMinute()).isCloseTo(expected, within(expected * 1e-6)));
  }

  /**
   * A demand shape changes the answer: business hours only (40 of 168 hours) put the peak at 4.2x the average,
   * and reserved PTUs sized for that peak pay for idle capacity all week — they never beat pay-as-you-go.
   */
  @Test
  void crossings_officeHoursShape_reservedPtuNeverPays() {
    ProvisionedPlan ptu = OFFERS.azurePtu("gpt-4o", AzureDeployment.GLOBAL, Commitment.P1M);
    DemandCurve office = DemandCurve.weekdayBusinessHours(1, 0, MIX);

    assertThat(BreakEven.crossings(PAYG, ptu, DemandCurve.flat(1, MIX), 0, 1_000, 1_000_000)).isNotEmpty();
    assertThat(BreakEven.crossings(PAYG, ptu, office, 0, 1_000, 1_000_000)).isEmpty();
  }

  @Test
  void crossings_badRange_rejected() {
    assertThatThrownBy(() -> BreakEven.between(PAYG, PAYG, MIX, 0, 0, 10)).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("`minTokensPerMinute` must be > 0");
    assertThatThrownBy(() -> BreakEven.between(PAYG, PAYG, MIX, -0.1, 1, 10)).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("`headroom`");
  }

  private static ProvisionedPlan hourly(String name, double perUnitHour, int minimum, int increment) {
    return ProvisionedPlan.builder().name(name).addPool(CapacityPool.weighted("unit", 2_500, 3, 1)
        .minimumUnits(minimum).unitIncrement(increment).hourlyPerUnit(java.math.BigDecimal.valueOf(perUnitHour))
        .build()).build();
  }

  /**
   * $1/unit-hour, 2,500 weighted TPM per unit (1,875 raw TPM of the mix). A (minimum 1, increment 2) deploys 1, 3,
   * 5, ... units, B (minimum 1, increment 4) 1, 5, 9, ...: A is never dearer and ties wherever both deploy the same
   * count (up to 1,875 TPM, 5,625-9,375 TPM, ...). A tie is not a crossing: none, and nothing sustained.
   */
  @Test
  void crossings_oneNeverDearerWithTies_noCrossing() {
    ProvisionedPlan a = hourly("A", 1, 1, 2);
    ProvisionedPlan b = hourly("B", 1, 1, 4);

    assertThat(BreakEven.crossings(a, b, DemandCurve.flat(1, MIX), 0, 1_000, 30_000)).isEmpty();
    assertThat(BreakEven.sustained(a, b, MIX, 0, 1_000, 30_000)).isEmpty();
    assertThat(BreakEven.crossings(b, a, DemandCurve.flat(1, MIX), 0, 1_000, 30_000)).isEmpty();
  }

  @Test
  void crossings_identicalPlans_noCrossing() {
    ProvisionedPlan a = hourly("A", 1, 1, 2);

    assertThat(BreakEven.crossings(a, hourly("A2", 1, 1, 2), DemandCurve.flat(1, MIX), 0, 1_000, 30_000)).isEmpty();
    assertThat(BreakEven.crossings(PAYG, PAYG, DemandCurve.flat(1, MIX), 0.2, 1_000, 1_000_000)).isEmpty();
  }

  /**
   * A ($1/unit-hour, minimum 1, increment 1) against B ($0.50/unit-hour, minimum 10): A deploys ceil(x / 1,875)
   * units, B always 10 = $5/hour. A is cheaper up to 7,500 TPM (4 units), both cost $3,650/month up to 9,375 TPM
   * (5 units), B is cheaper above: one crossing, where the tie begins (7,500 TPM).
   */
  @Test
  void crossings_strictOrderChangesAcrossATie_oneCrossingWhereTheTieBegins() {
    ProvisionedPlan a = hourly("A", 1, 1, 1);
    ProvisionedPlan b = hourly("B", 0.5, 10, 1);

    List<BreakEvenPoint> all = BreakEven.crossings(a, b, DemandCurve.flat(1, MIX), 0, 1_000, 30_000);

    assertThat(all).hasSize(1);
    BreakEvenPoint p = all.get(0);
    assertThat(p.averageTokensPerMinute()).isCloseTo(7_500, within(7_500 * 1e-6));
    assertThat(p.cheaperBelow()).isEqualTo("A");
    assertThat(p.cheaperAbove()).isEqualTo("B");
    assertThat(p.monthlyCostA()).isEqualByComparingTo("3650");
    assertThat(p.monthlyCostB()).isEqualByComparingTo("3650");
    assertThat(p.jump()).isFalse();
    assertThat(BreakEven.sustained(a, b, MIX, 0, 1_000, 30_000)).contains(p);
  }
}
