package dev.tradeoff.pricing.selfhost;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tradeoff.pricing.InvalidValueException;
import dev.tradeoff.pricing.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.immutables.value.Value;

/**
 * The result of a {@link ThroughputEstimator} query: memory fit, KV-cache-limited concurrency, decode and prefill
 * rates, latencies, throughput — and what that throughput costs.
 *
 * <pre>{@code
 * ThroughputEstimate e = ThroughputEstimator.estimate(query);
 * e.outputTokensPerSecond();                                          // aggregate, all concurrent requests
 * e.costPerMillionOutputTokens(new BigDecimal("7.09"), 0.7);          // $ per 1M output tokens at 70% utilization
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableThroughputEstimate.class)
@JsonDeserialize(as = ImmutableThroughputEstimate.class)
public interface ThroughputEstimate {

  /** @return the query */
  ThroughputQuery query();

  /** @return whether the weights fit into the usable GPU memory */
  boolean fits();

  /** @return weight bytes */
  double weightBytes();

  /** @return KV-cache bytes per token of context */
  double kvBytesPerToken();

  /** @return the most requests of this size the KV cache holds at once (0 if the weights do not fit) */
  int maxConcurrency();

  /** @return the concurrency served: {@code min(query.concurrency, maxConcurrency)} */
  int effectiveConcurrency();

  /** @return seconds per decode step of the whole batch */
  double decodeStepSeconds();

  /** @return what bounds the decode step */
  Bound decodeBound();

  /** @return compute-bound prefill rate, prompt tokens per second for the replica */
  double prefillTokensPerSecond();

  /** @return estimated time to first token without queueing, seconds */
  double timeToFirstTokenSeconds();

  /** @return estimated time between output tokens of one request, seconds */
  double interTokenSeconds();

  /** @return requests completed per second */
  double requestsPerSecond();

  /** @return output tokens per second, aggregate over all concurrent requests */
  double outputTokensPerSecond();

  /**
   * USD per million output tokens on a replica costing {@code hourly} at a utilization.
   *
   * @param hourly USD per hour for all GPUs of the replica
   * @param utilization share of the hour spent serving at this throughput, in (0, 1]
   * @return USD per 1M output tokens, rounded to {@link Money#REPORT_SCALE} places
   * @throws InvalidValueException if the weights do not fit or the utilization is out of range
   */
  default BigDecimal costPerMillionOutputTokens(BigDecimal hourly, double utilization) {
    if (!fits() || outputTokensPerSecond() <= 0) {
      throw InvalidValueException.of("fits", "true to price throughput (" + query().model().name() + " on "
          + query().gpuCount() + " x " + query().gpu().name() + ")", false);
    }
    return ThroughputEstimator.costPerMillionTokens(hourly, outputTokensPerSecond(), utilization);
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableThroughputEstimate.Builder builder() {
    return ImmutableThroughputEstimate.builder();
  }
}
