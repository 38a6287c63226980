package dev.tradeoff.api.report;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tradeoff.api.Metric;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The Pareto front of the feasible candidates over the decision's objectives (the weighted metrics), computed by
 * {@code tradeoff-pareto}: which candidates no other beats on every objective, and the knee — the best compromise
 * on the front. Each row carries its own rank ({@link CandidateRow#paretoRank()}).
 *
 * <pre>{@code
 * report.pareto().front();    // [GPT-4o-mini, Claude 3 Haiku]
 * report.pareto().knee();     // Optional[Claude 3 Haiku]
 * }</pre>
 *
 * <p>Empty when no candidate is feasible. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableParetoSummary.class)
@JsonDeserialize(as = ImmutableParetoSummary.class)
public interface ParetoSummary {

  /** @return the objectives, in weight order */
  List<Metric> objectives();

  /** @return the front's candidates, in table order */
  List<String> front();

  /** @return the knee of the front (farthest from the line through its extremes); only on fronts of 3 or more */
  Optional<String> knee();

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableParetoSummary.Builder builder() {
    return ImmutableParetoSummary.builder();
  }
}
