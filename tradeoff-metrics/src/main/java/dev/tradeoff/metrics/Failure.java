package dev.tradeoff.metrics;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * Why one request failed: a {@link FailureKind}, the provider's own error type when it sent one, and a message.
 *
 * <p>Messages never contain the API key or configured header values: clients redact them before building a
 * failure (a server may echo a key back in its error body). Immutable and thread-safe.
 *
 * <pre>{@code
 * Failure f = Failure.of(FailureKind.STREAM_ERROR, "overloaded_error", "Overloaded");
 * f.kind().wireName();   // "stream_error"
 * f.type();              // "overloaded_error"
 * }</pre>
 */
@Value.Immutable
public interface Failure {

  /**
   * The kind of failure.
   *
   * @return the kind
   */
  FailureKind kind();

  /**
   * The provider's error type ({@code "overloaded_error"}, {@code "invalid_request_error"}, an error code) when
   * it sent one, else the kind's {@link FailureKind#wireName() wire name}.
   *
   * @return the type, never empty
   */
  String type();

  /**
   * A human-readable message: the provider's message, or a description naming the limit or exception.
   *
   * @return the message
   */
  String message();

  /**
   * The HTTP status of the response, when one was received.
   *
   * @return the status, empty for connection failures
   */
  OptionalInt httpStatus();

  /**
   * How long the server asked the client to wait ({@code Retry-After} / {@code retry-after-ms}), when it did.
   *
   * @return the delay
   */
  Optional<Duration> retryAfter();

  /**
   * A failure without HTTP details.
   *
   * @param kind the kind
   * @param type the provider's error type, or the kind's wire name
   * @param message the message
   * @return the failure
   */
  static Failure of(FailureKind kind, String type, String message) {
    return ImmutableFailure.builder().kind(kind).type(type).message(message).build();
  }

  /**
   * A failure whose type is the kind's wire name.
   *
   * @param kind the kind
   * @param message the message
   * @return the failure
   */
  static Failure of(FailureKind kind, String message) {
    return of(kind, kind.wireName(), message);
  }

  /**
   * A new builder.
   *
   * @return a builder
   */
  static ImmutableFailure.Builder builder() {
    return ImmutableFailure.builder();
  }

  /** Checks the invariants. */
  @Value.Check
  default void check() {
    if (type().isEmpty()) {
      throw new IllegalStateException("type must not be empty");
    }
    if (httpStatus().isPresent() && (httpStatus().getAsInt() < 100 || httpStatus().getAsInt() > 999)) {
      throw new IllegalStateException("httpStatus must be in [100, 999], but was " + httpStatus().getAsInt());
    }
    if (retryAfter().isPresent() && retryAfter().get().isNegative()) {
      throw new IllegalStateException("retryAfter must not be negative, but was " + retryAfter().get());
    }
  }
}
