package dev.tradeoff.pareto;

/**
 * Whether smaller or larger values of an objective or criterion are better.
 *
 * <pre>{@code
 * Objective cost = Objective.of("monthlyCostUsd", Direction.MINIMIZE);
 * Objective quality = Objective.of("quality", Direction.MAXIMIZE);
 * }</pre>
 *
 * @since 0.1.0
 */
public enum Direction {
  /** Smaller is better (cost, latency, error rate). */
  MINIMIZE,
  /** Larger is better (throughput, quality). */
  MAXIMIZE;

  /**
   * A value turned into "smaller is better" form: itself for {@link #MINIMIZE}, its negation for
   * {@link #MAXIMIZE}, with {@code -0.0} normalized to {@code 0.0}.
   *
   * <pre>{@code
   * Direction.MAXIMIZE.toMinimization(0.9); // -0.9
   * }</pre>
   *
   * @param value a finite value
   * @return the value in minimization form
   */
  public double toMinimization(double value) {
    // Adding 0.0 maps the -0.0 produced by negating 0.0 back to 0.0.
    return (this == MINIMIZE ? value : -value) + 0.0;
  }
}
