package dev.tradeoff.api.report;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/**
 * Why a candidate was excluded from the decision: a kind for programs and a phrase for people, written to follow
 * the candidate's name ({@code "misses the 500 ms p95 TTFT SLO (p95 TTFT 620 ms)"}).
 *
 * <pre>{@code
 * reason.kind();                        // SLO_MISSED
 * reason.describe("GPT-4o-mini");       // "GPT-4o-mini misses the 500 ms p95 TTFT SLO (p95 TTFT 620 ms)"
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableExclusionReason.class)
@JsonDeserialize(as = ImmutableExclusionReason.class)
public interface ExclusionReason {

  /** The kinds of reasons. */
  enum Kind {
    /** The model has no price in the catalog, or the plan cannot price the workload's tokens. */
    NO_PRICE,
    /** The plan's capacity cannot serve the demand and nothing spills over. */
    CAPACITY,
    /** The monthly cost exceeds the budget. */
    OVER_BUDGET,
    /** A measurement misses a service-level objective. */
    SLO_MISSED,
    /** A figure an SLO, a weight or an objective needs was not measured. */
    NOT_MEASURED,
    /** The context window is smaller than the workload's prompts. */
    CONTEXT_WINDOW,
    /** The candidate does not keep data in the required region. */
    DATA_RESIDENCY,
    /** The candidate lacks a required feature. */
    MISSING_FEATURE
  }

  /** @return the kind */
  Kind kind();

  /** @return the phrase, to follow the candidate's name */
  String message();

  /**
   * The full sentence.
   *
   * @param candidate the candidate's name
   * @return {@code candidate + " " + message()}
   */
  default String describe(String candidate) {
    return candidate + " " + message();
  }

  /**
   * A reason.
   *
   * @param kind the kind
   * @param message the phrase
   * @return the reason
   */
  static ExclusionReason of(Kind kind, String message) {
    return ImmutableExclusionReason.builder().kind(kind).message(message).build();
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableExclusionReason.Builder builder() {
    return ImmutableExclusionReason.builder();
  }
}
