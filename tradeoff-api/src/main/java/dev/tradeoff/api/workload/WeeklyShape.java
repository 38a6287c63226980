package dev.tradeoff.api.workload;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tradeoff.api.TradeoffException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.immutables.value.Value;

/**
 * How traffic is spread over the 168 hours of a week (hour 0 = Monday 00:00–01:00 in the workload's time zone):
 * relative weights, rescaled so that their mean is 1, so the traffic's totals are unchanged by the shape.
 *
 * <pre>{@code
 * WeeklyShape flat = WeeklyShape.flat();
 * WeeklyShape chat = WeeklyShape.diurnal(14, 0.6);          // peak at 14:00, 1.6x the mean; trough 0.4x at 02:00
 * WeeklyShape office = WeeklyShape.daily(hourlyWeights, 0.3); // a 24-hour profile, weekends at 30%
 * double f = chat.factor(14);                                 // 1.6
 * }</pre>
 *
 * <p>{@link #diurnal(int, double)} is a synthetic cosine curve (a formula, not a measured profile): use recorded
 * logs ({@link RequestLogs}) when you have them. Weights must be finite, {@code >= 0}, 168 of them, not all zero.
 * Immutable and thread-safe. JSON: {@code {"weights":[...168 numbers...]}}.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableWeeklyShape.class)
@JsonDeserialize(as = ImmutableWeeklyShape.class)
public interface WeeklyShape {

  /** Hours in a week. */
  int HOURS = 168;

  /** @return 168 relative weights */
  List<Double> weights();

  /**
   * Checks the weights.
   *
   * @throws TradeoffException naming the hour and value
   */
  @Value.Check
  default void check() {
    if (weights().size() != HOURS) {
      throw TradeoffException.invalid("shape.weights", "168 hourly values (one week)", weights().size() + " values");
    }
    double sum = 0;
    for (int h = 0; h < HOURS; h++) {
      double w = weights().get(h);
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw TradeoffException.invalid("shape.weights[" + h + "]", ">= 0 and finite", w);
      }
      sum += w;
    }
    if (!(sum > 0)) {
      throw TradeoffException.invalid("shape.weights", "not all zero", "all zero");
    }
  }

  /**
   * The weight of an hour relative to the weekly mean.
   *
   * @param hourOfWeek 0..167
   * @return the factor, mean 1 over the week
   */
  default double factor(int hourOfWeek) {
    double sum = 0;
    for (double w : weights()) {
      sum += w;
    }
    return weights().get(hourOfWeek) * HOURS / sum;
  }

  /**
   * All 168 factors (mean 1).
   *
   * @return a fresh array
   */
  @Value.NonAttribute
  default double[] factors() {
    double sum = 0;
    for (double w : weights()) {
      sum += w;
    }
    double[] f = new double[HOURS];
    for (int h = 0; h < HOURS; h++) {
      f[h] = weights().get(h) * HOURS / sum;
    }
    return f;
  }

  /**
   * The factors of an optional shape: a flat week (all 1) when absent.
   *
   * @param shape the shape, or empty
   * @return a fresh array of 168 factors with mean 1
   */
  static double[] factorsOf(java.util.Optional<WeeklyShape> shape) {
    if (shape.isPresent()) {
      return shape.get().factors();
    }
    double[] f = new double[HOURS];
    java.util.Arrays.fill(f, 1.0);
    return f;
  }

  /**
   * The same traffic every hour.
   *
   * @return the flat shape
   */
  static WeeklyShape flat() {
    return ImmutableWeeklyShape.builder().weights(Collections.nCopies(HOURS, 1.0)).build();
  }

  /**
   * A daily cosine cycle: {@code 1 + amplitude × cos(2π (hour − peakHour) / 24)}, the same every day.
   *
   * @param peakHour the busiest hour of the day, 0..23
   * @param amplitude the swing around the mean, in [0, 1]: the peak is {@code 1 + amplitude} times the mean
   * @return the shape
   * @throws TradeoffException if an argument is out of range
   */
  static WeeklyShape diurnal(int peakHour, double amplitude) {
    if (peakHour < 0 || peakHour > 23) {
      throw TradeoffException.invalid("peakHour", "in 0..23", peakHour);
    }
    if (!(amplitude >= 0 && amplitude <= 1)) {
      throw TradeoffException.invalid("amplitude", "in [0, 1]", amplitude);
    }
    double[] day = new double[24];
    for (int h = 0; h < 24; h++) {
      day[h] = 1 + amplitude * Math.cos(2 * Math.PI * (h - peakHour) / 24.0);
    }
    return daily(day, 1.0);
  }

  /**
   * A 24-hour profile repeated every day, Saturday and Sunday scaled.
   *
   * @param hourOfDay 24 relative weights, hour 0 = 00:00–01:00
   * @param weekendFactor weight multiplier for Saturday and Sunday, {@code >= 0}
   * @return the shape
   * @throws TradeoffException on a wrong length or a negative value
   */
  static WeeklyShape daily(double[] hourOfDay, double weekendFactor) {
    if (hourOfDay.length != 24) {
      throw TradeoffException.invalid("hourOfDay", "24 values", hourOfDay.length + " values");
    }
    if (!(weekendFactor >= 0) || Double.isInfinite(weekendFactor)) {
      throw TradeoffException.invalid("weekendFactor", ">= 0 and finite", weekendFactor);
    }
    double[] week = new double[HOURS];
    for (int d = 0; d < 7; d++) {
      for (int h = 0; h < 24; h++) {
        week[d * 24 + h] = hourOfDay[h] * (d >= 5 ? weekendFactor : 1.0);
      }
    }
    return of(week);
  }

  /**
   * A shape from 168 weights.
   *
   * @param weights hour 0 = Monday 00:00
   * @return the shape
   * @throws TradeoffException on a wrong length or a bad value
   */
  static WeeklyShape of(double[] weights) {
    List<Double> list = new ArrayList<>(weights.length);
    for (double w : weights) {
      list.add(w);
    }
    return ImmutableWeeklyShape.builder().weights(list).build();
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableWeeklyShape.Builder builder() {
    return ImmutableWeeklyShape.builder();
  }
}
