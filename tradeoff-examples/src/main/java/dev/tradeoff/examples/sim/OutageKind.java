package dev.tradeoff.examples.sim;

/**
 * What a model does to every request that arrives inside an {@link OutageWindow}.
 *
 * <pre>{@code
 * OutageWindow.of(Duration.ofMinutes(5), Duration.ofMinutes(7), OutageKind.OVERLOADED)
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public enum OutageKind {
  /** HTTP 500 with the provider's internal-error body ({@code server_error} / {@code api_error}). */
  SERVER_ERROR,
  /** Overloaded: HTTP 503 "engine is currently overloaded" on OpenAI formats, HTTP 529 {@code overloaded_error} on Anthropic. */
  OVERLOADED,
  /** HTTP 429 with a {@code Retry-After} header counting the whole seconds until the window ends (at least 1). */
  RATE_LIMITED,
  /** The server refuses the request: the TCP connection is reset (RST) without any response bytes. */
  CONNECTION_RESET
}
