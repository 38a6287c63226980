package dev.tradeoff.pricing.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tradeoff.pricing.selfhost.MeasurementPoint;
import dev.tradeoff.pricing.selfhost.ThroughputMeasurement;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled self-hosted throughput measurements (what {@code ThroughputEstimator} calibrates against and the
 * migration scenario sizes GPUs by) are the sourced facts ({@code fixtures/pricing-facts.json}, {@code
 * self_hosted_throughput}): every point in its order, concurrency, tokens/s, requests/s, TTFT and ITL as
 * published, and every other column kept as an attribute.
 */
final class BundledThroughputFactsTest {

  private static final OfferCatalog OFFERS = OfferCatalog.bundled();
  /** Published columns with a typed field; TGI's median "ms per token" is its inter-token latency. */
  private static final Map<String, String> TYPED = Map.of(
      "concurrency", "concurrency", "tokens_per_s", "tokensPerSecond", "req_per_s", "requestsPerSecond",
      "ttft_ms", "ttftMillis", "itl_ms", "itlMillis", "ms_per_token", "itlMillis");

  private static List<JsonNode> facts;

  @BeforeAll
  static void readFacts() throws IOException {
    facts = PricingFacts.read("self_hosted_throughput", "self_hosted_throughput");
  }

  @Test
  void bundled_keepsEveryPublishedPoint() {
    List<String> mismatches = new ArrayList<>();
    List<String> matched = new ArrayList<>();
    int values = 0;
    for (JsonNode fact : facts) {
      String model = fact.path("model").asText();
      List<ThroughputMeasurement> same = OFFERS.throughputMeasurements().stream()
          .filter(m -> m.model().equals(model) && m.source().source().equals(fact.path("source").asText()))
          .toList();
      if (same.size() != 1) {
        mismatches.add(model + ": " + same.size() + " bundled measurements with its model and source");
        continue;
      }
      ThroughputMeasurement m = same.get(0);
      matched.add(m.id());
      JsonNode points = fact.path("points");
      if (points.size() != m.points().size()) {
        mismatches.add(m.id() + " has " + m.points().size() + " points but the fact " + points.size());
        continue;
      }
      for (int i = 0; i < points.size(); i++) {
        MeasurementPoint p = m.points().get(i);
        for (Iterator<Map.Entry<String, JsonNode>> it = points.get(i).fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> column = it.next();
          if (column.getValue().isNull()) {
            continue;
          }
          values++;
          String where = m.id() + " point " + i + " " + column.getKey();
          String field = TYPED.get(column.getKey());
          if (field == null) {
            String kept = p.attributes().get(column.getKey());
            if (!column.getValue().asText().equals(kept)) {
              mismatches.add(where + " is kept as " + kept + " but the fact is " + column.getValue().asText());
            }
          } else if (!same(typed(p, field), column.getValue().decimalValue())) {
            mismatches.add(where + " is " + typed(p, field) + " but the fact is " + column.getValue().decimalValue());
          }
        }
      }
    }
    assertThat(mismatches).isEmpty();
    assertThat(matched).as("one bundled measurement per fact").doesNotHaveDuplicates().hasSize(facts.size());
    assertThat(OFFERS.throughputMeasurements()).hasSize(facts.size());
    assertThat(values).as("published values checked").isGreaterThan(100);
  }

  private static OptionalDouble typed(MeasurementPoint p, String field) {
    switch (field) {
      case "concurrency":
        OptionalInt c = p.concurrency();
        return c.isPresent() ? OptionalDouble.of(c.getAsInt()) : OptionalDouble.empty();
      case "tokensPerSecond":
        return p.tokensPerSecond();
      case "requestsPerSecond":
        return p.requestsPerSecond();
      case "ttftMillis":
        return p.ttftMillis();
      case "itlMillis":
        return p.itlMillis();
      default:
        throw new AssertionError(field);
    }
  }

  /** The bundled double is the published decimal: the nearest double to it, so its shortest text is the same. */
  private static boolean same(OptionalDouble bundled, BigDecimal published) {
    return bundled.isPresent() && new BigDecimal(Double.toString(bundled.getAsDouble())).compareTo(published) == 0;
  }
}
