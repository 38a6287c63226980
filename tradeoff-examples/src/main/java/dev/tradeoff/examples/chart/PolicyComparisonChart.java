package dev.tradeoff.examples.chart;

import java.awt.Font;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Several options compared side by side on several metrics with different units — one panel per metric, the
 * options along a shared axis, each bar labelled with its value.
 *
 * <pre>{@code
 * JFreeChart chart = PolicyComparisonChart.builder()
 *     .title("Routing policies over one simulated day")
 *     .metric("Cost (USD/day)", "$#,##0.00")
 *     .metric("p95 latency (ms)", "#,##0")
 *     .metric("Success rate (%)", "0.00")
 *     .option("cheapest-meeting-slo", 41.20, 1480, 99.31)
 *     .option("round-robin", 77.90, 2210, 96.02)
 *     .build();
 * }</pre>
 */
public final class PolicyComparisonChart {

  private PolicyComparisonChart() {}

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Collects the chart's content; setters reject bad values at once. Not thread-safe, use once. */
  public static final class Builder {
    private String title = "";
    private String subtitle = "";
    private final List<String> metrics = new ArrayList<>();
    private final List<String> formats = new ArrayList<>();
    private final List<String> options = new ArrayList<>();
    private final List<double[]> values = new ArrayList<>();
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
     * A line under the title.
     *
     * @param subtitle the text; blank for none
     * @return this builder
     */
    public Builder subtitle(String subtitle) {
      this.subtitle = Objects.requireNonNull(subtitle, "subtitle").strip();
      return this;
    }

    /**
     * Adds a metric (a panel); metrics must be added before options.
     *
     * @param label the metric with its unit, e.g. {@code "p95 latency (ms)"}
     * @param valueFormat a {@link DecimalFormat} pattern for the bar labels, e.g. {@code "#,##0.0"}
     * @return this builder
     */
    public Builder metric(String label, String valueFormat) {
      if (!options.isEmpty()) {
        throw new IllegalStateException("add every metric before the first option");
      }
      ChartStyle.requireText(label, "metric label");
      new DecimalFormat(ChartStyle.requireText(valueFormat, "valueFormat")); // fails fast on a bad pattern
      metrics.add(label);
      formats.add(valueFormat);
      return this;
    }

    /**
     * Adds an option (a bar in every panel).
     *
     * @param name the option's name
     * @param metricValues one finite value per metric, in metric order
     * @return this builder
     */
    public Builder option(String name, double... metricValues) {
      ChartStyle.requireText(name, "option name");
      Objects.requireNonNull(metricValues, "metricValues");
      if (metricValues.length != metrics.size()) {
        throw new IllegalArgumentException("option '" + name + "' must have " + metrics.size()
            + " values (one per metric), but had " + metricValues.length);
      }
      for (int j = 0; j < metricValues.length; j++) {
        ChartStyle.requireFinite(metricValues[j], "option '" + name + "' metric '" + metrics.get(j) + "'");
      }
      if (options.contains(name)) {
        throw new IllegalArgumentException("option '" + name + "' was already added");
      }
      options.add(name);
      values.add(Arrays.copyOf(metricValues, metricValues.length));
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
     * @throws IllegalStateException if the title, every metric or every option is missing
     */
    public JFreeChart build() {
      if (title.isEmpty()) {
        throw new IllegalStateException("title must be set");
      }
      if (metrics.isEmpty() || options.isEmpty()) {
        throw new IllegalStateException("a comparison needs at least one metric and one option");
      }
      CategoryAxis shared = new CategoryAxis("Policy");
      ChartStyle.axis(shared);
      shared.setCategoryMargin(0.25);
      shared.setMaximumCategoryLabelLines(2);
      if (options.size() > 7) {
        shared.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
      }
      CombinedDomainCategoryPlot combined = new CombinedDomainCategoryPlot(shared);
      combined.setGap(14);
      for (int j = 0; j < metrics.size(); j++) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int i = 0; i < options.size(); i++) {
          data.addValue(values.get(i)[j], metrics.get(j), options.get(i));
        }
        NumberAxis range = new NumberAxis(metrics.get(j));
        ChartStyle.axis(range);
        range.setLabelFont(ChartStyle.AXIS_LABEL.deriveFont(Font.PLAIN, 13f));
        range.setUpperMargin(0.18);
        range.setNumberFormatOverride(new DecimalFormat(formats.get(j), DecimalFormatSymbols.getInstance(Locale.ROOT)));
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, ChartStyle.color(j));
        bars.setMaximumBarWidth(0.12);
        bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
            new DecimalFormat(formats.get(j), DecimalFormatSymbols.getInstance(Locale.ROOT))));
        bars.setDefaultItemLabelsVisible(true);
        bars.setDefaultItemLabelFont(ChartStyle.LABEL);
        bars.setDefaultItemLabelPaint(ChartStyle.TEXT);
        bars.setDefaultPositiveItemLabelPosition(
            new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
        CategoryPlot panel = new CategoryPlot(data, null, range, bars);
        ChartStyle.plot(panel);
        panel.setRangeGridlinePaint(ChartStyle.GRID);
        panel.setOrientation(PlotOrientation.VERTICAL);
        combined.add(panel, 1);
      }
      JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, combined, true);
      ChartStyle.apply(chart, subtitle, simulatedNote);
      return chart;
    }
  }
}
