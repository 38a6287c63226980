package dev.tradeoff.pareto;

import dev.tradeoff.pareto.internal.Require;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * How a criterion's raw value turns into value for the decision-maker, before normalization.
 *
 * <ul>
 *   <li>{@link #linear()}: every unit counts the same (the default).</li>
 *   <li>{@link #slo(double, double)}: a service-level objective. On the good side of the limit values count
 *       as they are; past it every unit counts {@code penaltySlope} times, so utility falls sharply once the
 *       SLO is missed ("p95 TTFT up to 800 ms is fine, each ms beyond hurts 10x"). For a minimized criterion,
 *       {@code v = x + (slope - 1) * max(0, x - limit)}; for a maximized one,
 *       {@code v = x - (slope - 1) * max(0, limit - x)}.</li>
 * </ul>
 * Both are continuous and strictly increasing in the criterion's "goodness", so scores stay Pareto-compliant.
 *
 * <pre>{@code
 * Criterion ttft = Criterion.minimize("p95TtftMs").withUtility(UtilityCurve.slo(800, 10));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class UtilityCurve {

  /** Default {@code penaltySlope} of {@link #slo(double)}: past the limit a unit counts 10 times. */
  public static final double DEFAULT_PENALTY_SLOPE = 10.0;

  private static final UtilityCurve LINEAR = new UtilityCurve(Double.NaN, 1.0);

  private final double limit;
  private final double penaltySlope;

  private UtilityCurve(double limit, double penaltySlope) {
    this.limit = limit;
    this.penaltySlope = penaltySlope;
  }

  /**
   * The identity: value is proportional to the raw value.
   *
   * @return the linear curve
   */
  public static UtilityCurve linear() {
    return LINEAR;
  }

  /**
   * An SLO curve with the {@link #DEFAULT_PENALTY_SLOPE}.
   *
   * @param limit the SLO in the criterion's unit (e.g. 800 for "p95 TTFT at most 800 ms")
   * @return the curve
   * @throws IllegalArgumentException if the limit is not finite
   */
  public static UtilityCurve slo(double limit) {
    return slo(limit, DEFAULT_PENALTY_SLOPE);
  }

  /**
   * An SLO curve.
   *
   * @param limit the SLO in the criterion's unit
   * @param penaltySlope how many times a unit past the limit counts, {@code > 1} and finite
   * @return the curve
   * @throws IllegalArgumentException if the limit is not finite or the slope is not in {@code (1, inf)}
   */
  public static UtilityCurve slo(double limit, double penaltySlope) {
    double l = Require.finite(limit, "limit");
    if (!(penaltySlope > 1) || Double.isInfinite(penaltySlope)) {
      throw Require.invalid("penaltySlope", "> 1 and finite", penaltySlope);
    }
    return new UtilityCurve(l, penaltySlope);
  }

  /**
   * Whether this is the linear curve.
   *
   * @return true if linear
   */
  public boolean isLinear() {
    return Double.isNaN(limit);
  }

  /**
   * The SLO limit.
   *
   * @return the limit, or empty for the linear curve
   */
  public OptionalDouble limit() {
    return isLinear() ? OptionalDouble.empty() : OptionalDouble.of(limit);
  }

  /**
   * How many times a unit past the limit counts.
   *
   * @return the slope, 1 for the linear curve
   */
  public double penaltySlope() {
    return penaltySlope;
  }

  /**
   * The transformed value, in the criterion's unit.
   *
   * <pre>{@code
   * UtilityCurve.slo(800, 10).apply(900, Direction.MINIMIZE); // 1800.0: 100 ms past the SLO count as 1000
   * }</pre>
   *
   * @param value the raw value
   * @param direction the criterion's direction
   * @return the transformed value
   */
  public double apply(double value, Direction direction) {
    if (isLinear()) {
      return value;
    }
    double excess = direction == Direction.MINIMIZE ? value - limit : limit - value;
    double penalty = (penaltySlope - 1) * (excess > 0 ? excess : 0.0);
    return direction == Direction.MINIMIZE ? value + penalty : value - penalty;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof UtilityCurve)) {
      return false;
    }
    UtilityCurve other = (UtilityCurve) o;
    return Double.compare(limit, other.limit) == 0 && Double.compare(penaltySlope, other.penaltySlope) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(limit, penaltySlope);
  }

  @Override
  public String toString() {
    return isLinear() ? "linear" : "slo(limit=" + limit + ", penaltySlope=" + penaltySlope + ")";
  }
}
