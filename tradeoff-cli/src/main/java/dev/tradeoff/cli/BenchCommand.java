package dev.tradeoff.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tradeoff.cli.internal.BadInputException;
import dev.tradeoff.cli.internal.Catalogs;
import dev.tradeoff.cli.internal.Json;
import dev.tradeoff.cli.internal.ProgressBar;
import dev.tradeoff.metrics.CatalogPricer;
import dev.tradeoff.metrics.WireApi;
import dev.tradeoff.metrics.client.ApiKey;
import dev.tradeoff.metrics.client.ClientConfig;
import dev.tradeoff.metrics.client.LlmClient;
import dev.tradeoff.metrics.load.Candidate;
import dev.tradeoff.metrics.load.LoadProfile;
import dev.tradeoff.metrics.load.LoadRunConfig;
import dev.tradeoff.metrics.load.LoadRunResult;
import dev.tradeoff.metrics.load.LoadRunner;
import dev.tradeoff.metrics.load.ProgressListener;
import dev.tradeoff.metrics.load.PromptSet;
import dev.tradeoff.metrics.load.StepResult;
import dev.tradeoff.metrics.report.ResultsJson;
import dev.tradeoff.metrics.stats.LatencyHistogram;
import dev.tradeoff.metrics.stats.LatencyMetric;
import dev.tradeoff.metrics.stats.MetricsSummary;
import dev.tradeoff.pricing.RequestOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tradeoff bench}: the load runner of {@code tradeoff-metrics} against one model of a real or local
 * endpoint, over the provider's streaming wire format.
 *
 * <pre>{@code
 * java -jar tradeoff.jar serve-sim --port 8089 &
 * java -jar tradeoff.jar bench --provider openai --base-url http://127.0.0.1:8089/v1 --model gpt-4o-mini \
 *     --prompts prompts.jsonl --rate 4 --poisson --requests 200 --out tradeoff-out/bench
 * OPENAI_API_KEY=... java -jar tradeoff.jar bench --provider openai --model gpt-4o-mini --concurrency 4
 * }</pre>
 *
 * <p>Writes {@code requests.jsonl} (one JSON object per request: {@code ttft_ms}, {@code e2e_ms}, {@code itl_ms},
 * {@code input_tokens}, {@code output_tokens}, {@code cached_input_tokens}, {@code cache_write_tokens},
 * {@code reasoning_tokens}, {@code cost_usd}, {@code error} — {@code null} or {@code {"kind","type","message"}} —
 * and more) and {@code summaries.json} to {@code --out}, and prints a summary (JSON with {@code --json}). The API
 * key comes from an environment variable ({@code OPENAI_API_KEY} or {@code ANTHROPIC_API_KEY} unless
 * {@code --api-key-env} names another); a loopback endpoint needs none. A progress bar is drawn when standard
 * output is a terminal.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measure TTFT, inter-token latency, E2E, tokens and cost of one model under load.")
final class BenchCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--provider", required = true, paramLabel = "openai|openai-responses|anthropic",
      description = "Wire format: OpenAI Chat Completions (and compatible servers), OpenAI Responses, Anthropic Messages.")
  String provider;

  @Option(names = "--base-url", paramLabel = "URL",
      description = "Base URL the endpoint path is appended to, e.g. http://127.0.0.1:8089/v1; default: the provider's.")
  Optional<String> baseUrl;

  @Option(names = "--model", required = true, paramLabel = "ID", description = "Model id sent with each request.")
  String model;

  @Option(names = "--prompts", paramLabel = "FILE.jsonl",
      description = "Prompt set, one request per line; default: the bundled 50 customer-support prompts.")
  Optional<Path> prompts;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Load load;

  /** Either closed loop or open loop, not both. */
  static final class Load {
    @Option(names = "--concurrency", paramLabel = "N", description = "Closed loop: N requests in flight (default 1).")
    Integer concurrency;

    @Option(names = "--rate", paramLabel = "R", description = "Open loop: R requests per second.")
    Double rate;
  }

  @Option(names = "--poisson", description = "With --rate: exponential gaps (Poisson arrivals) instead of even ones.")
  boolean poisson;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed of --poisson arrivals.")
  long seed;

  @Option(names = "--requests", paramLabel = "N",
      description = "Measured requests (default: one per prompt); prompt i mod size is used.")
  Optional<Integer> requests;

  @Option(names = "--warmup", paramLabel = "N", defaultValue = "0",
      description = "Requests sent first and left out of the summary.")
  int warmup;

  @Option(names = "--max-duration-s", paramLabel = "S", defaultValue = "600",
      description = "Stop sending after S seconds (in-flight requests finish).")
  long maxDurationSeconds;

  @Option(names = "--api-key-env", paramLabel = "VAR",
      description = "Environment variable holding the API key; default OPENAI_API_KEY or ANTHROPIC_API_KEY.")
  Optional<String> apiKeyEnv;

  @Option(names = "--catalog", paramLabel = "FILE",
      description = "Price catalog for cost_usd (tradeoff JSON or LiteLLM map); default: bundled.")
  Optional<Path> catalog;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "tradeoff-out/bench",
      description = "Directory for requests.jsonl and summaries.json (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--json", description = "Print the summary as JSON.")
  boolean json;

  @Override
  public Integer call() throws InterruptedException, IOException {
    WireApi api = api(provider);
    String url = baseUrl.orElse(api.defaultBaseUrl());
    PromptSet promptSet = loadPrompts();
    LoadProfile profile = profile();
    int measured = requests.orElse(promptSet.size());
    if (measured < 1) {
      throw new BadInputException("--requests must be >= 1, but was " + measured);
    }
    if (warmup < 0) {
      throw new BadInputException("--warmup must be >= 0, but was " + warmup);
    }
    if (maxDurationSeconds < 1) {
      throw new BadInputException("--max-duration-s must be >= 1, but was " + maxDurationSeconds);
    }
    ClientConfig config;
    try {
      config = ClientConfig.builder()
          .api(api)
          .baseUrl(url)
          .model(model)
          .apiKey(apiKey(api, url))
          .pricer(CatalogPricer.of(Catalogs.load(catalog), RequestOptions.standard()))
          .build();
    } catch (IllegalStateException e) {
      throw new BadInputException(optionOf(e.getMessage()) + e.getMessage());
    }
    PrintWriter stdout = spec.commandLine().getOut();
    ProgressListener listener = System.console() != null ? new ProgressBar(stdout) : ProgressListener.NONE;
    LoadRunResult result;
    try (LlmClient client = LlmClient.create(config)) {
      result = LoadRunner.run(LoadRunConfig.builder()
          .prompts(promptSet)
          .addCandidate(new Candidate(model, client))
          .addProfiles(profile)
          .maxRequests(measured)
          .warmupRequests(warmup)
          .maxDuration(Duration.ofSeconds(maxDurationSeconds))
          .progressListener(listener)
          .build());
    }
    try {
      result.writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write results to " + out, e);
    }
    StepResult step = result.steps().get(0);
    MetricsSummary summary = step.summary();
    if (json) {
      JsonNode tree = Json.mapper().readTree(ResultsJson.toJson(summary));
      stdout.println(Json.write(tree));
    } else {
      stdout.println(text(summary, api, url, profile));
      stdout.println("wrote " + out.resolve(LoadRunResult.RECORDS_FILE) + " and "
          + out.resolve(LoadRunResult.SUMMARIES_FILE));
    }
    stdout.flush();
    if (summary.requests() > 0 && summary.succeeded() == 0) {
      String first = step.records().stream()
          .flatMap(r -> r.error().stream())
          .findFirst()
          .map(e -> e.kind() + ": " + e.message())
          .orElse("unknown");
      spec.commandLine().getErr().println("bench: all " + summary.requests() + " requests failed (first: " + first
          + "); results in " + out);
      return TradeoffCli.FAILURE;
    }
    return TradeoffCli.OK;
  }

  static WireApi api(String provider) {
    switch (provider.toLowerCase(Locale.ROOT)) {
      case "openai":
        return WireApi.OPENAI_CHAT;
      case "openai-responses":
        return WireApi.OPENAI_RESPONSES;
      case "anthropic":
        return WireApi.ANTHROPIC_MESSAGES;
      default:
        throw new BadInputException("--provider must be openai, openai-responses or anthropic, but was '"
            + provider + "'");
    }
  }

  private PromptSet loadPrompts() throws IOException {
    if (prompts.isEmpty()) {
      return PromptSet.customerSupport();
    }
    Path file = prompts.get();
    if (!Files.isRegularFile(file)) {
      throw new BadInputException("--prompts: no such file: " + file);
    }
    return PromptSet.fromJsonl(file);
  }

  private LoadProfile profile() {
    if (load != null && load.rate != null) {
      double r = load.rate;
      if (!(r > 0 && Double.isFinite(r))) {
        throw new BadInputException("--rate must be a positive number of requests per second, but was " + r);
      }
      return poisson ? LoadProfile.poisson(r, seed) : LoadProfile.constantRate(r);
    }
    if (poisson) {
      throw new BadInputException("--poisson needs --rate");
    }
    int c = load != null && load.concurrency != null ? load.concurrency : 1;
    if (c < 1) {
      throw new BadInputException("--concurrency must be >= 1, but was " + c);
    }
    return LoadProfile.closedLoop(c);
  }

  private ApiKey apiKey(WireApi api, String url) {
    String variable = apiKeyEnv.orElse(api == WireApi.ANTHROPIC_MESSAGES ? "ANTHROPIC_API_KEY" : "OPENAI_API_KEY");
    String value = System.getenv(variable);
    if (value != null && !value.isBlank()) {
      return ApiKey.of(value);
    }
    if (isLoopback(url)) {
      // Local servers (the simulator, vLLM, Ollama) ignore the key, but some reject an empty one.
      return ApiKey.of("local");
    }
    throw new BadInputException("environment variable " + variable + " is not set; " + url
        + " needs an API key (or name another variable with --api-key-env)");
  }

  private static boolean isLoopback(String url) {
    try {
      String host = URI.create(url).getHost();
      return host != null && InetAddress.getByName(host).isLoopbackAddress();
    } catch (IllegalArgumentException | UnknownHostException e) {
      return false;
    }
  }

  /** Names the option a client-configuration message is about. */
  private static String optionOf(String message) {
    if (message.startsWith("baseUrl")) {
      return "--base-url: ";
    }
    if (message.startsWith("model")) {
      return "--model: ";
    }
    return "";
  }

  private static String text(MetricsSummary s, WireApi api, String url, LoadProfile profile) {
    StringBuilder t = new StringBuilder();
    t.append(String.format(Locale.ROOT, "%s via %s at %s, %s%n", s.label(), api.name().toLowerCase(Locale.ROOT),
        url, profile));
    t.append(String.format(Locale.ROOT, "requests %d, succeeded %d, error rate %.2f%%, window %.1f s%n",
        s.requests(), s.succeeded(), 100 * s.errorRate(), s.window().toNanos() / 1e9));
    t.append(String.format(Locale.ROOT, "%-10s %10s %10s %10s %10s%n", "metric", "p50", "p90", "p95", "p99"));
    for (LatencyMetric m : new LatencyMetric[] {LatencyMetric.TTFT, LatencyMetric.TPOT, LatencyMetric.E2E}) {
      LatencyHistogram h = s.histogram(m);
      if (h.count() == 0) {
        continue;
      }
      t.append(String.format(Locale.ROOT, "%-10s %10.1f %10.1f %10.1f %10.1f%n", m.wireName(),
          h.percentileNanos(50) / 1e6, h.percentileNanos(90) / 1e6, h.percentileNanos(95) / 1e6,
          h.percentileNanos(99) / 1e6));
    }
    t.append(String.format(Locale.ROOT, "tokens: input %d, output %d, cached input %d, reasoning %d; "
        + "output %.1f tokens/s%n", s.inputTokens(), s.outputTokens(), s.cachedInputTokens(), s.reasoningTokens(),
        s.outputTokensPerSecond()));
    if (s.pricedRequests() > 0) {
      BigDecimal perRequest = s.costUsd().divide(BigDecimal.valueOf(s.pricedRequests()), MathContext.DECIMAL64);
      t.append(String.format(Locale.ROOT, "cost_usd %s in all, %s per request (%d priced)", s.costUsd().toPlainString(),
          perRequest.round(new MathContext(4)).toPlainString(), s.pricedRequests()));
    } else {
      t.append("cost_usd unknown (model not in the price catalog)");
    }
    return t.toString();
  }
}
