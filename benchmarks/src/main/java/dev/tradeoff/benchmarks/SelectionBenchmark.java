package dev.tradeoff.benchmarks;

import dev.tradeoff.api.routing.Candidate;
import dev.tradeoff.api.routing.Capability;
import dev.tradeoff.api.routing.Region;
import dev.tradeoff.api.routing.RouteRequest;
import dev.tradeoff.api.routing.Router;
import dev.tradeoff.api.routing.RoutingPolicy;
import dev.tradeoff.api.routing.UtilityWeights;
import dev.tradeoff.pricing.PriceCatalog;
import dev.tradeoff.pricing.PriceHandle;
import dev.tradeoff.pricing.RequestOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One routing decision among 8 candidates (real catalog prices of OpenAI, Anthropic, Google, DeepSeek,
 * Mistral and three hosted Llama offers): hard filters, health, the request's estimated cost through each
 * candidate's {@code PriceHandle}, live statistics, the policy. Goal (issue 7): {@code select} ≤ 200 ns and
 * 0 B/op for every ready-made policy. {@code utility} and {@code utility-slo} go through {@code
 * tradeoff-pareto}'s {@code RouterScorer} (the latter with its SLO utility curve on time to first token).
 *
 * <p>Peers in the same run: {@link #baseline()} (the harness cost of returning a field) and {@link
 * #naiveStreams()}, a straightforward Streams-and-objects cheapest-meeting-SLO over the same candidates and
 * stats — what a router usually looks like before anyone measures it.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SelectionBenchmark -f 1 -wi 3 -i 3 -w 1s -r 1s
 * -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SelectionBenchmark {

  private static final String[] MODELS = {
      "openai/gpt-4o-mini",
      "openai/gpt-4.1-mini",
      "anthropic/claude-haiku-4-5",
      "gemini/gemini-2.5-flash",
      "deepseek/deepseek-chat",
      "mistral/mistral-small-latest",
      "groq/llama-3.3-70b-versatile",
      "together_ai/meta-llama/Llama-3.3-70B-Instruct-Turbo"};

  /** A router under one ready-made policy; {@code baseline} and {@code naiveStreams} do not depend on it. */
  @State(Scope.Benchmark)
  public static class Routed {
    @Param({"cheapest-slo", "fastest", "utility", "utility-slo", "weighted-random", "round-robin", "p2c"})
    public String policy;

    Router router;
    RouteRequest request;

    @Setup(Level.Trial)
    public void setUp() {
      router = router(policy(policy));
      request = RouteRequest.builder()
          .inputTokens(2_400)
          .cachedInputTokens(1_024)
          .expectedOutputTokens(350)
          .requireCapability(Capability.TOOLS)
          .build();
    }
  }

  private List<NaiveCandidate> naive;
  private long naiveRequestTokens;
  private long naiveOutputTokens;
  private int field;

  /** What a first-draft router keeps per candidate. */
  private record NaiveCandidate(String id, PriceHandle price, long contextWindow, Region region,
      double ttftNanos, double errorRate) { }

  @Setup(Level.Trial)
  public void setUp() {
    // The same candidates and live statistics as every Routed router.
    Router router = router(RoutingPolicy.cheapestMeetingSlo(Duration.ofMillis(700)));
    naive = new ArrayList<>();
    for (int i = 0; i < MODELS.length; i++) {
      Candidate c = router.candidates().get(i);
      naive.add(new NaiveCandidate(c.id(), c.price(), c.contextWindowTokens(), c.region(),
          router.stats(i).ttftNanos(), router.stats(i).errorRate()));
    }
    naiveRequestTokens = 2_400;
    naiveOutputTokens = 350;
    field = 3;
  }

  /** Eight candidates with real catalog prices, live statistics that differ per candidate, and some load. */
  private static Router router(RoutingPolicy policy) {
    PriceCatalog catalog = PriceCatalog.bundled();
    List<Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < MODELS.length; i++) {
      candidates.add(Candidate.builder()
          .id("c" + i)
          .price(catalog.handle(MODELS[i], RequestOptions.standard()))
          .region(i % 3 == 0 ? Region.EU : Region.US)
          .capabilities(EnumSet.of(Capability.TOOLS))
          .contextWindowTokens(128_000)
          .weight(1 + i)
          .expectedTtft(Duration.ofMillis(300 + 90L * i))
          .expectedTokensPerSecond(60 + 15 * i)
          .build());
    }
    Router router = Router.builder()
        .candidates(candidates)
        .policy(policy)
        .seed(42)
        .build();
    for (int i = 0; i < MODELS.length; i++) {
      for (int k = 0; k < 50; k++) {
        router.onSuccess(i, router.onStart(i), 250_000_000L + 60_000_000L * ((i * 7 + k) % 9), 300, 2_000_000_000L);
      }
      for (int k = 0; k < i % 3; k++) {
        router.onStart(i);
      }
    }
    return router;
  }

  private static RoutingPolicy policy(String name) {
    switch (name) {
      case "cheapest-slo":
        return RoutingPolicy.cheapestMeetingSlo(Duration.ofMillis(700));
      case "fastest":
        return RoutingPolicy.fastest();
      case "utility":
        return RoutingPolicy.weightedUtility(UtilityWeights.defaults());
      case "utility-slo":
        return RoutingPolicy.weightedUtility(UtilityWeights.builder().ttftSlo(Duration.ofMillis(900)).build());
      case "weighted-random":
        return RoutingPolicy.weightedRandom();
      case "round-robin":
        return RoutingPolicy.roundRobin();
      case "p2c":
        return RoutingPolicy.powerOfTwoChoices();
      default:
        throw new IllegalArgumentException("policy must be a known name, but was " + name);
    }
  }

  /** The router's allocation-free decision. */
  @Benchmark
  public int select(Routed s) {
    return s.router.select(s.request);
  }

  /** JMH's own cost of returning a value read from state. */
  @Benchmark
  public int baseline() {
    return field;
  }

  /** A Streams-and-Optional cheapest-meeting-SLO over the same data (the peer). */
  @Benchmark
  public Optional<String> naiveStreams() {
    return naive.stream()
        .filter(c -> c.contextWindow() >= naiveRequestTokens + naiveOutputTokens)
        .filter(c -> c.ttftNanos() <= 700_000_000L && c.errorRate() <= 1.0)
        .min(Comparator.comparingDouble(c -> c.price().costUsd(naiveRequestTokens, naiveOutputTokens)))
        .map(NaiveCandidate::id);
  }
}
