package dev.tradeoff.api.report;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tradeoff.api.Metric;
import java.util.Optional;
import java.util.OptionalDouble;
import org.immutables.value.Value;

/**
 * How far one weight may move, the others fixed, before the top of the ranking changes
 * ({@code tradeoff-pareto}'s weight sensitivity): the winner stays on top for weights strictly between the limits.
 *
 * <pre>{@code
 * for (WeightSensitivity s : report.ranking().orElseThrow().sensitivity()) {
 *   System.out.println(s.description());
 *   // "quality: weight 2 can move within [0.8, inf] (below: GPT-4o-mini wins)"
 * }
 * }</pre>
 *
 * <p>Unbounded limits and margins are empty, never infinite. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableWeightSensitivity.class)
@JsonDeserialize(as = ImmutableWeightSensitivity.class)
public interface WeightSensitivity {

  /** @return the criterion */
  Metric metric();

  /** @return its current weight */
  double weight();

  /** @return the smallest weight keeping the winner, {@code >= 0} */
  double lowerLimit();

  /** @return the largest weight keeping the winner; empty if unbounded */
  OptionalDouble upperLimit();

  /** @return who wins just below the lower limit */
  Optional<String> winnerBelow();

  /** @return who wins just above the upper limit */
  Optional<String> winnerAbove();

  /** @return the nearer limit's distance relative to the weight (0.25 = a 25% change flips the winner); empty if none */
  OptionalDouble relativeMargin();

  /** @return one line in words */
  String description();

  /**
   * Rejects non-finite numbers.
   *
   * @throws dev.tradeoff.api.TradeoffException naming the field
   */
  @Value.Check
  default void check() {
    Finite.check("weight", weight());
    Finite.check("lowerLimit", lowerLimit());
    Finite.check("upperLimit", upperLimit());
    Finite.check("relativeMargin", relativeMargin());
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableWeightSensitivity.Builder builder() {
    return ImmutableWeightSensitivity.builder();
  }
}
