package dev.tradeoff.metrics.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradeoff.metrics.RequestPricer;
import dev.tradeoff.metrics.WireApi;
import dev.tradeoff.metrics.sse.SseReader;
import java.time.Duration;
import java.util.Map;
import okhttp3.HttpUrl;
import org.immutables.value.Value;

/**
 * Everything a streaming client needs to talk to one model of one provider.
 *
 * <p>The API key and the extra header values are {@link Value.Redacted redacted}: they never appear in {@code
 * toString()}. Defaults are public constants; every value is checked when {@code build()} is called, with a
 * message naming the attribute.
 *
 * <pre>{@code
 * ClientConfig vllm = ClientConfig.builder()
 *     .api(WireApi.OPENAI_CHAT)
 *     .baseUrl("http://127.0.0.1:8000/v1")
 *     .model("meta-llama/Llama-3.1-8B-Instruct")
 *     .build();
 *
 * ClientConfig claude = ClientConfig.builder()
 *     .api(WireApi.ANTHROPIC_MESSAGES)
 *     .model("claude-sonnet-4-20250514")
 *     .apiKey(ApiKey.fromEnv("ANTHROPIC_API_KEY"))
 *     .retry(RetryPolicy.builder().maxAttempts(3).build())
 *     .build();
 * }</pre>
 */
@Value.Immutable
public interface ClientConfig {

  /** Default connect timeout: 10 s. */
  Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** Default idle timeout — the longest silence between two reads of a stream: 60 s. */
  Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);

  /** Default call timeout — the longest a whole request may take, retries excluded: 10 min. */
  Duration DEFAULT_CALL_TIMEOUT = Duration.ofMinutes(10);

  /**
   * Default limit on requests in flight per client, applied to OkHttp's dispatcher both in total and per host
   * (OkHttp's own defaults, 64 and 5, would silently queue a load test): 4096.
   */
  int DEFAULT_MAX_CONCURRENT_REQUESTS = 4096;

  /** The {@code anthropic-version} header sent unless {@link #headers()} sets one. */
  String ANTHROPIC_VERSION = "2023-06-01";

  /**
   * A new builder.
   *
   * @return a builder
   */
  static ImmutableClientConfig.Builder builder() {
    return ImmutableClientConfig.builder();
  }

  /**
   * The wire format.
   *
   * @return the API
   */
  WireApi api();

  /**
   * The model id sent with each request.
   *
   * @return the model id
   */
  String model();

  /**
   * The base URL the endpoint path is appended to ({@code /chat/completions}, {@code /responses}, {@code
   * /messages}, {@code /models/{model}:streamGenerateContent}).
   *
   * @return the URL; the API's {@link WireApi#defaultBaseUrl()} by default
   */
  @Value.Default
  default String baseUrl() {
    return api().defaultBaseUrl();
  }

  /**
   * The API key, sent as {@code Authorization: Bearer} (OpenAI), {@code x-api-key} (Anthropic) or {@code
   * x-goog-api-key} (Gemini).
   *
   * @return the key; {@link ApiKey#none()} by default
   */
  @Value.Default
  @Value.Redacted
  default ApiKey apiKey() {
    return ApiKey.none();
  }

  /**
   * Extra request headers (an OpenRouter referer, an Azure {@code api-key}, a gateway token). Their values are
   * treated as secrets: redacted from {@code toString} and from failure messages.
   *
   * @return the headers
   */
  @Value.Redacted
  Map<String, String> headers();

  /**
   * JSON object whose fields are added to (and override) every request body's top-level fields, e.g. {@code
   * {"reasoning_effort":"low"}} or {@code {"thinking":{"type":"enabled","budget_tokens":1024}}}.
   *
   * @return the JSON object text; {@code "{}"} by default
   */
  @Value.Default
  default String extraBodyJson() {
    return "{}";
  }

  /**
   * Whether to ask OpenAI Chat servers for usage in the stream ({@code stream_options.include_usage}). Turn it
   * off only for old servers that reject the field.
   *
   * @return true by default
   */
  @Value.Default
  default boolean includeUsage() {
    return true;
  }

  /**
   * The name of the output-limit field for {@link WireApi#OPENAI_CHAT}: OpenAI itself wants {@code
   * max_completion_tokens} (its reasoning models reject {@code max_tokens}); compatible servers want {@code
   * max_tokens}.
   *
   * @return by default {@code max_completion_tokens} for {@code api.openai.com}, else {@code max_tokens}
   */
  @Value.Default
  default String openAiMaxTokensField() {
    HttpUrl url = HttpUrl.parse(baseUrl());
    return url != null && url.host().equals("api.openai.com") ? "max_completion_tokens" : "max_tokens";
  }

  /**
   * The connect timeout.
   *
   * @return positive; {@link #DEFAULT_CONNECT_TIMEOUT} by default
   */
  @Value.Default
  default Duration connectTimeout() {
    return DEFAULT_CONNECT_TIMEOUT;
  }

  /**
   * The idle timeout: the longest silence between two reads, waiting for headers included. A stalled stream
   * fails with {@link dev.tradeoff.metrics.FailureKind#IDLE_TIMEOUT}.
   *
   * @return positive; {@link #DEFAULT_IDLE_TIMEOUT} by default
   */
  @Value.Default
  default Duration idleTimeout() {
    return DEFAULT_IDLE_TIMEOUT;
  }

  /**
   * The call timeout: the longest one attempt may take from start to the end of the stream.
   *
   * @return positive; {@link #DEFAULT_CALL_TIMEOUT} by default
   */
  @Value.Default
  default Duration callTimeout() {
    return DEFAULT_CALL_TIMEOUT;
  }

  /**
   * The retry policy.
   *
   * @return {@link RetryPolicy#none()} by default
   */
  @Value.Default
  default RetryPolicy retry() {
    return RetryPolicy.none();
  }

  /**
   * The limit on requests in flight, set on OkHttp's dispatcher both in total and per host.
   *
   * @return at least 1; {@link #DEFAULT_MAX_CONCURRENT_REQUESTS} by default
   */
  @Value.Default
  default int maxConcurrentRequests() {
    return DEFAULT_MAX_CONCURRENT_REQUESTS;
  }

  /**
   * The longest accepted SSE line, in bytes.
   *
   * @return at least 16; {@link dev.tradeoff.metrics.sse.SseReader#DEFAULT_MAX_LINE_BYTES} by default
   */
  @Value.Default
  default int maxLineBytes() {
    return SseReader.DEFAULT_MAX_LINE_BYTES;
  }

  /**
   * The largest accepted SSE event data, in bytes.
   *
   * @return at least 16; {@link dev.tradeoff.metrics.sse.SseReader#DEFAULT_MAX_EVENT_BYTES} by default
   */
  @Value.Default
  default int maxEventBytes() {
    return SseReader.DEFAULT_MAX_EVENT_BYTES;
  }

  /**
   * When to count tokens with a tokenizer.
   *
   * @return {@link TokenEstimation#ALWAYS} by default
   */
  @Value.Default
  default TokenEstimation tokenEstimation() {
    return TokenEstimation.ALWAYS;
  }

  /**
   * Prices each request from its usage.
   *
   * @return {@link RequestPricer#NONE} by default
   */
  @Value.Default
  @Value.Auxiliary
  default RequestPricer pricer() {
    return RequestPricer.NONE;
  }

  /** Checks every attribute, naming the one that is wrong. */
  @Value.Check
  default void check() {
    if (model().isBlank()) {
      throw new IllegalStateException("model must not be blank");
    }
    HttpUrl url = HttpUrl.parse(baseUrl());
    if (url == null) {
      throw new IllegalStateException("baseUrl must be an absolute http(s) URL, but was '" + safeUrl(baseUrl()) + "'");
    }
    if (url.querySize() > 0) {
      throw new IllegalStateException("baseUrl must not have a query (keys belong in headers), but had one");
    }
    requirePositive("connectTimeout", connectTimeout());
    requirePositive("idleTimeout", idleTimeout());
    requirePositive("callTimeout", callTimeout());
    if (maxConcurrentRequests() < 1) {
      throw new IllegalStateException("maxConcurrentRequests must be >= 1, but was " + maxConcurrentRequests());
    }
    if (maxLineBytes() < 16) {
      throw new IllegalStateException("maxLineBytes must be >= 16, but was " + maxLineBytes());
    }
    if (maxEventBytes() < 16) {
      throw new IllegalStateException("maxEventBytes must be >= 16, but was " + maxEventBytes());
    }
    for (Map.Entry<String, String> h : headers().entrySet()) {
      if (!h.getKey().matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
        throw new IllegalStateException("headers must have valid names, but found '" + h.getKey() + "'");
      }
      if (h.getValue().chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
        throw new IllegalStateException("header " + h.getKey() + " must not contain control characters");
      }
    }
    try {
      JsonNode extra = new ObjectMapper().readTree(extraBodyJson());
      if (extra == null || !extra.isObject()) {
        throw new IllegalStateException("extraBodyJson must be a JSON object, but was not");
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("extraBodyJson must be a JSON object, but did not parse: " + e.getOriginalMessage());
    }
  }

  private static void requirePositive(String name, Duration d) {
    if (d.isZero() || d.isNegative()) {
      throw new IllegalStateException(name + " must be positive, but was " + d);
    }
  }

  /** A URL for messages: no user info and no query (either could hold a secret). */
  private static String safeUrl(String url) {
    int q = url.indexOf('?');
    String noQuery = q < 0 ? url : url.substring(0, q) + "?…";
    return noQuery.replaceAll("//[^/@]*@", "//…@");
  }
}
