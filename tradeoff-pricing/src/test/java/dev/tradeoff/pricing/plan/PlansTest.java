package dev.tradeoff.pricing.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tradeoff.pricing.InvalidValueException;
import dev.tradeoff.pricing.PriceCatalog;
import dev.tradeoff.pricing.RequestOptions;
import dev.tradeoff.pricing.UnpricedUsageException;
import dev.tradeoff.pricing.catalog.OfferCatalog;
import dev.tradeoff.pricing.selfhost.GpuInstance;
import dev.tradeoff.pricing.selfhost.InstancePricing;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

final class PlansTest {

  private static final PriceCatalog CATALOG = PriceCatalog.bundled();
  private static final TokenMix MIX = TokenMix.of(1500, 300);
  /** 100,000 tokens/min x 60 x 730 = 4.38e9 tokens/month: 3.65e9 input, 0.73e9 output. */
  private static final DemandCurve FLAT_100K = DemandCurve.flat(100_000, MIX);

  /** Reference scenario 1: GPT-4o mini 3650 x $0.15 + 730 x $0.60 = 985.5; Claude 3 Haiku 3650 x 0.25 + 730 x 1.25 = 1825. */
  @Test
  void payAsYouGo_referenceScenarioModels_handComputedMonthlyCost() {
    WorkloadCost mini = PayAsYouGoPlan.of(CATALOG.resolve("gpt-4o-mini")).monthlyCost(FLAT_100K);
    WorkloadCost haiku = PayAsYouGoPlan.of(CATALOG.resolve("claude-3-haiku")).monthlyCost(FLAT_100K);

    assertThat(mini.monthlyTotal()).isEqualByComparingTo("985.5");
    assertThat(haiku.monthlyTotal()).isEqualByComparingTo("1825");
    assertThat(mini.tokensPerMonth()).isEqualTo(4.38e9);
    assertThat(mini.perMillionTokens()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("0.225"));
    assertThat(mini.utilization()).isEqualTo(1.0);
  }

  @Test
  void payAsYouGo_batch_halfPrice() {
    WorkloadCost batch = PayAsYouGoPlan.of(CATALOG.resolve("gpt-4o-mini"), RequestOptions.batch()).monthlyCost(FLAT_100K);

    assertThat(batch.monthlyTotal()).isEqualByComparingTo("492.75");
  }

  @Test
  void payAsYouGo_mixWithUnpricedClass_throws() {
    TokenMix oneHour = TokenMix.builder().input(100).cacheWrite1h(1000).output(100).build();

    assertThatThrownBy(() -> PayAsYouGoPlan.of(CATALOG.resolve("gpt-4o-mini"))
        .monthlyCost(DemandCurve.flat(1000, oneHour))).isInstanceOf(UnpricedUsageException.class);
  }

  /** Long-context tier chosen by the mix's prompt size: 250k-token prompts on Sonnet 4.5 at $6 / $22.50. */
  @Test
  void payAsYouGo_longPromptMix_usesTier() {
    PayAsYouGoPlan sonnet = PayAsYouGoPlan.of(CATALOG.resolve("claude-sonnet-4-5"));

    assertThat(sonnet.costPerRequest(TokenMix.of(250_000, 500))).isEqualByComparingTo("1.51125");
  }

  /** Base 985.5/month (gpt-4o-mini), 20% off = 788.4 of usage against a commitment. */
  @Test
  void committed_usageBelowCommitment_unusedStillPaid() {
    CommittedPlan plan = CommittedPlan.builder().name("commit 1000")
        .base(PayAsYouGoPlan.of(CATALOG.resolve("gpt-4o-mini"))).discount(0.2)
        .commitmentPerMonth(new BigDecimal("1000")).build();

    WorkloadCost c = plan.monthlyCost(FLAT_100K);

    assertThat(c.monthlyTotal()).isEqualByComparingTo("1000");
    assertThat(c.items()).filteredOn(i -> i.name().startsWith("commitment unused"))
        .singleElement().satisfies(i -> assertThat(i.amount()).isEqualByComparingTo("211.6"));
    assertThat(c.utilization()).isCloseTo(0.7884, within(1e-9));
  }

  @Test
  void committed_usageAboveCommitment_overageDiscountedOrAtList() {
    ImmutableCommittedPlan.Builder b = CommittedPlan.builder().name("commit 500")
        .base(PayAsYouGoPlan.of(CATALOG.resolve("gpt-4o-mini"))).discount(0.2)
        .commitmentPerMonth(new BigDecimal("500"));

    assertThat(b.build().monthlyCost(FLAT_100K).monthlyTotal()).isEqualByComparingTo("788.4");
    assertThat(b.overageDiscounted(false).build().monthlyCost(FLAT_100K).monthlyTotal())
        .isEqualByComparingTo("860.5"); // 500 + 288.4 / 0.8
  }

  @Test
  void committed_upfront_reportsTermPayment() {
    WorkloadCost c = CommittedPlan.builder().name("upfront")
        .base(PayAsYouGoPlan.of(CATALOG.resolve("gpt-4o-mini"))).discount(0.2)
        .commitmentPerMonth(new BigDecimal("1000")).termMonths(12).payment(Payment.UPFRONT).build()
        .monthlyCost(FLAT_100K);

    assertThat(c.upfrontPayment()).isEqualByComparingTo("12000");
    assertThat(c.termMonths()).isEqualTo(12);
  }

  @Test
  void committed_discountOutOfRange_rejected() {
    assertThatThrownBy(() -> CommittedPlan.builder().name("bad")
        .base(PayAsYouGoPlan.of(CATALOG.resolve("gpt-4o-mini"))).discount(1.5)
        .commitmentPerMonth(BigDecimal.TEN).build())
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("`discount` must be in [0, 1) (plan bad), but was 1.5");
  }

  /**
   * Self-hosted on ml.g5.12xlarge ($7.09/h): 60,000 tpm of 1000 in / 250 out = 200 output tokens/s; at 100
   * tokens/s per replica and 80% target utilization: ceil(2.5) = 3 replicas x 730 h x $7.09 = $15,527.10, plus
   * 20 engineering hours x $100.
   */
  @Test
  void selfHosted_flatDemand_handComputed() {
    GpuInstance g5 = OfferCatalog.bundled().gpuInstance("aws-sagemaker/ml.g5.12xlarge");
    SelfHostedPlan plan = SelfHostedPlan.builder().name("g5").instance(g5).outputTokensPerSecondPerReplica(100)
        .targetUtilization(0.8).engineeringHoursPerMonth(20).engineeringHourlyRate(new BigDecimal("100")).build();

    WorkloadCost c = plan.monthlyCost(DemandCurve.flat(60_000, TokenMix.of(1000, 250)));

    assertThat(c.monthlyTotal()).isEqualByComparingTo("17527.1");
    assertThat(c.peakUnits()).isEqualTo(3);
    assertThat(c.utilization()).isCloseTo(200.0 / 300, within(1e-9));
  }

  @Test
  void selfHosted_maxReplicasReached_spillsOrReportsUnserved() {
    GpuInstance g5 = OfferCatalog.bundled().gpuInstance("aws-sagemaker/ml.g5.12xlarge");
    ImmutableSelfHostedPlan.Builder b = SelfHostedPlan.builder().name("g5").instance(g5).outputTokensPerSecondPerReplica(100)
        .maxReplicas(1);
    DemandCurve d = DemandCurve.flat(60_000, TokenMix.of(1000, 250));

    WorkloadCost unserved = b.build().monthlyCost(d);
    WorkloadCost spilled = b.spillover(PayAsYouGoPlan.of(CATALOG.resolve("groq/llama-3.3-70b-versatile"))).build()
        .monthlyCost(d);

    // 1 replica serves 100 of 200 output tokens/s: half the tokens.
    assertThat(unserved.unservedTokensPerMonth()).isCloseTo(d.tokensPerMonth() / 2, within(1.0));
    assertThat(spilled.spilledTokensPerMonth()).isCloseTo(d.tokensPerMonth() / 2, within(1.0));
    assertThat(spilled.coversDemand()).isTrue();
  }

  /** Reserved pricing: the baseline (min replicas) at the reserved rate for every hour, the rest on demand. */
  @Test
  void selfHosted_reservedBaselinePlusOnDemandBurst() {
    GpuInstance a100 = OfferCatalog.bundled().gpuInstance("gcp/a2-highgpu-1g"); // on demand 3.673385, 1y 2.3142
    SelfHostedPlan plan = SelfHostedPlan.builder().name("a100").instance(a100).pricing(InstancePricing.RESERVED_1Y)
        .outputTokensPerSecondPerReplica(100).targetUtilization(1.0).minReplicas(1).build();
    // business hours need 2 replicas (150 out tok/s), otherwise 1
    DemandCurve d = DemandCurve.weekdayBusinessHours(36_000, 6_000, TokenMix.of(750, 250));

    WorkloadCost c = plan.monthlyCost(d);

    // 1 x 730 x 2.3142 + (40 h/week x 1 extra) x 730/168 x 3.673385
    assertThat(c.monthlyTotal()).isEqualByComparingTo(new BigDecimal("1689.366000").add(new BigDecimal("638.469298")));
  }

  @Test
  void selfHosted_invalidParameters_rejectedNamingField() {
    GpuInstance g5 = OfferCatalog.bundled().gpuInstance("aws-sagemaker/ml.g5.12xlarge");
    assertThatThrownBy(() -> SelfHostedPlan.builder().name("x").instance(g5).outputTokensPerSecondPerReplica(0).build())
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("`outputTokensPerSecondPerReplica` must be > 0");
    assertThatThrownBy(() -> SelfHostedPlan.builder().name("x").instance(g5).outputTokensPerSecondPerReplica(10)
        .pricing(InstancePricing.SPOT).build())
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("SPOT hourly price");
  }

  @Test
  void demandCurve_wrongLengthOrNegative_rejected() {
    assertThatThrownBy(() -> DemandCurve.of(new double[24], MIX)).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("168 hourly values");
    double[] bad = new double[168];
    bad[7] = -1;
    assertThatThrownBy(() -> DemandCurve.of(bad, MIX)).isInstanceOf(InvalidValueException.class)
        .hasMessage("`tokensPerMinute[7]` must be >= 0 and finite, but was -1.0");
    bad[7] = Double.NaN;
    assertThatThrownBy(() -> DemandCurve.of(bad, MIX)).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void tokenMix_allZero_rejected() {
    assertThatThrownBy(() -> TokenMix.of(0, 0)).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("totalPerRequest");
  }
}
