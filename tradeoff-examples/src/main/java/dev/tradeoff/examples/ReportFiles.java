package dev.tradeoff.examples;

import dev.tradeoff.examples.chart.ChartFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The files a scenario wrote: its JSON report, its Markdown summary and its charts (PNG and SVG each).
 *
 * <pre>{@code
 * ReportFiles files = report.writeTo(Path.of("tradeoff-out"));
 * files.json();                 // tradeoff-out/report.json
 * files.charts().get(0).png();  // tradeoff-out/cost-vs-latency.png
 * }</pre>
 *
 * @param json the JSON report
 * @param markdown the Markdown summary
 * @param charts the charts, at least one
 */
public record ReportFiles(Path json, Path markdown, List<ChartFiles> charts) {

  /** Checks and copies the components. */
  public ReportFiles {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(markdown, "markdown");
    charts = List.copyOf(charts);
  }

  /**
   * Every file, JSON first, then Markdown, then each chart's PNG and SVG.
   *
   * @return the paths
   */
  public List<Path> all() {
    java.util.List<Path> out = new java.util.ArrayList<>();
    out.add(json);
    out.add(markdown);
    for (ChartFiles c : charts) {
      out.add(c.png());
      out.add(c.svg());
    }
    return List.copyOf(out);
  }
}
