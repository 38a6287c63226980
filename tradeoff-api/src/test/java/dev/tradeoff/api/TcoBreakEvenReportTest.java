package dev.tradeoff.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeoff.api.report.ReportRenderer;
import dev.tradeoff.api.report.TcoLine;
import dev.tradeoff.api.report.TradeoffReport;
import dev.tradeoff.api.workload.RequestRate;
import dev.tradeoff.api.workload.TokenProfile;
import dev.tradeoff.api.workload.WorkloadProfile;
import dev.tradeoff.pricing.catalog.AzureDeployment;
import dev.tradeoff.pricing.catalog.OfferCatalog;
import dev.tradeoff.pricing.plan.Commitment;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Break-even months against the TCO incumbent, as the report states them: only for a real saving between TCOs that
 * cover the demand. Demand: 70,000 tokens/min of 1,500 in / 300 out (1,703,333 requests/month), doubling every year,
 * over 2 years. Per month 1: pay-as-you-go GPT-4o $0.00675 a request = $11,497.50; Claude Opus 4.1 $0.045 a request
 * = $76,650; 40 fixed global PTUs $29,200, short of the demand from month 3.
 */
final class TcoBreakEvenReportTest {

  private static final WorkloadProfile GROWING = WorkloadProfile.builder().name("growing")
      .traffic(RequestRate.of(70_000 * 60 / 1_800.0)).tokens(TokenProfile.of(1_500, 300)).growthPerYear(1.0).build();
  private static final ImmutableDeploymentCandidate GPT_4O = DeploymentCandidate.of("GPT-4o", "azure/gpt-4o");
  private static final DeploymentCandidate OPUS = DeploymentCandidate.of("Opus", "anthropic/claude-opus-4-1");
  private static final DeploymentCandidate PTU_40 = DeploymentCandidate.of("PTU 40", "azure/gpt-4o",
      OfferCatalog.bundled().azurePtu("gpt-4o", AzureDeployment.GLOBAL, Commitment.HOURLY)
          .withFixedUnits(Map.of("PTU", 40)));

  private static TradeoffReport analyze(String incumbent, DeploymentCandidate... candidates) {
    TradeoffAnalyzer.Builder b = TradeoffAnalyzer.builder().workload(GROWING)
        .tco(TcoSettings.builder().years(2).incumbent(incumbent).build());
    for (DeploymentCandidate c : candidates) {
      b.addCandidate(c);
    }
    return b.build().analyze();
  }

  private static TcoLine line(TradeoffReport r, String name) {
    return r.tco().stream().filter(l -> l.candidate().equals(name)).findFirst().orElseThrow();
  }

  /**
   * A $200,000 migration to GPT-4o saves 76,650 - 11,497.50 = $65,152.50 x 2^((m-1)/12) a month against Opus:
   * 65,152.50 x 2.0595 = $134,182 by month 2, 65,152.50 x 3.1821 = $207,321 by month 3 — it pays back in month 3.
   */
  @Test
  void analyze_migrationPaysBackInMonth3_reportedAsSuch() {
    TradeoffReport r = analyze("Opus", GPT_4O.withOneTimeCostUsd(new BigDecimal("200000")), OPUS);

    assertThat(line(r, "GPT-4o").breakEvenMonth()).hasValue(3);
    assertThat(line(r, "Opus").breakEvenMonth()).isEmpty();
    assertThat(r.recommendation().details()).anyMatch(d -> d.contains("; GPT-4o pays back against Opus in month 3."));
    assertThat(ReportRenderer.markdown(r)).contains("| month 3 |");
  }

  /** The same deployment under two names: equal costs every month, nothing to pay back. */
  @Test
  void analyze_identicalCandidates_noBreakEvenMonth() {
    TradeoffReport r = analyze("GPT-4o again", GPT_4O, GPT_4O.withName("GPT-4o again"));

    assertThat(line(r, "GPT-4o").result().total()).isEqualByComparingTo(line(r, "GPT-4o again").result().total());
    assertThat(line(r, "GPT-4o").breakEvenMonth()).isEmpty();
    assertThat(r.recommendation().details()).noneMatch(d -> d.contains("pays back"));
    assertThat(ReportRenderer.markdown(r)).doesNotContain("month 1 |");
  }

  /**
   * PTU 40 ($700,800 over 2 years) is far below Opus, and ranked first on cost; but it leaves demand unserved from
   * month 3, so it has no break-even month, and the report says why.
   */
  @Test
  void analyze_challengerTcoNotCoveringDemand_noBreakEvenMonthAndTheReportSaysWhy() {
    TradeoffReport r = analyze("Opus", PTU_40, OPUS);

    assertThat(line(r, "PTU 40").result().coversDemand()).isFalse();
    assertThat(line(r, "PTU 40").result().total()).isLessThan(line(r, "Opus").result().total());
    assertThat(line(r, "PTU 40").breakEvenMonth()).isEmpty();
    assertThat(r.notes()).anyMatch(n -> n.startsWith("The TCO of PTU 40 does not cover the workload: from month 3")
        && n.endsWith("its total prices only the served part, so it has no break-even month against Opus."));
    assertThat(r.recommendation().candidate()).contains("PTU 40");
    assertThat(r.recommendation().details()).anyMatch(d -> d.contains(
        "; PTU 40 has no break-even month against Opus: its TCO does not cover the demand."));
  }

  /** GPT-4o ($621,499 over 2 years) against an incumbent whose TCO prices only part of the demand: no month. */
  @Test
  void analyze_incumbentTcoNotCoveringDemand_noBreakEvenMonthAndTheReportSaysWhy() {
    TradeoffReport r = analyze("PTU 40", PTU_40, GPT_4O);

    assertThat(line(r, "GPT-4o").result().total()).isLessThan(line(r, "PTU 40").result().total());
    assertThat(line(r, "GPT-4o").breakEvenMonth()).isEmpty();
    assertThat(r.notes()).contains("The TCO incumbent PTU 40 does not cover the workload, so no candidate has a"
        + " break-even month against it.");
    assertThat(r.notes()).anyMatch(n -> n.startsWith("The TCO of PTU 40 does not cover the workload")
        && n.endsWith("its total prices only the served part."));
    assertThat(r.recommendation().candidate()).contains("GPT-4o");
    assertThat(r.recommendation().details()).anyMatch(d -> d.contains(
        "; GPT-4o has no break-even month against PTU 40: PTU 40's TCO does not cover the demand."));
  }
}
