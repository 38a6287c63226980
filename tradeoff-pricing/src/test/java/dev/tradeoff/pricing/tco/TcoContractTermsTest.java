package dev.tradeoff.pricing.tco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradeoff.pricing.InvalidValueException;
import dev.tradeoff.pricing.PriceCatalog;
import dev.tradeoff.pricing.plan.Billing;
import dev.tradeoff.pricing.plan.CapacityPool;
import dev.tradeoff.pricing.plan.CommittedPlan;
import dev.tradeoff.pricing.plan.ImmutableCommittedPlan;
import dev.tradeoff.pricing.plan.DemandCurve;
import dev.tradeoff.pricing.plan.PayAsYouGoPlan;
import dev.tradeoff.pricing.plan.Payment;
import dev.tradeoff.pricing.plan.ProvisionedPlan;
import dev.tradeoff.pricing.plan.TokenMix;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reservation and commitment terms in the TCO: within a term the reserved units never shrink and the reserved
 * price (commitment) is the one in force at the term's start; at a renewal the plan is re-sized and re-priced.
 *
 * <p>The pool: 2,500 capacity tokens/min per unit, an output token weighs 3, minimum 15, increment 5, $260 per
 * unit-month reserved (no hourly price). 75,000 tokens/min of 1,500 in / 300 out = 41.67 requests/min x 2,400
 * weighted tokens = 100,000 weighted tokens/min = exactly 40 units.
 */
final class TcoContractTermsTest {

  private static final TokenMix MIX = TokenMix.of(1500, 300);
  private static final DemandCurve DEMAND_40_UNITS = DemandCurve.flat(75_000, MIX);
  private static final CapacityPool POOL = CapacityPool.weighted("PTU", 2_500, 3, 1).minimumUnits(15)
      .unitIncrement(5).reservedPerUnitMonth(new BigDecimal("260")).build();

  private static ProvisionedPlan reserved(int termMonths) {
    return ProvisionedPlan.builder().name("reserved " + termMonths).addPool(POOL).billing(Billing.RESERVED)
        .reservationTermMonths(termMonths).build();
  }

  private static TcoResult project(ImmutableTcoScenario.Builder s, ProvisionedPlan plan) {
    return s.addOption(TcoOption.of("p", plan)).build().project().result("p");
  }

  /** Demand halves over the year, but the 40 units reserved for 12 months are paid all year: 40 x 260 x 12. */
  @Test
  void project_reservedTermAndFallingDemand_unitsDoNotShrinkWithinTheTerm() {
    TcoResult r = project(TcoScenario.builder().demand(DEMAND_40_UNITS).years(1).demandGrowthPerYear(-0.5),
        reserved(12));

    assertThat(r.total()).isEqualByComparingTo("124800");
    assertThat(r.months()).allSatisfy(m -> assertThat(m.cost()).isEqualByComparingTo("10400"));
  }

  /** A 36-month reservation keeps its price through the yearly 30% list-price declines: 40 x 260 x 36. */
  @Test
  void project_reservedTermAndPriceDecline_priceLockedForTheTerm() {
    TcoResult r = project(TcoScenario.builder().demand(DEMAND_40_UNITS).years(3).priceDeclinePerYear(0.3),
        reserved(36));

    assertThat(r.total()).isEqualByComparingTo("374400");
    assertThat(r.months().get(35).cost()).isEqualByComparingTo("10400");
  }

  /**
   * A 12-month term over 2 years: year 1 keeps 40 units at $260 (124,800); the renewal in month 13 re-sizes for
   * half the demand (20 units: 50,000 weighted tokens/min / 2,500) and re-prices at 0.7 x 260 = $182 for the
   * whole second term: 20 x 182 x 12 = 43,680 — although demand keeps falling (to 15 units by month 24).
   */
  @Test
  void project_reservedTermRenewal_resizedAndRepricedAtTheRenewal() {
    TcoResult r = project(TcoScenario.builder().demand(DEMAND_40_UNITS).years(2).demandGrowthPerYear(-0.5)
        .priceDeclinePerYear(0.3), reserved(12));

    assertThat(r.months().get(11).cost()).isEqualByComparingTo("10400");
    assertThat(r.months().get(12).cost()).isEqualByComparingTo("3640");
    assertThat(r.months().get(23).cost()).isEqualByComparingTo("3640");
    assertThat(r.total()).isEqualByComparingTo("168480");
    assertThat(r.notes()).containsExactly("reserved units are locked for each 12-month term: they never shrink"
        + " within a term (they grow with demand, at the term's price) and are re-sized and re-priced at each renewal");
    assertThat(r.termNote()).contains(r.notes().get(0));
    assertThat(r.unservedNote()).isEmpty();
  }

  /** Growing demand within a term: the reservation grows with it (never below the term's start), priced at start. */
  @Test
  void project_reservedTermAndGrowingDemand_reservationGrowsAtTheTermPrice() {
    TcoResult r = project(TcoScenario.builder().demand(DEMAND_40_UNITS).years(2).demandGrowthPerYear(1.0)
        .priceDeclinePerYear(0.5), reserved(24));

    // month 2: 40 x 2^(1/12) = 42.4 units -> 45; month 24: 40 x 2^(23/12) = 151.0 -> 155; price stays $260
    assertThat(r.months().get(1).cost()).isEqualByComparingTo("11700");
    assertThat(r.months().get(23).cost()).isEqualByComparingTo("40300");
  }

  /**
   * A $1,000/month commitment for 36 months, usage (gpt-4o-mini, $985.50 list x 0.8 = $788.40) always below it,
   * list prices halving every year: the commitment is a contract amount, paid in full whichever way it is paid.
   */
  @Test
  void project_commitmentTermAndPriceDecline_monthlyAndUpfrontPayTheSameNominalTotal() {
    PayAsYouGoPlan mini = PayAsYouGoPlan.of(PriceCatalog.bundled().resolve("gpt-4o-mini"));
    ImmutableCommittedPlan.Builder commit = CommittedPlan.builder().name("commit").base(mini).discount(0.2)
        .commitmentPerMonth(new BigDecimal("1000")).termMonths(36);
    TcoProjection p = TcoScenario.builder().demand(DemandCurve.flat(100_000, MIX)).years(3).priceDeclinePerYear(0.5)
        .addOption(TcoOption.of("monthly", commit.payment(Payment.MONTHLY).build()))
        .addOption(TcoOption.of("upfront", commit.payment(Payment.UPFRONT).build()))
        .build().project();

    assertThat(p.result("monthly").total()).isEqualByComparingTo("36000");
    assertThat(p.result("monthly").months().get(35).cost()).isEqualByComparingTo("1000");
    assertThat(p.result("upfront").total()).isEqualByComparingTo("36000");
    assertThat(p.result("upfront").months().get(0).cost()).isEqualByComparingTo("36000");
  }

  /**
   * A 12-month commitment renewed at the year-2 price level: $1,000 x 0.5 = $500/month in year 2, while usage
   * ($788.40 x 0.5 = $394.20) stays below it: 12 x 1,000 + 12 x 500.
   */
  @Test
  void project_commitmentRenewal_repricedAtTheRenewal() {
    PayAsYouGoPlan mini = PayAsYouGoPlan.of(PriceCatalog.bundled().resolve("gpt-4o-mini"));
    CommittedPlan commit = CommittedPlan.builder().name("commit").base(mini).discount(0.2)
        .commitmentPerMonth(new BigDecimal("1000")).termMonths(12).build();

    TcoResult r = TcoScenario.builder().demand(DemandCurve.flat(100_000, MIX)).years(2).priceDeclinePerYear(0.5)
        .addOption(TcoOption.of("c", commit)).build().project().result("c");

    assertThat(r.total()).isEqualByComparingTo("18000");
  }

  /** A 36-month commitment over a 1-year horizon: the monthly instalments beyond the horizon are not counted. */
  @Test
  void project_termPastTheHorizon_noteSaysWhatIsCounted() {
    PayAsYouGoPlan mini = PayAsYouGoPlan.of(PriceCatalog.bundled().resolve("gpt-4o-mini"));
    CommittedPlan commit = CommittedPlan.builder().name("commit").base(mini).discount(0.2)
        .commitmentPerMonth(new BigDecimal("1000")).termMonths(36).build();

    TcoResult r = TcoScenario.builder().demand(DemandCurve.flat(100_000, MIX)).years(1)
        .addOption(TcoOption.of("c", commit)).build().project().result("c");

    assertThat(r.total()).isEqualByComparingTo("12000");
    assertThat(r.notes()).containsExactly("the commitment is fixed for each 36-month term at the price level of the"
        + " term's start and paid whether used or not; usage is priced month by month; the last term runs 24 months"
        + " past the horizon and those months are not counted");
    assertThat(r.termNote()).contains(r.notes().get(0));
  }

  /** The structured notes are the notes' own: a term note that is not among them is rejected. */
  @Test
  void result_termNoteNotAmongTheNotes_rejected() {
    TcoResult r = project(TcoScenario.builder().demand(DEMAND_40_UNITS).years(1), reserved(12));

    assertThatThrownBy(() -> ImmutableTcoResult.copyOf(r).withNotes(List.of()))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("termNote");
    assertThatThrownBy(() -> ImmutableTcoResult.copyOf(r).withUnservedNote("short"))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("unservedNote");
  }
}
