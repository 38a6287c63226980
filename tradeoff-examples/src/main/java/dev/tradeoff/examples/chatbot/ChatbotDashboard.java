package dev.tradeoff.examples.chatbot;

import dev.tradeoff.api.DeploymentCandidate;
import dev.tradeoff.api.Measurements;
import dev.tradeoff.api.Metric;
import dev.tradeoff.api.Requirements;
import dev.tradeoff.api.SloTarget;
import dev.tradeoff.api.TradeoffAnalyzer;
import dev.tradeoff.api.Weights;
import dev.tradeoff.api.report.CandidateRow;
import dev.tradeoff.api.report.ExcludedCandidate;
import dev.tradeoff.api.report.TradeoffReport;
import dev.tradeoff.api.workload.DailyUsers;
import dev.tradeoff.api.workload.TokenProfile;
import dev.tradeoff.api.workload.WorkloadProfile;
import dev.tradeoff.examples.ProviderMode;
import dev.tradeoff.examples.ReportFiles;
import dev.tradeoff.examples.sim.SimulatedProvider;
import dev.tradeoff.examples.sim.SimulatorConfig;
import dev.tradeoff.metrics.CatalogPricer;
import dev.tradeoff.metrics.client.ApiKey;
import dev.tradeoff.metrics.client.ChatRequest;
import dev.tradeoff.metrics.client.ClientConfig;
import dev.tradeoff.metrics.client.LlmClient;
import dev.tradeoff.metrics.load.Candidate;
import dev.tradeoff.metrics.load.LoadProfile;
import dev.tradeoff.metrics.load.LoadRunConfig;
import dev.tradeoff.metrics.load.LoadRunResult;
import dev.tradeoff.metrics.load.LoadRunner;
import dev.tradeoff.metrics.load.PromptSet;
import dev.tradeoff.metrics.load.StepResult;
import dev.tradeoff.metrics.report.RequestRecord;
import dev.tradeoff.metrics.stats.LatencyMetric;
import dev.tradeoff.metrics.stats.MetricsSummary;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Reference scenario 1, the chatbot dashboard: sends the 50 standardized customer-support queries to each model
 * (GPT-4o-mini and Claude 3 Haiku by default) over its real streaming wire format, records tokens, exact cost,
 * TTFT and total time of every request, projects cost per conversation and per month for the workload against
 * the budget, and recommends a model from the Pareto front of monthly cost and p95 TTFT.
 *
 * <pre>{@code
 * ChatbotReport report = ChatbotDashboard.run(ChatbotScenario.defaults(), ProviderMode.SIMULATED);
 * System.out.println(report.recommendation());
 * ReportFiles files = report.writeTo(Path.of("tradeoff-out"));  // PNG, SVG, JSON, Markdown
 * }</pre>
 *
 * <p>Run it: {@code java -cp tradeoff-examples/target/tradeoff-demo.jar
 * dev.tradeoff.examples.chatbot.ChatbotDashboard [--out DIR] [--simulated]} — against the real APIs when
 * {@code OPENAI_API_KEY} and {@code ANTHROPIC_API_KEY} are both set (unless {@code --simulated}), else against
 * the embedded simulated provider, whose numbers are labelled simulated in every output.
 *
 * <p>Before measuring, each model gets {@value #WARMUP_REQUESTS} short warm-up requests that are not recorded
 * (connection setup and a cold JVM would otherwise add hundreds of milliseconds to the first requests).
 *
 * <p>Cost: each request is priced exactly from its reported token usage with the price catalog bundled in
 * {@code tradeoff-pricing}. Decision: {@link dev.tradeoff.api.TradeoffAnalyzer} prices the workload — the
 * scenario's traffic over a 730-hour month with the mean tokens of the measured requests — on every model,
 * excludes those over budget or over the p95 TTFT objective (with the reason), finds the Pareto front of monthly
 * cost and p95 TTFT and ranks by {@link ChatbotScenario#costWeight()}.
 */
public final class ChatbotDashboard {

  /** Requests in flight per model against real APIs unless the scenario says otherwise. */
  public static final int DEFAULT_REAL_CONCURRENCY = 4;

  /** Warm-up requests per model before measuring (not recorded), and their concurrency and output limit. */
  static final int WARMUP_REQUESTS = 12;
  static final int WARMUP_CONCURRENCY = 4;
  static final int WARMUP_OUTPUT_TOKENS = 4;

  private ChatbotDashboard() {}

  /**
   * Runs the scenario.
   *
   * @param scenario the question
   * @param mode where requests go; {@link ProviderMode#AUTO} uses the real APIs only when every model's key is
   *     set
   * @return the report
   * @throws IllegalStateException in {@link ProviderMode#REAL} when a model's API key is not set
   * @throws InterruptedException if interrupted while requests run
   */
  public static ChatbotReport run(ChatbotScenario scenario, ProviderMode mode) throws InterruptedException {
    return run(scenario, mode, System::getenv);
  }

  /**
   * Runs the scenario, reading API keys through {@code env} (for tests and configuration systems).
   *
   * @param scenario the question
   * @param mode where requests go
   * @param env looks up an environment variable, {@code null} when unset
   * @return the report
   * @throws IllegalStateException in {@link ProviderMode#REAL} when a model's API key is not set
   * @throws InterruptedException if interrupted while requests run
   */
  public static ChatbotReport run(ChatbotScenario scenario, ProviderMode mode, Function<String, String> env)
      throws InterruptedException {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(mode, "mode");
    boolean real = mode == ProviderMode.REAL || mode == ProviderMode.AUTO && allKeysSet(scenario, env);
    long start = System.nanoTime();
    LoadRunResult run;
    if (real) {
      run = measure(scenario, false, "", env);
    } else {
      try (SimulatedProvider sim = SimulatedProvider.start(
          SimulatorConfig.defaults().toBuilder().seed(scenario.seed()).build())) {
        run = measure(scenario, true, sim.baseUrl() + "/v1", env);
      }
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    List<ModelResult> results = new ArrayList<>();
    List<Measurements> measurements = new ArrayList<>();
    for (int i = 0; i < scenario.models().size(); i++) {
      StepResult step = run.steps().get(i);
      results.add(result(scenario.models().get(i), step, !real));
      measurements.add(Measurements.builder().from(Measurements.from(step.summary()))
          .source((real ? "measured" : "SIMULATED") + ": " + scenario.prompts().size() + " standardized queries ("
              + scenario.prompts().source() + ")")
          .build());
    }
    return analyze(scenario, !real, results, measurements, run, elapsed);
  }

  private static boolean allKeysSet(ChatbotScenario scenario, Function<String, String> env) {
    for (ChatbotModel m : scenario.models()) {
      String v = env.apply(m.apiKeyEnv());
      if (v == null || v.isBlank()) {
        return false;
      }
    }
    return true;
  }

  /** Runs every model at once, each in its own load step, so that the wall time is that of the slowest. */
  private static LoadRunResult measure(ChatbotScenario scenario, boolean simulated, String simBaseUrl,
      Function<String, String> env) throws InterruptedException {
    int concurrency = scenario.concurrency().orElse(simulated ? scenario.prompts().size() : DEFAULT_REAL_CONCURRENCY);
    List<LlmClient> clients = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(scenario.models().size(), r -> {
      Thread t = new Thread(r, "chatbot-dashboard");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<LoadRunResult>> futures = new ArrayList<>();
      for (ChatbotModel m : scenario.models()) {
        dev.tradeoff.metrics.client.ImmutableClientConfig.Builder config = ClientConfig.builder()
            .api(m.api())
            .model(m.model())
            .pricer(CatalogPricer.bundled());
        if (simulated) {
          config.baseUrl(simBaseUrl).apiKey(ApiKey.of("simulated"));
        } else {
          config.apiKey(ApiKey.fromEnv(m.apiKeyEnv(), env));
        }
        LlmClient client = LlmClient.create(config.build());
        clients.add(client);
        LoadRunConfig load = LoadRunConfig.builder()
            .prompts(scenario.prompts())
            .addCandidate(new Candidate(m.name(), client))
            .addProfiles(LoadProfile.closedLoop(concurrency))
            .maxRequests(scenario.prompts().size())
            .build();
        LoadRunConfig warmup = LoadRunConfig.builder()
            .prompts(warmupPrompts(scenario.prompts()))
            .addCandidate(new Candidate(m.name(), client))
            .addProfiles(LoadProfile.closedLoop(Math.min(WARMUP_CONCURRENCY, concurrency)))
            .maxRequests(WARMUP_REQUESTS)
            .build();
        futures.add(pool.submit(() -> {
          LoadRunner.run(warmup);
          return LoadRunner.run(load);
        }));
      }
      dev.tradeoff.metrics.load.ImmutableLoadRunResult.Builder all = LoadRunResult.builder();
      for (Future<LoadRunResult> f : futures) {
        try {
          all.addAllSteps(f.get().steps());
        } catch (ExecutionException e) {
          throw new IllegalStateException("load run failed: " + e.getCause(), e.getCause());
        }
      }
      return all.build();
    } finally {
      pool.shutdownNow();
      for (LlmClient c : clients) {
        c.close();
      }
    }
  }

  /**
   * The first prompts with an output limit of a few tokens: the warm-up opens connections and loads and
   * compiles the client's code paths, which would otherwise add hundreds of milliseconds to the first
   * measured requests of a fresh JVM.
   */
  private static PromptSet warmupPrompts(PromptSet prompts) {
    List<ChatRequest> requests = new ArrayList<>();
    for (ChatRequest r : prompts.requests().subList(0, Math.min(WARMUP_CONCURRENCY, prompts.size()))) {
      requests.add(ChatRequest.builder().from(r).id("warmup-" + r.id()).maxOutputTokens(WARMUP_OUTPUT_TOKENS).build());
    }
    return PromptSet.of("warm-up of " + prompts.source(), requests);
  }

  private static ModelResult result(ChatbotModel model, StepResult step, boolean simulated) {
    MetricsSummary s = step.summary();
    List<RequestRecord> ok = step.records().stream().filter(r -> !r.warmup() && r.error().isEmpty()).toList();
    Optional<BigDecimal> perRequest = s.pricedRequests() == 0
        ? Optional.empty()
        : Optional.of(s.costUsd().divide(BigDecimal.valueOf(s.pricedRequests()), MathContext.DECIMAL64));
    double meanInput = ok.stream().filter(r -> r.inputTokens().isPresent())
        .mapToLong(r -> r.inputTokens().getAsLong()).average().orElse(0);
    double meanOutput = ok.stream().filter(r -> r.outputTokens().isPresent())
        .mapToLong(r -> r.outputTokens().getAsLong()).average().orElse(0);
    double[] speeds = ok.stream()
        .filter(r -> r.outputTokensPerS().isPresent())
        .mapToDouble(r -> r.outputTokensPerS().getAsDouble())
        .sorted()
        .toArray();
    return new ModelResult(model, simulated, s.requests(), s.succeeded(), meanInput, meanOutput,
        s.costUsd(), s.pricedRequests(), perRequest, Optional.empty(), Optional.empty(),
        millis(s, LatencyMetric.TTFT, 50), millis(s, LatencyMetric.TTFT, 95),
        millis(s, LatencyMetric.E2E, 50), millis(s, LatencyMetric.E2E, 95),
        speeds.length == 0 ? 0 : median(speeds));
  }

  private static double millis(MetricsSummary s, LatencyMetric metric, double percentile) {
    return s.histogram(metric).count() == 0 ? 0 : s.histogram(metric).percentileNanos(percentile) / 1e6;
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /**
   * The decision, by {@link TradeoffAnalyzer}: the workload (the scenario's traffic, and the mean input and output
   * tokens of every successful request of the run) priced on each model at the bundled catalog's list prices,
   * the budget and the p95 TTFT objective as hard constraints, the Pareto front of monthly cost and p95 TTFT, and
   * the ranking by the scenario's cost weight.
   *
   * @param measured each model's run, without projections
   * @param measurements each model's measurements for the analyzer, in the same order
   */
  static ChatbotReport analyze(ChatbotScenario scenario, boolean simulated, List<ModelResult> measured,
      List<Measurements> measurements, LoadRunResult run, Duration elapsed) {
    double requests = 0;
    double input = 0;
    double output = 0;
    for (ModelResult r : measured) {
      requests += r.succeeded();
      input += r.meanInputTokens() * r.succeeded();
      output += r.meanOutputTokens() * r.succeeded();
    }
    if (requests == 0) {
      throw new IllegalStateException("every request of every model failed; see the per-request records for why");
    }
    WorkloadProfile workload = WorkloadProfile.builder()
        .name("support chatbot")
        .traffic(DailyUsers.of(scenario.dailyActiveUsers(), scenario.conversationsPerUserPerDay(),
            scenario.turnsPerConversation()))
        .tokens(TokenProfile.of(input / requests, output / requests))
        .build();
    TradeoffAnalyzer.Builder analyzer = TradeoffAnalyzer.builder()
        .workload(workload)
        .requirements(Requirements.builder()
            .monthlyBudgetUsd(scenario.budgetUsdPerMonth())
            .addSlo(SloTarget.of(Metric.P95_TTFT_MS, scenario.sloP95TtftMillis()))
            .build())
        .weights(Weights.builder()
            .putWeight(Metric.MONTHLY_COST_USD, scenario.costWeight())
            .putWeight(Metric.P95_TTFT_MS, 1 - scenario.costWeight())
            .build());
    for (int i = 0; i < measured.size(); i++) {
      ChatbotModel m = measured.get(i).model();
      analyzer.addCandidate(DeploymentCandidate.of(m.name(), m.model()).withMeasurements(measurements.get(i)));
    }
    TradeoffReport analysis = analyzer.build().analyze();
    List<ModelResult> results = new ArrayList<>();
    for (ModelResult r : measured) {
      Optional<CandidateRow> row = analysis.row(r.name());
      results.add(new ModelResult(r.model(), r.simulated(), r.requests(), r.succeeded(), r.meanInputTokens(),
          r.meanOutputTokens(), r.totalCostUsd(), r.pricedRequests(), r.costPerRequestUsd(),
          row.flatMap(CandidateRow::costPerConversationUsd), row.map(CandidateRow::monthlyCostUsd),
          r.ttftP50Millis(), r.ttftP95Millis(), r.e2eP50Millis(), r.e2eP95Millis(), r.outputTokensPerSecond()));
    }
    List<ChatbotReport.Exclusion> excluded = new ArrayList<>();
    for (ExcludedCandidate e : analysis.excluded()) {
      String describe = e.describe();
      String prefix = e.name() + ": ";
      excluded.add(new ChatbotReport.Exclusion(e.name(),
          describe.startsWith(prefix) ? describe.substring(prefix.length()) : describe));
    }
    return new ChatbotReport(scenario, simulated, results, analysis.pareto().front(), excluded,
        analysis.recommendation().candidate(), recommendation(analysis), analysis, run, elapsed);
  }

  private static String recommendation(TradeoffReport analysis) {
    StringBuilder s = new StringBuilder(analysis.recommendation().headline());
    for (String d : analysis.recommendation().details()) {
      if (!d.startsWith("Excluded:")) {
        s.append(' ').append(d);
      }
    }
    return s.toString();
  }

  /**
   * Runs the reference scenario and writes its report.
   *
   * @param args {@code [--out DIR] [--simulated]}; the output directory defaults to {@code tradeoff-out}
   * @throws Exception if the run fails
   */
  public static void main(String... args) throws Exception {
    Path out = Path.of("tradeoff-out");
    ProviderMode mode = ProviderMode.AUTO;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--out") && i + 1 < args.length) {
        out = Path.of(args[++i]);
      } else if (args[i].equals("--simulated")) {
        mode = ProviderMode.SIMULATED;
      } else {
        System.err.println("usage: ChatbotDashboard [--out DIR] [--simulated]");
        System.exit(2);
      }
    }
    ChatbotReport report = run(ChatbotScenario.defaults(), mode);
    ReportFiles files = report.writeTo(out);
    System.out.println(report.toText());
    System.out.println("Wrote:");
    for (Path p : files.all()) {
      System.out.println("  " + p);
    }
  }
}
