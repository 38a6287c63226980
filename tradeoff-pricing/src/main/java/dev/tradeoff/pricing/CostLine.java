package dev.tradeoff.pricing;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import org.immutables.value.Value;

/**
 * One line of a {@link RequestCost}: the tokens of one class, the rate they were billed at and the exact
 * amount, {@code amount = tokens × ratePerMillion / 1,000,000}.
 *
 * <pre>{@code
 * for (CostLine line : cost.lines()) {
 *   System.out.printf("%-14s %8d x $%s/M = $%s%n", line.tokenClass(), line.tokens(),
 *       line.ratePerMillion(), line.amount());
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableCostLine.class)
@JsonDeserialize(as = ImmutableCostLine.class)
public interface CostLine {

  /**
   * The class.
   *
   * @return the class
   */
  TokenClass tokenClass();

  /**
   * The tokens billed.
   *
   * @return the count, {@code >= 0}
   */
  long tokens();

  /**
   * The rate applied, after tier, service tier and residency.
   *
   * @return USD per 1M tokens
   */
  BigDecimal ratePerMillion();

  /**
   * The exact amount.
   *
   * @return USD
   */
  BigDecimal amount();

  /**
   * Checks {@code amount == tokens × rate / 1e6} exactly.
   *
   * @throws InvalidValueException if the amount does not match
   */
  @Value.Check
  default void check() {
    if (tokens() < 0) {
      throw InvalidValueException.of("tokens", ">= 0", tokens());
    }
    if (Money.tokenCost(tokens(), ratePerMillion()).compareTo(amount()) != 0) {
      throw InvalidValueException.of("amount", "tokens x ratePerMillion / 1e6 = "
          + Money.tokenCost(tokens(), ratePerMillion()).toPlainString(), amount().toPlainString());
    }
  }

  /**
   * A line; the amount is computed exactly.
   *
   * @param tokenClass the class
   * @param tokens the tokens
   * @param ratePerMillion the rate in USD per 1M tokens
   * @return the line
   */
  static CostLine of(TokenClass tokenClass, long tokens, BigDecimal ratePerMillion) {
    return ImmutableCostLine.builder()
        .tokenClass(tokenClass)
        .tokens(tokens)
        .ratePerMillion(ratePerMillion)
        .amount(Money.tokenCost(tokens, ratePerMillion))
        .build();
  }
}
