package dev.tradeoff.pricing;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import java.util.List;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * The exact cost of one request: a line per token class used and their exact sum.
 *
 * <pre>{@code
 * RequestCost cost = catalog.cost("anthropic/claude-3-haiku", Usage.anthropic(1000, 0, 0, 200));
 * cost.total();                          // 0.0005 = 1000 x 0.25/1e6 + 200 x 1.25/1e6
 * cost.amount(TokenClass.OUTPUT);        // 0.00025
 * }</pre>
 *
 * <p>{@link #total()} is exact (no rounding) and always equals the sum of the line amounts. Immutable
 * and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableRequestCost.class)
@JsonDeserialize(as = ImmutableRequestCost.class)
public interface RequestCost {

  /**
   * The canonical id of the model that priced the request.
   *
   * @return the id
   */
  String modelId();

  /**
   * The options the request was priced under.
   *
   * @return the options
   */
  RequestOptions options();

  /**
   * The threshold of the long-context tier that priced the whole request.
   *
   * @return the threshold, or empty if base rates applied
   */
  OptionalLong longContextThreshold();

  /**
   * One line per class with tokens, in {@link TokenClass} order.
   *
   * @return the lines
   */
  List<CostLine> lines();

  /**
   * The exact total.
   *
   * @return USD
   */
  BigDecimal total();

  /**
   * Checks that the total is the exact sum of the lines.
   *
   * @throws InvalidValueException if it is not
   */
  @Value.Check
  default void check() {
    BigDecimal sum = BigDecimal.ZERO;
    for (CostLine line : lines()) {
      sum = sum.add(line.amount());
    }
    if (sum.compareTo(total()) != 0) {
      throw InvalidValueException.of("total", "the sum of the lines, " + sum.toPlainString(),
          total().toPlainString(), modelId(), null);
    }
  }

  /**
   * The amount billed for one class.
   *
   * @param tokenClass the class
   * @return USD, zero if the class was not used
   */
  default BigDecimal amount(TokenClass tokenClass) {
    for (CostLine line : lines()) {
      if (line.tokenClass() == tokenClass) {
        return line.amount();
      }
    }
    return BigDecimal.ZERO;
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableRequestCost.Builder builder() {
    return ImmutableRequestCost.builder();
  }
}
