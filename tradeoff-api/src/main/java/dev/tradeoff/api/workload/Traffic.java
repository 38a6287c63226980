package dev.tradeoff.api.workload;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.OptionalDouble;

/**
 * How many requests a workload sends, hour by hour over a typical week: {@link DailyUsers} (daily active users ×
 * conversations × turns), {@link RequestRate} (requests per hour with a weekly shape) or {@link HourlyRequests}
 * (an explicit hour-of-week curve, as derived from {@link RequestLogs recorded logs}).
 *
 * <pre>{@code
 * Traffic chatbot = DailyUsers.of(1_000, 1, 5);                    // 5,000 requests a day
 * Traffic api = RequestRate.of(2_000).withShape(WeeklyShape.diurnal(14, 0.5));
 * double[] perHour = chatbot.requestsPerHourOfWeek();              // 168 values
 * }</pre>
 *
 * <p>{@link #burstFactor()} says how much the busiest minute exceeds its hour's average rate (1 = smooth within
 * each hour); capacity plans are sized per hour, so it feeds the recommended headroom and the workload's
 * classification. Implementations are immutable and thread-safe. JSON carries a {@code "type"} discriminator
 * ({@code DAILY_USERS}, {@code REQUEST_RATE}, {@code HOURLY}).
 *
 * @since 0.1.0
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ImmutableDailyUsers.class, name = "DAILY_USERS"),
    @JsonSubTypes.Type(value = ImmutableRequestRate.class, name = "REQUEST_RATE"),
    @JsonSubTypes.Type(value = ImmutableHourlyRequests.class, name = "HOURLY")})
public sealed interface Traffic permits DailyUsers, RequestRate, HourlyRequests {

  /**
   * Requests in each hour of the week, hour 0 = Monday 00:00.
   *
   * @return a fresh array of 168 values, {@code >= 0}, not all zero
   */
  double[] requestsPerHourOfWeek();

  /**
   * The busiest minute's rate over its hour's average rate.
   *
   * @return the factor, {@code >= 1}
   */
  double burstFactor();

  /**
   * Requests per conversation, for the cost of a conversation.
   *
   * @return the count, or empty if the traffic is not counted in conversations
   */
  OptionalDouble requestsPerConversation();

  /**
   * A short phrase for sentences, for example {@code "1,000 DAU"}.
   *
   * @return the phrase
   */
  String describe();

  /**
   * The same traffic multiplied by a factor (growth, what-if scenarios).
   *
   * @param factor the multiplier, {@code > 0} and finite
   * @return the scaled traffic
   * @throws dev.tradeoff.api.TradeoffException if the factor is not positive and finite
   */
  Traffic times(double factor);

  /**
   * Requests in a week.
   *
   * @param traffic the traffic
   * @return the sum of the hourly values
   */
  static double requestsPerWeek(Traffic traffic) {
    double sum = 0;
    for (double r : traffic.requestsPerHourOfWeek()) {
      sum += r;
    }
    return sum;
  }
}
