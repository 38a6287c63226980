package dev.tradeoff.metrics.sse;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One dispatched server-sent event, copied out of an {@link SseReader} (see {@link SseReader#toEvent()}).
 *
 * <p>Immutable and thread-safe. The hot path does not need it — a {@link StreamDecoder} reads the reader's
 * buffer directly — it is for tests, logs and tools.
 *
 * <pre>{@code
 * List<SseEvent> events = new ArrayList<>();
 * while (reader.next()) {
 *   events.add(reader.toEvent());
 * }
 * events.get(0).type();   // "message_start"
 * }</pre>
 *
 * @param type the event type: the last {@code event:} field, or {@code "message"} when there was none
 * @param data the {@code data:} lines joined by {@code "\n"} (UTF-8 decoded)
 * @param lastEventId the last {@code id:} seen on the stream so far, {@code ""} when none
 * @param receivedNanos {@link System#nanoTime()} when the bytes that completed this event were read
 */
public record SseEvent(String type, String data, String lastEventId, long receivedNanos) {

  /** The event type used when an event carries no {@code event:} field. */
  public static final String DEFAULT_TYPE = "message";

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a string component is {@code null}
   * @param type see the record component
   * @param data see the record component
   * @param lastEventId see the record component
   * @param receivedNanos see the record component
   */
  public SseEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(lastEventId, "lastEventId");
  }

  /**
   * The data as UTF-8 bytes.
   *
   * @return a fresh array
   */
  public byte[] dataBytes() {
    return data.getBytes(StandardCharsets.UTF_8);
  }
}
