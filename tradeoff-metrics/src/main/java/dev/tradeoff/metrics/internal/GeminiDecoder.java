package dev.tradeoff.metrics.internal;

import static dev.tradeoff.metrics.internal.KindFlags.CONTENT;
import static dev.tradeoff.metrics.internal.KindFlags.ERROR;
import static dev.tradeoff.metrics.internal.KindFlags.REASONING;
import static dev.tradeoff.metrics.internal.KindFlags.TOOL;
import static dev.tradeoff.metrics.internal.KindFlags.USAGE;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tradeoff.metrics.EventKind;
import dev.tradeoff.metrics.sse.SseFormatException;
import java.io.IOException;

/**
 * Gemini {@code streamGenerateContent?alt=sse} chunks: no {@code event:} lines and no terminal marker; every
 * chunk repeats a cumulative {@code usageMetadata}; a part with {@code "thought": true} is reasoning; the
 * answer is complete when a candidate carries a {@code finishReason}.
 */
final class GeminiDecoder extends WireDecoder {

  @Override
  public String terminalEventName() {
    return "a chunk with finishReason";
  }

  @Override
  public EventKind decode(String eventType, byte[] data, int off, int len, StreamState s)
      throws SseFormatException {
    int flags = 0;
    try (JsonParser p = open(data, off, len)) {
      String f;
      while ((f = p.nextFieldName()) != null) {
        switch (f) {
          case "candidates":
            flags |= parseCandidates(p, s);
            break;
          case "usageMetadata":
            if (p.nextToken() == JsonToken.START_OBJECT) {
              parseUsage(p, s);
              flags |= USAGE;
            } else {
              p.skipChildren();
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
    } catch (IOException e) {
      throw malformed(data, off, len, e);
    }
    return KindFlags.kind(flags);
  }

  private static int parseCandidates(JsonParser p, StreamState s) throws IOException {
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
        if ("content".equals(f)) {
          flags |= parseContent(p, s);
        } else if ("finishReason".equals(f)) {
          String reason = readString(p);
          if (reason != null) {
            s.finishReason = reason;
            s.complete = true;
          }
        } else {
          skipValue(p);
        }
      }
    }
    return flags;
  }

  private static int parseContent(JsonParser p, StreamState s) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return 0;
    }
    int flags = 0;
    String f;
    while ((f = p.nextFieldName()) != null) {
      if (!"parts".equals(f)) {
        skipValue(p);
        continue;
      }
      if (p.nextToken() != JsonToken.START_ARRAY) {
        p.skipChildren();
        continue;
      }
      JsonToken t;
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        if (t != JsonToken.START_OBJECT) {
          p.skipChildren();
          continue;
        }
        s.pending.setLength(0);
        int chars = 0;
        boolean thought = false;
        boolean call = false;
        String g;
        while ((g = p.nextFieldName()) != null) {
          switch (g) {
            case "text":
              chars += Math.max(0, appendString(p, s.pending, true));
              break;
            case "thought":
              thought = p.nextToken() == JsonToken.VALUE_TRUE;
              p.skipChildren();
              break;
            case "functionCall":
              call = true;
              skipValue(p);
              break;
            default:
              skipValue(p);
          }
        }
        if (call) {
          flags |= TOOL;
        } else if (chars > 0) {
          flags |= thought ? REASONING : CONTENT;
          if (s.captureText) {
            s.text.append(s.pending);
          }
        }
      }
    }
    return flags;
  }

  private static void parseUsage(JsonParser p, StreamState s) throws IOException {
    s.outputExcludesReasoning = true;
    String f;
    while ((f = p.nextFieldName()) != null) {
      switch (f) {
        case "promptTokenCount":
          set(s, readLong(p), INPUT);
          break;
        case "candidatesTokenCount":
          set(s, readLong(p), OUTPUT);
          break;
        case "thoughtsTokenCount":
          set(s, readLong(p), REASONING);
          break;
        case "cachedContentTokenCount":
          set(s, readLong(p), CACHE_READ);
          break;
        default:
          skipValue(p);
      }
    }
  }
}
