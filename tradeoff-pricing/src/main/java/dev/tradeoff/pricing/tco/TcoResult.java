package dev.tradeoff.pricing.tco;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import java.util.List;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * The projection of one TCO option: every month, the total and the net present cost.
 *
 * <pre>{@code
 * TcoResult r = projection.result("self-host");
 * System.out.println(r.total() + " nominal, " + r.netPresentCost() + " NPV");
 * }</pre>
 *
 * <p>An option whose capacity falls short of the demand in some month (a provisioned plan with fixed units and no
 * spillover under growing demand) leaves that demand unserved: its months cost only what was served, so its total
 * is <em>not</em> the cost of the workload. Such a result has {@link #coversDemand()} {@code false}, the unserved
 * tokens per month and in total, the first month with unserved demand and a note saying so.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableTcoResult.class)
@JsonDeserialize(as = ImmutableTcoResult.class)
public interface TcoResult {

  /** @return the option's name */
  String name();

  /** @return the months, 1..N */
  List<TcoMonth> months();

  /** @return the nominal total over the horizon, USD */
  BigDecimal total();

  /** @return the total discounted to today (net present cost), USD */
  BigDecimal netPresentCost();

  /** @return tokens left unserved over the horizon (the sum of the months'), {@code >= 0}, 0 by default */
  default double unservedTokens() {
    return 0;
  }

  /** @return the first month (1-based) with unserved demand; empty if every month's demand is served */
  OptionalInt firstUnservedMonth();

  /** @return explanations: contract terms applied, demand left unserved */
  List<String> notes();

  /**
   * Whether the option serves the whole demand in every month of the horizon.
   *
   * @return {@code true} if no month has unserved demand; when {@code false}, {@link #total()} and
   *     {@link #netPresentCost()} price only the served part and must not be compared as the workload's cost
   */
  @Value.NonAttribute
  default boolean coversDemand() {
    return firstUnservedMonth().isEmpty();
  }
}
