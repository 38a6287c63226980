package dev.tradeoff.metrics.internal;

import dev.tradeoff.metrics.EventKind;
import dev.tradeoff.metrics.sse.SseFormatException;
import java.io.IOException;

/**
 * OpenAI Responses API events: {@code response.output_text.delta} (content), reasoning text and summary deltas,
 * function-call argument deltas, {@code response.completed} / {@code response.incomplete} with usage (terminal),
 * {@code response.failed} and {@code error} (errors after HTTP 200).
 */
final class OpenAiResponsesDecoder extends WireDecoder {

  private static final byte[] DELTA = ascii("delta");
  private static final byte[] RESPONSE = ascii("response");
  private static final byte[] ITEM = ascii("item");
  private static final byte[] FUNCTION_CALL = ascii("function_call");
  private static final byte[] MESSAGE_TYPE = ascii("message");
  private static final byte[] INCOMPLETE_DETAILS = ascii("incomplete_details");
  private static final byte[] REASON = ascii("reason");
  private static final byte[] IN_PROGRESS = ascii("in_progress");
  private static final byte[] QUEUED = ascii("queued");

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
    int item = 0;
    String code = null;
    String message = null;
    s.pending.setLength(0);
    try {
      open(data, off, len);
      while (nextField()) {
        if (c.is(N_TYPE)) {
          type = readString(); // event types are few and short; one small String per event
        } else if (c.is(DELTA)) {
          int n = appendString(s.pending, true);
          deltaSeen = n >= 0;
          deltaChars = Math.max(0, n);
        } else if (c.is(RESPONSE)) {
          usage |= parseResponse(s);
        } else if (c.is(ITEM)) {
          item = parseItemType();
        } else if (c.is(N_CODE)) {
          int t = c.next();
          code = t == JsonCursor.STRING || t == JsonCursor.NUMBER ? c.text() : null;
          c.skipValue();
        } else if (c.is(N_MESSAGE)) {
          message = readString();
        } else {
          skipValue();
        }
      }
      close();
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
        return item == 1 ? EventKind.TOOL_CALL : item == 2 ? EventKind.ROLE_ONLY : EventKind.OTHER;
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
  private int parseItemType() throws IOException {
    if (!enterObject()) {
      return 0;
    }
    int result = 0;
    while (nextField()) {
      if (c.is(N_TYPE)) {
        if (c.next() == JsonCursor.STRING) {
          result = c.is(FUNCTION_CALL) ? 1 : c.is(MESSAGE_TYPE) ? 2 : 0;
        } else {
          c.skipValue();
        }
      } else {
        skipValue();
      }
    }
    return result;
  }

  /** Reads a response object: status, usage, error, incomplete_details. Returns whether usage was present. */
  private boolean parseResponse(StreamState s) throws IOException {
    if (!enterObject()) {
      return false;
    }
    boolean usage = false;
    while (nextField()) {
      if (c.is(N_USAGE)) {
        if (enterObject()) {
          OpenAiChatDecoder.parseUsage(this, s);
          usage = true;
        }
      } else if (c.is(N_STATUS)) {
        if (c.next() == JsonCursor.STRING) {
          if (!c.is(IN_PROGRESS) && !c.is(QUEUED)) {
            s.finishReason = c.text();
          }
        } else {
          c.skipValue();
        }
      } else if (c.is(INCOMPLETE_DETAILS)) {
        if (enterObject()) {
          while (nextField()) {
            if (c.is(REASON)) {
              String reason = readString();
              if (reason != null) {
                s.finishReason = reason;
              }
            } else {
              skipValue();
            }
          }
        }
      } else if (c.is(N_ERROR)) {
        if (enterObject()) { // "error": null while the response is fine
          String code = null;
          String message = null;
          while (nextField()) {
            if (c.is(N_CODE)) {
              code = readString();
            } else if (c.is(N_MESSAGE)) {
              message = readString();
            } else {
              skipValue();
            }
          }
          s.fail(code != null ? code : "error", message != null ? message : "(no message)");
        }
      } else {
        skipValue();
      }
    }
    return usage;
  }
}
