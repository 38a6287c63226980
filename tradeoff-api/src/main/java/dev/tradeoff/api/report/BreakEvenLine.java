package dev.tradeoff.api.report;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tradeoff.pricing.plan.BreakEvenPoint;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Where two plans for the same model cost the same ({@code tradeoff-pricing}'s {@code BreakEven} over the
 * workload's weekly shape, both plans sized with the same peak headroom): every crossing in the searched range, the
 * sustained one above which one plan stays cheaper, and which plan is cheaper at today's volume.
 *
 * <pre>{@code
 * for (BreakEvenLine b : report.breakEvens()) {
 *   System.out.println(b.description());
 *   // "GPT-4o PTU beats GPT-4o PAYG above 402,113 tokens/min on average (...), sized with 20% headroom; ..."
 * }
 * }</pre>
 *
 * <p>Volumes are weekly-average tokens per minute; amounts USD per month. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableBreakEvenLine.class)
@JsonDeserialize(as = ImmutableBreakEvenLine.class)
public interface BreakEvenLine {

  /** @return the model both candidates run */
  String model();

  /** @return the first candidate */
  String candidateA();

  /** @return the second candidate */
  String candidateB();

  /** @return the headroom both plans were sized with, as a fraction */
  double headroom();

  /** @return today's weekly-average demand, tokens per minute */
  double currentTokensPerMinute();

  /** @return the first candidate's monthly cost today, sized with the headroom */
  BigDecimal currentCostA();

  /** @return the second candidate's monthly cost today, sized with the headroom */
  BigDecimal currentCostB();

  /** @return the lower end of the searched volume, tokens per minute */
  double searchedFrom();

  /** @return the upper end of the searched volume, tokens per minute */
  double searchedTo();

  /** @return every crossing in the range, lowest first (plan names as pricing reports them) */
  List<BreakEvenPoint> crossings();

  /** @return the sentence for people */
  String description();

  /**
   * The sustained break-even: the last crossing, above which one plan stays cheaper.
   *
   * @return the point, or empty if one plan is cheaper throughout the range
   */
  @Value.NonAttribute
  default Optional<BreakEvenPoint> sustained() {
    return crossings().isEmpty() ? Optional.empty() : Optional.of(crossings().get(crossings().size() - 1));
  }

  /**
   * Rejects non-finite numbers.
   *
   * @throws dev.tradeoff.api.TradeoffException naming the field
   */
  @Value.Check
  default void check() {
    Finite.check("headroom", headroom());
    Finite.check("currentTokensPerMinute", currentTokensPerMinute());
    Finite.check("searchedFrom", searchedFrom());
    Finite.check("searchedTo", searchedTo());
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableBreakEvenLine.Builder builder() {
    return ImmutableBreakEvenLine.builder();
  }
}
