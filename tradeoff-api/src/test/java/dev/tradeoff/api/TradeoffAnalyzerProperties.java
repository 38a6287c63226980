package dev.tradeoff.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeoff.api.report.CandidateRow;
import dev.tradeoff.api.report.ReportJson;
import dev.tradeoff.api.report.TradeoffReport;
import dev.tradeoff.api.workload.DailyUsers;
import dev.tradeoff.api.workload.TokenProfile;
import dev.tradeoff.api.workload.WorkloadProfile;
import dev.tradeoff.pareto.Direction;
import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

final class TradeoffAnalyzerProperties {

  /** Catalog models with distinct ids (so no break-even pairs) and no long-context tiers. */
  private static final String[] MODELS = {"openai/gpt-4o-mini", "anthropic/claude-3-haiku", "openai/gpt-4o",
      "groq/llama-3.3-70b-versatile", "groq/llama-3.1-8b-instant", "azure/gpt-4o-mini"};

  private static final Metric[] OBJECTIVES = {Metric.MONTHLY_COST_USD, Metric.P95_TTFT_MS, Metric.QUALITY};

  /** One random candidate: its p95 TTFT, quality and a multiplier of its list-price bill. */
  record Spec(double p95, double quality, double priceFactor) {}

  @Provide
  Arbitrary<List<Spec>> specs() {
    Arbitrary<Spec> one = Combinators.combine(
        Arbitraries.doubles().between(100, 2_000).ofScale(0),
        Arbitraries.doubles().between(0.5, 1.0).ofScale(2),
        Arbitraries.doubles().between(0.2, 5.0).ofScale(2)).as(Spec::new);
    return one.list().ofMinSize(1).ofMaxSize(MODELS.length);
  }

  @Provide
  Arbitrary<double[]> weights() {
    return Arbitraries.doubles().between(0.1, 10).ofScale(2).array(double[].class).ofSize(OBJECTIVES.length);
  }

  private static WorkloadProfile workload(double dau, int in, int out) {
    return WorkloadProfile.builder().traffic(DailyUsers.of(dau, 1, 5)).tokens(TokenProfile.of(in, out)).build();
  }

  private static TradeoffAnalyzer.Builder analyzer(List<Spec> specs, double[] w) {
    TradeoffAnalyzer.Builder b = TradeoffAnalyzer.builder().workload(workload(1_000, 1_200, 300));
    for (int i = 0; i < specs.size(); i++) {
      Spec s = specs.get(i);
      b.addCandidate(DeploymentCandidate.of("c" + i, MODELS[i])
          .withMeasurements(Measurements.builder().p95TtftMs(s.p95()).build()).withQuality(s.quality()));
    }
    var weights = Weights.builder();
    for (int j = 0; j < OBJECTIVES.length; j++) {
      weights.putWeight(OBJECTIVES[j], w[j]);
    }
    return b.weights(weights.build());
  }

  private static Scenario prices(List<Spec> specs) {
    var s = Scenario.builder().name("prices");
    for (int i = 0; i < specs.size(); i++) {
      s.putPriceFactor("c" + i, specs.get(i).priceFactor());
    }
    return s.build();
  }

  @Property(tries = 100)
  void payAsYouGoCost_scalesLinearlyWithTraffic(
      @ForAll @DoubleRange(min = 1, max = 1_000_000) double dau,
      @ForAll @DoubleRange(min = 0.01, max = 100) double factor,
      @ForAll @IntRange(min = 1, max = 20_000) int in,
      @ForAll @IntRange(min = 0, max = 4_000) int out,
      @ForAll @IntRange(min = 0, max = 5) int model) {
    TradeoffAnalyzer a = TradeoffAnalyzer.builder().workload(workload(dau, in, out))
        .addCandidate(DeploymentCandidate.of("c", MODELS[model])).build();

    CandidateRow base = a.analyze().rows().get(0);
    CandidateRow scaled = a.analyze(Scenario.trafficTimes(factor)).rows().get(0);

    BigDecimal expected = base.monthlyCostUsd().multiply(BigDecimal.valueOf(factor));
    // each cost item is rounded once to 6 places (half a micro-dollar), in both figures; doubles carry the volume
    double tolerance = base.costItems().size() * 0.5e-6 * (1 + factor) + 1e-12 * expected.doubleValue();
    assertThat(scaled.monthlyCostUsd().subtract(expected).abs().doubleValue()).isLessThanOrEqualTo(tolerance);
  }

  @Property(tries = 80)
  void recommendedCandidate_isNeverDominated(@ForAll("specs") List<Spec> specs, @ForAll("weights") double[] w) {
    TradeoffReport r = analyzer(specs, w).build().analyze(prices(specs));

    String winner = r.recommendation().candidate().orElseThrow();   // no constraints: every candidate is feasible
    CandidateRow best = r.row(winner).orElseThrow();
    assertThat(best.onFront()).isTrue();
    for (CandidateRow other : r.rows()) {
      assertThat(dominates(other, best)).as("%s dominates the recommended %s", other.name(), winner).isFalse();
    }
  }

  @Property(tries = 60)
  void recommendation_isNeverSilent(@ForAll("specs") List<Spec> specs, @ForAll("weights") double[] w,
      @ForAll @IntRange(min = 1, max = 200) int budget, @ForAll @IntRange(min = 100, max = 2_000) int slo) {
    TradeoffReport r = analyzer(specs, w).requirements(Requirements.builder()
        .monthlyBudgetUsd(BigDecimal.valueOf(budget)).addSlo(SloTarget.of(Metric.P95_TTFT_MS, slo)).build())
        .build().analyze(prices(specs));

    if (r.recommendation().candidate().isPresent()) {
      CandidateRow c = r.row(r.recommendation().candidate().get()).orElseThrow();
      assertThat(c.feasible()).isTrue();
      assertThat(c.monthlyCostUsd()).isLessThanOrEqualTo(BigDecimal.valueOf(budget));
      assertThat(c.p95TtftMs().getAsDouble()).isLessThanOrEqualTo(slo);
    } else {
      assertThat(r.recommendation().unmetRequirements()).isNotEmpty();
      assertThat(r.rows()).noneMatch(CandidateRow::feasible);
    }
    assertThat(r.excluded()).hasSize((int) r.rows().stream().filter(row -> !row.feasible()).count());
  }

  @Property(tries = 40)
  void report_roundTripsThroughJsonWithoutNaN(@ForAll("specs") List<Spec> specs, @ForAll("weights") double[] w,
      @ForAll @IntRange(min = 1, max = 200) int budget) {
    TradeoffReport r = analyzer(specs, w).requirements(Requirements.builder()
        .monthlyBudgetUsd(BigDecimal.valueOf(budget)).build()).build().analyze(prices(specs));

    String json = ReportJson.toJson(r);

    assertThat(ReportJson.fromJson(json, TradeoffReport.class)).isEqualTo(r);
    assertThat(json).doesNotContain("NaN").doesNotContain("Infinity");
  }

  /** Dominance on the three objectives, each in its direction. */
  private static boolean dominates(CandidateRow a, CandidateRow b) {
    boolean strict = false;
    for (Metric m : OBJECTIVES) {
      double x = a.value(m).getAsDouble();
      double y = b.value(m).getAsDouble();
      double better = m.direction() == Direction.MINIMIZE ? y - x : x - y;
      if (better < 0) {
        return false;
      }
      strict |= better > 0;
    }
    return strict;
  }

  /**
   * A provisioned candidate the library sizes for the workload is never excluded for capacity: random integer
   * token mixes, unit capacity and output weight, with the request rate on a unit boundary (computed in floating
   * point, then up to 64 ulps above it, so the need is an integer up to noise: sized to exactly that many units) or
   * random.
   */
  @Property(tries = 200)
  void provisionedCandidate_sizedByTheLibrary_neverExcludedForCapacity(
      @ForAll @IntRange(min = 1, max = 8_000) int input, @ForAll @IntRange(min = 1, max = 2_000) int output,
      @ForAll @IntRange(min = 1, max = 5_000) int tokensPerMinutePerUnit, @ForAll @IntRange(min = 1, max = 8) int outW,
      @ForAll @IntRange(min = 1, max = 1_000) int units, @ForAll boolean onBoundary,
      @ForAll @IntRange(min = 0, max = 64) int ulpsAbove,
      @ForAll @DoubleRange(min = 1, max = 100_000) double randomRequestsPerHour) {
    double requestsPerHour = onBoundary
        ? (double) units * tokensPerMinutePerUnit / (input + (double) outW * output) * 60 : randomRequestsPerHour;
    for (int i = 0; onBoundary && i < ulpsAbove; i++) {
      requestsPerHour = Math.nextUp(requestsPerHour); // floating-point noise just above the boundary
    }
    dev.tradeoff.pricing.plan.ProvisionedPlan plan = dev.tradeoff.pricing.plan.ProvisionedPlan.builder().name("units")
        .addPool(dev.tradeoff.pricing.plan.CapacityPool.weighted("unit", tokensPerMinutePerUnit, outW, 1)
            .minimumUnits(1).unitIncrement(1).hourlyPerUnit(BigDecimal.ONE).build())
        .build();
    WorkloadProfile w = WorkloadProfile.builder().name("w")
        .traffic(dev.tradeoff.api.workload.RequestRate.of(requestsPerHour)).tokens(TokenProfile.of(input, output))
        .build();

    TradeoffReport r = TradeoffAnalyzer.builder().workload(w)
        .addCandidate(DeploymentCandidate.of("Provisioned", "azure/gpt-4o", plan)).build().analyze();

    assertThat(r.excluded()).isEmpty();
    assertThat(r.recommendation().candidate()).contains("Provisioned");
    if (onBoundary) {
      assertThat(r.row("Provisioned").orElseThrow().monthlyCostUsd()).isEqualByComparingTo(
          BigDecimal.valueOf(730L * units));
    }
  }
}
