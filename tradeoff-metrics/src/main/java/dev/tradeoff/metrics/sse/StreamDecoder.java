package dev.tradeoff.metrics.sse;

import dev.tradeoff.metrics.EventKind;
import dev.tradeoff.metrics.Failure;
import dev.tradeoff.metrics.FailureKind;
import dev.tradeoff.metrics.TokenUsage;
import dev.tradeoff.metrics.WireApi;
import dev.tradeoff.metrics.internal.StreamState;
import dev.tradeoff.metrics.internal.WireDecoder;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the events of one stream in one provider's wire format: classifies each event ({@link EventKind}),
 * keeps the server-reported usage (the last value of every field wins, so Anthropic's cumulative {@code
 * output_tokens} and Gemini's cumulative {@code usageMetadata} come out right), the finish reason, whether the
 * terminal event arrived, and a provider error sent inside the stream after HTTP 200.
 *
 * <p>What each format sends, and how it is read:
 *
 * <ul>
 *   <li>{@link WireApi#OPENAI_CHAT}: {@code data: {chunk}} lines, {@code "usage":null} on every chunk but the
 *       last, usage on a final {@code "choices":[]} chunk or on the finish chunk (DeepSeek), {@code data:
 *       [DONE]} at the end (terminal; some compatible servers omit it, so a {@code finish_reason} also makes
 *       the answer complete), {@code reasoning}/{@code reasoning_content} deltas, {@code {"error":...}} chunks
 *       and {@code event: error} (Groq) as errors.
 *   <li>{@link WireApi#OPENAI_RESPONSES}: typed events; {@code response.completed} carries usage and is
 *       terminal; {@code response.failed} and {@code error} are errors.
 *   <li>{@link WireApi#ANTHROPIC_MESSAGES}: {@code message_start} (role, input usage), content block deltas
 *       (text, thinking, tool JSON), {@code message_delta} (cumulative output usage, stop reason), {@code
 *       message_stop} (terminal), {@code event: error}. JSON padded with spaces is fine.
 *   <li>{@link WireApi#GEMINI}: chunks with cumulative {@code usageMetadata}; no terminal event, a {@code
 *       finishReason} completes the answer.
 * </ul>
 *
 * <p>The decoder parses the reader's buffer in place with Jackson's streaming parser. It also collects the
 * generated text (content, reasoning, tool arguments) for the tokenizer fallback unless told not to. Not
 * thread-safe: one decoder per stream; {@link #reset()} reuses it for the next.
 *
 * <pre>{@code
 * StreamDecoder decoder = StreamDecoder.create(WireApi.ANTHROPIC_MESSAGES);
 * while (reader.next()) {
 *   EventKind kind = decoder.decode(reader);
 *   meter.event(kind, reader.receivedNanos());
 *   if (decoder.failure().isPresent() || decoder.endOfStream()) break;
 * }
 * TokenUsage usage = decoder.usage().orElseThrow();
 * }</pre>
 */
public final class StreamDecoder {

  private final WireApi api;
  private final WireDecoder wire;
  private final StreamState state = new StreamState();

  private StreamDecoder(WireApi api) {
    this.api = Objects.requireNonNull(api, "api");
    this.wire = WireDecoder.of(api);
  }

  /**
   * A decoder for one wire format.
   *
   * @param api the wire format
   * @return a new decoder
   */
  public static StreamDecoder create(WireApi api) {
    return new StreamDecoder(api);
  }

  /**
   * The wire format this decoder reads.
   *
   * @return the API
   */
  public WireApi api() {
    return api;
  }

  /**
   * Decodes the reader's current event in place.
   *
   * @param reader a reader positioned on an event ({@link SseReader#next()} returned {@code true})
   * @return the event's kind
   * @throws SseFormatException if the event's data is not the JSON this format promises
   */
  public EventKind decode(SseReader reader) throws SseFormatException {
    return wire.decode(reader.eventType(), reader.dataBuffer(), 0, reader.dataLength(), state);
  }

  /**
   * Decodes one event given as bytes.
   *
   * @param eventType the SSE event type ({@code "message"} when the event had no {@code event:} field)
   * @param data the buffer holding the event's data (UTF-8); not retained
   * @param offset where the data starts
   * @param length the data's length in bytes
   * @return the event's kind
   * @throws SseFormatException if the data is not the JSON this format promises
   * @throws IndexOutOfBoundsException if offset and length do not fit the buffer
   */
  public EventKind decode(String eventType, byte[] data, int offset, int length) throws SseFormatException {
    Objects.checkFromIndexSize(offset, length, data.length);
    return wire.decode(eventType, data, offset, length, state);
  }

  /**
   * Whether the wire format's terminal event arrived ({@code [DONE]}, {@code message_stop}, {@code
   * response.completed}): nothing more will follow, stop reading.
   *
   * @return true after the terminal event
   */
  public boolean endOfStream() {
    return state.terminal();
  }

  /**
   * Whether the stream so far carries a complete answer: the terminal event arrived, or — for formats or
   * servers without one — a finish reason did. A stream that ends without being complete was truncated.
   *
   * @return true if complete
   */
  public boolean complete() {
    return state.complete();
  }

  /**
   * The name of the event this format ends with, for messages about truncated streams.
   *
   * @return e.g. {@code "message_stop"}
   */
  public String terminalEventName() {
    return wire.terminalEventName();
  }

  /**
   * The error the server sent inside the stream, if any, as a {@link FailureKind#STREAM_ERROR} failure with the
   * provider's error type and message.
   *
   * @return the failure
   */
  public Optional<Failure> failure() {
    if (!state.error()) {
      return Optional.empty();
    }
    return Optional.of(Failure.of(FailureKind.STREAM_ERROR, state.errorType(), state.errorMessage()));
  }

  /**
   * The usage the server reported so far, normalised as {@link TokenUsage} describes.
   *
   * @return the usage, empty if the server sent none
   */
  public Optional<TokenUsage> usage() {
    return state.usage();
  }

  /**
   * The finish / stop reason the server sent.
   *
   * @return the reason
   */
  public Optional<String> finishReason() {
    return state.finishReason();
  }

  /**
   * The generated text collected so far: content, reasoning and tool-call arguments, in arrival order.
   *
   * @return the text (a snapshot copy)
   */
  public String generatedText() {
    return state.text().toString();
  }

  /**
   * Whether to collect generated text (on by default; turn off when no tokenizer estimate is wanted).
   *
   * @param collect true to collect
   * @return this decoder
   */
  public StreamDecoder collectText(boolean collect) {
    state.captureText(collect);
    return this;
  }

  /** Forgets everything learned, so the decoder can read another stream. */
  public void reset() {
    state.reset();
  }

  @Override
  public String toString() {
    return "StreamDecoder{api=" + api + ", endOfStream=" + state.terminal() + "}";
  }
}
