package dev.tradeoff.pricing.plan;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import org.immutables.value.Value;

/**
 * A volume where two plans cost the same per month: below it one is cheaper, above it the other.
 *
 * <pre>{@code
 * BreakEven.between(payg, ptu, mix, 0.2, 1_000, 5_000_000).ifPresent(p ->
 *     System.out.printf("%s beats %s above %.0f tokens/min ($%s/month)%n",
 *         p.cheaperAbove(), p.cheaperBelow(), p.averageTokensPerMinute(), p.monthlyCost()));
 * }</pre>
 *
 * <p>Capacity plans cost a step function of volume (whole units), so two plans may not meet exactly: a
 * {@link #jump()} point is where the cheaper plan changes at a capacity step; its costs are those just above the
 * step. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableBreakEvenPoint.class)
@JsonDeserialize(as = ImmutableBreakEvenPoint.class)
public interface BreakEvenPoint {

  /** @return the sustained (weekly average) demand at the break-even, tokens per minute */
  double averageTokensPerMinute();

  /** @return tokens per month at that demand */
  double tokensPerMonth();

  /** @return the first plan's monthly cost there, USD */
  BigDecimal monthlyCostA();

  /** @return the second plan's monthly cost there, USD */
  BigDecimal monthlyCostB();

  /** @return the plan that is cheaper just below the point */
  String cheaperBelow();

  /** @return the plan that is cheaper just above the point */
  String cheaperAbove();

  /** @return the headroom both plans were sized with */
  double headroom();

  /** @return whether the cheaper plan changes at a capacity step rather than where costs meet */
  boolean jump();

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableBreakEvenPoint.Builder builder() {
    return ImmutableBreakEvenPoint.builder();
  }
}
