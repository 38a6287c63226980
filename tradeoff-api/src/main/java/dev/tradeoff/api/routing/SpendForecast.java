package dev.tradeoff.api.routing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;

/**
 * Month-to-date spend and the forecast of the month's end, from {@link CostTracker#forecast()}.
 *
 * <p>The forecast extrapolates the observed spend with the workload's {@link DemandShape}: if the part of the
 * month's demand already past is {@code E} and the part still to come is {@code R} (hour-of-week weights
 * integrated over time), then {@code forecast = monthToDate + monthToDate × R / E}. With a flat shape this
 * is the straight line {@code monthToDate × monthLength / elapsed}. Before any demand has passed ({@code E
 * = 0}) the forecast is the month-to-date spend.
 *
 * <pre>{@code
 * SpendForecast f = tracker.forecast();
 * if (f.overBudget()) {
 *   System.out.println("Projected " + f.forecastMonthEnd() + " USD against " + f.budget().get());
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param month the calendar month, in the tracker's zone
 * @param asOf when the forecast was made
 * @param monthToDate exact spend recorded for the month so far, USD
 * @param forecastMonthEnd projected spend at the end of the month, USD (the extrapolated part is rounded
 *     half-even to {@link CostTracker#FORECAST_SCALE} decimal places)
 * @param observedFraction share of the month's demand already past, in [0, 1]
 * @param budget the monthly budget, USD, if one was set
 * @since 0.1.0
 */
public record SpendForecast(
    YearMonth month,
    Instant asOf,
    BigDecimal monthToDate,
    BigDecimal forecastMonthEnd,
    double observedFraction,
    Optional<BigDecimal> budget) {

  /**
   * Checks the components.
   *
   * @param month see the record component
   * @param asOf see the record component
   * @param monthToDate see the record component
   * @param forecastMonthEnd see the record component
   * @param observedFraction see the record component
   * @param budget see the record component
   * @throws NullPointerException if a component is null
   */
  public SpendForecast {
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(monthToDate, "monthToDate");
    Objects.requireNonNull(forecastMonthEnd, "forecastMonthEnd");
    Objects.requireNonNull(budget, "budget");
  }

  /**
   * Whether the forecast exceeds the budget.
   *
   * @return true if a budget is set and the forecast is above it
   */
  public boolean overBudget() {
    return budget.isPresent() && forecastMonthEnd.compareTo(budget.get()) > 0;
  }

  /**
   * Whether the month-to-date spend already exceeds the budget.
   *
   * @return true if a budget is set and the spend is above it
   */
  public boolean spentOverBudget() {
    return budget.isPresent() && monthToDate.compareTo(budget.get()) > 0;
  }

  /**
   * Forecast minus budget.
   *
   * @return the signed difference in USD, empty without a budget
   */
  public Optional<BigDecimal> projectedOverrun() {
    return budget.map(forecastMonthEnd::subtract);
  }
}
