package dev.tradeoff.api.report;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tradeoff.api.Metric;
import dev.tradeoff.pricing.Provenance;
import dev.tradeoff.pricing.plan.CostItem;
import dev.tradeoff.pricing.plan.PlanKind;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * One line of the report's table: a priced candidate's cost for the workload, its performance and quality, whether
 * it meets the budget and each SLO, and where it landed in the Pareto front and the ranking.
 *
 * <pre>{@code
 * CandidateRow haiku = report.row("Claude 3 Haiku").orElseThrow();
 * haiku.monthlyCostUsd();            // 102.656250
 * haiku.costPerConversationUsd();    // Optional[0.003375]
 * haiku.withinBudget();              // Optional[true]
 * haiku.onFront();                   // true
 * }</pre>
 *
 * <h2>Money</h2>
 * USD, exact decimals: {@link #monthlyCostUsd()} is {@code tradeoff-pricing}'s workload cost of a 730-hour month
 * (items rounded to 6 places, total their exact sum); per request is the monthly cost / requests per month, rounded
 * half-even to 8 places; per conversation and per 1M tokens to 6 places.
 *
 * <p>Units: ms, output tokens/s of one stream, error rate as a fraction. A candidate that fails a constraint still
 * has a row ({@link #feasible()} false) but no Pareto rank or score. All numbers finite. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableCandidateRow.class)
@JsonDeserialize(as = ImmutableCandidateRow.class)
public interface CandidateRow {

  /** Decimal places of {@link #costPerRequestUsd()}. */
  int PER_REQUEST_SCALE = 8;

  /** @return the candidate's name */
  String name();

  /** @return the model as given */
  String model();

  /** @return the provider */
  String provider();

  /** @return the pricing plan's name */
  String planName();

  /** @return the pricing plan's kind */
  PlanKind planKind();

  /** @return USD per 730-hour month */
  BigDecimal monthlyCostUsd();

  /** @return USD per request */
  BigDecimal costPerRequestUsd();

  /** @return USD per conversation, if the traffic counts conversations */
  Optional<BigDecimal> costPerConversationUsd();

  /** @return USD per million tokens (all classes) */
  Optional<BigDecimal> costPerMillionTokensUsd();

  /** @return the monthly cost items (tokens by class, units, engineering, ...) */
  List<CostItem> costItems();

  /** @return served / paid capacity, in [0, 1]; 1 for per-token plans */
  double utilization();

  /** @return capacity units at the busiest hour; 0 for per-token plans */
  int peakUnits();

  /** @return median TTFT, ms */
  OptionalDouble p50TtftMs();

  /** @return 95th-percentile TTFT, ms */
  OptionalDouble p95TtftMs();

  /** @return output tokens per second of one stream */
  OptionalDouble tokensPerSecond();

  /** @return the user's quality score */
  OptionalDouble quality();

  /** @return failed / all requests */
  OptionalDouble errorRate();

  /** @return whether the monthly cost is within the budget; empty without a budget */
  Optional<Boolean> withinBudget();

  /** @return each SLO's outcome, in the requirements' order */
  List<SloCheck> slos();

  /** @return whether the candidate meets every constraint (and so takes part in the front and the ranking) */
  boolean feasible();

  /** @return the non-dominated rank among feasible candidates, 0 = on the front */
  OptionalInt paretoRank();

  /** @return whether it is on the Pareto front */
  default boolean onFront() {
    return false;
  }

  /** @return whether it is the front's knee point */
  default boolean knee() {
    return false;
  }

  /** @return the weighted score, larger is better */
  OptionalDouble score();

  /** @return the place in the ranking, 0 = best */
  OptionalInt position();

  /** @return where the price comes from and when */
  Optional<Provenance> priceSource();

  /** @return pricing's sizing notes and the analysis's remarks */
  List<String> notes();

  /**
   * Rejects non-finite numbers.
   *
   * @throws dev.tradeoff.api.TradeoffException naming the field
   */
  @Value.Check
  default void check() {
    Finite.check("utilization", utilization());
    Finite.check("p50TtftMs", p50TtftMs());
    Finite.check("p95TtftMs", p95TtftMs());
    Finite.check("tokensPerSecond", tokensPerSecond());
    Finite.check("quality", quality());
    Finite.check("errorRate", errorRate());
    Finite.check("score", score());
  }

  /**
   * The value of a metric.
   *
   * @param metric the metric
   * @return the value (the monthly cost as a double for {@link Metric#MONTHLY_COST_USD}), or empty if unmeasured
   */
  default OptionalDouble value(Metric metric) {
    switch (metric) {
      case MONTHLY_COST_USD: return OptionalDouble.of(monthlyCostUsd().doubleValue());
      case P50_TTFT_MS: return p50TtftMs();
      case P95_TTFT_MS: return p95TtftMs();
      case TOKENS_PER_SECOND: return tokensPerSecond();
      case QUALITY: return quality();
      case ERROR_RATE: return errorRate();
      default: throw new AssertionError(metric);
    }
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableCandidateRow.Builder builder() {
    return ImmutableCandidateRow.builder();
  }
}
