package dev.tradeoff.examples.chatbot;

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
import dev.tradeoff.pareto.CandidateSet;
import dev.tradeoff.pareto.Exclusion;
import dev.tradeoff.pareto.Objective;
import dev.tradeoff.pareto.Violation;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
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
 * {@code tradeoff-pricing}; a turn costs the mean of the measured requests. Ranking: candidates over budget or
 * over the p95 TTFT objective are excluded (with the reason); the rest are ranked by min-max normalised monthly
 * cost and p95 TTFT weighted by {@link ChatbotScenario#costWeight()}, ties going to the cheaper one.
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
    for (int i = 0; i < scenario.models().size(); i++) {
      results.add(result(scenario, scenario.models().get(i), run.steps().get(i), !real));
    }
    return analyze(scenario, !real, results, run, elapsed);
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

  private static ModelResult result(ChatbotScenario scenario, ChatbotModel model, StepResult step, boolean simulated) {
    MetricsSummary s = step.summary();
    List<RequestRecord> ok = step.records().stream().filter(r -> !r.warmup() && r.error().isEmpty()).toList();
    Optional<BigDecimal> perRequest = s.pricedRequests() == 0
        ? Optional.empty()
        : Optional.of(s.costUsd().divide(BigDecimal.valueOf(s.pricedRequests()), MathContext.DECIMAL64));
    Optional<BigDecimal> perConversation =
        perRequest.map(c -> c.multiply(BigDecimal.valueOf(scenario.turnsPerConversation())));
    Optional<BigDecimal> monthly = perRequest.map(c -> c.multiply(scenario.requestsPerMonth(), MathContext.DECIMAL64));
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
        s.costUsd(), s.pricedRequests(), perRequest, perConversation, monthly,
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
   * The decision. Interim: built directly on {@code tradeoff-pareto} (constraints, front, weighted ranking)
   * until {@code TradeoffAnalyzer} of {@code tradeoff-api} is available, which will take over this step.
   */
  static ChatbotReport analyze(ChatbotScenario scenario, boolean simulated, List<ModelResult> results,
      LoadRunResult run, Duration elapsed) {
    List<ChatbotReport.Exclusion> excluded = new ArrayList<>();
    List<ModelResult> priced = new ArrayList<>();
    for (ModelResult r : results) {
      if (r.succeeded() == 0) {
        excluded.add(new ChatbotReport.Exclusion(r.name(), "every request failed"));
      } else if (r.monthlyCostUsd().isEmpty()) {
        excluded.add(new ChatbotReport.Exclusion(r.name(), "model '" + r.model().model()
            + "' has no price in the bundled catalog"));
      } else {
        priced.add(r);
      }
    }
    List<String> front = new ArrayList<>();
    Optional<String> recommended = Optional.empty();
    if (!priced.isEmpty()) {
      CandidateSet.Builder b = CandidateSet.builder(
          Objective.minimize(MONTHLY).atMost(scenario.budgetUsdPerMonth().doubleValue()),
          Objective.minimize(P95).atMost(scenario.sloP95TtftMillis()));
      for (ModelResult r : priced) {
        b.add(r.name(), r.monthlyCostUsd().orElseThrow().doubleValue(), r.ttftP95Millis());
      }
      CandidateSet all = b.build();
      for (int i : all.front()) {
        front.add(all.name(i));
      }
      for (Exclusion e : all.exclusions()) {
        excluded.add(new ChatbotReport.Exclusion(e.candidate(), reasons(e, scenario)));
      }
      CandidateSet feasible = all.feasible();
      recommended = best(feasible, scenario.costWeight());
    }
    String sentence = ChatbotReport.recommendationSentence(scenario, results, recommended, excluded);
    return new ChatbotReport(scenario, simulated, results, front, excluded, recommended, sentence, run, elapsed);
  }

  static final String MONTHLY = "monthly_cost_usd";
  static final String P95 = "p95_ttft_ms";

  private static String reasons(Exclusion e, ChatbotScenario scenario) {
    List<String> parts = new ArrayList<>();
    for (Violation v : e.violations()) {
      if (v.objective().equals(MONTHLY)) {
        parts.add(String.format(java.util.Locale.ROOT, "monthly cost $%,.2f > budget $%,.2f", v.value(),
            scenario.budgetUsdPerMonth().doubleValue()));
      } else {
        parts.add(String.format(java.util.Locale.ROOT, "p95 TTFT %,.0f ms > SLO %,.0f ms", v.value(),
            scenario.sloP95TtftMillis()));
      }
    }
    return String.join("; ", parts);
  }

  /** Weighted sum of min-max normalised cost and p95 TTFT (lower is better); ties go to the cheaper. */
  private static Optional<String> best(CandidateSet feasible, double costWeight) {
    int n = feasible.size();
    if (n == 0) {
      return Optional.empty();
    }
    double[] score = new double[n];
    double[] weights = {costWeight, 1 - costWeight};
    for (int j = 0; j < 2; j++) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        min = Math.min(min, feasible.value(i, j));
        max = Math.max(max, feasible.value(i, j));
      }
      for (int i = 0; i < n; i++) {
        double normalized = max > min ? (feasible.value(i, j) - min) / (max - min) : 0;
        score[i] += weights[j] * normalized;
      }
    }
    Integer[] order = new Integer[n];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> {
      int c = Double.compare(score[a], score[b]);
      return c != 0 ? c : Double.compare(feasible.value(a, 0), feasible.value(b, 0));
    });
    return Optional.of(feasible.name(order[0]));
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
