package dev.tradeoff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DemoCommandTest {

  @TempDir
  Path dir;

  @Test
  void demo_offline_printsTableFrontRecommendationAndWritesTheFourFiles() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int code = TradeoffCli.run(new PrintWriter(out), new PrintWriter(err), "demo", "--out", dir.toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("SIMULATED")
        .contains("GPT-4o-mini (sim)").contains("Claude 3 Haiku (sim)")
        .contains("Pareto front of the models meeting every requirement (monthly cost, p95 TTFT): ")
        .contains("Recommendation: ");
    BufferedImage png = ImageIO.read(dir.resolve("cost-vs-latency.png").toFile());
    assertThat(png.getWidth()).isPositive();
    assertThat(Files.readString(dir.resolve("cost-vs-latency.svg"), StandardCharsets.UTF_8))
        .contains("<svg").contains("SIMULATED DATA").contains("p95 time to first token (ms)");
    JsonNode json = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
    assertThat(json.get("simulated").asBoolean()).isTrue();
    assertThat(json.get("models")).hasSize(2);
    for (JsonNode m : json.get("models")) {
      assertThat(m.get("requests").asInt()).isEqualTo(50);
      assertThat(new BigDecimal(m.get("monthly_cost_usd").asText())).isPositive()
          .isLessThan(new BigDecimal("500"));
      assertThat(m.get("ttft_p95_ms").asDouble()).isPositive();
    }
    assertThat(json.get("front")).isNotEmpty();
    assertThat(json.get("recommendation").asText()).isNotBlank();
    assertThat(Files.readString(dir.resolve("summary.md"), StandardCharsets.UTF_8))
        .startsWith("# Chatbot dashboard").contains("**SIMULATED**").contains("**Recommendation**");
  }

  @Test
  void demo_unknownOption_exitCode2() {
    StringWriter err = new StringWriter();

    int code = TradeoffCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "demo", "--fast");

    assertThat(code).isEqualTo(TradeoffCli.BAD_INPUT);
    assertThat(err.toString()).startsWith("demo: Unknown option: '--fast'");
  }
}
