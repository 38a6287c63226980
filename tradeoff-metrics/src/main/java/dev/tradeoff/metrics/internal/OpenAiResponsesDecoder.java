package dev.tradeoff.metrics.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tradeoff.metrics.EventKind;
import dev.tradeoff.metrics.sse.SseFormatException;
import java.io.IOException;

/**
 * OpenAI Responses API events: {@code response.output_text.delta} (content), reasoning text and summary deltas,
 * function-call argument deltas, {@code response.completed} / {@code response.incomplete} with usage (terminal),
 * {@code response.failed} and {@code error} (errors after HTTP 200).
 */
final class OpenAiResponsesDecoder extends WireDecoder {

  @Override
  public String terminalEventName() {
    return "response.completed";
  }

  @Override
  public EventKind decode(String eventType, byte[] data, int off, int len, StreamState s)
      throws SseFormatException {
    String type = null;
    boolean deltaSeen = false;
    int deltaChars = 0;
    boolean usage = false;
    boolean functionCallItem = false;
    boolean messageItem = false;
    String code = null;
    String message = null;
    s.pending.setLength(0);
    try (JsonParser p = open(data, off, len)) {
      String f;
      while ((f = p.nextFieldName()) != null) {
        switch (f) {
          case "type":
            type = readString(p);
            break;
          case "delta":
            int n = appendString(p, s.pending, true);
            deltaSeen = n >= 0;
            deltaChars = Math.max(0, n);
            break;
          case "response":
            usage |= parseResponse(p, s);
            break;
          case "item":
            int item = parseItemType(p);
            functionCallItem = item == 1;
            messageItem = item == 2;
            break;
          case "code":
            JsonToken ct = p.nextToken();
            code = ct == JsonToken.VALUE_STRING || ct == JsonToken.VALUE_NUMBER_INT ? p.getText() : null;
            p.skipChildren();
            break;
          case "message":
            message = readString(p);
            break;
          default:
            skipValue(p);
        }
      }
      requireEnd(p);
    } catch (IOException e) {
      throw malformed(data, off, len, e);
    }
    if (type == null) {
      type = eventType;
    }
    switch (type) {
      case "response.output_text.delta":
      case "response.refusal.delta":
        return commitDelta(s, deltaSeen, deltaChars, EventKind.CONTENT);
      case "response.reasoning_text.delta":
      case "response.reasoning_summary_text.delta":
        return commitDelta(s, deltaSeen, deltaChars, EventKind.REASONING);
      case "response.function_call_arguments.delta":
        return commitDelta(s, deltaSeen, deltaChars, EventKind.TOOL_CALL);
      case "response.output_item.added":
        return functionCallItem ? EventKind.TOOL_CALL : messageItem ? EventKind.ROLE_ONLY : EventKind.OTHER;
      case "response.completed":
      case "response.incomplete":
        s.terminal = true;
        s.complete = true;
        return usage ? EventKind.USAGE : EventKind.OTHER;
      case "response.failed":
        s.terminal = true;
        if (!s.error) {
          s.fail("response.failed", "response failed without an error object");
        }
        return EventKind.ERROR;
      case "error":
        s.fail(code != null ? code : "error", message != null ? message : "(no message)");
        return EventKind.ERROR;
      default:
        return EventKind.OTHER;
    }
  }

  private static EventKind commitDelta(StreamState s, boolean seen, int chars, EventKind kind) {
    if (!seen || chars == 0) {
      return EventKind.OTHER;
    }
    if (s.captureText) {
      s.text.append(s.pending);
    }
    return kind;
  }

  /** 1 = function_call item, 2 = message item, 0 = other. */
  private static int parseItemType(JsonParser p) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return 0;
    }
    int result = 0;
    String f;
    while ((f = p.nextFieldName()) != null) {
      if ("type".equals(f)) {
        String t = readString(p);
        result = "function_call".equals(t) ? 1 : "message".equals(t) ? 2 : 0;
      } else {
        skipValue(p);
      }
    }
    return result;
  }

  /** Reads a response object: status, usage, error, incomplete_details. Returns whether usage was present. */
  private static boolean parseResponse(JsonParser p, StreamState s) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return false;
    }
    boolean usage = false;
    String f;
    while ((f = p.nextFieldName()) != null) {
      switch (f) {
        case "usage":
          if (p.nextToken() == JsonToken.START_OBJECT) {
            OpenAiChatDecoder.parseUsage(p, s);
            usage = true;
          } else {
            p.skipChildren();
          }
          break;
        case "status":
          String status = readString(p);
          if (status != null && !"in_progress".equals(status) && !"queued".equals(status)) {
            s.finishReason = status;
          }
          break;
        case "incomplete_details":
          if (p.nextToken() == JsonToken.START_OBJECT) {
            String g;
            while ((g = p.nextFieldName()) != null) {
              if ("reason".equals(g)) {
                String reason = readString(p);
                if (reason != null) {
                  s.finishReason = reason;
                }
              } else {
                skipValue(p);
              }
            }
          } else {
            p.skipChildren();
          }
          break;
        case "error":
          if (p.nextToken() == JsonToken.START_OBJECT) {
            String code = null;
            String message = null;
            String g;
            while ((g = p.nextFieldName()) != null) {
              if ("code".equals(g)) {
                code = readString(p);
              } else if ("message".equals(g)) {
                message = readString(p);
              } else {
                skipValue(p);
              }
            }
            s.fail(code != null ? code : "error", message != null ? message : "(no message)");
          } else {
            p.skipChildren(); // "error": null while the response is fine
          }
          break;
        default:
          skipValue(p);
      }
    }
    return usage;
  }
}
