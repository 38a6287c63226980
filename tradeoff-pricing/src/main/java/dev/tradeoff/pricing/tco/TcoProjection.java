package dev.tradeoff.pricing.tco;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tradeoff.pricing.InvalidValueException;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * The result of a {@link TcoScenario}: each option's months and totals, the cheapest option, and break-even
 * months between options.
 *
 * <pre>{@code
 * TcoProjection p = scenario.project();
 * p.cheapest().name();                              // by net present cost
 * p.breakEvenMonth("self-host", "pay-as-you-go");   // first month from which self-hosting stays cumulatively at or
 *                                                   // below, if it ends cheaper and both cover the demand
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
   * The month (1-based) a migration has paid for itself: when the challenger's cumulative nominal cost
   * ({@link TcoMonth#cumulative()}) has fallen to or below the incumbent's for good.
   *
   * <p>The exact rule, for a horizon of {@code N} months with cumulative costs {@code c(m)} (challenger) and
   * {@code i(m)} (incumbent):
   * <ol>
   *   <li>if either option does not cover the demand ({@link TcoResult#coversDemand()} {@code false}), the result
   *       is empty: such a TCO prices only the served part of the workload, so the two are not the cost of the same
   *       work and no month of saving can be claimed, whichever of them is short;
   *   <li>otherwise, if the challenger does not end the horizon strictly cheaper ({@code c(N) >= i(N)}), the
   *       result is empty: it saves nothing over the horizon — two identical options never break even;
   *   <li>otherwise the result is the smallest {@code m} with {@code c(k) <= i(k)} for every {@code k} in
   *       {@code m..N}; it is 1 if the challenger is never dearer.
   * </ol>
   * The rule is not symmetric: at most one of {@code breakEvenMonth(a, b)} and {@code breakEvenMonth(b, a)} is
   * present, and an option never breaks even against itself.
   *
   * @param challenger the option expected to become cheaper
   * @param incumbent the option compared against
   * @return the month, or empty as above
   * @throws InvalidValueException if a name is unknown, or the two results have different numbers of months
   */
  default OptionalInt breakEvenMonth(String challenger, String incumbent) {
    return breakEven(challenger, incumbent, false);
  }

  /**
   * Like {@link #breakEvenMonth(String, String)}, by the same rule, on discounted cumulative costs
   * ({@link TcoMonth#cumulativeDiscounted()}): empty if either option does not cover the demand or the challenger
   * does not end the horizon strictly cheaper in present value.
   *
   * @param challenger the option expected to become cheaper
   * @param incumbent the option compared against
   * @return the month, or empty
   * @throws InvalidValueException if a name is unknown, or the two results have different numbers of months
   */
  default OptionalInt discountedBreakEvenMonth(String challenger, String incumbent) {
    return breakEven(challenger, incumbent, true);
  }

  private OptionalInt breakEven(String challenger, String incumbent, boolean discounted) {
    TcoResult a = result(challenger);
    TcoResult b = result(incumbent);
    if (a.months().size() != b.months().size()) {
      throw InvalidValueException.of("months", "the same horizon for \"" + challenger + "\" and \"" + incumbent
          + "\"", a.months().size() + " and " + b.months().size() + " months");
    }
    if (!a.coversDemand() || !b.coversDemand()) {
      return OptionalInt.empty();
    }
    int since = 0;
    for (int i = a.months().size() - 1; i >= 0; i--) {
      TcoMonth ma = a.months().get(i);
      TcoMonth mb = b.months().get(i);
      int order = discounted ? ma.cumulativeDiscounted().compareTo(mb.cumulativeDiscounted())
          : ma.cumulative().compareTo(mb.cumulative());
      boolean last = i == a.months().size() - 1;
      if (last ? order >= 0 : order > 0) {
        break;
      }
      since = ma.month();
    }
    return since == 0 ? OptionalInt.empty() : OptionalInt.of(since);
  }
}
