package dev.tradeoff.examples.migration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tradeoff.examples.ReportFiles;
import dev.tradeoff.examples.chart.ChartFiles;
import dev.tradeoff.examples.chart.ChartWriter;
import dev.tradeoff.examples.chart.CumulativeCostChart;
import dev.tradeoff.examples.internal.Text;
import dev.tradeoff.pricing.plan.BreakEvenPoint;
import dev.tradeoff.pricing.plan.CostItem;
import dev.tradeoff.pricing.plan.ProvisionedPlan;
import dev.tradeoff.pricing.plan.SelfHostedPlan;
import dev.tradeoff.pricing.plan.WorkloadCost;
import dev.tradeoff.pricing.selfhost.GpuInstance;
import dev.tradeoff.pricing.selfhost.GpuSpec;
import dev.tradeoff.pricing.selfhost.MeasurementPoint;
import dev.tradeoff.pricing.selfhost.ThroughputEstimate;
import dev.tradeoff.pricing.selfhost.ThroughputMeasurement;
import dev.tradeoff.pricing.tco.TcoMonth;
import dev.tradeoff.pricing.tco.TcoProjection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jfree.chart.JFreeChart;

/**
 * The architecture-migration answer: current and self-hosted cost all-in, the throughput and latency check, the
 * monthly break-even volume, the TCO of every growth case with its break-even month, and a recommendation — as
 * Markdown, JSON, a terminal summary and a cumulative-cost chart. Nothing here is simulated; the self-hosted
 * throughput is an estimate and says so.
 *
 * <pre>{@code
 * MigrationReport r = ArchitectureMigration.run(MigrationScenario.defaults());
 * r.recommendation();
 * r.caseResult("demand triples yearly").breakEvenMonth();   // OptionalInt
 * r.writeTo(Path.of("tradeoff-out/migration"));
 * }</pre>
 *
 * @param scenario the question
 * @param currentPlan the PTU plan
 * @param currentCost its monthly cost for the demand
 * @param currentOverheadPerMonth engineering to run it, USD a month
 * @param currentAllInPerMonth the PTU bill plus the overhead, USD a month
 * @param instance the GPU instance
 * @param gpu its GPU's spec
 * @param estimate the throughput estimate used for sizing (at the latency target when reachable)
 * @param meetsInterTokenRequirement whether a concurrency meets the inter-token requirement
 * @param meetsTtftRequirement whether the estimate's TTFT meets the requirement
 * @param measured a published measurement on this instance type, if any
 * @param selfHostedPlan the self-hosted plan
 * @param selfHostedCost its monthly cost for the demand (instances, engineering, licensing)
 * @param migrationCost one-time migration cost, USD
 * @param monthlyBreakEven the sustained volume above which one plan stays cheaper per month, if within 1/100 to
 *     1,000 times the demand
 * @param cases one per growth case
 */
public record MigrationReport(
    MigrationScenario scenario,
    ProvisionedPlan currentPlan,
    WorkloadCost currentCost,
    BigDecimal currentOverheadPerMonth,
    BigDecimal currentAllInPerMonth,
    GpuInstance instance,
    GpuSpec gpu,
    ThroughputEstimate estimate,
    boolean meetsInterTokenRequirement,
    boolean meetsTtftRequirement,
    Optional<Measured> measured,
    SelfHostedPlan selfHostedPlan,
    WorkloadCost selfHostedCost,
    BigDecimal migrationCost,
    Optional<BreakEvenPoint> monthlyBreakEven,
    List<CaseResult> cases) {

  /** TCO option name of the current deployment. */
  public static final String CURRENT = "Azure PTU (current)";
  /** TCO option name of the self-hosted deployment. */
  public static final String SELF_HOSTED = "Self-hosted";
  /** File name of the JSON report. */
  public static final String JSON_FILE = "migration-report.json";
  /** File name of the Markdown summary. */
  public static final String MARKDOWN_FILE = "migration-summary.md";
  /** Base name of the chart files. */
  public static final String CHART_NAME = "tco-cumulative";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * A published throughput measurement on the instance type.
   *
   * @param measurement the measurement, with its source
   * @param point the point on this instance
   */
  public record Measured(ThroughputMeasurement measurement, MeasurementPoint point) {

    /** Checks the components. */
    public Measured {
      Objects.requireNonNull(measurement, "measurement");
      Objects.requireNonNull(point, "point");
    }
  }

  /**
   * The TCO of one growth case.
   *
   * @param growthCase the case
   * @param projection both options month by month
   * @param breakEvenMonth the month self-hosting has paid for itself ({@code TcoProjection#breakEvenMonth}: both
   *     options cover the demand and self-hosting ends the horizon strictly cheaper; the first month from which its
   *     cumulative cost stays at or below the current deployment's), if there is one
   */
  public record CaseResult(GrowthCase growthCase, TcoProjection projection, OptionalInt breakEvenMonth) {

    /** Checks the components. */
    public CaseResult {
      Objects.requireNonNull(growthCase, "growthCase");
      Objects.requireNonNull(projection, "projection");
      Objects.requireNonNull(breakEvenMonth, "breakEvenMonth");
    }

    /**
     * The current deployment's nominal total over the horizon.
     *
     * @return USD
     */
    public BigDecimal currentTotal() {
      return projection.result(CURRENT).total();
    }

    /**
     * The self-hosted deployment's nominal total over the horizon, migration included.
     *
     * @return USD
     */
    public BigDecimal selfHostedTotal() {
      return projection.result(SELF_HOSTED).total();
    }
  }

  /** Copies the lists and checks the components. */
  public MigrationReport {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(currentPlan, "currentPlan");
    Objects.requireNonNull(currentCost, "currentCost");
    Objects.requireNonNull(currentOverheadPerMonth, "currentOverheadPerMonth");
    Objects.requireNonNull(currentAllInPerMonth, "currentAllInPerMonth");
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(gpu, "gpu");
    Objects.requireNonNull(estimate, "estimate");
    Objects.requireNonNull(measured, "measured");
    Objects.requireNonNull(selfHostedPlan, "selfHostedPlan");
    Objects.requireNonNull(selfHostedCost, "selfHostedCost");
    Objects.requireNonNull(migrationCost, "migrationCost");
    Objects.requireNonNull(monthlyBreakEven, "monthlyBreakEven");
    cases = List.copyOf(cases);
  }

  /**
   * The self-hosted deployment's all-in monthly cost for today's demand: instances, engineering, licensing.
   *
   * @return USD a month
   */
  public BigDecimal selfHostedAllInPerMonth() {
    return selfHostedCost.monthlyTotal();
  }

  /**
   * Whether the self-hosted deployment meets both latency requirements.
   *
   * @return true if it does
   */
  public boolean meetsLatency() {
    return meetsInterTokenRequirement && meetsTtftRequirement;
  }

  /**
   * The result of a case.
   *
   * @param name the case's name
   * @return the result
   * @throws NoSuchElementException if there is no such case
   */
  public CaseResult caseResult(String name) {
    for (CaseResult c : cases) {
      if (c.growthCase().name().equals(name)) {
        return c;
      }
    }
    throw new NoSuchElementException("no growth case named '" + name + "'");
  }

  /**
   * The recommendation in words, from the numbers.
   *
   * @return the sentence
   */
  public String recommendation() {
    StringBuilder s = new StringBuilder();
    String selfName = selfHostedCost.peakUnits() + " x " + instance.instanceType();
    if (!meetsLatency()) {
      s.append(String.format(Locale.ROOT, "Stay on %s: %s on %s cannot meet the latency requirement (estimated %s "
              + "between tokens at best vs %s required, TTFT %s vs %s).", CURRENT, scenario.model().name(),
          instance.instanceType(), Text.ms(estimate.interTokenSeconds() * 1000), Text.ms(scenario.maxInterTokenMillis()),
          Text.ms(estimate.timeToFirstTokenSeconds() * 1000), Text.ms(scenario.maxTtftMillis())));
      return s.toString();
    }
    boolean cheaperNow = selfHostedAllInPerMonth().compareTo(currentAllInPerMonth) < 0;
    CaseResult first = cases.get(0);
    if (first.breakEvenMonth().isPresent()) {
      s.append(String.format(Locale.ROOT, "Migrate: self-hosting (%s) costs %s/month all-in against %s/month for "
              + "the PTUs and pays back the %s migration in month %d of the '%s' case.", selfName,
          Text.usd(selfHostedAllInPerMonth()), Text.usd(currentAllInPerMonth), Text.usd(migrationCost),
          first.breakEvenMonth().getAsInt(), first.growthCase().name()));
    } else {
      s.append(String.format(Locale.ROOT, "Stay on %s: %s/month all-in against %s/month self-hosted (%s, %s "
              + "engineering); no break-even within %d months in the '%s' case.", CURRENT,
          Text.usd(currentAllInPerMonth), Text.usd(selfHostedAllInPerMonth()), selfName,
          Text.number(scenario.engineeringHoursPerMonth(), 0) + " h", 12 * scenario.years(),
          first.growthCase().name()));
      if (cheaperNow) {
        s.append(" Self-hosting is cheaper per month but does not recoup the migration in time.");
      }
    }
    List<String> paying = new ArrayList<>();
    for (CaseResult c : cases.subList(1, cases.size())) {
      c.breakEvenMonth().ifPresent(m -> paying.add("'" + c.growthCase().name() + "' (month " + m + ")"));
    }
    if (!paying.isEmpty()) {
      s.append(" It breaks even in ").append(String.join(", ", paying)).append('.');
    } else if (cases.size() > 1) {
      s.append(" No other case breaks even within the horizon.");
    }
    monthlyBreakEven.ifPresent(b -> s.append(String.format(Locale.ROOT,
        " Per month, %s is cheaper above %s tokens/min (%sx today's demand).",
        b.cheaperAbove().equals(selfHostedPlan.name()) ? "self-hosting" : "the PTU deployment",
        Text.number(b.averageTokensPerMinute(), 0),
        Text.number(b.averageTokensPerMinute() / scenario.tokensPerMinute(), 1))));
    return s.toString();
  }

  /**
   * The cumulative-cost chart of the scenario's chart cases: both options per case, break-even months marked.
   *
   * @return a new chart
   */
  public JFreeChart chart() {
    CumulativeCostChart.Builder b = CumulativeCostChart.builder()
        .title(String.format(Locale.ROOT, "%d-year TCO: %s vs self-hosted %s on %s", scenario.years(), CURRENT,
            scenario.model().name(), instance.instanceType()))
        .subtitle(String.format(Locale.ROOT, "%s tokens/min today (%s in / %s out per request); self-hosted "
                + "throughput estimated; migration %s in month 1", Text.number(scenario.tokensPerMinute(), 0),
            Text.number(scenario.mix().promptPerRequest(), 0), Text.number(scenario.mix().output(), 0),
            Text.usd(migrationCost)))
        .xAxis("Month")
        .yAxis("Cumulative cost (USD)");
    for (int k = 0; k < scenario.chartCases().size(); k++) {
      String name = scenario.chartCases().get(k);
      CaseResult c = caseResult(name);
      // One colour per option, one line style per case.
      b.series("Azure PTU - " + name, cumulative(c.projection(), CURRENT), 0, k > 0);
      b.series("Self-hosted - " + name, cumulative(c.projection(), SELF_HOSTED), 1, k > 0);
      c.breakEvenMonth().ifPresent(m -> b.marker(m, "break-even: month " + m + " (" + name + ")"));
    }
    return b.build();
  }

  private static double[] cumulative(TcoProjection p, String option) {
    List<TcoMonth> months = p.result(option).months();
    double[] out = new double[months.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = months.get(i).cumulative().doubleValue();
    }
    return out;
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
    root.put("scenario", "architecture-migration");
    root.put("simulated", false);
    ObjectNode w = root.putObject("workload");
    w.put("tokens_per_minute", scenario.tokensPerMinute());
    w.put("input_tokens_per_request", scenario.mix().promptPerRequest());
    w.put("output_tokens_per_request", scenario.mix().output());
    w.put("tokens_per_month", currentCost.tokensPerMonth());
    ObjectNode cur = root.putObject("current");
    cur.put("plan", currentPlan.name());
    cur.put("units", currentCost.peakUnits());
    cur.put("utilization", round(currentCost.utilization(), 4));
    cur.put("bill_usd_per_month", money(currentCost.monthlyTotal()));
    cur.put("engineering_usd_per_month", money(currentOverheadPerMonth));
    cur.put("all_in_usd_per_month", money(currentAllInPerMonth));
    ObjectNode sh = root.putObject("self_hosted");
    sh.put("plan", selfHostedPlan.name());
    sh.put("instance", instance.id());
    sh.put("gpu", gpu.name());
    sh.put("gpus_per_instance", instance.gpuCount().orElse(1));
    sh.put("instance_usd_per_hour", money(instance.onDemandHourly().orElse(BigDecimal.ZERO)));
    sh.put("throughput_source", "estimate");
    sh.put("output_tokens_per_s_per_instance", round(estimate.outputTokensPerSecond(), 1));
    sh.put("concurrency_per_instance", estimate.effectiveConcurrency());
    sh.put("itl_ms", round(estimate.interTokenSeconds() * 1000, 1));
    sh.put("ttft_ms", round(estimate.timeToFirstTokenSeconds() * 1000, 1));
    sh.put("meets_itl_requirement", meetsInterTokenRequirement);
    sh.put("meets_ttft_requirement", meetsTtftRequirement);
    sh.put("required_itl_ms", scenario.maxInterTokenMillis());
    sh.put("required_ttft_ms", scenario.maxTtftMillis());
    sh.put("instances", selfHostedCost.peakUnits());
    sh.put("utilization", round(selfHostedCost.utilization(), 4));
    ObjectNode items = sh.putObject("items_usd_per_month");
    for (CostItem i : selfHostedCost.items()) {
      items.put(i.name(), money(i.amount()));
    }
    sh.put("all_in_usd_per_month", money(selfHostedAllInPerMonth()));
    sh.put("migration_usd", money(migrationCost));
    if (measured.isPresent()) {
      ObjectNode m = sh.putObject("published_measurement");
      m.put("id", measured.get().measurement().id());
      m.put("engine", measured.get().measurement().engine());
      m.put("model", measured.get().point().attributes().getOrDefault("model", ""));
      m.put("output_tokens_per_s", measured.get().point().tokensPerSecond().orElse(0));
      if (measured.get().point().itlMillis().isPresent()) {
        m.put("itl_ms", measured.get().point().itlMillis().getAsDouble());
      }
      m.put("source", measured.get().measurement().source().source());
    }
    if (monthlyBreakEven.isPresent()) {
      ObjectNode b = root.putObject("monthly_break_even");
      b.put("tokens_per_minute", round(monthlyBreakEven.get().averageTokensPerMinute(), 0));
      b.put("cheaper_above", monthlyBreakEven.get().cheaperAbove());
      b.put("cheaper_below", monthlyBreakEven.get().cheaperBelow());
    } else {
      root.putNull("monthly_break_even");
    }
    ArrayNode cs = root.putArray("tco");
    for (CaseResult c : cases) {
      ObjectNode n = cs.addObject();
      n.put("case", c.growthCase().name());
      n.put("demand_growth_per_year", c.growthCase().demandGrowthPerYear());
      n.put("price_decline_per_year", c.growthCase().priceDeclinePerYear());
      n.put("decline_applies_to_self_hosted", c.growthCase().declineAppliesToSelfHosted());
      n.put("years", scenario.years());
      n.put("current_total_usd", money(c.currentTotal()));
      n.put("self_hosted_total_usd", money(c.selfHostedTotal()));
      if (c.breakEvenMonth().isPresent()) {
        n.put("break_even_month", c.breakEvenMonth().getAsInt());
      } else {
        n.putNull("break_even_month");
      }
    }
    root.put("recommendation", recommendation());
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
    StringBuilder md = new StringBuilder();
    md.append("# Architecture migration: ").append(CURRENT).append(" vs self-hosted ").append(scenario.model().name())
        .append(" on ").append(instance.instanceType()).append("\n\n");
    md.append(workloadLine()).append("\n\n");
    md.append("## Monthly cost today, all-in\n\n").append(costTable().markdown()).append('\n');
    md.append("## Throughput and latency of the self-hosted option (estimated)\n\n")
        .append(latencyTable().markdown()).append('\n');
    md.append("## ").append(scenario.years()).append("-year TCO\n\n").append(tcoTable().markdown()).append('\n');
    monthlyBreakEven.ifPresent(b -> md.append(String.format(Locale.ROOT,
        "Monthly break-even volume: %s tokens/min (%sx today's demand); cheaper below: %s, above: %s.%n%n",
        Text.number(b.averageTokensPerMinute(), 0), Text.number(b.averageTokensPerMinute() / scenario.tokensPerMinute(), 1),
        b.cheaperBelow(), b.cheaperAbove())));
    md.append("**Recommendation**: ").append(recommendation()).append("\n\n");
    md.append("![cumulative cost](").append(CHART_NAME).append(".png)\n\n");
    md.append("## Assumptions and sources\n\n");
    md.append("- PTU prices and capacities: bundled offer catalog (").append(currentPlan.sources().isEmpty() ? "see catalog"
        : currentPlan.sources().get(0).source() + ", as of " + currentPlan.sources().get(0).asOf()).append(").\n");
    md.append("- Instance price: ").append(instance.source().source()).append(", as of ").append(instance.source().asOf())
        .append(".\n");
    md.append("- Self-hosted throughput: ").append(selfHostedPlan.throughputSource().map(p -> p.source()).orElse("estimate"))
        .append(". An estimate from model size, GPU bandwidth and compute, not a measurement.\n");
    measured.ifPresent(m -> md.append("- Published measurement on this instance (a lower bound, older engine): ")
        .append(m.point().attributes().getOrDefault("model", m.measurement().model())).append(", ")
        .append(m.measurement().engine()).append(": ")
        .append(Text.number(m.point().tokensPerSecond().orElse(0), 1)).append(" tokens/s")
        .append(m.point().itlMillis().isPresent() ? ", " + Text.ms(m.point().itlMillis().getAsDouble()) + " per token" : "")
        .append(" (").append(m.measurement().source().source()).append(").\n"));
    md.append(String.format(Locale.ROOT, "- Engineering at %s/h: %s h/month for the PTU deployment, %s h/month to run "
            + "the self-hosted service, %s h once to migrate. Licensing %s/month.%n",
        Text.usd(scenario.engineeringHourlyRate()), Text.number(scenario.currentEngineeringHoursPerMonth(), 0),
        Text.number(scenario.engineeringHoursPerMonth(), 0), Text.number(scenario.migrationHours(), 0),
        Text.usd(scenario.licensingPerMonth())));
    md.append("- TCO: demand grows monthly at the case's yearly rate; capacity is re-sized every month; prices fall "
        + "stepwise at each year start where the case says so; a 730-hour month.\n");
    return md.toString();
  }

  /**
   * A plain-text summary for a terminal.
   *
   * @return the text
   */
  public String toText() {
    return "Architecture migration: " + CURRENT + " vs self-hosted " + scenario.model().name() + " on "
        + instance.instanceType() + "\n" + workloadLine().replace("**", "") + "\n\n" + costTable().plain() + "\n"
        + latencyTable().plain() + "\n" + tcoTable().plain() + "\nRecommendation: " + recommendation() + "\n";
  }

  private String workloadLine() {
    return String.format(Locale.ROOT, "Workload: steady 24/7, %s tokens/min (%s input + %s output tokens per request),"
            + " %s tokens/month. Requirement: at most %s between tokens, TTFT at most %s.",
        Text.number(scenario.tokensPerMinute(), 0), Text.number(scenario.mix().promptPerRequest(), 0),
        Text.number(scenario.mix().output(), 0), Text.number(currentCost.tokensPerMonth() / 1e6, 0) + "M",
        Text.ms(scenario.maxInterTokenMillis()), Text.ms(scenario.maxTtftMillis()));
  }

  private Text.Table costTable() {
    Text.Table t = new Text.Table("option", "capacity", "utilization", "bill", "engineering", "all-in/month");
    t.row(CURRENT + ": " + currentPlan.name(), currentCost.peakUnits() + " PTU",
        Text.percent(currentCost.utilization()), Text.usd(currentCost.monthlyTotal()), Text.usd(currentOverheadPerMonth),
        Text.usd(currentAllInPerMonth));
    BigDecimal engineering = BigDecimal.ZERO;
    BigDecimal bill = BigDecimal.ZERO;
    for (CostItem i : selfHostedCost.items()) {
      if (i.name().startsWith("engineering")) {
        engineering = engineering.add(i.amount());
      } else {
        bill = bill.add(i.amount());
      }
    }
    t.row(SELF_HOSTED + ": " + selfHostedPlan.name(), selfHostedCost.peakUnits() + " x " + instance.instanceType(),
        Text.percent(selfHostedCost.utilization()), Text.usd(bill), Text.usd(engineering),
        Text.usd(selfHostedAllInPerMonth()));
    return t;
  }

  private Text.Table latencyTable() {
    Text.Table t = new Text.Table("source", "output tokens/s per instance", "concurrency", "between tokens", "TTFT",
        "meets requirement");
    t.row("estimate (" + scenario.weights() + ", " + instance.gpuCount().orElse(1) + " x " + gpu.name() + ")",
        Text.number(estimate.outputTokensPerSecond(), 1), Integer.toString(estimate.effectiveConcurrency()),
        Text.ms(estimate.interTokenSeconds() * 1000), Text.ms(estimate.timeToFirstTokenSeconds() * 1000),
        meetsLatency() ? "yes" : "no");
    measured.ifPresent(m -> t.row("published: " + m.point().attributes().getOrDefault("model", "") + ", "
            + m.measurement().engine(), Text.number(m.point().tokensPerSecond().orElse(0), 1),
        m.point().concurrency().isPresent() ? Integer.toString(m.point().concurrency().getAsInt()) : "n/a",
        m.point().itlMillis().isPresent() ? Text.ms(m.point().itlMillis().getAsDouble()) : "n/a", "n/a",
        m.point().itlMillis().isPresent()
            ? (m.point().itlMillis().getAsDouble() <= scenario.maxInterTokenMillis() ? "yes" : "no") : "n/a"));
    return t;
  }

  private Text.Table tcoTable() {
    Text.Table t = new Text.Table("case", "demand growth/yr", "price decline/yr", CURRENT, SELF_HOSTED,
        "break-even month");
    for (CaseResult c : cases) {
      GrowthCase g = c.growthCase();
      t.row(g.name(), Text.percent(g.demandGrowthPerYear()).replace(".0%", "%"),
          Text.percent(g.priceDeclinePerYear()).replace(".0%", "%") + (g.priceDeclinePerYear() > 0
              ? (g.declineAppliesToSelfHosted() ? " (both)" : " (PTU only)") : ""),
          Text.usd(c.currentTotal()), Text.usd(c.selfHostedTotal()),
          c.breakEvenMonth().isPresent() ? Integer.toString(c.breakEvenMonth().getAsInt())
              : "none in " + 12 * scenario.years());
    }
    return t;
  }

  private static String money(BigDecimal v) {
    return v.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
  }

  private static double round(double v, int decimals) {
    double f = Math.pow(10, decimals);
    return Math.round(v * f) / f;
  }
}
