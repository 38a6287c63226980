package dev.tradeoff.api.routing;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * How one candidate fared in one routing decision: the filters that removed it, its health, the request's
 * estimated cost at its prices, the live statistics the policy saw, and the policy's score.
 *
 * <pre>{@code
 * for (CandidateAssessment c : router.explain(request).candidates()) {
 *   System.out.printf("%-20s %-10s $%.6f %s%n", c.id(), c.health(), c.estimatedCostUsd(), c.removedBy());
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the candidate id
 * @param removedBy why it was not considered; empty if it was
 * @param health its circuit state
 * @param estimatedCostUsd the request's estimated cost at its prices, USD (within {@link
 *     dev.tradeoff.pricing.PriceHandle#RELATIVE_ERROR_BOUND} of the exact price of that usage)
 * @param ttftNanos moving average of time to first token, nanoseconds
 * @param outputTokensPerSecond moving average of output tokens per second
 * @param errorRate moving average of the error rate
 * @param inFlight requests in flight
 * @param score the policy's score (meaning depends on the policy, see its Javadoc); empty if it did not
 *     score this candidate
 * @param chosen whether it was chosen
 * @since 0.1.0
 */
public record CandidateAssessment(
    String id,
    Set<FilterReason> removedBy,
    HealthState health,
    double estimatedCostUsd,
    double ttftNanos,
    double outputTokensPerSecond,
    double errorRate,
    long inFlight,
    OptionalDouble score,
    boolean chosen) {

  /**
   * Copies the filter set (kept in {@link FilterReason} order).
   *
   * @param id see the record component
   * @param removedBy see the record component
   * @param health see the record component
   * @param estimatedCostUsd see the record component
   * @param ttftNanos see the record component
   * @param outputTokensPerSecond see the record component
   * @param errorRate see the record component
   * @param inFlight see the record component
   * @param score see the record component
   * @param chosen see the record component
   * @throws NullPointerException if a reference component is null
   */
  public CandidateAssessment {
    Objects.requireNonNull(id, "id");
    EnumSet<FilterReason> copy = EnumSet.noneOf(FilterReason.class);
    copy.addAll(removedBy);
    removedBy = Collections.unmodifiableSet(copy); // enum order, for stable output
    Objects.requireNonNull(health, "health");
    Objects.requireNonNull(score, "score");
  }

  /**
   * Whether it passed every filter.
   *
   * @return true if considered
   */
  public boolean considered() {
    return removedBy.isEmpty();
  }
}
