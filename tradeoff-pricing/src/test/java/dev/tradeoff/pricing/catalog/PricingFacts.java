package dev.tradeoff.pricing.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The sourced facts the bundled catalog is built from ({@code fixtures/pricing-facts.json}, see SOURCES.md). */
final class PricingFacts {

  private static final Path FILE = Path.of("src/test/resources/fixtures/pricing-facts.json");

  private PricingFacts() {}

  /**
   * The entries of one section with the given {@code kind}, numbers read as exact decimals.
   *
   * @param section e.g. {@code token_pricing}
   * @param kind e.g. {@code token_pricing}; entries of other kinds (prose rules) are left out
   */
  static List<JsonNode> read(String section, String kind) throws IOException {
    ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode fact : json.readTree(FILE.toFile()).path(section)) {
      if (kind.equals(fact.path("kind").asText())) {
        out.add(fact);
      }
    }
    if (out.isEmpty()) {
      throw new IllegalStateException("no " + kind + " entries in " + FILE + " section " + section);
    }
    return out;
  }
}
