package dev.tradeoff.pricing.selfhost;

/**
 * What limits the decode step of a {@link ThroughputEstimate}.
 *
 * <pre>{@code
 * if (estimate.decodeBound() == Bound.MEMORY_BANDWIDTH) { // more concurrency is nearly free }
 * }</pre>
 *
 * @since 0.1.0
 */
public enum Bound {
  /** Reading weights and KV cache from memory (typical for decode at small and medium batch). */
  MEMORY_BANDWIDTH,
  /** Tensor-core arithmetic (large batches, or prefill). */
  COMPUTE
}
