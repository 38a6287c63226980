package dev.tradeoff.pricing.tco;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tradeoff.pricing.InvalidValueException;
import dev.tradeoff.pricing.plan.PricingPlan;
import java.math.BigDecimal;
import org.immutables.value.Value;

/**
 * One option of a TCO comparison: a plan plus what it costs besides its bill — a one-time migration cost paid at
 * the start and a monthly operating overhead.
 *
 * <pre>{@code
 * TcoOption stay = TcoOption.of("stay on pay-as-you-go", payg);
 * TcoOption move = TcoOption.builder().name("self-host").plan(selfHosted)
 *     .oneTimeCost(new BigDecimal("40000")).operatingOverheadPerMonth(new BigDecimal("1500")).build();
 * }</pre>
 *
 * <p>Amounts in USD, {@code >= 0}. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableTcoOption.class)
@JsonDeserialize(as = ImmutableTcoOption.class)
public interface TcoOption {

  /** @return the option's name, unique within a scenario */
  String name();

  /** @return the pricing plan */
  PricingPlan plan();

  /** @return a one-time cost at month 0 (migration, setup), USD, 0 by default */
  default BigDecimal oneTimeCost() {
    return BigDecimal.ZERO;
  }

  /** @return operating overhead per month beyond the plan's own costs, USD, 0 by default */
  default BigDecimal operatingOverheadPerMonth() {
    return BigDecimal.ZERO;
  }

  /**
   * @return whether the scenario's yearly price decline applies to this plan's cost (true by default); a reserved or
   *     committed part reaches a lower price only at its term's renewal (see {@link TcoScenario})
   */
  default boolean priceDeclineApplies() {
    return true;
  }

  /**
   * Rejects negative amounts.
   *
   * @throws InvalidValueException naming the field
   */
  @Value.Check
  default void check() {
    if (oneTimeCost().signum() < 0) {
      throw InvalidValueException.of("oneTimeCost", ">= 0 (option " + name() + ")", oneTimeCost().toPlainString());
    }
    if (operatingOverheadPerMonth().signum() < 0) {
      throw InvalidValueException.of("operatingOverheadPerMonth", ">= 0 (option " + name() + ")",
          operatingOverheadPerMonth().toPlainString());
    }
  }

  /**
   * An option without one-time or overhead costs.
   *
   * @param name the name
   * @param plan the plan
   * @return the option
   */
  static TcoOption of(String name, PricingPlan plan) {
    return builder().name(name).plan(plan).build();
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableTcoOption.Builder builder() {
    return ImmutableTcoOption.builder();
  }
}
