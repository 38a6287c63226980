package dev.tradeoff.pricing.plan;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tradeoff.pricing.InvalidValueException;
import dev.tradeoff.pricing.Money;
import java.math.BigDecimal;
import org.immutables.value.Value;

/**
 * The price of one provisioned unit under one {@link Commitment}, as quoted: an amount per period.
 *
 * <pre>{@code
 * UnitPrice yearly = UnitPrice.of(Commitment.P1Y, new BigDecimal("2652"), PricePeriod.YEAR);  // Azure PTU
 * yearly.perUnitMonth();   // 221 (2,652 / 12)
 * }</pre>
 *
 * <p>Conversions use a 730-hour month: per day × 730/24, per week × 730/168, per year ÷ 12. Immutable and
 * thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableUnitPrice.class)
@JsonDeserialize(as = ImmutableUnitPrice.class)
public interface UnitPrice {

  /** @return the commitment this price requires */
  Commitment commitment();

  /** @return USD per unit per {@link #per()} period, {@code >= 0} */
  BigDecimal amount();

  /** @return the period of the amount */
  PricePeriod per();

  /**
   * Rejects negative amounts.
   *
   * @throws InvalidValueException naming the value
   */
  @Value.Check
  default void check() {
    if (amount().signum() < 0) {
      throw InvalidValueException.of("amount", ">= 0", amount().toPlainString());
    }
  }

  /**
   * The monthly-equivalent price per unit (730-hour month).
   *
   * @return USD per unit-month
   */
  @Value.NonAttribute
  default BigDecimal perUnitMonth() {
    if (per() == PricePeriod.YEAR) {
      return Money.normalize(amount().divide(BigDecimal.valueOf(12), Money.WORKING));
    }
    return Money.normalize(amount().multiply(BigDecimal.valueOf(PricePeriod.MONTH.hours()))
        .divide(BigDecimal.valueOf(per().hours()), Money.WORKING));
  }

  /**
   * The hourly-equivalent price per unit.
   *
   * @return USD per unit-hour
   */
  @Value.NonAttribute
  default BigDecimal perUnitHour() {
    return Money.normalize(amount().divide(BigDecimal.valueOf(per().hours()), Money.WORKING));
  }

  /**
   * A price.
   *
   * @param commitment the commitment
   * @param amount USD per unit per period
   * @param per the period
   * @return the price
   */
  static UnitPrice of(Commitment commitment, BigDecimal amount, PricePeriod per) {
    return ImmutableUnitPrice.builder().commitment(commitment).amount(amount).per(per).build();
  }
}
