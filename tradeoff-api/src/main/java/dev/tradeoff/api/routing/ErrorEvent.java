package dev.tradeoff.api.routing;

import dev.tradeoff.metrics.FailureKind;
import java.util.Objects;

/**
 * The last failure a candidate reported: its kind, message and when it happened on the router's {@link
 * NanoClock}.
 *
 * <pre>{@code
 * router.stats("openai/gpt-4o-mini").lastError()
 *     .ifPresent(e -> log.warn("{}: {}", e.kind().wireName(), e.message()));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind the kind of failure
 * @param message the provider's or client's message
 * @param atNanos when it was recorded, on the router's clock
 * @since 0.1.0
 */
public record ErrorEvent(FailureKind kind, String message, long atNanos) {

  /**
   * Checks the components.
   *
   * @param kind see the record component
   * @param message see the record component
   * @param atNanos see the record component
   * @throws NullPointerException if kind or message is null
   */
  public ErrorEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }
}
