package dev.tradeoff.examples.chatbot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tradeoff.api.report.ReportJson;
import dev.tradeoff.api.report.ReportRenderer;
import dev.tradeoff.api.report.TradeoffReport;
import dev.tradeoff.examples.ReportFiles;
import dev.tradeoff.examples.chart.ChartFiles;
import dev.tradeoff.examples.chart.ChartWriter;
import dev.tradeoff.examples.chart.ScatterChart;
import dev.tradeoff.examples.internal.Text;
import dev.tradeoff.metrics.load.LoadRunResult;
import dev.tradeoff.pareto.Pareto;
import dev.tradeoff.pricing.ModelPrice;
import dev.tradeoff.pricing.PriceCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import org.jfree.chart.JFreeChart;

/**
 * The chatbot dashboard's answer: each model's measurements and projections, the Pareto front of monthly cost
 * and p95 TTFT, the models excluded and why, and the recommendation — as a Markdown summary, a JSON report, a
 * terminal table and a cost-vs-latency chart.
 *
 * <pre>{@code
 * ChatbotReport report = ChatbotDashboard.run(ChatbotScenario.defaults(), ProviderMode.SIMULATED);
 * report.recommended();                  // Optional[Claude 3 Haiku]
 * report.model("GPT-4o-mini").monthlyCostUsd();
 * report.writeTo(Path.of("tradeoff-out"));
 * }</pre>
 *
 * <p>JSON names are snake_case with units; money is a decimal string. Everything measured against the
 * simulated provider says so: {@code "simulated": true} in the JSON, a banner in the Markdown and on the chart.
 *
 * @param scenario the question
 * @param simulated whether the numbers come from the simulated provider
 * @param results one per model, in the scenario's order
 * @param front names of the non-dominated models among those meeting every requirement (monthly cost, p95 TTFT)
 * @param excluded models that fail the budget, the SLO or could not be measured or priced, with the reason
 * @param recommended the recommended model's name; empty when none meets every constraint
 * @param recommendation the recommendation in words, generated from the numbers by the analyzer
 * @param analysis the full {@code TradeoffAnalyzer} report (ranking, weight sensitivity, notes)
 * @param measurements every request of the run, for {@code requests.jsonl}
 * @param elapsed wall time of the measurement
 */
public record ChatbotReport(
    ChatbotScenario scenario,
    boolean simulated,
    List<ModelResult> results,
    List<String> front,
    List<Exclusion> excluded,
    Optional<String> recommended,
    String recommendation,
    TradeoffReport analysis,
    LoadRunResult measurements,
    Duration elapsed) {

  /** File name of the JSON report written by {@link #writeTo(Path)}. */
  public static final String JSON_FILE = "report.json";
  /** File name of the Markdown summary written by {@link #writeTo(Path)}. */
  public static final String MARKDOWN_FILE = "summary.md";
  /** Base name of the chart files written by {@link #writeTo(Path)}. */
  public static final String CHART_NAME = "cost-vs-latency";
  /** Directory (under the output directory) of the per-request records. */
  public static final String MEASUREMENTS_DIR = "measurements";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * A model left out of the recommendation.
   *
   * @param name the model's name
   * @param reason why, with the numbers
   */
  public record Exclusion(String name, String reason) {

    /** Checks the components. */
    public Exclusion {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Checks and copies the components. */
  public ChatbotReport {
    Objects.requireNonNull(scenario, "scenario");
    results = List.copyOf(results);
    front = List.copyOf(front);
    excluded = List.copyOf(excluded);
    Objects.requireNonNull(recommended, "recommended");
    Objects.requireNonNull(recommendation, "recommendation");
    Objects.requireNonNull(analysis, "analysis");
    Objects.requireNonNull(measurements, "measurements");
    Objects.requireNonNull(elapsed, "elapsed");
  }

  /**
   * One model's result.
   *
   * @param name its display name
   * @return the result
   * @throws NoSuchElementException if no model has that name
   */
  public ModelResult model(String name) {
    for (ModelResult r : results) {
      if (r.name().equals(name)) {
        return r;
      }
    }
    throw new NoSuchElementException("no model named '" + name + "' in this report");
  }

  /**
   * The cost-vs-latency scatter: monthly cost against p95 TTFT, the front connected, the recommended model
   * marked, the SLO line, labelled simulated when it is.
   *
   * @return a new chart
   */
  public JFreeChart chart() {
    ScatterChart.Builder b = ScatterChart.builder()
        .title("Chatbot: monthly cost vs p95 time to first token")
        .subtitle(String.format(Locale.ROOT, "%,d DAU x %s conversation/day x %d turns = %s requests/month;"
                + " budget %s/month; %d queries per model", scenario.dailyActiveUsers(),
            trim(scenario.conversationsPerUserPerDay()), scenario.turnsPerConversation(),
            Text.number(requestsPerMonth(), 0), Text.usd(scenario.budgetUsdPerMonth()), scenario.prompts().size()))
        .xAxis("Projected monthly cost (USD/month)")
        .xFormat("$#,##0.##")
        .frontLabel("Pareto front of all measured models")
        .yAxis("p95 time to first token (ms)")
        .yLimit(scenario.sloP95TtftMillis(), "SLO: p95 TTFT " + Text.ms(scenario.sloP95TtftMillis()))
        .xLimit(scenario.budgetUsdPerMonth().doubleValue(), "budget " + Text.usd(scenario.budgetUsdPerMonth()))
        .simulated(simulated);
    List<String> plotted = new ArrayList<>();
    for (ModelResult r : results) {
      if (r.monthlyCostUsd().isPresent() && r.succeeded() > 0) {
        b.point(r.name(), r.monthlyCostUsd().get().doubleValue(), r.ttftP95Millis());
        plotted.add(r.name());
      }
    }
    if (plotted.isEmpty()) {
      b.point("no model could be priced", 0, 0);
    }
    // The chart's front is over every measured model (excluded ones included, the SLO line shows why they are
    // out); the report's front is the analyzer's, over the feasible ones.
    double[][] points = new double[plotted.size()][];
    for (int i = 0; i < points.length; i++) {
      ModelResult r = model(plotted.get(i));
      points[i] = new double[] {r.monthlyCostUsd().orElseThrow().doubleValue(), r.ttftP95Millis()};
    }
    b.front(plotted.isEmpty() ? new int[0] : Pareto.front(points));
    recommended.map(plotted::indexOf).filter(i -> i >= 0).ifPresent(b::recommended);
    return b.build();
  }

  /**
   * Writes {@value #JSON_FILE}, {@value #MARKDOWN_FILE}, {@value #CHART_NAME}{@code .png} and {@code .svg} into
   * {@code directory}, and the per-request records under {@value #MEASUREMENTS_DIR}/.
   *
   * @param directory the output directory, created if needed
   * @return the report files
   * @throws UncheckedIOException if a file cannot be written (the message names it)
   */
  public ReportFiles writeTo(Path directory) {
    ChartFiles chart = ChartWriter.write(chart(), directory, CHART_NAME);
    Path json = directory.resolve(JSON_FILE);
    Path markdown = directory.resolve(MARKDOWN_FILE);
    write(json, toJson());
    write(markdown, toMarkdown());
    try {
      measurements.writeTo(directory.resolve(MEASUREMENTS_DIR));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + directory.resolve(MEASUREMENTS_DIR), e);
    }
    return new ReportFiles(json, markdown, List.of(chart));
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /**
   * The JSON report.
   *
   * @return pretty-printed JSON
   */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("scenario", "chatbot-dashboard");
    root.put("simulated", simulated);
    if (simulated) {
      root.put("simulated_note", "measured against the embedded simulated provider (profiles from published "
          + "figures), not real APIs");
    }
    ObjectNode w = root.putObject("workload");
    w.put("daily_active_users", scenario.dailyActiveUsers());
    w.put("conversations_per_user_per_day", scenario.conversationsPerUserPerDay());
    w.put("turns_per_conversation", scenario.turnsPerConversation());
    w.put("hours_per_month", 730);
    w.put("requests_per_month", round(requestsPerMonth(), 1));
    w.put("mean_input_tokens", round(analysis.workload().meanInputTokens(), 1));
    w.put("mean_output_tokens", round(analysis.workload().meanOutputTokens(), 1));
    root.put("budget_usd_per_month", scenario.budgetUsdPerMonth().toPlainString());
    root.put("slo_p95_ttft_ms", scenario.sloP95TtftMillis());
    root.put("cost_weight", scenario.costWeight());
    ObjectNode prompts = root.putObject("prompts");
    prompts.put("source", scenario.prompts().source());
    prompts.put("count", scenario.prompts().size());
    root.put("elapsed_s", elapsed.toMillis() / 1000.0);
    ArrayNode models = root.putArray("models");
    for (ModelResult r : results) {
      ObjectNode m = models.addObject();
      m.put("name", r.name());
      m.put("model", r.model().model());
      m.put("api", r.model().api().name().toLowerCase(Locale.ROOT));
      m.put("simulated", r.simulated());
      m.put("requests", r.requests());
      m.put("succeeded", r.succeeded());
      m.put("error_rate", r.errorRate());
      m.put("mean_input_tokens", round(r.meanInputTokens(), 1));
      m.put("mean_output_tokens", round(r.meanOutputTokens(), 1));
      m.put("total_cost_usd", r.totalCostUsd().toPlainString());
      m.put("priced_requests", r.pricedRequests());
      putMoney(m, "cost_per_request_usd", r.costPerRequestUsd());
      putMoney(m, "cost_per_conversation_usd", r.costPerConversationUsd());
      putMoney(m, "monthly_cost_usd", r.monthlyCostUsd());
      if (r.monthlyCostUsd().isPresent()) {
        m.put("budget_share", round(share(r.monthlyCostUsd().get()), 4));
        m.put("within_budget", r.monthlyCostUsd().get().compareTo(scenario.budgetUsdPerMonth()) <= 0);
      } else {
        m.putNull("budget_share");
        m.putNull("within_budget");
      }
      m.put("ttft_p50_ms", round(r.ttftP50Millis(), 1));
      m.put("ttft_p95_ms", round(r.ttftP95Millis(), 1));
      m.put("meets_slo", r.succeeded() > 0 && r.ttftP95Millis() <= scenario.sloP95TtftMillis());
      m.put("e2e_p50_ms", round(r.e2eP50Millis(), 1));
      m.put("e2e_p95_ms", round(r.e2eP95Millis(), 1));
      m.put("output_tokens_per_s", round(r.outputTokensPerSecond(), 1));
      m.put("on_front", front.contains(r.name()));
    }
    ArrayNode frontJson = root.putArray("front");
    front.forEach(frontJson::add);
    ArrayNode ex = root.putArray("excluded");
    for (Exclusion e : excluded) {
      ex.addObject().put("name", e.name()).put("reason", e.reason());
    }
    if (recommended.isPresent()) {
      root.put("recommended", recommended.get());
    } else {
      root.putNull("recommended");
    }
    root.put("recommendation", recommendation);
    root.set("analysis", JSON.valueToTree(ReportJson.mapper().convertValue(analysis, Object.class)));
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The Markdown summary: workload, the table, the front, exclusions, the recommendation, assumptions and
   * sources.
   *
   * @return Markdown text
   */
  public String toMarkdown() {
    StringBuilder md = new StringBuilder();
    md.append("# Chatbot dashboard: ").append(names()).append("\n\n");
    if (simulated) {
      md.append("> **SIMULATED**: every latency and token count below was measured against the embedded "
          + "simulated provider (model profiles parameterised from published figures, listed at the end), "
          + "not against the real APIs. Costs are exact list prices applied to those simulated token counts.\n\n");
    }
    md.append(workloadLine()).append("\n\n");
    md.append(table().markdown()).append('\n');
    md.append("**Pareto front** of the models meeting every requirement (monthly cost, p95 TTFT): ")
        .append(front.isEmpty() ? "none" : String.join(", ", front)).append("\n\n");
    if (!excluded.isEmpty()) {
      md.append("**Excluded**:\n\n");
      for (Exclusion e : excluded) {
        md.append("- ").append(e.name()).append(": ").append(e.reason()).append('\n');
      }
      md.append('\n');
    }
    md.append("**Recommendation**: ").append(recommendation).append("\n\n");
    md.append("![cost vs latency](").append(CHART_NAME).append(".png)\n\n");
    md.append("## Assumptions and sources\n\n");
    md.append("- cost/request is the mean exact cost of each model's own answers to the ")
        .append(scenario.prompts().size()).append(" standardized queries (`").append(scenario.prompts().source())
        .append("`). cost/conversation and monthly price the workload — ")
        .append(Text.number(analysis.workload().meanInputTokens(), 0)).append(" input and ")
        .append(Text.number(analysis.workload().meanOutputTokens(), 0))
        .append(" output tokens per turn, the means over every measured request — at each model's list price "
            + "over a 730-hour month (TradeoffAnalyzer). A chatbot that re-sends the whole conversation each turn "
            + "sends more input tokens.\n");
    md.append("- Decision (TradeoffAnalyzer): models over budget or over the SLO are excluded; the rest are ranked "
        + "by monthly cost (weight ").append(trim(scenario.costWeight())).append(") and p95 TTFT (weight ")
        .append(trim(1 - scenario.costWeight())).append(") among the Pareto front.\n");
    PriceCatalog catalog = PriceCatalog.bundled();
    for (ModelResult r : results) {
      Optional<ModelPrice> price = catalog.find(r.model().model());
      price.ifPresent(p -> md.append("- Prices of ").append(r.name()).append(" (`").append(p.id()).append("`): ")
          .append(rate(p.rates().inputPerMillion())).append(" input, ")
          .append(rate(p.rates().outputPerMillion())).append(" output per 1M tokens; source ")
          .append(p.source().source()).append(", as of ").append(p.source().asOf()).append(".\n"));
    }
    if (simulated) {
      for (dev.tradeoff.examples.sim.ModelProfile profile : dev.tradeoff.examples.sim.DemoProfiles.all()) {
        for (ModelResult r : results) {
          if (profile.answersTo(r.model().model())) {
            md.append("- Simulated profile of ").append(r.name()).append(" (as of ").append(profile.asOf())
                .append("): ").append(profile.source()).append('\n');
          }
        }
      }
    }
    md.append("\n## Analysis (TradeoffAnalyzer)\n\n").append(ReportRenderer.markdown(analysis)).append('\n');
    md.append("\nMeasured in ").append(String.format(Locale.ROOT, "%.1f s", elapsed.toMillis() / 1000.0))
        .append("; per-request records in `").append(MEASUREMENTS_DIR).append("/requests.jsonl`.\n");
    return md.toString();
  }

  /**
   * A plain-text rendering for a terminal: the table, the front, exclusions and the recommendation.
   *
   * @return the text
   */
  public String toText() {
    StringBuilder t = new StringBuilder();
    t.append("Chatbot dashboard: ").append(names());
    if (simulated) {
      t.append("  [SIMULATED: embedded simulated provider, not real APIs]");
    }
    t.append('\n').append(workloadLine().replace("**", "")).append("\n\n");
    t.append(table().plain()).append('\n');
    t.append("Pareto front of the models meeting every requirement (monthly cost, p95 TTFT): ").append(front.isEmpty() ? "none" : String.join(", ", front))
        .append('\n');
    for (Exclusion e : excluded) {
      t.append("Excluded: ").append(e.name()).append(": ").append(e.reason()).append('\n');
    }
    t.append("Recommendation: ").append(recommendation).append('\n');
    return t.toString();
  }

  private String names() {
    return String.join(" vs ", results.stream().map(ModelResult::name).toList());
  }

  private String workloadLine() {
    return String.format(Locale.ROOT, "Workload: %,d DAU x %s conversation/day x %d turns = %s requests/month "
            + "(730-hour month); budget **%s/month**; SLO: p95 TTFT at most %s.", scenario.dailyActiveUsers(),
        trim(scenario.conversationsPerUserPerDay()), scenario.turnsPerConversation(), Text.number(requestsPerMonth(), 0),
        Text.usd(scenario.budgetUsdPerMonth()), Text.ms(scenario.sloP95TtftMillis()));
  }

  /**
   * Requests a month of the workload, as the analyzer counts them (730-hour month).
   *
   * @return requests
   */
  public double requestsPerMonth() {
    return analysis.workload().requestsPerMonth();
  }

  private Text.Table table() {
    Text.Table t = new Text.Table("model", "requests", "errors", "input tok", "output tok", "cost/request",
        "cost/conversation", "monthly", "of budget", "TTFT p50", "TTFT p95", "E2E p50", "E2E p95", "tok/s");
    for (ModelResult r : results) {
      t.row(r.name() + (r.simulated() ? " (sim)" : ""), Long.toString(r.requests()), Text.percent(r.errorRate()),
          Text.number(r.meanInputTokens(), 0), Text.number(r.meanOutputTokens(), 0),
          r.costPerRequestUsd().map(Text::usd).orElse("n/a"),
          r.costPerConversationUsd().map(Text::usd).orElse("n/a"),
          r.monthlyCostUsd().map(Text::usd).orElse("n/a"),
          r.monthlyCostUsd().map(m -> Text.percent(share(m))).orElse("n/a"),
          Text.ms(r.ttftP50Millis()), Text.ms(r.ttftP95Millis()), Text.ms(r.e2eP50Millis()),
          Text.ms(r.e2eP95Millis()), Text.number(r.outputTokensPerSecond(), 1));
    }
    return t;
  }

  private double share(BigDecimal monthly) {
    return monthly.divide(scenario.budgetUsdPerMonth(), MathContext.DECIMAL64).doubleValue();
  }

  private static String rate(Optional<BigDecimal> perMillion) {
    return perMillion.map(r -> "$" + r.stripTrailingZeros().toPlainString()).orElse("n/a");
  }

  private static void putMoney(ObjectNode node, String field, Optional<BigDecimal> usd) {
    if (usd.isPresent()) {
      node.put(field, usd.get().round(MathContext.DECIMAL64).stripTrailingZeros().toPlainString());
    } else {
      node.putNull(field);
    }
  }

  private static double round(double v, int decimals) {
    double f = Math.pow(10, decimals);
    return Math.round(v * f) / f;
  }

  private static String trim(double v) {
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
