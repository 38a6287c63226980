package dev.tradeoff.api;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The hard constraints of a decision: a monthly budget, service-level objectives, a data-residency region,
 * required features and a minimum context window. A candidate failing any of them is excluded from the Pareto
 * front and the ranking, and listed in the report with every reason; if no candidate meets them all, the report
 * says which requirement nobody meets.
 *
 * <pre>{@code
 * Requirements needs = Requirements.builder()
 *     .monthlyBudgetUsd(new BigDecimal("500"))
 *     .addSlo(SloTarget.of(Metric.P95_TTFT_MS, 500))
 *     .dataResidency("EU")
 *     .addRequiredFeature("function_calling")
 *     .build();
 * }</pre>
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li>Budget: the candidate's monthly cost must be {@code <=} the budget (USD per 730-hour month).
 *   <li>SLOs: each must be met by the candidate's measurement; a missing measurement excludes the candidate
 *       ("not measured"), since an unverified SLO is not met.
 *   <li>Context window: at least {@link #minContextWindowTokens()}, by default the workload's largest prompt. A
 *       candidate whose window is unknown is kept, with a note.
 *   <li>Data residency: the candidate must list the region (case-insensitive) in its regions, or be priced
 *       pay-as-you-go under that residency. Unknown regions fail: residency is a compliance question.
 *   <li>Features: each must be in the candidate's features or its catalog capabilities (case-insensitive).
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableRequirements.class)
@JsonDeserialize(as = ImmutableRequirements.class)
public interface Requirements {

  /** @return the most a candidate may cost per month, USD, {@code > 0} */
  Optional<BigDecimal> monthlyBudgetUsd();

  /** @return the service-level objectives, at most one per metric */
  List<SloTarget> slos();

  /** @return a region the data must stay in, for example {@code EU} */
  Optional<String> dataResidency();

  /** @return features every candidate must support, for example {@code vision} */
  Set<String> requiredFeatures();

  /** @return the smallest acceptable input context window in tokens; by default the workload's largest prompt */
  OptionalLong minContextWindowTokens();

  /**
   * Checks the budget, the SLO metrics and the window.
   *
   * @throws TradeoffException naming the field and value
   */
  @Value.Check
  default void check() {
    if (monthlyBudgetUsd().isPresent() && monthlyBudgetUsd().get().signum() <= 0) {
      throw TradeoffException.invalid("monthlyBudgetUsd", "> 0", monthlyBudgetUsd().get().toPlainString());
    }
    Set<Metric> seen = new HashSet<>();
    for (SloTarget s : slos()) {
      if (!seen.add(s.metric())) {
        throw TradeoffException.invalid("slos", "at most one per metric", s.metric() + " twice");
      }
    }
    if (minContextWindowTokens().isPresent() && minContextWindowTokens().getAsLong() <= 0) {
      throw TradeoffException.invalid("minContextWindowTokens", "> 0", minContextWindowTokens().getAsLong());
    }
    if (dataResidency().isPresent() && dataResidency().get().isBlank()) {
      throw TradeoffException.invalid("dataResidency", "non-blank", "\"" + dataResidency().get() + "\"");
    }
  }

  /**
   * The objective on a metric.
   *
   * @param metric the metric
   * @return the objective, or empty
   */
  default Optional<SloTarget> slo(Metric metric) {
    return slos().stream().filter(s -> s.metric() == metric).findFirst();
  }

  /**
   * No constraints.
   *
   * @return an empty instance
   */
  static Requirements none() {
    return builder().build();
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableRequirements.Builder builder() {
    return ImmutableRequirements.builder();
  }
}
