package dev.tradeoff.pricing.selfhost;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * One point of a published throughput measurement: at a concurrency, the throughput and latencies reported.
 *
 * <pre>{@code
 * for (MeasurementPoint p : measurement.points()) {
 *   System.out.println(p.concurrency().orElse(-1) + " -> " + p.tokensPerSecond().orElse(Double.NaN));
 * }
 * }</pre>
 *
 * <p>Fields the source does not give are empty; other per-point facts (instance, quantization, scenario, $/h)
 * are kept verbatim in {@link #attributes()}. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableMeasurementPoint.class)
@JsonDeserialize(as = ImmutableMeasurementPoint.class)
public interface MeasurementPoint {

  /** @return concurrent requests */
  OptionalInt concurrency();

  /** @return output tokens per second, aggregate over all requests (the measurement's metric) */
  OptionalDouble tokensPerSecond();

  /** @return requests per second */
  OptionalDouble requestsPerSecond();

  /** @return time to first token, milliseconds */
  OptionalDouble ttftMillis();

  /** @return inter-token latency (time per output token), milliseconds */
  OptionalDouble itlMillis();

  /** @return other facts of the point, as given */
  Map<String, String> attributes();

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableMeasurementPoint.Builder builder() {
    return ImmutableMeasurementPoint.builder();
  }
}
