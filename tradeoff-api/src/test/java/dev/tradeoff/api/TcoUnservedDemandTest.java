package dev.tradeoff.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeoff.api.report.ExcludedCandidate;
import dev.tradeoff.api.report.ExclusionReason;
import dev.tradeoff.api.report.ReportRenderer;
import dev.tradeoff.api.report.TcoLine;
import dev.tradeoff.api.report.TradeoffReport;
import dev.tradeoff.api.workload.RequestRate;
import dev.tradeoff.api.workload.TokenProfile;
import dev.tradeoff.api.workload.WorkloadProfile;
import dev.tradeoff.pricing.catalog.AzureDeployment;
import dev.tradeoff.pricing.catalog.OfferCatalog;
import dev.tradeoff.pricing.plan.Commitment;
import dev.tradeoff.pricing.plan.SelfHostedPlan;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A TCO never presents a candidate that leaves demand unserved as the cheapest. Demand: a steady 70,000 tokens/min
 * of 1,500 in / 300 out, doubling every year, over 2 years. Azure gpt-4o global PTU at $1/PTU-hour; 40 PTUs carry
 * 40 x 2,500 / 2,400 weighted tokens per request = 41.67 requests/min = 75,000 tokens/min and cost 40 x 730 x $1 =
 * $29,200 a month. Month 2 needs 70,000 x 2^(1/12) = 74,162 tokens/min (served), month 3 70,000 x 2^(2/12) = 78,572
 * (short). Pay-as-you-go gpt-4o: $3.75 per 1M of this mix = 0.16425 x 70,000 = $11,497.50 in month 1, growing
 * to 11,497.5 x 3 / (2^(1/12) - 1) = $580,066 over 2 years, + a $200,000 migration = $780,066.
 */
final class TcoUnservedDemandTest {

  private static final WorkloadProfile GROWING = WorkloadProfile.builder().name("growing")
      .traffic(RequestRate.of(70_000 * 60 / 1_800.0)).tokens(TokenProfile.of(1_500, 300)).growthPerYear(1.0).build();

  private static DeploymentCandidate fixedPtu(String name, int units) {
    return DeploymentCandidate.of(name, "azure/gpt-4o",
        OfferCatalog.bundled().azurePtu("gpt-4o", AzureDeployment.GLOBAL, Commitment.HOURLY)
            .withFixedUnits(Map.of("PTU", units)));
  }

  private static final DeploymentCandidate PAYG = DeploymentCandidate.of("GPT-4o", "azure/gpt-4o")
      .withOneTimeCostUsd(new BigDecimal("200000"));

  @Test
  void analyze_fixedCapacityFallsShortUnderGrowth_tcoFlaggedAndNeverNamedLowest() {
    TradeoffReport r = TradeoffAnalyzer.builder().workload(GROWING).addCandidate(fixedPtu("PTU 40", 40))
        .addCandidate(PAYG).tco(TcoSettings.builder().years(2).build()).build().analyze();

    TcoLine ptu = r.tco().stream().filter(l -> l.candidate().equals("PTU 40")).findFirst().orElseThrow();
    TcoLine payg = r.tco().stream().filter(l -> l.candidate().equals("GPT-4o")).findFirst().orElseThrow();
    assertThat(ptu.result().total()).isEqualByComparingTo("700800");       // 24 x 29,200: less than pay-as-you-go
    assertThat(payg.result().total()).isGreaterThan(ptu.result().total());
    assertThat(ptu.result().coversDemand()).isFalse();
    assertThat(ptu.result().firstUnservedMonth()).hasValue(3);
    assertThat(payg.result().coversDemand()).isTrue();
    assertThat(r.recommendation().details()).anyMatch(d -> d.startsWith("Over 24 months, GPT-4o has the lowest net"
        + " present cost") && d.contains("left out for unserved demand: PTU 40 (from month 3)"));
    assertThat(r.recommendation().details()).noneMatch(d -> d.contains("PTU 40 has the lowest net present cost"));
    assertThat(r.notes()).anyMatch(n -> n.startsWith("The TCO of PTU 40 does not cover the workload: from month 3"));
    String md = ReportRenderer.markdown(r);
    assertThat(md).contains("| Covers demand |").contains("tokens unserved from month 3")
        .containsOnlyOnce("prices only the served part");
  }

  /**
   * Llama on at most 2 replicas of 100 output tokens/s each serves 12,000 output tokens/min at full throughput, i.e.
   * 2,400 requests/hour of 1,500 in / 300 out. At 2,400.0000001 requests/hour, 5 x 1e-7 output tokens/min are left
   * over, x 6 (all tokens per output token) x 43,800 minutes = 0.13 tokens/month: a real shortfall that excludes
   * the candidate, which the message used to print as "0 tokens/month unserved".
   */
  @Test
  void analyze_capacityShortBySomeHundredthsOfATokenPerMonth_exclusionNamesTheShortfallNotZero() {
    TradeoffReport r = TradeoffAnalyzer.builder().workload(WorkloadProfile.builder().name("at the cap")
            .traffic(RequestRate.of(2_400.0000001)).tokens(TokenProfile.of(1_500, 300)).build())
        .addCandidate(cappedLlama()).addCandidate(PAYG).build().analyze();

    ExcludedCandidate llama = r.excluded().stream().filter(e -> e.name().equals("Llama")).findFirst().orElseThrow();
    assertThat(llama.has(ExclusionReason.Kind.CAPACITY)).isTrue();
    assertThat(llama.describe()).contains("cannot serve the demand: 0.13 tokens/month unserved (capacity too small,"
        + " no spillover)");
    assertThat(ReportRenderer.markdown(r)).doesNotContain(" 0 tokens");
  }

  /**
   * The same cap under growth: 2,399.99 requests/hour in month 1, growing so that month 12 asks 2,400.0000001. Only
   * month 12 is short, by 0.13 tokens; the TCO's note and table used to say "0 tokens unserved".
   */
  @Test
  void analyze_tcoShortByAFractionOfATokenInTheLastMonth_notesAndTableNameTheShortfallNotZero() {
    double growth = Math.pow(2_400.0000001 / 2_399.99, 12.0 / 11) - 1;
    TradeoffReport r = TradeoffAnalyzer.builder().workload(WorkloadProfile.builder().name("growing to the cap")
            .traffic(RequestRate.of(2_399.99)).tokens(TokenProfile.of(1_500, 300)).growthPerYear(growth).build())
        .addCandidate(cappedLlama()).addCandidate(PAYG).tco(TcoSettings.builder().years(1).build()).build()
        .analyze();

    TcoLine llama = r.tco().stream().filter(l -> l.candidate().equals("Llama")).findFirst().orElseThrow();
    assertThat(llama.result().firstUnservedMonth()).hasValue(12);
    assertThat(llama.result().unservedTokens()).isBetween(0.12, 0.14);
    assertThat(llama.unservedDescription()).contains("0.13 tokens unserved from month 12");
    assertThat(r.notes()).anyMatch(n -> n.startsWith("The TCO of Llama does not cover the workload: from month 12 its"
        + " capacity leaves 0.13 tokens unserved over the horizon"));
    String md = ReportRenderer.markdown(r);
    assertThat(md).contains("| NO: 0.13 tokens unserved from month 12 |").doesNotContain(" 0 tokens");
  }

  private static DeploymentCandidate cappedLlama() {
    return DeploymentCandidate.of("Llama", "meta/llama-3-70b", SelfHostedPlan.builder().name("Llama, 2 replicas")
        .instance(OfferCatalog.bundled().gpuInstance("aws-sagemaker/ml.g5.12xlarge"))
        .outputTokensPerSecondPerReplica(100).targetUtilization(0.8).maxReplicas(2).build());
  }

  /** 15 PTUs carry 28,125 tokens/min: short of month 1's 70,000, excluded for capacity, and so left out of the TCO. */
  @Test
  void analyze_candidateExcludedForCapacity_notProjected() {
    TradeoffReport r = TradeoffAnalyzer.builder().workload(GROWING).addCandidate(fixedPtu("PTU 15", 15))
        .addCandidate(PAYG).tco(TcoSettings.builder().years(2).build()).build().analyze();

    assertThat(r.excluded()).anyMatch(e -> e.name().equals("PTU 15") && e.has(ExclusionReason.Kind.CAPACITY));
    assertThat(r.tco()).extracting(TcoLine::candidate).containsExactly("GPT-4o");
    assertThat(r.notes()).contains("No TCO for PTU 15: it cannot serve the demand (excluded for capacity).");
    assertThat(r.recommendation().details()).noneMatch(d -> d.contains("PTU 15 has the lowest net present cost"));
  }
}
