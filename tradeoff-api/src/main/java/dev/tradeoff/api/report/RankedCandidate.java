package dev.tradeoff.api.report;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;

/**
 * A feasible candidate's place in the weighted ranking, its score and why.
 *
 * <pre>{@code
 * RankedCandidate top = report.ranking().orElseThrow().entries().get(0);
 * System.out.println(top.explanation());  // "Claude 3 Haiku: score 0.8000 = quality 0.5000 + p95TtftMs 0.2500 + ..."
 * }</pre>
 *
 * <p>All numbers finite. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableRankedCandidate.class)
@JsonDeserialize(as = ImmutableRankedCandidate.class)
public interface RankedCandidate {

  /** @return the candidate's name */
  String name();

  /** @return the place, 0 = best */
  int position();

  /** @return the weighted score in [0, 1], larger is better */
  double score();

  /** @return each criterion's part of the score, in weight order */
  List<Contribution> contributions();

  /** @return the score and its largest contributions in one line */
  String explanation();

  /**
   * Rejects a non-finite score.
   *
   * @throws dev.tradeoff.api.TradeoffException if not finite
   */
  @Value.Check
  default void check() {
    Finite.check("score", score());
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableRankedCandidate.Builder builder() {
    return ImmutableRankedCandidate.builder();
  }
}
