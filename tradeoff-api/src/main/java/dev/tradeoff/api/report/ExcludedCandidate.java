package dev.tradeoff.api.report;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tradeoff.api.TradeoffException;
import java.util.List;
import org.immutables.value.Value;

/**
 * A candidate left out of the Pareto front and the ranking, with every reason.
 *
 * <pre>{@code
 * report.excluded().forEach(e -> System.out.println(e.describe()));
 * // "GPT-4o-mini: misses the 500 ms p95 TTFT SLO (p95 TTFT 620 ms)"
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableExcludedCandidate.class)
@JsonDeserialize(as = ImmutableExcludedCandidate.class)
public interface ExcludedCandidate {

  /** @return the candidate's name */
  String name();

  /** @return the reasons, at least one */
  List<ExclusionReason> reasons();

  /**
   * Checks that there is a reason.
   *
   * @throws TradeoffException if none
   */
  @Value.Check
  default void check() {
    if (reasons().isEmpty()) {
      throw TradeoffException.invalid("excluded.reasons (" + name() + ")", "at least one reason", "empty");
    }
  }

  /**
   * One line: the name and every reason.
   *
   * @return for example {@code "GPT-4o-mini: misses ...; is over budget ..."}
   */
  @Value.NonAttribute
  default String describe() {
    StringBuilder b = new StringBuilder(name()).append(": ");
    for (int i = 0; i < reasons().size(); i++) {
      b.append(i == 0 ? "" : "; ").append(reasons().get(i).message());
    }
    return b.toString();
  }

  /**
   * Whether a kind of reason is among the reasons.
   *
   * @param kind the kind
   * @return {@code true} if present
   */
  default boolean has(ExclusionReason.Kind kind) {
    return reasons().stream().anyMatch(r -> r.kind() == kind);
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableExcludedCandidate.Builder builder() {
    return ImmutableExcludedCandidate.builder();
  }
}
