package dev.tradeoff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class PriceCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return TradeoffCli.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  private JsonNode json() throws Exception {
    return new ObjectMapper().readTree(out.toString());
  }

  @Test
  void price_gpt4oMiniListPrices_exactCostAndBreakdown() throws Exception {
    // GPT-4o-mini list prices: $0.15 input, $0.075 cached input, $0.60 output per 1M tokens.
    int code = run("price", "--model", "gpt-4o-mini", "--input-tokens", "1200", "--cached-tokens", "200",
        "--output-tokens", "300", "--json");

    assertThat(code).as(err.toString()).isZero();
    JsonNode json = json();
    assertThat(json.get("model").asText()).isEqualTo("openai/gpt-4o-mini");
    // 1,000 x 0.15 + 200 x 0.075 + 300 x 0.60 = 150 + 15 + 180 = 345 per 1M = $0.000345
    assertThat(new BigDecimal(json.get("cost_usd").asText())).isEqualByComparingTo("0.000345");
    assertThat(new BigDecimal(json.get("breakdown").get("input").asText())).isEqualByComparingTo("0.00015");
    assertThat(new BigDecimal(json.get("breakdown").get("cache_read").asText())).isEqualByComparingTo("0.000015");
    assertThat(new BigDecimal(json.get("breakdown").get("output").asText())).isEqualByComparingTo("0.00018");
    assertThat(json.get("tokens").get("input").asLong()).isEqualTo(1000);
  }

  @Test
  void price_reasoningIsPartOfOutput_billedOnceAtOutputRate() throws Exception {
    int code = run("price", "--model", "gpt-4o-mini", "--input-tokens", "0", "--output-tokens", "1000",
        "--reasoning-tokens", "400", "--json");

    assertThat(code).as(err.toString()).isZero();
    // 1,000 generated tokens in all, each at $0.60/1M, whatever the split: $0.0006
    assertThat(new BigDecimal(json().get("cost_usd").asText())).isEqualByComparingTo("0.0006");
  }

  @Test
  void price_batch_halvesTheListPrice() throws Exception {
    int code = run("price", "--model", "claude-3-haiku-20240307", "--input-tokens", "1000000",
        "--output-tokens", "1000000", "--batch", "--json");

    assertThat(code).as(err.toString()).isZero();
    // Claude 3 Haiku: $0.25 input, $1.25 output per 1M; batch 50 % off: (0.25 + 1.25) / 2 = $0.75
    assertThat(new BigDecimal(json().get("cost_usd").asText())).isEqualByComparingTo("0.75");
  }

  @Test
  void price_unknownModel_exitCode2WithNearestIds() {
    int code = run("price", "--model", "gpt-4o-mimi", "--input-tokens", "1", "--output-tokens", "1");

    assertThat(code).isEqualTo(TradeoffCli.BAD_INPUT);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).startsWith("price: ").contains("gpt-4o-mimi").contains("gpt-4o-mini");
    assertThat(err.toString().lines().count()).isEqualTo(1);
  }

  @Test
  void price_cachedTokensExceedInput_exitCode2NamingTheField() {
    int code = run("price", "--model", "gpt-4o-mini", "--input-tokens", "10", "--cached-tokens", "20",
        "--output-tokens", "1");

    assertThat(code).isEqualTo(TradeoffCli.BAD_INPUT);
    assertThat(err.toString()).contains("cachedTokens").contains("20");
  }

  @Test
  void price_missingOption_exitCode2() {
    int code = run("price", "--model", "gpt-4o-mini");

    assertThat(code).isEqualTo(TradeoffCli.BAD_INPUT);
    assertThat(err.toString()).contains("--input-tokens");
  }

  @Test
  void price_missingCatalogFile_exitCode2NamingTheFile(@TempDir Path dir) {
    Path missing = dir.resolve("nope.json");
    int code = run("price", "--catalog", missing.toString(), "--model", "gpt-4o-mini", "--input-tokens", "1",
        "--output-tokens", "1");

    assertThat(code).isEqualTo(TradeoffCli.BAD_INPUT);
    assertThat(err.toString()).contains(missing.toString());
  }

  @Test
  void price_liteLlmMap_usesItsPrices(@TempDir Path dir) throws Exception {
    Path map = dir.resolve("model_prices_and_context_window.json");
    Files.writeString(map, "{\"my-model\": {\"litellm_provider\": \"openai\", \"mode\": \"chat\","
        + " \"input_cost_per_token\": 1e-06, \"output_cost_per_token\": 2e-06}}", StandardCharsets.UTF_8);

    int code = run("price", "--catalog", map.toString(), "--model", "my-model", "--input-tokens", "1000",
        "--output-tokens", "500", "--json");

    assertThat(code).as(err.toString()).isZero();
    // 1,000 x $1/1M + 500 x $2/1M = $0.002
    assertThat(new BigDecimal(json().get("cost_usd").asText())).isEqualByComparingTo("0.002");
  }

  @Test
  void price_malformedCatalog_exitCode2NamingTheFile(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"my-model\": {\"input_cost_per_token\": }", StandardCharsets.UTF_8);

    int code = run("price", "--catalog", bad.toString(), "--model", "my-model", "--input-tokens", "1",
        "--output-tokens", "1");

    assertThat(code).isEqualTo(TradeoffCli.BAD_INPUT);
    assertThat(err.toString()).contains("bad.json");
  }
}
