package dev.tradeoff.pricing.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tradeoff.pricing.DataResidency;
import dev.tradeoff.pricing.LongContextTier;
import dev.tradeoff.pricing.ModelPrice;
import dev.tradeoff.pricing.PriceCatalog;
import dev.tradeoff.pricing.RequestOptions;
import dev.tradeoff.pricing.ServiceTier;
import dev.tradeoff.pricing.TokenClass;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled catalog bills every rate the sourced facts list ({@code fixtures/pricing-facts.json},
 * {@code token_pricing}: 58 offers read from LiteLLM's map and the providers' pages) — checked through {@link
 * ModelPrice#rate}, the rate {@code cost()} multiplies by, not through the JSON fields — except where the catalog
 * deliberately departs from the fact. Each departure is listed below with the value the catalog bills and must be
 * explained in the entry's own source notes; a departure that no longer occurs fails the test too, so the list
 * stays exact. Facts with no value ({@code null}) are not checked: the catalog may price them by a provider's
 * rule (Anthropic's and OpenAI's 50% batch discount, Anthropic's cache multipliers).
 */
final class BundledCatalogFactsTest {

  private static final PriceCatalog BUNDLED = PriceCatalog.bundled();
  private static final RequestOptions STANDARD = RequestOptions.standard();

  /** A deliberate departure: what the catalog bills instead of the fact, and a word its notes must contain. */
  private record Departure(Optional<BigDecimal> billed, String noteMentions) {}

  /** Key: "catalog id: check". */
  private static final Map<String, Departure> DEPARTURES = Map.of(
      // LiteLLM prints Anthropic's rounded table ($0.03, $0.30) and a wrong 1-hour write ($6.00); the catalog
      // derives all three from Anthropic's multipliers on the $0.25 input (0.1x, 1.25x, 2x).
      "anthropic/claude-3-haiku-20240307: CACHE_READ", departure("0.025", "0.1x base input"),
      "anthropic/claude-3-haiku-20240307: CACHE_WRITE_5M", departure("0.3125", "1.25x"),
      "anthropic/claude-3-haiku-20240307: CACHE_WRITE_1H", departure("0.5", "data error"),
      // LiteLLM lists a priority input price equal to GPT-5's and no priority output: not offered here.
      "openai/gpt-5-nano: PRIORITY INPUT", new Departure(Optional.empty(), "data error"),
      // LiteLLM's priority prices for Gemini 2.5 Pro equal the standard ones, a placeholder: not offered here.
      "gemini/gemini-2.5-pro: PRIORITY INPUT", new Departure(Optional.empty(), "placeholder"),
      "gemini/gemini-2.5-pro: PRIORITY OUTPUT", new Departure(Optional.empty(), "placeholder"),
      // LiteLLM lists a $0 cache write; DeepSeek bills a cache miss at the input price.
      "deepseek/deepseek-chat: CACHE_WRITE_5M", departure("0.28", "input rate"));

  private static List<JsonNode> facts;

  @BeforeAll
  static void readFacts() throws IOException {
    facts = PricingFacts.read("token_pricing", "token_pricing");
  }

  @Test
  void bundled_billsEveryListedRateOfTheFacts_exceptItsNotedDepartures() {
    List<String> mismatches = new ArrayList<>();
    Set<String> departuresSeen = new LinkedHashSet<>();
    Set<String> absent = new LinkedHashSet<>();
    int checks = 0;
    for (JsonNode fact : facts) {
      String factId = fact.path("provider").asText() + "/" + fact.path("id").asText();
      Optional<ModelPrice> found = BUNDLED.find(factId);
      if (found.isEmpty()) {
        absent.add(factId);
        continue;
      }
      ModelPrice model = found.get();
      Map<String, Expectation> expected = expectations(fact, model);
      for (Map.Entry<String, Expectation> e : expected.entrySet()) {
        checks++;
        String key = model.id() + ": " + e.getKey();
        Optional<BigDecimal> billed = e.getValue().billed();
        Departure departure = DEPARTURES.get(key);
        if (departure != null) {
          departuresSeen.add(key);
          if (!sameAmount(billed, departure.billed())) {
            mismatches.add(key + " departs from the fact " + e.getValue().fact().toPlainString() + " and should bill "
                + show(departure.billed()) + ", but bills " + show(billed));
          }
          if (model.source().notes().stream().noneMatch(n -> n.contains(departure.noteMentions()))) {
            mismatches.add(key + " departs from the fact without a note mentioning \"" + departure.noteMentions() + '"');
          }
        } else if (!sameAmount(billed, Optional.of(e.getValue().fact()))) {
          mismatches.add(key + " bills " + show(billed) + " but the fact is " + e.getValue().fact().toPlainString());
        }
      }
    }
    assertThat(mismatches).isEmpty();
    assertThat(absent).as("facts with no bundled entry").isEmpty();
    assertThat(departuresSeen).as("departures that still occur").isEqualTo(DEPARTURES.keySet());
    assertThat(checks).as("rates checked").isGreaterThan(300);
  }

  @Test
  void bundled_longContextTier_startsAboveItsThreshold_asLiteLlmDefinesIt() {
    ModelPrice gpt54 = BUNDLED.resolve("openai/gpt-5.4");
    LongContextTier tier = gpt54.longContextTiers().get(0);
    assertThat(tier.thresholdInputTokens()).isEqualTo(272_000);
    assertThat(gpt54.rate(TokenClass.INPUT, STANDARD, 272_000)).hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("2.5"));
    assertThat(gpt54.rate(TokenClass.INPUT, STANDARD, 272_001)).hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("5"));
  }

  /** A fact's amount and what the catalog bills for it. */
  private record Expectation(BigDecimal fact, Optional<BigDecimal> billed) {}

  /** Every non-null fact of one offer, keyed by what it checks, with the rate the model bills for it. */
  private static Map<String, Expectation> expectations(JsonNode fact, ModelPrice model) {
    Map<String, Expectation> out = new LinkedHashMap<>();
    expect(out, fact, "input", "INPUT", model.rate(TokenClass.INPUT, STANDARD, 1));
    expect(out, fact, "output", "OUTPUT", model.rate(TokenClass.OUTPUT, STANDARD, 1));
    expect(out, fact, "cached_input_read", "CACHE_READ", model.rate(TokenClass.CACHE_READ, STANDARD, 1));
    expect(out, fact, "cache_write_5m", "CACHE_WRITE_5M", model.rate(TokenClass.CACHE_WRITE_5M, STANDARD, 1));
    expect(out, fact, "cache_write_1h", "CACHE_WRITE_1H", model.rate(TokenClass.CACHE_WRITE_1H, STANDARD, 1));
    // Reasoning is billed at the output rate unless a reasoning rate is listed.
    expect(out, fact, "reasoning_output", "REASONING", model.rate(TokenClass.REASONING, STANDARD, 1));
    for (ServiceTier tier : List.of(ServiceTier.BATCH, ServiceTier.FLEX, ServiceTier.PRIORITY)) {
      RequestOptions options = RequestOptions.of(tier, DataResidency.GLOBAL);
      String prefix = tier.name().toLowerCase(Locale.ROOT);
      expect(out, fact, prefix + "_input", tier + " INPUT", model.rate(TokenClass.INPUT, options, 1));
      expect(out, fact, prefix + "_output", tier + " OUTPUT", model.rate(TokenClass.OUTPUT, options, 1));
    }
    JsonNode longContext = fact.path("long_context_tier");
    if (longContext.isObject()) {
      long above = longContext.path("threshold_input_tokens").asLong() + 1;
      expect(out, longContext, "input", "LONG_CONTEXT INPUT", model.rate(TokenClass.INPUT, STANDARD, above));
      expect(out, longContext, "output", "LONG_CONTEXT OUTPUT", model.rate(TokenClass.OUTPUT, STANDARD, above));
      expect(out, longContext, "cached_input_read", "LONG_CONTEXT CACHE_READ",
          model.rate(TokenClass.CACHE_READ, STANDARD, above));
      expect(out, longContext, "cache_write_5m", "LONG_CONTEXT CACHE_WRITE_5M",
          model.rate(TokenClass.CACHE_WRITE_5M, STANDARD, above));
    } else {
      out.put("NO LONG_CONTEXT TIER", new Expectation(BigDecimal.ZERO,
          Optional.of(BigDecimal.valueOf(model.longContextTiers().size()))));
    }
    JsonNode uplift = fact.path("regional_processing_uplift_multiplier_us");
    if (uplift.isNumber()) {
      BigDecimal base = model.rate(TokenClass.INPUT, STANDARD, 1).orElseThrow();
      out.put("US INPUT", new Expectation(base.multiply(uplift.decimalValue()),
          model.rate(TokenClass.INPUT, RequestOptions.of(ServiceTier.STANDARD, DataResidency.US), 1)));
    }
    expectCount(out, fact, "max_input_tokens", "MAX_INPUT_TOKENS",
        model.maxInputTokens().isPresent() ? Optional.of(model.maxInputTokens().getAsLong()) : Optional.empty());
    expectCount(out, fact, "max_output_tokens", "MAX_OUTPUT_TOKENS",
        model.maxOutputTokens().isPresent() ? Optional.of(model.maxOutputTokens().getAsLong()) : Optional.empty());
    return out;
  }

  private static void expect(
      Map<String, Expectation> out, JsonNode fact, String field, String check, Optional<BigDecimal> billed) {
    JsonNode value = fact.path(field);
    if (value.isNumber()) {
      out.put(check, new Expectation(value.decimalValue(), billed));
    }
  }

  private static void expectCount(
      Map<String, Expectation> out, JsonNode fact, String field, String check, Optional<Long> listed) {
    JsonNode value = fact.path(field);
    if (value.isNumber()) {
      out.put(check, new Expectation(value.decimalValue(), listed.map(BigDecimal::valueOf)));
    }
  }

  private static boolean sameAmount(Optional<BigDecimal> a, Optional<BigDecimal> b) {
    return a.isPresent() == b.isPresent() && (a.isEmpty() || a.get().compareTo(b.get()) == 0);
  }

  private static String show(Optional<BigDecimal> amount) {
    return amount.map(BigDecimal::toPlainString).orElse("nothing");
  }

  private static Departure departure(String billed, String noteMentions) {
    return new Departure(Optional.of(new BigDecimal(billed)), noteMentions);
  }
}
