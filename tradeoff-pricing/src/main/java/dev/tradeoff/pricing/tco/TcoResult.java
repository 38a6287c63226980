package dev.tradeoff.pricing.tco;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import java.util.List;
import org.immutables.value.Value;

/**
 * The projection of one TCO option: every month, the total and the net present cost.
 *
 * <pre>{@code
 * TcoResult r = projection.result("self-host");
 * System.out.println(r.total() + " nominal, " + r.netPresentCost() + " NPV");
 * }</pre>
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

  /** @return explanations, such as how a reservation or commitment term was applied */
  List<String> notes();
}
