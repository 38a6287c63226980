package dev.tradeoff.api.report;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tradeoff.api.internal.Fmt;
import dev.tradeoff.pricing.tco.TcoResult;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * One candidate's total cost of ownership over the horizon ({@code tradeoff-pricing}'s {@code TcoResult}: every
 * month's cost and cumulative totals, nominal and discounted), and the month it breaks even against the incumbent.
 *
 * <pre>{@code
 * for (TcoLine t : report.tco()) {
 *   System.out.println(t.candidate() + ": " + t.result().total() + " over 3 years, break-even month "
 *       + t.breakEvenMonth());
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableTcoLine.class)
@JsonDeserialize(as = ImmutableTcoLine.class)
public interface TcoLine {

  /** @return the candidate's name */
  String candidate();

  /** @return the month-by-month projection */
  TcoResult result();

  /**
   * The month this candidate has paid for itself against the incumbent, by the rule of {@code tradeoff-pricing}'s
   * {@code TcoProjection#breakEvenMonth}: present only if both this candidate's and the incumbent's TCO cover the
   * demand ({@link TcoResult#coversDemand()}) and this candidate's cumulative nominal cost ends the horizon strictly
   * below the incumbent's; it is then the first month (1-based) from which it stays at or below the incumbent's
   * until the end. The report's notes say when a TCO that does not cover the demand is why there is none.
   *
   * @return the month; empty for the incumbent itself, without an incumbent, if either TCO does not cover the
   *     demand, or if this candidate does not end the horizon cheaper (equal is not cheaper)
   */
  OptionalInt breakEvenMonth();

  /**
   * What this TCO leaves out, for labels and tables: {@code "1,234 tokens unserved from month 3"} — the unserved
   * tokens over the horizon ({@link TcoResult#unservedTokens()}; below one token with two significant digits, so
   * never {@code "0 tokens"}) and {@link TcoResult#firstUnservedMonth()}.
   *
   * @return the text; empty if the TCO covers the demand
   */
  @Value.NonAttribute
  default Optional<String> unservedDescription() {
    TcoResult r = result();
    return r.firstUnservedMonth().isPresent() ? Optional.of(Fmt.countNonZero(r.unservedTokens())
        + " tokens unserved from month " + r.firstUnservedMonth().getAsInt()) : Optional.empty();
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableTcoLine.Builder builder() {
    return ImmutableTcoLine.builder();
  }
}
