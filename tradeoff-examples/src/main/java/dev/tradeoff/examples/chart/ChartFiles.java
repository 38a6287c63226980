package dev.tradeoff.examples.chart;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The two files one chart was written to.
 *
 * <pre>{@code
 * ChartFiles files = ChartWriter.write(chart, Path.of("tradeoff-out"), "cost-vs-latency");
 * files.png();   // tradeoff-out/cost-vs-latency.png
 * files.svg();   // tradeoff-out/cost-vs-latency.svg
 * }</pre>
 *
 * @param png the PNG image
 * @param svg the SVG image
 */
public record ChartFiles(Path png, Path svg) {

  /** Checks the components. */
  public ChartFiles {
    Objects.requireNonNull(png, "png");
    Objects.requireNonNull(svg, "svg");
  }
}
