package dev.tradeoff.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class PriceCatalogTest {

  private static final PriceCatalog CATALOG = PriceCatalog.bundled();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "openai/gpt-4o-mini, openai/gpt-4o-mini",
      "gpt-4o-mini, openai/gpt-4o-mini",
      "GPT-4o-Mini, openai/gpt-4o-mini",
      "gpt-4o-mini-2024-07-18, openai/gpt-4o-mini",
      "openai/gpt-4o-2024-11-20, openai/gpt-4o",
      "azure/gpt-4o-2024-08-06, azure/gpt-4o",
      "azure-openai/gpt-4o, azure/gpt-4o",
      "anthropic.claude-3-haiku-20240307-v1:0, bedrock/anthropic.claude-3-haiku-20240307-v1:0",
      "us.anthropic.claude-3-haiku-20240307-v1:0, bedrock/anthropic.claude-3-haiku-20240307-v1:0",
      "aws-bedrock/anthropic.claude-3-haiku-20240307-v1:0, bedrock/anthropic.claude-3-haiku-20240307-v1:0",
      "claude-3-haiku-20240307, anthropic/claude-3-haiku-20240307",
      "claude-3-haiku, anthropic/claude-3-haiku-20240307",
      "anthropic/claude-3-haiku, anthropic/claude-3-haiku-20240307",
      "claude-sonnet-4-5-20250929, anthropic/claude-sonnet-4-5",
      "claude-haiku-4-5-20991231, anthropic/claude-haiku-4-5",
      "gemini-2.5-pro, gemini/gemini-2.5-pro",
      "google/gemini-2.5-pro, gemini/gemini-2.5-pro",
      "vertex_ai/gemini-2.5-pro, vertex_ai/gemini-2.5-pro",
      "o3-2025-04-16, openai/o3",
      "together/meta-llama/Llama-3.3-70B-Instruct-Turbo, together_ai/meta-llama/Llama-3.3-70B-Instruct-Turbo",
      "groq/llama-3.1-8b-instant, groq/llama-3.1-8b-instant",
      "deepseek-chat, deepseek/deepseek-chat",
      "mistral-large-2411, mistral/mistral-large-2411",
  })
  void resolve_acceptedForms_resolveToCanonicalId(String query, String expectedId) {
    assertThat(CATALOG.resolve(query).id()).isEqualTo(expectedId);
  }

  /** A snapshot priced differently from its alias is its own entry: gpt-4o-2024-05-13 was $5 / $15. */
  @Test
  void resolve_snapshotWithOwnPrice_isNotStrippedToTheAlias() {
    ModelPrice may = CATALOG.resolve("gpt-4o-2024-05-13");

    assertThat(may.id()).isEqualTo("openai/gpt-4o-2024-05-13");
    assertThat(may.rates().inputPerMillion()).hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("5"));
  }

  /** Known peer bug: unknown models priced at $0. Here: an exception listing the nearest ids. */
  @Test
  void resolve_unknownModel_throwsWithNearestIdsNeverZero() {
    assertThatThrownBy(() -> CATALOG.cost("gpt-4o-mni", Usage.of(1000, 1000)))
        .isInstanceOf(UnknownModelException.class)
        .hasMessageContaining("unknown model 'gpt-4o-mni'")
        .satisfies(e -> {
          UnknownModelException u = (UnknownModelException) e;
          assertThat(u.nearestIds()).hasSize(PriceCatalog.SUGGESTIONS).first().isEqualTo("openai/gpt-4o-mini");
          assertThat(u.requestedId()).isEqualTo("gpt-4o-mni");
          assertThat(u.modelId()).hasValue("gpt-4o-mni");
        });
  }

  @Test
  void resolve_unknownProviderPrefix_doesNotFallBackToAnotherProvider() {
    assertThatThrownBy(() -> CATALOG.resolve("openrouter/gpt-4o"))
        .isInstanceOf(UnknownModelException.class);
  }

  @Test
  void resolve_geoPrefixedBedrockIdNotListed_isUnknownRatherThanGuessed() {
    // Regional Bedrock endpoints of newer Claude models cost 10% more (pricing-rules.md 1.5): never assume.
    assertThatThrownBy(() -> CATALOG.resolve("eu.anthropic.claude-sonnet-4-5-20250929-v1:0"))
        .isInstanceOf(UnknownModelException.class)
        .satisfies(e -> assertThat(((UnknownModelException) e).nearestIds())
            .contains("bedrock/anthropic.claude-sonnet-4-5-20250929-v1:0"));
  }

  @Test
  void resolve_blankId_rejected() {
    assertThatThrownBy(() -> CATALOG.resolve("  ")).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("`model`");
  }

  @Test
  void bundled_referenceScenarioModels_present() {
    assertThat(CATALOG.find("gpt-4o-mini")).isPresent();
    assertThat(CATALOG.find("claude-3-haiku")).isPresent();
    assertThat(CATALOG.find("anthropic.claude-3-haiku-20240307-v1:0")).isPresent();
  }

  @Test
  void bundled_everyEntry_hasSourceAndAsOfDate() {
    for (ModelPrice m : CATALOG.models()) {
      assertThat(m.source().source()).as(m.id()).isNotBlank();
      assertThat(m.source().asOfDate()).as(m.id()).isPresent();
      assertThat(m.rates().inputPerMillion()).as(m.id()).isPresent();
      assertThat(m.rates().outputPerMillion()).as(m.id()).isPresent();
    }
  }

  @Test
  void bundled_coversTheFamiliesTheIssueLists() {
    List<String> ids = CATALOG.models().stream().map(ModelPrice::id).toList();
    assertThat(ids).contains("openai/gpt-4o", "openai/gpt-4o-mini", "openai/gpt-4.1", "openai/gpt-4.1-mini",
        "openai/o3", "openai/o4-mini", "openai/gpt-5", "openai/gpt-5-mini", "anthropic/claude-3-haiku-20240307",
        "anthropic/claude-haiku-4-5", "anthropic/claude-sonnet-4-5", "anthropic/claude-opus-4-5",
        "anthropic/claude-opus-5", "gemini/gemini-2.5-flash", "gemini/gemini-2.5-pro", "azure/gpt-4o",
        "bedrock/anthropic.claude-3-haiku-20240307-v1:0", "mistral/mistral-large-latest", "deepseek/deepseek-chat",
        "groq/llama-3.3-70b-versatile", "groq/llama-3.1-8b-instant",
        "together_ai/meta-llama/Llama-3.3-70B-Instruct-Turbo", "fireworks_ai/accounts/fireworks/models/llama-v3p3-70b-instruct",
        "bedrock/meta.llama3-70b-instruct-v1:0", "bedrock/meta.llama3-8b-instruct-v1:0");
    assertThat(CATALOG.resolve("gemini/gemini-2.5-pro").longContextTiers()).singleElement()
        .satisfies(t -> assertThat(t.thresholdInputTokens()).isEqualTo(200_000));
  }

  @Test
  void of_duplicateIds_rejected() {
    ModelPrice a = ModelPrice.builder().id("x/a").rates(TokenRates.of("1", "2"))
        .source(Provenance.of("test", "2026")).build();
    assertThatThrownBy(() -> PriceCatalog.of(List.of(a, a)))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("unique");
  }

  @Test
  void of_aliasClashingWithAnotherModel_rejected() {
    ModelPrice a = ModelPrice.builder().id("x/a").rates(TokenRates.of("1", "2"))
        .source(Provenance.of("test", "2026")).build();
    ModelPrice b = ModelPrice.builder().id("x/b").addAliases("x/a").rates(TokenRates.of("1", "2"))
        .source(Provenance.of("test", "2026")).build();
    assertThatThrownBy(() -> PriceCatalog.of(List.of(a, b)))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("`aliases`");
  }

  @Test
  void with_replacement_replacesEntryWithSameId() {
    ModelPrice cheaper = ImmutableModelPrice.copyOf(CATALOG.resolve("gpt-4o"))
        .withRates(TokenRates.of("1", "2"));
    PriceCatalog c = CATALOG.with(List.of(cheaper));

    assertThat(c.size()).isEqualTo(CATALOG.size());
    assertThat(c.cost("gpt-4o", Usage.of(1_000_000, 0)).total()).isEqualByComparingTo("1");
  }
}
