package dev.tradeoff.pricing.tco;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeoff.pricing.catalog.OfferCatalog;
import dev.tradeoff.pricing.plan.DemandCurve;
import dev.tradeoff.pricing.plan.ImmutableSelfHostedPlan;
import dev.tradeoff.pricing.plan.Scaling;
import dev.tradeoff.pricing.plan.SelfHostedPlan;
import dev.tradeoff.pricing.plan.TokenMix;
import dev.tradeoff.pricing.selfhost.InstancePricing;
import java.math.BigDecimal;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Self-hosted reserved pricing in the TCO: a 1- or 3-year GPU reservation locks its replica count (never shrinking
 * within a term) and its hourly rate for the term; replicas above it, engineering and the other fixed costs are
 * priced month by month.
 *
 * <p>gcp/a2-highgpu-1g from the bundled catalog (1 x A100 40GB): $3.673385/h on demand, $2.3142/h for 1 year
 * ($1,689.366 per instance-month of 730 h), $1.2857/h for 3 years ($938.561 per instance-month). The workload:
 * 288,000 tokens/min of 1,000 in / 250 out (output share 0.2) = 960 output tokens/s; at 100 output tokens/s per
 * replica and 100% target utilization that is 9.6 replicas, so {@link Scaling#FIXED} runs (and reserves) 10.
 *
 * <p>With 20% demand growth a year, compounded monthly, month {@code m} needs {@code 9.6 x 1.2^((m - 1)/12)}
 * replicas, rounded up: months 1-3: 10, 4-9: 11 (10.05 in month 4), 10-15: 12 (11.009 in month 10), 16-20: 13,
 * 21-25: 14, 26-30: 15, 31-34: 16, 35-36: 17 (16.09 in month 35). Replica-months per year: 3 x 10 + 6 x 11 +
 * 3 x 12 = 132; 3 x 12 + 5 x 13 + 4 x 14 = 157; 14 + 5 x 15 + 4 x 16 + 2 x 17 = 187.
 */
final class TcoSelfHostedTermsTest {

  private static final TokenMix MIX = TokenMix.of(1000, 250);
  private static final DemandCurve DEMAND_10_REPLICAS = DemandCurve.flat(288_000, MIX);

  private static ImmutableSelfHostedPlan.Builder a100(InstancePricing pricing) {
    return SelfHostedPlan.builder().name("a100 " + pricing)
        .instance(OfferCatalog.bundled().gpuInstance("gcp/a2-highgpu-1g")).pricing(pricing)
        .outputTokensPerSecondPerReplica(100).targetUtilization(1.0);
  }

  private static SelfHostedPlan fixed(InstancePricing pricing) {
    return a100(pricing).scaling(Scaling.FIXED).build();
  }

  private static TcoResult project(ImmutableTcoScenario.Builder s, SelfHostedPlan plan) {
    return s.addOption(TcoOption.of("p", plan)).build().project().result("p");
  }

  /**
   * 1-year terms, 20% growth, 10% price decline a year: each year's reservation grows with the fixed size at that
   * year's price. 132 x 1,689.366 + 157 x 1,689.366 x 0.9 + 187 x 1,689.366 x 0.81 = 222,996.312 + 238,707.4158 +
   * 255,888.26802 = 717,591.99582. (The renewals fall on the price steps and the count only grows, so this is
   * what month-by-month pricing gave too.)
   */
  @Test
  void project_reserved1yFixedScalingGrowthAndDecline_handComputedPerYear() {
    TcoResult r = project(TcoScenario.builder().demand(DEMAND_10_REPLICAS).years(3).demandGrowthPerYear(0.2)
        .priceDeclinePerYear(0.1), fixed(InstancePricing.RESERVED_1Y));

    assertThat(r.months().get(0).cost()).isEqualByComparingTo("16893.66");     // 10 x 1,689.366
    assertThat(r.months().get(3).cost()).isEqualByComparingTo("18583.026");    // 11 x 1,689.366
    assertThat(r.months().get(12).cost()).isEqualByComparingTo("18245.1528");  // 12 x 1,689.366 x 0.9
    assertThat(r.months().get(35).cost()).isEqualByComparingTo("23262.56982"); // 17 x 1,689.366 x 0.81
    assertThat(r.total()).isEqualByComparingTo("717591.99582");
    assertThat(r.notes()).containsExactly("reserved replicas are locked for each 12-month term: they never shrink"
        + " within a term (they grow with demand, at the term's price) and are re-sized and re-priced at each renewal");
  }

  /**
   * The same over one 3-year term: the reservation grows with demand, every added replica at the term's rate,
   * through both price declines: (132 + 157 + 187) x 938.561 = 446,755.036. Month-by-month re-pricing gave
   * 132 x 938.561 + 157 x 938.561 x 0.9 + 187 x 938.561 x 0.81 = 398,672.55597.
   */
  @Test
  void project_reserved3yFixedScalingGrowthAndDecline_grownReplicasKeepTheTermRate() {
    TcoResult r = project(TcoScenario.builder().demand(DEMAND_10_REPLICAS).years(3).demandGrowthPerYear(0.2)
        .priceDeclinePerYear(0.1), fixed(InstancePricing.RESERVED_3Y));

    assertThat(r.months().get(12).cost()).isEqualByComparingTo("11262.732");   // 12 x 938.561, not x 0.9
    assertThat(r.months().get(35).cost()).isEqualByComparingTo("15955.537");   // 17 x 938.561, not x 0.81
    assertThat(r.total()).isEqualByComparingTo("446755.036");
  }

  /**
   * Demand halving a year: the 10 replicas reserved for year 1 are paid all year (12 x 16,893.66 = 202,723.92);
   * the renewal in month 13 re-sizes for 9.6 x 0.5 = 4.8 -> 5 replicas, kept all of year 2 although demand falls to
   * 3 replicas (12 x 8,446.83 = 101,361.96): 304,085.88. Shrinking the reservation month by month gave 239,889.972.
   */
  @Test
  void project_reserved1yFixedScalingFallingDemand_replicasDoNotShrinkWithinTheTerm() {
    TcoResult r = project(TcoScenario.builder().demand(DEMAND_10_REPLICAS).years(2).demandGrowthPerYear(-0.5),
        fixed(InstancePricing.RESERVED_1Y));

    assertThat(r.months().subList(0, 12)).allSatisfy(m -> assertThat(m.cost()).isEqualByComparingTo("16893.66"));
    assertThat(r.months().subList(12, 24)).allSatisfy(m -> assertThat(m.cost()).isEqualByComparingTo("8446.83"));
    assertThat(r.total()).isEqualByComparingTo("304085.88");
  }

  /**
   * Per-hour scaling with 1 reserved replica for 3 years over a 2-year horizon, prices halving in year 2. Business
   * hours (36,000 tokens/min of 750 in / 250 out = 150 output tokens/s) need a second replica, on demand, for 40
   * hours a week: 40 x 730/168 x 3.673385 = 638.469298 a month; engineering 20 h x $100 = $2,000. Year 1: 938.561 +
   * 638.469298 + 2,000 = 3,577.030298 a month; year 2 halves only what is not reserved: 938.561 + 319.234649 +
   * 1,000 = 2,257.795649. Total 12 x (3,577.030298 + 2,257.795649) = 70,017.911364 (re-pricing the reservation
   * too gave 64,386.545364).
   */
  @Test
  void project_reserved3yPerHourScaling_onlyTheReservationKeepsItsPrice() {
    SelfHostedPlan plan = a100(InstancePricing.RESERVED_3Y).minReplicas(1).engineeringHoursPerMonth(20)
        .engineeringHourlyRate(new BigDecimal("100")).build();

    TcoResult r = project(TcoScenario.builder().demand(DemandCurve.weekdayBusinessHours(36_000, 6_000,
        TokenMix.of(750, 250))).years(2).priceDeclinePerYear(0.5), plan);

    assertThat(r.months().get(0).cost()).isEqualByComparingTo("3577.030298");
    assertThat(r.months().get(12).cost()).isEqualByComparingTo("2257.795649");
    assertThat(r.total()).isEqualByComparingTo("70017.911364");
    assertThat(r.notes()).containsExactly("reserved replicas are locked for each 36-month term: they never shrink"
        + " within a term (they grow with demand, at the term's price) and are re-sized and re-priced at each renewal;"
        + " the last term runs 12 months past the horizon and those months are not counted");
  }

  /**
   * An option the price decline does not apply to keeps the full rate at the renewal too: 24 x 16,893.66 =
   * 405,447.84; an on-demand plan has no term and no note.
   */
  @Test
  void project_priceDeclineNotApplied_renewalKeepsTheFullRate() {
    TcoProjection p = TcoScenario.builder().demand(DEMAND_10_REPLICAS).years(2).priceDeclinePerYear(0.5)
        .addOption(TcoOption.builder().name("reserved").plan(fixed(InstancePricing.RESERVED_1Y))
            .priceDeclineApplies(false).build())
        .addOption(TcoOption.of("on demand", fixed(InstancePricing.ON_DEMAND)))
        .build().project();

    assertThat(p.result("reserved").total()).isEqualByComparingTo("405447.84");
    assertThat(p.result("on demand").notes()).isEmpty();
    // on demand: 10 x 730 x 3.673385 = 26,815.7105 a month, halved in year 2
    assertThat(p.result("on demand").months().get(12).cost()).isEqualByComparingTo("13407.85525");
    assertThat(IntStream.range(0, 24).mapToObj(i -> p.result("reserved").months().get(i).cost()))
        .allSatisfy(c -> assertThat(c).isEqualByComparingTo("16893.66"));
  }
}
