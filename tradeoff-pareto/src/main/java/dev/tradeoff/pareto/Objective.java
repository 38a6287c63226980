package dev.tradeoff.pareto;

import dev.tradeoff.pareto.internal.Require;
import java.util.OptionalDouble;
import org.immutables.value.Value;

/**
 * A named objective with a direction and optional hard bounds (constraints) that a candidate must satisfy to
 * be considered at all, such as "p95 TTFT at most 800 ms" or "monthly cost at most 500 USD".
 *
 * <pre>{@code
 * Objective cost = Objective.minimize("monthlyCostUsd").atMost(500);
 * Objective ttft = Objective.minimize("p95TtftMs").atMost(800);
 * Objective quality = Objective.maximize("quality").atLeast(0.7);
 * }</pre>
 *
 * <p>Bounds are inclusive and in the objective's own unit. {@code -0.0} and {@code 0.0} compare equal.
 * Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
public interface Objective {

  /**
   * The name, unique within a {@link CandidateSet}; used in reports and error messages.
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
   * The largest admissible value, if constrained.
   *
   * @return the inclusive upper bound, or empty
   */
  OptionalDouble upperBound();

  /**
   * The smallest admissible value, if constrained.
   *
   * @return the inclusive lower bound, or empty
   */
  OptionalDouble lowerBound();

  /**
   * An unconstrained objective to minimize.
   *
   * @param name the name
   * @return the objective
   * @throws IllegalArgumentException if the name is blank
   */
  static Objective minimize(String name) {
    return of(name, Direction.MINIMIZE);
  }

  /**
   * An unconstrained objective to maximize.
   *
   * @param name the name
   * @return the objective
   * @throws IllegalArgumentException if the name is blank
   */
  static Objective maximize(String name) {
    return of(name, Direction.MAXIMIZE);
  }

  /**
   * An unconstrained objective.
   *
   * @param name the name
   * @param direction the direction
   * @return the objective
   * @throws IllegalArgumentException if the name is blank
   */
  static Objective of(String name, Direction direction) {
    return builder().name(name).direction(direction).build();
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableObjective.Builder builder() {
    return ImmutableObjective.builder();
  }

  /**
   * This objective with an inclusive upper bound: candidates above it are excluded.
   *
   * @param limit the largest admissible value
   * @return a new objective
   * @throws IllegalArgumentException if the limit is not finite or below the lower bound
   */
  default Objective atMost(double limit) {
    return ImmutableObjective.copyOf(this).withUpperBound(limit);
  }

  /**
   * This objective with an inclusive lower bound: candidates below it are excluded.
   *
   * @param limit the smallest admissible value
   * @return a new objective
   * @throws IllegalArgumentException if the limit is not finite or above the upper bound
   */
  default Objective atLeast(double limit) {
    return ImmutableObjective.copyOf(this).withLowerBound(limit);
  }

  /**
   * Whether a value satisfies both bounds.
   *
   * @param value the value
   * @return true if within the bounds (NaN never is)
   */
  default boolean admits(double value) {
    if (Double.isNaN(value)) {
      return false;
    }
    boolean belowUpper = upperBound().isEmpty() || value <= upperBound().getAsDouble();
    boolean aboveLower = lowerBound().isEmpty() || value >= lowerBound().getAsDouble();
    return belowUpper && aboveLower;
  }

  /** Validates the invariants; called by Immutables on construction. */
  @Value.Check
  default void check() {
    if (name().isBlank()) {
      throw Require.invalid("name", "non-blank", "\"" + name() + "\"");
    }
    if (upperBound().isPresent()) {
      Require.finite(upperBound().getAsDouble(), "upperBound of objective '" + name() + "'");
    }
    if (lowerBound().isPresent()) {
      Require.finite(lowerBound().getAsDouble(), "lowerBound of objective '" + name() + "'");
    }
    if (upperBound().isPresent() && lowerBound().isPresent()
        && lowerBound().getAsDouble() > upperBound().getAsDouble()) {
      throw Require.invalid("lowerBound of objective '" + name() + "'",
          "<= upperBound " + upperBound().getAsDouble(), lowerBound().getAsDouble());
    }
  }
}
