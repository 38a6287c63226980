package dev.tradeoff.api;

import dev.tradeoff.pareto.Direction;

/**
 * The figures a candidate is judged on, each with its unit and direction. They are the columns of the report's
 * table, the objectives of the Pareto front and the criteria of the weighted ranking.
 *
 * <pre>{@code
 * Weights w = Weights.builder()
 *     .putWeight(Metric.MONTHLY_COST_USD, 1)
 *     .putWeight(Metric.P95_TTFT_MS, 1)
 *     .putWeight(Metric.QUALITY, 2)
 *     .build();
 * Metric.P95_TTFT_MS.direction();   // MINIMIZE
 * }</pre>
 *
 * @since 0.1.0
 */
public enum Metric {
  /** The candidate's cost of a 730-hour month of the workload, USD; minimized. */
  MONTHLY_COST_USD("monthly cost", "USD/month", Direction.MINIMIZE, "monthlyCostUsd"),
  /** Median time to the first content token, milliseconds; minimized. */
  P50_TTFT_MS("p50 TTFT", "ms", Direction.MINIMIZE, "p50TtftMs"),
  /** 95th-percentile time to the first content token, milliseconds; minimized. */
  P95_TTFT_MS("p95 TTFT", "ms", Direction.MINIMIZE, "p95TtftMs"),
  /** Output tokens per second of one stream (the speed a user sees), tokens/s; maximized. */
  TOKENS_PER_SECOND("stream speed", "tokens/s", Direction.MAXIMIZE, "tokensPerSecond"),
  /** The user's own evaluation score, any scale where larger is better; maximized. */
  QUALITY("quality", "", Direction.MAXIMIZE, "quality"),
  /** Failed requests / all requests, in [0, 1]; minimized. */
  ERROR_RATE("error rate", "", Direction.MINIMIZE, "errorRate");

  private final String label;
  private final String unit;
  private final Direction direction;
  private final String key;

  Metric(String label, String unit, Direction direction, String key) {
    this.label = label;
    this.unit = unit;
    this.direction = direction;
    this.key = key;
  }

  /**
   * A short human label, for example {@code "p95 TTFT"} or {@code "stream speed"}.
   *
   * @return the label
   */
  public String label() {
    return label;
  }

  /**
   * The unit, for example {@code "ms"}; empty for dimensionless figures.
   *
   * @return the unit
   */
  public String unit() {
    return unit;
  }

  /**
   * Whether smaller or larger is better.
   *
   * @return the direction
   */
  public Direction direction() {
    return direction;
  }

  /**
   * The camel-case name used for Pareto objectives and scoring criteria, for example {@code "p95TtftMs"}.
   *
   * @return the key
   */
  public String key() {
    return key;
  }
}
