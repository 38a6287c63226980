package dev.tradeoff.metrics;

import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * The tokens one request consumed, normalised across providers.
 *
 * <p>Token classes nest, the same way for every provider:
 *
 * <ul>
 *   <li>{@link #inputTokens()} — every prompt token the model read. OpenAI's {@code prompt_tokens} and Gemini's
 *       {@code promptTokenCount} already include cached tokens; for Anthropic it is {@code input_tokens +
 *       cache_creation_input_tokens + cache_read_input_tokens}, because Anthropic reports the three apart.
 *   <li>{@link #cachedInputTokens()} ⊆ input — read from the prompt cache (OpenAI {@code
 *       prompt_tokens_details.cached_tokens}, Anthropic {@code cache_read_input_tokens}, Gemini {@code
 *       cachedContentTokenCount}).
 *   <li>{@link #cacheWriteTokens()} ⊆ input — written to the prompt cache (Anthropic {@code
 *       cache_creation_input_tokens}); 0 for providers that do not bill writes. {@link #cacheWrite1hTokens()}
 *       ⊆ cache writes — those written to Anthropic's 1-hour cache ({@code
 *       cache_creation.ephemeral_1h_input_tokens}), billed at a higher rate than 5-minute writes.
 *   <li>{@link #outputTokens()} — every generated token, reasoning included (OpenAI {@code completion_tokens};
 *       Anthropic's cumulative {@code output_tokens} from the last {@code message_delta}; Gemini {@code
 *       candidatesTokenCount + thoughtsTokenCount}).
 *   <li>{@link #reasoningTokens()} ⊆ output — when the server breaks them out (OpenAI {@code
 *       completion_tokens_details.reasoning_tokens}, Gemini {@code thoughtsTokenCount}); 0 when it does not
 *       (Anthropic bills thinking as output without a separate count).
 * </ul>
 *
 * <p>{@link #estimated()} is true only when the server sent no usage and the numbers come from a tokenizer. When
 * both exist, the tokenizer's count is kept in {@link #estimatedOutputTokens()} so the discrepancy can be seen.
 * Chunks are not tokens: nothing here is derived from the number of streamed events.
 *
 * <pre>{@code
 * TokenUsage u = TokenUsage.builder().inputTokens(1169).cacheWriteTokens(1165).outputTokens(201).build();
 * u.uncachedInputTokens();   // 4
 * }</pre>
 */
@Value.Immutable
public interface TokenUsage {

  /**
   * All prompt tokens, including cached and cache-write tokens.
   *
   * @return the count
   */
  long inputTokens();

  /**
   * Prompt tokens served from the cache (a subset of {@link #inputTokens()}).
   *
   * @return the count, 0 by default
   */
  @Value.Default
  default long cachedInputTokens() {
    return 0;
  }

  /**
   * Prompt tokens written to the cache (a subset of {@link #inputTokens()}).
   *
   * @return the count, 0 by default
   */
  @Value.Default
  default long cacheWriteTokens() {
    return 0;
  }

  /**
   * Prompt tokens written to the 1-hour cache (a subset of {@link #cacheWriteTokens()}).
   *
   * @return the count, 0 by default
   */
  @Value.Default
  default long cacheWrite1hTokens() {
    return 0;
  }

  /**
   * All generated tokens, reasoning included.
   *
   * @return the count
   */
  long outputTokens();

  /**
   * Reasoning tokens (a subset of {@link #outputTokens()}), 0 when the server does not report them.
   *
   * @return the count, 0 by default
   */
  @Value.Default
  default long reasoningTokens() {
    return 0;
  }

  /**
   * Whether these numbers are a tokenizer estimate because the server sent no usage.
   *
   * @return true if estimated
   */
  @Value.Default
  default boolean estimated() {
    return false;
  }

  /**
   * The tokenizer's count of the generated text, when it was computed (always when {@link #estimated()}).
   *
   * @return the estimate
   */
  OptionalLong estimatedOutputTokens();

  /**
   * Prompt tokens billed at the base input rate: input minus cached minus cache-write, never negative.
   *
   * @return the count
   */
  @Value.Derived
  default long uncachedInputTokens() {
    return Math.max(0, inputTokens() - cachedInputTokens() - cacheWriteTokens());
  }

  /**
   * Input plus output tokens.
   *
   * @return the count
   */
  @Value.Derived
  default long totalTokens() {
    return inputTokens() + outputTokens();
  }

  /**
   * The tokenizer estimate minus the server's count of output tokens, when both exist.
   *
   * @return the signed discrepancy in tokens; empty when estimated or when no estimate was made
   */
  @Value.Derived
  default OptionalLong outputTokensDiscrepancy() {
    if (estimated() || estimatedOutputTokens().isEmpty()) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(estimatedOutputTokens().getAsLong() - outputTokens());
  }

  /**
   * A new builder.
   *
   * @return a builder
   */
  static ImmutableTokenUsage.Builder builder() {
    return ImmutableTokenUsage.builder();
  }

  /** Checks that no count is negative (subsets are kept as the server reported them). */
  @Value.Check
  default void check() {
    requireNonNegative("inputTokens", inputTokens());
    requireNonNegative("cachedInputTokens", cachedInputTokens());
    requireNonNegative("cacheWriteTokens", cacheWriteTokens());
    requireNonNegative("cacheWrite1hTokens", cacheWrite1hTokens());
    requireNonNegative("outputTokens", outputTokens());
    requireNonNegative("reasoningTokens", reasoningTokens());
    if (estimatedOutputTokens().isPresent()) {
      requireNonNegative("estimatedOutputTokens", estimatedOutputTokens().getAsLong());
    }
  }

  private static void requireNonNegative(String name, long value) {
    if (value < 0) {
      throw new IllegalStateException(name + " must be >= 0, but was " + value);
    }
  }
}
