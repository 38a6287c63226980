package dev.tradeoff.pricing.tco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradeoff.pricing.InvalidValueException;
import dev.tradeoff.pricing.PriceCatalog;
import dev.tradeoff.pricing.RequestOptions;
import dev.tradeoff.pricing.catalog.PricingJson;
import dev.tradeoff.pricing.plan.CommittedPlan;
import dev.tradeoff.pricing.plan.DemandCurve;
import dev.tradeoff.pricing.plan.PayAsYouGoPlan;
import dev.tradeoff.pricing.plan.Payment;
import dev.tradeoff.pricing.plan.TokenMix;
import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

/** TCO against hand-computed cash flows. gpt-4o-mini pay-as-you-go on 100k tokens/min of 1500/300 = $985.50/month. */
final class TcoScenarioTest {

  private static final DemandCurve DEMAND = DemandCurve.flat(100_000, TokenMix.of(1500, 300));
  private static final PayAsYouGoPlan MINI = PayAsYouGoPlan.of(PriceCatalog.bundled().resolve("gpt-4o-mini"));
  private static final PayAsYouGoPlan MINI_BATCH =
      PayAsYouGoPlan.of(PriceCatalog.bundled().resolve("gpt-4o-mini"), RequestOptions.batch());

  private static ImmutableTcoScenario.Builder scenario(int years) {
    return TcoScenario.builder().demand(DEMAND).years(years);
  }

  @Test
  void project_flat_totalIsMonthlyTimesMonths() {
    TcoResult r = scenario(1).addOption(TcoOption.of("payg", MINI)).build().project().result("payg");

    assertThat(r.months()).hasSize(12);
    assertThat(r.total()).isEqualByComparingTo("11826");
    assertThat(r.netPresentCost()).isEqualByComparingTo("11826");
    assertThat(r.months().get(11).cumulative()).isEqualByComparingTo("11826");
  }

  /** Demand doubling per year, compounded monthly: 985.5 x sum_{k=0..11} 2^(k/12). */
  @Test
  void project_growth_compoundsMonthly() {
    TcoResult r = scenario(1).demandGrowthPerYear(1.0).addOption(TcoOption.of("payg", MINI)).build().project()
        .result("payg");

    double expected = 0;
    for (int k = 0; k < 12; k++) {
      expected += 985.5 * Math.pow(2, k / 12.0);
    }
    assertThat(r.total().doubleValue()).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-4));
    assertThat(r.months().get(11).demandFactor()).isCloseTo(Math.pow(2, 11 / 12.0), org.assertj.core.api.Assertions.within(1e-12));
  }

  /** Prices halve at the start of year 2: 12 x 985.5 + 12 x 492.75 = 17,739. */
  @Test
  void project_yearlyPriceDecline_stepsAtYearStart() {
    TcoResult r = scenario(2).priceDeclinePerYear(0.5).addOption(TcoOption.of("payg", MINI)).build().project()
        .result("payg");

    assertThat(r.total()).isEqualByComparingTo("17739");
    assertThat(r.months().get(12).priceFactor()).isEqualTo(0.5);
  }

  /** NPV at 12%/year, end-of-month flows: sum_{m=1..12} 985.5 / 1.12^(m/12). */
  @Test
  void project_discountRate_netPresentCostBelowNominal() {
    TcoResult r = scenario(1).discountRatePerYear(0.12).addOption(TcoOption.of("payg", MINI)).build().project()
        .result("payg");

    BigDecimal expected = BigDecimal.ZERO;
    for (int m = 1; m <= 12; m++) {
      expected = expected.add(new BigDecimal("985.5").multiply(BigDecimal.valueOf(Math.pow(1.12, -m / 12.0)),
          MathContext.DECIMAL64));
    }
    assertThat(r.netPresentCost()).isCloseTo(expected, org.assertj.core.api.Assertions.within(new BigDecimal("0.0001")));
    assertThat(r.total()).isEqualByComparingTo("11826");
  }

  /**
   * Migrating to batch costs $2,000 once and halves the bill: cumulative 2000 + 492.75 m <= 985.5 m from
   * m >= 4.06, i.e. month 5.
   */
  @Test
  void breakEvenMonth_migrationPaysBackInMonth5() {
    TcoProjection p = scenario(1)
        .addOption(TcoOption.of("payg", MINI))
        .addOption(TcoOption.builder().name("batch").plan(MINI_BATCH).oneTimeCost(new BigDecimal("2000")).build())
        .build().project();

    assertThat(p.breakEvenMonth("batch", "payg")).hasValue(5);
    assertThat(p.breakEvenMonth("payg", "batch")).isEmpty();
    assertThat(p.result("batch").months().get(0).cost()).isEqualByComparingTo("2492.75");
    assertThat(p.cheapest().name()).isEqualTo("batch");
  }

  @Test
  void project_operatingOverhead_addedEveryMonth() {
    TcoResult r = scenario(1).addOption(TcoOption.builder().name("x").plan(MINI)
        .operatingOverheadPerMonth(new BigDecimal("100")).build()).build().project().result("x");

    assertThat(r.total()).isEqualByComparingTo("13026"); // (985.5 + 100) x 12
  }

  /** An up-front 12-month commitment of $1,000/month is paid as $12,000 at the start of each term. */
  @Test
  void project_upfrontCommitment_paidAtTermStarts() {
    CommittedPlan upfront = CommittedPlan.builder().name("commit").base(MINI).discount(0.2)
        .commitmentPerMonth(new BigDecimal("1000")).termMonths(12).payment(Payment.UPFRONT).build();

    TcoResult r = scenario(2).addOption(TcoOption.of("commit", upfront)).build().project().result("commit");

    assertThat(r.months().get(0).cost()).isEqualByComparingTo("12000");
    assertThat(r.months().get(1).cost()).isEqualByComparingTo("0");
    assertThat(r.months().get(12).cost()).isEqualByComparingTo("12000");
    assertThat(r.total()).isEqualByComparingTo("24000");
  }

  @Test
  void scenario_invalidNumbers_rejectedNamingField() {
    assertThatThrownBy(() -> scenario(0).addOption(TcoOption.of("p", MINI)).build())
        .isInstanceOf(InvalidValueException.class).hasMessage("`years` must be in 1..30, but was 0");
    assertThatThrownBy(() -> scenario(1).priceDeclinePerYear(1.0).addOption(TcoOption.of("p", MINI)).build())
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("`priceDeclinePerYear`");
    assertThatThrownBy(() -> scenario(1).addOption(TcoOption.of("p", MINI)).addOption(TcoOption.of("p", MINI)).build())
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("unique");
  }

  @Test
  void json_scenarioWithPolymorphicPlan_roundTrips() throws Exception {
    ObjectMapper json = PricingJson.mapper();
    TcoScenario s = scenario(1).addOption(TcoOption.of("payg", MINI)).build();

    String text = json.writeValueAsString(s);
    TcoScenario back = json.readValue(text, TcoScenario.class);

    assertThat(back).isEqualTo(s);
    assertThat(text).contains("\"type\":\"PAY_AS_YOU_GO\"");
    assertThat(text).as("the question, not its projection").doesNotContain("\"project\"");
  }
}
