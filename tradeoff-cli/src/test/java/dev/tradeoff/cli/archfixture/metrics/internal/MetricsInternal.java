package dev.tradeoff.cli.archfixture.metrics.internal;

/** An implementation detail of the fixture "metrics" module. */
public final class MetricsInternal {}
