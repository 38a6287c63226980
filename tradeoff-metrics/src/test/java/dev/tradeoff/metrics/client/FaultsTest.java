package dev.tradeoff.metrics.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeoff.metrics.EventKind;
import dev.tradeoff.metrics.Failure;
import dev.tradeoff.metrics.FailureKind;
import dev.tradeoff.metrics.RequestResult;
import dev.tradeoff.metrics.WireApi;
import dev.tradeoff.metrics.testing.Fixtures;
import dev.tradeoff.metrics.testing.Servers;
import dev.tradeoff.metrics.testing.TimedSseBody;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every fault ends in a recorded failure with its reason, leaves no connection in use (no leaked body) and
 * never hangs (each test is bounded by {@link Timeout}, far below the default timeouts).
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
final class FaultsTest {

  private MockWebServer server;
  private OkHttpClient base;
  private final List<TimedSseBody> stalled = new java.util.ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = Servers.loopback();
    base = new OkHttpClient();
  }

  @AfterEach
  void stop() throws InterruptedException {
    try {
      Servers.awaitNoConnectionInUse(base, Duration.ofSeconds(2));
    } finally {
      stalled.forEach(TimedSseBody::release);
      server.close();
    }
  }

  private ImmutableClientConfig.Builder config(WireApi api) {
    return ClientConfig.builder().api(api).model("fault-model").baseUrl(server.url("/v1").toString());
  }

  private RequestResult run(ClientConfig config) throws InterruptedException {
    try (LlmClient client = LlmClient.create(config, base)) {
      RequestResult r = client.execute(ChatRequest.ofUser("hello"));
      assertThat(client.inFlight()).isZero();
      return r;
    }
  }

  private static MockResponse sse(String body) {
    return new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(body).build();
  }

  @Test
  void connectionResetMidStream_failsWithConnectionResetAfterSomeEvents() throws Exception {
    String body = new String(Fixtures.bytes(Fixtures.OPENAI_CHAT_TEXT), StandardCharsets.UTF_8);
    // The socket closes after half of the declared Content-Length has been written.
    server.enqueue(sse(body).newBuilder().onResponseBody(new SocketEffect.CloseSocket()).build());

    RequestResult r = run(config(WireApi.OPENAI_CHAT).build());

    Failure f = r.failure().orElseThrow();
    assertThat(f.kind()).isEqualTo(FailureKind.CONNECTION_RESET);
    assertThat(f.message()).contains("mid-stream");
    assertThat(r.timeline().count(EventKind.CONTENT)).isBetween(1, 29);
    assertThat(r.httpStatus()).hasValue(200);
  }

  @Test
  void stalledStream_idleTimeoutFires() throws Exception {
    List<byte[]> events = TimedSseBody.splitEvents(Fixtures.bytes(Fixtures.ANTHROPIC_THINKING)).subList(0, 10);
    TimedSseBody body = new TimedSseBody(events, new long[events.size()]).stallAfterLast();
    stalled.add(body);
    server.enqueue(body.response());
    long start = System.nanoTime();

    RequestResult r = run(config(WireApi.ANTHROPIC_MESSAGES).idleTimeout(Duration.ofMillis(300)).build());

    Failure f = r.failure().orElseThrow();
    assertThat(f.kind()).isEqualTo(FailureKind.IDLE_TIMEOUT);
    assertThat(f.message()).contains("PT0.3S").contains("while streaming");
    assertThat(r.timeline().eventCount()).isEqualTo(10);
    assertThat(System.nanoTime() - start).isLessThan(Duration.ofSeconds(5).toNanos());
  }

  @Test
  void headersNeverArrive_idleTimeoutWaitingForHeaders() throws Exception {
    server.enqueue(sse("data: [DONE]\n\n").newBuilder().headersDelay(5, TimeUnit.SECONDS).build());

    RequestResult r = run(config(WireApi.OPENAI_CHAT).idleTimeout(Duration.ofMillis(200)).build());

    assertThat(r.failure().orElseThrow().kind()).isEqualTo(FailureKind.IDLE_TIMEOUT);
    assertThat(r.failure().orElseThrow().message()).contains("waiting for headers");
  }

  @Test
  void slowStreamPastCallTimeout_callTimeoutFires() throws Exception {
    List<byte[]> events = TimedSseBody.splitEvents(Fixtures.bytes(Fixtures.OPENAI_CHAT_TEXT));
    long[] offsets = new long[events.size()];
    for (int i = 0; i < offsets.length; i++) {
      offsets[i] = i * 50_000_000L; // 50 ms apart: never idle, but 1.6 s in all
    }
    server.enqueue(new TimedSseBody(events, offsets).response());

    RequestResult r =
        run(config(WireApi.OPENAI_CHAT).idleTimeout(Duration.ofSeconds(2)).callTimeout(Duration.ofMillis(400)).build());

    assertThat(r.failure().orElseThrow().kind()).isEqualTo(FailureKind.CALL_TIMEOUT);
    assertThat(r.timeline().eventCount()).isBetween(2, 12);
  }

  @Test
  void malformedJsonChunk_failsWithMalformedStreamNamingTheData() throws Exception {
    server.enqueue(sse(
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"ok\"}}]}\n\n"
            + "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"br\n\n"
            + "data: [DONE]\n\n"));

    RequestResult r = run(config(WireApi.OPENAI_CHAT).build());

    Failure f = r.failure().orElseThrow();
    assertThat(f.kind()).isEqualTo(FailureKind.MALFORMED_STREAM);
    assertThat(f.message()).contains("malformed event data").contains("\"content\":\"br");
    assertThat(r.timeline().count(EventKind.CONTENT)).isEqualTo(1);
  }

  @Test
  void oversizedLine_failsWithOversizedEvent() throws Exception {
    server.enqueue(sse("data: {\"choices\":[{\"delta\":{\"content\":\"" + "x".repeat(20_000) + "\"}}]}\n\ndata: [DONE]\n\n"));

    RequestResult r = run(config(WireApi.OPENAI_CHAT).maxLineBytes(4096).build());

    Failure f = r.failure().orElseThrow();
    assertThat(f.kind()).isEqualTo(FailureKind.OVERSIZED_EVENT);
    assertThat(f.message()).contains("maxLineBytes=4096");
  }

  @Test
  void http429WithRetryAfter_withoutRetries_recordsRateLimitAndDelay() throws Exception {
    server.enqueue(new MockResponse.Builder()
        .code(429)
        .addHeader("Retry-After", "7")
        .addHeader("Content-Type", "application/json")
        .body("{\"error\":{\"message\":\"Rate limit reached for requests\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}")
        .build());

    RequestResult r = run(config(WireApi.OPENAI_CHAT).build());

    Failure f = r.failure().orElseThrow();
    assertThat(f.kind()).isEqualTo(FailureKind.RATE_LIMITED);
    assertThat(f.type()).isEqualTo("requests");
    assertThat(f.message()).isEqualTo("HTTP 429: Rate limit reached for requests");
    assertThat(f.httpStatus()).hasValue(429);
    assertThat(f.retryAfter()).contains(Duration.ofSeconds(7));
    assertThat(r.attempts()).isEqualTo(1);
  }

  @Test
  void http429WithRetryAfter_retryPolicy_waitsAsToldThenSucceeds() throws Exception {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "1").build());
    server.enqueue(sse(new String(Fixtures.bytes(Fixtures.OPENAI_CHAT_USAGE_DETAILS), StandardCharsets.UTF_8)));

    RequestResult r = run(config(WireApi.OPENAI_CHAT).retry(RetryPolicy.builder().maxAttempts(2).build()).build());

    assertThat(r.failure()).isEmpty();
    assertThat(r.attempts()).isEqualTo(2);
    assertThat(r.httpStatus()).hasValue(200);
    // latency counts from the first send, so the second's wait is inside TTFT
    assertThat(r.timeline().ttftContentNanos().getAsLong()).isGreaterThanOrEqualTo(Duration.ofMillis(990).toNanos());
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void http429WithRetryAfterBeyondCap_givesUpAtOnce() throws Exception {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("retry-after-ms", "120000").build());

    RequestResult r = run(config(WireApi.OPENAI_CHAT)
        .retry(RetryPolicy.builder().maxAttempts(3).maxRetryAfter(Duration.ofSeconds(10)).build())
        .build());

    assertThat(r.failure().orElseThrow().retryAfter()).contains(Duration.ofMinutes(2));
    assertThat(r.attempts()).isEqualTo(1);
    assertThat(r.timeline().e2eNanos()).isLessThan(Duration.ofSeconds(2).toNanos());
  }

  @Test
  void http500WithErrorBody_recordsServerErrorWithProviderMessage() throws Exception {
    server.enqueue(new MockResponse.Builder()
        .code(500)
        .addHeader("Content-Type", "application/json")
        .body("{\"error\":{\"message\":\"The server had an error while processing your request.\",\"type\":\"server_error\"}}")
        .build());

    RequestResult r = run(config(WireApi.OPENAI_CHAT).build());

    Failure f = r.failure().orElseThrow();
    assertThat(f.kind()).isEqualTo(FailureKind.HTTP_SERVER_ERROR);
    assertThat(f.type()).isEqualTo("server_error");
    assertThat(f.message()).isEqualTo("HTTP 500: The server had an error while processing your request.");
    assertThat(f.httpStatus()).hasValue(500);
  }

  @Test
  void http500_retryPolicyWithBackoff_retriesThenRecordsLastFailure() throws Exception {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder().code(503).body("upstream unavailable").build());
    }

    RequestResult r = run(config(WireApi.OPENAI_CHAT)
        .retry(RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(20)).build())
        .build());

    assertThat(r.failure().orElseThrow().kind()).isEqualTo(FailureKind.HTTP_SERVER_ERROR);
    assertThat(r.failure().orElseThrow().message()).isEqualTo("HTTP 503: upstream unavailable");
    assertThat(r.attempts()).isEqualTo(3);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void anthropic529Overloaded_isServerErrorWithProviderType() throws Exception {
    server.enqueue(new MockResponse.Builder()
        .code(529)
        .addHeader("Content-Type", "application/json")
        .body("{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}")
        .build());

    RequestResult r = run(config(WireApi.ANTHROPIC_MESSAGES).build());

    assertThat(r.failure().orElseThrow().kind()).isEqualTo(FailureKind.HTTP_SERVER_ERROR);
    assertThat(r.failure().orElseThrow().type()).isEqualTo("overloaded_error");
  }

  @Test
  void midStreamErrorEvent_groqTranscript_streamErrorWithProviderTypeAndPartialTimeline() throws Exception {
    server.enqueue(sse(new String(Fixtures.bytes(Fixtures.GROQ_ERROR), StandardCharsets.UTF_8)));

    RequestResult r = run(config(WireApi.OPENAI_CHAT).build());

    Failure f = r.failure().orElseThrow();
    assertThat(f.kind()).isEqualTo(FailureKind.STREAM_ERROR);
    assertThat(f.type()).isEqualTo("invalid_request_error");
    assertThat(r.httpStatus()).hasValue(200);
    assertThat(r.timeline().count(EventKind.REASONING)).isEqualTo(93);
    assertThat(r.timeline().ttftAnyNanos()).isPresent();
    assertThat(r.timeline().ttftContentNanos()).isEmpty();
    // no usage from the server: the tokenizer estimate stands in, flagged
    assertThat(r.usage().orElseThrow().estimated()).isTrue();
    assertThat(r.usage().orElseThrow().outputTokens()).isPositive();
  }

  @Test
  void anthropicOverloadedErrorEvent_streamError() throws Exception {
    server.enqueue(sse(new String(Fixtures.bytes(Fixtures.ANTHROPIC_ERROR), StandardCharsets.UTF_8)));

    RequestResult r = run(config(WireApi.ANTHROPIC_MESSAGES).build());

    assertThat(r.failure().orElseThrow().type()).isEqualTo("overloaded_error");
    assertThat(r.failure().orElseThrow().message()).isEqualTo("Overloaded");
    assertThat(r.usage()).isEmpty();
  }

  @Test
  void anthropicTranscriptTruncatedAtEof_truncatedWithUsageKept() throws Exception {
    server.enqueue(sse(new String(Fixtures.bytes(Fixtures.ANTHROPIC_BASIC), StandardCharsets.UTF_8)));

    RequestResult r = run(config(WireApi.ANTHROPIC_MESSAGES).build());

    Failure f = r.failure().orElseThrow();
    assertThat(f.kind()).isEqualTo(FailureKind.TRUNCATED);
    assertThat(f.message()).isEqualTo("stream ended before message_stop (the last event was cut off)");
    assertThat(r.timeline().eventCount()).isEqualTo(8);
    assertThat(r.usage().orElseThrow().outputTokens()).isEqualTo(6);
  }

  @Test
  void jsonBodyWith200_isMalformedStream() throws Exception {
    server.enqueue(new MockResponse.Builder()
        .addHeader("Content-Type", "application/json")
        .body("{\"id\":\"x\",\"choices\":[]}")
        .build());

    RequestResult r = run(config(WireApi.OPENAI_CHAT).build());

    assertThat(r.failure().orElseThrow().kind()).isEqualTo(FailureKind.MALFORMED_STREAM);
    assertThat(r.failure().orElseThrow().message()).startsWith("expected text/event-stream but got application/json");
  }

  @Test
  void connectionRefused_connectionFailed() throws Exception {
    MockWebServer closed = Servers.loopback();
    String url = closed.url("/v1").toString();
    closed.close();

    RequestResult r = run(ClientConfig.builder().api(WireApi.OPENAI_CHAT).model("m").baseUrl(url).build());

    assertThat(r.failure().orElseThrow().kind()).isEqualTo(FailureKind.CONNECTION_FAILED);
    assertThat(r.httpStatus()).isEmpty();
    assertThat(r.timeline().responseHeadersNanos()).isEmpty();
  }

  @Test
  void closeWhileStreaming_cancelledPromptly() throws Exception {
    List<byte[]> events = TimedSseBody.splitEvents(Fixtures.bytes(Fixtures.OPENAI_CHAT_TEXT));
    TimedSseBody body = new TimedSseBody(events.subList(0, 3), new long[3]).stallAfterLast();
    stalled.add(body);
    server.enqueue(body.response());
    LlmClient client = LlmClient.create(config(WireApi.OPENAI_CHAT).build(), base);
    var future = client.submit(ChatRequest.ofUser("hi"));
    Thread.sleep(200);

    client.close();
    RequestResult r = future.get(5, TimeUnit.SECONDS);

    assertThat(r.failure().orElseThrow().kind()).isEqualTo(FailureKind.CANCELLED);
  }

  @Test
  void successfulStream_returnsConnectionToPool() throws Exception {
    server.enqueue(sse(new String(Fixtures.bytes(Fixtures.OPENAI_CHAT_USAGE_DETAILS), StandardCharsets.UTF_8)));
    server.enqueue(sse(new String(Fixtures.bytes(Fixtures.OPENAI_CHAT_USAGE_DETAILS), StandardCharsets.UTF_8)));

    try (LlmClient client = LlmClient.create(config(WireApi.OPENAI_CHAT).build(), base)) {
      assertThat(client.execute(ChatRequest.ofUser("a")).succeeded()).isTrue();
      assertThat(client.execute(ChatRequest.ofUser("b")).succeeded()).isTrue();
    }
    RecordedRequest first = server.takeRequest();
    RecordedRequest second = server.takeRequest();
    assertThat(second.getConnectionIndex()).isEqualTo(first.getConnectionIndex()); // reused, not leaked
  }
}
