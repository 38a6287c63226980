package dev.tradeoff.pricing.plan;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tradeoff.pricing.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import org.immutables.value.Value;

/**
 * A workload's demand over a typical week: tokens per minute for each of the 168 hours of the week (hour 0 =
 * Monday 00:00–01:00 in the workload's time zone), and the {@link TokenMix} of its requests. Every plan prices
 * a month of this curve; capacity plans size themselves for its peak.
 *
 * <pre>{@code
 * DemandCurve flat = DemandCurve.flat(50_000, TokenMix.of(1500, 300));      // 50k tokens/min all week
 * DemandCurve office = DemandCurve.weekdayBusinessHours(200_000, 10_000, TokenMix.of(1500, 300));
 * double tokensPerMonth = office.tokensPerMonth();
 * }</pre>
 *
 * <p>A month is {@link #HOURS_PER_MONTH} = 730 hours (the AWS, Azure and GCP calculators' convention), i.e. the
 * week repeated 730/168 ≈ 4.345 times. Values must be {@code >= 0} and finite. Immutable and thread-safe.
 * JSON: {@code {"tokensPerMinute":[...168 numbers...],"mix":{...}}}.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableDemandCurve.class)
@JsonDeserialize(as = ImmutableDemandCurve.class)
public interface DemandCurve {

  /** Hours in a week: the length of the curve. */
  int HOURS_PER_WEEK = 168;

  /** Hours in a billing month (730, as the cloud calculators use). */
  double HOURS_PER_MONTH = 730.0;

  /** Weeks in a billing month: 730 / 168. */
  double WEEKS_PER_MONTH = HOURS_PER_MONTH / HOURS_PER_WEEK;

  /**
   * Tokens per minute in each hour of the week.
   *
   * @return 168 values, {@code >= 0}
   */
  List<Double> tokensPerMinute();

  /**
   * The token mix of the requests.
   *
   * @return the mix
   */
  TokenMix mix();

  /**
   * Checks length and values.
   *
   * @throws InvalidValueException naming the hour and value
   */
  @Value.Check
  default void check() {
    if (tokensPerMinute().size() != HOURS_PER_WEEK) {
      throw InvalidValueException.of("tokensPerMinute", "168 hourly values (one week)", tokensPerMinute().size() + " values");
    }
    for (int h = 0; h < HOURS_PER_WEEK; h++) {
      double v = tokensPerMinute().get(h);
      if (!(v >= 0) || Double.isInfinite(v)) {
        throw InvalidValueException.of("tokensPerMinute[" + h + "]", ">= 0 and finite", v);
      }
    }
  }

  /**
   * The curve as a fresh array.
   *
   * @return 168 values
   */
  @Value.NonAttribute
  default double[] toArray() {
    double[] a = new double[HOURS_PER_WEEK];
    for (int h = 0; h < HOURS_PER_WEEK; h++) {
      a[h] = tokensPerMinute().get(h);
    }
    return a;
  }

  /**
   * The highest hourly value.
   *
   * @return tokens per minute
   */
  @Value.NonAttribute
  default double peakTokensPerMinute() {
    double max = 0;
    for (double v : tokensPerMinute()) {
      max = Math.max(max, v);
    }
    return max;
  }

  /**
   * The average over the week.
   *
   * @return tokens per minute
   */
  @Value.NonAttribute
  default double averageTokensPerMinute() {
    double sum = 0;
    for (double v : tokensPerMinute()) {
      sum += v;
    }
    return sum / HOURS_PER_WEEK;
  }

  /**
   * Tokens in a 730-hour month.
   *
   * @return tokens
   */
  @Value.NonAttribute
  default double tokensPerMonth() {
    return averageTokensPerMinute() * 60 * HOURS_PER_MONTH;
  }

  /**
   * The curve with every hour multiplied by a factor (growth, scenarios).
   *
   * @param factor the multiplier, {@code >= 0}
   * @return the scaled curve
   */
  default DemandCurve times(double factor) {
    if (!(factor >= 0) || Double.isInfinite(factor)) {
      throw InvalidValueException.of("factor", ">= 0 and finite", factor);
    }
    List<Double> scaled = new ArrayList<>(HOURS_PER_WEEK);
    for (double v : tokensPerMinute()) {
      scaled.add(v * factor);
    }
    return ImmutableDemandCurve.builder().tokensPerMinute(scaled).mix(mix()).build();
  }

  /**
   * The same shape scaled to a given weekly average (for break-even searches over volume).
   *
   * @param averageTokensPerMinute the new average, {@code >= 0}
   * @return the scaled curve
   * @throws InvalidValueException if this curve is all zero
   */
  default DemandCurve withAverage(double averageTokensPerMinute) {
    double avg = averageTokensPerMinute();
    if (avg <= 0) {
      throw InvalidValueException.of("averageTokensPerMinute", "> 0 to rescale the curve", avg);
    }
    return times(averageTokensPerMinute / avg);
  }

  /**
   * A constant demand.
   *
   * @param tokensPerMinute tokens per minute in every hour
   * @param mix the token mix
   * @return the curve
   */
  static DemandCurve flat(double tokensPerMinute, TokenMix mix) {
    double[] a = new double[HOURS_PER_WEEK];
    java.util.Arrays.fill(a, tokensPerMinute);
    return of(a, mix);
  }

  /**
   * A curve from 168 hourly values.
   *
   * @param tokensPerMinute the values, hour 0 = Monday 00:00
   * @param mix the token mix
   * @return the curve
   */
  static DemandCurve of(double[] tokensPerMinute, TokenMix mix) {
    List<Double> list = new ArrayList<>(tokensPerMinute.length);
    for (double v : tokensPerMinute) {
      list.add(v);
    }
    return ImmutableDemandCurve.builder().tokensPerMinute(list).mix(mix).build();
  }

  /**
   * A curve from a 24-hour daily profile repeated on each day, weekends scaled.
   *
   * @param daily tokens per minute for hours 0..23
   * @param weekendFactor multiplier for Saturday and Sunday (1 = same as weekdays)
   * @param mix the token mix
   * @return the curve
   */
  static DemandCurve daily(double[] daily, double weekendFactor, TokenMix mix) {
    if (daily.length != 24) {
      throw InvalidValueException.of("daily", "24 hourly values", daily.length + " values");
    }
    double[] a = new double[HOURS_PER_WEEK];
    for (int d = 0; d < 7; d++) {
      for (int h = 0; h < 24; h++) {
        a[d * 24 + h] = daily[h] * (d >= 5 ? weekendFactor : 1.0);
      }
    }
    return of(a, mix);
  }

  /**
   * Business-hours demand: {@code peak} tokens/minute Monday–Friday 09:00–17:00, {@code offPeak} otherwise.
   *
   * @param peak tokens per minute during business hours
   * @param offPeak tokens per minute otherwise
   * @param mix the token mix
   * @return the curve
   */
  static DemandCurve weekdayBusinessHours(double peak, double offPeak, TokenMix mix) {
    double[] a = new double[HOURS_PER_WEEK];
    for (int h = 0; h < HOURS_PER_WEEK; h++) {
      int day = h / 24;
      int hour = h % 24;
      a[h] = day < 5 && hour >= 9 && hour < 17 ? peak : offPeak;
    }
    return of(a, mix);
  }
}
