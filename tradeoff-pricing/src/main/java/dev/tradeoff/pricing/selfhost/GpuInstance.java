package dev.tradeoff.pricing.selfhost;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tradeoff.pricing.InvalidValueException;
import dev.tradeoff.pricing.Provenance;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * A GPU instance type and its hourly prices, for example AWS SageMaker {@code ml.g5.12xlarge} (4× A10G,
 * $7.09/h on demand).
 *
 * <pre>{@code
 * GpuInstance g5 = OfferCatalog.bundled().gpuInstance("aws-sagemaker/ml.g5.12xlarge");
 * BigDecimal perHour = g5.hourly(InstancePricing.ON_DEMAND).orElseThrow();
 * }</pre>
 *
 * <p>Prices are USD per instance-hour; absent prices are not offered or not known. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableGpuInstance.class)
@JsonDeserialize(as = ImmutableGpuInstance.class)
public interface GpuInstance {

  /** @return the id, {@code cloud/instance}, for example {@code aws/p5.48xlarge} */
  String id();

  /** @return the cloud or vendor, for example {@code aws}, {@code aws-sagemaker}, {@code gcp}, {@code azure} */
  String cloud();

  /** @return the instance type name */
  String instanceType();

  /** @return the GPU model, for example {@code H100 80GB SXM}, if known */
  Optional<String> gpu();

  /** @return GPUs per instance, if known */
  OptionalInt gpuCount();

  /** @return the region the price is for, if stated */
  Optional<String> region();

  /** @return USD per hour on demand */
  Optional<BigDecimal> onDemandHourly();

  /** @return effective USD per hour with a 1-year commitment */
  Optional<BigDecimal> reserved1yHourly();

  /** @return effective USD per hour with a 3-year commitment */
  Optional<BigDecimal> reserved3yHourly();

  /** @return an observed spot price per hour */
  Optional<BigDecimal> spotHourly();

  /** @return where the prices come from */
  Provenance source();

  /**
   * Rejects negative prices and non-positive GPU counts.
   *
   * @throws InvalidValueException naming the field
   */
  @Value.Check
  default void check() {
    for (InstancePricing p : InstancePricing.values()) {
      hourly(p).filter(v -> v.signum() < 0).ifPresent(v -> {
        throw InvalidValueException.of(p + " hourly", ">= 0 (instance " + id() + ")", v.toPlainString());
      });
    }
    if (gpuCount().isPresent() && gpuCount().getAsInt() < 1) {
      throw InvalidValueException.of("gpuCount", ">= 1 (instance " + id() + ")", gpuCount().getAsInt());
    }
  }

  /**
   * The hourly price under a pricing option.
   *
   * @param pricing the option
   * @return USD per hour, or empty if not offered or unknown
   */
  default Optional<BigDecimal> hourly(InstancePricing pricing) {
    switch (pricing) {
      case ON_DEMAND: return onDemandHourly();
      case RESERVED_1Y: return reserved1yHourly();
      case RESERVED_3Y: return reserved3yHourly();
      case SPOT: return spotHourly();
      default: throw new AssertionError(pricing);
    }
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableGpuInstance.Builder builder() {
    return ImmutableGpuInstance.builder();
  }
}
