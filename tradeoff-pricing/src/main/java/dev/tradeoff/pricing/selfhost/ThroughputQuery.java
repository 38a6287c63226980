package dev.tradeoff.pricing.selfhost;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tradeoff.pricing.InvalidValueException;
import org.immutables.value.Value;

/**
 * What to estimate: a model at a precision on {@code gpuCount} GPUs (tensor parallel), serving {@code concurrency}
 * requests of {@code inputTokens} in and {@code outputTokens} out, with the efficiency assumptions of the
 * {@link ThroughputEstimator} model.
 *
 * <pre>{@code
 * ThroughputQuery q = ThroughputQuery.builder()
 *     .model(ModelArchitectures.LLAMA_3_70B).weights(Precision.FP8).kvCache(Precision.FP8)
 *     .gpu(GpuSpecs.H100_SXM).gpuCount(2)
 *     .concurrency(25).inputTokens(5000).outputTokens(500)
 *     .build();
 * }</pre>
 *
 * <p>Defaults (named constants below) are typical of vLLM / TensorRT-LLM class engines on NVLink-connected GPUs;
 * they were chosen before the comparison against published measurements in the tests and are not fitted to them.
 * Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableThroughputQuery.class)
@JsonDeserialize(as = ImmutableThroughputQuery.class)
public interface ThroughputQuery {

  /** Default share of peak memory bandwidth that decode achieves: 0.65. */
  double DEFAULT_BANDWIDTH_EFFICIENCY = 0.65;
  /** Default share of peak tensor FLOP/s that prefill achieves (model FLOPs utilization): 0.5. */
  double DEFAULT_COMPUTE_EFFICIENCY = 0.5;
  /** Default share of GPU memory the engine may use (vLLM's {@code gpu_memory_utilization}): 0.9. */
  double DEFAULT_MEMORY_UTILIZATION = 0.9;
  /** Default efficiency of tensor parallelism over 2+ GPUs (communication): 0.9. */
  double DEFAULT_TENSOR_PARALLEL_EFFICIENCY = 0.9;

  /** @return the model's architecture */
  ModelArchitecture model();

  /** @return the weights' precision */
  Precision weights();

  /** @return the KV cache precision, BF16 by default */
  default Precision kvCache() {
    return Precision.BF16;
  }

  /** @return the GPU */
  GpuSpec gpu();

  /** @return GPUs serving one replica (tensor parallel degree), {@code >= 1}, 1 by default */
  default int gpuCount() {
    return 1;
  }

  /** @return concurrent requests offered, {@code >= 1} */
  int concurrency();

  /** @return prompt tokens per request, {@code >= 1} */
  int inputTokens();

  /** @return output tokens per request, {@code >= 1} */
  int outputTokens();

  /** @return achieved share of peak memory bandwidth in decode, in (0, 1] */
  default double bandwidthEfficiency() {
    return DEFAULT_BANDWIDTH_EFFICIENCY;
  }

  /** @return achieved share of peak tensor FLOP/s in prefill, in (0, 1] */
  default double computeEfficiency() {
    return DEFAULT_COMPUTE_EFFICIENCY;
  }

  /** @return share of GPU memory usable for weights and KV cache, in (0, 1] */
  default double memoryUtilization() {
    return DEFAULT_MEMORY_UTILIZATION;
  }

  /** @return efficiency of tensor parallelism when {@code gpuCount > 1}, in (0, 1] */
  default double tensorParallelEfficiency() {
    return DEFAULT_TENSOR_PARALLEL_EFFICIENCY;
  }

  /**
   * Checks every number.
   *
   * @throws InvalidValueException naming the field and value
   */
  @Value.Check
  default void check() {
    if (gpuCount() < 1) {
      throw InvalidValueException.of("gpuCount", ">= 1", gpuCount());
    }
    if (concurrency() < 1) {
      throw InvalidValueException.of("concurrency", ">= 1", concurrency());
    }
    if (inputTokens() < 1) {
      throw InvalidValueException.of("inputTokens", ">= 1", inputTokens());
    }
    if (outputTokens() < 1) {
      throw InvalidValueException.of("outputTokens", ">= 1", outputTokens());
    }
    fraction("bandwidthEfficiency", bandwidthEfficiency());
    fraction("computeEfficiency", computeEfficiency());
    fraction("memoryUtilization", memoryUtilization());
    fraction("tensorParallelEfficiency", tensorParallelEfficiency());
  }

  private static void fraction(String field, double v) {
    if (!(v > 0 && v <= 1)) {
      throw InvalidValueException.of(field, "in (0, 1]", v);
    }
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableThroughputQuery.Builder builder() {
    return ImmutableThroughputQuery.builder();
  }
}
