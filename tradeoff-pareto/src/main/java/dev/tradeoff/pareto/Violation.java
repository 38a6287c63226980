package dev.tradeoff.pareto;

import dev.tradeoff.pareto.internal.Require;

/**
 * One hard bound a candidate fails: which objective, which bound, the limit and the candidate's value.
 *
 * <pre>{@code
 * for (Exclusion e : candidates.exclusions()) {
 *   for (Violation v : e.violations()) {
 *     System.out.println(e.candidate() + ": " + v.describe()); // "gpt-x: p95TtftMs = 950.0 > 800.0"
 *   }
 * }
 * }</pre>
 *
 * @param objective the objective's name
 * @param bound which bound was violated
 * @param limit the bound's value
 * @param value the candidate's value
 * @since 0.1.0
 */
public record Violation(String objective, Bound bound, double limit, double value) {

  /** Which side of an objective's admissible range. */
  public enum Bound {
    /** The value exceeded {@link Objective#upperBound()}. */
    UPPER,
    /** The value fell short of {@link Objective#lowerBound()}. */
    LOWER
  }

  /**
   * Validates the components.
   *
   * @param objective the objective's name
   * @param bound which bound
   * @param limit the bound
   * @param value the value
   */
  public Violation {
    Require.nonNull(objective, "objective");
    Require.nonNull(bound, "bound");
  }

  /**
   * A one-line explanation such as {@code "p95TtftMs = 950.0 > 800.0"}.
   *
   * @return the explanation
   */
  public String describe() {
    return objective + " = " + value + (bound == Bound.UPPER ? " > " : " < ") + limit;
  }
}
