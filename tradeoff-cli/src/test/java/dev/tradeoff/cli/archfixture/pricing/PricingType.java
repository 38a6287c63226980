package dev.tradeoff.cli.archfixture.pricing;

/** A harmless type of the fixture "pricing" module. */
public final class PricingType {}
