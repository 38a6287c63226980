package dev.tradeoff.examples.chart;

import java.awt.Rectangle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes a chart as a PNG (JFreeChart) and an SVG (JFreeSVG) of the same size, headless.
 *
 * <pre>{@code
 * ChartFiles files = ChartWriter.write(chart, Path.of("tradeoff-out"), "cost-vs-latency");
 * ChartFiles big = ChartWriter.write(chart, Path.of("tradeoff-out"), "cost-vs-latency-big", 1600, 1000);
 * }</pre>
 *
 * <p>Sets {@code java.awt.headless=true} unless the application already chose; needs no display. Thread-safe
 * for different charts (a {@code JFreeChart} itself is not thread-safe).
 */
public final class ChartWriter {

  static {
    Headless.ensure();
  }

  /** Default width, in pixels. */
  public static final int DEFAULT_WIDTH = 1100;
  /** Default height, in pixels. */
  public static final int DEFAULT_HEIGHT = 700;

  private ChartWriter() {}

  /**
   * Writes {@code <baseName>.png} and {@code <baseName>.svg} at the default size
   * ({@value #DEFAULT_WIDTH} x {@value #DEFAULT_HEIGHT} pixels), creating the directory if needed.
   *
   * @param chart the chart
   * @param directory the output directory
   * @param baseName the file name without extension, e.g. {@code "cost-vs-latency"}
   * @return the two files
   * @throws UncheckedIOException if a file cannot be written (the message names it)
   * @throws IllegalArgumentException if the base name is blank or contains a path separator
   */
  public static ChartFiles write(JFreeChart chart, Path directory, String baseName) {
    return write(chart, directory, baseName, DEFAULT_WIDTH, DEFAULT_HEIGHT);
  }

  /**
   * Writes {@code <baseName>.png} and {@code <baseName>.svg}, creating the directory if needed.
   *
   * @param chart the chart
   * @param directory the output directory
   * @param baseName the file name without extension
   * @param width in pixels, in [200, 10000]
   * @param height in pixels, in [150, 10000]
   * @return the two files
   * @throws UncheckedIOException if a file cannot be written (the message names it)
   * @throws IllegalArgumentException if a size is out of range or the base name is blank or contains a path
   *     separator
   */
  public static ChartFiles write(JFreeChart chart, Path directory, String baseName, int width, int height) {
    Objects.requireNonNull(chart, "chart");
    Objects.requireNonNull(directory, "directory");
    ChartStyle.requireText(baseName, "baseName");
    if (baseName.contains("/") || baseName.contains("\\")) {
      throw new IllegalArgumentException("baseName must be a plain file name, but was '" + baseName + "'");
    }
    if (width < 200 || width > 10_000) {
      throw new IllegalArgumentException("width must be in [200, 10000] pixels, but was " + width);
    }
    if (height < 150 || height > 10_000) {
      throw new IllegalArgumentException("height must be in [150, 10000] pixels, but was " + height);
    }
    Path png = directory.resolve(baseName + ".png");
    Path svg = directory.resolve(baseName + ".svg");
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create directory " + directory, e);
    }
    try {
      ChartUtils.saveChartAsPNG(png.toFile(), chart, width, height);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + png, e);
    }
    try {
      Files.writeString(svg, svg(chart, width, height), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + svg, e);
    }
    return new ChartFiles(png, svg);
  }

  /**
   * The chart as an SVG document.
   *
   * @param chart the chart
   * @param width in pixels
   * @param height in pixels
   * @return the SVG document text
   */
  public static String svg(JFreeChart chart, int width, int height) {
    Objects.requireNonNull(chart, "chart");
    SVGGraphics2D g2 = new SVGGraphics2D(width, height);
    chart.draw(g2, new Rectangle(0, 0, width, height));
    return g2.getSVGDocument();
  }
}
