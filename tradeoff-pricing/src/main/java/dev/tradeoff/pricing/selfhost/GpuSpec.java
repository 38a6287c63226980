package dev.tradeoff.pricing.selfhost;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tradeoff.pricing.InvalidValueException;
import java.util.OptionalDouble;
import org.immutables.value.Value;

/**
 * The GPU facts the {@link ThroughputEstimator} needs: memory, memory bandwidth and dense tensor-core FLOP/s.
 *
 * <pre>{@code
 * GpuSpec h100 = GpuSpecs.H100_SXM;   // 80 GB, 3,350 GB/s, 989 TFLOPS BF16, 1,979 TFLOPS FP8 (dense)
 * }</pre>
 *
 * <p>Known GPUs are in {@link GpuSpecs}. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableGpuSpec.class)
@JsonDeserialize(as = ImmutableGpuSpec.class)
public interface GpuSpec {

  /** @return the GPU's name */
  String name();

  /** @return memory in GB (10^9 bytes), {@code > 0} */
  double memoryGb();

  /** @return memory bandwidth in GB/s, {@code > 0} */
  double bandwidthGbPerSecond();

  /** @return dense FP16/BF16 tensor-core TFLOPS, {@code > 0} */
  double fp16Tflops();

  /** @return dense FP8 (or INT8) tensor-core TFLOPS, if the GPU has 8-bit tensor cores */
  OptionalDouble eightBitTflops();

  /**
   * Checks the numbers.
   *
   * @throws InvalidValueException naming the field
   */
  @Value.Check
  default void check() {
    for (double[] v : new double[][] {{memoryGb()}, {bandwidthGbPerSecond()}, {fp16Tflops()}}) {
      if (!(v[0] > 0) || Double.isInfinite(v[0])) {
        throw InvalidValueException.of("memoryGb/bandwidthGbPerSecond/fp16Tflops", "> 0 and finite (GPU " + name() + ")",
            v[0]);
      }
    }
  }

  /**
   * Dense tensor FLOP/s for a precision's matrix math (8-bit rate if the precision and the GPU have it).
   *
   * @param precision the weights' precision
   * @return FLOP/s
   */
  default double flopsPerSecond(Precision precision) {
    double tflops = precision.eightBitMath() && eightBitTflops().isPresent() ? eightBitTflops().getAsDouble()
        : fp16Tflops();
    return tflops * 1e12;
  }

  /**
   * A GPU.
   *
   * @param name the name
   * @param memoryGb memory, GB
   * @param bandwidthGbPerSecond bandwidth, GB/s
   * @param fp16Tflops dense FP16 TFLOPS
   * @param eightBitTflops dense FP8/INT8 TFLOPS, or 0 if none
   * @return the spec
   */
  static GpuSpec of(String name, double memoryGb, double bandwidthGbPerSecond, double fp16Tflops, double eightBitTflops) {
    ImmutableGpuSpec.Builder b = ImmutableGpuSpec.builder().name(name).memoryGb(memoryGb)
        .bandwidthGbPerSecond(bandwidthGbPerSecond).fp16Tflops(fp16Tflops);
    if (eightBitTflops > 0) {
      b.eightBitTflops(eightBitTflops);
    }
    return b.build();
  }
}
