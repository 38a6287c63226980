package dev.tradeoff.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradeoff.api.AnalysisInput;
import dev.tradeoff.api.DeploymentCandidate;
import dev.tradeoff.api.TcoSettings;
import dev.tradeoff.api.TradeoffAnalyzer;
import dev.tradeoff.api.report.ReportJson;
import dev.tradeoff.api.workload.RequestRate;
import dev.tradeoff.api.workload.TokenProfile;
import dev.tradeoff.api.workload.WorkloadProfile;
import dev.tradeoff.cli.internal.Json;
import dev.tradeoff.cli.internal.Keys;
import dev.tradeoff.pricing.PriceCatalog;
import dev.tradeoff.pricing.catalog.AzureDeployment;
import dev.tradeoff.pricing.catalog.OfferCatalog;
import dev.tradeoff.pricing.plan.Commitment;
import dev.tradeoff.pricing.plan.CommittedPlan;
import dev.tradeoff.pricing.plan.PayAsYouGoPlan;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class AnalyzeCommandTest {

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return TradeoffCli.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  private static final String YAML = String.join("\n",
      "workload:",
      "  name: support chatbot",
      "  traffic: {type: daily_users, daily_active_users: 1000, conversations_per_user_per_day: 1,",
      "            turns_per_conversation: 5}",
      "  tokens:",
      "    buckets: [{input_tokens: 1200, output_tokens: 300, weight: 1}]",
      "candidates:",
      "  - {name: GPT-4o-mini, model: openai/gpt-4o-mini, measurements: {p50_ttft_ms: 650, p95_ttft_ms: 1150}}",
      "  - {name: Claude 3 Haiku, model: anthropic/claude-3-haiku, measurements: {p50_ttft_ms: 380, p95_ttft_ms: 650}}",
      "requirements:",
      "  monthly_budget_usd: 500",
      "  slos: [{metric: p95_ttft_ms, limit: 1000}]",
      "weights:",
      "  weights: {monthly_cost_usd: 1, p95_ttft_ms: 1}",
      "");

  @Test
  void analyze_yamlScenario_markdownOnStdoutJsonAndChartInOut() throws Exception {
    Path scenario = dir.resolve("scenario.yaml");
    Files.writeString(scenario, YAML, StandardCharsets.UTF_8);
    Path results = dir.resolve("out");

    int code = run("analyze", scenario.toString(), "--out", results.toString());

    assertThat(code).as(err.toString()).isZero();
    // 1,000 DAU x 5 turns x 730 / 24 = 152,083.3 requests/month; Claude 3 Haiku at $0.25 / $1.25 per 1M:
    // 152,083.3 x (1,200 x 0.25 + 300 x 1.25) / 1M = $102.66.
    assertThat(out.toString()).contains("Claude 3 Haiku: $102.66/month").contains("| GPT-4o-mini |");
    JsonNode json = new ObjectMapper().readTree(results.resolve("report.json").toFile());
    assertThat(json.get("recommendation").get("candidate").asText()).isEqualTo("Claude 3 Haiku");
    JsonNode haiku = json.get("rows").get(1);
    assertThat(new BigDecimal(haiku.get("monthly_cost_usd").asText()).doubleValue()).isCloseTo(102.66, within(0.01));
    assertThat(haiku.has("p95_ttft_ms")).isTrue();
    assertThat(json.get("pareto").get("front").get(0).asText()).isEqualTo("Claude 3 Haiku");
    assertThat(results.resolve("summary.md")).isNotEmptyFile();
    assertThat(results.resolve("cost-vs-latency.png")).isNotEmptyFile();
    assertThat(Files.readString(results.resolve("cost-vs-latency.svg"))).contains("Recommended: Claude 3 Haiku");
  }

  /**
   * 70,000 tokens/min of 1,500 in / 300 out, doubling yearly, over 2 years. 40 fixed global PTUs carry 75,000
   * tokens/min ($29,200 a month), so from month 3 the excess 70,000 x 2^((m-1)/12) - 75,000 tokens/min (x 43,800
   * minutes a month) is unserved; their $700,800 is below pay-as-you-go GPT-4o's, but prices only the served part.
   */
  @Test
  void analyze_tcoNotCoveringTheDemand_chartLabelsItPartialAndJsonCarriesTheShortfall() throws Exception {
    AnalysisInput input = TradeoffAnalyzer.builder()
        .workload(WorkloadProfile.builder().name("growing").traffic(RequestRate.of(70_000 * 60 / 1_800.0))
            .tokens(TokenProfile.of(1_500, 300)).growthPerYear(1.0).build())
        .addCandidate(DeploymentCandidate.of("PTU 40", "azure/gpt-4o", OfferCatalog.bundled()
            .azurePtu("gpt-4o", AzureDeployment.GLOBAL, Commitment.HOURLY).withFixedUnits(Map.of("PTU", 40))))
        .addCandidate(DeploymentCandidate.of("GPT-4o", "azure/gpt-4o"))
        .tco(TcoSettings.builder().years(2).incumbent("GPT-4o").build())
        .build().input();
    Path scenario = dir.resolve("growing.json");
    Files.writeString(scenario, Json.write(Keys.toSnake(Json.mapper().valueToTree(
        ReportJson.mapper().convertValue(input, Object.class)))), StandardCharsets.UTF_8);
    Path results = dir.resolve("out");
    double unserved = 0;
    for (int m = 3; m <= 24; m++) {
      unserved += (70_000 * Math.pow(2, (m - 1) / 12.0) - 75_000) * 43_800;
    }

    int code = run("analyze", scenario.toString(), "--out", results.toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).as("the shortfall explained once, in the notes")
        .containsOnlyOnce("The TCO of PTU 40 does not cover the workload").containsOnlyOnce("served part");
    String svg = Files.readString(results.resolve("tco-cumulative.svg"));
    assertThat(svg).contains("PTU 40 (partial: " + String.format(Locale.ROOT, "%,.0f", unserved)
        + " tokens unserved from month 3)").contains(">GPT-4o<").doesNotContain("GPT-4o (partial")
        .as("no break-even marker for a partial TCO").doesNotContain("breaks even");
    assertThat(results.resolve("tco-cumulative.png")).isNotEmptyFile();
    JsonNode tco = new ObjectMapper().readTree(results.resolve("report.json").toFile()).get("tco");
    JsonNode ptu = tco.get(0).get("result");
    assertThat(tco.get(0).get("candidate").asText()).isEqualTo("PTU 40");
    assertThat(ptu.get("first_unserved_month").asInt()).isEqualTo(3);
    assertThat(ptu.get("unserved_tokens").asDouble()).isCloseTo(unserved, within(unserved * 1e-9));
    assertThat(ptu.get("months").get(23).get("unserved_tokens").asDouble()).isPositive();
    assertThat(tco.get(0).has("break_even_month")).isFalse();
    JsonNode payg = tco.get(1).get("result");
    assertThat(payg.path("first_unserved_month").isMissingNode() || payg.get("first_unserved_month").isNull())
        .isTrue();
    assertThat(payg.get("unserved_tokens").asDouble()).isZero();
  }

  /**
   * A 1-year global PTU reservation and a 24-month committed spend in a 3-year TCO: the Markdown on stdout shows
   * each one's term note under the TCO table — the commitment's last term runs 12 months past the horizon, not
   * counted — and the JSON carries it as the result's {@code term_note}.
   */
  @Test
  void analyze_reservedAndCommittedInAThreeYearTco_stdoutShowsTheirTermNotes() throws Exception {
    AnalysisInput input = TradeoffAnalyzer.builder()
        .workload(WorkloadProfile.builder().name("steady").traffic(RequestRate.of(70_000 * 60 / 1_800.0))
            .tokens(TokenProfile.of(1_500, 300)).build())
        .addCandidate(DeploymentCandidate.of("PTU 1y", "azure/gpt-4o", OfferCatalog.bundled()
            .azurePtu("gpt-4o", AzureDeployment.GLOBAL, Commitment.P1Y)))
        .addCandidate(DeploymentCandidate.of("Commit 2y", "azure/gpt-4o", CommittedPlan.builder()
            .name("gpt-4o, 2-year commitment").base(PayAsYouGoPlan.of(PriceCatalog.bundled().resolve("azure/gpt-4o")))
            .discount(0.1).commitmentPerMonth(new BigDecimal("10000")).termMonths(24).build()))
        .tco(TcoSettings.builder().years(3).build())
        .build().input();
    Path scenario = dir.resolve("terms.json");
    Files.writeString(scenario, Json.write(Keys.toSnake(Json.mapper().valueToTree(
        ReportJson.mapper().convertValue(input, Object.class)))), StandardCharsets.UTF_8);
    Path results = dir.resolve("out");

    int code = run("analyze", scenario.toString(), "--out", results.toString());

    assertThat(code).as(err.toString()).isZero();
    String commitNote = "the commitment is fixed for each 24-month term at the price level of the term's start and"
        + " paid whether used or not; usage is priced month by month; the last term runs 12 months past the horizon"
        + " and those months are not counted";
    assertThat(out.toString()).contains("### TCO over 36 months")
        .contains("\n- PTU 1y: reserved units are locked for each 12-month term: they never shrink within a term")
        .containsOnlyOnce("\n- Commit 2y: " + commitNote + "\n");
    JsonNode tco = new ObjectMapper().readTree(results.resolve("report.json").toFile()).get("tco");
    assertThat(tco.get(1).get("candidate").asText()).isEqualTo("Commit 2y");
    assertThat(tco.get(1).get("result").get("term_note").asText()).isEqualTo(commitNote);
  }

  @Test
  void analyze_exampleRoundTrips_jsonOutput() throws Exception {
    assertThat(run("analyze", "--example")).isZero();
    Path scenario = dir.resolve("scenario.json");
    Files.writeString(scenario, out.toString(), StandardCharsets.UTF_8);
    assertThat(out.toString()).contains("\"daily_active_users\"");
    out.getBuffer().setLength(0);

    int code = run("analyze", scenario.toString(), "--json", "--out", dir.resolve("out").toString());

    assertThat(code).as(err.toString()).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    // Gemini 2.0 Flash ($0.10 / $0.40 per 1M, p95 420 ms) is cheapest and fastest of the example's three.
    assertThat(json.get("recommendation").get("candidate").asText()).isEqualTo("Gemini 2.0 Flash");
    assertThat(json.get("rows")).hasSize(3);
  }

  @Test
  void analyze_badValue_exitCode2NamingFileAndField() throws Exception {
    Path scenario = dir.resolve("bad.yaml");
    Files.writeString(scenario, YAML.replace("limit: 1000", "limit: fast"), StandardCharsets.UTF_8);

    int code = run("analyze", scenario.toString(), "--out", dir.resolve("out").toString());

    assertThat(code).isEqualTo(TradeoffCli.BAD_INPUT);
    assertThat(err.toString()).startsWith("analyze: " + scenario + ": ").contains("requirements.slos[0].limit");
    assertThat(err.toString().lines().count()).isEqualTo(1);
  }

  @Test
  void analyze_malformedJson_exitCode2WithLine() throws Exception {
    Path scenario = dir.resolve("broken.json");
    Files.writeString(scenario, "{\n  \"workload\": {\n", StandardCharsets.UTF_8);

    int code = run("analyze", scenario.toString());

    assertThat(code).isEqualTo(TradeoffCli.BAD_INPUT);
    assertThat(err.toString()).startsWith("analyze: " + scenario + ": ").contains("line 3");
  }

  @Test
  void analyze_missingFile_exitCode2() {
    int code = run("analyze", dir.resolve("nope.json").toString());

    assertThat(code).isEqualTo(TradeoffCli.BAD_INPUT);
    assertThat(err.toString().strip()).isEqualTo("analyze: no such file: " + dir.resolve("nope.json"));
  }

  @Test
  void analyze_noScenario_exitCode2PointingToExample() {
    int code = run("analyze");

    assertThat(code).isEqualTo(TradeoffCli.BAD_INPUT);
    assertThat(err.toString()).contains("--example");
  }
}
