package dev.tradeoff.api.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradeoff.api.AnalysisInput;
import dev.tradeoff.api.DeploymentCandidate;
import dev.tradeoff.api.Measurements;
import dev.tradeoff.api.Metric;
import dev.tradeoff.api.Requirements;
import dev.tradeoff.api.Scenario;
import dev.tradeoff.api.SloTarget;
import dev.tradeoff.api.TcoSettings;
import dev.tradeoff.api.TradeoffAnalyzer;
import dev.tradeoff.api.TradeoffException;
import dev.tradeoff.api.Weights;
import dev.tradeoff.api.workload.DailyUsers;
import dev.tradeoff.api.workload.HourlyRequests;
import dev.tradeoff.api.workload.RequestRate;
import dev.tradeoff.api.workload.TokenBucket;
import dev.tradeoff.api.workload.TokenProfile;
import dev.tradeoff.api.workload.WeeklyShape;
import dev.tradeoff.api.workload.WorkloadProfile;
import dev.tradeoff.api.workload.WorkloadStats;
import dev.tradeoff.pricing.PriceCatalog;
import dev.tradeoff.pricing.plan.ProvisionedPlan;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Inputs and report parts against literal JSON documents: read, compare with the built value, write back alike. */
final class ReportJsonTest {

  private static <T> T roundTrip(String json, Class<T> type, T expected) {
    T read = ReportJson.fromJson(json, type);
    assertThat(read).isEqualTo(expected);
    assertThat(ReportJson.toJson(read)).isEqualTo(json);
    return read;
  }

  @Test
  void workloadProfile_dailyUsersLiteral_roundTrips() {
    String json = "{\"name\":\"chat\",\"traffic\":{\"type\":\"DAILY_USERS\",\"dailyActiveUsers\":1000.0,"
        + "\"conversationsPerUserPerDay\":1.0,\"turnsPerConversation\":5.0,\"burstFactor\":1.5},"
        + "\"tokens\":{\"buckets\":[{\"inputTokens\":1200.0,\"outputTokens\":300.0,\"weight\":1.0}],"
        + "\"cachedShare\":0.25,\"cacheWriteShare\":0.0,\"reasoningShare\":0.0},\"growthPerYear\":0.5}";

    roundTrip(json, WorkloadProfile.class, WorkloadProfile.builder().name("chat")
        .traffic(DailyUsers.of(1_000, 1, 5).withBurstFactor(1.5))
        .tokens(TokenProfile.builder().from(TokenProfile.of(1_200, 300)).cachedShare(0.25).build())
        .growthPerYear(0.5).build());
  }

  @Test
  void workloadProfile_requestRateWithShapeLiteral_roundTrips() {
    String weights = IntStream.range(0, 168).mapToObj(h -> h % 24 >= 9 && h % 24 < 17 ? "4.0" : "1.0")
        .collect(Collectors.joining(","));
    String json = "{\"name\":\"api\",\"traffic\":{\"type\":\"REQUEST_RATE\",\"requestsPerHour\":2000.0,"
        + "\"shape\":{\"weights\":[" + weights + "]},\"burstFactor\":1.0,\"requestsPerConversation\":4.0},"
        + "\"tokens\":{\"buckets\":[{\"inputTokens\":800.0,\"outputTokens\":200.0,\"weight\":0.7},"
        + "{\"inputTokens\":6000.0,\"outputTokens\":500.0,\"weight\":0.3}],\"cachedShare\":0.0,"
        + "\"cacheWriteShare\":0.0,\"reasoningShare\":0.1},\"growthPerYear\":0.0}";
    double[] day = new double[24];
    Arrays.fill(day, 1);
    Arrays.fill(day, 9, 17, 4);

    roundTrip(json, WorkloadProfile.class, WorkloadProfile.builder().name("api")
        .traffic(RequestRate.of(2_000).withShape(WeeklyShape.daily(day, 1)).withRequestsPerConversation(4))
        .tokens(TokenProfile.builder().addBucket(TokenBucket.of(800, 200, 0.7)).addBucket(TokenBucket.of(6_000, 500, 0.3))
            .reasoningShare(0.1).build())
        .build());
  }

  @Test
  void workloadProfile_hourlyLiteral_roundTrips() {
    double[] week = new double[168];
    Arrays.fill(week, 10);
    week[100] = 250;
    String values = Arrays.stream(week).mapToObj(Double::toString).collect(Collectors.joining(","));
    String json = "{\"name\":\"recorded traffic\",\"traffic\":{\"type\":\"HOURLY\",\"requestsPerHour\":[" + values
        + "],\"burstFactor\":2.5,\"source\":\"recorded: 1,930 requests\"},\"tokens\":{\"buckets\":[{\"inputTokens\":"
        + "100.0,\"outputTokens\":20.0,\"weight\":1930.0}],\"cachedShare\":0.0,\"cacheWriteShare\":0.0,"
        + "\"reasoningShare\":0.0},\"growthPerYear\":0.0}";

    WorkloadProfile read = roundTrip(json, WorkloadProfile.class, WorkloadProfile.builder().name("recorded traffic")
        .traffic(HourlyRequests.of(week).withBurstFactor(2.5).withSource("recorded: 1,930 requests"))
        .tokens(TokenProfile.builder().addBucket(TokenBucket.of(100, 20, 1_930)).build()).build());
    assertThat(read.stats().pattern().name()).isEqualTo("BURSTY");
  }

  @Test
  void candidate_withProvisionedPlanLiteral_roundTripsWithThePlanTypeDiscriminator() {
    String plan = "{\"type\":\"PROVISIONED\",\"name\":\"gpt-4o PTU\",\"pools\":[{\"name\":\"PTU\","
        + "\"tokensPerMinutePerUnit\":2500.0,\"weights\":{\"INPUT\":1.0,\"OUTPUT\":3.0},\"minimumUnits\":15,"
        + "\"unitIncrement\":5,\"hourlyPerUnit\":1,\"reservedPerUnitMonth\":260}],\"billing\":\"RESERVED\","
        + "\"reservationTermMonths\":1,\"scaling\":\"FIXED\",\"headroom\":0.2}";
    String json = "{\"name\":\"GPT-4o PTU\",\"model\":\"azure/gpt-4o\",\"plan\":" + plan + ",\"measurements\":{"
        + "\"p50TtftMs\":420.0,\"p95TtftMs\":800.0,\"requests\":200,\"source\":\"load run 2026-11-20\"},"
        + "\"quality\":0.86,\"contextWindowTokens\":128000,\"regions\":[\"EU\",\"US\"],\"features\":[\"vision\"],"
        + "\"oneTimeCostUsd\":15000}";

    DeploymentCandidate read = ReportJson.fromJson(json, DeploymentCandidate.class);

    assertThat(read.plan().orElseThrow()).isInstanceOf(ProvisionedPlan.class);
    assertThat(read.measurements()).isEqualTo(Measurements.builder().p50TtftMs(420).p95TtftMs(800).requests(200)
        .source("load run 2026-11-20").build());
    assertThat(read.oneTimeCostUsd()).isEqualByComparingTo("15000");
    assertThat(read.regions()).containsExactly("EU", "US");
    assertThat(ReportJson.toJson(read)).isEqualTo(json);
  }

  @Test
  void requirementsWeightsScenarioTco_literals_roundTrip() {
    roundTrip("{\"monthlyBudgetUsd\":500,\"slos\":[{\"metric\":\"P95_TTFT_MS\",\"limit\":500.0},"
        + "{\"metric\":\"TOKENS_PER_SECOND\",\"limit\":40.0}],\"dataResidency\":\"EU\",\"requiredFeatures\":"
        + "[\"vision\"],\"minContextWindowTokens\":32000}", Requirements.class,
        Requirements.builder().monthlyBudgetUsd(new BigDecimal("500")).addSlo(SloTarget.of(Metric.P95_TTFT_MS, 500))
            .addSlo(SloTarget.of(Metric.TOKENS_PER_SECOND, 40)).dataResidency("EU").addRequiredFeature("vision")
            .minContextWindowTokens(32_000).build());
    roundTrip("{\"weights\":{\"MONTHLY_COST_USD\":1.0,\"P95_TTFT_MS\":1.0,\"QUALITY\":2.0}}", Weights.class,
        Weights.builder().putWeight(Metric.MONTHLY_COST_USD, 1).putWeight(Metric.P95_TTFT_MS, 1)
            .putWeight(Metric.QUALITY, 2).build());
    roundTrip("{\"name\":\"GPT-4o-mini price ×0.8\",\"trafficFactor\":1.0,\"monthsOfGrowth\":0,"
        + "\"extraInputTokensPerRequest\":0.0,\"extraOutputTokensPerRequest\":0.0,\"priceFactors\":{\"GPT-4o-mini\":0.8}}",
        Scenario.class, Scenario.priceChange("GPT-4o-mini", 0.8));
    roundTrip("{\"name\":\"image input\",\"trafficFactor\":1.0,\"monthsOfGrowth\":0,\"extraInputTokensPerRequest\":765.0,"
        + "\"extraOutputTokensPerRequest\":0.0,\"requiredFeatures\":[\"vision\"]}", Scenario.class,
        Scenario.newFeature("image input", "vision", 765));
    roundTrip("{\"years\":3,\"priceDeclinePerYear\":0.2,\"discountRatePerYear\":0.08,\"incumbent\":\"Azure PTU\"}",
        TcoSettings.class, TcoSettings.builder().priceDeclinePerYear(0.2).discountRatePerYear(0.08)
            .incumbent("Azure PTU").build());
  }

  @Test
  void analysisInput_literal_readsAndAnalyzesToTheHandComputedCost() {
    String json = "{\"workload\":{\"name\":\"chat\",\"traffic\":{\"type\":\"DAILY_USERS\",\"dailyActiveUsers\":1000.0,"
        + "\"conversationsPerUserPerDay\":1.0,\"turnsPerConversation\":5.0,\"burstFactor\":1.0},\"tokens\":{\"buckets\":"
        + "[{\"inputTokens\":1200.0,\"outputTokens\":300.0,\"weight\":1.0}],\"cachedShare\":0.0,\"cacheWriteShare\":0.0,"
        + "\"reasoningShare\":0.0},\"growthPerYear\":0.0},\"candidates\":[{\"name\":\"GPT-4o-mini\",\"model\":"
        + "\"openai/gpt-4o-mini\",\"measurements\":{\"p95TtftMs\":720.0},\"oneTimeCostUsd\":0}],\"requirements\":"
        + "{\"monthlyBudgetUsd\":500},\"breakEvenHeadroom\":0.3}";

    AnalysisInput input = ReportJson.fromJson(json, AnalysisInput.class);

    assertThat(ReportJson.toJson(input)).isEqualTo(json);
    TradeoffReport report = TradeoffAnalyzer.of(input, PriceCatalog.bundled()).analyze();
    assertThat(report.row("GPT-4o-mini").orElseThrow().monthlyCostUsd()).isEqualByComparingTo("54.75");
    assertThat(report.input()).isEqualTo(input);
  }

  @Test
  void reportParts_literals_roundTrip() {
    roundTrip("{\"name\":\"GPT-4o-mini\",\"reasons\":[{\"kind\":\"SLO_MISSED\",\"message\":\"misses the 500 ms p95 TTFT"
        + " SLO (p95 TTFT 720 ms)\"}]}", ExcludedCandidate.class, ExcludedCandidate.builder().name("GPT-4o-mini")
        .addReason(ExclusionReason.of(ExclusionReason.Kind.SLO_MISSED, "misses the 500 ms p95 TTFT SLO (p95 TTFT 720 ms)"))
        .build());
    roundTrip("{\"headline\":\"No recommendation: no candidate meets: budget $10.00/month.\",\"details\":[],"
        .replace("\"details\":[],", "") + "\"unmetRequirements\":[\"no candidate meets: budget $10.00/month\"]}",
        Recommendation.class, Recommendation.builder()
            .headline("No recommendation: no candidate meets: budget $10.00/month.")
            .addUnmetRequirement("no candidate meets: budget $10.00/month").build());
    roundTrip("{\"traffic\":\"1,000 DAU\",\"requestsPerMonth\":152083.0,\"conversationsPerMonth\":30417.0,"
        + "\"tokensPerMonth\":2.28125E8,\"meanInputTokens\":1200.0,\"meanOutputTokens\":300.0,\"maxInputTokens\":1200.0,"
        + "\"meanTokensPerMinute\":5208.0,\"peakHourTokensPerMinute\":8333.0,\"burstFactor\":1.2,"
        + "\"peakTokensPerMinute\":10000.0,\"peakToAverage\":1.92,\"coefficientOfVariation\":0.42,"
        + "\"pattern\":\"DIURNAL\",\"growthPerYear\":0.5}", WorkloadStats.class, WorkloadStats.builder()
        .traffic("1,000 DAU").requestsPerMonth(152_083).conversationsPerMonth(30_417).tokensPerMonth(228_125_000)
        .meanInputTokens(1_200).meanOutputTokens(300).maxInputTokens(1_200).meanTokensPerMinute(5_208)
        .peakHourTokensPerMinute(8_333).burstFactor(1.2).peakTokensPerMinute(10_000).peakToAverage(1.92)
        .coefficientOfVariation(0.42).pattern(dev.tradeoff.api.workload.TrafficPattern.DIURNAL).growthPerYear(0.5)
        .build());
  }

  @Test
  void candidateRow_literalWithExactDecimals_keepsEveryDigit() {
    String json = "{\"name\":\"Claude 3 Haiku\",\"model\":\"anthropic/claude-3-haiku\",\"provider\":\"anthropic\","
        + "\"planName\":\"anthropic/claude-3-haiku-20240307\",\"planKind\":\"PAY_AS_YOU_GO\",\"monthlyCostUsd\":102.656250,"
        + "\"costPerRequestUsd\":0.00067500,\"costPerConversationUsd\":0.003375,\"costPerMillionTokensUsd\":0.450000,"
        + "\"costItems\":[{\"name\":\"input tokens\",\"amount\":45.625000},{\"name\":\"output tokens\",\"amount\":"
        + "57.031250}],\"utilization\":1.0,\"peakUnits\":0,\"p95TtftMs\":450.0,\"withinBudget\":true,\"slos\":[{"
        + "\"target\":{\"metric\":\"P95_TTFT_MS\",\"limit\":500.0},\"value\":450.0,\"status\":\"MET\"}],\"feasible\":true,"
        + "\"paretoRank\":0,\"onFront\":true,\"knee\":false,\"score\":1.0,\"position\":0}";

    CandidateRow row = ReportJson.fromJson(json, CandidateRow.class);

    assertThat(row.monthlyCostUsd()).isEqualTo(new BigDecimal("102.656250"));
    assertThat(row.costPerRequestUsd().scale()).isEqualTo(8);
    assertThat(row.withinBudget()).contains(true);
    assertThat(ReportJson.toJson(row)).isEqualTo(json);
  }

  @Test
  void report_fullAnalysisWithRankingBreakEvenAndTco_writeReadEqualAndStable() {
    TradeoffAnalyzer a = TradeoffAnalyzer.builder()
        .workload(WorkloadProfile.builder().traffic(RequestRate.of(20_000 * 60 / 1_800.0))
            .tokens(TokenProfile.of(1_500, 300)).growthPerYear(0.3).build())
        .addCandidate(DeploymentCandidate.of("GPT-4o PAYG", "azure/gpt-4o")
            .withMeasurements(Measurements.builder().p95TtftMs(700).build()).withQuality(0.9))
        .addCandidate(DeploymentCandidate.of("GPT-4o-mini", "openai/gpt-4o-mini")
            .withMeasurements(Measurements.builder().p95TtftMs(650).build()).withQuality(0.8))
        .addCandidate(DeploymentCandidate.of("Unknown", "acme/nothing"))
        .weights(Weights.equal(Metric.MONTHLY_COST_USD, Metric.P95_TTFT_MS, Metric.QUALITY))
        .tco(TcoSettings.builder().years(2).priceDeclinePerYear(0.2).discountRatePerYear(0.05)
            .incumbent("GPT-4o PAYG").build())
        .build();
    TradeoffReport report = a.analyze(Scenario.trafficTimes(1.5));

    String json = ReportJson.toJson(report);
    TradeoffReport back = ReportJson.fromJson(json, TradeoffReport.class);

    assertThat(back).isEqualTo(report);
    assertThat(ReportJson.toJson(back)).isEqualTo(json);
    assertThat(json).doesNotContain("NaN").doesNotContain("Infinity");
    assertThat(back.tco()).hasSize(2);
    assertThat(back.ranking().orElseThrow().entries()).hasSize(2);
  }

  @Test
  void whatIfReport_writeRead_equal() {
    WhatIfReport w = TradeoffAnalyzer.builder().workload(WorkloadProfile.builder()
            .traffic(DailyUsers.of(1_000, 1, 5)).tokens(TokenProfile.of(1_200, 300)).build())
        .addCandidate(DeploymentCandidate.of("GPT-4o-mini", "openai/gpt-4o-mini"))
        .build().whatIf(List.of(Scenario.trafficTimes(2), Scenario.afterMonths(6)));

    assertThat(ReportJson.fromJson(ReportJson.toJson(w), WhatIfReport.class)).isEqualTo(w);
  }

  @Test
  void fromJson_invalidValue_throwsWithTheCheckMessage() {
    assertThatThrownBy(() -> ReportJson.fromJson("{\"type\":\"DAILY_USERS\",\"dailyActiveUsers\":-5.0}",
        dev.tradeoff.api.workload.Traffic.class))
        .isInstanceOf(TradeoffException.class)
        .hasMessageContaining("dailyActiveUsers must be > 0 and finite (a workload needs traffic), but was -5.0");
  }

  @Test
  void fromJson_unknownTrafficType_throwsNamingIt() {
    assertThatThrownBy(() -> ReportJson.fromJson("{\"type\":\"WEEKLY\",\"requestsPerHour\":5.0}",
        dev.tradeoff.api.workload.Traffic.class))
        .isInstanceOf(TradeoffException.class)
        .hasMessageContaining("cannot read Traffic").hasMessageContaining("WEEKLY");
  }
}
