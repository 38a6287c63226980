package dev.tradeoff.examples.sim;

import java.util.Objects;

/**
 * When the simulator received one streamed request and when it wrote that response's first token event, as
 * recorded by {@link SimulatedProvider#traceFirstTokens(boolean)}: what it actually injected, as opposed to what
 * its profile asked for. A load generator's time to first token for this request, minus {@link
 * #injectedNanos()}, is that generator's own measurement error (plus the loopback's transfer, microseconds).
 *
 * <p>All instants are {@link System#nanoTime()} readings of the simulator's JVM; only differences between them
 * mean anything outside it.
 *
 * @param requestId the id the response carried ({@code x-request-id} on OpenAI formats, {@code request-id} on
 *     Anthropic's), which the client sees as {@code RequestResult.providerRequestId()}
 * @param receivedNanos when the request arrived, the instant its response is planned from: for a request read in
 *     one go, when its first bytes became readable, as seen by the server's thread that only waits for requests
 *     (its event loops, busy writing tokens, may read it a little later); for one that came in parts, when its
 *     last part was read
 * @param dueNanos when the profile scheduled the first token event (the response head goes out at once)
 * @param writtenNanos when the event loop handed the first token event to the socket: from up to 250 µs before
 *     {@code dueNanos} (a loop writes every step due within that window together) to however late the loop was
 */
public record FirstTokenTiming(String requestId, long receivedNanos, long dueNanos, long writtenNanos) {

  /** Validates the id. */
  public FirstTokenTiming {
    Objects.requireNonNull(requestId, "requestId");
  }

  /** The delay the simulator actually put before the first token: {@code writtenNanos - receivedNanos}. */
  public long injectedNanos() {
    return writtenNanos - receivedNanos;
  }

  /** How late the first token went out against its schedule (negative when early): {@code writtenNanos - dueNanos}. */
  public long latenessNanos() {
    return writtenNanos - dueNanos;
  }
}
