package dev.tradeoff.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tradeoff.api.AnalysisInput;
import dev.tradeoff.api.DeploymentCandidate;
import dev.tradeoff.api.Measurements;
import dev.tradeoff.api.Metric;
import dev.tradeoff.api.Requirements;
import dev.tradeoff.api.SloTarget;
import dev.tradeoff.api.TradeoffAnalyzer;
import dev.tradeoff.api.TradeoffException;
import dev.tradeoff.api.Weights;
import dev.tradeoff.api.report.CandidateRow;
import dev.tradeoff.api.report.ReportJson;
import dev.tradeoff.api.report.ReportRenderer;
import dev.tradeoff.api.report.TcoLine;
import dev.tradeoff.api.report.TradeoffReport;
import dev.tradeoff.api.workload.DailyUsers;
import dev.tradeoff.api.workload.TokenProfile;
import dev.tradeoff.api.workload.WorkloadProfile;
import dev.tradeoff.cli.internal.BadInputException;
import dev.tradeoff.cli.internal.Catalogs;
import dev.tradeoff.cli.internal.Json;
import dev.tradeoff.cli.internal.Keys;
import dev.tradeoff.examples.chart.ChartWriter;
import dev.tradeoff.examples.chart.CumulativeCostChart;
import dev.tradeoff.examples.chart.ScatterChart;
import dev.tradeoff.pricing.tco.TcoMonth;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tradeoff analyze}: a scenario file — workload, candidates, weights, requirements — through
 * {@code TradeoffAnalyzer}: the Markdown report on standard output; the JSON report and charts in {@code --out}.
 *
 * <pre>{@code
 * java -jar tradeoff.jar analyze --example > scenario.json     # a complete scenario to start from
 * java -jar tradeoff.jar analyze scenario.json --out tradeoff-out/analysis
 * java -jar tradeoff.jar analyze scenario.yaml --json
 * }</pre>
 *
 * <p>The scenario is {@code tradeoff-api}'s {@code AnalysisInput} as JSON or YAML ({@code .yaml}/{@code .yml}),
 * field names in snake_case ({@code daily_active_users}) or the library's camelCase; metric names and type tags
 * in either case ({@code p95_ttft_ms} or {@code P95_TTFT_MS}). Output JSON is snake_case.
 */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = "Analyze a scenario (workload, candidates, weights, requirements): Markdown report on stdout, "
        + "JSON report and charts in --out.")
final class AnalyzeCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO.{json,yaml}",
      description = "The scenario file.")
  Optional<Path> scenario;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "tradeoff-out/analysis",
      description = "Directory for report.json, summary.md and the charts (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--catalog", paramLabel = "FILE",
      description = "Price catalog (tradeoff JSON or LiteLLM map); default: bundled.")
  Optional<Path> catalog;

  @Option(names = "--json", description = "Print the JSON report instead of Markdown.")
  boolean json;

  @Option(names = "--example", description = "Print an example scenario (JSON) and exit.")
  boolean example;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    if (example) {
      stdout.println(Json.write(Keys.toSnake(Json.mapper().valueToTree(
          ReportJson.mapper().convertValue(exampleInput(), Object.class)))));
      return TradeoffCli.OK;
    }
    Path file = scenario.orElseThrow(() -> new BadInputException(
        "missing SCENARIO.{json,yaml} (try 'tradeoff analyze --example > scenario.json')"));
    AnalysisInput input = read(file);
    TradeoffReport report;
    try {
      report = TradeoffAnalyzer.of(input, Catalogs.load(catalog)).analyze();
    } catch (TradeoffException e) {
      throw new BadInputException(file + ": " + e.getMessage());
    }
    JsonNode reportJson = Keys.toSnake(Json.mapper().valueToTree(
        ReportJson.mapper().convertValue(report, Object.class)));
    String markdown = ReportRenderer.markdown(report);
    List<Path> written = write(report, reportJson, markdown);
    if (json) {
      stdout.println(Json.write(reportJson));
    } else {
      stdout.println(markdown);
      stdout.println("Wrote: " + String.join(", ", written.stream().map(Path::toString).toList()));
    }
    return TradeoffCli.OK;
  }

  /** Reads the scenario, naming the file (and line and field) in every error. */
  static AnalysisInput read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new BadInputException("no such file: " + file);
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
    ObjectMapper parser = yaml ? new ObjectMapper(new YAMLFactory()) : Json.mapper();
    JsonNode tree;
    try {
      tree = parser.readTree(file.toFile());
    } catch (JacksonException e) {
      throw new BadInputException(file + ": " + e.getOriginalMessage() + location(e));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    if (tree == null || !tree.isObject()) {
      throw new BadInputException(file + ": expected an object with workload and candidates");
    }
    JsonNode camel = Keys.toCamel(normalizeEnums(tree));
    try {
      return ReportJson.mapper().treeToValue(camel, AnalysisInput.class);
    } catch (JacksonException e) {
      throw new BadInputException(file + ": " + e.getOriginalMessage() + path(e));
    } catch (TradeoffException | IllegalStateException | IllegalArgumentException e) {
      throw new BadInputException(file + ": " + rootMessage(e));
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? e.getMessage() : t.getMessage();
  }

  private static String location(JacksonException e) {
    return e.getLocation() == null ? ""
        : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
  }

  /** Where in the document a mapping error is, in the document's snake_case: {@code candidates[1].model}. */
  private static String path(JacksonException e) {
    if (!(e instanceof com.fasterxml.jackson.databind.JsonMappingException)) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    for (com.fasterxml.jackson.databind.JsonMappingException.Reference r
        : ((com.fasterxml.jackson.databind.JsonMappingException) e).getPath()) {
      if (r.getFieldName() != null) {
        b.append(b.length() == 0 ? "" : ".").append(Keys.snake(r.getFieldName()));
      } else if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      }
    }
    return b.length() == 0 ? "" : " (at " + b + ")";
  }

  /** Metric names and type tags in upper case, so that {@code p95_ttft_ms} reads as {@code P95_TTFT_MS}. */
  static JsonNode normalizeEnums(JsonNode node) {
    if (node.isObject()) {
      ObjectNode o = (ObjectNode) node.deepCopy();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode v = e.getValue();
        if ((e.getKey().equals("metric") || e.getKey().equals("type")) && v.isTextual()) {
          o.set(e.getKey(), TextNode.valueOf(v.asText().toUpperCase(Locale.ROOT)));
        } else if (e.getKey().equals("weights") && v.isObject() && isMetricMap(v)) {
          ObjectNode upper = o.objectNode();
          v.fields().forEachRemaining(w -> upper.set(w.getKey().toUpperCase(Locale.ROOT), w.getValue()));
          o.set(e.getKey(), upper);
        } else {
          o.set(e.getKey(), normalizeEnums(v));
        }
      }
      return o;
    }
    if (node.isArray()) {
      com.fasterxml.jackson.databind.node.ArrayNode a = Json.mapper().createArrayNode();
      for (JsonNode n : node) {
        a.add(normalizeEnums(n));
      }
      return a;
    }
    return node;
  }

  private static boolean isMetricMap(JsonNode weights) {
    if (weights.isEmpty()) {
      return false;
    }
    for (Iterator<String> it = weights.fieldNames(); it.hasNext(); ) {
      String k = it.next().toUpperCase(Locale.ROOT);
      boolean metric = false;
      for (Metric m : Metric.values()) {
        metric |= m.name().equals(k);
      }
      if (!metric) {
        return false;
      }
    }
    return true;
  }

  private List<Path> write(TradeoffReport report, JsonNode reportJson, String markdown) {
    List<Path> written = new ArrayList<>();
    try {
      Files.createDirectories(out);
      Path jsonFile = out.resolve("report.json");
      Files.writeString(jsonFile, Json.write(reportJson) + "\n", StandardCharsets.UTF_8);
      written.add(jsonFile);
      Path md = out.resolve("summary.md");
      Files.writeString(md, markdown, StandardCharsets.UTF_8);
      written.add(md);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to " + out, e);
    }
    List<CandidateRow> plotted = new ArrayList<>();
    for (CandidateRow r : report.rows()) {
      if (r.p95TtftMs().isPresent()) {
        plotted.add(r);
      }
    }
    if (!plotted.isEmpty()) {
      ScatterChart.Builder b = ScatterChart.builder()
          .title("Monthly cost vs p95 time to first token")
          .subtitle(report.workload().traffic())
          .xAxis("Monthly cost (USD/month)")
          .yAxis("p95 time to first token (ms)")
          .xFormat("$#,##0.##")
          .frontLabel("Pareto front (feasible candidates)");
      List<Integer> front = new ArrayList<>();
      int recommended = -1;
      for (int i = 0; i < plotted.size(); i++) {
        CandidateRow r = plotted.get(i);
        b.point(r.name(), r.monthlyCostUsd().doubleValue(), r.p95TtftMs().getAsDouble());
        if (r.onFront()) {
          front.add(i);
        }
        if (report.recommendation().candidate().filter(r.name()::equals).isPresent()) {
          recommended = i;
        }
      }
      b.front(front.stream().mapToInt(Integer::intValue).toArray());
      if (recommended >= 0) {
        b.recommended(recommended);
      }
      report.input().requirements().slo(Metric.P95_TTFT_MS)
          .ifPresent(s -> b.yLimit(s.limit(), "SLO: p95 TTFT " + Math.round(s.limit()) + " ms"));
      written.add(ChartWriter.write(b.build(), out, "cost-vs-latency").png());
    }
    if (!report.tco().isEmpty()) {
      CumulativeCostChart.Builder t = CumulativeCostChart.builder()
          .title("Total cost of ownership")
          .yAxis("Cumulative cost (USD)");
      for (int k = 0; k < report.tco().size(); k++) {
        TcoLine line = report.tco().get(k);
        List<TcoMonth> months = line.result().months();
        double[] values = new double[months.size()];
        for (int i = 0; i < values.length; i++) {
          values[i] = months.get(i).cumulative().doubleValue();
        }
        // A TCO that leaves demand unserved prices only part of it: labelled and dashed, its lower curve must not
        // pass for the workload's cost.
        Optional<String> unserved = line.unservedDescription();
        t.series(unserved.map(d -> line.candidate() + " (partial: " + d + ")").orElse(line.candidate()), values,
            k, unserved.isPresent());
        line.breakEvenMonth().ifPresent(m -> t.marker(m, line.candidate() + " breaks even: month " + m));
      }
      written.add(ChartWriter.write(t.build(), out, "tco-cumulative").png());
    }
    return written;
  }

  /** The scenario printed by {@code --example}: the chatbot question with supplied measurements. */
  static AnalysisInput exampleInput() {
    return TradeoffAnalyzer.builder()
        .workload(WorkloadProfile.builder().name("support chatbot")
            .traffic(DailyUsers.of(1_000, 1, 5))
            .tokens(TokenProfile.of(1_200, 300))
            .build())
        .addCandidate(DeploymentCandidate.of("GPT-4o-mini", "openai/gpt-4o-mini")
            .withMeasurements(Measurements.builder().p50TtftMs(650).p95TtftMs(1_150).tokensPerSecond(59).build()))
        .addCandidate(DeploymentCandidate.of("Claude 3 Haiku", "anthropic/claude-3-haiku")
            .withMeasurements(Measurements.builder().p50TtftMs(380).p95TtftMs(650).tokensPerSecond(95).build()))
        .addCandidate(DeploymentCandidate.of("Gemini 2.0 Flash", "gemini/gemini-2.0-flash")
            .withMeasurements(Measurements.builder().p50TtftMs(150).p95TtftMs(420).tokensPerSecond(198).build()))
        .requirements(Requirements.builder()
            .monthlyBudgetUsd(new BigDecimal("500"))
            .addSlo(SloTarget.of(Metric.P95_TTFT_MS, 1_000))
            .build())
        .weights(Weights.equal(Metric.MONTHLY_COST_USD, Metric.P95_TTFT_MS))
        .build()
        .input();
  }
}
