package dev.tradeoff.api;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Asks the analysis for a multi-year total cost of ownership of every priced candidate ({@code tradeoff-pricing}'s
 * {@code TcoScenario}): the workload's demand growing at its {@code growthPerYear}, list prices declining each year,
 * future money discounted, each candidate's {@link DeploymentCandidate#oneTimeCostUsd()} paid in month 1, and the
 * month each candidate breaks even against the incumbent.
 *
 * <pre>{@code
 * TcoSettings tco = TcoSettings.builder()
 *     .years(3)
 *     .priceDeclinePerYear(0.2)
 *     .discountRatePerYear(0.08)
 *     .incumbent("Azure PTU")
 *     .build();
 * }</pre>
 *
 * <p>Years in 1..30, decline in [0, 1), discount rate {@code > -1}. The decline applies to every plan, self-hosted
 * included (GPU prices fall too); scenario price factors do not apply to TCO. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableTcoSettings.class)
@JsonDeserialize(as = ImmutableTcoSettings.class)
public interface TcoSettings {

  /** @return the horizon in years, 3 by default */
  default int years() {
    return 3;
  }

  /** @return yearly decline of prices as a fraction, 0 by default */
  default double priceDeclinePerYear() {
    return 0;
  }

  /** @return yearly discount rate for net present cost, 0 by default */
  default double discountRatePerYear() {
    return 0;
  }

  /** @return the candidate the others are compared against for break-even months */
  Optional<String> incumbent();

  /**
   * Checks the numbers.
   *
   * @throws TradeoffException naming the field and value
   */
  @Value.Check
  default void check() {
    if (years() < 1 || years() > 30) {
      throw TradeoffException.invalid("tco.years", "in 1..30", years());
    }
    if (!(priceDeclinePerYear() >= 0 && priceDeclinePerYear() < 1)) {
      throw TradeoffException.invalid("tco.priceDeclinePerYear", "in [0, 1)", priceDeclinePerYear());
    }
    if (!(discountRatePerYear() > -1) || Double.isInfinite(discountRatePerYear())) {
      throw TradeoffException.invalid("tco.discountRatePerYear", "> -1 and finite", discountRatePerYear());
    }
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableTcoSettings.Builder builder() {
    return ImmutableTcoSettings.builder();
  }
}
