package dev.tradeoff.api.report;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tradeoff.api.Metric;
import org.immutables.value.Value;

/**
 * What one criterion added to one candidate's score: its value, its min-max normalized utility (1 = best of the
 * feasible set, 0 = worst) and the contribution {@code weight share × utility}; contributions add up to the score.
 *
 * <pre>{@code
 * for (Contribution c : report.ranking().orElseThrow().entries().get(0).contributions()) {
 *   System.out.println(c.metric().label() + " " + c.contribution());
 * }
 * }</pre>
 *
 * <p>All numbers finite. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableContribution.class)
@JsonDeserialize(as = ImmutableContribution.class)
public interface Contribution {

  /** @return the criterion */
  Metric metric();

  /** @return the candidate's value in the metric's unit */
  double value();

  /** @return the normalized utility, in [0, 1] */
  double utility();

  /** @return weight share × utility */
  double contribution();

  /**
   * Rejects non-finite numbers.
   *
   * @throws dev.tradeoff.api.TradeoffException naming the field
   */
  @Value.Check
  default void check() {
    Finite.check("value", value());
    Finite.check("utility", utility());
    Finite.check("contribution", contribution());
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableContribution.Builder builder() {
    return ImmutableContribution.builder();
  }
}
