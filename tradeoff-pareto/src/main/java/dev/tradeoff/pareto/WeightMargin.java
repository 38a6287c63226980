package dev.tradeoff.pareto;

import dev.tradeoff.pareto.internal.Require;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How far one criterion's weight can move, all other weights unchanged, before the top choice of a
 * {@link Ranking} changes: the winner stays on top for weights strictly between {@link #lowerLimit()} and
 * {@link #upperLimit()} (at a limit it may tie).
 *
 * <pre>{@code
 * for (WeightMargin m : ranking.weightSensitivity()) {
 *   System.out.println(m.describe());
 *   // "p95TtftMs: weight 2.0 can move within [0.0, 4.0] (above: claude-haiku wins)"
 * }
 * }</pre>
 *
 * @param criterion the criterion's name
 * @param weight its current (raw) weight
 * @param lowerLimit the smallest weight that keeps the winner, {@code >= 0}; 0 means "even at 0"
 * @param upperLimit the largest weight that keeps the winner, empty if it stays the winner at any weight
 * @param winnerBelow who wins just below the lower limit, empty if the lower limit is 0
 * @param winnerAbove who wins just above the upper limit, empty if unbounded
 * @since 0.1.0
 */
public record WeightMargin(String criterion, double weight, double lowerLimit, OptionalDouble upperLimit,
    Optional<String> winnerBelow, Optional<String> winnerAbove) {

  /**
   * Validates the components.
   *
   * @param criterion the criterion
   * @param weight the weight
   * @param lowerLimit the lower limit
   * @param upperLimit the upper limit
   * @param winnerBelow the winner below
   * @param winnerAbove the winner above
   */
  public WeightMargin {
    Require.nonNull(criterion, "criterion");
    Require.nonNull(upperLimit, "upperLimit");
    Require.nonNull(winnerBelow, "winnerBelow");
    Require.nonNull(winnerAbove, "winnerAbove");
  }

  /**
   * The smaller of the two distances to a limit, relative to the weight: 0.1 means a 10% change of this
   * weight can change the winner. Infinite if neither side has a limit; NaN never.
   *
   * @return the relative margin, {@code >= 0}
   */
  public double relativeMargin() {
    double down = winnerBelow.isPresent() ? weight - lowerLimit : Double.POSITIVE_INFINITY;
    double up = upperLimit.isPresent() ? upperLimit.getAsDouble() - weight : Double.POSITIVE_INFINITY;
    double margin = Math.min(down, up);
    if (Double.isInfinite(margin)) {
      return margin;
    }
    return weight > 0 ? margin / weight : (margin > 0 ? Double.POSITIVE_INFINITY : 0.0);
  }

  /**
   * A one-line explanation.
   *
   * @return the explanation
   */
  public String describe() {
    String upper = upperLimit.isPresent() ? Double.toString(upperLimit.getAsDouble()) : "inf";
    StringBuilder b = new StringBuilder(criterion).append(": weight ").append(weight)
        .append(" can move within [").append(lowerLimit).append(", ").append(upper).append("]");
    if (winnerBelow.isPresent() || winnerAbove.isPresent()) {
      b.append(" (");
      winnerBelow.ifPresent(w -> b.append("below: ").append(w).append(" wins"));
      if (winnerBelow.isPresent() && winnerAbove.isPresent()) {
        b.append(", ");
      }
      winnerAbove.ifPresent(w -> b.append("above: ").append(w).append(" wins"));
      b.append(")");
    }
    return b.toString();
  }
}
