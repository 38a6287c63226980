package dev.tradeoff.examples.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/** The look shared by every chart: fonts, colours, the "simulated" banner. Package-private. */
final class ChartStyle {

  static {
    Headless.ensure();
  }

  /** A palette readable by colour-blind viewers (Okabe and Ito, 2008). */
  static final Color[] PALETTE = {
    new Color(0x00, 0x72, 0xB2), // blue
    new Color(0xD5, 0x5E, 0x00), // vermillion
    new Color(0x00, 0x9E, 0x73), // bluish green
    new Color(0xCC, 0x79, 0xA7), // reddish purple
    new Color(0xE6, 0x9F, 0x00), // orange
    new Color(0x56, 0xB4, 0xE9), // sky blue
    new Color(0x59, 0x59, 0x59), // grey
  };

  static final Color GRID = new Color(0xD9, 0xD9, 0xD9);
  static final Color TEXT = new Color(0x20, 0x20, 0x20);
  static final Color SIMULATED = new Color(0xB0, 0x00, 0x20);

  static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 20);
  static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
  static final Font BANNER = new Font(Font.SANS_SERIF, Font.BOLD, 14);
  static final Font AXIS_LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
  static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
  static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  static final Font LABEL_BOLD = new Font(Font.SANS_SERIF, Font.BOLD, 13);

  static final BasicStroke LINE = new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
  static final BasicStroke DASHED_LINE = new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
      new float[] {10f, 6f}, 0f);
  static final BasicStroke DASHED = new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
      new float[] {7f, 5f}, 0f);

  /** The words every chart of simulated data carries, in red, under its title (followed by a note). */
  static final String SIMULATED_BANNER = "SIMULATED DATA: ";

  /** The default note: where the data comes from. */
  static final String SIMULATED_PROVIDER_NOTE = "measured against the embedded simulated provider, not a real API";

  private ChartStyle() {}

  static Paint color(int i) {
    return PALETTE[Math.floorMod(i, PALETTE.length)];
  }

  /** Applies fonts and colours to a chart, and adds the subtitle and the simulated banner (unless the note is empty). */
  static void apply(JFreeChart chart, String subtitle, String simulatedNote) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.setPadding(new RectangleInsets(8, 8, 8, 16));
    chart.setTextAntiAlias(true);
    chart.setAntiAlias(true);
    TextTitle title = chart.getTitle();
    if (title != null) {
      title.setFont(TITLE);
      title.setPaint(TEXT);
    }
    if (!simulatedNote.isEmpty()) {
      TextTitle banner = new TextTitle(SIMULATED_BANNER + simulatedNote, BANNER);
      banner.setPaint(SIMULATED);
      banner.setPadding(new RectangleInsets(2, 0, 2, 0));
      chart.addSubtitle(banner);
    }
    if (!subtitle.isEmpty()) {
      TextTitle sub = new TextTitle(subtitle, SUBTITLE);
      sub.setPaint(TEXT);
      sub.setPadding(new RectangleInsets(2, 0, 6, 0));
      chart.addSubtitle(sub);
    }
    LegendTitle legend = chart.getLegend();
    if (legend != null) {
      legend.setItemFont(LEGEND);
      legend.setPosition(RectangleEdge.BOTTOM);
      legend.setHorizontalAlignment(HorizontalAlignment.CENTER);
      legend.setFrame(new BlockBorder(GRID));
      legend.setBackgroundPaint(Color.WHITE);
      legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 12));
    }
  }

  static void plot(Plot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlinePaint(GRID);
  }

  static void axis(Axis axis) {
    axis.setLabelFont(AXIS_LABEL);
    axis.setLabelPaint(TEXT);
    axis.setTickLabelFont(TICK);
    axis.setTickLabelPaint(TEXT);
    axis.setAxisLinePaint(Color.GRAY);
  }

  static String requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank, but was " + (value == null ? "null" : "'" + value + "'"));
    }
    return value;
  }

  static double requireFinite(double value, String name) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite, but was " + value);
    }
    return value;
  }
}
