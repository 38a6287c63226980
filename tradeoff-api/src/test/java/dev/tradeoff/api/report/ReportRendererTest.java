package dev.tradeoff.api.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeoff.api.DeploymentCandidate;
import dev.tradeoff.api.Measurements;
import dev.tradeoff.api.Metric;
import dev.tradeoff.api.Requirements;
import dev.tradeoff.api.SloTarget;
import dev.tradeoff.api.TradeoffAnalyzer;
import dev.tradeoff.api.workload.DailyUsers;
import dev.tradeoff.api.workload.TokenProfile;
import dev.tradeoff.api.workload.WorkloadProfile;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

final class ReportRendererTest {

  private static TradeoffReport report(int sloMs) {
    return TradeoffAnalyzer.builder()
        .workload(WorkloadProfile.builder().name("support chatbot").traffic(DailyUsers.of(1_000, 1, 5))
            .tokens(TokenProfile.of(1_200, 300)).build())
        .addCandidate(DeploymentCandidate.of("GPT-4o-mini", "openai/gpt-4o-mini")
            .withMeasurements(Measurements.builder().p50TtftMs(380).p95TtftMs(720).build()))
        .addCandidate(DeploymentCandidate.of("Claude 3 Haiku", "anthropic/claude-3-haiku")
            .withMeasurements(Measurements.builder().p50TtftMs(310).p95TtftMs(450).build()))
        .requirements(Requirements.builder().monthlyBudgetUsd(new BigDecimal("500"))
            .addSlo(SloTarget.of(Metric.P95_TTFT_MS, sloMs)).build())
        .build().analyze();
  }

  @Test
  void markdown_table_hasAHeaderAndOneRowPerPricedCandidateWithExactPerRequestCost() {
    String md = ReportRenderer.markdown(report(500));

    assertThat(md).startsWith("## Tradeoff report: support chatbot\n\n**Recommendation.** Claude 3 Haiku: $102.66/month");
    assertThat(md).contains("| Candidate | Plan | $/month | $/request | $/conversation | $/1M tokens | p50 TTFT |");
    assertThat(md).contains("| GPT-4o-mini | openai/gpt-4o-mini | $54.75 | $0.00036000 | $0.0018 | $0.24 | 380 ms"
        + " | 720 ms | — | — | — | ✓ | p95 TTFT ≤ 500 ms ✗ | excluded | — |");
    assertThat(md).contains("| Claude 3 Haiku | anthropic/claude-3-haiku-20240307 | $102.66 | $0.00067500 |");
    assertThat(md).contains("### Excluded\n\n- GPT-4o-mini: misses the 500 ms p95 TTFT SLO (p95 TTFT 720 ms)\n");
    assertThat(md).doesNotContain("### No candidate meets");
  }

  @Test
  void markdown_noCandidateMeets_hasItsOwnSection() {
    String md = report(100).toMarkdown();

    assertThat(md).contains("**Recommendation.** No recommendation: no candidate meets: p95 TTFT ≤ 100 ms (closest:"
        + " Claude 3 Haiku, 450 ms).");
    assertThat(md).contains("### No candidate meets\n\n- no candidate meets: p95 TTFT ≤ 100 ms (closest: Claude 3"
        + " Haiku, 450 ms)\n");
    assertThat(md).doesNotContain("### Ranking");
  }

  @Test
  void plainText_columnsAreAligned() {
    String text = report(500).toPlainText();

    assertThat(text).startsWith("Tradeoff report: support chatbot\n================================\n");
    String[] lines = text.split("\n");
    int header = -1;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith("Candidate ")) {
        header = i;
      }
    }
    // the header, the rule and both rows put "$/month" right-aligned in the same column
    int end = lines[header].indexOf("$/month") + "$/month".length();
    assertThat(lines[header + 1].charAt(end - 1)).isEqualTo('-');
    assertThat(lines[header + 2].substring(0, end)).endsWith("$54.75");
    assertThat(lines[header + 3].substring(0, end)).endsWith("$102.66");
    assertThat(lines[header + 2]).startsWith("GPT-4o-mini     ");
  }

  @Test
  void markdown_pipeInAName_isEscaped() {
    TradeoffReport r = TradeoffAnalyzer.builder()
        .workload(WorkloadProfile.builder().traffic(DailyUsers.of(10, 1, 1)).tokens(TokenProfile.of(10, 10)).build())
        .addCandidate(DeploymentCandidate.of("a|b", "openai/gpt-4o-mini")).build().analyze();

    assertThat(r.toMarkdown()).contains("| a\\|b | openai/gpt-4o-mini |");
  }
}
