package dev.tradeoff.pricing.tco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradeoff.pricing.InvalidValueException;
import dev.tradeoff.pricing.PriceCatalog;
import dev.tradeoff.pricing.RequestOptions;
import dev.tradeoff.pricing.plan.CapacityPool;
import dev.tradeoff.pricing.plan.CommittedPlan;
import dev.tradeoff.pricing.plan.DemandCurve;
import dev.tradeoff.pricing.plan.PayAsYouGoPlan;
import dev.tradeoff.pricing.plan.Payment;
import dev.tradeoff.pricing.plan.ProvisionedPlan;
import dev.tradeoff.pricing.plan.TokenMix;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * {@link TcoProjection#breakEvenMonth} by its rule: a month only if both options cover the demand and the challenger
 * ends the horizon strictly cheaper; then the first month from which it stays at or below. gpt-4o-mini
 * pay-as-you-go on 100k tokens/min of 1500/300 costs p = $985.50 a month, batch half that.
 */
final class TcoBreakEvenTest {

  private static final DemandCurve DEMAND = DemandCurve.flat(100_000, TokenMix.of(1500, 300));
  private static final PayAsYouGoPlan MINI = PayAsYouGoPlan.of(PriceCatalog.bundled().resolve("gpt-4o-mini"));
  private static final PayAsYouGoPlan MINI_BATCH =
      PayAsYouGoPlan.of(PriceCatalog.bundled().resolve("gpt-4o-mini"), RequestOptions.batch());

  /** An up-front yearly commitment of {@code perMonth} a month, 20% off: usage (788.40 a month) never exceeds it. */
  private static CommittedPlan upfront(String perMonth) {
    return CommittedPlan.builder().name("commit").base(MINI).discount(0.2).commitmentPerMonth(new BigDecimal(perMonth))
        .termMonths(12).payment(Payment.UPFRONT).build();
  }

  /** Options "payg" and "commit" ({@link #upfront}), undiscounted. */
  private static TcoProjection commitmentAgainstPayg(int years, String commitmentPerMonth) {
    return TcoScenario.builder().demand(DEMAND).years(years).addOption(TcoOption.of("payg", MINI))
        .addOption(TcoOption.of("commit", upfront(commitmentPerMonth))).build().project();
  }

  private static ImmutableTcoScenario.Builder scenario(int years) {
    return TcoScenario.builder().demand(DEMAND).years(years).discountRatePerYear(0.08);
  }

  @Test
  void breakEvenMonth_identicalOptions_emptyBothWays() {
    TcoProjection p = scenario(2).addOption(TcoOption.of("a", MINI)).addOption(TcoOption.of("b", MINI)).build()
        .project();

    assertThat(p.result("a").total()).isEqualByComparingTo(p.result("b").total());
    assertThat(p.breakEvenMonth("a", "b")).isEmpty();
    assertThat(p.breakEvenMonth("b", "a")).isEmpty();
    assertThat(p.discountedBreakEvenMonth("a", "b")).isEmpty();
    assertThat(p.breakEvenMonth("a", "a")).isEmpty();
  }

  /** Batch costs $492.75 a month against $985.50 from month 1, with nothing to pay back. */
  @Test
  void breakEvenMonth_cheaperFromTheStart_month1() {
    TcoProjection p = scenario(1).addOption(TcoOption.of("payg", MINI)).addOption(TcoOption.of("batch", MINI_BATCH))
        .build().project();

    assertThat(p.breakEvenMonth("batch", "payg")).hasValue(1);
    assertThat(p.discountedBreakEvenMonth("batch", "payg")).hasValue(1);
    assertThat(p.breakEvenMonth("payg", "batch")).isEmpty();
  }

  /**
   * An up-front commitment of 10p a year (821.25 x 12 = $9,855 at months 1, 13 and 25) against 985.5 m: at or
   * below in months 10-12 (9,855 <= 985.5 m from m = 10, equal there), dearer again from month 13 (19,710 > 12,811.50)
   * until month 20 (equal), and from month 25 (29,565 > 24,637.50) until month 30 (equal); it ends strictly cheaper
   * (29,565 < 35,478), so month 30 — not month 10, which the next term's payment undoes.
   */
  @Test
  void breakEvenMonth_crossesBackAndForth_firstMonthOfTheLastStretch() {
    TcoProjection p = commitmentAgainstPayg(3, "821.25");

    TcoResult commit = p.result("commit");
    assertThat(commit.months().get(29).cumulative()).isEqualByComparingTo("29565");
    assertThat(p.result("payg").months().get(29).cumulative()).isEqualByComparingTo("29565");
    assertThat(commit.months().get(28).cumulative())
        .isGreaterThan(p.result("payg").months().get(28).cumulative());
    assertThat(p.breakEvenMonth("commit", "payg")).hasValue(30);
    assertThat(p.breakEvenMonth("payg", "commit")).isEmpty();
  }

  /**
   * One yearly term of $11,826 paid up front (12p) against 985.5 m: equal at month 12, the end of the horizon. Equal
   * is not a saving: no month, although the challenger is never dearer from month 12 on.
   */
  @Test
  void breakEvenMonth_equalAtTheEnd_empty() {
    TcoProjection p = commitmentAgainstPayg(1, "985.5");

    assertThat(p.result("commit").total()).isEqualByComparingTo(p.result("payg").total()).isEqualByComparingTo("11826");
    assertThat(p.breakEvenMonth("commit", "payg")).isEmpty();
    assertThat(p.breakEvenMonth("payg", "commit")).isEmpty();
  }

  /**
   * 40 fixed PTUs ($29,200 a month) serve 75,000 tokens/min; demand doubles yearly, so from month 2 some is
   * unserved (see {@link TcoUnservedDemandTest}). Over 2 years the fixed plan's $700,800 is below pay-as-you-go
   * gpt-4o with $5,000 a month of overhead ($741,499) and pay-as-you-go alone ($621,499) is below it — but the fixed
   * plan's total prices only the served part, so neither comparison is a break-even.
   */
  @Test
  void breakEvenMonth_eitherOptionNotCoveringDemand_empty() {
    ProvisionedPlan fixed = ProvisionedPlan.builder().name("40 PTU")
        .addPool(CapacityPool.weighted("PTU", 2_500, 3, 1).minimumUnits(15).unitIncrement(5)
            .hourlyPerUnit(new BigDecimal("1")).build())
        .putFixedUnit("PTU", 40).build();
    PayAsYouGoPlan gpt4o = PayAsYouGoPlan.of(PriceCatalog.bundled().resolve("azure/gpt-4o"));
    TcoProjection p = TcoScenario.builder().demand(DemandCurve.flat(75_000, TokenMix.of(1500, 300))).years(2)
        .demandGrowthPerYear(1.0)
        .addOption(TcoOption.of("fixed", fixed))
        .addOption(TcoOption.builder().name("payg+ops").plan(gpt4o).operatingOverheadPerMonth(new BigDecimal("5000"))
            .build())
        .addOption(TcoOption.of("payg", gpt4o))
        .build().project();

    assertThat(p.result("fixed").coversDemand()).isFalse();
    assertThat(p.result("fixed").total()).isLessThan(p.result("payg+ops").total());
    assertThat(p.result("payg").total()).isLessThan(p.result("fixed").total());
    assertThat(p.breakEvenMonth("fixed", "payg+ops")).as("a challenger that does not cover").isEmpty();
    assertThat(p.discountedBreakEvenMonth("fixed", "payg+ops")).isEmpty();
    assertThat(p.breakEvenMonth("payg", "fixed")).as("an incumbent that does not cover").isEmpty();
    assertThat(p.breakEvenMonth("payg", "payg+ops")).as("both cover: $5,000 a month cheaper").hasValue(1);
  }

  @Test
  void breakEvenMonth_unknownOrMismatchedOption_throwsNamingIt() {
    TcoProjection p = scenario(1).addOption(TcoOption.of("payg", MINI)).build().project();
    TcoResult payg = p.result("payg");
    TcoProjection mismatched = ImmutableTcoProjection.builder().addResults(payg,
        ImmutableTcoResult.copyOf(payg).withName("short").withMonths(payg.months().subList(0, 6))).build();

    assertThatThrownBy(() -> p.breakEvenMonth("batch", "payg")).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("\"batch\"");
    assertThatThrownBy(() -> mismatched.breakEvenMonth("short", "payg")).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("`months`").hasMessageContaining("6 and 12 months");
  }
}
