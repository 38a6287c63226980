package dev.tradeoff.api.routing;

import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The weights and reference bounds of the {@link RoutingPolicy#weightedUtility weighted-utility} policy.
 *
 * <p>Four criteria are scored per candidate: the request's estimated cost (USD, lower is better), time to
 * first token (lower is better), output tokens per second (higher is better) and error rate (lower is
 * better). Each is normalised against fixed bounds — {@code [0, maxCostUsd]}, {@code [0, maxTtft]},
 * {@code [0, maxTokensPerSecond]}, {@code [0, 1]} — not against the current set of candidates, so that a
 * candidate's score never depends on which others happen to be eligible (no rank reversal) and values
 * beyond a bound simply saturate. With a {@link #ttftSlo()}, time to first token is scored by {@code
 * tradeoff-pareto}'s SLO curve: values and the bound {@link #maxTtft()} pass through {@code v = x + 9 ×
 * max(0, x − slo)} before normalisation, so a millisecond past the SLO weighs {@link
 * dev.tradeoff.pareto.UtilityCurve#DEFAULT_PENALTY_SLOPE} (10) times one within it. Keep {@code maxTtft}
 * within a few times the SLO, or the SLO's own range shrinks to a sliver of the scale. The scoring itself is {@code tradeoff-pareto}'s {@link dev.tradeoff.pareto.RouterScorer} (weighted
 * sum, fixed bounds), compiled once when the policy is made; the weights' ratios are what matter.
 *
 * <pre>{@code
 * UtilityWeights w = UtilityWeights.builder()
 *     .cost(0.5).ttft(0.3).throughput(0.1).errorRate(0.1)
 *     .maxCostUsd(0.02)
 *     .ttftSlo(Duration.ofMillis(800))
 *     .build();
 * RoutingPolicy policy = RoutingPolicy.weightedUtility(w);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
public interface UtilityWeights {

  /** Default weight of cost: 0.4. */
  double DEFAULT_COST = 0.4;
  /** Default weight of time to first token: 0.4. */
  double DEFAULT_TTFT = 0.4;
  /** Default weight of output throughput: 0.1. */
  double DEFAULT_THROUGHPUT = 0.1;
  /** Default weight of the error rate: 0.1. */
  double DEFAULT_ERROR_RATE = 0.1;
  /** Default cost at which cost utility reaches 0: 0.01 USD per request. */
  double DEFAULT_MAX_COST_USD = 0.01;
  /** Default time to first token at which its utility reaches 0: 5 seconds. */
  Duration DEFAULT_MAX_TTFT = Duration.ofSeconds(5);
  /** Default output throughput at which its utility reaches 1: 200 tokens per second. */
  double DEFAULT_MAX_TOKENS_PER_SECOND = 200.0;

  /**
   * Weight of the request's estimated cost.
   *
   * @return {@code >= 0}; {@value #DEFAULT_COST} by default
   */
  @Value.Default
  default double cost() {
    return DEFAULT_COST;
  }

  /**
   * Weight of time to first token.
   *
   * @return {@code >= 0}; {@value #DEFAULT_TTFT} by default
   */
  @Value.Default
  default double ttft() {
    return DEFAULT_TTFT;
  }

  /**
   * Weight of output tokens per second.
   *
   * @return {@code >= 0}; {@value #DEFAULT_THROUGHPUT} by default
   */
  @Value.Default
  default double throughput() {
    return DEFAULT_THROUGHPUT;
  }

  /**
   * Weight of the error rate.
   *
   * @return {@code >= 0}; {@value #DEFAULT_ERROR_RATE} by default
   */
  @Value.Default
  default double errorRate() {
    return DEFAULT_ERROR_RATE;
  }

  /**
   * The cost bound, USD per request.
   *
   * @return positive; {@value #DEFAULT_MAX_COST_USD} by default
   */
  @Value.Default
  default double maxCostUsd() {
    return DEFAULT_MAX_COST_USD;
  }

  /**
   * The time-to-first-token bound.
   *
   * @return positive; {@link #DEFAULT_MAX_TTFT} by default
   */
  @Value.Default
  default Duration maxTtft() {
    return DEFAULT_MAX_TTFT;
  }

  /**
   * The throughput bound, output tokens per second.
   *
   * @return positive; {@value #DEFAULT_MAX_TOKENS_PER_SECOND} by default
   */
  @Value.Default
  default double maxTokensPerSecond() {
    return DEFAULT_MAX_TOKENS_PER_SECOND;
  }

  /**
   * A time-to-first-token SLO: past it, each unit of ttft counts ten times.
   *
   * @return the SLO, empty by default (linear utility up to {@link #maxTtft()})
   */
  Optional<Duration> ttftSlo();

  /**
   * The defaults.
   *
   * @return the default weights
   */
  static UtilityWeights defaults() {
    return builder().build();
  }

  /**
   * A new builder.
   *
   * @return a builder
   */
  static ImmutableUtilityWeights.Builder builder() {
    return ImmutableUtilityWeights.builder();
  }

  /**
   * Rejects bad values.
   *
   * @throws IllegalArgumentException naming the value
   */
  @Value.Check
  default void check() {
    requireWeight("cost", cost());
    requireWeight("ttft", ttft());
    requireWeight("throughput", throughput());
    requireWeight("errorRate", errorRate());
    if (cost() + ttft() + throughput() + errorRate() == 0) {
      throw new IllegalArgumentException("weights must not all be 0, but were all 0");
    }
    if (!(maxCostUsd() > 0) || Double.isInfinite(maxCostUsd())) {
      throw new IllegalArgumentException("maxCostUsd must be positive and finite, but was " + maxCostUsd());
    }
    if (maxTtft().isNegative() || maxTtft().isZero()) {
      throw new IllegalArgumentException("maxTtft must be positive, but was " + maxTtft());
    }
    if (!(maxTokensPerSecond() > 0) || Double.isInfinite(maxTokensPerSecond())) {
      throw new IllegalArgumentException(
          "maxTokensPerSecond must be positive and finite, but was " + maxTokensPerSecond());
    }
    if (ttftSlo().isPresent() && (ttftSlo().get().isNegative() || ttftSlo().get().isZero()
        || ttftSlo().get().compareTo(maxTtft()) > 0)) {
      throw new IllegalArgumentException(
          "ttftSlo must be in (0, maxTtft (" + maxTtft() + ")], but was " + ttftSlo().get());
    }
  }

  private static void requireWeight(String name, double w) {
    if (!(w >= 0) || Double.isInfinite(w)) {
      throw new IllegalArgumentException(name + " must be finite and >= 0, but was " + w);
    }
  }
}
