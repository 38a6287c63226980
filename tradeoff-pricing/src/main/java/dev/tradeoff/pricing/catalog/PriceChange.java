package dev.tradeoff.pricing.catalog;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One changed price of a model between two catalogs.
 *
 * <pre>{@code
 * for (PriceChange c : diff.repriced()) {
 *   System.out.printf("%s %s: %s -> %s (%s%%)%n", c.modelId(), c.field(),
 *       c.before().orElse(null), c.after().orElse(null), c.percentChange().orElse(null));
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePriceChange.class)
@JsonDeserialize(as = ImmutablePriceChange.class)
public interface PriceChange {

  /**
   * The model id.
   *
   * @return the id
   */
  String modelId();

  /**
   * The field, for example {@code rates.inputPerMillion}, {@code batchDiscount},
   * {@code longContextTiers[200000].outputPerMillion} or {@code residencyUplifts.US}.
   *
   * @return the field path
   */
  String field();

  /**
   * The old value (USD per 1M tokens for rates).
   *
   * @return the value, or empty if the field was not listed
   */
  Optional<BigDecimal> before();

  /**
   * The new value.
   *
   * @return the value, or empty if the field is no longer listed
   */
  Optional<BigDecimal> after();

  /**
   * {@code after - before}, when both are listed.
   *
   * @return the change, or empty
   */
  @Value.NonAttribute
  default Optional<BigDecimal> change() {
    return before().isPresent() && after().isPresent()
        ? Optional.of(after().get().subtract(before().get())) : Optional.empty();
  }

  /**
   * The change in percent of the old value, rounded to 4 decimals; empty if either side is missing or the old
   * value is zero.
   *
   * @return the percentage, for example {@code -40} for a 40% price cut
   */
  @Value.NonAttribute
  default Optional<BigDecimal> percentChange() {
    if (change().isEmpty() || before().get().signum() == 0) {
      return Optional.empty();
    }
    return Optional.of(change().get().multiply(BigDecimal.valueOf(100))
        .divide(before().get(), MathContext.DECIMAL64).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros());
  }

  /**
   * A change.
   *
   * @param modelId the model
   * @param field the field
   * @param before old value, or empty
   * @param after new value, or empty
   * @return the change
   */
  static PriceChange of(String modelId, String field, Optional<BigDecimal> before, Optional<BigDecimal> after) {
    return ImmutablePriceChange.builder().modelId(modelId).field(field).before(before).after(after).build();
  }
}
