package dev.tradeoff.benchmarks;

import dev.tradeoff.api.routing.Candidate;
import dev.tradeoff.api.routing.RoutingPolicy;
import dev.tradeoff.api.routing.UtilityWeights;
import dev.tradeoff.api.routing.sim.ArrivalProcess;
import dev.tradeoff.api.routing.sim.Distribution;
import dev.tradeoff.api.routing.sim.Incident;
import dev.tradeoff.api.routing.sim.LatencyModel;
import dev.tradeoff.api.routing.sim.RateLimit;
import dev.tradeoff.api.routing.sim.TrafficScenario;
import dev.tradeoff.api.routing.sim.SimulatedCandidate;
import dev.tradeoff.api.routing.sim.SimulationResult;
import dev.tradeoff.api.routing.sim.TokenMix;
import dev.tradeoff.api.routing.sim.TrafficSimulator;
import dev.tradeoff.pricing.PriceCatalog;
import dev.tradeoff.pricing.RequestOptions;
import java.time.Duration;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Simulated requests per second of the traffic simulator, on one core: a 100-second scenario at 10,000
 * requests per second (1,000,000 requests) over 8 candidates with log-normal latencies, rate limits on two
 * of them, an outage and a latency spike, routed through the real router. Goal (issue 7): at least 1 million
 * simulated requests per second, i.e. at most 1,000 ns per request.
 *
 * <p>Scores are per simulated request ({@code @OperationsPerInvocation}). The peer in the same run, {@link
 * #baselinePriorityQueue()}, is the bare event loop a simulator usually starts from — a {@link
 * PriorityQueue} of event objects, one arrival and one completion per request, no routing — so the ratio
 * shows what routing, statistics, health and accounting cost on top of merely ordering the events.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SimulatorBenchmark -f 1 -wi 2 -i 3 -w 5s -r 5s
 * -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class SimulatorBenchmark {

  private static final int REQUESTS = 1_000_000;
  private static final int RATE = 10_000;
  private static final String[] MODELS = {
      "openai/gpt-4o-mini", "openai/gpt-4.1-mini", "anthropic/claude-haiku-4-5", "gemini/gemini-2.5-flash",
      "deepseek/deepseek-chat", "mistral/mistral-small-latest", "groq/llama-3.3-70b-versatile",
      "together_ai/meta-llama/Llama-3.3-70B-Instruct-Turbo"};

  @Param({"cheapest-slo", "round-robin", "p2c", "utility"})
  public String policy;

  private TrafficScenario scenario;
  private RoutingPolicy routingPolicy;

  @Setup(Level.Trial)
  public void setUp() {
    PriceCatalog catalog = PriceCatalog.bundled();
    TrafficScenario.Builder b = TrafficScenario.builder()
        .seed(2026)
        .duration(Duration.ofSeconds(REQUESTS / RATE))
        .arrivals(ArrivalProcess.poisson(RATE))
        .tokenMix(TokenMix.of(Distribution.lognormal(1_200, 9_000), Distribution.lognormal(250, 1_200)));
    for (int i = 0; i < MODELS.length; i++) {
      Candidate c = Candidate.builder()
          .id("c" + i)
          .price(catalog.handle(MODELS[i], RequestOptions.standard()))
          .contextWindowTokens(128_000)
          .expectedTtft(Duration.ofMillis(300 + 60L * i))
          .expectedTokensPerSecond(60 + 10 * i)
          .build();
      SimulatedCandidate sc = SimulatedCandidate.of(c, LatencyModel.lognormal(
          Duration.ofMillis(300 + 60L * i), Duration.ofMillis(1_500 + 200L * i), 60 + 10 * i, 20));
      if (i % 4 == 0) {
        sc = sc.withRateLimit(RateLimit.builder().requestsPerMinute(120_000).tokensPerMinute(400_000_000).build());
      }
      b.addCandidate(sc.withErrorRate(0.002));
    }
    b.addIncident(Incident.outage("c0", Duration.ofSeconds(30), Duration.ofSeconds(40)));
    b.addIncident(Incident.latencySpike("c2", Duration.ofSeconds(60), Duration.ofSeconds(70), 3));
    scenario = b.build();
    switch (policy) {
      case "cheapest-slo":
        routingPolicy = RoutingPolicy.cheapestMeetingSlo(Duration.ofMillis(700));
        break;
      case "round-robin":
        routingPolicy = RoutingPolicy.roundRobin();
        break;
      case "p2c":
        routingPolicy = RoutingPolicy.powerOfTwoChoices();
        break;
      default:
        routingPolicy = RoutingPolicy.weightedUtility(UtilityWeights.defaults());
        break;
    }
  }

  /** One full simulation; the score is nanoseconds per simulated request. */
  @Benchmark
  @OperationsPerInvocation(REQUESTS)
  public SimulationResult simulate() {
    return TrafficSimulator.run(scenario, routingPolicy);
  }

  /** An event of the baseline loop. */
  private record Event(long time, long seq, int request, boolean arrival) { }

  /** The bare event loop over a PriorityQueue of objects: Poisson arrivals and fixed-rate completions. */
  @Benchmark
  @OperationsPerInvocation(REQUESTS)
  public long baselinePriorityQueue() {
    SplittableRandom random = new SplittableRandom(2026);
    PriorityQueue<Event> queue = new PriorityQueue<>((x, y) -> x.time != y.time ? Long.compare(x.time, y.time)
        : Long.compare(x.seq, y.seq));
    long seq = 0;
    long t = 0;
    int created = 0;
    queue.add(new Event(0, seq++, created++, true));
    long done = 0;
    while (!queue.isEmpty()) {
      Event e = queue.poll();
      if (e.arrival) {
        long latency = (long) (1e9 * (0.3 + random.nextDouble()));
        queue.add(new Event(e.time + latency, seq++, e.request, false));
        if (created < REQUESTS) {
          t = e.time + (long) (-1e9 / RATE * Math.log(1 - random.nextDouble()));
          queue.add(new Event(t, seq++, created++, true));
        }
      } else {
        done++;
      }
    }
    return done;
  }
}
