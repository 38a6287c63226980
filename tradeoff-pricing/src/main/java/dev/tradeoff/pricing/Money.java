package dev.tradeoff.pricing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Money conventions of the module: amounts are {@link BigDecimal} US dollars; request costs are exact;
 * figures derived from fractional demand (workload, TCO) are rounded once, at the end, to
 * {@link #REPORT_SCALE} decimal places with {@link RoundingMode#HALF_EVEN}.
 *
 * <pre>{@code
 * BigDecimal cents = Money.toCents(cost.total());   // 0.0042 -> 0.00
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class Money {

  /** The currency of every amount and rate in this module. */
  public static final String CURRENCY = "USD";

  /** Decimal places of derived (non-exact) monthly and TCO figures: 6 (one micro-dollar). */
  public static final int REPORT_SCALE = 6;

  /** Working precision for derived figures before the final rounding: 34 significant digits. */
  public static final MathContext WORKING = MathContext.DECIMAL128;

  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

  private Money() {}

  /**
   * The exact cost of {@code tokens} tokens at {@code perMillion} USD per 1M tokens.
   *
   * @param tokens the token count, {@code >= 0}
   * @param perMillion the rate in USD per 1M tokens
   * @return the exact amount in USD
   */
  public static BigDecimal tokenCost(long tokens, BigDecimal perMillion) {
    return normalize(perMillion.multiply(BigDecimal.valueOf(tokens)).movePointLeft(6));
  }

  /**
   * Rounds a derived figure to {@link #REPORT_SCALE} places, half-even.
   *
   * @param amount the amount
   * @return the rounded amount
   */
  public static BigDecimal report(BigDecimal amount) {
    return amount.setScale(REPORT_SCALE, RoundingMode.HALF_EVEN);
  }

  /**
   * Rounds an amount to whole cents, half-even (how invoices are usually totalled).
   *
   * @param amount the amount
   * @return the amount in cents precision
   */
  public static BigDecimal toCents(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_EVEN);
  }

  /**
   * A non-negative finite double as a decimal, exactly as {@link Double#toString(double)} prints it.
   *
   * @param value the value
   * @return the decimal
   */
  public static BigDecimal of(double value) {
    return normalize(new BigDecimal(Double.toString(value)));
  }

  /**
   * USD per 1M tokens from a price per single token, exactly.
   *
   * @param perToken USD per token, for example {@code 1.5E-7}
   * @return USD per 1M tokens, for example {@code 0.15}
   */
  public static BigDecimal perMillion(BigDecimal perToken) {
    return normalize(perToken.multiply(MILLION));
  }

  /**
   * The value without trailing zeros and never with a negative scale ({@code 2.50 -> 2.5},
   * {@code 1E+1 -> 10}), so that equal amounts print and compare alike.
   *
   * @param value the value
   * @return the normalized value
   */
  public static BigDecimal normalize(BigDecimal value) {
    BigDecimal s = value.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }
}
