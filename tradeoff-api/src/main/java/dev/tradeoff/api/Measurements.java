package dev.tradeoff.api;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * How a candidate performs: TTFT percentiles, stream speed and error rate — measured with
 * {@code tradeoff-metrics} ({@link #from(dev.tradeoff.metrics.stats.MetricsSummary)}) or supplied by hand. Every
 * figure is optional; a figure that an SLO or a weight needs but a candidate lacks excludes that candidate, with
 * the reason.
 *
 * <pre>{@code
 * Measurements haiku = Measurements.builder()
 *     .p50TtftMs(420).p95TtftMs(610)
 *     .tokensPerSecond(120)
 *     .errorRate(0.002)
 *     .source("load run 2026-11-20, 50 prompts x 4")
 *     .build();
 * Measurements measured = Measurements.from(loadRunResult.summaries().get(0));
 * }</pre>
 *
 * <p>Units: milliseconds, output tokens per second of one stream, a fraction in [0, 1]. Values must be finite and
 * {@code >= 0}, with {@code p50 <= p95}; otherwise {@link TradeoffException}. Immutable and thread-safe. JSON:
 * {@code {"p50TtftMs":420.0,"p95TtftMs":610.0,"tokensPerSecond":120.0,"errorRate":0.002}} (absent figures are
 * omitted).
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableMeasurements.class)
@JsonDeserialize(as = ImmutableMeasurements.class)
public interface Measurements {

  /** @return median time to first content token, ms */
  OptionalDouble p50TtftMs();

  /** @return 95th-percentile time to first content token, ms */
  OptionalDouble p95TtftMs();

  /** @return output tokens per second of one stream (1000 / median TPOT in ms when measured) */
  OptionalDouble tokensPerSecond();

  /** @return failed / all requests, in [0, 1] */
  OptionalDouble errorRate();

  /** @return how many requests the figures come from */
  OptionalLong requests();

  /** @return where the figures come from (a run, a date, "supplied", "simulated") */
  Optional<String> source();

  /**
   * Checks ranges.
   *
   * @throws TradeoffException naming the field and value
   */
  @Value.Check
  default void check() {
    nonNegative("p50TtftMs", p50TtftMs());
    nonNegative("p95TtftMs", p95TtftMs());
    nonNegative("tokensPerSecond", tokensPerSecond());
    nonNegative("errorRate", errorRate());
    if (errorRate().isPresent() && errorRate().getAsDouble() > 1) {
      throw TradeoffException.invalid("errorRate", "in [0, 1]", errorRate().getAsDouble());
    }
    if (p50TtftMs().isPresent() && p95TtftMs().isPresent() && p50TtftMs().getAsDouble() > p95TtftMs().getAsDouble()) {
      throw TradeoffException.invalid("p50TtftMs", "<= p95TtftMs " + p95TtftMs().getAsDouble(),
          p50TtftMs().getAsDouble());
    }
    if (requests().isPresent() && requests().getAsLong() < 0) {
      throw TradeoffException.invalid("requests", ">= 0", requests().getAsLong());
    }
  }

  private static void nonNegative(String field, OptionalDouble v) {
    if (v.isPresent() && (!(v.getAsDouble() >= 0) || Double.isInfinite(v.getAsDouble()))) {
      throw TradeoffException.invalid(field, ">= 0 and finite", v.getAsDouble());
    }
  }

  /**
   * The value of a performance metric.
   *
   * @param metric {@link Metric#P50_TTFT_MS}, {@link Metric#P95_TTFT_MS}, {@link Metric#TOKENS_PER_SECOND} or
   *     {@link Metric#ERROR_RATE}
   * @return the value, or empty if not measured (always empty for cost and quality, which live elsewhere)
   */
  default OptionalDouble value(Metric metric) {
    switch (metric) {
      case P50_TTFT_MS: return p50TtftMs();
      case P95_TTFT_MS: return p95TtftMs();
      case TOKENS_PER_SECOND: return tokensPerSecond();
      case ERROR_RATE: return errorRate();
      default: return OptionalDouble.empty();
    }
  }

  /**
   * No measurements.
   *
   * @return an empty instance
   */
  static Measurements none() {
    return builder().build();
  }

  /**
   * The figures of a {@code tradeoff-metrics} summary: TTFT p50/p95 of successful requests, stream speed
   * {@code 1000 / p50 TPOT(ms)} (absent if no TPOT was observed), the error rate and the request count.
   *
   * @param summary the summary of one candidate's requests
   * @return the measurements, with the summary's label and size as the source
   */
  static Measurements from(dev.tradeoff.metrics.stats.MetricsSummary summary) {
    return dev.tradeoff.api.internal.MetricsBridge.measurements(summary);
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableMeasurements.Builder builder() {
    return ImmutableMeasurements.builder();
  }
}
