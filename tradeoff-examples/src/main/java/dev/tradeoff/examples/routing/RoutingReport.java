package dev.tradeoff.examples.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tradeoff.api.routing.Candidate;
import dev.tradeoff.api.routing.sim.FailureReason;
import dev.tradeoff.api.routing.sim.SimulationResult;
import dev.tradeoff.examples.ReportFiles;
import dev.tradeoff.examples.chart.ChartFiles;
import dev.tradeoff.examples.chart.ChartWriter;
import dev.tradeoff.examples.chart.PolicyComparisonChart;
import dev.tradeoff.examples.internal.Text;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jfree.chart.JFreeChart;

/**
 * What the simulated day showed: the routing decision matrix, each policy's cost, latency, success rate and
 * failovers on identical traffic, how traffic moved during the incidents, and the live cost tracker's month-end
 * forecasts — as Markdown, JSON, a terminal table and a policy-comparison chart, all labelled simulated.
 *
 * <pre>{@code
 * RoutingReport r = MultiProviderRouting.run(RoutingScenario.defaults());
 * r.result("round-robin").successRate();
 * r.duringIncident("cheapest-meeting-slo", r.scenario().outage());   // served per candidate in the window
 * }</pre>
 *
 * @param scenario the knobs
 * @param candidates the routed candidates, in router order
 * @param matrix one row per representative request
 * @param results one per policy, in the scenario's order
 * @param selfHostedFixedCostUsd what the self-hosted instances cost over the simulated period, whatever the policy
 * @param forecasts the cost tracker's month-end forecasts during the day (first policy)
 * @param elapsed wall time of the simulations
 */
public record RoutingReport(
    RoutingScenario scenario,
    List<Candidate> candidates,
    List<MatrixRow> matrix,
    List<SimulationResult> results,
    BigDecimal selfHostedFixedCostUsd,
    List<Forecast> forecasts,
    Duration elapsed) {

  /** File name of the JSON report. */
  public static final String JSON_FILE = "routing-report.json";
  /** File name of the Markdown summary. */
  public static final String MARKDOWN_FILE = "routing-summary.md";
  /** Base name of the chart files. */
  public static final String CHART_NAME = "policy-comparison";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * One row of the routing decision matrix.
   *
   * @param request the representative request
   * @param cells per candidate id: {@code "yes ($cost)"} or {@code "no: <filters>"}
   * @param chosen the candidate the cheapest-meeting-SLO policy picks before any traffic
   */
  public record MatrixRow(String request, Map<String, String> cells, Optional<String> chosen) {

    /** Copies the map. */
    public MatrixRow {
      Objects.requireNonNull(request, "request");
      cells = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cells));
      Objects.requireNonNull(chosen, "chosen");
    }
  }

  /**
   * A month-end forecast of the live cost tracker.
   *
   * @param at simulated time since the start
   * @param monthToDate spend recorded so far, USD
   * @param forecastMonthEnd projected spend at month end, USD
   * @param overBudget whether the projection exceeds the monthly budget
   */
  public record Forecast(Duration at, BigDecimal monthToDate, BigDecimal forecastMonthEnd, boolean overBudget) {

    /** Checks the components. */
    public Forecast {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(monthToDate, "monthToDate");
      Objects.requireNonNull(forecastMonthEnd, "forecastMonthEnd");
    }
  }

  /** Copies the lists. */
  public RoutingReport {
    Objects.requireNonNull(scenario, "scenario");
    candidates = List.copyOf(candidates);
    matrix = List.copyOf(matrix);
    results = List.copyOf(results);
    Objects.requireNonNull(selfHostedFixedCostUsd, "selfHostedFixedCostUsd");
    forecasts = List.copyOf(forecasts);
    Objects.requireNonNull(elapsed, "elapsed");
  }

  /**
   * The result of a policy.
   *
   * @param policy its name, from {@link RoutingScenario#POLICIES}
   * @return the result
   * @throws NoSuchElementException if the policy was not run
   */
  public SimulationResult result(String policy) {
    int i = scenario.policies().indexOf(policy);
    if (i < 0) {
      throw new NoSuchElementException("policy '" + policy + "' was not run; ran " + scenario.policies());
    }
    return results.get(i);
  }

  /**
   * Requests each candidate served under a policy during an incident window.
   *
   * @param policy the policy's name
   * @param window the incident
   * @return served requests per candidate id, in router order
   */
  public Map<String, Long> duringIncident(String policy, RoutingScenario.Window window) {
    SimulationResult r = result(policy);
    int from = (int) Math.round(window.startHour() * 60);
    int to = (int) Math.round(window.startHour() * 60 + window.minutes());
    Map<String, Long> out = new LinkedHashMap<>();
    for (Candidate c : candidates) {
      long[] t = r.servedTimeline(c.id());
      long sum = 0;
      for (int k = from; k < Math.min(to, t.length); k++) {
        sum += t[k];
      }
      out.put(c.id(), sum);
    }
    return out;
  }

  /**
   * The first whole minute after an incident in which its provider served a request again under a policy.
   *
   * @param policy the policy's name
   * @param window the incident
   * @return minutes after the incident's end, empty if it never did
   */
  public OptionalInt minutesToRecover(String policy, RoutingScenario.Window window) {
    long[] t = result(policy).servedTimeline(MultiProviderRouting.id(window.provider()));
    int end = (int) Math.round(window.startHour() * 60 + window.minutes());
    for (int k = end; k < t.length; k++) {
      if (t[k] > 0) {
        return OptionalInt.of(k - end);
      }
    }
    return OptionalInt.empty();
  }

  /**
   * The policy with the highest success rate, ties to the lower API cost.
   *
   * @return its name
   */
  public String mostReliable() {
    int best = 0;
    for (int i = 1; i < results.size(); i++) {
      SimulationResult r = results.get(i);
      int c = Double.compare(r.successRate(), results.get(best).successRate());
      if (c > 0 || c == 0 && r.costUsd().compareTo(results.get(best).costUsd()) < 0) {
        best = i;
      }
    }
    return scenario.policies().get(best);
  }

  /**
   * The side-by-side chart: API cost, p95 TTFT and success rate per policy.
   *
   * @return a new chart
   */
  public JFreeChart chart() {
    PolicyComparisonChart.Builder b = PolicyComparisonChart.builder()
        .title("Routing policies on " + (scenario.hours() == 24 ? "one simulated day" : periodLabel() + " simulated")
            + " of traffic")
        .subtitle(String.format(Locale.ROOT, "%s requests, %s; outage %s, rate-limit storm %s",
            Text.number(results.get(0).arrivals(), 0), periodLabel(), scenario.outage().describe(),
            scenario.rateLimitStorm().describe()))
        .metric("API cost (" + costUnit() + ")", "$#,##0.00")
        .metric("p95 time to first token (ms)", "#,##0")
        .metric("Success rate (%)", "0.00")
        .simulated("discrete-event simulation of traffic, latency, failures and rate limits");
    for (int i = 0; i < results.size(); i++) {
      SimulationResult r = results.get(i);
      b.option(scenario.policies().get(i), r.costUsd().doubleValue(), r.timeToFirstToken().p95Millis(),
          100 * r.successRate());
    }
    return b.build();
  }

  private String costUnit() {
    return scenario.hours() == 24 ? "USD/day" : "USD per " + Text.number(scenario.hours(), 1) + " h";
  }

  private String periodLabel() {
    return scenario.hours() == 24 ? "24 h" : Text.number(scenario.hours(), 1) + " h";
  }

  /**
   * Writes {@value #JSON_FILE}, {@value #MARKDOWN_FILE} and {@value #CHART_NAME}{@code .png} and {@code .svg}.
   *
   * @param directory the output directory, created if needed
   * @return the files
   * @throws UncheckedIOException if a file cannot be written (the message names it)
   */
  public ReportFiles writeTo(Path directory) {
    ChartFiles chart = ChartWriter.write(chart(), directory, CHART_NAME);
    Path json = directory.resolve(JSON_FILE);
    Path markdown = directory.resolve(MARKDOWN_FILE);
    write(json, toJson());
    write(markdown, toMarkdown());
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
    root.put("scenario", "multi-provider-routing");
    root.put("simulated", true);
    root.put("simulated_note", "discrete-event simulation of traffic, latency, failures and rate limits; "
        + "prices are the bundled catalog's list prices");
    ObjectNode k = root.putObject("knobs");
    k.put("seed", scenario.seed());
    k.put("hours", scenario.hours());
    k.put("mean_requests_per_s", scenario.meanRequestsPerSecond());
    k.put("outage", scenario.outage().describe());
    k.put("rate_limit_storm", scenario.rateLimitStorm().describe());
    k.put("ttft_slo_ms", scenario.ttftSloMillis());
    k.put("budget_usd", scenario.budgetUsd().toPlainString());
    k.put("monthly_budget_usd", scenario.monthlyBudgetUsd().toPlainString());
    ArrayNode cs = root.putArray("candidates");
    for (Candidate c : candidates) {
      cs.addObject().put("id", c.id()).put("provider", c.provider()).put("model", c.model())
          .put("region", c.region().name()).put("context_window_tokens", c.contextWindowTokens())
          .put("urgencies", c.urgencies().toString().toLowerCase(Locale.ROOT));
    }
    ArrayNode m = root.putArray("decision_matrix");
    for (MatrixRow row : matrix) {
      ObjectNode n = m.addObject();
      n.put("request", row.request());
      ObjectNode cells = n.putObject("candidates");
      row.cells().forEach(cells::put);
      if (row.chosen().isPresent()) {
        n.put("chosen", row.chosen().get());
      } else {
        n.putNull("chosen");
      }
    }
    ArrayNode ps = root.putArray("policies");
    for (int i = 0; i < results.size(); i++) {
      SimulationResult r = results.get(i);
      String name = scenario.policies().get(i);
      ObjectNode p = ps.addObject();
      p.put("policy", name);
      p.put("policy_description", r.policy());
      p.put("arrivals", r.arrivals());
      p.put("served", r.served());
      p.put("failed", r.failed());
      p.put("success_rate", round(r.successRate(), 6));
      ObjectNode f = p.putObject("failures");
      for (Map.Entry<FailureReason, Long> e : r.failures().entrySet()) {
        f.put(e.getKey().name().toLowerCase(Locale.ROOT), e.getValue());
      }
      p.put("attempts", r.attempts());
      p.put("retries", r.retries());
      p.put("failovers", r.failovers());
      p.put("api_cost_usd", r.costUsd().setScale(6, RoundingMode.HALF_EVEN).toPlainString());
      p.put("within_budget", r.withinBudget());
      p.put("ttft_p50_ms", round(r.timeToFirstToken().p50Millis(), 1));
      p.put("ttft_p95_ms", round(r.timeToFirstToken().p95Millis(), 1));
      p.put("e2e_p50_ms", round(r.endToEnd().p50Millis(), 1));
      p.put("e2e_p95_ms", round(r.endToEnd().p95Millis(), 1));
      ObjectNode served = p.putObject("served_by_candidate");
      r.servedByCandidate().forEach(served::put);
      ObjectNode cost = p.putObject("api_cost_usd_by_candidate");
      r.costByCandidate().forEach((id, usd) -> cost.put(id, usd.setScale(6, RoundingMode.HALF_EVEN).toPlainString()));
      ObjectNode outage = p.putObject("served_during_outage");
      duringIncident(name, scenario.outage()).forEach(outage::put);
      minutesToRecover(name, scenario.outage()).ifPresentOrElse(minutes -> p.put("outage_recovery_minutes", minutes),
          () -> p.putNull("outage_recovery_minutes"));
      ObjectNode storm = p.putObject("served_during_rate_limit_storm");
      duringIncident(name, scenario.rateLimitStorm()).forEach(storm::put);
    }
    root.put("self_hosted_fixed_cost_usd", selfHostedFixedCostUsd.setScale(2, RoundingMode.HALF_EVEN).toPlainString());
    ArrayNode fs = root.putArray("cost_tracking");
    for (Forecast f : forecasts) {
      fs.addObject().put("hours", f.at().toMinutes() / 60.0)
          .put("month_to_date_usd", f.monthToDate().setScale(2, RoundingMode.HALF_EVEN).toPlainString())
          .put("forecast_month_end_usd", f.forecastMonthEnd().setScale(2, RoundingMode.HALF_EVEN).toPlainString())
          .put("over_budget", f.overBudget());
    }
    root.put("cost_tracking_policy", scenario.policies().get(0));
    root.put("most_reliable_policy", mostReliable());
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The Markdown summary.
   *
   * @return Markdown text
   */
  public String toMarkdown() {
    StringBuilder md = new StringBuilder("# Multi-provider routing: " + periodLabel() + " simulated\n\n");
    md.append("> **SIMULATED**: traffic, latency, failures and rate limits come from a discrete-event simulation "
        + "(latency profiles of the simulated provider, sourced from published figures); prices are the bundled "
        + "catalog's list prices.\n\n");
    md.append(summaryLine()).append("\n\n");
    md.append("## Routing decision matrix\n\nHard filters of the router (context window, urgency, data residency)"
        + " for a representative request of each class, with the request's estimated cost where allowed.\n\n")
        .append(matrixTable().markdown()).append('\n');
    md.append("## Policies side by side (identical traffic)\n\n").append(policyTable().markdown()).append('\n');
    md.append("![policy comparison](").append(CHART_NAME).append(".png)\n\n");
    md.append("## Health checks and fallback\n\n").append(incidentTable().markdown()).append('\n');
    md.append("## Live cost tracking (").append(scenario.policies().get(0)).append(")\n\n")
        .append(forecastTable().markdown()).append('\n');
    md.append(String.format(Locale.ROOT, "Self-hosted capacity (%d x %s) costs %s over the period under every "
            + "policy; its per-token price is $0 (marginal).%n%n", MultiProviderRouting.SELF_HOSTED_INSTANCES,
        MultiProviderRouting.SELF_HOSTED_INSTANCE, Text.usd(selfHostedFixedCostUsd)));
    md.append("**Most reliable policy**: ").append(mostReliable()).append(".\n");
    return md.toString();
  }

  /**
   * A plain-text summary for a terminal.
   *
   * @return the text
   */
  public String toText() {
    return "Multi-provider routing: " + periodLabel() + " simulated  [SIMULATED]\n" + summaryLine()
        + "\n\nDecision matrix\n" + matrixTable().plain() + "\nPolicies\n" + policyTable().plain() + "\nIncidents\n" + incidentTable().plain()
        + "\nCost tracking (" + scenario.policies().get(0) + ")\n" + forecastTable().plain()
        + "\nMost reliable policy: " + mostReliable() + "\n";
  }

  private String summaryLine() {
    return String.format(Locale.ROOT, "%s of diurnal traffic, %s requests/s on average (%s requests); outage: %s; "
            + "rate-limit storm (every attempt HTTP 429): %s; budget %s for the period, %s a month. Simulated in %.1f s.",
        periodLabel(), Text.number(scenario.meanRequestsPerSecond(), 1), Text.number(results.get(0).arrivals(), 0),
        scenario.outage().describe(), scenario.rateLimitStorm().describe(), Text.usd(scenario.budgetUsd()),
        Text.usd(scenario.monthlyBudgetUsd()), elapsed.toMillis() / 1000.0);
  }

  private Text.Table matrixTable() {
    List<String> header = new ArrayList<>();
    header.add("request");
    for (Candidate c : candidates) {
      header.add(c.id() + " (" + c.region().name() + ")");
    }
    header.add("chosen");
    Text.Table t = new Text.Table(header.toArray(String[]::new));
    for (MatrixRow row : matrix) {
      List<String> cells = new ArrayList<>();
      cells.add(row.request());
      for (Candidate c : candidates) {
        cells.add(row.cells().getOrDefault(c.id(), ""));
      }
      cells.add(row.chosen().orElse("none"));
      t.row(cells.toArray(String[]::new));
    }
    return t;
  }

  private Text.Table policyTable() {
    Text.Table t = new Text.Table("policy", "success", "failed", "failovers", "retries", "TTFT p50", "TTFT p95",
        "E2E p95", "API cost", "within budget");
    for (int i = 0; i < results.size(); i++) {
      SimulationResult r = results.get(i);
      t.row(scenario.policies().get(i), String.format(Locale.ROOT, "%.2f%%", 100 * r.successRate()),
          Long.toString(r.failed()),
          Long.toString(r.failovers()), Long.toString(r.retries()), Text.ms(r.timeToFirstToken().p50Millis()),
          Text.ms(r.timeToFirstToken().p95Millis()), Text.ms(r.endToEnd().p95Millis()), Text.usd(r.costUsd()),
          r.withinBudget() ? "yes" : "no");
    }
    return t;
  }

  private Text.Table incidentTable() {
    Text.Table t = new Text.Table("policy", "served during " + scenario.outage().describe(),
        scenario.outage().provider() + " serving again after", "served during " + scenario.rateLimitStorm().describe());
    for (String name : scenario.policies()) {
      t.row(name, served(duringIncident(name, scenario.outage())),
          minutesToRecover(name, scenario.outage()).stream().mapToObj(m -> m + " min").findFirst().orElse("never"),
          served(duringIncident(name, scenario.rateLimitStorm())));
    }
    return t;
  }

  private static String served(Map<String, Long> byCandidate) {
    List<String> parts = new ArrayList<>();
    byCandidate.forEach((id, n) -> parts.add(id.substring(0, id.indexOf('-')) + " " + n));
    return String.join(", ", parts);
  }

  private Text.Table forecastTable() {
    Text.Table t = new Text.Table("time", "month to date", "forecast month end", "monthly budget", "alert");
    for (Forecast f : forecasts) {
      t.row(RoutingScenario.Window.clock(f.at().toMinutes() / 60.0) + (f.at().toHours() >= 24 ? " (+1 day)" : ""),
          Text.usd(f.monthToDate()), Text.usd(f.forecastMonthEnd()), Text.usd(scenario.monthlyBudgetUsd()),
          f.overBudget() ? "forecast over budget" : "-");
    }
    return t;
  }

  private static double round(double v, int decimals) {
    double f = Math.pow(10, decimals);
    return Math.round(v * f) / f;
  }
}
