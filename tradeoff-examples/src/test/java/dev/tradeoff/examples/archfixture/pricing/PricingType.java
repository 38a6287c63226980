package dev.tradeoff.examples.archfixture.pricing;

/** A harmless type of the fixture "pricing" module. */
public final class PricingType {}
