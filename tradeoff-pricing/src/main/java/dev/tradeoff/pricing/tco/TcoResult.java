package dev.tradeoff.pricing.tco;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tradeoff.pricing.InvalidValueException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
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
 * tokens per month and in total, the first month with unserved demand and a note saying so
 * ({@link #unservedNote()}).
 *
 * <p>A plan with a contract term (reserved provisioned units, a committed spend, reserved self-hosted replicas) is
 * projected term by term; {@link #termNote()} says how, and whether the last term runs past the horizon. Both
 * notes are also in {@link #notes()}, so a reader that only needs the text can print that list, and one that
 * presents the unserved demand its own way (a table column, say) can tell the two apart without reading them.
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

  /**
   * Every note on this result, in a stable order: as projected by {@link TcoScenario#project()}, the
   * {@link #termNote()} if present, then the {@link #unservedNote()} if present, and nothing else (a result built
   * by hand may carry others).
   *
   * @return explanations: contract terms applied, demand left unserved; empty if there is nothing to explain
   */
  List<String> notes();

  /**
   * How the option's contract term shapes the projection: what a reservation or commitment locks within a term,
   * what is re-sized and re-priced at renewal, and — if the term does not divide the horizon — how many months the
   * last term runs past it and whether those months (or an up-front payment) are counted.
   *
   * @return the note, also in {@link #notes()}; empty for a plan without a contract term
   * @since 0.1.0
   */
  Optional<String> termNote();

  /**
   * What the option leaves unserved: from which month, how many tokens over the horizon, and that the costs price
   * only the served part.
   *
   * @return the note, also in {@link #notes()}; empty if the option covers the demand ({@link #coversDemand()})
   * @since 0.1.0
   */
  Optional<String> unservedNote();

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

  /**
   * Rejects a {@link #termNote()} or {@link #unservedNote()} that is not also in {@link #notes()}.
   *
   * @throws InvalidValueException naming the note
   */
  @Value.Check
  default void check() {
    requireInNotes("termNote", termNote());
    requireInNotes("unservedNote", unservedNote());
  }

  private void requireInNotes(String field, Optional<String> note) {
    note.filter(n -> !notes().contains(n)).ifPresent(n -> {
      throw InvalidValueException.of(field, "one of the notes (option " + name() + ")", "\"" + n + "\"");
    });
  }
}
