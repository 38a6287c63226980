package dev.tradeoff.examples.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ChartWriterTest {

  @TempDir
  Path dir;

  static JFreeChart scatter() {
    return ScatterChart.builder()
        .title("Chatbot: cost vs latency")
        .subtitle("1,000 DAU x 5 turns, budget $500/month")
        .xAxis("Cost per conversation (USD)")
        .yAxis("p95 TTFT (ms)")
        .point("gpt-4o-mini", 0.0016, 1210)
        .point("claude-3-haiku", 0.0021, 520)
        .point("gpt-4o", 0.0260, 700)
        .point("claude-3-5-sonnet", 0.0310, 1400)
        .front(0, 1)
        .recommended(1)
        .simulated(true)
        .build();
  }

  @Test
  void write_scatter_writesPngAndSvgOfTheRequestedSize() throws IOException {
    ChartFiles files = ChartWriter.write(scatter(), dir, "scatter", 900, 600);

    BufferedImage png = ImageIO.read(files.png().toFile());
    assertThat(png.getWidth()).isEqualTo(900);
    assertThat(png.getHeight()).isEqualTo(600);
    String svg = Files.readString(files.svg(), StandardCharsets.UTF_8);
    assertThat(svg).contains("<svg").contains("width='900.0'").contains("height='600.0'");
  }

  @Test
  void write_scatter_svgCarriesAxesLegendLabelsAndTheSimulatedBanner() throws IOException {
    String svg = Files.readString(ChartWriter.write(scatter(), dir, "scatter").svg(), StandardCharsets.UTF_8);

    assertThat(svg)
        .contains("Cost per conversation (USD)")
        .contains("p95 TTFT (ms)")
        .contains("Pareto front (non-dominated)")
        .contains("Dominated")
        .contains("Recommended: claude-3-haiku")
        .contains("gpt-4o-mini")
        .contains("SIMULATED DATA");
  }

  @Test
  void write_cumulativeCost_svgCarriesSeriesAndMarker() throws IOException {
    double[] ptu = new double[36];
    double[] self = new double[36];
    for (int m = 0; m < 36; m++) {
      ptu[m] = 10_000.0 * (m + 1);
      self[m] = 60_000 + 6_500.0 * (m + 1);
    }
    JFreeChart chart = CumulativeCostChart.builder()
        .title("3-year TCO")
        .subtitle("growth 3%/month")
        .yAxis("Cumulative cost (USD)")
        .series("Azure PTU", ptu)
        .series("Self-hosted", self)
        .marker(18, "break-even: month 18")
        .build();

    String svg = Files.readString(ChartWriter.write(chart, dir, "tco").svg(), StandardCharsets.UTF_8);

    assertThat(svg).contains("Cumulative cost (USD)").contains("Month").contains("Azure PTU")
        .contains("Self-hosted").contains("break-even: month 18").doesNotContain("SIMULATED");
  }

  @Test
  void write_policyComparison_svgCarriesEveryMetricAndOption() throws IOException {
    JFreeChart chart = PolicyComparisonChart.builder()
        .title("Routing policies")
        .metric("Cost (USD/day)", "$#,##0.00")
        .metric("p95 latency (ms)", "#,##0")
        .metric("Success rate (%)", "0.00")
        .option("cheapest", 41.2, 1480, 99.31)
        .option("round-robin", 77.9, 2210, 96.02)
        .simulated(true)
        .build();

    String svg = Files.readString(ChartWriter.write(chart, dir, "policies").svg(), StandardCharsets.UTF_8);

    assertThat(svg).contains("Cost (USD/day)").contains("p95 latency (ms)").contains("Success rate (%)")
        .contains("cheapest").contains("round-robin").contains("$41.20").contains("SIMULATED DATA");
  }

  @Test
  void build_frontIndexOutOfRange_namesIt() {
    assertThatThrownBy(() -> ScatterChart.builder().title("t").xAxis("x (USD)").yAxis("y (ms)")
        .point("a", 1, 2).front(3).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("front index must be in [0, 1), but was 3");
  }

  @Test
  void point_notFinite_namesPointAndCoordinate() {
    assertThatThrownBy(() -> ScatterChart.builder().point("a", Double.NaN, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("x of point 0 ('a') must be finite, but was NaN");
  }

  @Test
  void option_wrongNumberOfValues_namesOptionAndCount() {
    assertThatThrownBy(() -> PolicyComparisonChart.builder().metric("Cost (USD)", "0.00").option("p", 1, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("option 'p' must have 1 values (one per metric), but had 2");
  }

  @Test
  void write_baseNameWithSeparator_isRejected() {
    assertThatThrownBy(() -> ChartWriter.write(scatter(), dir, "a/b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("baseName");
  }
}
