package dev.tradeoff.metrics.sse;

import java.io.IOException;

/**
 * The bytes a server sent cannot be read as the expected event stream: a line or an event exceeds the reader's
 * bound, or an event's {@code data} is not the JSON the wire format promises.
 *
 * <p>It is an {@link IOException} because, like a reset connection, it describes what came over the network,
 * not a bug in the caller. {@link #reason()} says which bound or rule was broken, so a client can record it as a
 * failed request of the right kind.
 *
 * <pre>{@code
 * try {
 *   while (reader.next()) { decoder.decode(reader); }
 * } catch (SseFormatException e) {
 *   if (e.reason() == SseFormatException.Reason.LINE_TOO_LONG) { ... }
 * }
 * }</pre>
 */
public final class SseFormatException extends IOException {

  private static final long serialVersionUID = 1L;

  /** Which rule the stream broke. */
  public enum Reason {
    /** One line (up to its CR, LF or CRLF) is longer than the reader's {@code maxLineBytes}. */
    LINE_TOO_LONG,
    /** The {@code data} of one event adds up to more than the reader's {@code maxEventBytes}. */
    EVENT_TOO_LARGE,
    /** An event's {@code data} is not valid JSON, or not the JSON shape the wire format defines. */
    MALFORMED_DATA
  }

  /** Which rule was broken (part of the serial form). */
  private final Reason reason;

  /**
   * Creates an exception.
   *
   * @param reason which rule was broken
   * @param message what was wrong, naming the limit or showing the start of the offending data
   * @param cause the underlying parser error, or {@code null}
   */
  public SseFormatException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /**
   * Which rule was broken.
   *
   * @return the reason, never {@code null}
   */
  public Reason reason() {
    return reason;
  }
}
