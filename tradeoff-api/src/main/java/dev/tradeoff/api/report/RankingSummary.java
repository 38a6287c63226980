package dev.tradeoff.api.report;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tradeoff.api.Metric;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The utility-weighted ranking of the feasible candidates ({@code tradeoff-pareto}'s {@code ScoringModel}: weighted
 * sum of min-max normalized values): the entries best first, and the winner's weight sensitivity.
 *
 * <pre>{@code
 * RankingSummary r = report.ranking().orElseThrow();
 * r.entries().get(0).name();          // the winner
 * r.mostSensitive().map(WeightSensitivity::description);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableRankingSummary.class)
@JsonDeserialize(as = ImmutableRankingSummary.class)
public interface RankingSummary {

  /** @return the weights used */
  Map<Metric, Double> weights();

  /** @return whether the weights are the analysis's default (none were given) */
  default boolean defaultWeights() {
    return false;
  }

  /** @return the candidates, best first */
  List<RankedCandidate> entries();

  /** @return the winner's sensitivity to each weight, in weight order */
  List<WeightSensitivity> sensitivity();

  /**
   * The weight whose smallest relative change could change the winner.
   *
   * @return that weight's sensitivity, or empty if no single weight change can
   */
  @Value.NonAttribute
  default Optional<WeightSensitivity> mostSensitive() {
    WeightSensitivity best = null;
    for (WeightSensitivity s : sensitivity()) {
      if (s.relativeMargin().isPresent()
          && (best == null || s.relativeMargin().getAsDouble() < best.relativeMargin().getAsDouble())) {
        best = s;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableRankingSummary.Builder builder() {
    return ImmutableRankingSummary.builder();
  }
}
