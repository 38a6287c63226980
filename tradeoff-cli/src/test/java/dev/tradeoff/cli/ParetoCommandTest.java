package dev.tradeoff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ParetoCommandTest {

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return TradeoffCli.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  private Path csv(String text) throws Exception {
    Path file = dir.resolve("candidates.csv");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private static final String CANDIDATES = String.join("\n",
      "name,cost_usd_per_month,p95_ttft_ms,quality,region",
      "gpt-4o-mini,120,610,0.78,us",
      "claude-3-haiku,150,380,0.80,\"eu, us\"",
      "llama-70b,900,300,0.84,eu",
      "mistral-small,140,700,0.74,eu",
      "");

  @Test
  void pareto_threeObjectives_frontRanksCrowdingAndCarriedColumns() throws Exception {
    int code = run("pareto", "--input", csv(CANDIDATES).toString(), "--objective", "cost_usd_per_month:min",
        "--objective", "p95_ttft_ms:min", "--objective", "quality:max");

    assertThat(code).as(err.toString()).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    // mistral-small (140, 700, 0.74) is dominated by gpt-4o-mini (120, 610, 0.78).
    assertThat(json.get("front").toString()).isEqualTo("[0,1,2]");
    assertThat(json.get("ranks").toString()).isEqualTo("[0,0,0,1]");
    // Within rank 0, gpt-4o-mini and llama-70b are extremes (null); claude-3-haiku sits between them in every
    // objective, (next larger - next smaller) / range: cost (900 - 120) / 780 = 1, TTFT (610 - 300) / 310 = 1,
    // quality (0.84 - 0.78) / 0.06 = 1, so 3.
    JsonNode crowding = json.get("crowding");
    assertThat(crowding).hasSize(4);
    assertThat(crowding.get(0).isNull()).isTrue();
    assertThat(crowding.get(1).asDouble()).isCloseTo(3.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(crowding.get(2).isNull()).isTrue();
    // A rank with one member: its distance is infinite, so null.
    assertThat(crowding.get(3).isNull()).isTrue();
    JsonNode haiku = json.get("candidates").get(1);
    assertThat(haiku.get("columns").get("name").asText()).isEqualTo("claude-3-haiku");
    assertThat(haiku.get("columns").get("region").asText()).isEqualTo("eu, us");
    assertThat(haiku.get("columns").get("p95_ttft_ms").asDouble()).isEqualTo(380.0);
    assertThat(haiku.get("on_front").asBoolean()).isTrue();
    assertThat(json.get("objectives").get(2).get("direction").asText()).isEqualTo("max");
    assertThat(json.get("knee").isInt()).isTrue();
  }

  @Test
  void pareto_headerOnly_emptyArrays() throws Exception {
    int code = run("pareto", "--input", csv("name,cost\n").toString(), "--objective", "cost:min");

    assertThat(code).as(err.toString()).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("front")).isEmpty();
    assertThat(json.get("ranks")).isEmpty();
    assertThat(json.get("crowding")).isEmpty();
    assertThat(json.get("knee").isNull()).isTrue();
  }

  @Test
  void pareto_unknownColumn_exitCode2NamingFileAndColumns() throws Exception {
    Path file = csv(CANDIDATES);

    int code = run("pareto", "--input", file.toString(), "--objective", "latency:min");

    assertThat(code).isEqualTo(TradeoffCli.BAD_INPUT);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString().strip()).isEqualTo("pareto: " + file
        + ": --objective 'latency:min' names no column (columns: name, cost_usd_per_month, p95_ttft_ms, quality, region)");
  }

  @Test
  void pareto_notANumber_exitCode2NamingLineAndColumn() throws Exception {
    Path file = csv("name,cost\na,1\nb,cheap\n");

    int code = run("pareto", "--input", file.toString(), "--objective", "cost:min");

    assertThat(code).isEqualTo(TradeoffCli.BAD_INPUT);
    assertThat(err.toString().strip()).isEqualTo("pareto: " + file + " line 3, column 'cost': not a number: 'cheap'");
  }

  @Test
  void pareto_badDirection_exitCode2() throws Exception {
    int code = run("pareto", "--input", csv(CANDIDATES).toString(), "--objective", "quality:high");

    assertThat(code).isEqualTo(TradeoffCli.BAD_INPUT);
    assertThat(err.toString()).contains("--objective 'quality:high': direction must be min or max");
  }

  @Test
  void pareto_rowWithMissingField_exitCode2NamingTheLine() throws Exception {
    Path file = csv("name,cost\na,1\nb\n");

    int code = run("pareto", "--input", file.toString(), "--objective", "cost:min");

    assertThat(code).isEqualTo(TradeoffCli.BAD_INPUT);
    assertThat(err.toString().strip()).isEqualTo("pareto: " + file + " line 3: 1 fields, but the header has 2");
  }

  @Test
  void pareto_missingFile_exitCode2() {
    int code = run("pareto", "--input", dir.resolve("nope.csv").toString(), "--objective", "cost:min");

    assertThat(code).isEqualTo(TradeoffCli.BAD_INPUT);
    assertThat(err.toString()).contains("--input: no such file").contains("nope.csv");
  }

  @Test
  void pareto_noObjective_exitCode2() throws Exception {
    int code = run("pareto", "--input", csv(CANDIDATES).toString());

    assertThat(code).isEqualTo(TradeoffCli.BAD_INPUT);
    assertThat(err.toString()).contains("--objective");
  }
}
