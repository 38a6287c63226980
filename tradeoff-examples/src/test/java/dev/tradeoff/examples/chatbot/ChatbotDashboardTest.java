package dev.tradeoff.examples.chatbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradeoff.examples.ProviderMode;
import dev.tradeoff.examples.ReportFiles;
import dev.tradeoff.metrics.load.LoadRunResult;
import dev.tradeoff.metrics.load.StepResult;
import dev.tradeoff.metrics.report.RequestRecord;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ChatbotDashboardTest {

  /** One run of the reference scenario on the simulator (about 15 s), shared by the tests below. */
  private static ChatbotReport report;

  @TempDir
  Path dir;

  @BeforeAll
  static void runReferenceScenario() throws InterruptedException {
    // AUTO with no keys in this environment lookup: must fall back to the simulator.
    report = ChatbotDashboard.run(ChatbotScenario.defaults(), ProviderMode.AUTO, name -> null);
  }

  @Test
  void run_referenceScenario_everyQueryAnsweredOnTheSimulator() {
    assertThat(report.simulated()).isTrue();
    assertThat(report.results()).extracting(ModelResult::name).containsExactly("GPT-4o-mini", "Claude 3 Haiku");
    for (ModelResult r : report.results()) {
      assertThat(r.simulated()).isTrue();
      assertThat(r.requests()).isEqualTo(50);
      assertThat(r.succeeded()).isEqualTo(50);
      assertThat(r.pricedRequests()).isEqualTo(50);
    }
    assertThat(report.measurements().steps()).hasSize(2)
        .allSatisfy(s -> assertThat(s.records()).hasSize(50));
  }

  @Test
  void run_referenceScenario_costsAreListPricesOfTheRecordedTokens() {
    // List prices per 1M tokens: GPT-4o-mini $0.15 in / $0.60 out; Claude 3 Haiku $0.25 in / $1.25 out.
    Map<String, BigDecimal[]> prices = Map.of(
        "GPT-4o-mini", new BigDecimal[] {new BigDecimal("0.15"), new BigDecimal("0.60")},
        "Claude 3 Haiku", new BigDecimal[] {new BigDecimal("0.25"), new BigDecimal("1.25")});
    for (int m = 0; m < 2; m++) {
      ModelResult r = report.results().get(m);
      StepResult step = report.measurements().steps().get(m);
      BigDecimal total = BigDecimal.ZERO;
      for (RequestRecord rec : step.records()) {
        BigDecimal[] p = prices.get(r.name());
        total = total.add(BigDecimal.valueOf(rec.inputTokens().getAsLong()).multiply(p[0]))
            .add(BigDecimal.valueOf(rec.outputTokens().getAsLong()).multiply(p[1]));
      }
      total = total.movePointLeft(6);
      BigDecimal perRequest = total.divide(BigDecimal.valueOf(50), MathContext.DECIMAL64);
      assertThat(r.totalCostUsd()).isEqualByComparingTo(total);
      assertThat(r.costPerRequestUsd()).hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo(perRequest));
    }
  }

  @Test
  void run_referenceScenario_monthlyCostIsTheWorkloadAtListPrices() {
    // The workload: 1,000 DAU x 1 x 5 turns over a 730-hour month = 5,000 x 730 / 24 = 152,083.3 requests, each
    // with the mean tokens of all 100 measured requests.
    double requests = 5_000.0 * 730 / 24;
    assertThat(report.requestsPerMonth()).isCloseTo(requests, within(0.01));
    double in = report.analysis().workload().meanInputTokens();
    double out = report.analysis().workload().meanOutputTokens();
    double pooledOut = (report.model("GPT-4o-mini").meanOutputTokens() + report.model("Claude 3 Haiku").meanOutputTokens()) / 2;
    assertThat(out).isCloseTo(pooledOut, within(1e-6));
    assertThat(report.model("GPT-4o-mini").monthlyCostUsd().orElseThrow().doubleValue())
        .isCloseTo(requests * (in * 0.15 + out * 0.60) / 1e6, within(0.01));
    assertThat(report.model("Claude 3 Haiku").monthlyCostUsd().orElseThrow().doubleValue())
        .isCloseTo(requests * (in * 0.25 + out * 1.25) / 1e6, within(0.01));
    // A conversation is 5 turns.
    assertThat(report.model("Claude 3 Haiku").costPerConversationUsd().orElseThrow().doubleValue())
        .isCloseTo(5 * (in * 0.25 + out * 1.25) / 1e6, within(1e-6));
  }

  @Test
  void run_referenceScenario_tokensAndLatencyFollowTheProfiles() {
    ModelResult mini = report.model("GPT-4o-mini");
    ModelResult haiku = report.model("Claude 3 Haiku");
    // The simulator counts prompt tokens deterministically (3 + per message 4 + ceil(chars / 4)): the same
    // prompts give both models the same mean input.
    assertThat(mini.meanInputTokens()).isEqualTo(haiku.meanInputTokens());
    assertThat(mini.meanInputTokens()).isCloseTo(150.8, within(0.05));
    // Output: log-normal median 250 tokens, capped by each prompt's max_tokens (150-500).
    assertThat(mini.meanOutputTokens()).isBetween(150.0, 300.0);
    // Profiles: TTFT medians 716 ms and 300 ms, 59 and 95 tokens/s. Generous bounds: a loaded machine adds
    // delay to every measurement, never removes it.
    assertThat(mini.ttftP50Millis()).isBetween(500.0, 1_100.0);
    assertThat(haiku.ttftP50Millis()).isBetween(220.0, 700.0);
    assertThat(haiku.ttftP95Millis()).isLessThan(mini.ttftP95Millis());
    assertThat(mini.outputTokensPerSecond()).isBetween(40.0, 66.0);
    assertThat(haiku.outputTokensPerSecond()).isBetween(65.0, 106.0);
    assertThat(mini.e2eP50Millis()).isGreaterThan(mini.ttftP50Millis());
    // Haiku costs more per token, GPT-4o-mini is cheaper: $0.15 vs $0.25 input, $0.60 vs $1.25 output.
    assertThat(mini.monthlyCostUsd().orElseThrow()).isLessThan(haiku.monthlyCostUsd().orElseThrow());
    assertThat(haiku.monthlyCostUsd().orElseThrow()).isBetween(new BigDecimal("30"), new BigDecimal("70"));
  }

  @Test
  void run_referenceScenario_recommendsHaikuBecauseMiniMissesTheTtftSlo() {
    // GPT-4o-mini's simulated p95 TTFT (profile median 716 ms, sigma 0.35: p95 about 1,270 ms) misses the
    // 1,000 ms objective; both are far under the $500 budget.
    assertThat(report.front()).containsExactly("Claude 3 Haiku");
    assertThat(report.excluded()).singleElement().satisfies(e -> {
      assertThat(e.name()).isEqualTo("GPT-4o-mini");
      assertThat(e.reason()).startsWith("misses the 1,000 ms p95 TTFT SLO (p95 TTFT ");
    });
    assertThat(report.recommended()).contains("Claude 3 Haiku");
    assertThat(report.recommendation()).startsWith("Claude 3 Haiku: $").contains("under budget")
        .contains("GPT-4o-mini is $").contains("cheaper but misses the 1,000 ms p95 TTFT SLO");
  }

  @Test
  void writeTo_referenceScenario_writesChartJsonAndMarkdownLabelledSimulated() throws Exception {
    ReportFiles files = report.writeTo(dir);

    assertThat(files.all()).allSatisfy(p -> assertThat(p).isNotEmptyFile());
    BufferedImage png = ImageIO.read(files.charts().get(0).png().toFile());
    assertThat(png.getWidth()).isEqualTo(1100);
    assertThat(Files.readString(files.charts().get(0).svg())).contains("SIMULATED DATA")
        .contains("Projected monthly cost (USD/month)").contains("Recommended: Claude 3 Haiku");
    JsonNode json = new ObjectMapper().readTree(files.json().toFile());
    assertThat(json.get("simulated").asBoolean()).isTrue();
    assertThat(json.get("recommended").asText()).isEqualTo("Claude 3 Haiku");
    assertThat(new BigDecimal(json.get("models").get(1).get("monthly_cost_usd").asText()))
        .isEqualByComparingTo(report.model("Claude 3 Haiku").monthlyCostUsd().orElseThrow()
            .round(MathContext.DECIMAL64));
    assertThat(json.get("workload").get("requests_per_month").asDouble()).isCloseTo(152_083.3, within(0.1));
    assertThat(json.get("analysis").get("recommendation").get("candidate").asText()).isEqualTo("Claude 3 Haiku");
    assertThat(Files.readString(files.markdown())).contains("**SIMULATED**").contains("| GPT-4o-mini (sim) |")
        .contains("**Recommendation**: Claude 3 Haiku").contains("## Analysis (TradeoffAnalyzer)");
    assertThat(dir.resolve("measurements").resolve(LoadRunResult.RECORDS_FILE)).isNotEmptyFile();
  }

  /** A model that answered 50 requests of 150 input and 200 output tokens with the given p95 TTFT. */
  private static ModelResult synthetic(ChatbotModel model, double p95) {
    return new ModelResult(model, true, 50, 50, 150, 200, BigDecimal.ONE, 50, Optional.of(new BigDecimal("0.02")),
        Optional.empty(), Optional.empty(), p95 / 2, p95, 2_000, 3_000, 80);
  }

  private static ChatbotReport analyze(ChatbotScenario scenario, ModelResult... results) {
    List<dev.tradeoff.api.Measurements> m = new java.util.ArrayList<>();
    for (ModelResult r : results) {
      m.add(dev.tradeoff.api.Measurements.builder().p50TtftMs(r.ttftP50Millis()).p95TtftMs(r.ttftP95Millis())
          .errorRate(0).build());
    }
    return ChatbotDashboard.analyze(scenario, true, List.of(results), m, LoadRunResult.builder().build(),
        Duration.ZERO);
  }

  // 152,083.3 requests/month x (150 in, 200 out): GPT-4o-mini (0.15, 0.60)/1M -> $21.67; Claude 3 Haiku
  // (0.25, 1.25)/1M -> $43.72; GPT-4o (2.50, 10.00)/1M -> $361.20.

  @Test
  void analyze_listPrices_monthlyAndPerConversation() {
    ChatbotReport r = analyze(ChatbotScenario.defaults(),
        synthetic(ChatbotModel.gpt4oMini(), 900), synthetic(ChatbotModel.claude3Haiku(), 500));

    assertThat(r.model("GPT-4o-mini").monthlyCostUsd().orElseThrow().doubleValue()).isCloseTo(21.67, within(0.01));
    assertThat(r.model("Claude 3 Haiku").monthlyCostUsd().orElseThrow().doubleValue()).isCloseTo(43.72, within(0.01));
    // 5 x (150 x 0.25 + 200 x 1.25) / 1M = $0.0014375, reported to the micro-dollar.
    assertThat(r.model("Claude 3 Haiku").costPerConversationUsd().orElseThrow().doubleValue())
        .isCloseTo(0.0014375, within(1e-6));
  }

  @Test
  void analyze_overBudget_excludedWithTheAmounts() {
    ChatbotModel big = new ChatbotModel("GPT-4o", dev.tradeoff.metrics.WireApi.OPENAI_CHAT, "gpt-4o", "K");
    ChatbotScenario small = ChatbotScenario.defaults().toBuilder().budgetUsdPerMonth(new BigDecimal("300")).build();

    ChatbotReport r = analyze(small, synthetic(big, 400), synthetic(ChatbotModel.claude3Haiku(), 600));

    assertThat(r.excluded()).singleElement().satisfies(e -> {
      assertThat(e.name()).isEqualTo("GPT-4o");
      assertThat(e.reason()).contains("$300");
    });
    assertThat(r.recommended()).contains("Claude 3 Haiku");
  }

  @Test
  void analyze_bothFeasibleCostFirst_prefersTheCheaper() {
    ChatbotScenario costFirst = ChatbotScenario.defaults().toBuilder().costWeight(0.8).build();

    ChatbotReport r = analyze(costFirst,
        synthetic(ChatbotModel.gpt4oMini(), 900), synthetic(ChatbotModel.claude3Haiku(), 500));

    assertThat(r.excluded()).isEmpty();
    assertThat(r.front()).containsExactlyInAnyOrder("GPT-4o-mini", "Claude 3 Haiku");
    assertThat(r.recommended()).contains("GPT-4o-mini");
  }

  @Test
  void analyze_latencyFirst_prefersTheFaster() {
    ChatbotScenario latencyFirst = ChatbotScenario.defaults().toBuilder().costWeight(0.2).build();

    ChatbotReport r = analyze(latencyFirst,
        synthetic(ChatbotModel.gpt4oMini(), 900), synthetic(ChatbotModel.claude3Haiku(), 500));

    assertThat(r.recommended()).contains("Claude 3 Haiku");
  }

  @Test
  void analyze_noneFeasible_saysWhichRequirementNobodyMeets() {
    ChatbotScenario strict = ChatbotScenario.defaults().toBuilder().sloP95TtftMillis(300).build();

    ChatbotReport r = analyze(strict,
        synthetic(ChatbotModel.gpt4oMini(), 900), synthetic(ChatbotModel.claude3Haiku(), 500));

    assertThat(r.recommended()).isEmpty();
    assertThat(r.excluded()).hasSize(2);
    assertThat(r.recommendation()).contains("300 ms");
    assertThat(r.toText()).contains("Recommendation: ");
  }

  @Test
  void scenario_badValue_namesTheComponent() {
    assertThatThrownBy(() -> ChatbotScenario.defaults().toBuilder().turnsPerConversation(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("turnsPerConversation must be >= 1, but was 0");
    assertThatThrownBy(() -> ChatbotScenario.defaults().toBuilder().budgetUsdPerMonth(BigDecimal.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("budgetUsdPerMonth must be > 0, but was 0");
  }

}
