package dev.tradeoff.pricing.plan;

/**
 * The period a {@link UnitPrice} amount is quoted for.
 *
 * <pre>{@code
 * UnitPrice.of(Commitment.P1W, new BigDecimal("1200"), PricePeriod.WEEK);   // Vertex: $1,200 per GSU per week
 * }</pre>
 *
 * @since 0.1.0
 */
public enum PricePeriod {
  /** Per hour. */
  HOUR(1),
  /** Per day (24 hours). */
  DAY(24),
  /** Per week (168 hours). */
  WEEK(168),
  /** Per billing month (730 hours). */
  MONTH(730),
  /** Per year (8,760 hours). */
  YEAR(8760);

  private final int hours;

  PricePeriod(int hours) {
    this.hours = hours;
  }

  /**
   * Hours in the period (a month is 730 hours).
   *
   * @return hours
   */
  public int hours() {
    return hours;
  }
}
