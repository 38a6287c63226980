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
      // 5 turns per conversation; 1,000 DAU x 1 x 5 x 30 = 150,000 requests a month.
      assertThat(r.costPerConversationUsd().orElseThrow())
          .isEqualByComparingTo(perRequest.multiply(BigDecimal.valueOf(5)));
      assertThat(r.monthlyCostUsd().orElseThrow())
          .isEqualByComparingTo(perRequest.multiply(BigDecimal.valueOf(150_000)));
    }
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
    assertThat(report.front()).containsExactly("GPT-4o-mini", "Claude 3 Haiku");
    assertThat(report.excluded()).singleElement().satisfies(e -> {
      assertThat(e.name()).isEqualTo("GPT-4o-mini");
      assertThat(e.reason()).startsWith("p95 TTFT ").endsWith("> SLO 1,000 ms");
    });
    assertThat(report.recommended()).contains("Claude 3 Haiku");
    assertThat(report.recommendation()).startsWith("Claude 3 Haiku: $").contains("under the $500.00 budget")
        .contains("GPT-4o-mini is $").contains("cheaper but excluded");
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
    assertThat(json.get("workload").get("requests_per_month").asText()).isEqualTo("150000");
    assertThat(Files.readString(files.markdown())).contains("**SIMULATED**").contains("| GPT-4o-mini (sim) |")
        .contains("**Recommendation**: Claude 3 Haiku");
    assertThat(dir.resolve("measurements").resolve(LoadRunResult.RECORDS_FILE)).isNotEmptyFile();
  }

  private static ModelResult synthetic(ChatbotModel model, String monthlyUsd, double p95) {
    BigDecimal monthly = new BigDecimal(monthlyUsd);
    BigDecimal perRequest = monthly.divide(BigDecimal.valueOf(150_000), MathContext.DECIMAL64);
    return new ModelResult(model, true, 50, 50, 150, 200, perRequest.multiply(BigDecimal.valueOf(50)), 50,
        Optional.of(perRequest), Optional.of(perRequest.multiply(BigDecimal.valueOf(5))), Optional.of(monthly),
        p95 / 2, p95, 2_000, 3_000, 80);
  }

  private static ChatbotReport analyze(ChatbotScenario scenario, ModelResult... results) {
    return ChatbotDashboard.analyze(scenario, true, List.of(results), LoadRunResult.builder().build(),
        Duration.ZERO);
  }

  @Test
  void analyze_overBudget_excludedWithTheAmounts() {
    ChatbotModel big = new ChatbotModel("Big", dev.tradeoff.metrics.WireApi.OPENAI_CHAT, "gpt-4o", "K");
    ChatbotReport r = analyze(ChatbotScenario.defaults(),
        synthetic(big, "720.50", 400), synthetic(ChatbotModel.claude3Haiku(), "60", 600));

    assertThat(r.excluded()).singleElement().isEqualTo(
        new ChatbotReport.Exclusion("Big", "monthly cost $720.50 > budget $500.00"));
    assertThat(r.recommended()).contains("Claude 3 Haiku");
    assertThat(r.recommendation()).isEqualTo("Claude 3 Haiku: $60.00/month at 1,000 DAU, 88% under the $500.00 "
        + "budget, p95 TTFT 600 ms. Big is excluded: monthly cost $720.50 > budget $500.00.");
  }

  @Test
  void analyze_bothFeasibleEqualWeights_tieGoesToTheCheaper() {
    ChatbotReport r = analyze(ChatbotScenario.defaults(),
        synthetic(ChatbotModel.gpt4oMini(), "20", 900), synthetic(ChatbotModel.claude3Haiku(), "50", 500));

    assertThat(r.excluded()).isEmpty();
    assertThat(r.recommended()).contains("GPT-4o-mini");
    assertThat(r.recommendation()).endsWith("Claude 3 Haiku is 400 ms faster at p95 TTFT but costs $30.00/month more.");
  }

  @Test
  void analyze_latencyWeighted_prefersTheFaster() {
    ChatbotScenario latencyFirst = ChatbotScenario.defaults().toBuilder().costWeight(0.2).build();

    ChatbotReport r = analyze(latencyFirst,
        synthetic(ChatbotModel.gpt4oMini(), "20", 900), synthetic(ChatbotModel.claude3Haiku(), "50", 500));

    assertThat(r.recommended()).contains("Claude 3 Haiku");
    assertThat(r.recommendation()).endsWith("GPT-4o-mini is $30.00/month cheaper but 400 ms slower at p95 TTFT.");
  }

  @Test
  void analyze_noneFeasible_saysSoWithEveryReason() {
    ChatbotScenario strict = ChatbotScenario.defaults().toBuilder().sloP95TtftMillis(300).build();

    ChatbotReport r = analyze(strict,
        synthetic(ChatbotModel.gpt4oMini(), "20", 900), synthetic(ChatbotModel.claude3Haiku(), "50", 500));

    assertThat(r.recommended()).isEmpty();
    assertThat(r.recommendation()).isEqualTo("No model meets every constraint: GPT-4o-mini (p95 TTFT 900 ms > SLO "
        + "300 ms); Claude 3 Haiku (p95 TTFT 500 ms > SLO 300 ms). Raise the budget, relax the SLO or add candidates.");
    assertThat(r.front()).containsExactly("GPT-4o-mini", "Claude 3 Haiku");
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

  @Test
  void requestsPerMonth_defaults_is150000() {
    assertThat(ChatbotScenario.defaults().requestsPerMonth()).isEqualByComparingTo("150000");
  }
}
