package dev.tradeoff.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeoff.api.report.ReportRenderer;
import dev.tradeoff.api.report.TcoLine;
import dev.tradeoff.api.report.TradeoffReport;
import dev.tradeoff.api.workload.RequestRate;
import dev.tradeoff.api.workload.TokenProfile;
import dev.tradeoff.api.workload.WorkloadProfile;
import dev.tradeoff.pricing.PriceCatalog;
import dev.tradeoff.pricing.catalog.AzureDeployment;
import dev.tradeoff.pricing.catalog.OfferCatalog;
import dev.tradeoff.pricing.plan.Commitment;
import dev.tradeoff.pricing.plan.CommittedPlan;
import dev.tradeoff.pricing.plan.PayAsYouGoPlan;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rendered report shows each TCO's own notes (contract terms), attributed to its candidate, and says what a
 * partial TCO leaves out once. Demand: 70,000 tokens/min of 1,500 in / 300 out.
 */
final class TcoReportNotesTest {

  private static final String PTU_TERM = "reserved units are locked for each 12-month term: they never shrink within a"
      + " term (they grow with demand, at the term's price) and are re-sized and re-priced at each renewal";
  private static final String COMMIT_TERM = "the commitment is fixed for each 24-month term at the price level of"
      + " the term's start and paid whether used or not; usage is priced month by month; the last term runs 12"
      + " months past the horizon and those months are not counted";

  private static WorkloadProfile workload(double growthPerYear) {
    return WorkloadProfile.builder().name("steady").traffic(RequestRate.of(70_000 * 60 / 1_800.0))
        .tokens(TokenProfile.of(1_500, 300)).growthPerYear(growthPerYear).build();
  }

  private static final DeploymentCandidate PTU_1Y = DeploymentCandidate.of("PTU 1y", "azure/gpt-4o",
      OfferCatalog.bundled().azurePtu("gpt-4o", AzureDeployment.GLOBAL, Commitment.P1Y));
  private static final DeploymentCandidate COMMIT_2Y = DeploymentCandidate.of("Commit 2y", "azure/gpt-4o",
      CommittedPlan.builder().name("gpt-4o, 2-year commitment")
          .base(PayAsYouGoPlan.of(PriceCatalog.bundled().resolve("azure/gpt-4o"))).discount(0.1)
          .commitmentPerMonth(new BigDecimal("10000")).termMonths(24).build());
  private static final ImmutableDeploymentCandidate GPT_4O = DeploymentCandidate.of("GPT-4o", "azure/gpt-4o");
  private static final DeploymentCandidate PTU_40 = DeploymentCandidate.of("PTU 40", "azure/gpt-4o",
      OfferCatalog.bundled().azurePtu("gpt-4o", AzureDeployment.GLOBAL, Commitment.HOURLY)
          .withFixedUnits(Map.of("PTU", 40)));

  private static TradeoffReport threeYears() {
    return TradeoffAnalyzer.builder().workload(workload(0)).addCandidate(GPT_4O).addCandidate(PTU_1Y)
        .addCandidate(COMMIT_2Y).tco(TcoSettings.builder().years(3).build()).build().analyze();
  }

  /** A 24-month commitment in a 36-month TCO: its note says the second term's last 12 months are not counted. */
  @Test
  void markdown_termsInAThreeYearTco_eachCandidatesTermNoteUnderTheTableInTheReportsOrder() {
    TradeoffReport r = threeYears();
    assertThat(r.tco()).extracting(TcoLine::candidate).containsExactly("GPT-4o", "PTU 1y", "Commit 2y");

    String md = ReportRenderer.markdown(r);

    String tco = md.substring(md.indexOf("### TCO over 36 months"));
    assertThat(tco).contains("| Commit 2y | $").contains(" |\n\n- PTU 1y: " + PTU_TERM + "\n- Commit 2y: "
        + COMMIT_TERM + "\n");
    assertThat(md).containsOnlyOnce(COMMIT_TERM).containsOnlyOnce(PTU_TERM);
    assertThat(tco).doesNotContain("GPT-4o: ");
  }

  @Test
  void plainText_termsInAThreeYearTco_sameNotesUnderTheTable() {
    String text = ReportRenderer.plainText(threeYears());

    String tco = text.substring(text.indexOf("TCO over 36 months\n------------------"));
    assertThat(tco).contains("\n\n- PTU 1y: " + PTU_TERM + "\n- Commit 2y: " + COMMIT_TERM + "\n");
  }

  /**
   * 40 fixed PTUs under demand doubling every year fall short from month 3 (see {@link TcoUnservedDemandTest}): the
   * table marks the row, the report's notes explain it once, with the missing break-even; neither the TCO result's
   * own unserved note nor a generic bullet repeats it.
   */
  @Test
  void markdownAndPlainText_partialTco_unservedDemandExplainedOnce() {
    TradeoffReport r = TradeoffAnalyzer.builder().workload(workload(1.0)).addCandidate(PTU_40)
        .addCandidate(GPT_4O.withOneTimeCostUsd(new BigDecimal("200000")))
        .tco(TcoSettings.builder().years(2).incumbent("GPT-4o").build()).build().analyze();
    TcoLine ptu = r.tco().stream().filter(l -> l.candidate().equals("PTU 40")).findFirst().orElseThrow();
    assertThat(ptu.result().unservedNote()).isPresent();

    for (String out : new String[] {ReportRenderer.markdown(r), ReportRenderer.plainText(r)}) {
      assertThat(out).contains("NO: " + ptu.unservedDescription().orElseThrow())
          .containsOnlyOnce("The TCO of PTU 40 does not cover the workload: from month 3")
          .containsOnlyOnce("does not cover").containsOnlyOnce("served part")
          .doesNotContain(ptu.result().unservedNote().get());
      assertThat(out.substring(out.indexOf("TCO over 24 months"), out.indexOf("Notes\n"))).doesNotContain("PTU 40: ");
    }
  }
}
