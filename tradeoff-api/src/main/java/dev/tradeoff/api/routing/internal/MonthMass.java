package dev.tradeoff.api.routing.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.function.IntToDoubleFunction;

/**
 * The demand "mass" of one calendar month: hour-of-week weights integrated over the month's time, in
 * weight × milliseconds, as exact decimals (each weight is the decimal of its shortest {@code double}
 * representation). Cumulative sums per hour make the mass elapsed at any instant an O(1) lookup.
 *
 * <p>The month is cut into hour-long steps from its first local midnight; each step takes the weight of the
 * local hour of the week in which it starts (across a daylight-saving change a step may straddle two local
 * hours; it keeps the first one's weight). The last step is shorter when the month is not a whole number of
 * hours long.
 */
public final class MonthMass {

  private static final long HOUR_MILLIS = 3_600_000L;

  private final YearMonth month;
  private final long startMillis;
  private final long endMillis;
  private final BigDecimal[] weight;
  /** cumulative[h] = mass of the steps before step h. */
  private final BigDecimal[] cumulative;

  private MonthMass(YearMonth month, long startMillis, long endMillis, BigDecimal[] weight, BigDecimal[] cum) {
    this.month = month;
    this.startMillis = startMillis;
    this.endMillis = endMillis;
    this.weight = weight;
    this.cumulative = cum;
  }

  /**
   * The mass of a month.
   *
   * @param month the month
   * @param zone the zone whose calendar defines the month and the local hours
   * @param hourOfWeekWeight weight of hour-of-week 0 (Monday 00:00) to 167
   * @return the mass table
   */
  public static MonthMass of(YearMonth month, ZoneId zone, IntToDoubleFunction hourOfWeekWeight) {
    long start = month.atDay(1).atStartOfDay(zone).toInstant().toEpochMilli();
    long end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant().toEpochMilli();
    int steps = (int) ((end - start + HOUR_MILLIS - 1) / HOUR_MILLIS);
    BigDecimal[] w = new BigDecimal[steps];
    BigDecimal[] cum = new BigDecimal[steps + 1];
    cum[0] = BigDecimal.ZERO;
    for (int h = 0; h < steps; h++) {
      long stepStart = start + h * HOUR_MILLIS;
      ZonedDateTime local = Instant.ofEpochMilli(stepStart).atZone(zone);
      int hourOfWeek = (local.getDayOfWeek().getValue() - 1) * 24 + local.getHour();
      w[h] = BigDecimal.valueOf(hourOfWeekWeight.applyAsDouble(hourOfWeek));
      long len = Math.min(HOUR_MILLIS, end - stepStart);
      cum[h + 1] = cum[h].add(w[h].multiply(BigDecimal.valueOf(len)));
    }
    return new MonthMass(month, start, end, w, cum);
  }

  /**
   * The month.
   *
   * @return the month
   */
  public YearMonth month() {
    return month;
  }

  /**
   * The mass of the whole month.
   *
   * @return weight × milliseconds
   */
  public BigDecimal total() {
    return cumulative[cumulative.length - 1];
  }

  /**
   * The mass from the month's start to an instant (0 before the start, the total after the end).
   *
   * @param epochMillis the instant
   * @return weight × milliseconds
   */
  public BigDecimal elapsed(long epochMillis) {
    if (epochMillis <= startMillis) {
      return BigDecimal.ZERO;
    }
    if (epochMillis >= endMillis) {
      return total();
    }
    long ms = epochMillis - startMillis;
    int h = (int) (ms / HOUR_MILLIS);
    return cumulative[h].add(weight[h].multiply(BigDecimal.valueOf(ms - h * HOUR_MILLIS)));
  }
}
