package dev.tradeoff.api.report;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tradeoff.api.SloTarget;
import java.util.OptionalDouble;
import org.immutables.value.Value;

/**
 * Whether one candidate meets one service-level objective.
 *
 * <pre>{@code
 * for (SloCheck c : row.slos()) {
 *   System.out.println(c.target().describe() + ": " + c.status());   // "p95 TTFT ≤ 500 ms: MISSED"
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableSloCheck.class)
@JsonDeserialize(as = ImmutableSloCheck.class)
public interface SloCheck {

  /** The outcome of a check. */
  enum Status {
    /** The measurement meets the objective. */
    MET,
    /** The measurement misses the objective. */
    MISSED,
    /** There is no measurement: the objective cannot be verified, so it counts as not met. */
    NOT_MEASURED
  }

  /** @return the objective */
  SloTarget target();

  /** @return the candidate's value, empty if not measured */
  OptionalDouble value();

  /** @return the outcome */
  Status status();

  /**
   * Checks that the value is finite.
   *
   * @throws dev.tradeoff.api.TradeoffException if not
   */
  @Value.Check
  default void check() {
    Finite.check("slo value", value());
  }

  /**
   * A check.
   *
   * @param target the objective
   * @param value the measurement, or empty
   * @return the check with its status
   */
  static SloCheck of(SloTarget target, OptionalDouble value) {
    Status s = value.isEmpty() ? Status.NOT_MEASURED : target.isMetBy(value.getAsDouble()) ? Status.MET : Status.MISSED;
    return ImmutableSloCheck.builder().target(target).value(value).status(s).build();
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableSloCheck.Builder builder() {
    return ImmutableSloCheck.builder();
  }
}
