package dev.tradeoff.api.routing.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tradeoff.api.routing.HealthConfig;
import dev.tradeoff.api.routing.RetryBudgetConfig;
import dev.tradeoff.api.routing.RoutingPolicy;
import dev.tradeoff.metrics.FailureKind;
import dev.tradeoff.pricing.PriceHandle;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class TrafficSimulatorTest {

  private static final int RATE = 100;

  /** Three candidates: "a" cheapest, then "b", then "c"; all meet a 2 s TTFT SLO. */
  private static TrafficScenario.Builder threeProviders() {
    return TrafficScenario.builder()
        .seed(7)
        .duration(Duration.ofSeconds(40))
        .arrivals(ArrivalProcess.poisson(RATE))
        .tokenMix(TokenMix.of(Distribution.lognormal(1_000, 4_000), Distribution.lognormal(150, 600)))
        .addCandidate(SimulatedCandidate.of(
            dev.tradeoff.api.routing.Candidate.builder().id("a").price(SimFixtures.price("lab/a", "0.10", null, "0.40"))
                .expectedTtft(Duration.ofMillis(400)).build(),
            LatencyModel.lognormal(Duration.ofMillis(400), Duration.ofMillis(1_200), 80, 30)))
        .addCandidate(SimulatedCandidate.of(
            dev.tradeoff.api.routing.Candidate.builder().id("b").price(SimFixtures.price("lab/b", "0.50", null, "1.50"))
                .expectedTtft(Duration.ofMillis(300)).build(),
            LatencyModel.lognormal(Duration.ofMillis(300), Duration.ofMillis(900), 100, 40)))
        .addCandidate(SimulatedCandidate.of(
            dev.tradeoff.api.routing.Candidate.builder().id("c").price(SimFixtures.price("lab/c", "2.50", null, "10"))
                .expectedTtft(Duration.ofMillis(250)).build(),
            LatencyModel.lognormal(Duration.ofMillis(250), Duration.ofMillis(700), 120, 50)))
        .health(HealthConfig.builder().consecutiveFailures(5).cooldown(Duration.ofSeconds(2))
            .maxCooldown(Duration.ofSeconds(8)).build());
  }

  private static long sum(long[] a, int from, int to) {
    long s = 0;
    for (int i = from; i < to; i++) {
      s += a[i];
    }
    return s;
  }

  @Test
  void run_providerDownFrom10To20Seconds_trafficMovesAwayWithinABoundAndComesBack() {
    TrafficScenario s = threeProviders()
        .addIncident(Incident.outage("a", Duration.ofSeconds(10), Duration.ofSeconds(20)))
        .build();
    SimulationResult r = TrafficSimulator.run(s, RoutingPolicy.cheapestMeetingSlo(Duration.ofSeconds(2)));
    long[] a = r.attemptsTimeline("a");
    long[] b = r.attemptsTimeline("b");
    long[] c = r.attemptsTimeline("c");

    // Before the outage the cheapest candidate takes everything.
    assertThat(sum(a, 0, 10)).isEqualTo(sum(a, 0, 10) + sum(b, 0, 10) + sum(c, 0, 10)).isGreaterThan(900);
    // Detection is bounded: 5 consecutive failures eject "a"; until the 5th failure is seen (failAfter =
    // 200 ms) at most the requests arriving in that time are sent to it. Poisson at 100/s: allow 3x the mean.
    long bound = 5 + 3 * RATE * Incident.DEFAULT_FAIL_AFTER.toMillis() / 1000;
    assertThat(a[10]).as("attempts at 'a' in the second the outage began").isLessThanOrEqualTo(bound);
    // While it is down, "a" only gets half-open probes: 3 per cooldown expiry (2 s then 4 s: ~12 s, ~16 s).
    // Successes of slow requests sent before the outage must not close the circuit in between.
    assertThat(sum(a, 11, 20)).as("probes at 'a' during the rest of the outage")
        .isLessThanOrEqualTo(2L * HealthConfig.DEFAULT_HALF_OPEN_PROBES);
    // The others carry the traffic meanwhile.
    assertThat(sum(b, 11, 20) + sum(c, 11, 20)).isGreaterThan(800);
    // After recovery "a" is probed when its third cooldown (6 s) ends, closes once 3 probes succeeded, and
    // takes the traffic back: within the 8 s maximum cooldown plus the probes' own latency.
    int back = 20;
    while (back < a.length && a[back] * 2 <= a[back] + b[back] + c[back]) {
      back++;
    }
    assertThat(back).as("first second at or after 20 s in which 'a' gets most attempts").isBetween(21, 32);
    assertThat(sum(a, back + 1, 40)).isEqualTo(sum(a, back + 1, 40) + sum(b, back + 1, 40) + sum(c, back + 1, 40));
    // Every failed attempt was failed over: nothing was lost.
    assertThat(r.failed()).isZero();
    assertThat(r.arrivals()).isEqualTo(r.served());
    assertThat(r.failovers()).isPositive().isEqualTo(r.retries());
  }

  @Test
  void run_sameScenarioTwice_isIdentical() {
    TrafficScenario s = threeProviders().addIncident(Incident.errorBurst("b", Duration.ofSeconds(5),
        Duration.ofSeconds(15), 0.3)).build();
    RoutingPolicy p = RoutingPolicy.powerOfTwoChoices();
    assertThat(TrafficSimulator.run(s, p)).isEqualTo(TrafficSimulator.run(s, p));
  }

  @Test
  void compare_severalPolicies_seeIdenticalTraffic() {
    TrafficScenario s = threeProviders().duration(Duration.ofSeconds(10)).build();
    List<SimulationResult> results = TrafficSimulator.compare(s, List.of(
        RoutingPolicy.cheapestMeetingSlo(Duration.ofSeconds(2)), RoutingPolicy.fastest(),
        RoutingPolicy.roundRobin(), RoutingPolicy.weightedRandom(), RoutingPolicy.powerOfTwoChoices()));
    assertThat(results).extracting(SimulationResult::arrivals).containsOnly(results.get(0).arrivals());
    SimulationResult cheapest = results.get(0);
    SimulationResult fastest = results.get(1);
    assertThat(cheapest.costUsd()).isLessThan(fastest.costUsd());
    assertThat(fastest.timeToFirstToken().p50Millis()).isLessThan(cheapest.timeToFirstToken().p50Millis());
    assertThat(SimulationResult.table(results)).contains("cheapest-meeting-slo", "fastest", "round-robin");
  }

  @Test
  void run_withOutagesRateLimitsAndNoRetries_accountsForEveryRequest() {
    TrafficScenario s = threeProviders()
        .duration(Duration.ofSeconds(20))
        .maxAttempts(2)
        .retryBudget(RetryBudgetConfig.builder().retryRatio(0.05).minRetriesPerSecond(0).build())
        .health(HealthConfig.disabled())
        .addIncident(Incident.outage("a", Duration.ofSeconds(2), Duration.ofSeconds(12)))
        .addIncident(Incident.outage("b", Duration.ofSeconds(2), Duration.ofSeconds(12), FailureKind.CONNECTION_FAILED,
            Duration.ofMillis(5)))
        .addIncident(Incident.outage("c", Duration.ofSeconds(15), Duration.ofSeconds(16),
            FailureKind.HTTP_CLIENT_ERROR, Duration.ofMillis(5)))
        .build();
    SimulationResult r = TrafficSimulator.run(s, RoutingPolicy.roundRobin());
    assertThat(r.arrivals()).isEqualTo(r.served() + r.failed());
    assertThat(r.failures()).containsKeys(FailureReason.RETRY_BUDGET_EXHAUSTED, FailureReason.MAX_ATTEMPTS,
        FailureReason.NOT_RETRYABLE);
    assertThat(r.attempts()).isEqualTo(r.arrivals() + r.retries());
    // Retries never exceed what the budget allows: 5% of 20 s of requests, plus the racing-free slack of 0.
    assertThat(r.retries()).isLessThanOrEqualTo((long) Math.ceil(0.05 * r.arrivals()) + 1);
  }

  @Test
  void run_allCandidatesFiltered_failsEveryRequestWithNoCandidate() {
    TrafficScenario s = TrafficScenario.builder().duration(Duration.ofSeconds(1)).arrivals(ArrivalProcess.constant(10))
        .tokenMix(TokenMix.fixed(500_000, 10))
        .addCandidate(SimulatedCandidate.of(dev.tradeoff.api.routing.Candidate.builder().id("small")
            .price(SimFixtures.price("lab/s", "1", null, "1")).contextWindowTokens(8_000).build(),
            SimFixtures.fixed(100, 50)))
        .build();
    SimulationResult r = TrafficSimulator.run(s, RoutingPolicy.roundRobin());
    assertThat(r.arrivals()).isEqualTo(10);
    assertThat(r.failures()).containsExactly(java.util.Map.entry(FailureReason.NO_CANDIDATE, 10L));
  }

  @Test
  void run_fixedMix_costIsTheExactArithmetic() {
    TrafficScenario s = TrafficScenario.builder().duration(Duration.ofSeconds(10)).arrivals(ArrivalProcess.constant(10))
        .tokenMix(TokenMix.of(Distribution.constant(1_000), Distribution.constant(200), 0.25,
            dev.tradeoff.api.routing.RouteRequest.builder().build()))
        .addCandidate(SimFixtures.candidate("x", SimFixtures.price("lab/x", "0.15", "0.075", "0.60"), 100, 50))
        .build();
    SimulationResult r = TrafficSimulator.run(s, RoutingPolicy.roundRobin());
    // 100 requests × (750 × 0.15 + 250 × 0.075 + 200 × 0.60) / 1e6 = 100 × 0.00025125
    assertThat(r.arrivals()).isEqualTo(100);
    assertThat(r.costUsd()).isEqualByComparingTo("0.025125");
    assertThat(r.costByCandidate().get("x")).isEqualByComparingTo("0.025125");
  }

  @Test
  void run_longContextTier_pricesWholeRequestsAtTheirTier() {
    // Half the requests (by construction of the mix) cross the 200k threshold.
    TokenMix mix = TokenMix.mixture(new double[] {1, 1}, TokenMix.fixed(100_000, 1_000),
        TokenMix.fixed(300_000, 1_000));
    TrafficScenario s = TrafficScenario.builder().duration(Duration.ofSeconds(10)).arrivals(ArrivalProcess.constant(10))
        .tokenMix(mix).requestPoolSize(2_000)
        .addCandidate(SimFixtures.candidate("g", SimFixtures.tiered("lab/g", 200_000, "1.25", "10", "2.50", "15"),
            100, 50))
        .build();
    SimulationResult r = TrafficSimulator.run(s, RoutingPolicy.roundRobin());
    long big = 0;
    long small = 0;
    // Recover how many of each there were from the exact total: small cost 0.135, big cost 0.765.
    BigDecimal total = r.costUsd();
    for (long n = 0; n <= 100; n++) {
      BigDecimal expected = new BigDecimal("0.765").multiply(BigDecimal.valueOf(n))
          .add(new BigDecimal("0.135").multiply(BigDecimal.valueOf(100 - n)));
      if (expected.compareTo(total) == 0) {
        big = n;
        small = 100 - n;
      }
    }
    assertThat(big + small).as("the total is an exact combination of the two per-request costs").isEqualTo(100);
    assertThat(big).isBetween(30L, 70L);
  }

  @Test
  void run_fixedLatency_percentilesMatchTheModel() {
    TrafficScenario s = TrafficScenario.builder().duration(Duration.ofSeconds(5)).arrivals(ArrivalProcess.poisson(50))
        .tokenMix(TokenMix.fixed(1_000, 101))
        .addCandidate(SimFixtures.candidate("x", SimFixtures.price("lab/x", "1", null, "1"), 500, 100))
        .build();
    SimulationResult r = TrafficSimulator.run(s, RoutingPolicy.roundRobin());
    // 500 ms to the first token, 100 more tokens at 100/s: 1.5 s end to end.
    assertThat(r.endToEnd().p50Millis()).isCloseTo(1_500, within(1.5));
    assertThat(r.endToEnd().p99Millis()).isCloseTo(1_500, within(1.5));
    assertThat(r.timeToFirstToken().p50Millis()).isCloseTo(500, within(0.5));
  }

  @Test
  void run_latencySpike_slowsOnlyTheSpikeWindow() {
    TrafficScenario.Builder base = TrafficScenario.builder().duration(Duration.ofSeconds(10)).arrivals(ArrivalProcess.constant(20))
        .tokenMix(TokenMix.fixed(100, 11))
        .addCandidate(SimFixtures.candidate("x", SimFixtures.price("lab/x", "1", null, "1"), 100, 100));
    SimulationResult calm = TrafficSimulator.run(base.build(), RoutingPolicy.roundRobin());
    SimulationResult spiky = TrafficSimulator.run(
        base.addIncident(Incident.latencySpike("x", Duration.ofSeconds(5), Duration.ofSeconds(10), 4)).build(),
        RoutingPolicy.roundRobin());
    assertThat(calm.endToEnd().maxMillis()).isCloseTo(200, within(0.5));
    assertThat(spiky.endToEnd().maxMillis()).isCloseTo(800, within(1.0));
    assertThat(spiky.endToEnd().meanMillis()).isCloseTo(500, within(1.0)); // half calm, half 4x slower
  }

  /** Arrivals at 0, 1, 2, 3 and 4 s, one attempt each, timed out after 1 s. */
  private static TrafficScenario.Builder oneAttemptTimedOutAfterASecond() {
    return TrafficScenario.builder().duration(Duration.ofSeconds(5)).arrivals(ArrivalProcess.constant(1))
        .tokenMix(TokenMix.fixed(100, 11)).maxAttempts(1).attemptTimeout(Duration.ofSeconds(1))
        .health(HealthConfig.disabled());
  }

  @Test
  void run_failureSlowerThanTheAttemptTimeout_timesOutAtTheTimeout() {
    // Every attempt's answer (a 5xx after 5 s, or an outage's 4xx after 5 s) would come after the 1 s attempt
    // timeout, so the client gives up at 1 s: the last request ends at 5 s, not 9 s.
    PriceHandle price = SimFixtures.price("lab/x", "1", null, "1");
    SimulationResult erroring = TrafficSimulator.run(oneAttemptTimedOutAfterASecond()
        .addCandidate(SimFixtures.candidate("x", price, 5_000, 100).withErrorRate(1)).build(),
        RoutingPolicy.roundRobin());
    SimulationResult down = TrafficSimulator.run(oneAttemptTimedOutAfterASecond()
        .addCandidate(SimFixtures.candidate("x", price, 50, 100))
        .addIncident(Incident.outage("x", Duration.ZERO, Duration.ofSeconds(10), FailureKind.HTTP_CLIENT_ERROR,
            Duration.ofSeconds(5)))
        .build(), RoutingPolicy.roundRobin());
    for (SimulationResult r : List.of(erroring, down)) {
      assertThat(r.arrivals()).isEqualTo(5);
      assertThat(r.simulatedTime()).isEqualTo(Duration.ofSeconds(5));
      // A timeout is retryable (the 4xx was never seen): with one attempt allowed, MAX_ATTEMPTS.
      assertThat(r.failures()).containsExactly(Map.entry(FailureReason.MAX_ATTEMPTS, 5L));
    }
  }

  @Test
  void run_attemptLongerThanLongMaxNanos_timesOutAndTimeNeverGoesBack() {
    // 100 output tokens at 0.001 tokens/s, 10^6 times slower during the spike: 10^20 ns of generation, more than
    // a long holds. The attempt must time out after 1 s, not wrap around to a negative duration.
    SimulationResult r = TrafficSimulator.run(oneAttemptTimedOutAfterASecond()
        .tokenMix(TokenMix.fixed(100, 101))
        .addCandidate(SimFixtures.candidate("x", SimFixtures.price("lab/x", "1", null, "1"), 100, 0.001))
        .addIncident(Incident.latencySpike("x", Duration.ZERO, Duration.ofSeconds(10), 1e6))
        .build(), RoutingPolicy.roundRobin());
    assertThat(r.simulatedTime()).isEqualTo(Duration.ofSeconds(5));
    assertThat(r.failures()).containsExactly(Map.entry(FailureReason.MAX_ATTEMPTS, 5L));
  }

  @Test
  void run_requestRateLimit_rejectsWhatExceedsTheBucket() {
    TrafficScenario s = TrafficScenario.builder().duration(Duration.ofSeconds(120)).arrivals(ArrivalProcess.constant(20))
        .tokenMix(TokenMix.fixed(100, 10)).maxAttempts(1)
        .health(HealthConfig.disabled()) // by default 429s count against health and would eject it
        .addCandidate(SimFixtures.candidate("x", SimFixtures.price("lab/x", "1", null, "1"), 50, 100)
            .withRateLimit(RateLimit.builder().requestsPerMinute(600).build()))
        .build();
    SimulationResult r = TrafficSimulator.run(s, RoutingPolicy.roundRobin());
    // A full bucket of 600 plus 10/s refill over 120 s.
    assertThat(r.arrivals()).isEqualTo(2_400);
    assertThat(r.served()).isBetween(1_795L, 1_805L);
    assertThat(r.failures()).containsOnlyKeys(FailureReason.MAX_ATTEMPTS);
  }

  @Test
  void run_concurrencyLimit_failsOverToTheOtherCandidate() {
    TrafficScenario s = TrafficScenario.builder().duration(Duration.ofSeconds(10)).arrivals(ArrivalProcess.constant(100))
        .tokenMix(TokenMix.fixed(100, 101))
        .addCandidate(SimFixtures.candidate("small", SimFixtures.price("lab/s", "0.1", null, "0.1"), 100, 100)
            .withRateLimit(RateLimit.builder().maxConcurrent(10).build()))
        .addCandidate(SimFixtures.candidate("big", SimFixtures.price("lab/b", "1", null, "1"), 100, 100))
        .health(HealthConfig.disabled())
        .retryBudget(RetryBudgetConfig.builder().retryRatio(1).build())
        .build();
    SimulationResult r = TrafficSimulator.run(s, RoutingPolicy.cheapestMeetingSlo(Duration.ofSeconds(1)));
    // Each request holds "small" for 1.1 s: at most 10 at once, so about 10 / 1.1 s are served there.
    assertThat(r.servedByCandidate().get("small")).isBetween(80L, 110L);
    assertThat(r.failed()).isZero();
    assertThat(r.failovers()).isEqualTo(r.servedByCandidate().get("big"));
  }

  @Test
  void run_budget_reportsWhenItWasExhausted() {
    TrafficScenario s = TrafficScenario.builder().duration(Duration.ofSeconds(10)).arrivals(ArrivalProcess.constant(10))
        .tokenMix(TokenMix.fixed(1_000_000, 0))
        .addCandidate(SimFixtures.candidate("x", SimFixtures.price("lab/x", "1", null, "1"), 10, 100))
        .budgetUsd(new BigDecimal("50.5"))
        .build();
    SimulationResult r = TrafficSimulator.run(s, RoutingPolicy.roundRobin());
    // $1 per request, 10 per second from t = 0: the 51st request (t = 5.0 s, served at 5.01 s) crosses $50.5.
    assertThat(r.costUsd()).isEqualByComparingTo("100");
    assertThat(r.withinBudget()).isFalse();
    assertThat(r.budgetExhaustedAt()).hasValue(Duration.ofMillis(5_010));
  }

  @Test
  void scenario_badValues_areRejectedWithTheirNames() {
    assertThatThrownBy(() -> TrafficScenario.builder().duration(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("duration must be in (0, 30 days], but was PT0S");
    assertThatThrownBy(() -> TrafficScenario.builder().maxAttempts(0)).hasMessage("maxAttempts must be in [1, 64], but was 0");
    assertThatThrownBy(() -> TrafficScenario.builder().duration(Duration.ofSeconds(1)).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("duration, arrivals and tokenMix must be set, but arrivals was not");
    assertThatThrownBy(() -> threeProviders().addIncident(Incident.outage("zz", Duration.ZERO, Duration.ofSeconds(1)))
        .build()).hasMessageStartingWith("incident candidateId must be one of");
    assertThatThrownBy(() -> Incident.outage("a", Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .hasMessage("to must be after from (PT2S), but was PT1S");
    assertThatThrownBy(() -> RateLimit.builder().requestsPerMinute(0).build())
        .hasMessage("requestsPerMinute must be >= 1, but was 0");
  }
}
