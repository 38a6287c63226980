package dev.tradeoff.pricing.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tradeoff.pricing.plan.Commitment;
import dev.tradeoff.pricing.plan.PricePeriod;
import dev.tradeoff.pricing.plan.ProvisionedPrice;
import dev.tradeoff.pricing.plan.UnitPrice;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled provisioned and committed prices are the sourced facts ({@code fixtures/pricing-facts.json},
 * {@code provisioned_and_commitments}, kind {@code provisioned_price}): Azure PTUs per deployment type, Bedrock
 * model units and its token-based reserved tier, Vertex AI GSUs and OpenAI's Scale Tier, every commitment term at
 * its listed amount and period, with the fact's source. Where a fact also states a derived figure (an effective
 * hourly or a 730-hour month), the bundled price gives the same figure to the fact's precision. One fact is
 * deliberately not bundled: OpenAI's original 2024 Scale Tier terms, superseded by the 2025 table of the same
 * offer.
 */
final class BundledProvisionedFactsTest {

  private static final OfferCatalog OFFERS = OfferCatalog.bundled();
  private static final String SUPERSEDED = "OpenAI Scale Tier (original 2024 terms)";
  private static final Pattern STATED = Pattern.compile("\\$([0-9,]+) per GSU per (week|month)");

  private static List<JsonNode> facts;

  @BeforeAll
  static void readFacts() throws IOException {
    facts = PricingFacts.read("provisioned_and_commitments", "provisioned_price");
  }

  /** One bundled price a fact implies: its family and scope, its terms, and derived figures to reproduce. */
  private static final class Expected {
    final String family;
    final String scope;
    final Map<Commitment, UnitPrice> terms = new LinkedHashMap<>();
    final Map<Commitment, BigDecimal> hourly = new LinkedHashMap<>();
    final Map<Commitment, BigDecimal> monthly = new LinkedHashMap<>();
    final Set<String> sources = new LinkedHashSet<>();

    Expected(String family, String scope) {
      this.family = family;
      this.scope = scope;
    }

    void term(Commitment c, JsonNode amount, PricePeriod per) {
      if (amount.isNumber()) {
        terms.put(c, UnitPrice.of(c, amount.decimalValue(), per));
      }
    }
  }

  @Test
  void bundled_pricesEveryProvisionedFact_termByTerm() {
    // Vertex AI states one fact per term of its one GSU price: the facts' terms are merged by family and scope.
    Map<String, Expected> expected = new LinkedHashMap<>();
    for (JsonNode fact : facts) {
      if (fact.path("offer").asText().equals(SUPERSEDED)) {
        continue;
      }
      for (Expected e : expected(fact)) {
        Expected merged = expected.computeIfAbsent(e.family + " " + e.scope, k -> new Expected(e.family, e.scope));
        merged.terms.putAll(e.terms);
        merged.hourly.putAll(e.hourly);
        merged.monthly.putAll(e.monthly);
        merged.sources.add(fact.path("source").asText());
      }
    }
    List<String> mismatches = new ArrayList<>();
    int terms = 0;
    for (Map.Entry<String, Expected> entry : expected.entrySet()) {
      String where = entry.getKey();
      Expected e = entry.getValue();
      Optional<ProvisionedPrice> bundled = OFFERS.provisionedPrice(e.family, e.scope);
      if (bundled.isEmpty()) {
        mismatches.add(where + " is not bundled");
        continue;
      }
      ProvisionedPrice p = bundled.get();
      List<Commitment> listed = p.prices().stream().map(UnitPrice::commitment).collect(Collectors.toList());
      if (!Set.copyOf(listed).equals(e.terms.keySet()) || listed.size() != e.terms.size()) {
        mismatches.add(where + " lists the terms " + listed + " but the facts " + e.terms.keySet());
      }
      for (UnitPrice want : e.terms.values()) {
        terms++;
        Optional<UnitPrice> got = p.price(want.commitment());
        if (got.isEmpty() || got.get().amount().compareTo(want.amount()) != 0 || got.get().per() != want.per()) {
          mismatches.add(where + " " + want.commitment() + ": " + got.map(BundledProvisionedFactsTest::show)
              .orElse("absent") + " but the fact is " + show(want));
        }
      }
      e.hourly.forEach((c, figure) -> p.price(c).ifPresent(u ->
          derived(mismatches, where + " " + c + " per unit-hour", figure, u.perUnitHour())));
      e.monthly.forEach((c, figure) -> p.price(c).ifPresent(u ->
          derived(mismatches, where + " " + c + " per unit-month", figure, u.perUnitMonth())));
      if (!e.sources.contains(p.source().source())) {
        mismatches.add(where + " does not keep its fact's source");
      }
    }
    assertThat(mismatches).isEmpty();
    assertThat(OFFERS.provisionedPrices().stream().map(p -> p.family() + " " + p.scope()).collect(Collectors.toSet()))
        .as("no bundled price without its fact").isEqualTo(expected.keySet());
    assertThat(terms).as("terms checked").isEqualTo(58);
  }

  /** The bundled prices one fact implies (a token-based fact implies one for input and one for output). */
  private static List<Expected> expected(JsonNode f) {
    String offer = f.path("offer").asText();
    List<Expected> out = new ArrayList<>();
    if (offer.startsWith("Azure OpenAI")) {
      String type = f.path("deployment_type").asText();
      Expected e = new Expected("azure-ptu", type.replace(" Provisioned", "").toLowerCase(Locale.ROOT).replace(' ', '-'));
      e.term(Commitment.HOURLY, f.path("hourly_per_ptu"), PricePeriod.HOUR);
      e.term(Commitment.P1M, f.path("reservation_1_month_per_ptu_per_month"), PricePeriod.MONTH);
      e.term(Commitment.P1Y, f.path("reservation_1_year_per_ptu_per_year"), PricePeriod.YEAR);
      e.hourly.put(Commitment.P1M, f.path("effective_hourly_1_month_730h").decimalValue());
      e.hourly.put(Commitment.P1Y, f.path("effective_hourly_1_year_8760h").decimalValue());
      e.monthly.put(Commitment.P1Y, f.path("reservation_1_year_per_ptu_month_equiv").decimalValue());
      out.add(e);
    } else if (offer.startsWith("AWS Bedrock Provisioned Throughput")) {
      Expected e = new Expected("bedrock-model-units", f.path("model").asText());
      e.term(Commitment.HOURLY, f.path("no_commit_hourly"), PricePeriod.HOUR);
      e.term(Commitment.P1M, f.path("commit_1_month_hourly"), PricePeriod.HOUR);
      e.term(Commitment.P6M, f.path("commit_6_month_hourly"), PricePeriod.HOUR);
      if (f.path("monthly_730h_1_month").isNumber()) {
        e.monthly.put(Commitment.P1M, f.path("monthly_730h_1_month").decimalValue());
      }
      out.add(e);
    } else if (offer.startsWith("AWS Bedrock Reserved tier")) {
      // "Claude Sonnet 4.5 / 4.6" is bundled as claude-sonnet-4-5
      String model = f.path("model").asText().split(" / ")[0].toLowerCase(Locale.ROOT).replace(' ', '-').replace('.', '-');
      for (String side : List.of("input", "output")) {
        Expected e = new Expected("bedrock-reserved-tier", model + "/" + side);
        e.term(Commitment.P1M, f.path(side + "_1_month"), PricePeriod.HOUR);
        e.term(Commitment.P3M, f.path(side + "_3_month"), PricePeriod.HOUR);
        out.add(e);
      }
    } else if (offer.startsWith("Google Vertex AI Provisioned Throughput")) {
      // One fact per term, all of them the one global-endpoint price.
      Expected e = new Expected("vertex-gsu", "global-endpoint");
      Commitment c = Map.of("1 week", Commitment.P1W, "1 month", Commitment.P1M, "3 months", Commitment.P3M,
          "1 year", Commitment.P1Y).get(f.path("term").asText());
      Matcher m = STATED.matcher(f.path("stated_price").asText());
      assertThat(m.matches()).as("stated price %s", f.path("stated_price")).isTrue();
      PricePeriod per = m.group(2).equals("week") ? PricePeriod.WEEK : PricePeriod.MONTH;
      e.terms.put(c, UnitPrice.of(c, new BigDecimal(m.group(1).replace(",", "")), per));
      e.hourly.put(c, f.path("hourly_per_gsu").decimalValue());
      out.add(e);
    } else if (offer.equals("OpenAI Scale Tier")) {
      for (String side : List.of("input", "output")) {
        if (f.path(side + "_unit_price_per_day").isNumber()) {
          Expected e = new Expected("openai-scale-tier", f.path("model").asText() + "/" + side);
          e.term(Commitment.P1M, f.path(side + "_unit_price_per_day"), PricePeriod.DAY);
          out.add(e);
        }
      }
    } else {
      throw new AssertionError("a provisioned offer this test does not know: " + offer);
    }
    return out;
  }

  @Test
  void bundled_scaleTier_isThe2025Table_notTheSuperseded2024Terms() {
    UnitPrice gpt4oInput = OFFERS.provisionedPrice("openai-scale-tier", "gpt-4o/input").orElseThrow()
        .price(Commitment.P1M).orElseThrow();
    assertThat(gpt4oInput.amount()).isEqualByComparingTo("124.59");
    assertThat(gpt4oInput.per()).isEqualTo(PricePeriod.DAY);
  }

  /** A figure the fact derived, reproduced from the bundled price and rounded to the fact's own precision. */
  private static void derived(List<String> out, String what, BigDecimal figure, BigDecimal fromBundled) {
    BigDecimal rounded = fromBundled.setScale(Math.max(0, figure.scale()), RoundingMode.HALF_UP);
    if (rounded.compareTo(figure) != 0) {
      out.add(what + " is " + fromBundled.toPlainString() + " from the bundled price but the fact states "
          + figure.toPlainString());
    }
  }

  private static String show(UnitPrice u) {
    return u.amount().toPlainString() + " per " + u.per();
  }
}
