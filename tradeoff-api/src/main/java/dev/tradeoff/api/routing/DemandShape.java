package dev.tradeoff.api.routing;

import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.Objects;

/**
 * The relative shape of a workload over the week: one non-negative weight per hour of the week, local time,
 * Monday 00:00–01:00 first. Only ratios matter — a weight of 2 means twice the traffic (and so twice the
 * spend per hour) of a weight of 1. {@link CostTracker} uses it to forecast month-end spend: a {@link
 * #flat()} shape makes the forecast a straight-line extrapolation; a diurnal shape knows that a Monday
 * morning's spend rate will not last through the night.
 *
 * <pre>{@code
 * double[] day = new double[24];
 * Arrays.fill(day, 1.0);
 * Arrays.fill(day, 9, 18, 4.0);                  // office hours carry 4× the traffic
 * DemandShape shape = DemandShape.ofHourOfDay(day);
 * }</pre>
 *
 * <p>Immutable and thread-safe; the weights are copied in and out.
 *
 * @since 0.1.0
 */
public final class DemandShape {

  /** Hours in a week: 168. */
  public static final int HOURS_PER_WEEK = 168;

  private static final DemandShape FLAT = new DemandShape(filled(1.0));

  private final double[] weights;

  private DemandShape(double[] weights) {
    this.weights = weights;
  }

  private static double[] filled(double v) {
    double[] w = new double[HOURS_PER_WEEK];
    Arrays.fill(w, v);
    return w;
  }

  /**
   * Every hour alike.
   *
   * @return the flat shape
   */
  public static DemandShape flat() {
    return FLAT;
  }

  /**
   * A shape from 168 hour-of-week weights, Monday 00:00 first.
   *
   * @param weights 168 finite, non-negative weights, not all zero
   * @return the shape
   * @throws IllegalArgumentException if there are not 168 weights, one is negative or not finite, or all
   *     are zero
   */
  public static DemandShape ofHourOfWeek(double... weights) {
    Objects.requireNonNull(weights, "weights");
    if (weights.length != HOURS_PER_WEEK) {
      throw new IllegalArgumentException("weights.length must be 168, but was " + weights.length);
    }
    return new DemandShape(check(weights.clone()));
  }

  /**
   * The same 24 hour-of-day weights on every day of the week.
   *
   * @param weights 24 finite, non-negative weights, not all zero, midnight first
   * @return the shape
   * @throws IllegalArgumentException if there are not 24 weights, one is negative or not finite, or all
   *     are zero
   */
  public static DemandShape ofHourOfDay(double... weights) {
    Objects.requireNonNull(weights, "weights");
    if (weights.length != 24) {
      throw new IllegalArgumentException("weights.length must be 24, but was " + weights.length);
    }
    double[] w = new double[HOURS_PER_WEEK];
    for (int h = 0; h < HOURS_PER_WEEK; h++) {
      w[h] = weights[h % 24];
    }
    return new DemandShape(check(w));
  }

  private static double[] check(double[] w) {
    boolean positive = false;
    for (int i = 0; i < w.length; i++) {
      if (!(w[i] >= 0) || Double.isInfinite(w[i])) {
        throw new IllegalArgumentException(
            "weights[" + i + "] must be finite and >= 0, but was " + w[i]);
      }
      positive |= w[i] > 0;
    }
    if (!positive) {
      throw new IllegalArgumentException("weights must not all be 0, but were all 0");
    }
    return w;
  }

  /**
   * The weight of one hour.
   *
   * @param day the day of the week
   * @param hour the hour of the day, 0–23
   * @return the weight
   * @throws IllegalArgumentException if the hour is out of range
   */
  public double weight(DayOfWeek day, int hour) {
    if (hour < 0 || hour > 23) {
      throw new IllegalArgumentException("hour must be in [0, 23], but was " + hour);
    }
    return weights[(day.getValue() - 1) * 24 + hour];
  }

  /**
   * The weight of an hour of the week.
   *
   * @param hourOfWeek 0 (Monday 00:00) to 167 (Sunday 23:00)
   * @return the weight
   * @throws IllegalArgumentException if out of range
   */
  public double weight(int hourOfWeek) {
    if (hourOfWeek < 0 || hourOfWeek >= HOURS_PER_WEEK) {
      throw new IllegalArgumentException("hourOfWeek must be in [0, 167], but was " + hourOfWeek);
    }
    return weights[hourOfWeek];
  }

  /**
   * All 168 weights.
   *
   * @return a copy
   */
  public double[] weights() {
    return weights.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DemandShape && Arrays.equals(weights, ((DemandShape) o).weights);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(weights);
  }

  @Override
  public String toString() {
    return this == FLAT ? "DemandShape[flat]" : "DemandShape" + Arrays.toString(weights);
  }
}
