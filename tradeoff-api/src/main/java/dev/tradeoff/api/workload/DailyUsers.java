package dev.tradeoff.api.workload;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tradeoff.api.TradeoffException;
import dev.tradeoff.api.internal.Fmt;
import java.util.Optional;
import java.util.OptionalDouble;
import org.immutables.value.Value;

/**
 * Traffic counted in people: daily active users × conversations per user per day × turns (requests) per
 * conversation, spread over the week by a {@link WeeklyShape}.
 *
 * <pre>{@code
 * DailyUsers chatbot = DailyUsers.of(1_000, 1, 5);           // 1,000 DAU, one 5-turn conversation each
 * DailyUsers shaped = chatbot.withShape(WeeklyShape.diurnal(14, 0.6)).withBurstFactor(1.5);
 * }</pre>
 *
 * <p>Requests per week = {@code users × conversations × turns × 7}; the shape only moves them between hours. A
 * month is 730 hours (30.42 days, {@code tradeoff-pricing}'s convention), so 1,000 DAU × 5 turns is
 * {@code 5,000 × 730 / 24 = 152,083.3} requests a month. Users and conversations must be {@code > 0}, turns
 * {@code > 0}, burst factor {@code >= 1}, all finite; otherwise {@link TradeoffException}. Immutable and
 * thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableDailyUsers.class)
@JsonDeserialize(as = ImmutableDailyUsers.class)
public non-sealed interface DailyUsers extends Traffic {

  /** @return average daily active users, {@code > 0} */
  double dailyActiveUsers();

  /** @return conversations per active user per day, {@code > 0}, 1 by default */
  default double conversationsPerUserPerDay() {
    return 1;
  }

  /** @return requests (turns) per conversation, {@code > 0}, 1 by default */
  default double turnsPerConversation() {
    return 1;
  }

  /** @return how requests spread over the week; a flat week when absent */
  Optional<WeeklyShape> shape();

  /** @return the busiest minute over its hour's average, {@code >= 1}, 1 by default */
  @Override
  default double burstFactor() {
    return 1;
  }

  /**
   * Checks every number.
   *
   * @throws TradeoffException naming the field and value
   */
  @Value.Check
  default void check() {
    positive("dailyActiveUsers", dailyActiveUsers());
    positive("conversationsPerUserPerDay", conversationsPerUserPerDay());
    positive("turnsPerConversation", turnsPerConversation());
    Checks.burst(burstFactor());
  }

  private static void positive(String field, double v) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw TradeoffException.invalid(field, "> 0 and finite (a workload needs traffic)", v);
    }
  }

  /** @return conversations in a week: users × conversations per user × 7 */
  @Value.NonAttribute
  default double conversationsPerWeek() {
    return dailyActiveUsers() * conversationsPerUserPerDay() * 7;
  }

  @Override
  @Value.NonAttribute
  default double[] requestsPerHourOfWeek() {
    double perHour = conversationsPerWeek() * turnsPerConversation() / WeeklyShape.HOURS;
    double[] f = WeeklyShape.factorsOf(shape());
    for (int h = 0; h < f.length; h++) {
      f[h] *= perHour;
    }
    return f;
  }

  @Override
  @Value.NonAttribute
  default OptionalDouble requestsPerConversation() {
    return OptionalDouble.of(turnsPerConversation());
  }

  @Override
  @Value.NonAttribute
  default String describe() {
    return Fmt.count(dailyActiveUsers(), 1) + " DAU";
  }

  @Override
  default DailyUsers times(double factor) {
    Checks.factor(factor);
    return ImmutableDailyUsers.copyOf(this).withDailyActiveUsers(dailyActiveUsers() * factor);
  }

  /**
   * Daily users with a flat week.
   *
   * @param dailyActiveUsers users per day
   * @param conversationsPerUserPerDay conversations per user per day
   * @param turnsPerConversation requests per conversation
   * @return the traffic
   * @throws TradeoffException if a number is not positive and finite
   */
  static ImmutableDailyUsers of(double dailyActiveUsers, double conversationsPerUserPerDay,
      double turnsPerConversation) {
    return builder().dailyActiveUsers(dailyActiveUsers).conversationsPerUserPerDay(conversationsPerUserPerDay)
        .turnsPerConversation(turnsPerConversation).build();
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableDailyUsers.Builder builder() {
    return ImmutableDailyUsers.builder();
  }
}
