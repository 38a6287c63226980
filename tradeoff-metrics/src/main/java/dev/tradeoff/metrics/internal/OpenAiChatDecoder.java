package dev.tradeoff.metrics.internal;

import static dev.tradeoff.metrics.internal.KindFlags.CONTENT;
import static dev.tradeoff.metrics.internal.KindFlags.ERROR;
import static dev.tradeoff.metrics.internal.KindFlags.REASONING;
import static dev.tradeoff.metrics.internal.KindFlags.ROLE;
import static dev.tradeoff.metrics.internal.KindFlags.TOOL;
import static dev.tradeoff.metrics.internal.KindFlags.USAGE;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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

  private static final byte[] DONE = "[DONE]".getBytes(StandardCharsets.US_ASCII);

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
    int flags = 0;
    try (JsonParser p = open(data, off, len)) {
      String f;
      while ((f = p.nextFieldName()) != null) {
        switch (f) {
          case "choices":
            flags |= parseChoices(p, s);
            break;
          case "usage":
            if (p.nextToken() == JsonToken.START_OBJECT) {
              parseUsage(p, s);
              flags |= USAGE;
            } else {
              p.skipChildren(); // "usage": null on every chunk but the last
            }
            break;
          case "error":
            parseOpenAiStyleError(p, s);
            flags |= ERROR;
            break;
          default:
            skipValue(p);
        }
      }
      requireEnd(p);
    } catch (SseFormatException e) {
      throw e;
    } catch (IOException e) {
      if ("error".equals(eventType)) {
        // An error event whose data is not JSON: keep its text as the message.
        s.fail("error", new String(data, off, Math.min(len, 500), StandardCharsets.UTF_8));
        return EventKind.ERROR;
      }
      throw malformed(data, off, len, e);
    }
    if ("error".equals(eventType) && (flags & ERROR) == 0) {
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

  private static int parseChoices(JsonParser p, StreamState s) throws IOException {
    if (p.nextToken() != JsonToken.START_ARRAY) {
      p.skipChildren();
      return 0;
    }
    int flags = 0;
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t != JsonToken.START_OBJECT) {
        p.skipChildren();
        continue;
      }
      String f;
      while ((f = p.nextFieldName()) != null) {
        switch (f) {
          case "delta":
            flags |= parseDelta(p, s);
            break;
          case "finish_reason":
            String reason = readString(p);
            if (reason != null) {
              s.finishReason = reason;
              s.complete = true; // compatible servers may omit [DONE]; a finish reason ends the answer
            }
            break;
          default:
            skipValue(p);
        }
      }
    }
    return flags;
  }

  private static int parseDelta(JsonParser p, StreamState s) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return 0;
    }
    int flags = 0;
    String f;
    while ((f = p.nextFieldName()) != null) {
      switch (f) {
        case "role":
          if (readString(p) != null) {
            flags |= ROLE;
          }
          break;
        case "content":
        case "refusal":
          if (appendString(p, s.text, s.captureText) > 0) {
            flags |= CONTENT;
          }
          break;
        case "reasoning":
        case "reasoning_content":
          if (appendString(p, s.text, s.captureText) > 0) {
            flags |= REASONING;
          }
          break;
        case "tool_calls":
          flags |= parseToolCalls(p, s);
          break;
        default:
          skipValue(p);
      }
    }
    return flags;
  }

  private static int parseToolCalls(JsonParser p, StreamState s) throws IOException {
    if (p.nextToken() != JsonToken.START_ARRAY) {
      p.skipChildren();
      return 0;
    }
    int flags = 0;
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t != JsonToken.START_OBJECT) {
        p.skipChildren();
        continue;
      }
      String f;
      while ((f = p.nextFieldName()) != null) {
        if ("function".equals(f) && p.nextToken() == JsonToken.START_OBJECT) {
          String g;
          while ((g = p.nextFieldName()) != null) {
            if ("name".equals(g) || "arguments".equals(g)) {
              if (appendString(p, s.text, s.captureText) > 0) {
                flags |= TOOL;
              }
            } else {
              skipValue(p);
            }
          }
        } else if (!"function".equals(f)) {
          skipValue(p);
        } else {
          p.skipChildren();
        }
      }
    }
    return flags;
  }

  /** Chat Completions and Responses usage objects (the two key families never collide). */
  static void parseUsage(JsonParser p, StreamState s) throws IOException {
    String f;
    while ((f = p.nextFieldName()) != null) {
      switch (f) {
        case "prompt_tokens":
        case "input_tokens":
          set(s, readLong(p), INPUT);
          break;
        case "completion_tokens":
        case "output_tokens":
          set(s, readLong(p), OUTPUT);
          break;
        case "prompt_tokens_details":
        case "input_tokens_details":
          parseDetails(p, s, "cached_tokens", CACHE_READ);
          break;
        case "completion_tokens_details":
        case "output_tokens_details":
          parseDetails(p, s, "reasoning_tokens", REASONING);
          break;
        case "prompt_cache_hit_tokens":
          // DeepSeek's name for cached prompt tokens; prompt_tokens_details wins if both are sent.
          long hit = readLong(p);
          if (s.cacheRead < 0) {
            set(s, hit, CACHE_READ);
          }
          break;
        default:
          skipValue(p);
      }
    }
  }

  private static void parseDetails(JsonParser p, StreamState s, String wanted, int field) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    String f;
    while ((f = p.nextFieldName()) != null) {
      if (wanted.equals(f)) {
        set(s, readLong(p), field);
      } else {
        skipValue(p);
      }
    }
  }
}
