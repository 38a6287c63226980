package dev.tradeoff.metrics.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tradeoff.metrics.EventKind;
import dev.tradeoff.metrics.sse.SseFormatException;
import java.io.IOException;

/**
 * Anthropic Messages events. The {@code type} inside the data decides (it always equals the {@code event:}
 * line); text is collected into scratch space first because JSON does not promise {@code type} comes first.
 * Usage: {@code message_start} carries input and cache classes and a placeholder {@code output_tokens}; each
 * {@code message_delta} carries the <em>cumulative</em> {@code output_tokens} (and, in newer streams, the input
 * classes again) — the last value of every field wins.
 */
final class AnthropicDecoder extends WireDecoder {

  private static final int T_OTHER = 0;
  private static final int T_MESSAGE_START = 1;
  private static final int T_BLOCK_START = 2;
  private static final int T_BLOCK_DELTA = 3;
  private static final int T_MESSAGE_DELTA = 4;
  private static final int T_MESSAGE_STOP = 5;
  private static final int T_ERROR = 6;

  /** What the delta / content block held: text, thinking, tool JSON or tool start. */
  private static final int D_NONE = 0;
  private static final int D_TEXT = 1;
  private static final int D_THINKING = 2;
  private static final int D_TOOL = 3;

  @Override
  public String terminalEventName() {
    return "message_stop";
  }

  @Override
  public EventKind decode(String eventType, byte[] data, int off, int len, StreamState s)
      throws SseFormatException {
    int type = T_OTHER;
    int payload = D_NONE;
    int payloadChars = 0;
    boolean usage = false;
    s.pending.setLength(0);
    try (JsonParser p = open(data, off, len)) {
      String f;
      while ((f = p.nextFieldName()) != null) {
        switch (f) {
          case "type":
            type = typeOf(readString(p));
            break;
          case "message":
            usage |= parseMessage(p, s);
            break;
          case "content_block":
          case "delta":
            // {"type":"text_delta","text":...} | {"type":"thinking_delta","thinking":...}
            // | {"type":"input_json_delta","partial_json":...} | {"type":"tool_use","name":...}
            // | message_delta's {"stop_reason":...}
            long packed = parseBlock(p, s);
            payload = (int) (packed >>> 32);
            payloadChars = (int) packed;
            break;
          case "usage":
            if (p.nextToken() == JsonToken.START_OBJECT) {
              parseUsage(p, s);
              usage = true;
            } else {
              p.skipChildren();
            }
            break;
          case "error":
            parseOpenAiStyleError(p, s);
            type = T_ERROR;
            break;
          default:
            skipValue(p);
        }
      }
      requireEnd(p);
    } catch (IOException e) {
      throw malformed(data, off, len, e);
    }
    switch (type) {
      case T_ERROR:
        if (!s.error) {
          s.fail("error", "error event without an error object");
        }
        return EventKind.ERROR;
      case T_MESSAGE_START:
        return EventKind.ROLE_ONLY;
      case T_BLOCK_START:
      case T_BLOCK_DELTA:
        if (payload == D_NONE || payloadChars <= 0) {
          return EventKind.OTHER;
        }
        if (s.captureText) {
          s.text.append(s.pending);
        }
        return payload == D_TEXT
            ? EventKind.CONTENT
            : payload == D_THINKING ? EventKind.REASONING : EventKind.TOOL_CALL;
      case T_MESSAGE_DELTA:
        return usage ? EventKind.USAGE : EventKind.OTHER;
      case T_MESSAGE_STOP:
        s.terminal = true;
        s.complete = true;
        return EventKind.OTHER;
      default:
        return EventKind.OTHER;
    }
  }

  private static int typeOf(String t) {
    if (t == null) {
      return T_OTHER;
    }
    switch (t) {
      case "message_start":
        return T_MESSAGE_START;
      case "content_block_start":
        return T_BLOCK_START;
      case "content_block_delta":
        return T_BLOCK_DELTA;
      case "message_delta":
        return T_MESSAGE_DELTA;
      case "message_stop":
        return T_MESSAGE_STOP;
      case "error":
        return T_ERROR;
      default:
        return T_OTHER;
    }
  }

  /** Returns (payload kind << 32) | chars; text goes to s.pending. Also takes message_delta's stop_reason. */
  private static long parseBlock(JsonParser p, StreamState s) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return 0;
    }
    int kind = D_NONE;
    int chars = 0;
    String f;
    while ((f = p.nextFieldName()) != null) {
      switch (f) {
        case "text":
          chars += Math.max(0, appendString(p, s.pending, true));
          kind = D_TEXT;
          break;
        case "thinking":
          chars += Math.max(0, appendString(p, s.pending, true));
          kind = D_THINKING;
          break;
        case "partial_json":
          chars += Math.max(0, appendString(p, s.pending, true));
          kind = D_TOOL;
          break;
        case "name":
          // content_block_start of a tool_use block: the tool's name is generated output.
          chars += Math.max(0, appendString(p, s.pending, true));
          kind = D_TOOL;
          break;
        case "stop_reason":
          String reason = readString(p);
          if (reason != null) {
            s.finishReason = reason;
          }
          break;
        default:
          skipValue(p);
      }
    }
    return ((long) kind << 32) | chars;
  }

  private static boolean parseMessage(JsonParser p, StreamState s) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return false;
    }
    boolean usage = false;
    String f;
    while ((f = p.nextFieldName()) != null) {
      if ("usage".equals(f) && p.nextToken() == JsonToken.START_OBJECT) {
        parseUsage(p, s);
        usage = true;
      } else if (!"usage".equals(f)) {
        skipValue(p);
      } else {
        p.skipChildren();
      }
    }
    return usage;
  }

  private static void parseUsage(JsonParser p, StreamState s) throws IOException {
    s.inputExcludesCache = true;
    String f;
    while ((f = p.nextFieldName()) != null) {
      switch (f) {
        case "input_tokens":
          set(s, readLong(p), INPUT);
          break;
        case "output_tokens":
          set(s, readLong(p), OUTPUT);
          break;
        case "cache_creation_input_tokens":
          set(s, readLong(p), CACHE_WRITE);
          break;
        case "cache_read_input_tokens":
          set(s, readLong(p), CACHE_READ);
          break;
        case "cache_creation":
          // {"ephemeral_5m_input_tokens": n, "ephemeral_1h_input_tokens": m}: the write total is
          // cache_creation_input_tokens; only the 1-hour part needs its own class (its own rate).
          if (p.nextToken() == JsonToken.START_OBJECT) {
            String g;
            while ((g = p.nextFieldName()) != null) {
              if ("ephemeral_1h_input_tokens".equals(g)) {
                set(s, readLong(p), CACHE_WRITE_1H);
              } else {
                skipValue(p);
              }
            }
          } else {
            p.skipChildren();
          }
          break;
        default:
          skipValue(p);
      }
    }
  }
}
