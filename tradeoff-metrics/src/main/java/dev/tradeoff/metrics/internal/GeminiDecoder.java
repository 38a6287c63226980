package dev.tradeoff.metrics.internal;

import static dev.tradeoff.metrics.internal.JsonCursor.END_ARRAY;
import static dev.tradeoff.metrics.internal.JsonCursor.START_OBJECT;
import static dev.tradeoff.metrics.internal.KindFlags.CONTENT;
import static dev.tradeoff.metrics.internal.KindFlags.ERROR;
import static dev.tradeoff.metrics.internal.KindFlags.REASONING;
import static dev.tradeoff.metrics.internal.KindFlags.TOOL;
import static dev.tradeoff.metrics.internal.KindFlags.USAGE;

import dev.tradeoff.metrics.EventKind;
import dev.tradeoff.metrics.sse.SseFormatException;
import java.io.IOException;

/**
 * Gemini {@code streamGenerateContent?alt=sse} chunks: no {@code event:} lines and no terminal marker; every
 * chunk repeats a cumulative {@code usageMetadata}; a part with {@code "thought": true} is reasoning; the
 * answer is complete when a candidate carries a {@code finishReason}.
 */
final class GeminiDecoder extends WireDecoder {

  private static final byte[] CANDIDATES = ascii("candidates");
  private static final byte[] USAGE_METADATA = ascii("usageMetadata");
  private static final byte[] CONTENT_NAME = ascii("content");
  private static final byte[] FINISH_REASON = ascii("finishReason");
  private static final byte[] PARTS = ascii("parts");
  private static final byte[] TEXT = ascii("text");
  private static final byte[] THOUGHT = ascii("thought");
  private static final byte[] FUNCTION_CALL = ascii("functionCall");
  private static final byte[] PROMPT_TOKEN_COUNT = ascii("promptTokenCount");
  private static final byte[] CANDIDATES_TOKEN_COUNT = ascii("candidatesTokenCount");
  private static final byte[] THOUGHTS_TOKEN_COUNT = ascii("thoughtsTokenCount");
  private static final byte[] CACHED_CONTENT_TOKEN_COUNT = ascii("cachedContentTokenCount");

  @Override
  public String terminalEventName() {
    return "a chunk with finishReason";
  }

  @Override
  public EventKind decode(String eventType, byte[] data, int off, int len, StreamState s)
      throws SseFormatException {
    int flags = 0;
    try {
      open(data, off, len);
      while (nextField()) {
        if (c.is(CANDIDATES)) {
          flags |= parseCandidates(s);
        } else if (c.is(USAGE_METADATA)) {
          if (enterObject()) {
            parseUsage(s);
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
      throw malformed(data, off, len, e);
    }
    return KindFlags.kind(flags);
  }

  private int parseCandidates(StreamState s) throws IOException {
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
        if (c.is(CONTENT_NAME)) {
          flags |= parseContent(s);
        } else if (c.is(FINISH_REASON)) {
          String reason = readString();
          if (reason != null) {
            s.finishReason = reason;
            s.complete = true;
          }
        } else {
          skipValue();
        }
      }
    }
    return flags;
  }

  private int parseContent(StreamState s) throws IOException {
    if (!enterObject()) {
      return 0;
    }
    int flags = 0;
    while (nextField()) {
      if (!c.is(PARTS)) {
        skipValue();
        continue;
      }
      if (!enterArray()) {
        continue;
      }
      int t;
      while ((t = c.next()) != END_ARRAY) {
        if (t != START_OBJECT) {
          c.skipValue();
          continue;
        }
        s.pending.setLength(0);
        int chars = 0;
        boolean thought = false;
        boolean call = false;
        while (nextField()) {
          if (c.is(TEXT)) {
            chars += Math.max(0, appendString(s.pending, true));
          } else if (c.is(THOUGHT)) {
            thought = c.next() == JsonCursor.TRUE;
            c.skipValue();
          } else if (c.is(FUNCTION_CALL)) {
            call = true;
            skipValue();
          } else {
            skipValue();
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

  private void parseUsage(StreamState s) throws IOException {
    s.outputExcludesReasoning = true;
    while (nextField()) {
      if (c.is(PROMPT_TOKEN_COUNT)) {
        set(s, readLong(), INPUT);
      } else if (c.is(CANDIDATES_TOKEN_COUNT)) {
        set(s, readLong(), OUTPUT);
      } else if (c.is(THOUGHTS_TOKEN_COUNT)) {
        set(s, readLong(), REASONING);
      } else if (c.is(CACHED_CONTENT_TOKEN_COUNT)) {
        set(s, readLong(), CACHE_READ);
      } else {
        skipValue();
      }
    }
  }
}
