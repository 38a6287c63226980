package dev.tradeoff.api.internal;

import dev.tradeoff.api.Metric;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Number formatting for sentences and tables: fixed English conventions, independent of the JVM locale. */
public final class Fmt {

  private static final DecimalFormatSymbols US = DecimalFormatSymbols.getInstance(Locale.US);

  private Fmt() {}

  /**
   * Dollars for people: {@code $1,234.57}; amounts below a cent keep two significant digits ({@code $0.00042}).
   *
   * @param usd the amount
   * @return the text
   */
  public static String usd(BigDecimal usd) {
    BigDecimal abs = usd.abs();
    String sign = usd.signum() < 0 ? "-" : "";
    if (abs.signum() != 0 && abs.compareTo(new BigDecimal("0.01")) < 0) {
      BigDecimal two = abs.round(new MathContext(2, RoundingMode.HALF_EVEN));
      return sign + "$" + two.stripTrailingZeros().toPlainString();
    }
    return sign + "$" + new DecimalFormat("#,##0.00", US).format(abs.setScale(2, RoundingMode.HALF_EVEN));
  }

  /**
   * A dollar difference for sentences: whole dollars from $100 on, cents below.
   *
   * @param usd the amount, {@code >= 0}
   * @return the text
   */
  public static String usdShort(BigDecimal usd) {
    if (usd.abs().compareTo(BigDecimal.valueOf(100)) >= 0) {
      return (usd.signum() < 0 ? "-" : "") + "$"
          + new DecimalFormat("#,##0", US).format(usd.abs().setScale(0, RoundingMode.HALF_EVEN));
    }
    return usd(usd);
  }

  /**
   * A count with thousands separators and at most {@code decimals} decimals ({@code 1,000}, {@code 152,083.3}).
   *
   * @param value the value
   * @param decimals the most decimals
   * @return the text
   */
  public static String count(double value, int decimals) {
    StringBuilder pattern = new StringBuilder("#,##0");
    if (decimals > 0) {
      pattern.append('.');
      for (int i = 0; i < decimals; i++) {
        pattern.append('#');
      }
    }
    DecimalFormat f = new DecimalFormat(pattern.toString(), US);
    f.setRoundingMode(RoundingMode.HALF_EVEN);
    return f.format(value);
  }

  /**
   * A count that reads as zero only when it is zero, for shortfalls such as unserved tokens: whole numbers with
   * thousands separators from 1 on ({@code 1,234}), two significant digits below 1 ({@code 0.37},
   * {@code 0.0042}), where {@link #count(double, int) count(value, 0)} would print {@code 0}.
   *
   * @param value the value, {@code >= 0}
   * @return the text; {@code "0"} only for zero
   */
  public static String countNonZero(double value) {
    if (value > 0 && value < 1) {
      return BigDecimal.valueOf(value).round(new MathContext(2, RoundingMode.HALF_EVEN)).stripTrailingZeros()
          .toPlainString();
    }
    return count(value, 0);
  }

  /**
   * A plain number with up to {@code decimals} decimals, no grouping ({@code 0.78}, {@code 1.5}).
   *
   * @param value the value
   * @param decimals the most decimals
   * @return the text
   */
  public static String plain(double value, int decimals) {
    return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros()
        .toPlainString();
  }

  /**
   * A value of a metric with its unit: {@code 610 ms}, {@code 85 tokens/s}, {@code 0.82}, {@code 1.5%}.
   *
   * @param metric the metric
   * @param value the value
   * @return the text
   */
  public static String metric(Metric metric, double value) {
    switch (metric) {
      case P50_TTFT_MS:
      case P95_TTFT_MS:
        return count(value, value < 10 ? 1 : 0) + " ms";
      case TOKENS_PER_SECOND:
        return count(value, value < 10 ? 1 : 0) + " tokens/s";
      case ERROR_RATE:
        return plain(100 * value, 2) + "%";
      case MONTHLY_COST_USD:
        return usd(BigDecimal.valueOf(value));
      case QUALITY:
      default:
        return plain(value, 3);
    }
  }

  /**
   * A share as a whole percent ({@code 58%}), one decimal below 10%.
   *
   * @param fraction the share, e.g. {@code 0.58}
   * @return the text
   */
  public static String percent(double fraction) {
    double p = 100 * fraction;
    return plain(p, Math.abs(p) < 10 ? 1 : 0) + "%";
  }
}
