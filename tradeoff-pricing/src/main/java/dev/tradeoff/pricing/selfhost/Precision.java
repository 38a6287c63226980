package dev.tradeoff.pricing.selfhost;

/**
 * Numeric precision of model weights (and of the KV cache) for the {@link ThroughputEstimator}.
 *
 * <pre>{@code
 * ThroughputQuery.builder().weights(Precision.FP8).kvCache(Precision.FP8)...
 * }</pre>
 *
 * <p>Weight-only 4-bit formats (AWQ, GPTQ) store 4-bit weights plus a 16-bit scale and zero point per group of 128
 * ({@code 0.5 + 4/128 = 0.53125} bytes per parameter) and compute matrix products at FP16 tensor-core rate after
 * dequantizing (W4A16). FP8 and INT8 use the GPU's 8-bit tensor-core rate where it has one.
 *
 * @since 0.1.0
 */
public enum Precision {
  /** IEEE half precision: 2 bytes. */
  FP16(2.0, false),
  /** bfloat16: 2 bytes. */
  BF16(2.0, false),
  /** 8-bit floating point (Hopper, Ada): 1 byte, FP8 tensor cores. */
  FP8(1.0, true),
  /** 8-bit integer (weights and activations): 1 byte, INT8 tensor cores. */
  INT8(1.0, true),
  /** 4-bit AWQ, weight-only, group size 128. */
  INT4_AWQ(0.53125, false),
  /** 4-bit GPTQ, weight-only, group size 128. */
  INT4_GPTQ(0.53125, false);

  private final double bytes;
  private final boolean eightBitMath;

  Precision(double bytes, boolean eightBitMath) {
    this.bytes = bytes;
    this.eightBitMath = eightBitMath;
  }

  /**
   * Bytes stored per value (weights: per parameter, including quantization scales).
   *
   * @return bytes
   */
  public double bytes() {
    return bytes;
  }

  /**
   * Whether matrix products run on 8-bit tensor cores (otherwise at the 16-bit rate).
   *
   * @return {@code true} for FP8 and INT8
   */
  public boolean eightBitMath() {
    return eightBitMath;
  }
}
