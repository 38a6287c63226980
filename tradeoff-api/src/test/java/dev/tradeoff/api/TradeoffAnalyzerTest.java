package dev.tradeoff.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tradeoff.api.report.CandidateRow;
import dev.tradeoff.api.report.ExcludedCandidate;
import dev.tradeoff.api.report.ExclusionReason;
import dev.tradeoff.api.report.RankedCandidate;
import dev.tradeoff.api.report.RankingSummary;
import dev.tradeoff.api.report.SloCheck;
import dev.tradeoff.api.report.TcoLine;
import dev.tradeoff.api.report.TradeoffReport;
import dev.tradeoff.api.report.WhatIfReport;
import dev.tradeoff.api.workload.RequestRate;
import dev.tradeoff.api.workload.TokenBucket;
import dev.tradeoff.api.workload.TokenProfile;
import dev.tradeoff.api.workload.WorkloadProfile;
import dev.tradeoff.pricing.plan.BreakEvenPoint;
import dev.tradeoff.pricing.plan.CostItem;
import dev.tradeoff.pricing.plan.PricingPlan;
import dev.tradeoff.pricing.catalog.AzureDeployment;
import dev.tradeoff.pricing.catalog.OfferCatalog;
import dev.tradeoff.pricing.plan.Commitment;
import dev.tradeoff.pricing.plan.DemandCurve;
import dev.tradeoff.pricing.plan.PayAsYouGoPlan;
import dev.tradeoff.pricing.PriceCatalog;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

final class TradeoffAnalyzerTest {

  // Scenario 1 by hand: 1,000 DAU x 5 turns = 5,000 requests/day x 730/24 days = 152,083.33 requests/month;
  // input 152,083.33 x 1,200 = 182,500,000 tokens, output x 300 = 45,625,000 tokens.
  //   GPT-4o-mini ($0.15 / $0.60 per 1M):    27.375 +  27.375    =  54.75
  //   Claude 3 Haiku ($0.25 / $1.25 per 1M): 45.625 +  57.03125  = 102.65625
  private static final BigDecimal MINI = new BigDecimal("54.75");
  private static final BigDecimal HAIKU = new BigDecimal("102.65625");

  @Test
  void analyze_scenario1_monthlyCostsAreTheHandComputedListPriceFigures() {
    TradeoffReport r = ReferenceScenarios.scenario1().build().analyze();

    CandidateRow mini = r.row("GPT-4o-mini").orElseThrow();
    CandidateRow haiku = r.row("Claude 3 Haiku").orElseThrow();
    assertThat(mini.monthlyCostUsd()).isEqualByComparingTo(MINI);
    assertThat(haiku.monthlyCostUsd()).isEqualByComparingTo(HAIKU);
    assertThat(mini.costItems()).extracting(CostItem::amount)
        .usingComparatorForType(BigDecimal::compareTo, BigDecimal.class)
        .containsExactly(new BigDecimal("27.375"), new BigDecimal("27.375"));
    // per request: 54.75 / 152,083.33 = $0.00036 = 1,200 x 0.15e-6 + 300 x 0.6e-6
    assertThat(mini.costPerRequestUsd()).isEqualByComparingTo("0.00036");
    assertThat(haiku.costPerRequestUsd()).isEqualByComparingTo("0.000675");
    // per 5-turn conversation: 5 x per request
    assertThat(mini.costPerConversationUsd()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.0018"));
    assertThat(haiku.costPerConversationUsd()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.003375"));
    // per 1M tokens: 54.75 / 228.125M tokens
    assertThat(mini.costPerMillionTokensUsd()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.24"));
    assertThat(haiku.costPerMillionTokensUsd()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.45"));
    assertThat(mini.priceSource().orElseThrow().asOf()).isNotBlank();
  }

  @Test
  void analyze_cachedShareHalf_inputSplitIntoUncachedAndCacheReadRates() {
    WorkloadProfile cached = WorkloadProfile.builder().from(ReferenceScenarios.chatbot())
        .tokens(TokenProfile.builder().from(TokenProfile.of(1_200, 300)).cachedShare(0.5).build()).build();

    TradeoffReport r = ReferenceScenarios.scenario1().workload(cached).build().analyze();

    // GPT-4o-mini: 91,250,000 x $0.15 + 91,250,000 x $0.075 (cached) + 45,625,000 x $0.60 per 1M
    //            = 13.6875 + 6.84375 + 27.375 = 47.90625
    assertThat(r.row("GPT-4o-mini").orElseThrow().monthlyCostUsd()).isEqualByComparingTo("47.90625");
  }

  @Test
  void analyze_scenario1WithTtftSlo_recommendsHaikuAndSaysWhyNotTheCheaperMini() {
    TradeoffReport r = ReferenceScenarios.scenario1().build().analyze();

    assertThat(r.recommendation().candidate()).contains("Claude 3 Haiku");
    // 1 - 102.65625 / 500 = 79.5% under budget
    assertThat(r.recommendation().headline()).isEqualTo("Claude 3 Haiku: $102.66/month at 1,000 DAU, 79% under budget,"
        + " p95 TTFT 450 ms, quality 0.8; GPT-4o-mini is $47.91 cheaper but misses the 500 ms p95 TTFT SLO"
        + " (p95 TTFT 720 ms).");
    ExcludedCandidate mini = r.excluded().get(0);
    assertThat(mini.name()).isEqualTo("GPT-4o-mini");
    assertThat(mini.reasons()).extracting(ExclusionReason::kind).containsExactly(ExclusionReason.Kind.SLO_MISSED);
    CandidateRow miniRow = r.row("GPT-4o-mini").orElseThrow();
    assertThat(miniRow.feasible()).isFalse();
    assertThat(miniRow.withinBudget()).contains(true);
    assertThat(miniRow.slos()).extracting(SloCheck::status).containsExactly(SloCheck.Status.MISSED);
    assertThat(miniRow.paretoRank()).isEmpty();
    assertThat(r.row("Claude 3 Haiku").orElseThrow().onFront()).isTrue();
  }

  @Test
  void analyze_defaultWeights_coverCostAndEveryFigureAllCandidatesHave() {
    TradeoffReport r = ReferenceScenarios.scenario1().requirements(Requirements.none()).build().analyze();

    RankingSummary ranking = r.ranking().orElseThrow();
    assertThat(ranking.defaultWeights()).isTrue();
    assertThat(ranking.weights()).containsOnlyKeys(Metric.MONTHLY_COST_USD, Metric.P95_TTFT_MS,
        Metric.TOKENS_PER_SECOND, Metric.QUALITY, Metric.ERROR_RATE);
    assertThat(r.notes()).anyMatch(n -> n.startsWith("No weights given: equal weights on monthly cost, p95 TTFT"));
  }

  @Test
  void analyze_weights_contributionsAddUpToTheScoreAndTheWinnerHasMargins() {
    TradeoffReport r = ReferenceScenarios.scenario1().requirements(Requirements.none())
        .weights(Weights.builder().putWeight(Metric.MONTHLY_COST_USD, 3).putWeight(Metric.P95_TTFT_MS, 1)
            .putWeight(Metric.QUALITY, 1).build())
        .build().analyze();

    RankingSummary ranking = r.ranking().orElseThrow();
    // min-max over two candidates: the cheaper gets cost utility 1, the faster/better 1 on TTFT and quality.
    // Weight shares 3/5, 1/5, 1/5: GPT-4o-mini 0.6, Claude 3 Haiku 0.4.
    assertThat(ranking.entries()).extracting(RankedCandidate::name).containsExactly("GPT-4o-mini", "Claude 3 Haiku");
    assertThat(ranking.entries().get(0).score()).isCloseTo(0.6, within(1e-12));
    assertThat(ranking.entries().get(1).score()).isCloseTo(0.4, within(1e-12));
    for (RankedCandidate e : ranking.entries()) {
      double sum = e.contributions().stream().mapToDouble(c -> c.contribution()).sum();
      assertThat(sum).isCloseTo(e.score(), within(1e-12));
    }
    // the cost weight w beats TTFT+quality (1+1) while w > 2: margin 1/3 below the current 3, unbounded above
    var cost = ranking.sensitivity().get(0);
    assertThat(cost.metric()).isEqualTo(Metric.MONTHLY_COST_USD);
    assertThat(cost.lowerLimit()).isCloseTo(2, within(1e-9));
    assertThat(cost.upperLimit()).isEmpty();
    assertThat(cost.winnerBelow()).contains("Claude 3 Haiku");
    assertThat(ranking.mostSensitive().orElseThrow().relativeMargin().getAsDouble()).isCloseTo(1 / 3.0, within(1e-9));
    assertThat(r.recommendation().candidate()).contains("GPT-4o-mini");
    assertThat(r.recommendation().headline()).isEqualTo("GPT-4o-mini: $54.75/month at 1,000 DAU, p95 TTFT 720 ms,"
        + " quality 0.78; next best: Claude 3 Haiku at $102.66/month ($47.91 more).");
  }

  @Test
  void analyze_cheaperFeasibleCandidateLoses_headlineNamesTheCriterionItLosesOn() {
    TradeoffReport r = ReferenceScenarios.scenario1().requirements(Requirements.none())
        .weights(Weights.builder().putWeight(Metric.MONTHLY_COST_USD, 1).putWeight(Metric.QUALITY, 3).build())
        .build().analyze();

    assertThat(r.recommendation().headline()).isEqualTo("Claude 3 Haiku: $102.66/month at 1,000 DAU, p95 TTFT 450 ms,"
        + " quality 0.8; GPT-4o-mini is $47.91 cheaper but scores lower on quality (0.78 vs 0.8).");
  }

  @Test
  void analyze_unpricedModel_excludedWithNearestIdsWhileOthersAreStillRanked() {
    TradeoffReport r = ReferenceScenarios.scenario1()
        .addCandidate(DeploymentCandidate.of("Typo", "openai/gpt-4o-minni")).build().analyze();

    ExcludedCandidate typo = r.excluded().stream().filter(e -> e.name().equals("Typo")).findFirst().orElseThrow();
    assertThat(typo.reasons().get(0).kind()).isEqualTo(ExclusionReason.Kind.NO_PRICE);
    assertThat(typo.reasons().get(0).message())
        .startsWith("has no price: 'openai/gpt-4o-minni' is not in the price catalog (nearest: openai/gpt-4o-mini");
    assertThat(r.row("Typo")).isEmpty();
    assertThat(r.recommendation().candidate()).contains("Claude 3 Haiku");
  }

  @Test
  void analyze_noCandidatePriced_noRecommendationAndSaysWhy() {
    TradeoffReport r = TradeoffAnalyzer.builder().workload(ReferenceScenarios.chatbot())
        .addCandidate(DeploymentCandidate.of("Nothing", "acme/unknown-model")).build().analyze();

    assertThat(r.recommendation().candidate()).isEmpty();
    assertThat(r.recommendation().unmetRequirements()).singleElement().asString()
        .startsWith("no candidate could be priced for this workload (1 excluded: Nothing: has no price");
    assertThat(r.recommendation().headline()).startsWith("No recommendation: no candidate could be priced");
  }

  @Test
  void build_weightOnAMetricNobodyMeasured_throwsNamingTheMetric() {
    TradeoffAnalyzer.Builder b = TradeoffAnalyzer.builder().workload(ReferenceScenarios.chatbot())
        .addCandidate(DeploymentCandidate.of("GPT-4o-mini", "openai/gpt-4o-mini"))
        .weights(Weights.equal(Metric.MONTHLY_COST_USD, Metric.P95_TTFT_MS));

    assertThatThrownBy(b::build).isInstanceOf(TradeoffException.class)
        .hasMessage("weights name p95 TTFT, but no candidate has a p95 TTFT measurement: measure it (tradeoff-metrics),"
            + " supply it, or remove the weight")
        .satisfies(e -> assertThat(((TradeoffException) e).field()).contains("weights.P95_TTFT_MS"));
  }

  @Test
  void analyze_weightOnAMetricOneCandidateLacks_thatCandidateIsExcludedAsNotMeasured() {
    TradeoffReport r = ReferenceScenarios.scenario1().requirements(Requirements.none())
        .addCandidate(DeploymentCandidate.of("GPT-4o", "openai/gpt-4o"))
        .weights(Weights.equal(Metric.MONTHLY_COST_USD, Metric.QUALITY)).build().analyze();

    ExcludedCandidate gpt4o = r.excluded().get(0);
    assertThat(gpt4o.describe()).isEqualTo("GPT-4o: has no quality measurement (a weighted objective)");
  }

  @Test
  void analyze_sloNobodyMeets_reportSaysNoCandidateMeetsWithTheClosest() {
    TradeoffReport r = ReferenceScenarios.scenario1().requirements(Requirements.builder()
        .addSlo(SloTarget.of(Metric.P95_TTFT_MS, 300)).build()).build().analyze();

    assertThat(r.recommendation().candidate()).isEmpty();
    assertThat(r.recommendation().unmetRequirements())
        .containsExactly("no candidate meets: p95 TTFT ≤ 300 ms (closest: Claude 3 Haiku, 450 ms)");
    assertThat(r.recommendation().headline())
        .isEqualTo("No recommendation: no candidate meets: p95 TTFT ≤ 300 ms (closest: Claude 3 Haiku, 450 ms).");
    assertThat(r.ranking()).isEmpty();
    assertThat(r.pareto().front()).isEmpty();
    assertThat(r.toMarkdown()).contains("### No candidate meets\n\n- no candidate meets: p95 TTFT ≤ 300 ms");
  }

  @Test
  void analyze_budgetNobodyMeets_namesTheCheapest() {
    TradeoffReport r = ReferenceScenarios.scenario1().requirements(Requirements.builder()
        .monthlyBudgetUsd(new BigDecimal("10")).build()).build().analyze();

    assertThat(r.recommendation().unmetRequirements())
        .containsExactly("no candidate meets: budget $10.00/month (closest: GPT-4o-mini at $54.75/month)");
    assertThat(r.excluded().get(1).describe()).isEqualTo("Claude 3 Haiku: is over budget ($102.66/month > $10.00)");
  }

  @Test
  void analyze_eachRequirementMetBySomeoneButNoneMeetsAll_saysSoPerCandidate() {
    TradeoffReport r = ReferenceScenarios.scenario1().requirements(Requirements.builder()
        .monthlyBudgetUsd(new BigDecimal("60")).addSlo(SloTarget.of(Metric.P95_TTFT_MS, 500)).build())
        .build().analyze();

    assertThat(r.recommendation().candidate()).isEmpty();
    assertThat(r.recommendation().unmetRequirements()).containsExactly("no single candidate meets every requirement:"
        + " GPT-4o-mini: misses the 500 ms p95 TTFT SLO (p95 TTFT 720 ms); Claude 3 Haiku: is over budget"
        + " ($102.66/month > $60.00)");
  }

  @Test
  void analyze_sloWithoutMeasurement_excludedAsNotMeasured() {
    TradeoffReport r = ReferenceScenarios.scenario1()
        .requirements(Requirements.builder().addSlo(SloTarget.of(Metric.P95_TTFT_MS, 500)).build())
        .addCandidate(DeploymentCandidate.of("GPT-4o", "openai/gpt-4o")).build().analyze();

    assertThat(r.excluded()).filteredOn(e -> e.name().equals("GPT-4o")).singleElement()
        .extracting(ExcludedCandidate::describe)
        .isEqualTo("GPT-4o: has no p95 TTFT measurement (needed for the SLO p95 TTFT ≤ 500 ms)");
    assertThat(r.row("GPT-4o").orElseThrow().slos()).extracting(SloCheck::status)
        .containsExactly(SloCheck.Status.NOT_MEASURED);
  }

  @Test
  void analyze_promptsLongerThanTheContextWindow_excluded() {
    WorkloadProfile longPrompts = WorkloadProfile.builder().from(ReferenceScenarios.chatbot())
        .tokens(TokenProfile.builder().addBucket(TokenBucket.of(1_000, 300, 9)).addBucket(TokenBucket.of(12_000, 300, 1))
            .build()).build();

    TradeoffReport r = TradeoffAnalyzer.builder().workload(longPrompts)
        .addCandidate(ReferenceScenarios.claudeHaiku())
        .addCandidate(DeploymentCandidate.of("Llama 3 70B (Bedrock)", "bedrock/meta.llama3-70b-instruct-v1:0"))
        .build().analyze();

    assertThat(r.excluded()).singleElement().extracting(ExcludedCandidate::describe).isEqualTo(
        "Llama 3 70B (Bedrock): has a 8,192-token context window, below the 12,000 tokens of the workload's largest"
            + " prompt");
  }

  @Test
  void analyze_dataResidencyAndFeatures_checkedCaseInsensitively() {
    TradeoffReport r = TradeoffAnalyzer.builder().workload(ReferenceScenarios.chatbot())
        .addCandidate(ReferenceScenarios.claudeHaiku().withRegions("eu"))
        .addCandidate(ReferenceScenarios.gpt4oMini())
        .addCandidate(DeploymentCandidate.of("Llama 3.3 70B (Groq)", "groq/llama-3.3-70b-versatile").withRegions("EU")
            .withQuality(0.7))
        .requirements(Requirements.builder().dataResidency("EU").addRequiredFeature("Vision").build())
        .build().analyze();

    assertThat(r.excluded()).extracting(ExcludedCandidate::describe).containsExactly(
        "GPT-4o-mini: does not keep data in EU (no regions stated)",
        "Llama 3.3 70B (Groq): lacks Vision");
    assertThat(r.recommendation().candidate()).contains("Claude 3 Haiku");
  }

  @Test
  void analyze_fixedCapacityTooSmallWithoutSpillover_excludedForCapacity() {
    DeploymentCandidate tiny = DeploymentCandidate.of("Tiny PTU", "azure/gpt-4o",
        OfferCatalog.bundled().azurePtu("gpt-4o", AzureDeployment.GLOBAL, Commitment.P1M)
            .withFixedUnits(Map.of("PTU", 15)));

    TradeoffReport r = TradeoffAnalyzer.builder().workload(ReferenceScenarios.steady()).addCandidate(tiny)
        .addCandidate(DeploymentCandidate.of("GPT-4o", "azure/gpt-4o")).build().analyze();

    ExcludedCandidate e = r.excluded().get(0);
    assertThat(e.name()).isEqualTo("Tiny PTU");
    assertThat(e.has(ExclusionReason.Kind.CAPACITY)).isTrue();
    assertThat(e.reasons().get(0).message()).startsWith("cannot serve the demand: ").endsWith(
        " tokens/month unserved (capacity too small, no spillover)");
  }

  /**
   * Regression: 3,752.548853016143 requests/hour of 4,195 in / 171 out on a 650-TPM unit (output weight 3) need
   * 453 units up to floating-point noise. The plan sized 453 units and then excluded itself with "0 tokens/month
   * unserved" ("No recommendation"); sizing and the coverage check now share one relative tolerance.
   */
  @Test
  void analyze_provisionedNeedJustAboveAnIntegerWithinTolerance_notExcluded() {
    dev.tradeoff.pricing.plan.ProvisionedPlan plan = dev.tradeoff.pricing.plan.ProvisionedPlan.builder().name("units")
        .addPool(dev.tradeoff.pricing.plan.CapacityPool.weighted("unit", 650, 3, 1).minimumUnits(1).unitIncrement(1)
            .hourlyPerUnit(BigDecimal.ONE).build())
        .build();
    WorkloadProfile w = WorkloadProfile.builder().name("w").traffic(RequestRate.of(3752.548853016143))
        .tokens(TokenProfile.of(4195, 171)).build();

    TradeoffReport r = TradeoffAnalyzer.builder().workload(w)
        .addCandidate(DeploymentCandidate.of("Provisioned", "azure/gpt-4o", plan)).build().analyze();

    assertThat(r.excluded()).isEmpty();
    assertThat(r.row("Provisioned").orElseThrow().monthlyCostUsd()).isEqualByComparingTo("330690"); // 453 x 730 h
    assertThat(r.recommendation().candidate()).contains("Provisioned");
  }

  @Test
  void analyze_dominatedCandidate_isRankedBelowTheFrontAndNeverRecommended() {
    // the same model and measurements as Claude 3 Haiku at twice the bill: dominated on cost, equal elsewhere
    DeploymentCandidate reseller = ReferenceScenarios.claudeHaiku().withName("Haiku via reseller");
    TradeoffAnalyzer analyzer = ReferenceScenarios.scenario1().addCandidate(reseller).build();

    TradeoffReport r = analyzer.analyze(Scenario.priceChange("Haiku via reseller", 2));

    CandidateRow dominated = r.row("Haiku via reseller").orElseThrow();
    assertThat(dominated.monthlyCostUsd()).isEqualByComparingTo("205.3125");
    assertThat(dominated.paretoRank()).hasValue(1);
    assertThat(dominated.onFront()).isFalse();
    assertThat(r.pareto().front()).containsExactly("Claude 3 Haiku");
    assertThat(r.recommendation().candidate()).contains("Claude 3 Haiku");
  }

  @Test
  void analyze_scenario2_ptuAndSelfHostedCostsMatchTheHandComputation() {
    TradeoffReport r = TradeoffAnalyzer.builder().workload(ReferenceScenarios.steady())
        .addCandidate(ReferenceScenarios.azurePtu()).addCandidate(ReferenceScenarios.selfHostedLlama())
        .tco(TcoSettings.builder().years(3).incumbent("Azure PTU").build())
        .build().analyze();

    // PTU: 40 reserved units x $260 = $10,400
    assertThat(r.row("Azure PTU").orElseThrow().monthlyCostUsd()).isEqualByComparingTo("10400");
    // Self-hosted: 50,000 tokens/min x 300/1,800 output / 60 s = 138.9 output tokens/s; at 100 per instance and
    // 80% target utilization: ceil(1.736) = 2 instances x $7.09 x 730 h = $10,351.40, + 20 h x $120 = $12,751.40
    CandidateRow llama = r.row("Self-hosted Llama 3 70B").orElseThrow();
    assertThat(llama.monthlyCostUsd()).isEqualByComparingTo("12751.40");
    assertThat(llama.peakUnits()).isEqualTo(2);
    // 3 years, no growth or price decline: 36 x monthly (+ the $40,000 migration)
    TcoLine ptu = r.tco().get(0);
    TcoLine self = r.tco().get(1);
    assertThat(ptu.result().months()).hasSize(36);
    assertThat(ptu.result().total()).isEqualByComparingTo("374400");
    assertThat(self.result().total()).isEqualByComparingTo(new BigDecimal("12751.40").multiply(BigDecimal.valueOf(36))
        .add(new BigDecimal("40000")));
    assertThat(self.breakEvenMonth()).isEmpty();
    assertThat(ptu.breakEvenMonth()).isEmpty();
    assertThat(r.breakEvens()).isEmpty();                 // different models: no plan break-even
    assertThat(r.recommendation().candidate()).contains("Azure PTU");
    assertThat(r.recommendation().details()).anyMatch(d -> d.startsWith("Over 36 months, Azure PTU has the lowest"
        + " net present cost ($374,400.00, $374,400.00 nominal)"));
  }

  @Test
  void analyze_paygAndPtuOfTheSameModel_breakEvenWhereCostsMeet() {
    // GPT-4o on Azure: $2.50 in / $10 out per 1M; 1,500 in + 300 out per request -> $3.75 per 1M tokens, so a flat
    // T tokens/min costs T x 60 x 730 x 3.75e-6 = 0.16425 T a month. 15 PTUs (the minimum, $3,900 a month) carry
    // 15 x 2,500 / (2,400 weighted / 1,800) = 28,125 tokens/min; the first break-even is 3,900 / 0.16425.
    DeploymentCandidate payg = DeploymentCandidate.of("GPT-4o PAYG", "azure/gpt-4o");
    DeploymentCandidate ptu = DeploymentCandidate.of("GPT-4o PTU", "azure/gpt-4o",
        OfferCatalog.bundled().azurePtu("gpt-4o", AzureDeployment.GLOBAL, Commitment.P1M));
    WorkloadProfile w = WorkloadProfile.builder().traffic(RequestRate.of(20_000 * 60 / 1_800.0))
        .tokens(TokenProfile.of(1_500, 300)).build();

    TradeoffReport r = TradeoffAnalyzer.builder().workload(w).addCandidate(payg).addCandidate(ptu)
        .breakEvenHeadroom(0).build().analyze();

    var line = r.breakEvens().get(0);
    assertThat(line.model()).isEqualTo("azure/gpt-4o");
    assertThat(line.headroom()).isZero();
    BreakEvenPoint first = line.crossings().get(0);
    assertThat(first.averageTokensPerMinute()).isCloseTo(3_900 / 0.16425, within(1e-6 * 3_900 / 0.16425));
    // checked independently: both plans cost the same at the sustained crossing, unless it is a capacity step
    BreakEvenPoint last = line.sustained().orElseThrow();
    DemandCurve at = w.demandCurve().withAverage(last.averageTokensPerMinute());
    PricingPlan ptuPlan = ptu.plan().orElseThrow().withHeadroom(0);
    BigDecimal a = PayAsYouGoPlan.of(PriceCatalog.bundled().resolve("azure/gpt-4o")).monthlyCost(at).monthlyTotal();
    BigDecimal b = ptuPlan.monthlyCost(at).monthlyTotal();
    assertThat(last.jump() || a.subtract(b).abs().doubleValue() <= 1e-4 * a.doubleValue()).isTrue();
    assertThat(line.description()).contains("today, at 20,000 tokens/min, GPT-4o PAYG is cheaper by $615.00/month");
  }

  @Test
  void whatIf_doubleTraffic_doublesEveryPayAsYouGoBill() {
    WhatIfReport w = ReferenceScenarios.scenario1().build().whatIf(List.of(Scenario.trafficTimes(2)));

    TradeoffReport doubled = w.scenarios().get(0);
    assertThat(doubled.row("GPT-4o-mini").orElseThrow().monthlyCostUsd()).isEqualByComparingTo("109.5");
    assertThat(doubled.row("Claude 3 Haiku").orElseThrow().monthlyCostUsd()).isEqualByComparingTo("205.3125");
    assertThat(doubled.workload().traffic()).isEqualTo("2,000 DAU");
    assertThat(w.summary()).containsExactly("2× traffic: still Claude 3 Haiku, $205.31/month (+$102.66 vs today)");
  }

  @Test
  void whatIf_priceCut_changesTheWinner() {
    TradeoffAnalyzer a = ReferenceScenarios.scenario1().requirements(Requirements.none())
        .weights(Weights.equal(Metric.MONTHLY_COST_USD)).build();

    WhatIfReport w = a.whatIf(List.of(Scenario.priceChange("Claude 3 Haiku", 0.4)));

    assertThat(w.base().recommendation().candidate()).contains("GPT-4o-mini");
    // 102.65625 x 0.4 = 41.0625 < 54.75
    assertThat(w.scenarios().get(0).row("Claude 3 Haiku").orElseThrow().monthlyCostUsd())
        .isEqualByComparingTo("41.0625");
    assertThat(w.summary()).containsExactly(
        "Claude 3 Haiku price ×0.4: now Claude 3 Haiku (was GPT-4o-mini), $41.06/month (-$13.69 vs today)");
    assertThat(w.scenarios().get(0).notes()).anyMatch(n -> n.startsWith("Scenario price factors change"));
  }

  @Test
  void analyze_newImageFeature_addsInputTokensAndExcludesModelsWithoutVision() {
    TradeoffAnalyzer a = ReferenceScenarios.scenario1().requirements(Requirements.none())
        .addCandidate(DeploymentCandidate.of("Llama 3.3 70B (Groq)", "groq/llama-3.3-70b-versatile")
            .withMeasurements(Measurements.builder().p50TtftMs(200).p95TtftMs(350).tokensPerSecond(250)
                .errorRate(0.01).build()).withQuality(0.7))
        .build();

    TradeoffReport r = a.analyze(Scenario.newFeature("image input", "vision", 765));

    // input: 152,083.33 x (1,200 + 765) tokens x $0.15 per 1M = $44.8265625, rounded half-even to 6 places as every
    // cost item is: 44.826562; output unchanged 27.375 -> 72.201562
    assertThat(r.row("GPT-4o-mini").orElseThrow().monthlyCostUsd()).isEqualByComparingTo("72.201562");
    assertThat(r.excluded()).extracting(ExcludedCandidate::describe)
        .containsExactly("Llama 3.3 70B (Groq): lacks vision");
    assertThat(r.scenario().orElseThrow().describe()).isEqualTo("+765 input / +0 output tokens per request;"
        + " requires vision");
  }

  @Test
  void analyze_afterTwelveMonthsOfFiftyPercentGrowth_trafficTimesOnePointFive() {
    TradeoffAnalyzer a = ReferenceScenarios.scenario1().workload(WorkloadProfile.builder()
        .from(ReferenceScenarios.chatbot()).growthPerYear(0.5).build()).build();

    TradeoffReport r = a.analyze(Scenario.afterMonths(12));

    assertThat(r.row("GPT-4o-mini").orElseThrow().monthlyCostUsd()).isEqualByComparingTo("82.125");
  }

  @Test
  void scenario_zeroOrNegativeTraffic_throws() {
    assertThatThrownBy(() -> Scenario.trafficTimes(0)).isInstanceOf(TradeoffException.class)
        .hasMessage("trafficFactor must be > 0 and finite (zero traffic is no workload), but was 0.0");
    assertThatThrownBy(() -> Scenario.trafficTimes(-2)).isInstanceOf(TradeoffException.class)
        .hasMessageContaining("trafficFactor must be > 0");
  }

  @Test
  void analyze_scenarioNamingAnUnknownCandidate_throws() {
    TradeoffAnalyzer a = ReferenceScenarios.scenario1().build();

    assertThatThrownBy(() -> a.analyze(Scenario.priceChange("Claude 4", 0.5)))
        .isInstanceOf(TradeoffException.class)
        .hasMessage("scenario.priceFactors must be keyed by candidate names [GPT-4o-mini, Claude 3 Haiku],"
            + " but was \"Claude 4\"");
  }

  @Test
  void build_duplicateNamesOrNoWorkload_throw() {
    assertThatThrownBy(() -> ReferenceScenarios.scenario1().addCandidate(ReferenceScenarios.gpt4oMini()).build())
        .isInstanceOf(TradeoffException.class).hasMessage("candidates.name must be unique, but was \"GPT-4o-mini\" twice");
    assertThatThrownBy(() -> TradeoffAnalyzer.builder().addCandidate(ReferenceScenarios.gpt4oMini()).build())
        .isInstanceOf(TradeoffException.class).hasMessageStartingWith("workload must be set");
    assertThatThrownBy(() -> TradeoffAnalyzer.builder().workload(ReferenceScenarios.chatbot()).build())
        .isInstanceOf(TradeoffException.class).hasMessage("candidates must be at least one candidate, but was empty");
  }

  @Test
  void analyze_fromManyThreads_givesEqualReports() throws Exception {
    TradeoffAnalyzer a = ReferenceScenarios.scenario1().build();
    TradeoffReport expected = a.analyze();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<TradeoffReport>> futures = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        futures.add(pool.submit((java.util.concurrent.Callable<TradeoffReport>) a::analyze));
      }
      for (Future<TradeoffReport> f : futures) {
        assertThat(f.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
