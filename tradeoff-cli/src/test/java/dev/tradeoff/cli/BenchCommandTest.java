package dev.tradeoff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradeoff.examples.sim.Distribution;
import dev.tradeoff.examples.sim.ModelProfile;
import dev.tradeoff.examples.sim.SimulatedProvider;
import dev.tradeoff.examples.sim.SimulatorConfig;
import dev.tradeoff.examples.sim.WireFormat;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class BenchCommandTest {

  private static SimulatedProvider sim;

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void startSimulator() {
    // Fast, constant profiles under the real model ids, so that requests are priced by the bundled catalog.
    sim = SimulatedProvider.start(SimulatorConfig.builder()
        .addProfile(fast("gpt-4o-mini", WireFormat.OPENAI_CHAT_COMPLETIONS, WireFormat.OPENAI_RESPONSES))
        .addProfile(fast("claude-3-haiku-20240307", WireFormat.ANTHROPIC_MESSAGES))
        .build());
  }

  @AfterAll
  static void stopSimulator() {
    sim.close();
  }

  private static ModelProfile fast(String id, WireFormat first, WireFormat... rest) {
    return ModelProfile.builder(id)
        .wireFormats(first, rest)
        .ttftMillis(Distribution.constant(15))
        .interTokenGapMillis(Distribution.constant(1))
        .outputTokens(Distribution.constant(20))
        .source("test profile").asOf(LocalDate.of(2026, 11, 28))
        .build();
  }

  private int run(String... args) {
    return TradeoffCli.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  private String v1() {
    return sim.baseUrl() + "/v1";
  }

  @Test
  void bench_openAiChatOnSimulator_writesOneContractRowPerRequest() throws Exception {
    Path results = dir.resolve("bench");

    int code = run("bench", "--provider", "openai", "--base-url", v1(), "--model", "gpt-4o-mini",
        "--concurrency", "4", "--requests", "12", "--out", results.toString());

    assertThat(code).as(err.toString()).isZero();
    List<String> lines = Files.readAllLines(results.resolve("requests.jsonl"), StandardCharsets.UTF_8);
    assertThat(lines).hasSize(12);
    ObjectMapper mapper = new ObjectMapper();
    for (String line : lines) {
      JsonNode row = mapper.readTree(line);
      assertThat(row.get("ttft_ms").asDouble()).isGreaterThanOrEqualTo(15.0);
      assertThat(row.get("e2e_ms").asDouble()).isGreaterThan(row.get("ttft_ms").asDouble());
      // 20 tokens, one per delta: 19 gaps between them.
      assertThat(row.get("itl_ms")).hasSize(19);
      assertThat(row.get("input_tokens").asLong()).isPositive();
      assertThat(row.get("output_tokens").asLong()).isEqualTo(20);
      assertThat(row.get("cached_input_tokens").asLong()).isZero();
      assertThat(row.get("cache_write_tokens").asLong()).isZero();
      assertThat(row.get("reasoning_tokens").asLong()).isZero();
      assertThat(row.has("error")).isTrue();
      assertThat(row.get("error").isNull()).isTrue();
      // GPT-4o-mini: $0.15 input, $0.60 output per 1M tokens.
      BigDecimal expected = new BigDecimal("0.00000015").multiply(BigDecimal.valueOf(row.get("input_tokens").asLong()))
          .add(new BigDecimal("0.0000006").multiply(BigDecimal.valueOf(20)));
      assertThat(new BigDecimal(row.get("cost_usd").asText())).isEqualByComparingTo(expected);
    }
    assertThat(results.resolve("summaries.json")).exists();
    assertThat(out.toString()).contains("requests 12, succeeded 12").contains("ttft_ms").contains("cost_usd");
  }

  @Test
  void bench_anthropicRateJson_summaryAsJson() throws Exception {
    Path results = dir.resolve("anthropic");

    int code = run("bench", "--provider", "anthropic", "--base-url", v1(), "--model", "claude-3-haiku-20240307",
        "--rate", "50", "--poisson", "--requests", "6", "--out", results.toString(), "--json");

    assertThat(code).as(err.toString()).isZero();
    JsonNode summary = new ObjectMapper().readTree(out.toString());
    assertThat(summary.get("requests").asLong()).isEqualTo(6);
    assertThat(summary.get("succeeded").asLong()).isEqualTo(6);
    assertThat(summary.get("metrics").get("ttft_ms").get("p50").asDouble()).isGreaterThanOrEqualTo(15.0);
    assertThat(Files.readAllLines(results.resolve("requests.jsonl"))).hasSize(6);
  }

  @Test
  void bench_openAiResponsesWithPromptFile_usesThePrompts() throws Exception {
    Path prompts = dir.resolve("prompts.jsonl");
    Files.writeString(prompts, "{\"id\":\"p1\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}],\"max_tokens\":50}\n");
    Path results = dir.resolve("responses");

    int code = run("bench", "--provider", "openai-responses", "--base-url", v1(), "--model", "gpt-4o-mini",
        "--prompts", prompts.toString(), "--requests", "2", "--out", results.toString());

    assertThat(code).as(err.toString()).isZero();
    List<String> lines = Files.readAllLines(results.resolve("requests.jsonl"));
    assertThat(lines).hasSize(2).allSatisfy(l -> assertThat(l).contains("\"prompt_id\":\"p1\""));
  }

  @Test
  void bench_unknownProvider_exitCode2() {
    int code = run("bench", "--provider", "gemini", "--base-url", v1(), "--model", "x");

    assertThat(code).isEqualTo(TradeoffCli.BAD_INPUT);
    assertThat(err.toString().strip())
        .isEqualTo("bench: --provider must be openai, openai-responses or anthropic, but was 'gemini'");
  }

  @Test
  void bench_concurrencyAndRate_exitCode2() {
    int code = run("bench", "--provider", "openai", "--base-url", v1(), "--model", "gpt-4o-mini",
        "--concurrency", "2", "--rate", "3");

    assertThat(code).isEqualTo(TradeoffCli.BAD_INPUT);
    assertThat(err.toString()).contains("--concurrency").contains("--rate");
  }

  @Test
  void bench_missingPromptFile_exitCode2() {
    int code = run("bench", "--provider", "openai", "--base-url", v1(), "--model", "gpt-4o-mini",
        "--prompts", dir.resolve("none.jsonl").toString());

    assertThat(code).isEqualTo(TradeoffCli.BAD_INPUT);
    assertThat(err.toString()).contains("--prompts: no such file").contains("none.jsonl");
  }

  @Test
  void bench_invalidPromptLine_exitCode2NamingFileAndLine() throws Exception {
    Path prompts = dir.resolve("bad.jsonl");
    Files.writeString(prompts, "{\"id\":\"p1\",\"messages\":[]}\n");

    int code = run("bench", "--provider", "openai", "--base-url", v1(), "--model", "gpt-4o-mini",
        "--prompts", prompts.toString());

    assertThat(code).isEqualTo(TradeoffCli.BAD_INPUT);
    assertThat(err.toString()).contains("bad.jsonl line 1").contains("messages");
  }

  @Test
  void bench_everyRequestFails_exitCode1() {
    int code = run("bench", "--provider", "openai", "--base-url", v1(), "--model", "no-such-model",
        "--requests", "2", "--out", dir.resolve("fail").toString());

    assertThat(code).isEqualTo(TradeoffCli.FAILURE);
    assertThat(err.toString()).startsWith("bench: all 2 requests failed");
  }
}
