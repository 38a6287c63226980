package dev.tradeoff.examples.archfixture.metrics.internal;

/** An implementation detail of the fixture "metrics" module. */
public final class MetricsInternal {}
