package dev.tradeoff.metrics.internal;

import static dev.tradeoff.metrics.internal.JsonCursor.END_ARRAY;
import static dev.tradeoff.metrics.internal.JsonCursor.START_OBJECT;
import static dev.tradeoff.metrics.internal.KindFlags.CONTENT;
import static dev.tradeoff.metrics.internal.KindFlags.ERROR;
import static dev.tradeoff.metrics.internal.KindFlags.REASONING;
import static dev.tradeoff.metrics.internal.KindFlags.ROLE;
import static dev.tradeoff.metrics.internal.KindFlags.TOOL;
import static dev.tradeoff.metrics.internal.KindFlags.USAGE;

import dev.tradeoff.metrics.EventKind;
import dev.tradeoff.metrics.sse.SseFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * OpenAI Chat Completions chunks and their OpenAI-compatible variants: {@code reasoning} (Groq, OpenRouter) or
 * {@code reasoning_content} (DeepSeek, vLLM) deltas, {@code "usage":null} on every chunk, usage on the finish
 * chunk (DeepSeek), {@code prompt_cache_hit_tokens} (DeepSeek), {@code {"error":...}} chunks and {@code event:
 * error} events after HTTP 200.
 */
final class OpenAiChatDecoder extends WireDecoder {

  private static final byte[] DONE = ascii("[DONE]");
  private static final byte[] CHOICES = ascii("choices");
  private static final byte[] DELTA = ascii("delta");
  private static final byte[] FINISH_REASON = ascii("finish_reason");
  private static final byte[] ROLE_NAME = ascii("role");
  private static final byte[] CONTENT_NAME = ascii("content");
  private static final byte[] REFUSAL = ascii("refusal");
  private static final byte[] REASONING_NAME = ascii("reasoning");
  private static final byte[] REASONING_CONTENT = ascii("reasoning_content");
  private static final byte[] TOOL_CALLS = ascii("tool_calls");
  private static final byte[] FUNCTION = ascii("function");
  private static final byte[] NAME = ascii("name");
  private static final byte[] ARGUMENTS = ascii("arguments");
  static final byte[] PROMPT_TOKENS = ascii("prompt_tokens");
  static final byte[] INPUT_TOKENS = ascii("input_tokens");
  static final byte[] COMPLETION_TOKENS = ascii("completion_tokens");
  static final byte[] OUTPUT_TOKENS = ascii("output_tokens");
  static final byte[] PROMPT_TOKENS_DETAILS = ascii("prompt_tokens_details");
  static final byte[] INPUT_TOKENS_DETAILS = ascii("input_tokens_details");
  static final byte[] COMPLETION_TOKENS_DETAILS = ascii("completion_tokens_details");
  static final byte[] OUTPUT_TOKENS_DETAILS = ascii("output_tokens_details");
  static final byte[] CACHED_TOKENS = ascii("cached_tokens");
  static final byte[] REASONING_TOKENS = ascii("reasoning_tokens");
  static final byte[] PROMPT_CACHE_HIT_TOKENS = ascii("prompt_cache_hit_tokens");

  @Override
  public String terminalEventName() {
    return "data: [DONE] or a finish_reason";
  }

  @Override
  public EventKind decode(String eventType, byte[] data, int off, int len, StreamState s)
      throws SseFormatException {
    if (isDone(data, off, len)) {
      s.terminal = true;
      s.complete = true;
      return EventKind.OTHER;
    }
    boolean errorEvent = "error".equals(eventType);
    int flags = 0;
    try {
      open(data, off, len);
      while (nextField()) {
        if (c.is(CHOICES)) {
          flags |= parseChoices(s);
        } else if (c.is(N_USAGE)) {
          if (enterObject()) { // "usage": null on every chunk but the last is skipped by enterObject
            parseUsage(this, s);
            flags |= USAGE;
          }
        } else if (c.is(N_ERROR)) {
          parseOpenAiStyleError(s);
          flags |= ERROR;
        } else {
          skipValue();
        }
      }
      close();
    } catch (IOException e) {
      if (errorEvent) {
        // An error event whose data is not JSON: keep its text as the message.
        s.fail("error", new String(data, off, Math.min(len, 500), StandardCharsets.UTF_8));
        return EventKind.ERROR;
      }
      throw malformed(data, off, len, e);
    }
    if (errorEvent && (flags & ERROR) == 0) {
      s.fail("error", new String(data, off, Math.min(len, 500), StandardCharsets.UTF_8));
      flags |= ERROR;
    }
    return KindFlags.kind(flags);
  }

  private static boolean isDone(byte[] data, int off, int len) {
    if (len != DONE.length) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      if (data[off + i] != DONE[i]) {
        return false;
      }
    }
    return true;
  }

  private int parseChoices(StreamState s) throws IOException {
    if (!enterArray()) {
      return 0;
    }
    int flags = 0;
    int t;
    while ((t = c.next()) != END_ARRAY) {
      if (t != START_OBJECT) {
        c.skipValue();
        continue;
      }
      while (nextField()) {
        if (c.is(DELTA)) {
          flags |= parseDelta(s);
        } else if (c.is(FINISH_REASON)) {
          String reason = readString();
          if (reason != null) {
            s.finishReason = reason;
            s.complete = true; // compatible servers may omit [DONE]; a finish reason ends the answer
          }
        } else {
          skipValue();
        }
      }
    }
    return flags;
  }

  private int parseDelta(StreamState s) throws IOException {
    if (!enterObject()) {
      return 0;
    }
    int flags = 0;
    while (nextField()) {
      if (c.is(CONTENT_NAME) || c.is(REFUSAL)) {
        if (appendString(s.text, s.captureText) > 0) {
          flags |= CONTENT;
        }
      } else if (c.is(ROLE_NAME)) {
        if (c.next() == JsonCursor.STRING) {
          flags |= ROLE;
        } else {
          c.skipValue();
        }
      } else if (c.is(REASONING_NAME) || c.is(REASONING_CONTENT)) {
        if (appendString(s.text, s.captureText) > 0) {
          flags |= REASONING;
        }
      } else if (c.is(TOOL_CALLS)) {
        flags |= parseToolCalls(s);
      } else {
        skipValue();
      }
    }
    return flags;
  }

  private int parseToolCalls(StreamState s) throws IOException {
    if (!enterArray()) {
      return 0;
    }
    int flags = 0;
    int t;
    while ((t = c.next()) != END_ARRAY) {
      if (t != START_OBJECT) {
        c.skipValue();
        continue;
      }
      while (nextField()) {
        if (!c.is(FUNCTION)) {
          skipValue();
        } else if (enterObject()) {
          while (nextField()) {
            if (c.is(NAME) || c.is(ARGUMENTS)) {
              if (appendString(s.text, s.captureText) > 0) {
                flags |= TOOL;
              }
            } else {
              skipValue();
            }
          }
        }
      }
    }
    return flags;
  }

  /** Chat Completions and Responses usage objects (the two key families never collide). */
  static void parseUsage(WireDecoder d, StreamState s) throws IOException {
    JsonCursor c = d.c;
    while (d.nextField()) {
      if (c.is(PROMPT_TOKENS) || c.is(INPUT_TOKENS)) {
        set(s, d.readLong(), INPUT);
      } else if (c.is(COMPLETION_TOKENS) || c.is(OUTPUT_TOKENS)) {
        set(s, d.readLong(), OUTPUT);
      } else if (c.is(PROMPT_TOKENS_DETAILS) || c.is(INPUT_TOKENS_DETAILS)) {
        parseDetails(d, s, CACHED_TOKENS, CACHE_READ);
      } else if (c.is(COMPLETION_TOKENS_DETAILS) || c.is(OUTPUT_TOKENS_DETAILS)) {
        parseDetails(d, s, REASONING_TOKENS, REASONING);
      } else if (c.is(PROMPT_CACHE_HIT_TOKENS)) {
        // DeepSeek's name for cached prompt tokens; prompt_tokens_details wins if both are sent.
        long hit = d.readLong();
        if (s.cacheRead < 0) {
          set(s, hit, CACHE_READ);
        }
      } else {
        d.skipValue();
      }
    }
  }

  private static void parseDetails(WireDecoder d, StreamState s, byte[] wanted, int field) throws IOException {
    if (!d.enterObject()) {
      return;
    }
    while (d.nextField()) {
      if (d.c.is(wanted)) {
        set(s, d.readLong(), field);
      } else {
        d.skipValue();
      }
    }
  }
}
