package dev.tradeoff.pricing.tco;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tradeoff.pricing.InvalidValueException;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * The result of a {@link TcoScenario}: each option's months and totals, the cheapest option, and break-even
 * months between options.
 *
 * <pre>{@code
 * TcoProjection p = scenario.project();
 * p.cheapest().name();                              // by net present cost
 * p.breakEvenMonth("self-host", "pay-as-you-go");   // first month from which self-hosting stays cheaper, cumulatively
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableTcoProjection.class)
@JsonDeserialize(as = ImmutableTcoProjection.class)
public interface TcoProjection {

  /** @return one result per option, in the scenario's order */
  List<TcoResult> results();

  /**
   * The result of an option.
   *
   * @param name the option's name
   * @return the result
   * @throws InvalidValueException if there is no such option
   */
  default TcoResult result(String name) {
    return results().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow(() ->
        InvalidValueException.of("option", "one of " + results().stream().map(TcoResult::name).toList(),
            "\"" + name + "\""));
  }

  /**
   * The option with the lowest net present cost among those that serve the whole demand in every month
   * ({@link TcoResult#coversDemand()}). Only if no option covers the demand is the cheapest of all returned — its
   * {@code coversDemand()} is then {@code false}, and its cost is that of the served part only.
   *
   * @return the cheapest result, preferring options that cover the demand
   */
  @Value.NonAttribute
  default TcoResult cheapest() {
    return results().stream().min(Comparator.comparing((TcoResult r) -> !r.coversDemand())
        .thenComparing(TcoResult::netPresentCost)).orElseThrow();
  }

  /**
   * The first month (1-based) from which the challenger's cumulative nominal cost is at or below the incumbent's
   * for the rest of the horizon — when a migration has paid for itself.
   *
   * @param challenger the option expected to become cheaper
   * @param incumbent the option compared against
   * @return the month, or empty if the challenger is not cheaper by the end of the horizon
   * @throws InvalidValueException if a name is unknown
   */
  default OptionalInt breakEvenMonth(String challenger, String incumbent) {
    return breakEven(challenger, incumbent, false);
  }

  /**
   * Like {@link #breakEvenMonth(String, String)} on discounted cumulative costs.
   *
   * @param challenger the option expected to become cheaper
   * @param incumbent the option compared against
   * @return the month, or empty
   * @throws InvalidValueException if a name is unknown
   */
  default OptionalInt discountedBreakEvenMonth(String challenger, String incumbent) {
    return breakEven(challenger, incumbent, true);
  }

  private OptionalInt breakEven(String challenger, String incumbent, boolean discounted) {
    List<TcoMonth> a = result(challenger).months();
    List<TcoMonth> b = result(incumbent).months();
    Optional<Integer> since = Optional.empty();
    for (int i = 0; i < a.size(); i++) {
      BigDecimal ca = discounted ? a.get(i).cumulativeDiscounted() : a.get(i).cumulative();
      BigDecimal cb = discounted ? b.get(i).cumulativeDiscounted() : b.get(i).cumulative();
      if (ca.compareTo(cb) <= 0) {
        if (since.isEmpty()) {
          since = Optional.of(a.get(i).month());
        }
      } else {
        since = Optional.empty();
      }
    }
    return since.map(OptionalInt::of).orElse(OptionalInt.empty());
  }
}
