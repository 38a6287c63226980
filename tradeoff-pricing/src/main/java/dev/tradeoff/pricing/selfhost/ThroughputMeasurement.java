package dev.tradeoff.pricing.selfhost;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tradeoff.pricing.Provenance;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A published self-hosted throughput measurement (vLLM, TGI, TensorRT-LLM, NIM): model, engine, hardware,
 * precision, workload and its points, with the source.
 *
 * <pre>{@code
 * ThroughputMeasurement nim = OfferCatalog.bundled().throughputMeasurements().get(0);
 * // Llama-3.3-70B-Instruct, NVIDIA NIM 1.8.0, 2x H100 80GB, FP8, 5000 in / 500 out
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableThroughputMeasurement.class)
@JsonDeserialize(as = ImmutableThroughputMeasurement.class)
public interface ThroughputMeasurement {

  /** @return a stable id, for example {@code nim-llama-3.3-70b-2xh100-fp8} */
  String id();

  /** @return the model measured */
  String model();

  /** @return the serving engine and version */
  String engine();

  /** @return the hardware, if stated */
  Optional<String> hardware();

  /** @return the precision, if stated */
  Optional<String> precision();

  /** @return the tensor-parallel degree as stated, if any */
  Optional<String> tensorParallel();

  /** @return the workload (input/output lengths, dataset), if stated */
  Optional<String> workload();

  /** @return what was measured, as the source words it */
  String metric();

  /** @return the points */
  List<MeasurementPoint> points();

  /** @return where the measurement was published */
  Provenance source();

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableThroughputMeasurement.Builder builder() {
    return ImmutableThroughputMeasurement.builder();
  }
}
