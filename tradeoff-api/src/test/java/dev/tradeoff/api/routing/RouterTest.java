package dev.tradeoff.api.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tradeoff.metrics.Failure;
import dev.tradeoff.metrics.FailureKind;
import dev.tradeoff.metrics.RequestResult;
import dev.tradeoff.metrics.StreamMeter;
import dev.tradeoff.metrics.WireApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class RouterTest {

  private final ManualClock clock = new ManualClock();

  static final Candidate CHEAP = Candidate.builder().id("cheap")
      .price(Fixtures.price("lab/cheap", "0.10", "0.025", "0.40"))
      .contextWindowTokens(128_000).region(Region.US).capabilities(EnumSet.of(Capability.TOOLS))
      .expectedTtft(Duration.ofMillis(800)).expectedTokensPerSecond(60).build();
  static final Candidate FAST = Candidate.builder().id("fast")
      .price(Fixtures.price("lab/fast", "1.00", "4.00"))
      .contextWindowTokens(200_000).region(Region.EU)
      .capabilities(EnumSet.of(Capability.TOOLS, Capability.VISION))
      .expectedTtft(Duration.ofMillis(200)).expectedTokensPerSecond(150).build();
  static final Candidate MID = Candidate.builder().id("mid")
      .price(Fixtures.price("lab/mid", "0.50", "0.05", "1.50"))
      .contextWindowTokens(32_000).capabilities(Set.of())
      .urgencies(EnumSet.of(Urgency.STANDARD, Urgency.BATCH))
      .expectedTtft(Duration.ofMillis(400)).expectedTokensPerSecond(100).build();
  static final Candidate BATCH = Candidate.builder().id("batch")
      .price(Fixtures.price("lab/batch", "0.05", "0.20"))
      .contextWindowTokens(1_000_000).region(Region.US).capabilities(Set.of())
      .urgencies(EnumSet.of(Urgency.BATCH))
      .expectedTtft(Duration.ofSeconds(3)).expectedTokensPerSecond(30).build();
  static final List<Candidate> ALL = List.of(CHEAP, FAST, MID, BATCH);

  private Router router(RoutingPolicy policy) {
    return Router.builder().candidates(ALL).policy(policy).clock(clock).seed(7).build();
  }

  private static RouteRequest plain(long in, long out) {
    return RouteRequest.builder().inputTokens(in).expectedOutputTokens(out).build();
  }

  @Test
  void estimateCostUsd_cachedInput_isPricedAtTheCacheReadRateWhereOneExists() {
    Router r = router(RoutingPolicy.fastest());
    RouteRequest req = RouteRequest.builder().inputTokens(10_000).cachedInputTokens(8_000)
        .expectedOutputTokens(500).build();
    // cheap: 2,000 × 0.10 + 8,000 × 0.025 + 500 × 0.40 per 1M = 0.0006
    assertThat(r.estimateCostUsd(0, req)).isCloseTo(0.0006, within(1e-15));
    // fast has no cache price: all 10,000 at 1.00, 500 at 4.00 = 0.012
    assertThat(r.estimateCostUsd(1, req)).isCloseTo(0.012, within(1e-15));
  }

  @Test
  void select_cheapestMeetingSlo_choosesTheCheapestWithinTheSlo() {
    Router r = router(RoutingPolicy.cheapestMeetingSlo(Duration.ofMillis(500)));
    // cheap (800 ms) misses the SLO; mid (400 ms) is the cheapest of fast and mid; batch is filtered out.
    assertThat(r.id(r.select(plain(1_000, 200)))).isEqualTo("mid");
    // Now mid slows down: only fast meets the SLO.
    for (int i = 0; i < 30; i++) {
      r.onSuccess(2, r.onStart(2), Duration.ofMillis(900).toNanos(), 100, Duration.ofSeconds(1).toNanos());
    }
    assertThat(r.id(r.select(plain(1_000, 200)))).isEqualTo("fast");
  }

  @Test
  void select_cheapestMeetingSloWithErrorObjective_oneRandomFailureOfAHealthyCandidateDoesNotExcludeIt() {
    // The reference routing day's anomaly: a 0.2%-error candidate's single failure lifted its moving-average
    // error rate to 0.2 > 0.05, so the cheapest candidate was judged to miss the objective and a
    // pricier one took its traffic.
    Router r = router(RoutingPolicy.cheapestMeetingSlo(Duration.ofMillis(1_000), 0.05));
    RouteRequest req = plain(1_000, 200);
    assertThat(r.id(r.select(req))).isEqualTo("cheap");
    for (int k = 0; k < 49; k++) {
      r.onSuccess(0, r.onStart(0), Duration.ofMillis(700).toNanos(), 100, Duration.ofSeconds(1).toNanos());
      clock.advanceMillis(100);
    }
    r.onFailure(0, r.onStart(0), FailureKind.HTTP_SERVER_ERROR, "one random 500");
    assertThat(r.stats(0).errorRate()).isGreaterThan(0.05);
    assertThat(r.id(r.select(req))).isEqualTo("cheap");
    // A real error rate does exclude it: 6 failures in 65 requests (its circuit stays closed).
    for (int k = 0; k < 5; k++) {
      r.onFailure(0, r.onStart(0), FailureKind.HTTP_SERVER_ERROR, "500");
      r.onSuccess(0, r.onStart(0), Duration.ofMillis(700).toNanos(), 100, Duration.ofSeconds(1).toNanos());
      r.onSuccess(0, r.onStart(0), Duration.ofMillis(700).toNanos(), 100, Duration.ofSeconds(1).toNanos());
    }
    assertThat(r.healthState(0)).isEqualTo(HealthState.CLOSED);
    assertThat(r.id(r.select(req))).isEqualTo("mid");
    RouteExplanation why = r.explain(req);
    assertThat(why.candidates().get(0).score()).hasValue(Double.POSITIVE_INFINITY);
  }

  @Test
  void select_cheapestMeetingSlo_aCandidateExcludedByOneSlowRequestIsJudgedAgainOnceItsAverageIsStale() {
    Router r = router(RoutingPolicy.cheapestMeetingSlo(Duration.ofMillis(1_000)));
    RouteRequest req = plain(1_000, 200);
    r.onSuccess(0, r.onStart(0), Duration.ofSeconds(3).toNanos(), 100, Duration.ofSeconds(1).toNanos());
    // 800 + 0.2 x (3,000 - 800) = 1,240 ms > 1,000 ms. Excluded, it gets no traffic and so no samples.
    assertThat(r.id(r.select(req))).isEqualTo("mid");
    // Traffic goes on elsewhere (select judges staleness at the latest time a router call read).
    clock.advance(StatsConfig.DEFAULT_STALE_AFTER);
    r.onSuccess(2, r.onStart(2), Duration.ofMillis(400).toNanos(), 100, Duration.ofSeconds(1).toNanos());
    assertThat(r.id(r.select(req))).isEqualTo("mid");
    clock.advanceMillis(1);
    r.onSuccess(2, r.onStart(2), Duration.ofMillis(400).toNanos(), 100, Duration.ofSeconds(1).toNanos());
    assertThat(r.id(r.select(req))).as("judged on its expected 800 ms again").isEqualTo("cheap");
    assertThat(r.explain(req).candidates().get(0).ttftNanos()).isEqualTo(800e6);
  }

  @Test
  void select_cheapestMeetingSloWhenNoneMeetsIt_fallsBackToTheLowestTtft() {
    Router r = router(RoutingPolicy.cheapestMeetingSlo(Duration.ofMillis(100)));
    assertThat(r.id(r.select(plain(1_000, 200)))).isEqualTo("fast");
  }

  @Test
  void select_hardFilters_removeCandidatesThatCannotServeTheRequest() {
    Router r = router(RoutingPolicy.cheapestMeetingSlo(Duration.ofSeconds(10)));
    // Cheapest overall for BATCH urgency is "batch".
    assertThat(r.id(r.select(RouteRequest.builder().inputTokens(1_000).urgency(Urgency.BATCH).build())))
        .isEqualTo("batch");
    // Interactive: batch and mid do not serve it; cheap is cheapest.
    assertThat(r.id(r.select(RouteRequest.builder().inputTokens(1_000).urgency(Urgency.INTERACTIVE).build())))
        .isEqualTo("cheap");
    // Vision: only fast.
    assertThat(r.id(r.select(RouteRequest.builder().inputTokens(1_000)
        .requireCapability(Capability.VISION).build()))).isEqualTo("fast");
    // EU only: fast.
    assertThat(r.id(r.select(RouteRequest.builder().inputTokens(1_000).allowRegion(Region.EU).build())))
        .isEqualTo("fast");
    // 150k context: fast (200k), batch does not serve STANDARD.
    assertThat(r.id(r.select(plain(150_000, 1_000)))).isEqualTo("fast");
    // 300k context and vision: nobody.
    assertThat(r.select(RouteRequest.builder().inputTokens(300_000).requireCapability(Capability.VISION)
        .build())).isEqualTo(Router.NO_CANDIDATE);
  }

  @Test
  void select_fastest_choosesTheLowestExpectedLatency() {
    Router r = router(RoutingPolicy.fastest());
    assertThat(r.id(r.select(plain(1_000, 500)))).isEqualTo("fast");
  }

  @Test
  void select_roundRobin_visitsEligibleCandidatesInTurn() {
    Router r = router(RoutingPolicy.roundRobin());
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      ids.add(r.id(r.select(plain(1_000, 100))));
    }
    assertThat(ids).containsExactly("cheap", "fast", "mid", "cheap", "fast", "mid");
  }

  @Test
  void select_powerOfTwoChoices_avoidsTheLoadedCandidate() {
    Router r = Router.builder().candidates(List.of(CHEAP, MID)).policy(RoutingPolicy.powerOfTwoChoices())
        .clock(clock).seed(3).build();
    // mid is faster, but 20 requests in flight make its latency score worse.
    for (int i = 0; i < 20; i++) {
      r.onStart(1);
    }
    assertThat(r.id(r.select(plain(1_000, 100)))).isEqualTo("cheap");
  }

  @Test
  void select_weightedUtility_followsTheWeights() {
    Router costly = router(RoutingPolicy.weightedUtility(
        UtilityWeights.builder().cost(1).ttft(0).throughput(0).errorRate(0).build()));
    assertThat(costly.id(costly.select(plain(1_000, 200)))).isEqualTo("cheap");
    Router quick = router(RoutingPolicy.weightedUtility(
        UtilityWeights.builder().cost(0).ttft(1).throughput(0).errorRate(0).build()));
    assertThat(quick.id(quick.select(plain(1_000, 200)))).isEqualTo("fast");
  }

  @Test
  void explain_weightedUtility_scoresWithFixedBoundsThroughTheParetoScorer() {
    Router r = router(RoutingPolicy.weightedUtility(UtilityWeights.builder().cost(3).ttft(1).throughput(0)
        .errorRate(0).maxCostUsd(0.01).maxTtft(Duration.ofSeconds(1)).build()));
    RouteExplanation why = r.explain(plain(10_000, 500));
    // cheap: cost 0.0012 of 0.01, ttft 800 of 1000 ms -> (3 × 0.88 + 1 × 0.2) / 4 = 0.71
    assertThat(why.candidates().get(0).score().getAsDouble()).isCloseTo(0.71, within(1e-12));
    // fast: cost 0.012 (past the bound: 0), ttft 200 ms -> (0 + 0.8) / 4 = 0.2
    assertThat(why.candidates().get(1).score().getAsDouble()).isCloseTo(0.2, within(1e-12));
    assertThat(why.chosen()).hasValue("cheap");
  }

  @Test
  void select_weightedUtilityWithTtftSlo_penalisesTheSlowCandidate() {
    UtilityWeights w = UtilityWeights.builder().cost(1).ttft(1).throughput(0).errorRate(0)
        .maxCostUsd(0.01).maxTtft(Duration.ofSeconds(1)).build();
    Router plainRouter = router(RoutingPolicy.weightedUtility(w));
    Router sloRouter = router(RoutingPolicy.weightedUtility(
        UtilityWeights.builder().from(w).ttftSlo(Duration.ofMillis(500)).build()));
    RouteRequest req = plain(10_000, 500);
    assertThat(plainRouter.id(plainRouter.select(req))).isEqualTo("cheap");
    // Past a 500 ms SLO each ms counts 10 times (the bound too: 1 s becomes 5.5 s): cheap's 800 ms scores
    // 1 - 3500 / 5500 instead of 1 - 800 / 1000, which costs it the win (0.62 against mid's 0.68).
    assertThat(sloRouter.id(sloRouter.select(req))).isEqualTo("mid");
  }

  @Test
  void select_afterConsecutiveFailures_ejectsAndLaterProbes() {
    Router r = Router.builder().candidates(ALL).policy(RoutingPolicy.cheapestMeetingSlo(Duration.ofSeconds(1)))
        .clock(clock).seed(1)
        .health(HealthConfig.builder().consecutiveFailures(3).cooldown(Duration.ofSeconds(10)).build())
        .build();
    int cheap = r.indexOf("cheap");
    assertThat(r.select(plain(1_000, 100))).isEqualTo(cheap);
    for (int i = 0; i < 3; i++) {
      r.onFailure(cheap, r.onStart(cheap), FailureKind.HTTP_SERVER_ERROR, "503");
    }
    assertThat(r.healthState("cheap")).isEqualTo(HealthState.OPEN);
    assertThat(r.id(r.select(plain(1_000, 100)))).isEqualTo("mid");
    clock.advance(Duration.ofSeconds(10));
    assertThat(r.select(plain(1_000, 100))).isEqualTo(cheap);
    assertThat(r.healthState("cheap")).isEqualTo(HealthState.HALF_OPEN);
  }

  @Test
  void failover_withoutChain_letsThePolicyChooseAmongTheUntried() {
    Router r = router(RoutingPolicy.cheapestMeetingSlo(Duration.ofSeconds(1)));
    RouteRequest req = plain(1_000, 100);
    int first = r.select(req);
    assertThat(r.id(first)).isEqualTo("cheap");
    int second = r.failover(req, 1L << first);
    assertThat(r.id(second)).isEqualTo("mid");
    int third = r.failover(req, (1L << first) | (1L << second));
    assertThat(r.id(third)).isEqualTo("fast");
    assertThat(r.failover(req, 0b111)).isEqualTo(Router.NO_CANDIDATE);
  }

  @Test
  void failover_withChain_followsTheChainOrder() {
    Router r = Router.builder().candidates(ALL).policy(RoutingPolicy.cheapestMeetingSlo(Duration.ofSeconds(1)))
        .clock(clock).fallbackChain(List.of("fast", "mid")).build();
    RouteRequest req = plain(1_000, 100);
    int first = r.select(req);
    assertThat(r.id(r.failover(req, 1L << first))).isEqualTo("fast");
    assertThat(r.id(r.failover(req, (1L << first) | (1L << r.indexOf("fast"))))).isEqualTo("mid");
  }

  @Test
  void failover_budgetSpent_returnsRetryBudgetExhausted() {
    Router r = Router.builder().candidates(ALL).policy(RoutingPolicy.roundRobin()).clock(clock)
        .retryBudget(RetryBudgetConfig.builder().retryRatio(0.1).minRetriesPerSecond(0).build()).build();
    RouteRequest req = plain(1_000, 100);
    int retries = 0;
    int exhausted = 0;
    for (int n = 0; n < 100; n++) {
      int first = r.select(req);
      int next = r.failover(req, 1L << first);
      if (next >= 0) {
        retries++;
      } else if (next == Router.RETRY_BUDGET_EXHAUSTED) {
        exhausted++;
      }
    }
    // Budget after n requests is 0.1 n: 10 retries in total over 100 requests.
    assertThat(retries).isEqualTo(10);
    assertThat(exhausted).isEqualTo(90);
  }

  @Test
  void explain_namesFiltersScoresAndTheChoiceWithoutChangingState() {
    Router r = router(RoutingPolicy.roundRobin());
    RouteRequest req = RouteRequest.builder().inputTokens(40_000).urgency(Urgency.INTERACTIVE).build();
    RouteExplanation why = r.explain(req);
    RouteExplanation again = r.explain(req);
    assertThat(why.chosen()).isEqualTo(again.chosen()); // explain does not advance round robin
    assertThat(why.chosen()).hasValue(r.id(r.select(req)));
    CandidateAssessment mid = why.candidates().get(2);
    assertThat(mid.removedBy()).containsExactlyInAnyOrder(FilterReason.CONTEXT_WINDOW, FilterReason.URGENCY);
    assertThat(why.candidates().get(3).removedBy()).containsExactly(FilterReason.URGENCY);
    assertThat(why.candidates().get(0).considered()).isTrue();
    assertThat(why.policy()).isEqualTo("round-robin");
    assertThat(why.toString()).contains("* cheap", "removedBy=[CONTEXT_WINDOW, URGENCY]");
  }

  @Test
  void explain_cheapestMeetingSlo_reportsCostsAsScores() {
    Router r = router(RoutingPolicy.cheapestMeetingSlo(Duration.ofMillis(500)));
    RouteExplanation why = r.explain(plain(1_000, 200));
    assertThat(why.chosen()).hasValue("mid");
    CandidateAssessment mid = why.candidates().get(2);
    assertThat(mid.score().getAsDouble()).isEqualTo(mid.estimatedCostUsd());
    assertThat(why.candidates().get(0).score().getAsDouble()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(why.candidates().get(3).score()).isEmpty();
  }

  @Test
  void explain_ejectedCandidate_isReportedUnhealthy() {
    Router r = router(RoutingPolicy.fastest());
    for (int i = 0; i < HealthConfig.DEFAULT_CONSECUTIVE_FAILURES; i++) {
      r.onFailure(1, r.onStart(1), FailureKind.CONNECTION_FAILED, "refused");
    }
    CandidateAssessment fast = r.explain(plain(100, 10)).candidates().get(1);
    assertThat(fast.removedBy()).containsExactly(FilterReason.UNHEALTHY);
    assertThat(fast.health()).isEqualTo(HealthState.OPEN);
  }

  @Test
  void select_policyReturningAnIneligibleIndex_isReportedAsABug() {
    Router r = router(ctx -> 3); // batch is not eligible for STANDARD urgency
    assertThatThrownBy(() -> r.select(plain(10, 10)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("must choose an eligible candidate, but chose 3");
  }

  @Test
  void record_requestResult_feedsStatsAndHealth() {
    Router r = router(RoutingPolicy.fastest());
    RequestResult failed = RequestResult.builder().api(WireApi.values()[0]).model("m")
        .timeline(StreamMeter.start(0, 0).finish(10))
        .failure(Failure.of(FailureKind.HTTP_SERVER_ERROR, "boom")).build();
    for (int i = 0; i < 5; i++) {
      r.record(1, r.onStart(1), failed);
    }
    assertThat(r.healthState(1)).isEqualTo(HealthState.OPEN);
    assertThat(r.stats("fast").lastError().map(ErrorEvent::message)).hasValue("boom");
  }

  @Test
  void select_manyThreadsWithFeedback_staysConsistent() throws InterruptedException {
    Router r = Router.builder().candidates(ALL).policy(RoutingPolicy.powerOfTwoChoices()).build();
    RouteRequest req = plain(1_000, 100);
    Thread[] ts = new Thread[4];
    Throwable[] failure = new Throwable[1];
    for (int t = 0; t < ts.length; t++) {
      ts[t] = new Thread(() -> {
        try {
          for (int n = 0; n < 20_000; n++) {
            int i = r.select(req);
            long started = r.onStart(i);
            if (n % 97 == 0) {
              r.onFailure(i, started, FailureKind.HTTP_SERVER_ERROR, "flaky");
            } else {
              r.onSuccess(i, started, 1_000_000L * (100 + i), 100, 500_000_000L);
            }
          }
        } catch (Throwable e) {
          failure[0] = e;
        }
      });
      ts[t].start();
    }
    for (Thread t : ts) {
      t.join();
    }
    assertThat(failure[0]).isNull();
    for (int i = 0; i < r.size(); i++) {
      assertThat(r.stats(i).inFlight()).isZero();
    }
    assertThat(CostTags.of(CHEAP)).isEqualTo(CostTags.of("lab", "cheap"));
  }

  @Test
  void builder_badConfigurations_areRejected() {
    assertThatThrownBy(() -> Router.builder().build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("candidates must number 1 to 64, but were 0");
    assertThatThrownBy(() -> Router.builder().candidates(List.of(CHEAP, CHEAP)).build())
        .hasMessage("candidate ids must be unique, but \"cheap\" repeats");
    assertThatThrownBy(() -> Router.builder().candidates(ALL).fallbackChain(List.of("nope")).build())
        .hasMessageStartingWith("id must be one of");
    List<Candidate> many = new ArrayList<>();
    for (int i = 0; i < 65; i++) {
      many.add(Candidate.builder().from(CHEAP).id("c" + i).build());
    }
    assertThatThrownBy(() -> Router.builder().candidates(many).build())
        .hasMessage("candidates must number 1 to 64, but were 65");
    // No batch price and no batch discount: the batch handle prices nothing.
    Candidate unpriced = Candidate.of("x", Fixtures.model("lab/x", "1", null, "1").handle(
        dev.tradeoff.pricing.RequestOptions.batch()));
    assertThatThrownBy(() -> Router.builder().candidates(List.of(unpriced)).build())
        .hasMessageStartingWith("candidate x must price INPUT tokens, but lab/x has no such rate under");
  }

  @Test
  void routeRequest_badValues_areRejected() {
    assertThatThrownBy(() -> RouteRequest.builder().inputTokens(-1))
        .hasMessage("inputTokens must be >= 0, but was -1");
    assertThatThrownBy(() -> RouteRequest.builder().inputTokens(5).cachedInputTokens(6).build())
        .hasMessage("cachedInputTokens must be <= inputTokens (5), but was 6");
    assertThat(RouteRequest.builder().inputTokens(5).expectedOutputTokens(7).build().requiredContextTokens())
        .isEqualTo(12);
  }

  @Test
  void candidate_defaults_comeFromTheCatalogEntry() {
    Candidate c = Candidate.of("x", Fixtures.price("lab/model-x", "1", "2"));
    assertThat(c.provider()).isEqualTo("lab");
    assertThat(c.model()).isEqualTo("model-x");
    assertThat(c.contextWindowTokens()).isEqualTo(Long.MAX_VALUE);
    assertThat(c.urgencies()).containsExactlyInAnyOrder(Urgency.values());
    assertThatThrownBy(() -> Candidate.builder().from(c).weight(-1).build())
        .hasMessage("weight must be finite and >= 0, but was -1.0");
  }

  @Test
  void region_isInternedCaseInsensitively() {
    assertThat(Region.of(" EU ")).isSameAs(Region.EU);
    assertThatThrownBy(() -> Region.of(" ")).hasMessage("name must not be blank, but was \" \"");
  }
}
