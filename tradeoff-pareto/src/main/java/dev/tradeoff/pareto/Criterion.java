package dev.tradeoff.pareto;

import dev.tradeoff.pareto.internal.Require;
import java.util.OptionalDouble;
import org.immutables.value.Value;

/**
 * One column of a scoring matrix: a name, a direction, a weight, a {@link UtilityCurve} and, for
 * {@link Normalization#FIXED_BOUNDS}, the reference range that maps to utility 0..1.
 *
 * <pre>{@code
 * Criterion cost = Criterion.minimize("monthlyCostUsd").weighted(3).withReference(0, 2000);
 * Criterion ttft = Criterion.minimize("p95TtftMs").weighted(2).withReference(0, 3000)
 *     .withUtility(UtilityCurve.slo(800));
 * Criterion quality = Criterion.maximize("quality").weighted(5).withReference(0, 1);
 * }</pre>
 *
 * <p>Weights are relative ({@code >= 0}; only their ratios matter). Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
public interface Criterion {

  /**
   * The name; with {@link ScoringModel#rank(CandidateSet)} it must name an objective of the set.
   *
   * @return the name, never blank
   */
  String name();

  /**
   * Whether smaller or larger is better.
   *
   * @return the direction
   */
  Direction direction();

  /**
   * The relative weight.
   *
   * @return the weight, finite and {@code >= 0}; 1 by default
   */
  default double weight() {
    return 1.0;
  }

  /**
   * The utility curve applied to raw values before normalization.
   *
   * @return the curve, linear by default
   */
  default UtilityCurve utility() {
    return UtilityCurve.linear();
  }

  /**
   * The low end of the reference range for {@link Normalization#FIXED_BOUNDS} (utility 1 if minimized, 0 if
   * maximized; values beyond the range are clamped).
   *
   * @return the low end in the criterion's unit, or empty
   */
  OptionalDouble referenceLow();

  /**
   * The high end of the reference range for {@link Normalization#FIXED_BOUNDS}.
   *
   * @return the high end in the criterion's unit, or empty
   */
  OptionalDouble referenceHigh();

  /**
   * A criterion to minimize, weight 1.
   *
   * @param name the name
   * @return the criterion
   * @throws IllegalArgumentException if the name is blank
   */
  static Criterion minimize(String name) {
    return of(name, Direction.MINIMIZE);
  }

  /**
   * A criterion to maximize, weight 1.
   *
   * @param name the name
   * @return the criterion
   * @throws IllegalArgumentException if the name is blank
   */
  static Criterion maximize(String name) {
    return of(name, Direction.MAXIMIZE);
  }

  /**
   * A criterion, weight 1.
   *
   * @param name the name
   * @param direction the direction
   * @return the criterion
   * @throws IllegalArgumentException if the name is blank
   */
  static Criterion of(String name, Direction direction) {
    return builder().name(name).direction(direction).build();
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableCriterion.Builder builder() {
    return ImmutableCriterion.builder();
  }

  /**
   * This criterion with another weight.
   *
   * @param weight the relative weight, finite and {@code >= 0}
   * @return a new criterion
   * @throws IllegalArgumentException if the weight is negative or not finite
   */
  default Criterion weighted(double weight) {
    return ImmutableCriterion.copyOf(this).withWeight(weight);
  }

  /**
   * This criterion with another utility curve.
   *
   * @param curve the curve
   * @return a new criterion
   */
  default Criterion withUtility(UtilityCurve curve) {
    return ImmutableCriterion.copyOf(this).withUtility(curve);
  }

  /**
   * This criterion with a reference range for {@link Normalization#FIXED_BOUNDS}.
   *
   * @param low the low end, finite
   * @param high the high end, finite and {@code > low}
   * @return a new criterion
   * @throws IllegalArgumentException if an end is not finite or {@code low >= high}
   */
  default Criterion withReference(double low, double high) {
    return ImmutableCriterion.builder().from(this).referenceLow(low).referenceHigh(high).build();
  }

  /** Validates the invariants; called by Immutables on construction. */
  @Value.Check
  default void check() {
    if (name().isBlank()) {
      throw Require.invalid("name", "non-blank", "\"" + name() + "\"");
    }
    if (!(weight() >= 0) || Double.isInfinite(weight())) {
      throw Require.invalid("weight of criterion '" + name() + "'", ">= 0 and finite", weight());
    }
    if (referenceLow().isPresent() != referenceHigh().isPresent()) {
      throw Require.invalid("reference range of criterion '" + name() + "'", "both ends or neither",
          "low=" + referenceLow() + ", high=" + referenceHigh());
    }
    if (referenceLow().isPresent()) {
      double low = Require.finite(referenceLow().getAsDouble(), "referenceLow of criterion '" + name() + "'");
      double high = Require.finite(referenceHigh().getAsDouble(), "referenceHigh of criterion '" + name() + "'");
      if (!(low < high)) {
        throw Require.invalid("referenceHigh of criterion '" + name() + "'", "> referenceLow " + low, high);
      }
    }
  }
}
