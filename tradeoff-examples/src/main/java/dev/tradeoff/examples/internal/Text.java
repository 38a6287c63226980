package dev.tradeoff.examples.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Number formats and Markdown tables for the examples' reports; locale-independent. */
public final class Text {

  private Text() {}

  /**
   * Dollars with grouping and two decimals, or four significant digits below one cent.
   *
   * @param usd the amount
   * @return e.g. {@code "$1,234.57"} or {@code "$0.0002135"}
   */
  public static String usd(BigDecimal usd) {
    if (usd.signum() != 0 && usd.abs().compareTo(new BigDecimal("0.01")) < 0) {
      return "$" + usd.round(new java.math.MathContext(4, RoundingMode.HALF_EVEN)).stripTrailingZeros().toPlainString();
    }
    return String.format(Locale.ROOT, "$%,.2f", usd.setScale(2, RoundingMode.HALF_EVEN));
  }

  /**
   * Dollars, see {@link #usd(BigDecimal)}.
   *
   * @param usd the amount
   * @return the text
   */
  public static String usd(double usd) {
    return usd(BigDecimal.valueOf(usd));
  }

  /**
   * Whole dollars with grouping.
   *
   * @param usd the amount
   * @return e.g. {@code "$12,345"}
   */
  public static String usdWhole(double usd) {
    return String.format(Locale.ROOT, "$%,.0f", usd);
  }

  /**
   * Milliseconds with grouping, no decimals.
   *
   * @param ms the time
   * @return e.g. {@code "1,275 ms"}
   */
  public static String ms(double ms) {
    return String.format(Locale.ROOT, "%,.0f ms", ms);
  }

  /**
   * A share as a percentage with one decimal.
   *
   * @param share in [0, 1]
   * @return e.g. {@code "87.9%"}
   */
  public static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * share);
  }

  /**
   * A number with grouping and the given decimals.
   *
   * @param value the number
   * @param decimals digits after the point
   * @return the text
   */
  public static String number(double value, int decimals) {
    return String.format(Locale.ROOT, "%,." + decimals + "f", value);
  }

  /** A Markdown table built row by row; cells are escaped ({@code |}). */
  public static final class Table {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    /**
     * A table with these columns.
     *
     * @param header the column titles
     */
    public Table(String... header) {
      this.header = List.of(header);
    }

    /**
     * Adds a row.
     *
     * @param cells one per column
     * @return this table
     */
    public Table row(String... cells) {
      if (cells.length != header.size()) {
        throw new IllegalArgumentException("row must have " + header.size() + " cells, but had " + cells.length);
      }
      rows.add(List.of(cells));
      return this;
    }

    /**
     * The Markdown text, one line per row, ending with a line break.
     *
     * @return the table
     */
    public String markdown() {
      StringBuilder b = new StringBuilder();
      line(b, header);
      b.append('|');
      for (int j = 0; j < header.size(); j++) {
        b.append("---|");
      }
      b.append('\n');
      for (List<String> row : rows) {
        line(b, row);
      }
      return b.toString();
    }

    /**
     * Plain text with aligned columns, for a terminal.
     *
     * @return the table
     */
    public String plain() {
      int[] width = new int[header.size()];
      for (int j = 0; j < width.length; j++) {
        width[j] = header.get(j).length();
        for (List<String> row : rows) {
          width[j] = Math.max(width[j], row.get(j).length());
        }
      }
      StringBuilder b = new StringBuilder();
      pad(b, header, width);
      for (int j = 0; j < width.length; j++) {
        b.append("-".repeat(width[j])).append(j + 1 < width.length ? "  " : "\n");
      }
      for (List<String> row : rows) {
        pad(b, row, width);
      }
      return b.toString();
    }

    private static void line(StringBuilder b, List<String> cells) {
      b.append('|');
      for (String c : cells) {
        b.append(' ').append(c.replace("|", "\\|")).append(" |");
      }
      b.append('\n');
    }

    private static void pad(StringBuilder b, List<String> cells, int[] width) {
      for (int j = 0; j < cells.size(); j++) {
        String c = cells.get(j);
        boolean last = j + 1 == cells.size();
        b.append(c).append(last ? "\n" : " ".repeat(width[j] - c.length()) + "  ");
      }
    }
  }
}
