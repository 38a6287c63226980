package dev.tradeoff.metrics.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tradeoff.metrics.Failure;
import dev.tradeoff.metrics.RequestResult;
import dev.tradeoff.metrics.StreamTimeline;
import dev.tradeoff.metrics.TokenUsage;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * One request as a flat result-file row (one JSON object per line in JSONL). Names are stable snake_case
 * with units; times are milliseconds rounded to the microsecond; a value that is undefined for the request
 * (TTFT of a request that failed before its first token) is {@code null}; {@code error} is {@code null} or
 * {@code {"kind","type","message"}}.
 *
 * <p>Immutable and thread-safe. Build one from a {@link RequestResult} with {@link #from(RequestResult)}.
 *
 * <pre>{@code
 * RequestRecord row = RequestRecord.from(result).candidate("gpt-4o-mini").sequence(17).build();
 * // {"candidate":"gpt-4o-mini","model":"gpt-4o-mini","api":"openai_chat","prompt_id":"cs-017","sequence":17,
 * //  "warmup":false,"ttft_ms":212.418,"e2e_ms":1830.2,"itl_ms":[11.2,9.8,...],"input_tokens":120,
 * //  "output_tokens":245,"cached_input_tokens":0,"cache_write_tokens":0,"reasoning_tokens":0,
 * //  "cost_usd":0.000165,"error":null,...}
 * }</pre>
 */
@Value.Immutable
@JsonSerialize(as = ImmutableRequestRecord.class)
@JsonDeserialize(as = ImmutableRequestRecord.class)
@JsonPropertyOrder({
  "candidate", "model", "api", "prompt_id", "profile", "sequence", "warmup", "intended_offset_ms",
  "scheduler_lag_ms", "client_queue_ms", "response_headers_ms", "ttft_ms", "ttft_any_ms", "reasoning_ms",
  "first_output_after_reasoning_ms", "e2e_ms", "ttft_from_intended_ms", "e2e_from_intended_ms", "tpot_ms",
  "output_tokens_per_s", "output_tokens_per_s_e2e", "events", "token_events", "itl_ms", "input_tokens",
  "output_tokens", "cached_input_tokens", "cache_write_tokens", "cache_write_1h_tokens", "reasoning_tokens", "tokens_estimated",
  "output_tokens_estimate", "cost_usd", "http_status", "attempts", "finish_reason", "provider_request_id", "error"
})
public interface RequestRecord {

  /**
   * Which candidate sent it ({@code ""} outside a load run).
   *
   * @return the name
   */
  @JsonProperty("candidate")
  @Value.Default
  default String candidate() {
    return "";
  }

  /**
   * The model id requested.
   *
   * @return the id
   */
  @JsonProperty("model")
  String model();

  /**
   * The wire format, lower case ({@code "openai_chat"}).
   *
   * @return the name
   */
  @JsonProperty("api")
  String api();

  /**
   * The prompt's id.
   *
   * @return the id, {@code ""} if none
   */
  @JsonProperty("prompt_id")
  @Value.Default
  default String promptId() {
    return "";
  }

  /**
   * The load profile (step) it ran under, {@code ""} outside a load run.
   *
   * @return the description
   */
  @JsonProperty("profile")
  @Value.Default
  default String profile() {
    return "";
  }

  /**
   * Position in its run step, from 0 (warm-up included).
   *
   * @return the sequence number
   */
  @JsonProperty("sequence")
  @Value.Default
  default long sequence() {
    return 0;
  }

  /**
   * Whether it was a warm-up request (excluded from summaries).
   *
   * @return true for warm-up
   */
  @JsonProperty("warmup")
  @Value.Default
  default boolean warmup() {
    return false;
  }

  /**
   * Intended send time after the step's start.
   *
   * @return ms, absent outside a load run
   */
  @JsonProperty("intended_offset_ms")
  OptionalDouble intendedOffsetMs();

  /**
   * Actual − intended send time.
   *
   * @return ms
   */
  @JsonProperty("scheduler_lag_ms")
  double schedulerLagMs();

  /**
   * Hand-off to the client until the request was on the wire.
   *
   * @return ms
   */
  @JsonProperty("client_queue_ms")
  OptionalDouble clientQueueMs();

  /**
   * Time to response headers.
   *
   * @return ms
   */
  @JsonProperty("response_headers_ms")
  OptionalDouble responseHeadersMs();

  /**
   * Time to first content token.
   *
   * @return ms
   */
  @JsonProperty("ttft_ms")
  OptionalDouble ttftMs();

  /**
   * Time to first token of any kind.
   *
   * @return ms
   */
  @JsonProperty("ttft_any_ms")
  OptionalDouble ttftAnyMs();

  /**
   * How long reasoning delayed the answer.
   *
   * @return ms
   */
  @JsonProperty("reasoning_ms")
  OptionalDouble reasoningMs();

  /**
   * First output event − last reasoning event before it.
   *
   * @return ms
   */
  @JsonProperty("first_output_after_reasoning_ms")
  OptionalDouble firstOutputAfterReasoningMs();

  /**
   * End-to-end latency.
   *
   * @return ms
   */
  @JsonProperty("e2e_ms")
  double e2eMs();

  /**
   * TTFT from the intended send time.
   *
   * @return ms
   */
  @JsonProperty("ttft_from_intended_ms")
  OptionalDouble ttftFromIntendedMs();

  /**
   * E2E from the intended send time.
   *
   * @return ms
   */
  @JsonProperty("e2e_from_intended_ms")
  double e2eFromIntendedMs();

  /**
   * Time per output token.
   *
   * @return ms
   */
  @JsonProperty("tpot_ms")
  OptionalDouble tpotMs();

  /**
   * Output tokens per second over the generation window.
   *
   * @return tokens/s
   */
  @JsonProperty("output_tokens_per_s")
  OptionalDouble outputTokensPerS();

  /**
   * Output tokens per second over E2E.
   *
   * @return tokens/s
   */
  @JsonProperty("output_tokens_per_s_e2e")
  OptionalDouble outputTokensPerSE2e();

  /**
   * Events received.
   *
   * @return the count
   */
  @JsonProperty("events")
  int events();

  /**
   * Token events received (content, tool call, reasoning).
   *
   * @return the count
   */
  @JsonProperty("token_events")
  int tokenEvents();

  /**
   * Gaps between consecutive token events. A primitive array, not a list of boxes: a load run keeps every record
   * to its end, and one box per gap was most of what its young collections had to copy.
   *
   * @return ms each (a copy)
   */
  @JsonProperty("itl_ms")
  double[] itlMs();

  /**
   * All prompt tokens (see {@link dev.tradeoff.metrics.TokenUsage}).
   *
   * @return the count, absent without usage
   */
  @JsonProperty("input_tokens")
  OptionalLong inputTokens();

  /**
   * All generated tokens, reasoning included.
   *
   * @return the count
   */
  @JsonProperty("output_tokens")
  OptionalLong outputTokens();

  /**
   * Prompt tokens read from cache.
   *
   * @return the count
   */
  @JsonProperty("cached_input_tokens")
  OptionalLong cachedInputTokens();

  /**
   * Prompt tokens written to cache.
   *
   * @return the count
   */
  @JsonProperty("cache_write_tokens")
  OptionalLong cacheWriteTokens();

  /**
   * Prompt tokens written to the 1-hour cache (a subset of cache writes).
   *
   * @return the count
   */
  @JsonProperty("cache_write_1h_tokens")
  OptionalLong cacheWrite1hTokens();

  /**
   * Reasoning tokens.
   *
   * @return the count
   */
  @JsonProperty("reasoning_tokens")
  OptionalLong reasoningTokens();

  /**
   * Whether the token counts are a tokenizer estimate.
   *
   * @return true if estimated
   */
  @JsonProperty("tokens_estimated")
  @Value.Default
  default boolean tokensEstimated() {
    return false;
  }

  /**
   * The tokenizer's output-token count, when computed.
   *
   * @return the count
   */
  @JsonProperty("output_tokens_estimate")
  OptionalLong outputTokensEstimate();

  /**
   * Exact cost.
   *
   * @return US dollars, absent when unpriced
   */
  @JsonProperty("cost_usd")
  Optional<BigDecimal> costUsd();

  /**
   * HTTP status of the last attempt.
   *
   * @return the status
   */
  @JsonProperty("http_status")
  OptionalInt httpStatus();

  /**
   * HTTP attempts made.
   *
   * @return at least 1
   */
  @JsonProperty("attempts")
  @Value.Default
  default int attempts() {
    return 1;
  }

  /**
   * The provider's finish reason.
   *
   * @return the reason
   */
  @JsonProperty("finish_reason")
  Optional<String> finishReason();

  /**
   * The provider's id for the request ({@link RequestResult#providerRequestId()}).
   *
   * @return the id
   */
  @JsonProperty("provider_request_id")
  Optional<String> providerRequestId();

  /**
   * Why it failed, {@code null} on success.
   *
   * @return the error
   */
  @JsonProperty("error")
  Optional<RecordError> error();

  /**
   * A new, empty builder.
   *
   * @return a builder
   */
  static ImmutableRequestRecord.Builder builder() {
    return ImmutableRequestRecord.builder();
  }

  /**
   * A builder filled from a request result (labels — candidate, profile, sequence, warm-up, intended offset —
   * are left to the caller).
   *
   * @param r the result
   * @return the builder
   */
  static ImmutableRequestRecord.Builder from(RequestResult r) {
    StreamTimeline t = r.timeline();
    ImmutableRequestRecord.Builder b =
        builder()
            .model(r.model())
            .api(r.api().name().toLowerCase(Locale.ROOT))
            .promptId(r.requestId())
            .schedulerLagMs(ms(t.schedulerLagNanos()))
            .clientQueueMs(ms(t.clientQueueNanos()))
            .responseHeadersMs(ms(t.responseHeadersNanos()))
            .ttftMs(ms(t.ttftContentNanos()))
            .ttftAnyMs(ms(t.ttftAnyNanos()))
            .reasoningMs(ms(t.reasoningNanos()))
            .firstOutputAfterReasoningMs(ms(t.firstOutputAfterReasoningNanos()))
            .e2eMs(ms(t.e2eNanos()))
            .ttftFromIntendedMs(ms(t.ttftContentFromIntendedNanos()))
            .e2eFromIntendedMs(ms(t.e2eFromIntendedNanos()))
            .tpotMs(r.tpotNanos().isPresent() ? OptionalDouble.of(round3(r.tpotNanos().getAsDouble() / 1e6)) : OptionalDouble.empty())
            .outputTokensPerS(round3(r.outputTokensPerSecond()))
            .outputTokensPerSE2e(round3(r.outputTokensPerSecondE2e()))
            .events(t.eventCount())
            .tokenEvents(t.tokenEventCount())
            .costUsd(r.costUsd())
            .httpStatus(r.httpStatus())
            .attempts(r.attempts())
            .finishReason(r.finishReason())
            .providerRequestId(r.providerRequestId());
    double[] gaps = new double[t.itlCount()];
    for (int i = 0; i < gaps.length; i++) {
      gaps[i] = ms(t.itlNanos(i));
    }
    b.itlMs(gaps);
    if (r.usage().isPresent()) {
      TokenUsage u = r.usage().get();
      b.inputTokens(u.inputTokens())
          .outputTokens(u.outputTokens())
          .cachedInputTokens(u.cachedInputTokens())
          .cacheWriteTokens(u.cacheWriteTokens())
          .cacheWrite1hTokens(u.cacheWrite1hTokens())
          .reasoningTokens(u.reasoningTokens())
          .tokensEstimated(u.estimated())
          .outputTokensEstimate(u.estimatedOutputTokens());
    }
    r.failure().map(RecordError::of).ifPresent(b::error);
    return b;
  }

  private static double ms(long nanos) {
    return Math.round(nanos / 1e3) / 1e3;
  }

  private static OptionalDouble ms(OptionalLong nanos) {
    return nanos.isPresent() ? OptionalDouble.of(ms(nanos.getAsLong())) : OptionalDouble.empty();
  }

  private static double round3(double v) {
    return Math.round(v * 1e3) / 1e3;
  }

  private static OptionalDouble round3(OptionalDouble v) {
    return v.isPresent() ? OptionalDouble.of(round3(v.getAsDouble())) : OptionalDouble.empty();
  }

  /**
   * A failure in a result file.
   *
   * <pre>{@code
   * {"kind":"stream_error","type":"overloaded_error","message":"Overloaded"}
   * }</pre>
   */
  @Value.Immutable
  @JsonSerialize(as = ImmutableRecordError.class)
  @JsonDeserialize(as = ImmutableRecordError.class)
  @JsonPropertyOrder({"kind", "type", "message"})
  interface RecordError {

    /**
     * The failure kind's wire name ({@code "rate_limited"}).
     *
     * @return the kind
     */
    @JsonProperty("kind")
    String kind();

    /**
     * The provider's error type, else the kind.
     *
     * @return the type
     */
    @JsonProperty("type")
    String type();

    /**
     * The (redacted) message.
     *
     * @return the message
     */
    @JsonProperty("message")
    String message();

    /**
     * The row form of a failure.
     *
     * @param f the failure
     * @return the error
     */
    static RecordError of(Failure f) {
      return ImmutableRecordError.builder().kind(f.kind().wireName()).type(f.type()).message(f.message()).build();
    }
  }
}
