package dev.tradeoff.metrics;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Prices one request from its model id and token usage — the seam between measuring and {@code
 * tradeoff-pricing}.
 *
 * <p>Implementations must be thread-safe, fast and must not throw: a model they do not know yields {@link
 * Optional#empty()}. Cached, cache-write and reasoning tokens are priced by their own rates; see {@link
 * TokenUsage} for how the classes nest.
 *
 * <pre>{@code
 * RequestPricer pricer = (model, usage) -> Optional.of(
 *     BigDecimal.valueOf(usage.uncachedInputTokens()).multiply(new BigDecimal("0.0000025"))
 *         .add(BigDecimal.valueOf(usage.outputTokens()).multiply(new BigDecimal("0.00001"))));
 * }</pre>
 */
@FunctionalInterface
public interface RequestPricer {

  /** Prices nothing: every request's cost is unknown. */
  RequestPricer NONE = (model, usage) -> Optional.empty();

  /**
   * The exact cost of one request in US dollars.
   *
   * @param model the model id as sent in the request
   * @param usage the request's token usage
   * @return the cost, or empty when the model or a needed rate is unknown
   */
  Optional<BigDecimal> costUsd(String model, TokenUsage usage);
}
