package dev.tradeoff.cli.archfixture.api;

import dev.tradeoff.cli.archfixture.metrics.internal.MetricsInternal;

/** Breaks encapsulation on purpose: "api" may use "metrics" but not its internal package. */
public final class ApiUsingMetricsInternal {
  public MetricsInternal peek() {
    return new MetricsInternal();
  }
}
