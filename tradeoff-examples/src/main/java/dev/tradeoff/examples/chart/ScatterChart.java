package dev.tradeoff.examples.chart;

import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A two-objective scatter chart — typically cost against latency, both smaller-is-better — with every
 * candidate labelled, the Pareto front drawn as a connected line in ascending x, and the recommended candidate
 * marked.
 *
 * <pre>{@code
 * JFreeChart chart = ScatterChart.builder()
 *     .title("Chatbot: cost vs latency")
 *     .subtitle("50 customer-support queries per model")
 *     .xAxis("Cost per conversation (USD)")
 *     .yAxis("p95 TTFT (ms)")
 *     .point("gpt-4o-mini", 0.0016, 1210)
 *     .point("claude-3-haiku", 0.0021, 520)
 *     .point("gpt-4o", 0.0260, 700)
 *     .front(0, 1)
 *     .recommended(1)
 *     .simulated(true)
 *     .build();
 * }</pre>
 *
 * <p>The legend shows "Pareto front", "Dominated" (when some candidate is off the front) and "Recommended:
 * <name>". The front is given by the caller (computed with {@code dev.tradeoff.pareto}); this class only draws.
 */
public final class ScatterChart {

  private ScatterChart() {}

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
    private String xAxis = "";
    private String yAxis = "";
    private String xFormat = "";
    private final List<String> labels = new ArrayList<>();
    private final List<double[]> points = new ArrayList<>();
    private int[] front = new int[0];
    private int recommended = -1;
    private String simulatedNote = "";
    private String frontLabel = "Pareto front (non-dominated)";
    private final List<double[]> limits = new ArrayList<>();
    private final List<String> limitLabels = new ArrayList<>();

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
     * A line under the title (workload, budget, what was measured).
     *
     * @param subtitle the text; blank for none
     * @return this builder
     */
    public Builder subtitle(String subtitle) {
      this.subtitle = Objects.requireNonNull(subtitle, "subtitle").strip();
      return this;
    }

    /**
     * The x-axis label, with its unit.
     *
     * @param label e.g. {@code "Cost per conversation (USD)"}
     * @return this builder
     */
    public Builder xAxis(String label) {
      this.xAxis = ChartStyle.requireText(label, "xAxis");
      return this;
    }

    /**
     * The y-axis label, with its unit.
     *
     * @param label e.g. {@code "p95 TTFT (ms)"}
     * @return this builder
     */
    public Builder yAxis(String label) {
      this.yAxis = ChartStyle.requireText(label, "yAxis");
      return this;
    }

    /**
     * The tick-label format of the x axis, a {@link java.text.DecimalFormat} pattern such as {@code "$#,##0"};
     * JFreeChart's automatic format by default.
     *
     * @param pattern the pattern
     * @return this builder
     */
    public Builder xFormat(String pattern) {
      new DecimalFormat(ChartStyle.requireText(pattern, "xFormat"));
      this.xFormat = pattern;
      return this;
    }

    /**
     * Adds a candidate; its index is the number of points added before it.
     *
     * @param label the candidate's name, shown beside the point
     * @param x finite
     * @param y finite
     * @return this builder
     */
    public Builder point(String label, double x, double y) {
      ChartStyle.requireText(label, "label");
      int i = labels.size();
      points.add(new double[] {
          ChartStyle.requireFinite(x, "x of point " + i + " ('" + label + "')"),
          ChartStyle.requireFinite(y, "y of point " + i + " ('" + label + "')")});
      labels.add(label);
      return this;
    }

    /**
     * The Pareto front: indices of the non-dominated points, in any order.
     *
     * @param indices point indices
     * @return this builder
     */
    public Builder front(int... indices) {
      this.front = Arrays.copyOf(Objects.requireNonNull(indices, "indices"), indices.length);
      return this;
    }

    /**
     * The legend text of the front; {@code "Pareto front (non-dominated)"} by default.
     *
     * @param label the text
     * @return this builder
     */
    public Builder frontLabel(String label) {
      this.frontLabel = ChartStyle.requireText(label, "frontLabel");
      return this;
    }

    /**
     * The recommended point.
     *
     * @param index its index
     * @return this builder
     */
    public Builder recommended(int index) {
      this.recommended = index;
      return this;
    }

    /**
     * A vertical dashed line, e.g. the budget; drawn only if it falls within the points' range.
     *
     * @param x where, in x-axis units
     * @param label its label, e.g. {@code "budget $500/month"}
     * @return this builder
     */
    public Builder xLimit(double x, String label) {
      limits.add(new double[] {0, ChartStyle.requireFinite(x, "xLimit")});
      limitLabels.add(ChartStyle.requireText(label, "label"));
      return this;
    }

    /**
     * A horizontal dashed line, e.g. a latency SLO; drawn only if it falls within the points' range.
     *
     * @param y where, in y-axis units
     * @param label its label, e.g. {@code "SLO: p95 TTFT 1,000 ms"}
     * @return this builder
     */
    public Builder yLimit(double y, String label) {
      limits.add(new double[] {1, ChartStyle.requireFinite(y, "yLimit")});
      limitLabels.add(ChartStyle.requireText(label, "label"));
      return this;
    }

    /**
     * Whether the data was measured against the simulated provider: adds a red banner saying so.
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
     * @throws IllegalStateException if title, axes or points are missing, or an index is out of range
     */
    public JFreeChart build() {
      if (title.isEmpty() || xAxis.isEmpty() || yAxis.isEmpty()) {
        throw new IllegalStateException("title, xAxis and yAxis must be set");
      }
      if (points.isEmpty()) {
        throw new IllegalStateException("a scatter chart needs at least one point");
      }
      boolean[] onFront = new boolean[points.size()];
      for (int i : front) {
        checkIndex(i, "front");
        onFront[i] = true;
      }
      if (recommended >= 0 || recommended < -1) {
        checkIndex(recommended, "recommended");
      }
      return draw(onFront);
    }

    private void checkIndex(int i, String what) {
      if (i < 0 || i >= points.size()) {
        throw new IllegalStateException(what + " index must be in [0, " + points.size() + "), but was " + i);
      }
    }

    private JFreeChart draw(boolean[] onFront) {
      XYSeriesCollection data = new XYSeriesCollection();
      // autoSort false: the front must be drawn in the order given (ascending x, below).
      XYSeries frontSeries = new XYSeries(frontLabel, false, true);
      Integer[] order = new Integer[points.size()];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> points.get(i)[0])
          .thenComparingDouble(i -> points.get(i)[1]));
      for (int i : order) {
        if (onFront[i]) {
          frontSeries.add(points.get(i)[0], points.get(i)[1]);
        }
      }
      XYSeries dominated = new XYSeries("Dominated", false, true);
      for (int i = 0; i < onFront.length; i++) {
        if (!onFront[i]) {
          dominated.add(points.get(i)[0], points.get(i)[1]);
        }
      }
      int seriesIndex = 0;
      int frontIndex = -1;
      int dominatedIndex = -1;
      int recommendedIndex = -1;
      if (!frontSeries.isEmpty()) {
        data.addSeries(frontSeries);
        frontIndex = seriesIndex++;
      }
      if (!dominated.isEmpty()) {
        data.addSeries(dominated);
        dominatedIndex = seriesIndex++;
      }
      if (recommended >= 0) {
        XYSeries rec = new XYSeries("Recommended: " + labels.get(recommended), false, true);
        rec.add(points.get(recommended)[0], points.get(recommended)[1]);
        data.addSeries(rec);
        recommendedIndex = seriesIndex++;
      }

      NumberAxis x = new NumberAxis(xAxis);
      NumberAxis y = new NumberAxis(yAxis);
      x.setAutoRangeIncludesZero(false);
      y.setAutoRangeIncludesZero(false);
      // Room for the labels beside the points and for a lone point.
      x.setLowerMargin(0.12);
      x.setUpperMargin(0.22);
      y.setLowerMargin(0.12);
      y.setUpperMargin(0.15);
      ChartStyle.axis(x);
      ChartStyle.axis(y);
      widenDegenerateRange(x, 0);
      if (!xFormat.isEmpty()) {
        x.setNumberFormatOverride(new DecimalFormat(xFormat, DecimalFormatSymbols.getInstance(Locale.ROOT)));
      }
      widenDegenerateRange(y, 1);

      XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
      Shape dot = new Ellipse2D.Double(-6, -6, 12, 12);
      if (frontIndex >= 0) {
        renderer.setSeriesLinesVisible(frontIndex, true);
        renderer.setSeriesShapesVisible(frontIndex, true);
        renderer.setSeriesShape(frontIndex, dot);
        renderer.setSeriesPaint(frontIndex, ChartStyle.color(0));
        renderer.setSeriesStroke(frontIndex, ChartStyle.LINE);
      }
      if (dominatedIndex >= 0) {
        renderer.setSeriesLinesVisible(dominatedIndex, false);
        renderer.setSeriesShapesVisible(dominatedIndex, true);
        renderer.setSeriesShape(dominatedIndex, new Rectangle2D.Double(-5, -5, 10, 10));
        renderer.setSeriesPaint(dominatedIndex, ChartStyle.color(6));
      }
      if (recommendedIndex >= 0) {
        renderer.setSeriesLinesVisible(recommendedIndex, false);
        renderer.setSeriesShapesVisible(recommendedIndex, true);
        renderer.setSeriesShape(recommendedIndex, ShapeUtils.createDiamond(12f));
        renderer.setSeriesPaint(recommendedIndex, ChartStyle.color(1));
        renderer.setSeriesShapesFilled(recommendedIndex, true);
      }
      renderer.setUseOutlinePaint(true);
      renderer.setDefaultOutlinePaint(Color.DARK_GRAY);

      XYPlot plot = new XYPlot(data, x, y, renderer);
      ChartStyle.plot(plot);
      plot.setDomainGridlinePaint(ChartStyle.GRID);
      plot.setRangeGridlinePaint(ChartStyle.GRID);
      plot.setAxisOffset(new RectangleInsets(4, 4, 4, 4));
      double minX = Double.POSITIVE_INFINITY;
      double maxX = Double.NEGATIVE_INFINITY;
      for (double[] p : points) {
        minX = Math.min(minX, p[0]);
        maxX = Math.max(maxX, p[0]);
      }
      for (int i = 0; i < points.size(); i++) {
        String name = labels.get(i) + (i == recommended ? " (recommended)" : "");
        // Labels of points in the right part of the plot go to their left, so that they are not cut off.
        boolean leftOfPoint = maxX > minX && points.get(i)[0] > minX + 0.6 * (maxX - minX);
        XYTextAnnotation label = new XYTextAnnotation(leftOfPoint ? name + "   " : "   " + name,
            points.get(i)[0], points.get(i)[1]);
        label.setFont(i == recommended ? ChartStyle.LABEL_BOLD : ChartStyle.LABEL);
        label.setPaint(ChartStyle.TEXT);
        label.setTextAnchor(leftOfPoint ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_LEFT);
        plot.addAnnotation(label);
      }
      for (int m = 0; m < limits.size(); m++) {
        ValueMarker marker = new ValueMarker(limits.get(m)[1]);
        marker.setPaint(ChartStyle.SIMULATED);
        marker.setStroke(ChartStyle.DASHED);
        marker.setLabel(limitLabels.get(m));
        marker.setLabelFont(ChartStyle.LABEL);
        marker.setLabelPaint(ChartStyle.SIMULATED);
        marker.setLabelBackgroundColor(new Color(255, 255, 255, 230));
        if (limits.get(m)[0] == 0) {
          marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
          marker.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
          plot.addDomainMarker(marker, Layer.BACKGROUND);
        } else {
          marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
          marker.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
          plot.addRangeMarker(marker, Layer.BACKGROUND);
        }
      }
      JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, true);
      ChartStyle.apply(chart, subtitle, simulatedNote);
      return chart;
    }

    /** A single point (or equal values) gives a zero-width range; show ±10% around it instead. */
    private void widenDegenerateRange(NumberAxis axis, int coordinate) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (double[] p : points) {
        min = Math.min(min, p[coordinate]);
        max = Math.max(max, p[coordinate]);
      }
      if (max - min <= Math.abs(max) * 1e-9) {
        double pad = max == 0 ? 1 : Math.abs(max) * 0.1;
        axis.setRange(min - pad, max + pad);
      }
    }
  }
}
