package dev.tradeoff.examples.chart;

import org.jfree.chart.text.TextUtils;

/** Makes AWT headless before anything draws, unless the application decided otherwise. Package-private. */
final class Headless {

  private Headless() {}

  /**
   * Sets {@code java.awt.headless=true} unless already set (must run before AWT initialises), and has
   * JFreeChart draw rotated text (the y-axis label) with {@code drawString} rather than as glyph outlines, so
   * that the SVG keeps it as searchable, selectable text; the workaround JFreeChart applies by default is for
   * JDK 1.4-era rendering bugs.
   */
  static void ensure() {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    TextUtils.setUseDrawRotatedStringWorkaround(false);
  }
}
