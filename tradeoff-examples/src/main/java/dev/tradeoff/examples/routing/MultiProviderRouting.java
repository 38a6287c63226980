package dev.tradeoff.examples.routing;

import dev.tradeoff.api.routing.Candidate;
import dev.tradeoff.api.routing.CandidateAssessment;
import dev.tradeoff.api.routing.CostTags;
import dev.tradeoff.api.routing.CostTracker;
import dev.tradeoff.api.routing.DemandShape;
import dev.tradeoff.api.routing.Region;
import dev.tradeoff.api.routing.RouteExplanation;
import dev.tradeoff.api.routing.RouteRequest;
import dev.tradeoff.api.routing.Router;
import dev.tradeoff.api.routing.RoutingPolicy;
import dev.tradeoff.api.routing.SpendForecast;
import dev.tradeoff.api.routing.Urgency;
import dev.tradeoff.api.routing.UtilityWeights;
import dev.tradeoff.api.routing.sim.ArrivalProcess;
import dev.tradeoff.api.routing.sim.Distribution;
import dev.tradeoff.api.routing.sim.Incident;
import dev.tradeoff.api.routing.sim.LatencyModel;
import dev.tradeoff.api.routing.sim.RateLimit;
import dev.tradeoff.api.routing.sim.SimulatedCandidate;
import dev.tradeoff.api.routing.sim.SimulationResult;
import dev.tradeoff.api.routing.sim.TokenMix;
import dev.tradeoff.api.routing.sim.TrafficScenario;
import dev.tradeoff.api.routing.sim.TrafficSimulator;
import dev.tradeoff.examples.ReportFiles;
import dev.tradeoff.examples.sim.DemoProfiles;
import dev.tradeoff.examples.sim.ModelProfile;
import dev.tradeoff.metrics.FailureKind;
import dev.tradeoff.pricing.ModelPrice;
import dev.tradeoff.pricing.PriceCatalog;
import dev.tradeoff.pricing.Provenance;
import dev.tradeoff.pricing.RequestOptions;
import dev.tradeoff.pricing.TokenRates;
import dev.tradeoff.pricing.catalog.OfferCatalog;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reference scenario 3, multi-provider routing: a router over OpenAI GPT-4o-mini, Google Gemini 2.0 Flash,
 * Anthropic Claude 3 Haiku and a self-hosted Llama 3 70B, with a routing decision matrix (context length, urgency,
 * data residency), health checks and fallback, and live cost tracking with a month-end forecast — proven on a
 * simulated day of diurnal traffic with an outage and a rate-limit storm, six policies side by side on identical
 * traffic ({@code tradeoff-api}'s discrete-event {@link TrafficSimulator} driving the real {@link Router}).
 *
 * <h2>Candidates</h2>
 * <ul>
 *   <li>{@code openai-gpt-4o-mini}: US; list prices of the bundled catalog; latency of the simulated provider's
 *       GPT-4o-mini profile (median TTFT 716 ms, 59 tokens/s); 3,000 requests/min.
 *   <li>{@code google-gemini-2.0-flash}: EU (a Vertex AI European region); median TTFT 142 ms, 198 tokens/s;
 *       2,000 requests/min.
 *   <li>{@code anthropic-claude-3-haiku}: US; median TTFT 300 ms, 95 tokens/s; 1,000 requests/min.
 *   <li>{@code self-hosted-llama-3-70b}: EU (own GPUs); 8,192-token context; STANDARD and BATCH urgency only
 *       (too slow for interactive turns); the throughput estimate of reference scenario 2 (2 x ml.g5.12xlarge,
 *       4-bit weights: TTFT about 0.94 s, 48 ms between tokens, 7 concurrent streams each, so 14 in all);
 *       priced at $0 per token because the instances are paid by the hour whatever the traffic — their fixed
 *       cost is reported separately and is the same under every policy.
 * </ul>
 *
 * <h2>Requests</h2>
 * 55% interactive chat turns, 20% standard API calls, 15% EU-resident requests (STANDARD urgency, EU only), 5%
 * long documents (median 30k input tokens), 5% batch jobs; token counts log-normal per class.
 *
 * <pre>{@code
 * RoutingReport r = MultiProviderRouting.run(RoutingScenario.defaults());
 * r.result("cheapest-meeting-slo").successRate();
 * r.writeTo(Path.of("tradeoff-out/routing"));
 * }</pre>
 *
 * <p>Everything here is simulated and labelled so. Run it: {@code java -cp tradeoff-examples/target/tradeoff-demo.jar
 * dev.tradeoff.examples.routing.MultiProviderRouting [--out DIR]}.
 */
public final class MultiProviderRouting {

  /** Candidate ids, in router order. */
  public static final String OPENAI = "openai-gpt-4o-mini";
  /** The Google candidate. */
  public static final String GOOGLE = "google-gemini-2.0-flash";
  /** The Anthropic candidate. */
  public static final String ANTHROPIC = "anthropic-claude-3-haiku";
  /** The self-hosted candidate. */
  public static final String SELF_HOSTED = "self-hosted-llama-3-70b";

  /** The self-hosted deployment: two instances of reference scenario 2. */
  static final String SELF_HOSTED_INSTANCE = "aws-sagemaker/ml.g5.12xlarge";
  static final int SELF_HOSTED_INSTANCES = 2;
  static final int SELF_HOSTED_STREAMS_PER_INSTANCE = 7;

  /** The request classes: name, share, template. */
  static final String[] CLASSES = {"interactive chat", "standard API", "EU-resident", "long document", "batch"};
  static final double[] SHARES = {0.55, 0.20, 0.15, 0.05, 0.05};

  /** Hour-of-day weights of the traffic: quiet nights, a morning rise, an early-afternoon peak. */
  static final double[] HOUR_OF_DAY = {
    0.30, 0.25, 0.22, 0.22, 0.25, 0.35, 0.55, 0.80, 1.10, 1.35, 1.50, 1.55,
    1.55, 1.60, 1.60, 1.55, 1.45, 1.35, 1.20, 1.05, 0.90, 0.70, 0.50, 0.38};

  /** The simulated day starts on Tuesday 2026-12-01, 00:00 UTC (for the cost tracker's calendar). */
  static final ZonedDateTime DAY = ZonedDateTime.of(2026, 12, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  private MultiProviderRouting() {}

  /**
   * Runs the scenario: the decision matrix, then every policy on identical traffic, then the cost tracker fed
   * hour by hour with the first policy's spend.
   *
   * @param scenario the knobs
   * @return the report
   */
  public static RoutingReport run(RoutingScenario scenario) {
    Objects.requireNonNull(scenario, "scenario");
    List<SimulatedCandidate> candidates = candidates();
    TrafficScenario traffic = traffic(scenario, candidates);
    List<Candidate> routed = new ArrayList<>();
    for (SimulatedCandidate c : candidates) {
      routed.add(c.candidate());
    }
    List<RoutingReport.MatrixRow> matrix = decisionMatrix(routed, policy("cheapest-meeting-slo", scenario));
    List<RoutingPolicy> policies = new ArrayList<>();
    for (String name : scenario.policies()) {
      policies.add(policy(name, scenario));
    }
    long start = System.nanoTime();
    List<SimulationResult> results = TrafficSimulator.compare(traffic, policies);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    BigDecimal fixedPerHour = OfferCatalog.bundled().gpuInstance(SELF_HOSTED_INSTANCE).onDemandHourly().orElseThrow()
        .multiply(BigDecimal.valueOf(SELF_HOSTED_INSTANCES));
    BigDecimal fixed = fixedPerHour.multiply(BigDecimal.valueOf(scenario.hours()), MathContext.DECIMAL64);
    List<RoutingReport.Forecast> forecasts = trackCost(scenario, results.get(0));
    return new RoutingReport(scenario, routed, matrix, results, fixed, forecasts, elapsed);
  }

  /** The four candidates with their simulated behaviour. */
  static List<SimulatedCandidate> candidates() {
    PriceCatalog catalog = PriceCatalog.bundled();
    RequestOptions standard = RequestOptions.standard();
    Candidate openai = Candidate.builder().id(OPENAI).price(catalog.handle("openai/gpt-4o-mini", standard))
        .region(Region.US).expectedTtft(Duration.ofMillis(716)).expectedTokensPerSecond(59).build();
    Candidate google = Candidate.builder().id(GOOGLE).price(catalog.handle("gemini/gemini-2.0-flash", standard))
        .region(Region.EU).expectedTtft(Duration.ofMillis(142)).expectedTokensPerSecond(198).build();
    Candidate anthropic = Candidate.builder().id(ANTHROPIC)
        .price(catalog.handle("anthropic/claude-3-haiku-20240307", standard))
        .region(Region.US).expectedTtft(Duration.ofMillis(300)).expectedTokensPerSecond(95).build();
    ModelPrice owned = ModelPrice.builder()
        .id("self-hosted/llama-3-70b-instruct")
        .rates(TokenRates.of("0", "0"))
        .maxInputTokens(8_192)
        .source(Provenance.of("marginal cost of owned capacity: the instances are paid per hour whatever the "
            + "traffic; their fixed cost is reported separately", "2026-11-28"))
        .build();
    Candidate self = Candidate.builder().id(SELF_HOSTED).price(owned.handle(standard))
        .provider("self-hosted").model("llama-3-70b-instruct")
        .region(Region.EU).urgencies(EnumSet.of(Urgency.STANDARD, Urgency.BATCH)).contextWindowTokens(8_192)
        .expectedTtft(Duration.ofMillis(941)).expectedTokensPerSecond(20.8).build();
    return List.of(
        SimulatedCandidate.of(openai, latency(DemoProfiles.gpt4oMini()))
            .withRateLimit(RateLimit.builder().requestsPerMinute(3_000).build()).withErrorRate(0.002),
        SimulatedCandidate.of(google, latency(DemoProfiles.gemini20Flash()))
            .withRateLimit(RateLimit.builder().requestsPerMinute(2_000).build()).withErrorRate(0.002),
        SimulatedCandidate.of(anthropic, latency(DemoProfiles.claude3Haiku()))
            .withRateLimit(RateLimit.builder().requestsPerMinute(1_000).build()).withErrorRate(0.002),
        SimulatedCandidate.of(self, LatencyModel.lognormal(Duration.ofMillis(941), Duration.ofMillis(2_500), 20.8, 12))
            .withRateLimit(RateLimit.builder()
                .maxConcurrent((long) SELF_HOSTED_INSTANCES * SELF_HOSTED_STREAMS_PER_INSTANCE).build())
            .withErrorRate(0.001));
  }

  /**
   * The latency of a simulated-provider profile: its log-normal TTFT (p99 from the profile's sigma) and its
   * token rate (p1 at 70% of the median, the profile's gap spread over a few hundred tokens being narrower).
   */
  static LatencyModel latency(ModelProfile profile) {
    dev.tradeoff.examples.sim.Distribution.LogNormal ttft =
        (dev.tradeoff.examples.sim.Distribution.LogNormal) profile.ttftMillis();
    double median = ttft.median();
    double p99 = median * Math.exp(ttft.sigma() * 2.3263478740408408);
    double tokensPerSecond = 1000.0 / profile.interTokenGapMillis().median();
    return LatencyModel.lognormal(Duration.ofNanos(Math.round(median * 1e6)), Duration.ofNanos(Math.round(p99 * 1e6)),
        tokensPerSecond, 0.7 * tokensPerSecond);
  }

  /** The request classes as one mixture. */
  static TokenMix requests() {
    return TokenMix.mixture(SHARES,
        TokenMix.of(Distribution.lognormal(900, 6_000), Distribution.lognormal(220, 900), 0.2,
            RouteRequest.builder().urgency(Urgency.INTERACTIVE).build()),
        TokenMix.of(Distribution.lognormal(1_500, 7_000), Distribution.lognormal(300, 1_200), 0,
            RouteRequest.builder().urgency(Urgency.STANDARD).build()),
        TokenMix.of(Distribution.lognormal(900, 5_000), Distribution.lognormal(220, 900), 0,
            RouteRequest.builder().urgency(Urgency.STANDARD).allowRegion(Region.EU).build()),
        TokenMix.of(Distribution.lognormal(30_000, 150_000), Distribution.lognormal(500, 2_000), 0,
            RouteRequest.builder().urgency(Urgency.STANDARD).build()),
        TokenMix.of(Distribution.lognormal(2_000, 9_000), Distribution.lognormal(400, 1_500), 0,
            RouteRequest.builder().urgency(Urgency.BATCH).build()));
  }

  /** One representative request per class (its median), plus a 150k-token document. */
  static Map<String, RouteRequest> representatives() {
    Map<String, RouteRequest> m = new LinkedHashMap<>();
    m.put("interactive chat (900 in / 220 out)",
        RouteRequest.builder().urgency(Urgency.INTERACTIVE).inputTokens(900).expectedOutputTokens(220).build());
    m.put("standard API (1,500 / 300)",
        RouteRequest.builder().urgency(Urgency.STANDARD).inputTokens(1_500).expectedOutputTokens(300).build());
    m.put("EU-resident (900 / 220, EU only)", RouteRequest.builder().urgency(Urgency.STANDARD)
        .allowRegion(Region.EU).inputTokens(900).expectedOutputTokens(220).build());
    m.put("long document (30,000 / 500)",
        RouteRequest.builder().urgency(Urgency.STANDARD).inputTokens(30_000).expectedOutputTokens(500).build());
    m.put("very long document (150,000 / 500)",
        RouteRequest.builder().urgency(Urgency.STANDARD).inputTokens(150_000).expectedOutputTokens(500).build());
    m.put("batch (2,000 / 400)",
        RouteRequest.builder().urgency(Urgency.BATCH).inputTokens(2_000).expectedOutputTokens(400).build());
    return m;
  }

  /** For each representative request, which candidates the router's hard filters keep and why not. */
  static List<RoutingReport.MatrixRow> decisionMatrix(List<Candidate> candidates, RoutingPolicy policy) {
    Router router = Router.builder().candidates(candidates).policy(policy).build();
    List<RoutingReport.MatrixRow> rows = new ArrayList<>();
    for (Map.Entry<String, RouteRequest> e : representatives().entrySet()) {
      RouteExplanation why = router.explain(e.getValue());
      Map<String, String> cells = new LinkedHashMap<>();
      for (CandidateAssessment a : why.candidates()) {
        cells.put(a.id(), a.removedBy().isEmpty()
            ? String.format(java.util.Locale.ROOT, "yes ($%.6f)", a.estimatedCostUsd())
            : "no: " + a.removedBy().toString().toLowerCase(java.util.Locale.ROOT).replace("[", "").replace("]", ""));
      }
      rows.add(new RoutingReport.MatrixRow(e.getKey(), cells, why.chosen()));
    }
    return rows;
  }

  static TrafficScenario traffic(RoutingScenario s, List<SimulatedCandidate> candidates) {
    TrafficScenario.Builder b = TrafficScenario.builder()
        .seed(s.seed())
        .duration(Duration.ofSeconds(Math.round(s.hours() * 3600)))
        .arrivals(ArrivalProcess.diurnal(s.meanRequestsPerSecond(), DemandShape.ofHourOfDay(HOUR_OF_DAY),
            Duration.ofDays(1)))
        .tokenMix(requests())
        .fallbackChain(List.of(GOOGLE, ANTHROPIC, OPENAI, SELF_HOSTED))
        .budgetUsd(s.budgetUsd())
        .timelineBucket(Duration.ofMinutes(1));
    for (SimulatedCandidate c : candidates) {
      b.addCandidate(c);
    }
    b.addIncident(Incident.outage(id(s.outage().provider()), minutes(s.outage().startHour() * 60),
        minutes(s.outage().startHour() * 60 + s.outage().minutes())));
    b.addIncident(Incident.outage(id(s.rateLimitStorm().provider()), minutes(s.rateLimitStorm().startHour() * 60),
        minutes(s.rateLimitStorm().startHour() * 60 + s.rateLimitStorm().minutes()), FailureKind.RATE_LIMITED,
        Duration.ofMillis(40)));
    return b.build();
  }

  static String id(String provider) {
    switch (provider) {
      case "openai":
        return OPENAI;
      case "google":
        return GOOGLE;
      case "anthropic":
        return ANTHROPIC;
      default:
        return SELF_HOSTED;
    }
  }

  private static Duration minutes(double m) {
    return Duration.ofSeconds(Math.round(m * 60));
  }

  static RoutingPolicy policy(String name, RoutingScenario s) {
    switch (name) {
      case "cheapest-meeting-slo":
        return RoutingPolicy.cheapestMeetingSlo(Duration.ofMillis(Math.round(s.ttftSloMillis())), 0.05);
      case "fastest":
        return RoutingPolicy.fastest();
      case "weighted-utility":
        return RoutingPolicy.weightedUtility(UtilityWeights.defaults());
      case "power-of-two-choices":
        return RoutingPolicy.powerOfTwoChoices();
      case "weighted-random":
        return RoutingPolicy.weightedRandom();
      case "round-robin":
        return RoutingPolicy.roundRobin();
      default:
        throw new IllegalArgumentException("unknown policy '" + name + "'; one of " + RoutingScenario.POLICIES);
    }
  }

  /**
   * Live cost tracking: the first policy's spend, spread over the simulated minutes by what each candidate served,
   * recorded into a {@link CostTracker} on a simulated clock; a month-end forecast every 6 hours.
   */
  static List<RoutingReport.Forecast> trackCost(RoutingScenario s, SimulationResult r) {
    AtomicReference<Instant> now = new AtomicReference<>(DAY.toInstant());
    CostTracker tracker = CostTracker.builder()
        .clock(now::get)
        .zone(ZoneOffset.UTC)
        .shape(DemandShape.ofHourOfDay(HOUR_OF_DAY))
        .budgetUsd(s.monthlyBudgetUsd())
        .build();
    List<String> ids = new ArrayList<>(r.servedByCandidate().keySet());
    int buckets = 0;
    for (String id : ids) {
      buckets = Math.max(buckets, r.servedTimeline(id).length);
    }
    // Each candidate's exact cost, spread over the minutes in proportion to what it served there; the shares are
    // cumulative differences, so that they add up to the exact total.
    Map<String, long[]> timelines = new LinkedHashMap<>();
    Map<String, long[]> cumulative = new LinkedHashMap<>();
    for (String id : ids) {
      long[] t = r.servedTimeline(id);
      long[] c = new long[t.length];
      long sum = 0;
      for (int k = 0; k < t.length; k++) {
        sum += t[k];
        c[k] = sum;
      }
      timelines.put(id, t);
      cumulative.put(id, c);
    }
    Map<String, BigDecimal> allocated = new LinkedHashMap<>();
    long bucketSeconds = r.timelineBucket().getSeconds();
    List<RoutingReport.Forecast> forecasts = new ArrayList<>();
    for (int k = 0; k < buckets; k++) {
      now.set(DAY.toInstant().plusSeconds((k + 1) * bucketSeconds));
      for (String id : ids) {
        long[] t = timelines.get(id);
        BigDecimal total = r.costByCandidate().getOrDefault(id, BigDecimal.ZERO);
        long served = r.servedByCandidate().getOrDefault(id, 0L);
        if (k >= t.length || t[k] == 0 || total.signum() == 0) {
          continue;
        }
        long cum = cumulative.get(id)[k];
        BigDecimal upTo = cum == served ? total
            : total.multiply(BigDecimal.valueOf(cum)).divide(BigDecimal.valueOf(served), 12, RoundingMode.HALF_EVEN);
        BigDecimal before = allocated.getOrDefault(id, BigDecimal.ZERO);
        allocated.put(id, upTo);
        String provider = id.substring(0, id.indexOf('-'));
        tracker.record(CostTags.of(provider, id.substring(id.indexOf('-') + 1)), upTo.subtract(before), now.get());
      }
      long minute = (k + 1) * bucketSeconds / 60;
      if (minute % 360 == 0 || k == buckets - 1) {
        SpendForecast f = tracker.forecast();
        forecasts.add(new RoutingReport.Forecast(Duration.ofMinutes(minute), f.monthToDate(), f.forecastMonthEnd(),
            f.overBudget()));
      }
    }
    return forecasts;
  }

  /**
   * Runs the reference day and writes its report.
   *
   * @param args {@code [--out DIR]}
   */
  public static void main(String... args) {
    Path out = Path.of("tradeoff-out", "routing");
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--out") && i + 1 < args.length) {
        out = Path.of(args[++i]);
      } else {
        System.err.println("usage: MultiProviderRouting [--out DIR]");
        System.exit(2);
      }
    }
    RoutingReport report = run(RoutingScenario.defaults());
    ReportFiles files = report.writeTo(out);
    System.out.println(report.toText());
    System.out.println("Wrote:");
    for (Path p : files.all()) {
      System.out.println("  " + p);
    }
  }
}
