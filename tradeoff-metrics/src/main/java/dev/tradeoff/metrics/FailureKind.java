package dev.tradeoff.metrics;

import java.util.Locale;

/**
 * Why a request failed, as a small closed set so error rates can be compared across providers and runs.
 *
 * <p>Each kind has a stable {@link #wireName()} used in result files ({@code "rate_limited"}).
 *
 * <pre>{@code
 * result.failure().map(f -> f.kind() == FailureKind.RATE_LIMITED).orElse(false);
 * }</pre>
 */
public enum FailureKind {
  /** HTTP 429. */
  RATE_LIMITED(true),
  /** Another HTTP 4xx (bad request, authentication, not found, ...). */
  HTTP_CLIENT_ERROR(false),
  /** HTTP 5xx, including Anthropic's 529 "overloaded". */
  HTTP_SERVER_ERROR(true),
  /** The server reported an error inside the stream after HTTP 200. */
  STREAM_ERROR(false),
  /** The body was not the promised event stream: malformed JSON in a chunk, an unexpected content type. */
  MALFORMED_STREAM(false),
  /** A line or an event exceeded the reader's size bound. */
  OVERSIZED_EVENT(false),
  /** The stream ended (cleanly at the transport level) before the wire format's terminal event. */
  TRUNCATED(false),
  /** No connection could be made (refused, DNS, TLS handshake). */
  CONNECTION_FAILED(true),
  /** The connection broke after it was established (reset, closed mid-body). */
  CONNECTION_RESET(false),
  /** No byte arrived for longer than the configured idle (read) timeout: the stream stalled. */
  IDLE_TIMEOUT(false),
  /** The whole call took longer than the configured call timeout. */
  CALL_TIMEOUT(false),
  /** The request was cancelled by the caller (client closed, run stopped). */
  CANCELLED(false),
  /** A bug in this library; the message names the exception. */
  INTERNAL(false);

  private final boolean retryableByDefault;

  FailureKind(boolean retryableByDefault) {
    this.retryableByDefault = retryableByDefault;
  }

  /**
   * The stable lower-case name used in result files, e.g. {@code "idle_timeout"}.
   *
   * @return the wire name
   */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Whether a retry policy retries this kind unless told otherwise: rate limits, server errors and failed
   * connections, which happen before any token was streamed.
   *
   * @return true if retryable by default
   */
  public boolean retryableByDefault() {
    return retryableByDefault;
  }
}
