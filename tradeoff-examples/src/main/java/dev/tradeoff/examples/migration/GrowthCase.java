package dev.tradeoff.examples.migration;

import java.util.Objects;

/**
 * One what-if of the 3-year TCO: how fast demand grows and how fast prices fall.
 *
 * <pre>{@code
 * GrowthCase growth = new GrowthCase("growth 60%/yr", 0.6, 0, false);
 * GrowthCase cheaperApis = new GrowthCase("growth 60%/yr, API prices -25%/yr", 0.6, 0.25, false);
 * }</pre>
 *
 * @param name a unique name for tables and charts
 * @param demandGrowthPerYear demand growth per year as a fraction ({@code 0.6} = +60%), compounded monthly,
 *     {@code > -1}
 * @param priceDeclinePerYear yearly price decline of the managed service (PTU) as a fraction, stepwise at each
 *     year start, in {@code [0, 1)}
 * @param declineAppliesToSelfHosted whether GPU instance prices fall at the same rate (false: only the managed
 *     service gets cheaper)
 */
public record GrowthCase(String name, double demandGrowthPerYear, double priceDeclinePerYear,
    boolean declineAppliesToSelfHosted) {

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException naming the component out of range
   */
  public GrowthCase {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    if (!(demandGrowthPerYear > -1) || Double.isInfinite(demandGrowthPerYear)) {
      throw new IllegalArgumentException("demandGrowthPerYear of case '" + name + "' must be > -1 and finite, but was "
          + demandGrowthPerYear);
    }
    if (!(priceDeclinePerYear >= 0 && priceDeclinePerYear < 1)) {
      throw new IllegalArgumentException("priceDeclinePerYear of case '" + name + "' must be in [0, 1), but was "
          + priceDeclinePerYear);
    }
  }
}
