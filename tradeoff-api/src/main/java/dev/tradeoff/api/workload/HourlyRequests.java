package dev.tradeoff.api.workload;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tradeoff.api.TradeoffException;
import dev.tradeoff.api.internal.Fmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.immutables.value.Value;

/**
 * Traffic as an explicit hour-of-week curve: requests in each of the 168 hours of a typical week (hour 0 = Monday
 * 00:00–01:00), for example as {@link RequestLogs#profile derived from recorded logs}.
 *
 * <pre>{@code
 * double[] week = new double[168];
 * Arrays.fill(week, 500);
 * for (int d = 0; d < 5; d++) for (int h = 9; h < 17; h++) week[d * 24 + h] = 4_000;   // office hours
 * HourlyRequests office = HourlyRequests.of(week);
 * }</pre>
 *
 * <p>Values must be finite and {@code >= 0}, not all zero; the burst factor {@code >= 1}. Immutable and
 * thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableHourlyRequests.class)
@JsonDeserialize(as = ImmutableHourlyRequests.class)
public non-sealed interface HourlyRequests extends Traffic {

  /** @return requests in each hour of the week, 168 values */
  List<Double> requestsPerHour();

  /** @return the busiest minute over its hour's average, {@code >= 1}, 1 by default */
  @Override
  default double burstFactor() {
    return 1;
  }

  /** @return requests per conversation, if the traffic has conversations */
  @Override
  OptionalDouble requestsPerConversation();

  /** @return where the curve comes from, for example a log file and its time span */
  Optional<String> source();

  /**
   * Checks the curve.
   *
   * @throws TradeoffException naming the hour and value
   */
  @Value.Check
  default void check() {
    if (requestsPerHour().size() != WeeklyShape.HOURS) {
      throw TradeoffException.invalid("requestsPerHour", "168 hourly values (one week)",
          requestsPerHour().size() + " values");
    }
    double sum = 0;
    for (int h = 0; h < WeeklyShape.HOURS; h++) {
      double v = requestsPerHour().get(h);
      if (!(v >= 0) || Double.isInfinite(v)) {
        throw TradeoffException.invalid("requestsPerHour[" + h + "]", ">= 0 and finite", v);
      }
      sum += v;
    }
    if (!(sum > 0)) {
      throw TradeoffException.invalid("requestsPerHour", "not all zero (a workload needs traffic)", "all zero");
    }
    Checks.burst(burstFactor());
    Checks.perConversation(requestsPerConversation());
  }

  @Override
  @Value.NonAttribute
  default double[] requestsPerHourOfWeek() {
    double[] a = new double[WeeklyShape.HOURS];
    for (int h = 0; h < a.length; h++) {
      a[h] = requestsPerHour().get(h);
    }
    return a;
  }

  @Override
  @Value.NonAttribute
  default String describe() {
    return Fmt.count(Traffic.requestsPerWeek(this) / WeeklyShape.HOURS, 1) + " requests/hour";
  }

  @Override
  default HourlyRequests times(double factor) {
    Checks.factor(factor);
    List<Double> scaled = new ArrayList<>(WeeklyShape.HOURS);
    for (double v : requestsPerHour()) {
      scaled.add(v * factor);
    }
    return ImmutableHourlyRequests.copyOf(this).withRequestsPerHour(scaled);
  }

  /**
   * A curve from 168 values.
   *
   * @param requestsPerHour requests in each hour, hour 0 = Monday 00:00
   * @return the traffic
   * @throws TradeoffException on a wrong length or a bad value
   */
  static ImmutableHourlyRequests of(double[] requestsPerHour) {
    List<Double> list = new ArrayList<>(requestsPerHour.length);
    for (double v : requestsPerHour) {
      list.add(v);
    }
    return builder().requestsPerHour(list).build();
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableHourlyRequests.Builder builder() {
    return ImmutableHourlyRequests.builder();
  }
}
