package dev.tradeoff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SimulateCommandTest {

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return TradeoffCli.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void simulate_knobs_jsonReportWithEveryPolicyAndTheFiles() throws Exception {
    int code = run("simulate", "--hours", "2", "--rate", "5", "--outage", "google:0.5:20", "--storm", "openai:1:15",
        "--policy", "cheapest-meeting-slo", "--policy", "round-robin", "--json", "--out", dir.toString());

    assertThat(code).as(err.toString()).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("simulated").asBoolean()).isTrue();
    assertThat(json.get("knobs").get("outage").asText()).isEqualTo("google 00:30-00:50");
    assertThat(json.get("policies")).hasSize(2);
    for (JsonNode p : json.get("policies")) {
      // 2 h at 5 requests/s on average (the night hours of the diurnal shape are quieter).
      assertThat(p.get("arrivals").asLong()).isBetween(5_000L, 20_000L);
      assertThat(p.get("served").asLong() + p.get("failed").asLong()).isEqualTo(p.get("arrivals").asLong());
      assertThat(p.get("success_rate").asDouble()).isGreaterThan(0.99);
      assertThat(p.get("served_during_outage").get("google-gemini-2.0-flash").asLong())
          .isLessThan(p.get("arrivals").asLong() / 100);
    }
    assertThat(dir.resolve("policy-comparison.png")).isNotEmptyFile();
    assertThat(dir.resolve("policy-comparison.svg")).isNotEmptyFile();
    assertThat(dir.resolve("routing-report.json")).isNotEmptyFile();
    assertThat(dir.resolve("routing-summary.md")).isNotEmptyFile();
  }

  @Test
  void simulate_unknownProvider_exitCode2() {
    int code = run("simulate", "--outage", "azure:1:10", "--out", dir.toString());

    assertThat(code).isEqualTo(TradeoffCli.BAD_INPUT);
    assertThat(err.toString().strip())
        .isEqualTo("simulate: provider must be one of [anthropic, google, openai, self-hosted], but was 'azure'");
  }

  @Test
  void simulate_malformedWindow_exitCode2() {
    int code = run("simulate", "--storm", "openai-1-2", "--out", dir.toString());

    assertThat(code).isEqualTo(TradeoffCli.BAD_INPUT);
    assertThat(err.toString().strip())
        .isEqualTo("simulate: --storm must be PROVIDER:START_HOUR:MINUTES, but was 'openai-1-2'");
  }

  @Test
  void simulate_unknownPolicy_exitCode2() {
    int code = run("simulate", "--policy", "lowest", "--out", dir.toString());

    assertThat(code).isEqualTo(TradeoffCli.BAD_INPUT);
    assertThat(err.toString()).contains("'lowest'");
  }
}
