package dev.tradeoff.metrics.client;

import dev.tradeoff.metrics.RequestResult;
import dev.tradeoff.metrics.internal.OkHttpLlmClient;
import java.io.Closeable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import okhttp3.OkHttpClient;

/**
 * A streaming client for one model of one provider, measuring every request.
 *
 * <p>Each request is sent with streaming on (and, for OpenAI Chat, {@code stream_options.include_usage}), read
 * event by event with a {@link dev.tradeoff.metrics.sse.SseReader}, classified by a {@link
 * dev.tradeoff.metrics.sse.StreamDecoder} and timed by a {@link dev.tradeoff.metrics.StreamMeter}. It always
 * ends in a {@link RequestResult}: HTTP errors, errors inside the stream, resets, stalls, malformed or
 * oversized events and truncated streams become a {@link dev.tradeoff.metrics.Failure} with its kind and
 * reason — the returned future never completes exceptionally for them. The response body is closed on every
 * path, so a failure never leaks a connection.
 *
 * <p>Thread-safe: submit from any thread; requests run on the client's own threads (OkHttp's dispatcher, with
 * its limits raised to {@link ClientConfig#maxConcurrentRequests()} so the client never queues silently).
 * Close the client to cancel what is in flight and release its threads.
 *
 * <pre>{@code
 * try (LlmClient client = LlmClient.create(ClientConfig.builder()
 *     .api(WireApi.OPENAI_CHAT).model("gpt-4o-mini").apiKey(ApiKey.fromEnv("OPENAI_API_KEY")).build())) {
 *   RequestResult r = client.execute(ChatRequest.ofUser("Where is my parcel?"));
 *   System.out.println(r.timeline().ttftContentNanos());
 * }
 * }</pre>
 */
public interface LlmClient extends Closeable {

  /**
   * A client with its own OkHttp connection pool and dispatcher.
   *
   * @param config the configuration
   * @return a new client; close it when done
   */
  static LlmClient create(ClientConfig config) {
    return OkHttpLlmClient.create(config);
  }

  /**
   * A client sharing {@code base}'s connection pool (and anything else configured on it, such as TLS settings
   * or interceptors). It still gets its own dispatcher with raised limits and its own timeouts.
   *
   * @param config the configuration
   * @param base the client to derive from; not closed by this client
   * @return a new client; close it when done
   */
  static LlmClient create(ClientConfig config, OkHttpClient base) {
    return OkHttpLlmClient.create(config, base);
  }

  /**
   * The configuration.
   *
   * @return the configuration
   */
  ClientConfig config();

  /**
   * Sends a request now.
   *
   * @param request the request
   * @return the result, completed when the stream ends or fails
   * @throws IllegalStateException if the client is closed
   */
  default CompletableFuture<RequestResult> submit(ChatRequest request) {
    return submit(request, System.nanoTime());
  }

  /**
   * Sends a request now that a schedule intended to send at {@code intendedStartNanos}; latencies are also
   * measured from that time (see {@link dev.tradeoff.metrics.StreamTimeline}).
   *
   * @param request the request
   * @param intendedStartNanos the intended send time ({@link System#nanoTime()})
   * @return the result, completed when the stream ends or fails
   * @throws IllegalStateException if the client is closed
   */
  CompletableFuture<RequestResult> submit(ChatRequest request, long intendedStartNanos);

  /**
   * Hands a request over now to be sent at {@code sendAtNanos}, the way a load generator wants it: the client's
   * thread for the request is woken now, does the client's own work for it — finding a connection, building the
   * request — up to 5 ms before the given time, and writes it at that time (it parks, then spins the last
   * 80 µs), so waking that thread (tens of microseconds on an idle machine, milliseconds on a busy one) and the
   * client's work happen before the send instead of inside the measured latency. The intended start is {@code
   * sendAtNanos}; the actual start is when the thread sends, and the difference is the request's scheduler lag.
   * If the thread is late instead (the hand-off took longer than the lead, or the request queued behind {@link
   * ClientConfig#maxConcurrentRequests()}), the start stays at {@code sendAtNanos} and the delay is client queue
   * time, inside every latency. A connection the request must open is opened in those last 5 ms, so up to 5 ms of
   * its set-up can fall before the send and go unmeasured; the rest of a slower set-up is measured. A time already
   * past when this is called sends at once, as {@link #submit(ChatRequest, long)} does. Hand requests over a few
   * milliseconds ahead: the thread waits for the time, so handing over much earlier only holds threads.
   *
   * @param request the request
   * @param sendAtNanos when to send ({@link System#nanoTime()})
   * @return the result, completed when the stream ends or fails
   * @throws IllegalStateException if the client is closed
   */
  CompletableFuture<RequestResult> submitAt(ChatRequest request, long sendAtNanos);

  /**
   * Sends a request and waits for its result.
   *
   * @param request the request
   * @return the result
   * @throws InterruptedException if the waiting thread is interrupted
   * @throws IllegalStateException if the client is closed
   */
  default RequestResult execute(ChatRequest request) throws InterruptedException {
    try {
      return submit(request).get();
    } catch (ExecutionException e) {
      // Only a bug in this library gets here: failures are results.
      throw new IllegalStateException("request failed unexpectedly: " + e.getCause(), e.getCause());
    }
  }

  /**
   * How many requests are in flight (sent or waiting for a retry) right now.
   *
   * @return the count
   */
  int inFlight();

  /** Cancels requests in flight (their results fail with {@code CANCELLED}) and releases threads. Idempotent. */
  @Override
  void close();
}
