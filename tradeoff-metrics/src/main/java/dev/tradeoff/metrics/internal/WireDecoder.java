package dev.tradeoff.metrics.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.tradeoff.metrics.EventKind;
import dev.tradeoff.metrics.WireApi;
import dev.tradeoff.metrics.sse.SseFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Decodes one event's data of one wire format with Jackson's streaming parser: fields are matched by their
 * interned names and everything not needed is skipped without building a tree (a tree costs several times
 * more, see {@code SseParseBenchmark}).
 */
public abstract class WireDecoder {

  /** Shared, thread-safe; parsers are cheap and recycle their buffers. */
  static final JsonFactory JSON = new JsonFactory();

  private static final int SNIPPET_BYTES = 120;

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

  static JsonParser open(byte[] data, int off, int len) throws IOException {
    JsonParser p = JSON.createParser(data, off, len);
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw new JsonProcessingException("event data is not a JSON object", p.currentLocation()) {
        private static final long serialVersionUID = 1L;
      };
    }
    return p;
  }

  /** Requires the parser to be exhausted after the top-level object (trailing whitespace is fine). */
  static void requireEnd(JsonParser p) throws IOException {
    if (p.nextToken() != null) {
      throw new JsonProcessingException("unexpected content after the JSON object", p.currentLocation()) {
        private static final long serialVersionUID = 1L;
      };
    }
  }

  static SseFormatException malformed(byte[] data, int off, int len, IOException cause) {
    int n = Math.min(len, SNIPPET_BYTES);
    String snippet = new String(data, off, n, StandardCharsets.UTF_8) + (len > n ? "…" : "");
    String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : firstLine(cause.getMessage());
    return new SseFormatException(
        SseFormatException.Reason.MALFORMED_DATA, "malformed event data (" + why + "): " + snippet, cause);
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** Skips the value of the field just read by nextFieldName(). */
  static void skipValue(JsonParser p) throws IOException {
    p.nextToken();
    p.skipChildren();
  }

  /** Reads an integer value; -1 for null or any non-integer (which is skipped). */
  static long readLong(JsonParser p) throws IOException {
    JsonToken t = p.nextToken();
    if (t == JsonToken.VALUE_NUMBER_INT) {
      return p.getLongValue();
    }
    p.skipChildren();
    return StreamState.UNSET;
  }

  /** Reads a string value, or null for anything else (skipped). */
  static String readString(JsonParser p) throws IOException {
    JsonToken t = p.nextToken();
    if (t == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    p.skipChildren();
    return null;
  }

  /**
   * Reads a string value and appends it to {@code sink} without creating a String.
   *
   * @return the string's length in chars, or -1 if the value was not a string
   */
  static int appendString(JsonParser p, StringBuilder sink, boolean capture) throws IOException {
    JsonToken t = p.nextToken();
    if (t != JsonToken.VALUE_STRING) {
      p.skipChildren();
      return -1;
    }
    int n = p.getTextLength();
    if (capture && n > 0) {
      sink.append(p.getTextCharacters(), p.getTextOffset(), n);
    }
    return n;
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

  /** Parses an OpenAI {@code error} object ({@code type}, {@code code}, {@code message}) into the state. */
  static void parseOpenAiStyleError(JsonParser p, StreamState s) throws IOException {
    JsonToken t = p.nextToken();
    if (t == JsonToken.VALUE_STRING) {
      s.fail("error", p.getText());
      return;
    }
    if (t != JsonToken.START_OBJECT) {
      p.skipChildren();
      s.fail("error", "error");
      return;
    }
    String type = null;
    String code = null;
    String message = null;
    String f;
    while ((f = p.nextFieldName()) != null) {
      switch (f) {
        case "type":
          type = readString(p);
          break;
        case "code":
          JsonToken ct = p.nextToken();
          if (ct == JsonToken.VALUE_STRING || ct == JsonToken.VALUE_NUMBER_INT) {
            code = p.getText();
          } else {
            p.skipChildren();
          }
          break;
        case "status":
          // Gemini: {"code": 429, "message": ..., "status": "RESOURCE_EXHAUSTED"}
          String status = readString(p);
          if (status != null && type == null) {
            type = status;
          }
          break;
        case "message":
          message = readString(p);
          break;
        default:
          skipValue(p);
      }
    }
    String resolvedType = type != null ? type : code != null ? code : "error";
    String msg = message != null ? message : "(no message)";
    if (code != null && !code.equals(resolvedType)) {
      msg = code + ": " + msg;
    }
    s.fail(resolvedType, msg);
  }
}
