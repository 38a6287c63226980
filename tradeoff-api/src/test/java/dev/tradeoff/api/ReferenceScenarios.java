package dev.tradeoff.api;

import dev.tradeoff.api.workload.DailyUsers;
import dev.tradeoff.api.workload.RequestRate;
import dev.tradeoff.api.workload.TokenProfile;
import dev.tradeoff.api.workload.WorkloadProfile;
import dev.tradeoff.pricing.catalog.AzureDeployment;
import dev.tradeoff.pricing.catalog.OfferCatalog;
import dev.tradeoff.pricing.plan.Commitment;
import dev.tradeoff.pricing.plan.ProvisionedPlan;
import dev.tradeoff.pricing.plan.SelfHostedPlan;
import java.math.BigDecimal;

/** The reference scenarios of the examples issue, with the numbers the tests state. */
final class ReferenceScenarios {

  private ReferenceScenarios() {}

  /** Scenario 1: 1,000 DAU, one 5-turn conversation a day, 1,200 input and 300 output tokens per request. */
  static WorkloadProfile chatbot() {
    return WorkloadProfile.builder().name("support chatbot")
        .traffic(DailyUsers.of(1_000, 1, 5))
        .tokens(TokenProfile.of(1_200, 300))
        .build();
  }

  static ImmutableDeploymentCandidate gpt4oMini() {
    return DeploymentCandidate.of("GPT-4o-mini", "openai/gpt-4o-mini")
        .withMeasurements(Measurements.builder().p50TtftMs(380).p95TtftMs(720).tokensPerSecond(85).errorRate(0.002)
            .source("supplied").build())
        .withQuality(0.78);
  }

  static ImmutableDeploymentCandidate claudeHaiku() {
    return DeploymentCandidate.of("Claude 3 Haiku", "anthropic/claude-3-haiku")
        .withMeasurements(Measurements.builder().p50TtftMs(310).p95TtftMs(450).tokensPerSecond(120).errorRate(0.001)
            .source("supplied").build())
        .withQuality(0.80);
  }

  /** $500 budget, p95 TTFT at most 500 ms. */
  static Requirements chatbotRequirements() {
    return Requirements.builder().monthlyBudgetUsd(new BigDecimal("500"))
        .addSlo(SloTarget.of(Metric.P95_TTFT_MS, 500)).build();
  }

  static TradeoffAnalyzer.Builder scenario1() {
    return TradeoffAnalyzer.builder().workload(chatbot()).addCandidate(gpt4oMini()).addCandidate(claudeHaiku())
        .requirements(chatbotRequirements());
  }

  /** Scenario 2's demand: a steady 50,000 tokens/min (1,666.67 requests/hour of 1,500 in / 300 out). */
  static WorkloadProfile steady() {
    return WorkloadProfile.builder().name("steady 24/7")
        .traffic(RequestRate.of(50_000 * 60 / 1_800.0))
        .tokens(TokenProfile.of(1_500, 300))
        .build();
  }

  /** Azure PTU, GPT-4o global, one-month reservation of 40 PTUs: 40 x $260 = $10,400 a month. */
  static ImmutableDeploymentCandidate azurePtu() {
    ProvisionedPlan ptu = OfferCatalog.bundled().azurePtu("gpt-4o", AzureDeployment.GLOBAL, Commitment.P1M)
        .withFixedUnits(java.util.Map.of("PTU", 40));
    return DeploymentCandidate.of("Azure PTU", "azure/gpt-4o", ptu)
        .withMeasurements(Measurements.builder().p50TtftMs(420).p95TtftMs(800).tokensPerSecond(60).build());
  }

  /**
   * Self-hosted Llama 3 70B on ml.g5.12xlarge ($7.09/h) at a stated 100 output tokens/s per instance, target
   * utilization 0.8, 20 engineering hours at $120, $40,000 to migrate.
   */
  static ImmutableDeploymentCandidate selfHostedLlama() {
    SelfHostedPlan plan = SelfHostedPlan.builder()
        .name("Llama 3 70B on ml.g5.12xlarge")
        .instance(OfferCatalog.bundled().gpuInstance("aws-sagemaker/ml.g5.12xlarge"))
        .outputTokensPerSecondPerReplica(100)
        .targetUtilization(0.8)
        .engineeringHoursPerMonth(20)
        .engineeringHourlyRate(new BigDecimal("120"))
        .build();
    return DeploymentCandidate.builder().name("Self-hosted Llama 3 70B").model("meta/llama-3-70b").plan(plan)
        .measurements(Measurements.builder().p50TtftMs(600).p95TtftMs(1_100).tokensPerSecond(25).build())
        .oneTimeCostUsd(new BigDecimal("40000"))
        .build();
  }
}
