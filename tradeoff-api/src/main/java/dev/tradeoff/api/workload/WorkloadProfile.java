package dev.tradeoff.api.workload;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tradeoff.api.TradeoffException;
import dev.tradeoff.api.internal.WorkloadFigures;
import dev.tradeoff.pricing.plan.DemandCurve;
import java.util.OptionalDouble;
import org.immutables.value.Value;

/**
 * What the application will ask of a model: its {@link Traffic}, the {@link TokenProfile} of a request and how
 * fast it grows. It builds the {@code tradeoff-pricing} {@link DemandCurve} every pricing plan prices, and derives
 * the {@link WorkloadStats figures} the report shows.
 *
 * <pre>{@code
 * WorkloadProfile chatbot = WorkloadProfile.builder()
 *     .name("support chatbot")
 *     .traffic(DailyUsers.of(1_000, 1, 5).withShape(WeeklyShape.diurnal(14, 0.6)))
 *     .tokens(TokenProfile.of(1_200, 300))
 *     .growthPerYear(0.5)
 *     .build();
 * DemandCurve demand = chatbot.demandCurve();     // tokens/minute for each hour of the week + token mix
 * WorkloadStats stats = chatbot.stats();          // 152,083 requests/month, steady/diurnal/bursty, ...
 * }</pre>
 *
 * <h2>Demand curve</h2>
 * Hour {@code h} demands {@code requests[h] × meanTotalTokens / 60} tokens per minute, with the token profile's
 * {@link TokenProfile#toTokenMix() mix}. This is the one place the workload becomes pricing's demand.
 *
 * <p>Growth per year is a fraction {@code > -1} (0.5 = +50% a year), used by TCO and by
 * {@link dev.tradeoff.api.Scenario#afterMonths(int)}. Zero or negative traffic cannot be built (the traffic types
 * reject it). Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableWorkloadProfile.class)
@JsonDeserialize(as = ImmutableWorkloadProfile.class)
public interface WorkloadProfile {

  /** @return a name for reports, {@code "workload"} by default */
  default String name() {
    return "workload";
  }

  /** @return the traffic */
  Traffic traffic();

  /** @return the tokens of a request */
  TokenProfile tokens();

  /** @return demand growth per year as a fraction, {@code > -1}, 0 by default */
  default double growthPerYear() {
    return 0;
  }

  /**
   * Checks the name and growth.
   *
   * @throws TradeoffException naming the field and value
   */
  @Value.Check
  default void check() {
    if (name().isBlank()) {
      throw TradeoffException.invalid("workload.name", "non-blank", "\"" + name() + "\"");
    }
    if (!(growthPerYear() > -1) || Double.isInfinite(growthPerYear())) {
      throw TradeoffException.invalid("growthPerYear", "> -1 and finite", growthPerYear());
    }
  }

  /**
   * The demand {@code tradeoff-pricing} prices: tokens per minute for each hour of the week and the token mix.
   *
   * @return the curve
   */
  @Value.NonAttribute
  default DemandCurve demandCurve() {
    return WorkloadFigures.demandCurve(this);
  }

  /**
   * The derived figures.
   *
   * @return the figures
   */
  @Value.NonAttribute
  default WorkloadStats stats() {
    return WorkloadFigures.stats(this);
  }

  /**
   * Requests in a 730-hour month.
   *
   * @return the count
   */
  @Value.NonAttribute
  default double requestsPerMonth() {
    return Traffic.requestsPerWeek(traffic()) * DemandCurve.WEEKS_PER_MONTH;
  }

  /**
   * Conversations in a 730-hour month.
   *
   * @return the count, or empty if the traffic is not counted in conversations
   */
  @Value.NonAttribute
  default OptionalDouble conversationsPerMonth() {
    OptionalDouble perConversation = traffic().requestsPerConversation();
    return perConversation.isPresent()
        ? OptionalDouble.of(requestsPerMonth() / perConversation.getAsDouble()) : OptionalDouble.empty();
  }

  /**
   * This workload with its traffic multiplied.
   *
   * @param factor the multiplier, {@code > 0}
   * @return the new profile
   * @throws TradeoffException if the factor is not positive and finite
   */
  default WorkloadProfile times(double factor) {
    return ImmutableWorkloadProfile.copyOf(this).withTraffic(traffic().times(factor));
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableWorkloadProfile.Builder builder() {
    return ImmutableWorkloadProfile.builder();
  }
}
