package dev.tradeoff.metrics.internal;

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

  private static final byte[] MESSAGE_START = ascii("message_start");
  private static final byte[] CONTENT_BLOCK_START = ascii("content_block_start");
  private static final byte[] CONTENT_BLOCK_DELTA = ascii("content_block_delta");
  private static final byte[] MESSAGE_DELTA = ascii("message_delta");
  private static final byte[] MESSAGE_STOP = ascii("message_stop");
  private static final byte[] CONTENT_BLOCK = ascii("content_block");
  private static final byte[] DELTA = ascii("delta");
  private static final byte[] TEXT = ascii("text");
  private static final byte[] THINKING = ascii("thinking");
  private static final byte[] PARTIAL_JSON = ascii("partial_json");
  private static final byte[] NAME = ascii("name");
  private static final byte[] STOP_REASON = ascii("stop_reason");
  private static final byte[] INPUT_TOKENS = ascii("input_tokens");
  private static final byte[] OUTPUT_TOKENS = ascii("output_tokens");
  private static final byte[] CACHE_CREATION_INPUT_TOKENS = ascii("cache_creation_input_tokens");
  private static final byte[] CACHE_READ_INPUT_TOKENS = ascii("cache_read_input_tokens");
  private static final byte[] CACHE_CREATION = ascii("cache_creation");
  private static final byte[] EPHEMERAL_1H = ascii("ephemeral_1h_input_tokens");

  private int payload;
  private int payloadChars;

  @Override
  public String terminalEventName() {
    return "message_stop";
  }

  @Override
  public EventKind decode(String eventType, byte[] data, int off, int len, StreamState s)
      throws SseFormatException {
    int type = T_OTHER;
    payload = D_NONE;
    payloadChars = 0;
    boolean usage = false;
    s.pending.setLength(0);
    try {
      open(data, off, len);
      while (nextField()) {
        if (c.is(N_TYPE)) {
          type = readType();
        } else if (c.is(DELTA) || c.is(CONTENT_BLOCK)) {
          // {"type":"text_delta","text":...} | {"type":"thinking_delta","thinking":...}
          // | {"type":"input_json_delta","partial_json":...} | {"type":"tool_use","name":...}
          // | message_delta's {"stop_reason":...}
          parseBlock(s);
        } else if (c.is(N_USAGE)) {
          if (enterObject()) {
            parseUsage(s);
            usage = true;
          }
        } else if (c.is(N_MESSAGE)) {
          usage |= parseMessage(s);
        } else if (c.is(N_ERROR)) {
          parseOpenAiStyleError(s);
          type = T_ERROR;
        } else {
          skipValue();
        }
      }
      close();
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

  private int readType() throws IOException {
    if (c.next() != JsonCursor.STRING) {
      c.skipValue();
      return T_OTHER;
    }
    if (c.is(CONTENT_BLOCK_DELTA)) {
      return T_BLOCK_DELTA;
    }
    if (c.is(CONTENT_BLOCK_START)) {
      return T_BLOCK_START;
    }
    if (c.is(MESSAGE_DELTA)) {
      return T_MESSAGE_DELTA;
    }
    if (c.is(MESSAGE_START)) {
      return T_MESSAGE_START;
    }
    if (c.is(MESSAGE_STOP)) {
      return T_MESSAGE_STOP;
    }
    if (c.is(N_ERROR)) {
      return T_ERROR;
    }
    return T_OTHER;
  }

  /** Reads a delta or content block; text goes to s.pending. Also takes message_delta's stop_reason. */
  private void parseBlock(StreamState s) throws IOException {
    if (!enterObject()) {
      return;
    }
    while (nextField()) {
      if (c.is(TEXT)) {
        payloadChars += Math.max(0, appendString(s.pending, true));
        payload = D_TEXT;
      } else if (c.is(THINKING)) {
        payloadChars += Math.max(0, appendString(s.pending, true));
        payload = D_THINKING;
      } else if (c.is(PARTIAL_JSON) || c.is(NAME)) {
        // a tool_use block's name, then its input JSON: both are generated output
        payloadChars += Math.max(0, appendString(s.pending, true));
        payload = D_TOOL;
      } else if (c.is(STOP_REASON)) {
        String reason = readString();
        if (reason != null) {
          s.finishReason = reason;
        }
      } else {
        skipValue();
      }
    }
  }

  private boolean parseMessage(StreamState s) throws IOException {
    if (!enterObject()) {
      return false;
    }
    boolean usage = false;
    while (nextField()) {
      if (c.is(N_USAGE)) {
        if (enterObject()) {
          parseUsage(s);
          usage = true;
        }
      } else {
        skipValue();
      }
    }
    return usage;
  }

  private void parseUsage(StreamState s) throws IOException {
    s.inputExcludesCache = true;
    while (nextField()) {
      if (c.is(INPUT_TOKENS)) {
        set(s, readLong(), INPUT);
      } else if (c.is(OUTPUT_TOKENS)) {
        set(s, readLong(), OUTPUT);
      } else if (c.is(CACHE_CREATION_INPUT_TOKENS)) {
        set(s, readLong(), CACHE_WRITE);
      } else if (c.is(CACHE_READ_INPUT_TOKENS)) {
        set(s, readLong(), CACHE_READ);
      } else if (c.is(CACHE_CREATION)) {
        // {"ephemeral_5m_input_tokens": n, "ephemeral_1h_input_tokens": m}: the write total is
        // cache_creation_input_tokens; only the 1-hour part needs its own class (its own rate).
        if (enterObject()) {
          while (nextField()) {
            if (c.is(EPHEMERAL_1H)) {
              set(s, readLong(), CACHE_WRITE_1H);
            } else {
              skipValue();
            }
          }
        }
      } else {
        skipValue();
      }
    }
  }
}
