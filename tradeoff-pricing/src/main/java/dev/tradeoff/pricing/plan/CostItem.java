package dev.tradeoff.pricing.plan;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import org.immutables.value.Value;

/**
 * One line of a {@link WorkloadCost}: a named monthly amount, for example {@code "reserved PTUs"},
 * {@code "spillover to pay-as-you-go"} or {@code "engineering"}.
 *
 * <pre>{@code
 * cost.items().forEach(i -> System.out.println(i.name() + ": $" + i.amount()));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableCostItem.class)
@JsonDeserialize(as = ImmutableCostItem.class)
public interface CostItem {

  /** @return what the amount is for */
  String name();

  /** @return USD per month, rounded to {@link dev.tradeoff.pricing.Money#REPORT_SCALE} places */
  BigDecimal amount();

  /**
   * An item.
   *
   * @param name what it is for
   * @param amount USD per month
   * @return the item
   */
  static CostItem of(String name, BigDecimal amount) {
    return ImmutableCostItem.builder().name(name).amount(amount).build();
  }
}
