package dev.tradeoff.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeoff.api.report.TradeoffReport;
import dev.tradeoff.api.workload.DailyUsers;
import dev.tradeoff.api.workload.TokenProfile;
import dev.tradeoff.api.workload.WorkloadProfile;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The README's quickstart, verbatim between the markers: a first report in about 15 lines. */
final class QuickstartTest {

  @Test
  void quickstart_chatbotTwoModels_recommendsTheOneMeetingTheTtftSlo() {
    // --- quickstart ---
    WorkloadProfile chatbot = WorkloadProfile.builder()
        .traffic(DailyUsers.of(1_000, 1, 5))          // 1,000 DAU, one 5-turn conversation a day
        .tokens(TokenProfile.of(1_200, 300))          // per request: 1,200 tokens in, 300 out
        .build();
    TradeoffReport report = TradeoffAnalyzer.builder()
        .workload(chatbot)
        .addCandidate(DeploymentCandidate.of("GPT-4o-mini", "openai/gpt-4o-mini")
            .withMeasurements(Measurements.builder().p50TtftMs(380).p95TtftMs(720).build()))
        .addCandidate(DeploymentCandidate.of("Claude 3 Haiku", "anthropic/claude-3-haiku")
            .withMeasurements(Measurements.builder().p50TtftMs(310).p95TtftMs(450).build()))
        .requirements(Requirements.builder().monthlyBudgetUsd(new BigDecimal("500"))
            .addSlo(SloTarget.of(Metric.P95_TTFT_MS, 500)).build())
        .build()
        .analyze();
    System.out.println(report.toMarkdown());
    // --- end ---

    assertThat(report.recommendation().candidate()).contains("Claude 3 Haiku");
    assertThat(report.recommendation().headline()).isEqualTo(
        "Claude 3 Haiku: $102.66/month at 1,000 DAU, 79% under budget, p95 TTFT 450 ms; "
            + "GPT-4o-mini is $47.91 cheaper but misses the 500 ms p95 TTFT SLO (p95 TTFT 720 ms).");
  }
}
