package dev.tradeoff.examples.sim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Anthropic Messages, as in the recorded streams: {@code message_start} (with the input usage and
 * {@code output_tokens: 1}), {@code content_block_start}, {@code ping}, one {@code content_block_delta} per token
 * ({@code thinking_delta} for reasoning, closed by a {@code signature_delta}, then a second, text block),
 * {@code content_block_stop}, {@code message_delta} with the cumulative {@code output_tokens} (thinking
 * included), {@code message_stop}. A mid-stream failure is an {@code event: error}.
 */
final class MessagesRenderer extends Renderer {

  /** The ping event, byte for byte as Anthropic sends it (with a space after the colon). */
  static final String PING = "{\"type\": \"ping\"}";

  private final String id;
  private final String requestId;
  private final String[] thinkingTemplate;
  private final String[] textTemplate;
  private boolean textBlockOpen;

  MessagesRenderer(Generation g) {
    super(g);
    this.id = g.ids.base62("msg_01", 22);
    this.requestId = g.ids.base62("req_011C", 20);
    this.thinkingTemplate = template(delta(0, "thinking_delta", "thinking", placeholder()));
    this.textTemplate = template(delta(textIndex(), "text_delta", "text", placeholder()));
  }

  @Override
  Map<String, String> headers() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("request-id", requestId);
    return headers;
  }

  private boolean thinks() {
    return g.reasoningTokens > 0;
  }

  private int textIndex() {
    return thinks() ? 1 : 0;
  }

  private static ObjectNode delta(int index, String type, String field, String value) {
    ObjectNode event = object();
    event.put("type", "content_block_delta");
    event.put("index", index);
    ObjectNode delta = event.putObject("delta");
    delta.put("type", type);
    delta.put(field, value);
    return event;
  }

  @Override
  String open() {
    ObjectNode start = object();
    start.put("type", "message_start");
    ObjectNode message = start.putObject("message");
    message.put("id", id);
    message.put("type", "message");
    message.put("role", "assistant");
    message.put("model", g.profile.responseModel());
    message.putArray("content");
    message.putNull("stop_reason");
    message.putNull("stop_sequence");
    ObjectNode usage = inputUsage(message.putObject("usage"));
    usage.put("output_tokens", 1);
    String first = thinks() ? blockStart(0, "thinking") : blockStart(0, "text");
    textBlockOpen = !thinks();
    return event("message_start", write(start)) + first + Wire.event("ping", PING);
  }

  private String blockStart(int index, String type) {
    ObjectNode event = object();
    event.put("type", "content_block_start");
    event.put("index", index);
    ObjectNode block = event.putObject("content_block");
    block.put("type", type);
    if (type.equals("thinking")) {
      block.put("thinking", "");
      block.put("signature", "");
    } else {
      block.put("text", "");
    }
    return event("content_block_start", write(event));
  }

  private String blockStop(int index) {
    ObjectNode event = object();
    event.put("type", "content_block_stop");
    event.put("index", index);
    return event("content_block_stop", write(event));
  }

  /** Closes the thinking block and opens the text block. */
  private String switchToText() {
    textBlockOpen = true;
    return event("content_block_delta", write(delta(0, "signature_delta", "signature", signature())))
        + blockStop(0) + blockStart(1, "text");
  }

  private String signature() {
    return g.ids.base62("Ev", 86) + "==";
  }

  @Override
  String token(int i) {
    if (g.streamedIsReasoning(i)) {
      return event("content_block_delta", fill(thinkingTemplate, g.streamedWord(i)));
    }
    String prefix = textBlockOpen ? "" : switchToText();
    return prefix + event("content_block_delta", fill(textTemplate, g.streamedWord(i)));
  }

  @Override
  String close() {
    StringBuilder sb = new StringBuilder();
    if (!textBlockOpen) {
      sb.append(switchToText());
    }
    sb.append(blockStop(textIndex()));
    ObjectNode messageDelta = object();
    messageDelta.put("type", "message_delta");
    ObjectNode delta = messageDelta.putObject("delta");
    delta.put("stop_reason", stopReason());
    delta.putNull("stop_sequence");
    messageDelta.putObject("usage").put("output_tokens", g.outputTokens());
    sb.append(event("message_delta", write(messageDelta)));
    sb.append(event("message_stop", "{\"type\":\"message_stop\"}"));
    return sb.toString();
  }

  @Override
  String error() {
    return event("error", write(ErrorResponses.anthropicError("overloaded_error", "Overloaded", requestId, true)));
  }

  @Override
  JsonNode body() {
    ObjectNode body = object();
    body.put("id", id);
    body.put("type", "message");
    body.put("role", "assistant");
    body.put("model", g.profile.responseModel());
    ArrayNode content = body.putArray("content");
    if (thinks()) {
      ObjectNode thinking = content.addObject();
      thinking.put("type", "thinking");
      thinking.put("thinking", g.reasoningText());
      thinking.put("signature", signature());
    }
    ObjectNode text = content.addObject();
    text.put("type", "text");
    text.put("text", g.visibleText());
    body.put("stop_reason", stopReason());
    body.putNull("stop_sequence");
    inputUsage(body.putObject("usage")).put("output_tokens", g.outputTokens());
    return body;
  }

  private ObjectNode inputUsage(ObjectNode usage) {
    usage.put("input_tokens", g.promptTokens - g.cachedTokens - g.cacheWriteTokens);
    usage.put("cache_creation_input_tokens", g.cacheWriteTokens);
    usage.put("cache_read_input_tokens", g.cachedTokens);
    return usage;
  }

  private String stopReason() {
    return g.truncated ? "max_tokens" : "end_turn";
  }

  private static String event(String name, String json) {
    return Wire.event(name, json);
  }
}
