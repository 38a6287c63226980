package dev.tradeoff.pricing.selfhost;

/**
 * Specifications of common inference GPUs: NVIDIA datasheet figures, dense (half the "with sparsity" numbers), as
 * reproduced in public spec tables (archive-lib.hpctech.co.jp/gpuproduct/nvidia-h100.html for H100 SXM: 3,350 GB/s,
 * 1,979 / 3,958 TFLOPS BF16 / FP8 with sparsity; grokipedia.com "NVIDIA L4 vs L40S" and hmc-tech.com for L4 (300
 * GB/s) and L40S (864 GB/s, 733 TFLOPS FP8 dense), read 2026-11-28). A10G is AWS's variant of the A10, for which
 * NVIDIA publishes no figures: the A10's are used and are an upper bound.
 *
 * <pre>{@code
 * ThroughputQuery.builder().gpu(GpuSpecs.H100_SXM).gpuCount(2)...
 * }</pre>
 *
 * @since 0.1.0
 */
public final class GpuSpecs {

  /** H100 SXM 80 GB: 3,350 GB/s; 989 TFLOPS FP16/BF16 and 1,979 TFLOPS FP8 dense. */
  public static final GpuSpec H100_SXM = GpuSpec.of("H100 SXM 80GB", 80, 3350, 989, 1979);
  /** H200 141 GB: 4,800 GB/s; H100 compute. */
  public static final GpuSpec H200 = GpuSpec.of("H200 141GB", 141, 4800, 989, 1979);
  /** A100 SXM 80 GB: 2,039 GB/s; 312 TFLOPS FP16/BF16 dense; INT8 624 TOPS. */
  public static final GpuSpec A100_80GB = GpuSpec.of("A100 80GB SXM", 80, 2039, 312, 624);
  /** A100 40 GB: 1,555 GB/s; 312 TFLOPS FP16/BF16 dense. */
  public static final GpuSpec A100_40GB = GpuSpec.of("A100 40GB", 40, 1555, 312, 624);
  /** L40S 48 GB: 864 GB/s; 362 TFLOPS FP16 and 733 TFLOPS FP8 dense. */
  public static final GpuSpec L40S = GpuSpec.of("L40S 48GB", 48, 864, 362, 733);
  /** L4 24 GB: 300 GB/s; 121 TFLOPS FP16 and 242 TFLOPS FP8 dense. */
  public static final GpuSpec L4 = GpuSpec.of("L4 24GB", 24, 300, 121, 242);
  /** A10G 24 GB (A10 figures, an upper bound): 600 GB/s; 125 TFLOPS FP16 dense; INT8 250 TOPS. */
  public static final GpuSpec A10G = GpuSpec.of("A10G 24GB", 24, 600, 125, 250);

  private GpuSpecs() {}
}
