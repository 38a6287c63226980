package dev.tradeoff.examples.archfixture.pareto;

import dev.tradeoff.examples.archfixture.pricing.PricingType;

/** Breaks the direction on purpose: "pareto" must not use "pricing". */
public final class ParetoUsingPricing {
  public PricingType price() {
    return new PricingType();
  }
}
