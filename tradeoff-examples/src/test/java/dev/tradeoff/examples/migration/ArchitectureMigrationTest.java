package dev.tradeoff.examples.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradeoff.examples.ReportFiles;
import dev.tradeoff.pricing.PricingException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ArchitectureMigrationTest {

  private static final MigrationReport REPORT = ArchitectureMigration.run(MigrationScenario.defaults());

  @TempDir
  Path dir;

  @Test
  void run_reference_currentIs35DataZonePtusAt286() {
    // Capacity tokens per request: 1,500 input x 1 + 300 output x 3 = 2,400 per 1,800 tokens. Peak 50,000
    // tokens/min x 2,400 / 1,800 x 1.2 headroom = 80,000 / 2,500 per PTU = 32 PTU, rounded up to the increment
    // of 5: 35 PTU x $286 (Data Zone, 1-month reservation) = $10,010; plus 4 h x $120 = $480.
    assertThat(REPORT.currentCost().peakUnits()).isEqualTo(35);
    assertThat(REPORT.currentCost().monthlyTotal()).isEqualByComparingTo("10010");
    assertThat(REPORT.currentOverheadPerMonth()).isEqualByComparingTo("480");
    assertThat(REPORT.currentAllInPerMonth()).isEqualByComparingTo("10490");
  }

  @Test
  void run_reference_selfHostedSizedForPeakWithHeadroom() {
    // Output demand: 50,000 x 300 / 1,800 / 60 = 138.9 tokens/s; x 1.2 headroom / (throughput x 0.8 utilization).
    double perInstance = REPORT.estimate().outputTokensPerSecond();
    int expected = (int) Math.ceil(50_000.0 * 300 / 1_800 / 60 * 1.2 / (perInstance * 0.8));
    assertThat(perInstance).isBetween(100.0, 200.0);
    assertThat(REPORT.selfHostedCost().peakUnits()).isEqualTo(expected).isEqualTo(2);
    // 2 instances x $7.09/h x 730 h = $10,351.40; 40 h x $120 = $4,800.
    assertThat(REPORT.selfHostedAllInPerMonth()).isEqualByComparingTo("15151.40");
    assertThat(REPORT.migrationCost()).isEqualByComparingTo("19200");
  }

  @Test
  void run_reference_latencyCheckedAgainstEstimateAndPublishedMeasurement() {
    assertThat(REPORT.estimate().interTokenSeconds() * 1000).isLessThanOrEqualTo(50.0);
    assertThat(REPORT.estimate().timeToFirstTokenSeconds() * 1000).isLessThan(2_000.0);
    assertThat(REPORT.meetsLatency()).isTrue();
    // The catalog's lower bound on this instance: Llama 2 70B GPTQ on TGI 1.0.3, 33.33 tokens/s, 138.35 ms/token.
    assertThat(REPORT.measured()).hasValueSatisfying(m -> {
      assertThat(m.point().tokensPerSecond().getAsDouble()).isEqualTo(33.33);
      assertThat(m.point().itlMillis().getAsDouble()).isEqualTo(138.35);
    });
  }

  @Test
  void run_reference_tcoTotalsAndBreakEvenMonths() {
    MigrationReport.CaseResult steady = REPORT.caseResult("steady");
    // 36 x $10,490 and 36 x $15,151.40 + $19,200 migration.
    assertThat(steady.currentTotal()).isEqualByComparingTo("377640");
    assertThat(steady.selfHostedTotal()).isEqualByComparingTo("564650.40");
    assertThat(steady.breakEvenMonth()).isEmpty();
    assertThat(REPORT.caseResult("growth 60%/yr").breakEvenMonth()).isEmpty();
    assertThat(REPORT.caseResult("growth 60%/yr, API prices -25%/yr").breakEvenMonth()).isEmpty();
    assertThat(REPORT.caseResult("demand triples yearly").breakEvenMonth()).hasValue(31);
    // Cheaper PTUs only make staying cheaper.
    assertThat(REPORT.caseResult("growth 60%/yr, API prices -25%/yr").currentTotal())
        .isLessThan(REPORT.caseResult("growth 60%/yr").currentTotal());
  }

  @Test
  void run_reference_monthlyBreakEvenVolumeAndRecommendation() {
    assertThat(REPORT.monthlyBreakEven()).hasValueSatisfying(b -> {
      assertThat(b.averageTokensPerMinute() / 50_000).isBetween(3.0, 10.0);
      assertThat(b.cheaperAbove()).isEqualTo(REPORT.selfHostedPlan().name());
    });
    assertThat(REPORT.recommendation())
        .startsWith("Stay on Azure PTU (current): $10,490.00/month all-in against $15,151.40/month self-hosted "
            + "(2 x ml.g5.12xlarge, 40 h engineering); no break-even within 36 months in the 'steady' case.")
        .contains("It breaks even in 'demand triples yearly' (month 31).");
  }

  @Test
  void writeTo_reference_writesChartJsonMarkdownNotLabelledSimulated() throws Exception {
    ReportFiles files = REPORT.writeTo(dir);

    assertThat(files.all()).allSatisfy(p -> assertThat(p).isNotEmptyFile());
    JsonNode json = new ObjectMapper().readTree(files.json().toFile());
    assertThat(json.get("simulated").asBoolean()).isFalse();
    assertThat(json.get("current").get("all_in_usd_per_month").asText()).isEqualTo("10490.00");
    assertThat(json.get("self_hosted").get("instances").asInt()).isEqualTo(2);
    assertThat(json.get("tco").get(3).get("break_even_month").asInt()).isEqualTo(31);
    assertThat(json.get("tco").get(0).get("break_even_month").isNull()).isTrue();
    assertThat(Files.readString(files.charts().get(0).svg())).contains("break-even: month 31")
        .contains("Cumulative cost (USD)").contains("Self-hosted - steady");
    assertThat(Files.readString(files.markdown())).contains("| steady |").contains("**Recommendation**");
  }

  @Test
  void run_instanceTooSmall_namesModelGpuAndInstance() {
    MigrationScenario small = MigrationScenario.defaults().toBuilder().instanceId("aws/g5.xlarge").build();

    assertThatThrownBy(() -> ArchitectureMigration.run(small))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Llama-3.3-70B at INT4_AWQ (")
        .hasMessageContaining("does not fit in 1 x A10G 24GB of instance aws/g5.xlarge");
  }

  @Test
  void run_unknownInstance_failsNamingIt() {
    MigrationScenario unknown = MigrationScenario.defaults().toBuilder().instanceId("aws/x9.huge").build();

    assertThatThrownBy(() -> ArchitectureMigration.run(unknown))
        .isInstanceOf(PricingException.class)
        .hasMessageContaining("x9.huge");
  }

  @Test
  void run_biggerInstance_fewerInstancesMoreCost() {
    MigrationScenario p4d = MigrationScenario.defaults().toBuilder()
        .instanceId("aws-sagemaker/ml.p4d.24xlarge").cases(List.of(new GrowthCase("steady", 0, 0, false)))
        .chartCases(List.of("steady")).build();

    MigrationReport r = ArchitectureMigration.run(p4d);

    assertThat(r.selfHostedCost().peakUnits()).isEqualTo(1);
    // 1 x $37.688/h x 730 h = $27,512.24, plus $4,800 engineering.
    assertThat(r.selfHostedAllInPerMonth()).isEqualByComparingTo("32312.24");
    assertThat(r.estimate().outputTokensPerSecond()).isGreaterThan(REPORT.estimate().outputTokensPerSecond());
  }

  @Test
  void scenario_chartCaseNotACase_isRejected() {
    assertThatThrownBy(() -> MigrationScenario.defaults().toBuilder().chartCases(List.of("boom")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("chartCases must name cases, but 'boom' is none of");
  }

  @Test
  void gpuOf_unknownGpu_namesInstanceAndGpu() {
    assertThatThrownBy(() -> ArchitectureMigration.gpuOf(dev.tradeoff.pricing.catalog.OfferCatalog.bundled()
        .gpuInstance("aws/inf2.48xlarge")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("instance aws/inf2.48xlarge has GPU 'Inferentia2'");
  }

  @Test
  void currentTotal_matchesMonthlyTimesMonths() {
    assertThat(REPORT.caseResult("steady").currentTotal())
        .isEqualByComparingTo(REPORT.currentAllInPerMonth().multiply(BigDecimal.valueOf(36)));
    assertThat(REPORT.estimate().effectiveConcurrency()).isPositive();
    assertThat(REPORT.selfHostedCost().utilization()).isCloseTo(138.888 / (2 * REPORT.estimate().outputTokensPerSecond()),
        within(0.01));
  }
}
