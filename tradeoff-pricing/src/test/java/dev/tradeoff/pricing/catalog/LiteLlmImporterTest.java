package dev.tradeoff.pricing.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradeoff.pricing.CatalogFormatException;
import dev.tradeoff.pricing.ModelPrice;
import dev.tradeoff.pricing.PriceCatalog;
import dev.tradeoff.pricing.TokenClass;
import dev.tradeoff.pricing.UnpricedUsageException;
import dev.tradeoff.pricing.Usage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Imports the whole real LiteLLM map (fixtures/litellm, main as of 2026-07-24, 2,984 keys). */
final class LiteLlmImporterTest {

  static final Path MAP = Path.of("src/test/resources/fixtures/litellm/model_prices_and_context_window.json");
  private static LoadResult result;
  private static JsonNode raw;

  @BeforeAll
  static void load() throws Exception {
    result = LiteLlmImporter.read(MAP, "2026-07-24", LoadMode.STRICT);
    raw = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(MAP.toFile());
  }

  private static Optional<BigDecimal> perMillion(JsonNode entry, String field) {
    JsonNode v = entry.get(field);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(v.decimalValue().movePointRight(6));
  }

  /** Every chat-mode (and completion/responses) key loads, resolves by its own key, and keeps its prices exactly. */
  @Test
  void read_wholeRealFile_everyTextEntryLoadsWithExactPrices() {
    PriceCatalog catalog = result.catalog();
    int text = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = raw.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String mode = e.getValue().path("mode").asText("");
      if (!Set.of("chat", "completion", "responses").contains(mode) || e.getKey().equals("sample_spec")) {
        continue;
      }
      text++;
      ModelPrice m = catalog.resolve(e.getKey());
      Optional<BigDecimal> in = perMillion(e.getValue(), "input_cost_per_token");
      Optional<BigDecimal> out = perMillion(e.getValue(), "output_cost_per_token");
      if (in.isPresent()) {
        assertThat(m.rates().inputPerMillion()).as(e.getKey()).hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo(in.get()));
      }
      if (out.isPresent()) {
        assertThat(m.rates().outputPerMillion()).as(e.getKey()).hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo(out.get()));
      }
      assertThat(m.aliases().contains(e.getKey()) || m.id().equals(e.getKey())).as(e.getKey()).isTrue();
    }
    assertThat(text).isEqualTo(2285 + 36 + 85);
    assertThat(catalog.size()).isLessThanOrEqualTo(text).isGreaterThan(text - 30);
  }

  @Test
  void read_wholeRealFile_nonTextEntriesListedAsSkippedWithMode() {
    assertThat(result.skipped()).hasSize(2984 - 2406);
    assertThat(result.skipped()).anySatisfy(s -> {
      assertThat(s.key()).isEqualTo("text-embedding-3-small");
      assertThat(s.reason()).contains("mode 'embedding'");
    });
    assertThat(result.skipped()).anySatisfy(s -> assertThat(s.key()).isEqualTo("sample_spec"));
  }

  @Test
  void read_wholeRealFile_reportsUnrepresentableFieldsInsteadOfDroppingThem() {
    Map<String, Integer> counts = result.unmappedFieldCounts();

    assertThat(counts).containsKeys("input_cost_per_audio_token", "search_context_cost_per_query",
        "input_cost_per_second", "output_cost_per_second", "tpm", "rpm", "supported_modalities");
    assertThat(counts).doesNotContainKeys("input_cost_per_token", "output_cost_per_token",
        "cache_read_input_token_cost", "cache_creation_input_token_cost", "input_cost_per_token_batches",
        "input_cost_per_token_above_200k_tokens", "supports_vision");
    // Token limits are represented; only LiteLLM's placeholder 0 is reported.
    assertThat(result.unmapped()).filteredOn(u -> u.field().equals("max_input_tokens"))
        .allSatisfy(u -> assertThat(u.value()).isEqualTo("0 (not a usable token limit)"));
    assertThat(result.unmapped()).anySatisfy(u -> {
      assertThat(u.entryKey()).isEqualTo("gpt-4o-mini-2024-07-18");
      assertThat(u.field()).isEqualTo("search_context_cost_per_query");
    });
  }

  @Test
  void read_entryWithOnlyPerSecondPrices_loadsButNeverBillsTokensAtZero() {
    ModelPrice committed = result.catalog().resolve("bedrock/*/1-month-commitment/cohere.command-text-v14");

    assertThat(committed.rates().noneListed()).isTrue();
    assertThatThrownBy(() -> committed.cost(Usage.of(100, 100))).isInstanceOf(UnpricedUsageException.class);
  }

  @Test
  void read_collidingKeys_keepEveryEntryAndExplainInNotes() {
    PriceCatalog c = result.catalog();

    // 'deepseek-chat' (provider deepseek) and 'deepseek/deepseek-chat' claim one id with different prices.
    assertThat(c.resolve("deepseek/deepseek-chat").id()).isEqualTo("deepseek/deepseek-chat");
    assertThat(c.resolve("deepseek-chat").id()).isEqualTo("deepseek/litellm:deepseek-chat");
    // Identical prices: one entry, both keys resolve.
    assertThat(c.resolve("computer-use-preview")).isSameAs(c.resolve("azure/computer-use-preview"));
    assertThat(result.notes()).anySatisfy(n -> assertThat(n).contains("'deepseek-chat'"));
  }

  @Test
  void read_longContextAndTierFields_becomeTiers() {
    ModelPrice pro = result.catalog().resolve("gemini/gemini-2.5-pro");

    assertThat(pro.longContextTiers()).singleElement().satisfies(t -> {
      assertThat(t.thresholdInputTokens()).isEqualTo(200_000);
      assertThat(t.rates().inputPerMillion()).hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("2.5"));
    });
    // dashscope tiered_pricing ranges [0, 256000] and [256000, 1000000]
    ModelPrice qwen = result.catalog().resolve("dashscope/qwen-flash");
    assertThat(qwen.rates().inputPerMillion()).hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("0.05"));
    assertThat(qwen.cost(Usage.of(300_000, 0)).total()).isEqualByComparingTo("0.075"); // 300k x 0.25/M
  }

  @Test
  void read_claudeEntries_mapCacheClassesAndUplifts() {
    ModelPrice opus = result.catalog().resolve("claude-opus-4-6");

    assertThat(opus.rates().explicit(TokenClass.CACHE_WRITE_1H)).hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("10"));
    assertThat(opus.residencyUplifts()).containsKey(dev.tradeoff.pricing.DataResidency.US);
    assertThat(result.unmapped()).anySatisfy(u -> {
      assertThat(u.entryKey()).isEqualTo("claude-opus-4-6");
      assertThat(u.field()).isEqualTo("provider_specific_entry.fast");
    });
  }

  /** gpt-4o lists batch $1.25 / $5 = 50% of $2.50 / $10: the discount is inferred, so batch cache reads are 50% off too. */
  @Test
  void read_consistentBatchPrices_inferBatchDiscount() {
    ModelPrice gpt4o = result.catalog().resolve("gpt-4o");

    assertThat(gpt4o.batchDiscount()).hasValueSatisfying(d -> assertThat(d).isEqualByComparingTo("0.5"));
    assertThat(gpt4o.cost(Usage.openAi(1_000_000, 1_000_000, 0, 0), dev.tradeoff.pricing.RequestOptions.batch())
        .total()).isEqualByComparingTo("0.625"); // 1M cached x $1.25 x 0.5
  }

  /**
   * The bundled catalog agrees with the LiteLLM map it was built from: every dated OpenAI, Azure or Anthropic key
   * either is unknown to the bundled catalog or resolves to an entry with LiteLLM's input and output price — date
   * stripping never lands on a differently priced snapshot.
   */
  @Test
  void bundled_resolvesEveryDatedLiteLlmKeyToItsOwnPrice() {
    PriceCatalog bundled = PriceCatalog.bundled();
    int checked = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = raw.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String provider = e.getValue().path("litellm_provider").asText("");
      if (!Set.of("openai", "azure", "anthropic").contains(provider) || !"chat".equals(e.getValue().path("mode").asText())
          || !e.getKey().matches(".*-(\\d{4}-\\d{2}-\\d{2}|20\\d{6})$")) {
        continue;
      }
      Optional<ModelPrice> m = bundled.find(e.getKey());
      if (m.isEmpty()) {
        continue;
      }
      checked++;
      Optional<BigDecimal> in = perMillion(e.getValue(), "input_cost_per_token");
      Optional<BigDecimal> out = perMillion(e.getValue(), "output_cost_per_token");
      assertThat(m.get().rates().inputPerMillion().orElseThrow()).as(e.getKey()).isEqualByComparingTo(in.orElseThrow());
      assertThat(m.get().rates().outputPerMillion().orElseThrow()).as(e.getKey()).isEqualByComparingTo(out.orElseThrow());
    }
    assertThat(checked).isGreaterThan(20);
  }

  @Test
  void read_negativePriceStrict_failsNamingKeyAndLine() {
    String json = "{\n  \"good\": {\"litellm_provider\": \"openai\", \"mode\": \"chat\", \"input_cost_per_token\": 1e-06},\n"
        + "  \"bad\": {\"litellm_provider\": \"openai\", \"mode\": \"chat\", \"input_cost_per_token\": -1e-06}\n}";

    assertThatThrownBy(() -> LiteLlmImporter.read(stream(json), "mini.json", "2026-07-24", LoadMode.STRICT))
        .isInstanceOf(CatalogFormatException.class)
        .hasMessageStartingWith("`input_cost_per_token` must be >= 0, but was -0.000001 (model bad, file mini.json, line 3");
  }

  @Test
  void read_negativePriceLenient_skipsAndListsWhy() {
    String json = "{\n  \"good\": {\"litellm_provider\": \"openai\", \"mode\": \"chat\", \"input_cost_per_token\": 1e-06},\n"
        + "  \"bad\": {\"litellm_provider\": \"openai\", \"mode\": \"chat\", \"input_cost_per_token\": \"free\"}\n}";

    LoadResult r = LiteLlmImporter.read(stream(json), "mini.json", "2026-07-24", LoadMode.LENIENT);

    assertThat(r.catalog().size()).isEqualTo(1);
    assertThat(r.skipped()).singleElement().satisfies(s -> {
      assertThat(s.key()).isEqualTo("bad");
      assertThat(s.reason()).isEqualTo("`input_cost_per_token` must be a number, but was \"free\"");
    });
  }

  private static ByteArrayInputStream stream(String json) {
    return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
  }
}
