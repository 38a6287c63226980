package dev.tradeoff.pricing;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/**
 * The tokens of one request (or of many, summed), split into disjoint {@link TokenClass billing classes}
 * so that every token is billed exactly once at its own rate.
 *
 * <p>Providers report usage with overlapping fields, the source of real-world double counting. Build a
 * {@code Usage} with the factory for the provider's wire format and the overlap is removed:
 *
 * <ul>
 *   <li>{@link #openAi(long, long, long, long)} — OpenAI (and Azure OpenAI, Groq and other compatible APIs):
 *       {@code prompt_tokens} <em>includes</em> {@code cached_tokens} (and {@code cache_write_tokens}),
 *       {@code completion_tokens} <em>includes</em> {@code reasoning_tokens};
 *   <li>{@link #anthropic(long, long, long, long)} — Anthropic: {@code input_tokens} <em>excludes</em>
 *       {@code cache_creation_input_tokens} and {@code cache_read_input_tokens}; {@code output_tokens}
 *       includes thinking;
 *   <li>{@link #gemini(long, long, long, long)} — Gemini: {@code promptTokenCount} includes
 *       {@code cachedContentTokenCount}; {@code candidatesTokenCount} <em>excludes</em>
 *       {@code thoughtsTokenCount}.
 * </ul>
 *
 * <pre>{@code
 * // OpenAI: "usage": {"prompt_tokens": 1566, "completion_tokens": 1518,
 * //   "prompt_tokens_details": {"cached_tokens": 1408}, "completion_tokens_details": {"reasoning_tokens": 576}}
 * Usage u = Usage.openAi(1566, 1408, 1518, 576);
 * assert u.input() == 158 && u.cacheRead() == 1408 && u.output() == 942 && u.reasoning() == 576;
 * }</pre>
 *
 * <p>All counts are {@code >= 0}; negative counts are rejected with {@link InvalidValueException}.
 * Immutable and thread-safe. JSON: {@code {"input":158,"cacheRead":1408,"cacheWrite5m":0,"cacheWrite1h":0,"output":942,"reasoning":576}}
 * (absent classes are 0).
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableUsage.class)
@JsonDeserialize(as = ImmutableUsage.class)
public interface Usage {

  /**
   * Uncached prompt tokens (neither read from nor written to a cache).
   *
   * @return the count, 0 by default
   */
  default long input() {
    return 0;
  }

  /**
   * Prompt tokens read from a cache.
   *
   * @return the count, 0 by default
   */
  default long cacheRead() {
    return 0;
  }

  /**
   * Prompt tokens written to a short-lived cache (Anthropic 5-minute; OpenAI's default write).
   *
   * @return the count, 0 by default
   */
  default long cacheWrite5m() {
    return 0;
  }

  /**
   * Prompt tokens written to Anthropic's 1-hour cache.
   *
   * @return the count, 0 by default
   */
  default long cacheWrite1h() {
    return 0;
  }

  /**
   * Visible completion tokens (reasoning excluded when the provider reports it separately).
   *
   * @return the count, 0 by default
   */
  default long output() {
    return 0;
  }

  /**
   * Reasoning/thinking tokens reported separately from output; billed at the output rate unless the
   * model lists a reasoning rate.
   *
   * @return the count, 0 by default
   */
  default long reasoning() {
    return 0;
  }

  /**
   * Rejects negative counts.
   *
   * @throws InvalidValueException naming the first negative field
   */
  @Value.Check
  default void check() {
    for (TokenClass c : TokenClass.values()) {
      long n = tokens(c);
      if (n < 0) {
        throw InvalidValueException.of(c.jsonName(), ">= 0", n);
      }
    }
  }

  /**
   * The count of one class.
   *
   * @param tokenClass the class
   * @return the count
   */
  default long tokens(TokenClass tokenClass) {
    switch (tokenClass) {
      case INPUT: return input();
      case CACHE_READ: return cacheRead();
      case CACHE_WRITE_5M: return cacheWrite5m();
      case CACHE_WRITE_1H: return cacheWrite1h();
      case OUTPUT: return output();
      case REASONING: return reasoning();
      default: throw new AssertionError(tokenClass);
    }
  }

  /**
   * All prompt-side tokens: input, cache reads and cache writes. This is the number long-context tiers
   * are decided on ("The 200K threshold is based solely on input tokens (including cache reads/writes)").
   *
   * @return the prompt token count
   * @throws ArithmeticException if the sum overflows a {@code long}
   */
  @Value.NonAttribute
  default long promptTokens() {
    return Math.addExact(Math.addExact(input(), cacheRead()), Math.addExact(cacheWrite5m(), cacheWrite1h()));
  }

  /**
   * All completion-side tokens: output and reasoning.
   *
   * @return the completion token count
   */
  @Value.NonAttribute
  default long completionTokens() {
    return Math.addExact(output(), reasoning());
  }

  /**
   * Every token of every class.
   *
   * @return the total
   */
  @Value.NonAttribute
  default long totalTokens() {
    return Math.addExact(promptTokens(), completionTokens());
  }

  /**
   * The class-by-class sum of this usage and another, for aggregating requests.
   *
   * @param other the usage to add
   * @return the sum
   * @throws ArithmeticException on overflow
   */
  default Usage plus(Usage other) {
    return builder()
        .input(Math.addExact(input(), other.input()))
        .cacheRead(Math.addExact(cacheRead(), other.cacheRead()))
        .cacheWrite5m(Math.addExact(cacheWrite5m(), other.cacheWrite5m()))
        .cacheWrite1h(Math.addExact(cacheWrite1h(), other.cacheWrite1h()))
        .output(Math.addExact(output(), other.output()))
        .reasoning(Math.addExact(reasoning(), other.reasoning()))
        .build();
  }

  /**
   * Plain usage without caching or separately reported reasoning.
   *
   * @param input uncached prompt tokens, {@code >= 0}
   * @param output completion tokens, {@code >= 0}
   * @return the usage
   * @throws InvalidValueException if a count is negative
   */
  static Usage of(long input, long output) {
    return builder().input(input).output(output).build();
  }

  /**
   * From an OpenAI-style usage object (Chat Completions {@code usage}, Responses {@code usage}): prompt
   * tokens include cached tokens; completion tokens include reasoning tokens.
   *
   * @param promptTokens {@code prompt_tokens} / {@code input_tokens}
   * @param cachedTokens {@code prompt_tokens_details.cached_tokens}, {@code <= promptTokens}
   * @param completionTokens {@code completion_tokens} / {@code output_tokens}
   * @param reasoningTokens {@code completion_tokens_details.reasoning_tokens}, {@code <= completionTokens}
   * @return the usage with disjoint classes
   * @throws InvalidValueException if a count is negative or a part exceeds its whole
   */
  static Usage openAi(long promptTokens, long cachedTokens, long completionTokens, long reasoningTokens) {
    return openAi(promptTokens, cachedTokens, 0, completionTokens, reasoningTokens);
  }

  /**
   * From an OpenAI usage object that also reports cache writes ({@code cache_write_tokens}, GPT-5.6+).
   * "Cache reads, cache writes, and ordinary input tokens are separate billing categories" and
   * {@code input_tokens} includes both, so the ordinary input is
   * {@code promptTokens - cachedTokens - cacheWriteTokens}. Writes are billed as {@link TokenClass#CACHE_WRITE_5M}.
   *
   * @param promptTokens {@code input_tokens} / {@code prompt_tokens}
   * @param cachedTokens {@code cached_tokens}
   * @param cacheWriteTokens {@code cache_write_tokens}
   * @param completionTokens {@code output_tokens} / {@code completion_tokens}
   * @param reasoningTokens {@code reasoning_tokens}
   * @return the usage with disjoint classes
   * @throws InvalidValueException if a count is negative or the parts exceed their whole
   */
  static Usage openAi(
      long promptTokens, long cachedTokens, long cacheWriteTokens, long completionTokens, long reasoningTokens) {
    requireNonNegative("promptTokens", promptTokens);
    requireNonNegative("cachedTokens", cachedTokens);
    requireNonNegative("cacheWriteTokens", cacheWriteTokens);
    requireNonNegative("completionTokens", completionTokens);
    requireNonNegative("reasoningTokens", reasoningTokens);
    if (cachedTokens + cacheWriteTokens > promptTokens) {
      throw InvalidValueException.of("cachedTokens + cacheWriteTokens",
          "<= promptTokens (" + promptTokens + ") because OpenAI's prompt_tokens includes them",
          cachedTokens + cacheWriteTokens);
    }
    if (reasoningTokens > completionTokens) {
      throw InvalidValueException.of("reasoningTokens",
          "<= completionTokens (" + completionTokens + ") because OpenAI's completion_tokens includes them",
          reasoningTokens);
    }
    return builder()
        .input(promptTokens - cachedTokens - cacheWriteTokens)
        .cacheRead(cachedTokens)
        .cacheWrite5m(cacheWriteTokens)
        .output(completionTokens - reasoningTokens)
        .reasoning(reasoningTokens)
        .build();
  }

  /**
   * From an Anthropic Messages {@code usage} object, where {@code input_tokens} excludes the cache
   * fields and cache creation is billed at the 5-minute write rate.
   *
   * @param inputTokens {@code input_tokens}
   * @param cacheCreationInputTokens {@code cache_creation_input_tokens}
   * @param cacheReadInputTokens {@code cache_read_input_tokens}
   * @param outputTokens {@code output_tokens} (thinking included)
   * @return the usage
   * @throws InvalidValueException if a count is negative
   */
  static Usage anthropic(
      long inputTokens, long cacheCreationInputTokens, long cacheReadInputTokens, long outputTokens) {
    return anthropic(inputTokens, cacheCreationInputTokens, 0, cacheReadInputTokens, outputTokens);
  }

  /**
   * From an Anthropic usage object with the {@code cache_creation} breakdown by TTL.
   *
   * @param inputTokens {@code input_tokens}
   * @param ephemeral5mInputTokens {@code cache_creation.ephemeral_5m_input_tokens}
   * @param ephemeral1hInputTokens {@code cache_creation.ephemeral_1h_input_tokens}
   * @param cacheReadInputTokens {@code cache_read_input_tokens}
   * @param outputTokens {@code output_tokens} (thinking included)
   * @return the usage
   * @throws InvalidValueException if a count is negative
   */
  static Usage anthropic(
      long inputTokens, long ephemeral5mInputTokens, long ephemeral1hInputTokens, long cacheReadInputTokens,
      long outputTokens) {
    return builder()
        .input(inputTokens)
        .cacheWrite5m(ephemeral5mInputTokens)
        .cacheWrite1h(ephemeral1hInputTokens)
        .cacheRead(cacheReadInputTokens)
        .output(outputTokens)
        .build();
  }

  /**
   * From a Gemini {@code usageMetadata} object: {@code promptTokenCount} includes
   * {@code cachedContentTokenCount}; {@code candidatesTokenCount} excludes {@code thoughtsTokenCount}
   * (the total is prompt + candidates + thoughts).
   *
   * @param promptTokenCount {@code promptTokenCount}
   * @param cachedContentTokenCount {@code cachedContentTokenCount}, {@code <= promptTokenCount}
   * @param candidatesTokenCount {@code candidatesTokenCount}
   * @param thoughtsTokenCount {@code thoughtsTokenCount}
   * @return the usage
   * @throws InvalidValueException if a count is negative or the cached part exceeds the prompt
   */
  static Usage gemini(
      long promptTokenCount, long cachedContentTokenCount, long candidatesTokenCount, long thoughtsTokenCount) {
    requireNonNegative("promptTokenCount", promptTokenCount);
    requireNonNegative("cachedContentTokenCount", cachedContentTokenCount);
    if (cachedContentTokenCount > promptTokenCount) {
      throw InvalidValueException.of("cachedContentTokenCount",
          "<= promptTokenCount (" + promptTokenCount + ") because Gemini's promptTokenCount includes it",
          cachedContentTokenCount);
    }
    return builder()
        .input(promptTokenCount - cachedContentTokenCount)
        .cacheRead(cachedContentTokenCount)
        .output(candidatesTokenCount)
        .reasoning(thoughtsTokenCount)
        .build();
  }

  /**
   * A new builder; unset classes are 0.
   *
   * @return the builder
   */
  static ImmutableUsage.Builder builder() {
    return ImmutableUsage.builder();
  }

  private static void requireNonNegative(String field, long value) {
    if (value < 0) {
      throw InvalidValueException.of(field, ">= 0", value);
    }
  }
}
