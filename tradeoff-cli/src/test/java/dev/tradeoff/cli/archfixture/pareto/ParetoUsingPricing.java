package dev.tradeoff.cli.archfixture.pareto;

import dev.tradeoff.cli.archfixture.pricing.PricingType;

/** Breaks the direction on purpose: "pareto" must not use "pricing". */
public final class ParetoUsingPricing {
  public PricingType price() {
    return new PricingType();
  }
}
