package dev.tradeoff.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradeoff.pricing.catalog.PricingJson;
import org.junit.jupiter.api.Test;

/** Each JSON value type against a literal document: read it, compare, write it back byte-for-byte. */
final class JsonRoundTripTest {

  private static final ObjectMapper JSON = PricingJson.mapper();

  private static <T> T roundTrip(String json, Class<T> type) throws Exception {
    T value = JSON.readValue(json, type);
    assertThat(JSON.writeValueAsString(value)).isEqualTo(json);
    return value;
  }

  @Test
  void usage_literalDocument_roundTrips() throws Exception {
    Usage u = roundTrip("{\"input\":158,\"cacheRead\":1408,\"cacheWrite5m\":0,\"cacheWrite1h\":0,\"output\":942,\"reasoning\":576}", Usage.class);

    assertThat(u).isEqualTo(Usage.openAi(1566, 1408, 1518, 576));
  }

  @Test
  void modelPrice_literalDocument_roundTrips() throws Exception {
    String json = "{\"id\":\"anthropic/claude-sonnet-4-5\",\"provider\":\"anthropic\",\"displayName\":\"Claude Sonnet 4.5\","
        + "\"aliases\":[\"claude-sonnet-4-5\"],"
        + "\"rates\":{\"inputPerMillion\":3,\"cacheReadPerMillion\":0.3,\"cacheWrite5mPerMillion\":3.75,"
        + "\"cacheWrite1hPerMillion\":6,\"outputPerMillion\":15},"
        + "\"batchDiscount\":0.5,"
        + "\"longContextTiers\":[{\"thresholdInputTokens\":200000,\"rates\":{\"inputPerMillion\":6,\"outputPerMillion\":22.5}}],"
        + "\"residencyUplifts\":{\"US\":1.1},"
        + "\"maxInputTokens\":200000,\"maxOutputTokens\":64000,\"deprecationDate\":\"2027-01-01\","
        + "\"capabilities\":[\"prompt_caching\"],"
        + "\"source\":{\"source\":\"https://platform.claude.com/docs/en/about-claude/pricing\",\"asOf\":\"2026-07-24\","
        + "\"secondary\":false,\"notes\":[\"test\"]}}";

    ModelPrice m = roundTrip(json, ModelPrice.class);

    assertThat(m.cost(Usage.anthropic(250_000, 0, 0, 500)).total()).isEqualByComparingTo("1.51125");
    assertThat(m.deprecationDate()).hasValueSatisfying(d -> assertThat(d).hasYear(2027));
  }

  @Test
  void requestCost_literalDocument_roundTrips() throws Exception {
    String json = "{\"modelId\":\"openai/gpt-4o-mini\",\"options\":{\"serviceTier\":\"STANDARD\",\"residency\":\"GLOBAL\"},"
        + "\"lines\":[{\"tokenClass\":\"INPUT\",\"tokens\":176,\"ratePerMillion\":0.15,\"amount\":0.0000264},"
        + "{\"tokenClass\":\"CACHE_READ\",\"tokens\":1024,\"ratePerMillion\":0.075,\"amount\":0.0000768},"
        + "{\"tokenClass\":\"OUTPUT\",\"tokens\":300,\"ratePerMillion\":0.6,\"amount\":0.00018}],"
        + "\"total\":0.0002832}";

    RequestCost cost = roundTrip(json, RequestCost.class);

    assertThat(cost).isEqualTo(PriceCatalog.bundled().cost("gpt-4o-mini", Usage.openAi(1200, 1024, 300, 0)));
  }
}
