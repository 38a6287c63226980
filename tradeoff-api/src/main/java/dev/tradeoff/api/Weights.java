package dev.tradeoff.api;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import org.immutables.value.Value;

/**
 * What the decision-maker cares about, and how much: a relative weight per {@link Metric}. The weighted metrics
 * are the objectives of the Pareto front and the criteria of the ranking (weighted sum of min-max normalized
 * values, {@code tradeoff-pareto}'s {@code ScoringModel}); only their ratios matter.
 *
 * <pre>{@code
 * Weights w = Weights.builder()
 *     .putWeight(Metric.MONTHLY_COST_USD, 1)
 *     .putWeight(Metric.P95_TTFT_MS, 1)
 *     .putWeight(Metric.QUALITY, 2)
 *     .build();
 * Weights balanced = Weights.equal(Metric.MONTHLY_COST_USD, Metric.P95_TTFT_MS);
 * }</pre>
 *
 * <p>At least one metric, every weight finite and {@code > 0} (leave out a metric that does not matter).
 * A weight on a metric no candidate measured is a {@link TradeoffException} when the analyzer is built; a
 * candidate lacking a weighted metric is excluded ("not measured"). Immutable and thread-safe. JSON:
 * {@code {"weights":{"MONTHLY_COST_USD":1.0,"QUALITY":2.0}}}.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableWeights.class)
@JsonDeserialize(as = ImmutableWeights.class)
public interface Weights {

  /** @return weight per metric, in insertion order */
  Map<Metric, Double> weights();

  /**
   * Checks the weights.
   *
   * @throws TradeoffException if empty or a weight is not finite and positive
   */
  @Value.Check
  default void check() {
    if (weights().isEmpty()) {
      throw TradeoffException.invalid("weights", "at least one metric", "empty");
    }
    weights().forEach((m, w) -> {
      if (!(w > 0) || Double.isInfinite(w)) {
        throw TradeoffException.invalid("weights." + m, "> 0 and finite (leave the metric out instead)", w);
      }
    });
  }

  /**
   * Equal weights.
   *
   * @param metrics the metrics, at least one
   * @return the weights
   */
  static Weights equal(Metric... metrics) {
    ImmutableWeights.Builder b = builder();
    for (Metric m : metrics) {
      b.putWeight(m, 1.0);
    }
    return b.build();
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableWeights.Builder builder() {
    return ImmutableWeights.builder();
  }
}
