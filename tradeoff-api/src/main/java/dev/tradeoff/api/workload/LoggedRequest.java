package dev.tradeoff.api.workload;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tradeoff.api.TradeoffException;
import java.time.Instant;
import org.immutables.value.Value;

/**
 * One recorded request: when it was sent and its tokens, as {@link RequestLogs} reads it from a log line.
 *
 * <pre>{@code
 * LoggedRequest r = LoggedRequest.of(Instant.parse("2026-11-20T10:15:30Z"), 1_200, 300);
 * }</pre>
 *
 * <p>Totals include their parts (as OpenAI reports usage): {@link #inputTokens()} counts every prompt token, cache
 * reads and writes among them; {@link #outputTokens()} every generated token, reasoning among them. Counts
 * {@code >= 0}, parts at most their totals; otherwise {@link TradeoffException}. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableLoggedRequest.class)
@JsonDeserialize(as = ImmutableLoggedRequest.class)
public interface LoggedRequest {

  /** @return when the request was sent */
  Instant timestamp();

  /** @return every prompt token */
  long inputTokens();

  /** @return every generated token */
  long outputTokens();

  /** @return prompt tokens read from a cache, 0 by default */
  default long cachedInputTokens() {
    return 0;
  }

  /** @return prompt tokens written to a cache, 0 by default */
  default long cacheWriteTokens() {
    return 0;
  }

  /** @return generated tokens that were reasoning, 0 by default */
  default long reasoningTokens() {
    return 0;
  }

  /**
   * Checks the counts.
   *
   * @throws TradeoffException naming the field and value
   */
  @Value.Check
  default void check() {
    if (inputTokens() < 0 || outputTokens() < 0 || cachedInputTokens() < 0 || cacheWriteTokens() < 0
        || reasoningTokens() < 0) {
      throw TradeoffException.invalid("token counts", ">= 0", this);
    }
    if (cachedInputTokens() + cacheWriteTokens() > inputTokens()) {
      throw TradeoffException.invalid("cachedInputTokens + cacheWriteTokens", "<= inputTokens " + inputTokens()
          + " (input counts every prompt token)", cachedInputTokens() + cacheWriteTokens());
    }
    if (reasoningTokens() > outputTokens()) {
      throw TradeoffException.invalid("reasoningTokens", "<= outputTokens " + outputTokens()
          + " (output counts every generated token)", reasoningTokens());
    }
  }

  /**
   * A request without cache or reasoning tokens.
   *
   * @param timestamp when it was sent
   * @param inputTokens prompt tokens
   * @param outputTokens generated tokens
   * @return the request
   */
  static LoggedRequest of(Instant timestamp, long inputTokens, long outputTokens) {
    return builder().timestamp(timestamp).inputTokens(inputTokens).outputTokens(outputTokens).build();
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableLoggedRequest.Builder builder() {
    return ImmutableLoggedRequest.builder();
  }
}
