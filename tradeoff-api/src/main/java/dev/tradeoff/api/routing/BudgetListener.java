package dev.tradeoff.api.routing;

/**
 * Told when a {@link CostTracker}'s month-end forecast, or its actual month-to-date spend, crosses the
 * monthly budget. Each alert fires once per month when the value goes from at-or-below the budget to above
 * it, and is re-armed if the value falls back to or below the budget (a forecast can fall).
 *
 * <p>Called on a thread that is recording a cost, at most once per {@link
 * CostTracker.Builder#checkInterval(java.time.Duration) check interval}: an implementation must return
 * quickly and must not block. It should not throw: anything it throws is caught and logged (SLF4J, WARN, logger
 * {@code dev.tradeoff.api.routing.CostTracker}) and never reaches the code recording the cost, and the alert counts as
 * not delivered — it stays armed and is delivered again at the next check. Both methods do nothing by default.
 *
 * <pre>{@code
 * BudgetListener pager = new BudgetListener() {
 *   public void forecastAboveBudget(SpendForecast f) {
 *     alerts.submit("LLM spend projected at " + f.forecastMonthEnd() + " USD");
 *   }
 * };
 * }</pre>
 *
 * @since 0.1.0
 */
public interface BudgetListener {

  /** Ignores everything. */
  BudgetListener NONE = new BudgetListener() { };

  /**
   * The month-end forecast rose above the budget.
   *
   * @param forecast the forecast that crossed
   */
  default void forecastAboveBudget(SpendForecast forecast) { }

  /**
   * The month-to-date spend rose above the budget.
   *
   * @param forecast the forecast at that moment
   */
  default void spendAboveBudget(SpendForecast forecast) { }
}
