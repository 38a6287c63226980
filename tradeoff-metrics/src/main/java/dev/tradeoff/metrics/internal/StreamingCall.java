package dev.tradeoff.metrics.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradeoff.metrics.EventKind;
import dev.tradeoff.metrics.Failure;
import dev.tradeoff.metrics.FailureKind;
import dev.tradeoff.metrics.ImmutableFailure;
import dev.tradeoff.metrics.RequestResult;
import dev.tradeoff.metrics.StreamMeter;
import dev.tradeoff.metrics.StreamTimeline;
import dev.tradeoff.metrics.TokenUsage;
import dev.tradeoff.metrics.client.ChatRequest;
import dev.tradeoff.metrics.client.ClientConfig;
import dev.tradeoff.metrics.client.RetryPolicy;
import dev.tradeoff.metrics.client.TokenEstimation;
import dev.tradeoff.metrics.sse.SseFormatException;
import dev.tradeoff.metrics.sse.SseReader;
import dev.tradeoff.metrics.sse.StreamDecoder;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request through all its attempts: sends, reads the stream on the dispatcher thread that delivers the
 * response, and completes its future exactly once with a {@link RequestResult}.
 *
 * <p>Threading: the meter and decoder are touched only by the thread running the current attempt's callback;
 * attempts follow each other through executor hand-offs (happens-before). {@link #cancel()} from another
 * thread only cancels the OkHttp call, or completes a request that is waiting for a retry.
 */
final class StreamingCall implements Callback {

  private static final Logger log = LoggerFactory.getLogger(StreamingCall.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** The most of an error body read: enough for any provider's JSON error, bounded against abuse. */
  private static final long MAX_ERROR_BODY_BYTES = 64 * 1024;
  private static final int MAX_MESSAGE_CHARS = 500;
  /** The longest provider request id kept: ids are tens of characters; a longer header is not an id. */
  private static final int MAX_REQUEST_ID_CHARS = 200;

  private final OkHttpLlmClient client;
  private final ChatRequest request;
  private final byte[] body;
  /** Replaced once, before the first event, when a timed request is actually sent (see {@link #awaitSendTime}). */
  private volatile StreamMeter meter;
  /** {@link OkHttpLlmClient#submitAt}: the first attempt to reach the network waits for {@link #intendedNanos}. */
  private volatile boolean timed;
  private final long intendedNanos;
  private final CompletableFuture<RequestResult> future = new CompletableFuture<>();
  private final StreamDecoder decoder;
  /** The client's pool shard all attempts go through; released once, when the result is complete. */
  private final int shard;

  private int attempt;
  private volatile Call call;
  private volatile boolean waitingForRetry;
  private boolean done;
  private OptionalInt httpStatus = OptionalInt.empty();
  private Optional<String> providerRequestId = Optional.empty();

  // Written by OkHttp's event listener on the attempt's thread.
  volatile boolean connected;
  volatile long headersNanos = Long.MIN_VALUE;
  private volatile long requestSentNanos = Long.MIN_VALUE;

  StreamingCall(
      OkHttpLlmClient client, ChatRequest request, byte[] body, long intendedNanos, long startNanos, boolean timed) {
    this.client = client;
    this.request = request;
    this.body = body;
    this.intendedNanos = intendedNanos;
    this.timed = timed;
    this.meter = StreamMeter.start(intendedNanos, startNanos);
    this.decoder =
        StreamDecoder.create(client.config.api()).collectText(client.config.tokenEstimation() != TokenEstimation.NEVER);
    this.shard = client.acquireShard();
  }

  CompletableFuture<RequestResult> future() {
    return future;
  }

  void requestSent(long nanos) {
    if (requestSentNanos == Long.MIN_VALUE) {
      requestSentNanos = nanos;
    }
  }

  void startAttempt() {
    waitingForRetry = false;
    if (client.closed) {
      complete(Failure.of(FailureKind.CANCELLED, "client closed"), System.nanoTime());
      return;
    }
    attempt++;
    connected = false;
    Call c = client.shard(shard).newCall(client.newRequest(body, this));
    call = c;
    try {
      c.enqueue(this);
    } catch (RejectedExecutionException e) {
      complete(Failure.of(FailureKind.CANCELLED, "client closed"), System.nanoTime());
    }
  }

  /**
   * How long before its send time a timed request leaves the first application interceptor ({@link
   * #approachSendTime}) for the last network interceptor ({@link #awaitSendTime}). OkHttp's work in between —
   * finding a pooled connection, building the network request — takes tens of microseconds, and on a busy
   * machine sometimes milliseconds; done before the send time, it stays out of the measured latency. One sleep
   * covers the rest: a request handed over less than this ahead (the load runner's 5 ms) does that work at once
   * and then sleeps until its send time; a second sleep, shortly before the send, would add a second wake-up,
   * late by up to milliseconds on a busy machine (measured at 1,000 streams: client queue p99 0.5–1.6 ms with a
   * 1 ms window, 0.03–0.09 ms with this one). The window also bounds what it may hide or hold: at most this long
   * of a new connection's set-up goes unmeasured (a longer one makes the request late, and the rest is measured
   * as client queue time), and a pooled connection is held idle at most this long before the request is written
   * on it.
   */
  static final long PRE_SEND_NANOS = 5_000_000L;

  /**
   * In the first application interceptor, on the dispatcher thread: a timed request's first attempt that is here
   * more than {@link #PRE_SEND_NANOS} before its send time sleeps until then. The meter is not touched.
   */
  void approachSendTime() {
    if (!timed) {
      return;
    }
    try {
      Pacing.parkUntil(intendedNanos - PRE_SEND_NANOS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // send now; OkHttp reports the interrupt as this call's failure
    }
  }

  /**
   * In the last network interceptor, with the connection in hand and nothing left but writing the request: a
   * timed request's first attempt that is here before its send time waits for it (park, then spin the last
   * 80 µs) and restarts the meter at the moment it proceeds (start = send time plus the wake-up's overshoot,
   * microseconds). One that gets here late — the hand-off took longer than the lead, the dispatcher queued it
   * behind {@code maxConcurrentRequests}, or OkHttp's work or a new connection took longer than the time left —
   * keeps start = send time: the client held the request from then on, so the delay is client queue time,
   * visible and inside every latency, as for {@link OkHttpLlmClient#submit}. Nothing else has touched the meter
   * yet; retries do not wait again.
   */
  void awaitSendTime() {
    if (!timed) {
      return;
    }
    timed = false;
    if (System.nanoTime() - intendedNanos >= 0) {
      return;
    }
    try {
      Pacing.waitUntil(intendedNanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // send now; OkHttp reports the interrupt as this call's failure
    }
    meter = StreamMeter.start(intendedNanos, System.nanoTime());
  }

  /** From {@link OkHttpLlmClient#close()}. */
  void cancel() {
    Call c = call;
    if (c != null) {
      c.cancel();
    }
    if (waitingForRetry) {
      complete(Failure.of(FailureKind.CANCELLED, "client closed while waiting to retry"), System.nanoTime());
    }
  }

  @Override
  public void onFailure(Call c, IOException e) {
    try {
      Failure f = classify(c, e, false);
      if (!maybeRetry(f)) {
        complete(f, System.nanoTime());
      }
    } catch (RuntimeException bug) {
      internalError(bug);
    }
  }

  @Override
  public void onResponse(Call c, Response response) {
    // try-with-resources: the body is closed on every path, so no failure leaks a connection.
    try (Response r = response) {
      meter.responseHeaders(headersNanos != Long.MIN_VALUE ? headersNanos : System.nanoTime());
      httpStatus = OptionalInt.of(r.code());
      providerRequestId = providerRequestId(r);
      if (!r.isSuccessful()) {
        Failure f = httpFailure(r);
        if (!maybeRetry(f)) {
          complete(f, System.nanoTime());
        }
        return;
      }
      ResponseBody responseBody = r.body();
      MediaType type = responseBody.contentType();
      if (type != null && !("text".equals(type.type()) && "event-stream".equals(type.subtype()))) {
        complete(unexpectedContentType(type, responseBody), System.nanoTime());
        return;
      }
      readStream(responseBody.source());
    } catch (IOException e) {
      complete(classify(c, e, true), System.nanoTime());
    } catch (RuntimeException bug) {
      internalError(bug);
    }
  }

  private void readStream(BufferedSource source) throws IOException {
    ClientConfig config = client.config;
    SseReader reader = SseReader.of(source, config.maxLineBytes(), config.maxEventBytes());
    while (reader.next()) {
      EventKind kind = decoder.decode(reader);
      long t = reader.receivedNanos();
      meter.event(kind, t);
      if (kind == EventKind.ERROR) {
        complete(decoder.failure().orElseThrow(), t);
        return;
      }
      if (decoder.endOfStream()) {
        complete(null, t);
        return;
      }
    }
    long end = System.nanoTime();
    if (decoder.complete()) {
      complete(null, end);
    } else {
      String how = reader.endedInsideEvent() ? " (the last event was cut off)" : "";
      complete(
          Failure.of(FailureKind.TRUNCATED, "stream ended before " + decoder.terminalEventName() + how), end);
    }
  }

  private Optional<String> providerRequestId(Response r) {
    String id = r.header("x-request-id");
    if (id == null) {
      id = r.header("request-id");
    }
    if (id == null || id.isBlank()) {
      return Optional.empty();
    }
    String stripped = id.strip();
    String kept =
        stripped.length() <= MAX_REQUEST_ID_CHARS ? stripped : stripped.substring(0, MAX_REQUEST_ID_CHARS) + "…";
    return Optional.of(client.redactor.redact(kept));
  }

  private Failure classify(Call c, IOException e, boolean duringBody) {
    String detail = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    if (e instanceof SseFormatException) {
      SseFormatException f = (SseFormatException) e;
      FailureKind kind =
          f.reason() == SseFormatException.Reason.MALFORMED_DATA ? FailureKind.MALFORMED_STREAM : FailureKind.OVERSIZED_EVENT;
      return Failure.of(kind, e.getMessage());
    }
    if (client.closed) {
      return Failure.of(FailureKind.CANCELLED, "client closed (" + detail + ")");
    }
    if (e instanceof SocketTimeoutException) {
      if (!connected && !duringBody) {
        return Failure.of(FailureKind.CONNECTION_FAILED, "connect timed out after " + client.config.connectTimeout());
      }
      return Failure.of(
          FailureKind.IDLE_TIMEOUT,
          "no data for " + client.config.idleTimeout() + (duringBody ? " while streaming" : " waiting for headers"));
    }
    if (e instanceof InterruptedIOException && "timeout".equals(e.getMessage())) {
      return Failure.of(FailureKind.CALL_TIMEOUT, "call exceeded " + client.config.callTimeout());
    }
    if (c.isCanceled()) {
      return Failure.of(FailureKind.CANCELLED, "call cancelled (" + detail + ")");
    }
    if (e instanceof UnknownHostException
        || e instanceof ConnectException
        || e instanceof NoRouteToHostException
        || e instanceof SSLHandshakeException
        || (!connected && !duringBody)) {
      return Failure.of(FailureKind.CONNECTION_FAILED, detail);
    }
    return Failure.of(FailureKind.CONNECTION_RESET, detail + (duringBody ? " (mid-stream)" : ""));
  }

  private Failure httpFailure(Response r) {
    int status = r.code();
    FailureKind kind =
        status == 429 ? FailureKind.RATE_LIMITED : status >= 500 ? FailureKind.HTTP_SERVER_ERROR : FailureKind.HTTP_CLIENT_ERROR;
    String text = readBounded(r.body());
    String type = "http_" + status;
    String message = text.isBlank() ? "HTTP " + status : truncate(text.strip());
    try {
      JsonNode root = text.isBlank() ? null : MAPPER.readTree(text);
      JsonNode error = root == null ? null : root.path("error");
      if (error != null && error.isObject()) {
        // OpenAI / Anthropic: {"error":{"type","message"}}; Gemini: {"error":{"code","message","status"}}
        String t = firstText(error, "type", "status", "code");
        if (t != null) {
          type = t;
        }
        String m = firstText(error, "message");
        if (m != null) {
          message = m;
        }
      } else if (error != null && error.isTextual()) {
        message = error.asText();
      }
    } catch (IOException notJson) {
      // keep the raw text as the message
    }
    ImmutableFailure.Builder b =
        Failure.builder().kind(kind).type(type).message("HTTP " + status + ": " + message).httpStatus(status);
    RetryAfter.parse(r.headers(), Instant.now()).ifPresent(b::retryAfter);
    return b.build();
  }

  private Failure unexpectedContentType(MediaType type, ResponseBody responseBody) {
    String text = readBounded(responseBody);
    try {
      JsonNode error = MAPPER.readTree(text).path("error");
      if (error.isObject()) {
        String t = firstText(error, "type", "status", "code");
        String m = firstText(error, "message");
        return Failure.of(FailureKind.STREAM_ERROR, t != null ? t : "error", m != null ? m : truncate(text));
      }
    } catch (IOException | RuntimeException notJson) {
      // fall through
    }
    return Failure.of(
        FailureKind.MALFORMED_STREAM, "expected text/event-stream but got " + type + ": " + truncate(text.strip()));
  }

  private static String firstText(JsonNode node, String... fields) {
    for (String f : fields) {
      JsonNode v = node.get(f);
      if (v != null && (v.isTextual() || v.isNumber()) && !v.asText().isEmpty()) {
        return v.asText();
      }
    }
    return null;
  }

  private static String readBounded(ResponseBody responseBody) {
    try {
      BufferedSource source = responseBody.source();
      source.request(MAX_ERROR_BODY_BYTES);
      long n = Math.min(source.getBuffer().size(), MAX_ERROR_BODY_BYTES);
      return source.getBuffer().readString(n, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private static String truncate(String s) {
    return s.length() <= MAX_MESSAGE_CHARS ? s : s.substring(0, MAX_MESSAGE_CHARS) + "…";
  }

  /** Schedules another attempt if the policy allows; returns false if the failure is final. */
  private boolean maybeRetry(Failure f) {
    RetryPolicy policy = client.config.retry();
    if (attempt >= policy.maxAttempts() || !policy.retryOn().contains(f.kind()) || client.closed) {
      return false;
    }
    Duration delay;
    if (policy.honourRetryAfter() && f.retryAfter().isPresent()) {
      delay = f.retryAfter().get();
      if (delay.compareTo(policy.maxRetryAfter()) > 0) {
        return false; // the server asked for more patience than we have
      }
    } else {
      double factor = Math.pow(policy.backoffMultiplier(), attempt - 1);
      delay = Duration.ofNanos((long) Math.min(policy.initialBackoff().toNanos() * factor, Long.MAX_VALUE / 2.0));
    }
    waitingForRetry = true;
    try {
      client.retryScheduler.schedule(this::startAttempt, delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException closed) {
      waitingForRetry = false;
      return false;
    }
    log.debug("request {} attempt {} failed with {}; retrying in {}", request.id(), attempt, f.kind(), delay);
    return true;
  }

  private void internalError(RuntimeException bug) {
    log.error("bug while measuring request {}", request.id(), bug);
    complete(Failure.of(FailureKind.INTERNAL, bug.toString()), System.nanoTime());
  }

  private synchronized void complete(Failure failure, long endNanos) {
    if (done) {
      return;
    }
    done = true;
    waitingForRetry = false;
    client.releaseShard(shard);
    try {
      long sent = requestSentNanos;
      if (sent != Long.MIN_VALUE) {
        meter.requestSent(sent);
      }
      StreamTimeline timeline = meter.finish(endNanos);
      Optional<TokenUsage> usage = usage(timeline);
      Optional<Failure> redacted =
          Optional.ofNullable(failure)
              .map(
                  f ->
                      Failure.builder()
                          .from(f)
                          .message(client.redactor.redact(f.message()))
                          .type(client.redactor.redact(f.type()))
                          .build());
      RequestResult result =
          RequestResult.builder()
              .api(client.config.api())
              .model(client.config.model())
              .requestId(request.id())
              .timeline(timeline)
              .usage(usage)
              .failure(redacted)
              .httpStatus(httpStatus)
              .finishReason(decoder.finishReason())
              .providerRequestId(providerRequestId)
              .attempts(Math.max(1, attempt))
              .costUsd(usage.flatMap(this::price))
              .build();
      if (redacted.isPresent() && log.isDebugEnabled()) {
        log.debug(
            "request {} to {} failed: {} ({})",
            request.id(),
            client.config.model(),
            redacted.get().kind().wireName(),
            redacted.get().message());
      }
      client.finished(this);
      future.complete(result);
    } catch (RuntimeException bug) {
      client.finished(this);
      log.error("bug while completing request {}", request.id(), bug);
      future.completeExceptionally(bug);
    }
  }

  private Optional<TokenUsage> usage(StreamTimeline timeline) {
    Optional<TokenUsage> reported = decoder.usage();
    TokenEstimation mode = client.config.tokenEstimation();
    if (mode == TokenEstimation.NEVER) {
      return reported;
    }
    if (reported.isPresent()) {
      if (mode != TokenEstimation.ALWAYS) {
        return reported;
      }
      long estimate = client.estimator.count(decoder.generatedText());
      return Optional.of(TokenUsage.builder().from(reported.get()).estimatedOutputTokens(estimate).build());
    }
    if (timeline.tokenEventCount() == 0) {
      return Optional.empty(); // nothing was generated; an input-only estimate would only mislead
    }
    long out = client.estimator.count(decoder.generatedText());
    return Optional.of(
        TokenUsage.builder()
            .inputTokens(client.estimator.countPrompt(request.messages()))
            .outputTokens(out)
            .estimatedOutputTokens(out)
            .estimated(true)
            .build());
  }

  private Optional<BigDecimal> price(TokenUsage usage) {
    try {
      return client.config.pricer().costUsd(client.config.model(), usage);
    } catch (RuntimeException e) {
      log.warn("pricer threw for model {}; cost left unknown", client.config.model(), e);
      return Optional.empty();
    }
  }
}
