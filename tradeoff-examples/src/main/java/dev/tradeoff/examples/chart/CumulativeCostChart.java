package dev.tradeoff.examples.chart;

import java.awt.Color;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Cumulative cost over time, one line per option — the total-cost-of-ownership picture — with vertical markers
 * for events such as the break-even month.
 *
 * <pre>{@code
 * JFreeChart chart = CumulativeCostChart.builder()
 *     .title("3-year TCO: Azure PTU vs self-hosted Llama 3 70B")
 *     .xAxis("Month")
 *     .yAxis("Cumulative cost (USD)")
 *     .series("Azure PTU (current)", new double[] {10_000, 20_000, 30_000})   // month 1, 2, 3
 *     .series("Self-hosted", new double[] {25_000, 31_000, 37_000})
 *     .marker(14, "break-even: month 14")
 *     .build();
 * }</pre>
 *
 * <p>Value {@code i} of a series is the cumulative cost at the end of month {@code i + 1}; the line starts at
 * (0, 0) so one-time costs show as the jump of the first month.
 */
public final class CumulativeCostChart {

  private CumulativeCostChart() {}

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** The smallest 1, 2, 2.5 or 5 times a power of ten that is at least {@code raw}. */
  static double niceStep(double raw) {
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * power >= raw) {
        return m * power;
      }
    }
    return 10 * power;
  }

  /** Collects the chart's content; setters reject bad values at once. Not thread-safe, use once. */
  public static final class Builder {
    private String title = "";
    private String subtitle = "";
    private String xAxis = "Month";
    private String yAxis = "";
    private final List<String> names = new ArrayList<>();
    private final List<double[]> series = new ArrayList<>();
    private final List<int[]> styles = new ArrayList<>();
    private final List<Double> markerAt = new ArrayList<>();
    private final List<String> markerText = new ArrayList<>();
    private String simulatedNote = "";

    private Builder() {}

    /**
     * The title.
     *
     * @param title non-blank
     * @return this builder
     */
    public Builder title(String title) {
      this.title = ChartStyle.requireText(title, "title");
      return this;
    }

    /**
     * A line under the title (the assumptions: growth, price decline).
     *
     * @param subtitle the text; blank for none
     * @return this builder
     */
    public Builder subtitle(String subtitle) {
      this.subtitle = Objects.requireNonNull(subtitle, "subtitle").strip();
      return this;
    }

    /**
     * The x-axis label; {@code "Month"} by default.
     *
     * @param label the label, with its unit
     * @return this builder
     */
    public Builder xAxis(String label) {
      this.xAxis = ChartStyle.requireText(label, "xAxis");
      return this;
    }

    /**
     * The y-axis label, with its unit.
     *
     * @param label e.g. {@code "Cumulative cost (USD)"}
     * @return this builder
     */
    public Builder yAxis(String label) {
      this.yAxis = ChartStyle.requireText(label, "yAxis");
      return this;
    }

    /**
     * Adds one option's cumulative cost by month.
     *
     * @param name the option, shown in the legend
     * @param cumulativeByMonth value {@code i} = cumulative cost at the end of month {@code i + 1}; finite, at
     *     least one value
     * @return this builder
     */
    public Builder series(String name, double[] cumulativeByMonth) {
      ChartStyle.requireText(name, "name");
      Objects.requireNonNull(cumulativeByMonth, "cumulativeByMonth");
      if (cumulativeByMonth.length == 0) {
        throw new IllegalArgumentException("series '" + name + "' must have at least one month");
      }
      for (int i = 0; i < cumulativeByMonth.length; i++) {
        ChartStyle.requireFinite(cumulativeByMonth[i], "series '" + name + "' month " + (i + 1));
      }
      names.add(name);
      series.add(Arrays.copyOf(cumulativeByMonth, cumulativeByMonth.length));
      styles.add(new int[] {names.size() - 1, 0});
      return this;
    }

    /**
     * Adds one option's cumulative cost by month with a chosen colour and line, so that related lines (the same
     * option under several cases) share a colour and differ in dash.
     *
     * <pre>{@code
     * b.series("PTU - steady", ptuSteady, 0, false).series("PTU - growth", ptuGrowth, 0, true);
     * }</pre>
     *
     * @param name the option, shown in the legend
     * @param cumulativeByMonth value {@code i} = cumulative cost at the end of month {@code i + 1}
     * @param color the palette index, {@code >= 0}
     * @param dashed whether the line is dashed
     * @return this builder
     */
    public Builder series(String name, double[] cumulativeByMonth, int color, boolean dashed) {
      if (color < 0) {
        throw new IllegalArgumentException("color must be >= 0, but was " + color);
      }
      series(name, cumulativeByMonth);
      styles.set(styles.size() - 1, new int[] {color, dashed ? 1 : 0});
      return this;
    }

    /**
     * A vertical marker, e.g. the break-even month.
     *
     * @param x where, in x-axis units (months)
     * @param text its label
     * @return this builder
     */
    public Builder marker(double x, String text) {
      markerAt.add(ChartStyle.requireFinite(x, "marker x"));
      markerText.add(ChartStyle.requireText(text, "marker text"));
      return this;
    }

    /**
     * Whether the data is simulated: adds a red banner saying so.
     *
     * @param simulated true for simulated data
     * @return this builder
     */
    public Builder simulated(boolean simulated) {
      this.simulatedNote = simulated ? ChartStyle.SIMULATED_PROVIDER_NOTE : "";
      return this;
    }

    /**
     * Marks the data as simulated with a note on how, e.g. {@code "discrete-event simulation of one day"}: a red
     * banner reads "SIMULATED DATA: " and the note.
     *
     * @param note how the data was simulated, non-blank
     * @return this builder
     */
    public Builder simulated(String note) {
      this.simulatedNote = ChartStyle.requireText(note, "note");
      return this;
    }

    /**
     * Draws the chart.
     *
     * @return a new chart
     * @throws IllegalStateException if the title, the y-axis label or every series is missing
     */
    public JFreeChart build() {
      if (title.isEmpty() || yAxis.isEmpty()) {
        throw new IllegalStateException("title and yAxis must be set");
      }
      if (series.isEmpty()) {
        throw new IllegalStateException("a cumulative-cost chart needs at least one series");
      }
      XYSeriesCollection data = new XYSeriesCollection();
      int months = 0;
      for (int s = 0; s < series.size(); s++) {
        XYSeries line = new XYSeries(names.get(s), false, true);
        line.add(0, 0);
        double[] values = series.get(s);
        months = Math.max(months, values.length);
        for (int i = 0; i < values.length; i++) {
          line.add(i + 1, values[i]);
        }
        data.addSeries(line);
      }
      NumberAxis x = new NumberAxis(xAxis);
      x.setRange(0, months);
      x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
      NumberAxis y = new NumberAxis(yAxis);
      y.setAutoRangeIncludesZero(true);
      y.setUpperMargin(0.08);
      y.setNumberFormatOverride(new DecimalFormat("$#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)));
      double max = 0;
      for (double[] values : series) {
        for (double v : values) {
          max = Math.max(max, v);
        }
      }
      if (max > 0) {
        // About ten ticks on a 1-2-2.5-5 scale: JFreeChart's own choice crowds a tall axis with thirty labels.
        y.setTickUnit(new NumberTickUnit(niceStep(max / 10)));
      }
      ChartStyle.axis(x);
      ChartStyle.axis(y);

      XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
      for (int s = 0; s < series.size(); s++) {
        renderer.setSeriesPaint(s, ChartStyle.color(styles.get(s)[0]));
        renderer.setSeriesStroke(s, styles.get(s)[1] == 1 ? ChartStyle.DASHED_LINE : ChartStyle.LINE);
      }
      XYPlot plot = new XYPlot(data, x, y, renderer);
      ChartStyle.plot(plot);
      plot.setDomainGridlinePaint(ChartStyle.GRID);
      plot.setRangeGridlinePaint(ChartStyle.GRID);
      for (int m = 0; m < markerAt.size(); m++) {
        ValueMarker marker = new ValueMarker(markerAt.get(m));
        marker.setPaint(Color.DARK_GRAY);
        marker.setStroke(ChartStyle.DASHED);
        marker.setLabel(markerText.get(m));
        marker.setLabelFont(ChartStyle.LABEL_BOLD);
        marker.setLabelPaint(ChartStyle.TEXT);
        marker.setLabelBackgroundColor(new Color(255, 255, 255, 230));
        // Label at the top, to the right of the line (left of it when the marker is in the right third).
        boolean rightSide = markerAt.get(m) < months * 0.66;
        marker.setLabelAnchor(rightSide ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.TOP_LEFT);
        marker.setLabelTextAnchor(rightSide ? TextAnchor.TOP_LEFT : TextAnchor.TOP_RIGHT);
        marker.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(8 + 18 * m, 6, 0, 6));
        plot.addDomainMarker(marker, Layer.FOREGROUND);
      }
      JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, true);
      ChartStyle.apply(chart, subtitle, simulatedNote);
      return chart;
    }
  }
}
