package dev.tradeoff.metrics.stats;

import dev.tradeoff.metrics.RequestResult;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A latency objective: a metric must not exceed a threshold. A request is <b>good</b> (counts for goodput) when
 * it succeeded and meets every objective; a metric that is undefined for a request (TPOT of a one-token answer)
 * does not violate its objective.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * List<Slo> slos = List.of(Slo.of(LatencyMetric.TTFT, Duration.ofMillis(500)),
 *                          Slo.of(LatencyMetric.TPOT, Duration.ofMillis(50)));
 * }</pre>
 *
 * @param metric the metric (for {@link LatencyMetric#ITL}: each request's largest gap)
 * @param threshold the largest acceptable value, inclusive
 */
public record Slo(LatencyMetric metric, Duration threshold) {

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException if the threshold is negative
   * @param metric see the record component
   * @param threshold see the record component
   */
  public Slo {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(threshold, "threshold");
    if (threshold.isNegative()) {
      throw new IllegalArgumentException("threshold must not be negative, but was " + threshold);
    }
  }

  /**
   * An objective.
   *
   * @param metric the metric
   * @param threshold the largest acceptable value
   * @return the objective
   */
  public static Slo of(LatencyMetric metric, Duration threshold) {
    return new Slo(metric, threshold);
  }

  /**
   * Whether a request meets this objective (a failed request meets none).
   *
   * @param r the request
   * @return true if it succeeded and its value, when defined, is at most the threshold
   */
  public boolean isMetBy(RequestResult r) {
    if (!r.succeeded()) {
      return false;
    }
    OptionalLong v = metric.valueNanos(r);
    return v.isEmpty() || v.getAsLong() <= threshold.toNanos();
  }

  @Override
  public String toString() {
    return metric.wireName() + " <= " + threshold.toNanos() / 1e6 + " ms";
  }
}
