package dev.tradeoff.metrics.internal;

import static dev.tradeoff.metrics.internal.JsonCursor.END;
import static dev.tradeoff.metrics.internal.JsonCursor.END_OBJECT;
import static dev.tradeoff.metrics.internal.JsonCursor.FIELD;
import static dev.tradeoff.metrics.internal.JsonCursor.NUMBER;
import static dev.tradeoff.metrics.internal.JsonCursor.START_ARRAY;
import static dev.tradeoff.metrics.internal.JsonCursor.START_OBJECT;
import static dev.tradeoff.metrics.internal.JsonCursor.STRING;

import dev.tradeoff.metrics.EventKind;
import dev.tradeoff.metrics.WireApi;
import dev.tradeoff.metrics.sse.SseFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Decodes one event's data of one wire format with a reusable {@link JsonCursor}: fields are matched as bytes
 * and everything not needed is skipped, without allocating (see {@code SseParseBenchmark}). One decoder per
 * stream; not thread-safe.
 */
public abstract class WireDecoder {

  private static final int SNIPPET_BYTES = 120;

  static final byte[] N_ERROR = ascii("error");
  static final byte[] N_TYPE = ascii("type");
  static final byte[] N_CODE = ascii("code");
  static final byte[] N_STATUS = ascii("status");
  static final byte[] N_MESSAGE = ascii("message");
  static final byte[] N_USAGE = ascii("usage");

  /** The cursor, reset for each event. */
  final JsonCursor c = new JsonCursor();

  /**
   * Decodes one event.
   *
   * @throws SseFormatException if the data is not the JSON this format promises
   */
  public abstract EventKind decode(String eventType, byte[] data, int off, int len, StreamState state)
      throws SseFormatException;

  /** What the format's missing terminal event is called, for truncation messages. */
  public abstract String terminalEventName();

  public static WireDecoder of(WireApi api) {
    switch (api) {
      case OPENAI_CHAT:
        return new OpenAiChatDecoder();
      case OPENAI_RESPONSES:
        return new OpenAiResponsesDecoder();
      case ANTHROPIC_MESSAGES:
        return new AnthropicDecoder();
      case GEMINI:
        return new GeminiDecoder();
      default:
        throw new IllegalArgumentException("unsupported api " + api);
    }
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /** Starts a document that must be a JSON object; the cursor is then inside it. */
  final void open(byte[] data, int off, int len) throws IOException {
    c.reset(data, off, len);
    if (c.next() != START_OBJECT) {
      throw new JsonCursor.MalformedJsonException("event data is not a JSON object");
    }
  }

  /** After the top-level object's END_OBJECT: only whitespace may follow. */
  final void close() throws IOException {
    if (c.next() != END) {
      throw new JsonCursor.MalformedJsonException("unexpected content after the JSON object");
    }
  }

  /** Moves to the next field of the current object; false at its end. */
  final boolean nextField() throws IOException {
    return c.next() == FIELD;
  }

  /** Reads the value after a field name as an object; false (and the value skipped) if it is not one. */
  final boolean enterObject() throws IOException {
    if (c.next() == START_OBJECT) {
      return true;
    }
    c.skipValue();
    return false;
  }

  /** Reads the value after a field name as an array; false (and the value skipped) if it is not one. */
  final boolean enterArray() throws IOException {
    if (c.next() == START_ARRAY) {
      return true;
    }
    c.skipValue();
    return false;
  }

  /** Skips the value after the current field name. */
  final void skipValue() throws IOException {
    c.skipValue();
  }

  /** Reads a non-negative integer value; -1 for null or anything else (which is skipped). */
  final long readLong() throws IOException {
    if (c.next() == NUMBER) {
      return c.longValue();
    }
    c.skipValue();
    return StreamState.UNSET;
  }

  /** Reads a string value, or null for anything else (skipped). Allocates: for rare fields only. */
  final String readString() throws IOException {
    if (c.next() == STRING) {
      return c.text();
    }
    c.skipValue();
    return null;
  }

  /** Reads a string value and returns whether it equals the given bytes (false for non-strings). */
  final boolean readStringIs(byte[] value) throws IOException {
    if (c.next() == STRING) {
      return c.is(value);
    }
    c.skipValue();
    return false;
  }

  /**
   * Reads a string value, appending it to {@code sink} when {@code capture}.
   *
   * @return the string's length (chars when captured, else bytes; either way > 0 iff non-empty), -1 if the
   *     value was not a string
   */
  final int appendString(StringBuilder sink, boolean capture) throws IOException {
    if (c.next() != STRING) {
      c.skipValue();
      return -1;
    }
    if (c.isEmptyString()) {
      return 0;
    }
    return capture ? c.appendTo(sink) : 1;
  }

  static SseFormatException malformed(byte[] data, int off, int len, IOException cause) {
    int n = Math.min(len, SNIPPET_BYTES);
    String snippet = new String(data, off, n, StandardCharsets.UTF_8) + (len > n ? "…" : "");
    String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return new SseFormatException(
        SseFormatException.Reason.MALFORMED_DATA, "malformed event data (" + why + "): " + snippet, cause);
  }

  static void set(StreamState s, long value, int field) {
    if (value < 0) {
      return;
    }
    s.usageSeen = true;
    switch (field) {
      case INPUT:
        s.input = value;
        break;
      case CACHE_READ:
        s.cacheRead = value;
        break;
      case CACHE_WRITE:
        s.cacheWrite = value;
        break;
      case OUTPUT:
        s.output = value;
        break;
      case REASONING:
        s.reasoning = value;
        break;
      case CACHE_WRITE_1H:
        s.cacheWrite1h = value;
        break;
      default:
        throw new IllegalArgumentException("field " + field);
    }
  }

  static final int INPUT = 0;
  static final int CACHE_READ = 1;
  static final int CACHE_WRITE = 2;
  static final int OUTPUT = 3;
  static final int REASONING = 4;
  static final int CACHE_WRITE_1H = 5;

  /**
   * Reads an {@code error} value — {@code {"type","code","message"}} (OpenAI, Anthropic, Groq) or {@code
   * {"code","message","status"}} (Gemini), or a plain string — into the state.
   */
  final void parseOpenAiStyleError(StreamState s) throws IOException {
    int t = c.next();
    if (t == STRING) {
      s.fail("error", c.text());
      return;
    }
    if (t != START_OBJECT) {
      c.skipValue();
      s.fail("error", "error");
      return;
    }
    String type = null;
    String code = null;
    String message = null;
    while (nextField()) {
      if (c.is(N_TYPE)) {
        type = readString();
      } else if (c.is(N_CODE)) {
        int v = c.next();
        code = v == STRING || v == NUMBER ? c.text() : null;
        c.skipValue();
      } else if (c.is(N_STATUS)) {
        // Gemini: {"code": 429, "message": ..., "status": "RESOURCE_EXHAUSTED"}
        String status = readString();
        if (status != null && type == null) {
          type = status;
        }
      } else if (c.is(N_MESSAGE)) {
        message = readString();
      } else {
        skipValue();
      }
    }
    String resolvedType = type != null ? type : code != null ? code : "error";
    String msg = message != null ? message : "(no message)";
    if (code != null && !code.equals(resolvedType)) {
      msg = code + ": " + msg;
    }
    s.fail(resolvedType, msg);
  }

  static boolean isEndObject(int token) {
    return token == END_OBJECT;
  }
}
