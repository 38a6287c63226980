package dev.tradeoff.api.report;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tradeoff.api.TradeoffException;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The answer in plain words, generated from the report's numbers: the recommended candidate and a headline
 * ("Claude 3 Haiku: $102.66/month at 1,000 DAU, 79% under budget, p95 TTFT 610 ms; GPT-4o-mini is $47.91 cheaper
 * but misses the 500 ms p95 TTFT SLO."), supporting details, and — when no candidate meets every requirement —
 * which requirements nobody meets.
 *
 * <pre>{@code
 * Recommendation r = report.recommendation();
 * if (r.candidate().isPresent()) {
 *   System.out.println(r.headline());
 * } else {
 *   r.unmetRequirements().forEach(System.out::println);   // "no candidate meets: p95 TTFT ≤ 300 ms (...)"
 * }
 * }</pre>
 *
 * <p>Never silent: either a candidate is recommended, or {@link #unmetRequirements()} says why not. The recommended
 * candidate is always feasible and on the Pareto front. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableRecommendation.class)
@JsonDeserialize(as = ImmutableRecommendation.class)
public interface Recommendation {

  /** @return the recommended candidate; empty if none meets every requirement */
  Optional<String> candidate();

  /** @return the one-paragraph answer */
  String headline();

  /** @return supporting sentences: the front, the ranking, its robustness, exclusions, break-evens */
  List<String> details();

  /** @return when nothing is recommended: each requirement nobody meets, or why no single candidate meets all */
  List<String> unmetRequirements();

  /**
   * Enforces "never silent".
   *
   * @throws TradeoffException if there is neither a candidate nor a reason
   */
  @Value.Check
  default void check() {
    if (candidate().isEmpty() && unmetRequirements().isEmpty()) {
      throw TradeoffException.of("recommendation", "a recommendation without a candidate must say why");
    }
    if (headline().isBlank()) {
      throw TradeoffException.invalid("headline", "non-blank", "\"\"");
    }
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableRecommendation.Builder builder() {
    return ImmutableRecommendation.builder();
  }
}
