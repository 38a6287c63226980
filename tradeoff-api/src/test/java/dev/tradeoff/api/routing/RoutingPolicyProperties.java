package dev.tradeoff.api.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeoff.metrics.FailureKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

final class RoutingPolicyProperties {

  private static final long[] CONTEXT = {4_000, 32_000, 128_000, 1_000_000};
  private static final String[] PRICES = {"0.05", "0.10", "0.50", "1.00", "3.00", "15.00"};
  private static final Capability[] CAPS = {Capability.TOOLS, Capability.VISION, Capability.REASONING};
  private static final Region[] REGIONS = {Region.GLOBAL, Region.US, Region.EU};

  /** One random candidate; {@code traits} packs capabilities (bits 0-2) and region (bits 3-4). */
  record Spec(int context, int traits, int urgencies, int in, int out, boolean cache, int ttftMs,
      boolean ejected) {

    Candidate candidate(int i) {
      Set<Capability> caps = EnumSet.noneOf(Capability.class);
      for (int b = 0; b < CAPS.length; b++) {
        if ((traits & (1 << b)) != 0) {
          caps.add(CAPS[b]);
        }
      }
      Set<Urgency> us = EnumSet.noneOf(Urgency.class);
      for (Urgency u : Urgency.values()) {
        if ((urgencies & (1 << u.ordinal())) != 0) {
          us.add(u);
        }
      }
      return Candidate.builder()
          .id("c" + i)
          .price(Fixtures.price("lab/m" + i, PRICES[in], cache ? "0.01" : null, PRICES[out]))
          .contextWindowTokens(CONTEXT[context])
          .capabilities(caps)
          .region(REGIONS[(traits >> 3) % REGIONS.length])
          .urgencies(us)
          .expectedTtft(Duration.ofMillis(ttftMs))
          .build();
    }
  }

  /** A random request; {@code regions} 0 means "any". */
  record Req(long input, int cachedPercent, long output, int caps, int regions, int urgency) {
    RouteRequest request() {
      RouteRequest.Builder b = RouteRequest.builder().inputTokens(input)
          .cachedInputTokens(input * cachedPercent / 100).expectedOutputTokens(output)
          .urgency(Urgency.values()[urgency]);
      for (int i = 0; i < CAPS.length; i++) {
        if ((caps & (1 << i)) != 0) {
          b.requireCapability(CAPS[i]);
        }
      }
      for (int i = 0; i < REGIONS.length; i++) {
        if ((regions & (1 << i)) != 0) {
          b.allowRegion(REGIONS[i]);
        }
      }
      return b.build();
    }
  }

  @Provide
  Arbitrary<List<Spec>> fleets() {
    Arbitrary<Spec> spec = Combinators.combine(
            Arbitraries.integers().between(0, CONTEXT.length - 1),
            Arbitraries.integers().between(0, 31),
            Arbitraries.integers().between(1, 7),
            Arbitraries.integers().between(0, PRICES.length - 1),
            Arbitraries.integers().between(0, PRICES.length - 1),
            Arbitraries.of(true, false),
            Arbitraries.integers().between(100, 3_000),
            Arbitraries.of(true, false, false, false))
        .as(Spec::new);
    return spec.list().ofMinSize(1).ofMaxSize(12);
  }

  @Provide
  Arbitrary<Req> requests() {
    return Combinators.combine(
            Arbitraries.longs().between(0, 300_000),
            Arbitraries.integers().between(0, 100),
            Arbitraries.longs().between(0, 8_000),
            Arbitraries.integers().between(0, 7),
            Arbitraries.integers().between(0, 7),
            Arbitraries.integers().between(0, Urgency.values().length - 1))
        .as(Req::new);
  }

  private static Router router(List<Spec> fleet, RoutingPolicy policy, ManualClock clock) {
    List<Candidate> cs = new ArrayList<>();
    for (int i = 0; i < fleet.size(); i++) {
      cs.add(fleet.get(i).candidate(i));
    }
    Router r = Router.builder().candidates(cs).policy(policy).clock(clock).seed(11).build();
    for (int i = 0; i < fleet.size(); i++) {
      if (fleet.get(i).ejected()) {
        for (int k = 0; k < HealthConfig.DEFAULT_CONSECUTIVE_FAILURES; k++) {
          r.onFailure(i, r.onStart(i), FailureKind.HTTP_SERVER_ERROR, "down");
        }
      }
    }
    return r;
  }

  /** The brute-force reference of the hard filters and health. */
  private static boolean passes(Candidate c, boolean ejected, RouteRequest r) {
    return !ejected
        && c.contextWindowTokens() >= r.requiredContextTokens()
        && c.capabilities().containsAll(r.requiredCapabilities())
        && r.allows(c.region())
        && c.urgencies().contains(r.urgency());
  }

  @Property(tries = 300)
  void cheapestMeetingSlo_neverPicksAFilteredCandidateAndPicksTheCheapestThatMeetsTheSlo(
      @ForAll("fleets") List<Spec> fleet, @ForAll("requests") Req req,
      @ForAll @IntRange(min = 100, max = 3_000) int sloMs) {
    Router router = router(fleet, RoutingPolicy.cheapestMeetingSlo(Duration.ofMillis(sloMs)), new ManualClock());
    RouteRequest r = req.request();
    int chosen = router.select(r);

    int best = -1;
    double bestCost = Double.POSITIVE_INFINITY;
    boolean anyPasses = false;
    for (int i = 0; i < fleet.size(); i++) {
      Candidate c = router.candidates().get(i);
      if (!passes(c, fleet.get(i).ejected(), r)) {
        continue;
      }
      anyPasses = true;
      if (router.stats(i).ttftNanos() <= Duration.ofMillis(sloMs).toNanos()) {
        double cost = router.estimateCostUsd(i, r);
        if (cost < bestCost) {
          bestCost = cost;
          best = i;
        }
      }
    }
    if (!anyPasses) {
      assertThat(chosen).isEqualTo(Router.NO_CANDIDATE);
      return;
    }
    assertThat(chosen).isNotNegative();
    assertThat(passes(router.candidates().get(chosen), fleet.get(chosen).ejected(), r))
        .as("chosen %s passes every hard filter", router.id(chosen)).isTrue();
    if (best >= 0) {
      assertThat(router.estimateCostUsd(chosen, r)).isEqualTo(bestCost);
    }
  }

  @Property(tries = 200)
  void everyPolicy_choosesOnlyCandidatesThatPassTheFiltersAndHealth(
      @ForAll("fleets") List<Spec> fleet, @ForAll("requests") Req req) {
    List<RoutingPolicy> policies = List.of(RoutingPolicy.fastest(), RoutingPolicy.roundRobin(),
        RoutingPolicy.weightedRandom(), RoutingPolicy.powerOfTwoChoices(),
        RoutingPolicy.weightedUtility(UtilityWeights.defaults()));
    RouteRequest r = req.request();
    for (RoutingPolicy policy : policies) {
      Router router = router(fleet, policy, new ManualClock());
      for (int n = 0; n < 5; n++) {
        int chosen = router.select(r);
        if (chosen >= 0) {
          assertThat(passes(router.candidates().get(chosen), fleet.get(chosen).ejected(), r))
              .as("%s chose %s", policy.name(), router.id(chosen)).isTrue();
        } else {
          for (int i = 0; i < fleet.size(); i++) {
            assertThat(passes(router.candidates().get(i), fleet.get(i).ejected(), r)).isFalse();
          }
        }
      }
    }
  }

  /** Chi-square critical values at alpha = 0.001 for 1..5 degrees of freedom. */
  private static final double[] CHI2_999 = {10.828, 13.816, 16.266, 18.467, 20.515};

  /** Weights are only ratios: tiny or huge (their sum overflowing a double) weights share traffic alike. */
  @Provide
  Arbitrary<Double> weightScales() {
    return Arbitraries.of(1.0, Double.MIN_NORMAL, Double.MAX_VALUE / 10);
  }

  @Property(tries = 20, seed = "20261128")
  void weightedRandom_withEqualStats_convergesToTheWeights(
      @ForAll @Size(min = 2, max = 6) List<@IntRange(min = 1, max = 10) Integer> weights,
      @ForAll("weightScales") double scale,
      @ForAll long seed) {
    List<Candidate> cs = new ArrayList<>();
    for (int i = 0; i < weights.size(); i++) {
      cs.add(Candidate.builder().id("w" + i).price(Fixtures.price("lab/w" + i, "1", "1"))
          .weight(weights.get(i) * scale).build());
    }
    Router router = Router.builder().candidates(cs).policy(RoutingPolicy.weightedRandom())
        .clock(new ManualClock()).seed(seed).build();
    RouteRequest r = RouteRequest.builder().inputTokens(100).build();
    int n = 20_000;
    long[] counts = new long[cs.size()];
    for (int k = 0; k < n; k++) {
      counts[router.select(r)]++;
    }
    double total = weights.stream().mapToInt(Integer::intValue).sum();
    double chi2 = 0;
    for (int i = 0; i < counts.length; i++) {
      double expected = n * weights.get(i) / total;
      chi2 += (counts[i] - expected) * (counts[i] - expected) / expected;
    }
    assertThat(chi2).as("chi-square of %s against weights %s × %s", java.util.Arrays.toString(counts), weights, scale)
        .isLessThan(CHI2_999[counts.length - 2]);
  }

  @Property(tries = 50)
  void roundRobin_sharesTrafficEvenly(@ForAll @IntRange(min = 1, max = 9) int k,
      @ForAll @IntRange(min = 1, max = 500) int n) {
    List<Candidate> cs = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      cs.add(Candidate.of("r" + i, Fixtures.price("lab/r" + i, "1", "1")));
    }
    Router router = Router.builder().candidates(cs).policy(RoutingPolicy.roundRobin())
        .clock(new ManualClock()).build();
    RouteRequest r = RouteRequest.builder().inputTokens(1).build();
    int[] counts = new int[k];
    for (int j = 0; j < n; j++) {
      counts[router.select(r)]++;
    }
    int min = Integer.MAX_VALUE;
    int max = 0;
    for (int c : counts) {
      min = Math.min(min, c);
      max = Math.max(max, c);
    }
    assertThat(max - min).isLessThanOrEqualTo(1);
  }
}
