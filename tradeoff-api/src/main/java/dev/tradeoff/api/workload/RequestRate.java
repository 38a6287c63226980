package dev.tradeoff.api.workload;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tradeoff.api.TradeoffException;
import dev.tradeoff.api.internal.Fmt;
import java.util.Optional;
import java.util.OptionalDouble;
import org.immutables.value.Value;

/**
 * Traffic as an average number of requests per hour, spread over the week by a {@link WeeklyShape}.
 *
 * <pre>{@code
 * RequestRate api = RequestRate.of(2_000)                       // 2,000 requests/hour on average
 *     .withShape(WeeklyShape.diurnal(14, 0.5))
 *     .withRequestsPerConversation(4);                          // enables cost per conversation
 * }</pre>
 *
 * <p>Requests per week = {@code requestsPerHour × 168}. The rate must be {@code > 0} and finite, the burst factor
 * {@code >= 1}; otherwise {@link TradeoffException}. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableRequestRate.class)
@JsonDeserialize(as = ImmutableRequestRate.class)
public non-sealed interface RequestRate extends Traffic {

  /** @return average requests per hour over the week, {@code > 0} */
  double requestsPerHour();

  /** @return how requests spread over the week; a flat week when absent */
  Optional<WeeklyShape> shape();

  /** @return the busiest minute over its hour's average, {@code >= 1}, 1 by default */
  @Override
  default double burstFactor() {
    return 1;
  }

  /** @return requests per conversation, if the traffic has conversations */
  @Override
  OptionalDouble requestsPerConversation();

  /**
   * Checks the numbers.
   *
   * @throws TradeoffException naming the field and value
   */
  @Value.Check
  default void check() {
    if (!(requestsPerHour() > 0) || Double.isInfinite(requestsPerHour())) {
      throw TradeoffException.invalid("requestsPerHour", "> 0 and finite (a workload needs traffic)",
          requestsPerHour());
    }
    Checks.burst(burstFactor());
    Checks.perConversation(requestsPerConversation());
  }

  @Override
  @Value.NonAttribute
  default double[] requestsPerHourOfWeek() {
    double[] f = WeeklyShape.factorsOf(shape());
    for (int h = 0; h < f.length; h++) {
      f[h] *= requestsPerHour();
    }
    return f;
  }

  @Override
  @Value.NonAttribute
  default String describe() {
    return Fmt.count(requestsPerHour(), 1) + " requests/hour";
  }

  @Override
  default RequestRate times(double factor) {
    Checks.factor(factor);
    return ImmutableRequestRate.copyOf(this).withRequestsPerHour(requestsPerHour() * factor);
  }

  /**
   * A flat rate.
   *
   * @param requestsPerHour average requests per hour
   * @return the traffic
   * @throws TradeoffException if the rate is not positive and finite
   */
  static ImmutableRequestRate of(double requestsPerHour) {
    return builder().requestsPerHour(requestsPerHour).build();
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableRequestRate.Builder builder() {
    return ImmutableRequestRate.builder();
  }
}
