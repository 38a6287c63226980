package dev.tradeoff.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeoff.metrics.testing.Fixtures;
import dev.tradeoff.pricing.ImmutableModelPrice;
import dev.tradeoff.pricing.ModelPrice;
import dev.tradeoff.pricing.PriceCatalog;
import dev.tradeoff.pricing.Provenance;
import dev.tradeoff.pricing.RequestCost;
import dev.tradeoff.pricing.RequestOptions;
import dev.tradeoff.pricing.TokenClass;
import dev.tradeoff.pricing.TokenRates;
import dev.tradeoff.pricing.Usage;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-request cost through tradeoff-pricing, from the usage of real transcripts. */
final class CatalogPricerTest {

  /** Anthropic-style rates per million: input 3, cache read 0.30, 5 m write 3.75, 1 h write 6, output 15. */
  private static final ModelPrice SONNET = ImmutableModelPrice.builder()
      .id("anthropic/test-sonnet")
      .addAliases("claude-3-5-sonnet-20240620", "claude-sonnet-4-20250514")
      .rates(TokenRates.builder()
          .inputPerMillion(new BigDecimal("3"))
          .cacheReadPerMillion(new BigDecimal("0.30"))
          .cacheWrite5mPerMillion(new BigDecimal("3.75"))
          .cacheWrite1hPerMillion(new BigDecimal("6"))
          .outputPerMillion(new BigDecimal("15"))
          .build())
      .source(Provenance.of("test", "2026-11-28"))
      .build();

  /** OpenAI-style: input 0.15, cached 0.075, output 0.60, no reasoning rate (billed as output). */
  private static final ModelPrice MINI = ImmutableModelPrice.builder()
      .id("openai/test-mini")
      .addAliases("gpt-4o-mini-2024-07-18")
      .rates(TokenRates.builder()
          .inputPerMillion(new BigDecimal("0.15"))
          .cacheReadPerMillion(new BigDecimal("0.075"))
          .outputPerMillion(new BigDecimal("0.60"))
          .build())
      .source(Provenance.of("test", "2026-11-28"))
      .build();

  private static final CatalogPricer PRICER =
      CatalogPricer.of(PriceCatalog.of(List.of(SONNET, MINI)), RequestOptions.standard());

  @Test
  void anthropicCacheWriteTranscript_writeTokensAtWriteRate() throws IOException {
    TokenUsage usage = Fixtures.decode(Fixtures.ANTHROPIC_CACHE_WRITE).decoder.usage().orElseThrow();

    RequestCost cost = PRICER.cost("claude-3-5-sonnet-20240620", usage).orElseThrow();

    // 4 × 3 + 1165 × 3.75 + 201 × 15, per million
    assertThat(cost.total()).isEqualByComparingTo("0.00739575");
    assertThat(cost.amount(TokenClass.CACHE_WRITE_5M)).isEqualByComparingTo("0.00436875");
    assertThat(PRICER.costUsd("claude-3-5-sonnet-20240620", usage)).contains(cost.total());
  }

  @Test
  void openAiUsageDetailsTranscript_exactCost() throws IOException {
    TokenUsage usage = Fixtures.decode(Fixtures.OPENAI_CHAT_USAGE_DETAILS).decoder.usage().orElseThrow();

    assertThat(PRICER.costUsd("gpt-4o-mini-2024-07-18", usage).orElseThrow())
        .isEqualByComparingTo("0.0000171"); // 78 × 0.15 + 9 × 0.60, per million
  }

  @Test
  void toPricingUsage_classesAreDisjointAndAddUp() {
    TokenUsage u = TokenUsage.builder()
        .inputTokens(2000).cachedInputTokens(1200).cacheWriteTokens(500).cacheWrite1hTokens(200)
        .outputTokens(900).reasoningTokens(600).build();

    Usage p = CatalogPricer.toPricingUsage(u);

    assertThat(p.input()).isEqualTo(300);
    assertThat(p.cacheRead()).isEqualTo(1200);
    assertThat(p.cacheWrite5m()).isEqualTo(300);
    assertThat(p.cacheWrite1h()).isEqualTo(200);
    assertThat(p.output()).isEqualTo(300);
    assertThat(p.reasoning()).isEqualTo(600);
    assertThat(p.promptTokens()).isEqualTo(u.inputTokens());
    assertThat(p.completionTokens()).isEqualTo(u.outputTokens());
  }

  @Test
  void reasoningTokens_billedAtOutputRateWhenNoReasoningRate() {
    TokenUsage u = TokenUsage.builder().inputTokens(0).outputTokens(100).reasoningTokens(60).build();

    assertThat(PRICER.costUsd("gpt-4o-mini-2024-07-18", u).orElseThrow()).isEqualByComparingTo("0.00006");
  }

  @Test
  void unknownModel_noCostRatherThanZero() {
    TokenUsage u = TokenUsage.builder().inputTokens(10).outputTokens(10).build();

    assertThat(PRICER.costUsd("some-unknown-model-xyz", u)).isEmpty();
    assertThat(PRICER.costUsd("some-unknown-model-xyz", u)).isEmpty(); // cached, warned once
  }

  @Test
  void usageTheModelCannotPrice_noCost() {
    // a model priced for input only: its output tokens are never billed at $0
    ModelPrice inputOnly = ImmutableModelPrice.builder()
        .id("test/input-only")
        .rates(TokenRates.builder().inputPerMillion(BigDecimal.ONE).build())
        .source(Provenance.of("test", "2026-11-28"))
        .build();
    CatalogPricer pricer = CatalogPricer.of(PriceCatalog.of(List.of(inputOnly)), RequestOptions.standard());
    TokenUsage u = TokenUsage.builder().inputTokens(100).outputTokens(10).build();

    assertThat(pricer.costUsd("test/input-only", u)).isEmpty();
  }

  @Test
  void bundledCatalog_pricesAFixtureModel() throws IOException {
    TokenUsage usage = Fixtures.decode(Fixtures.ANTHROPIC_THINKING).decoder.usage().orElseThrow();

    assertThat(CatalogPricer.bundled().costUsd("claude-sonnet-4-20250514", usage)).hasValueSatisfying(c -> assertThat(c).isPositive());
  }
}
