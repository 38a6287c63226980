package dev.tradeoff.api;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tradeoff.api.internal.Fmt;
import dev.tradeoff.pareto.Direction;
import org.immutables.value.Value;

/**
 * A service-level objective a candidate must meet: an upper limit on a minimized {@link Metric} ("p95 TTFT at
 * most 500 ms") or a lower limit on a maximized one ("at least 60 tokens/s"). A candidate that misses it, or
 * has no measurement of the metric, is excluded from the decision with the reason.
 *
 * <pre>{@code
 * SloTarget ttft = SloTarget.of(Metric.P95_TTFT_MS, 500);     // p95 TTFT <= 500 ms
 * SloTarget speed = SloTarget.of(Metric.TOKENS_PER_SECOND, 60); // >= 60 tokens/s
 * ttft.isMetBy(610);                                           // false
 * }</pre>
 *
 * <p>The limit is in the metric's unit, finite and {@code >= 0}. The monthly cost is limited by
 * {@link Requirements#monthlyBudgetUsd()} instead. Immutable and thread-safe. JSON:
 * {@code {"metric":"P95_TTFT_MS","limit":500.0}}.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableSloTarget.class)
@JsonDeserialize(as = ImmutableSloTarget.class)
public interface SloTarget {

  /** @return the metric */
  Metric metric();

  /** @return the limit in the metric's unit: a maximum if minimized, a minimum if maximized */
  double limit();

  /**
   * Checks the metric and the limit.
   *
   * @throws TradeoffException if the metric is the monthly cost or the limit is negative or not finite
   */
  @Value.Check
  default void check() {
    if (metric() == Metric.MONTHLY_COST_USD) {
      throw TradeoffException.invalid("slo.metric", "a performance or quality metric (set a budget for the cost)",
          metric());
    }
    if (!(limit() >= 0) || Double.isInfinite(limit())) {
      throw TradeoffException.invalid("slo.limit (" + metric() + ")", ">= 0 and finite", limit());
    }
  }

  /**
   * Whether a value meets this objective (inclusive).
   *
   * @param value the candidate's value
   * @return {@code true} if {@code value <= limit} (minimized) or {@code value >= limit} (maximized)
   */
  default boolean isMetBy(double value) {
    return metric().direction() == Direction.MINIMIZE ? value <= limit() : value >= limit();
  }

  /**
   * A short description, for example {@code "p95 TTFT ≤ 500 ms"}.
   *
   * @return the description
   */
  @Value.NonAttribute
  default String describe() {
    return metric().label() + (metric().direction() == Direction.MINIMIZE ? " ≤ " : " ≥ ")
        + Fmt.metric(metric(), limit());
  }

  /**
   * An objective.
   *
   * @param metric the metric (not the monthly cost)
   * @param limit the limit in the metric's unit
   * @return the objective
   * @throws TradeoffException on a bad metric or limit
   */
  static SloTarget of(Metric metric, double limit) {
    return ImmutableSloTarget.builder().metric(metric).limit(limit).build();
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableSloTarget.Builder builder() {
    return ImmutableSloTarget.builder();
  }
}
