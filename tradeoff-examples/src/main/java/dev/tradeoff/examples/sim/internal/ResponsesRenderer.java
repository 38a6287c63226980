package dev.tradeoff.examples.sim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * OpenAI Responses, as in the recorded stream: {@code response.created} and {@code response.in_progress} at once;
 * with the first token {@code response.output_item.added} and {@code response.content_part.added}; one
 * {@code response.output_text.delta} per token; then {@code output_text.done}, {@code content_part.done},
 * {@code output_item.done} and {@code response.completed} (or {@code response.incomplete} when the output limit
 * cut the answer). Reasoning is hidden: it only delays the first token and is counted in the usage.
 */
final class ResponsesRenderer extends Renderer {

  private final String id;
  private final String messageId;
  private final String requestId;
  private final long createdAt;
  private final String[] deltaTemplate;
  private boolean itemOpened;

  ResponsesRenderer(Generation g) {
    super(g);
    this.id = g.ids.hex("resp_", 48);
    this.messageId = g.ids.hex("msg_", 48);
    this.requestId = g.ids.hex("req_", 32);
    this.createdAt = System.currentTimeMillis() / 1000;
    ObjectNode delta = object();
    delta.put("type", "response.output_text.delta");
    delta.put("item_id", messageId);
    delta.put("output_index", 0);
    delta.put("content_index", 0);
    delta.put("delta", placeholder());
    this.deltaTemplate = template(delta);
  }

  @Override
  Map<String, String> headers() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("x-request-id", requestId);
    return headers;
  }

  @Override
  String open() {
    return event("response.created", wrap("response.created", response("in_progress", false)))
        + event("response.in_progress", wrap("response.in_progress", response("in_progress", false)));
  }

  @Override
  String token(int i) {
    return openItem() + Wire.event("response.output_text.delta", fill(deltaTemplate, g.streamedWord(i)));
  }

  @Override
  String close() {
    String text = g.visibleText();
    StringBuilder sb = new StringBuilder(openItem());
    ObjectNode textDone = object();
    textDone.put("type", "response.output_text.done");
    textDone.put("item_id", messageId);
    textDone.put("output_index", 0);
    textDone.put("content_index", 0);
    textDone.put("text", text);
    sb.append(event("response.output_text.done", textDone));
    ObjectNode partDone = object();
    partDone.put("type", "response.content_part.done");
    partDone.put("item_id", messageId);
    partDone.put("output_index", 0);
    partDone.put("content_index", 0);
    partDone.set("part", part(text));
    sb.append(event("response.content_part.done", partDone));
    ObjectNode itemDone = object();
    itemDone.put("type", "response.output_item.done");
    itemDone.put("output_index", 0);
    itemDone.set("item", item("completed", text));
    sb.append(event("response.output_item.done", itemDone));
    String last = g.truncated ? "response.incomplete" : "response.completed";
    sb.append(event(last, wrap(last, response(g.truncated ? "incomplete" : "completed", true))));
    return sb.toString();
  }

  @Override
  String error() {
    ObjectNode error = object();
    error.put("type", "error");
    error.put("code", "server_error");
    error.put("message", "The server had an error while processing your request. Sorry about that!");
    error.putNull("param");
    return event("error", error);
  }

  @Override
  JsonNode body() {
    return response(g.truncated ? "incomplete" : "completed", true);
  }

  private String openItem() {
    if (itemOpened) {
      return "";
    }
    itemOpened = true;
    ObjectNode added = object();
    added.put("type", "response.output_item.added");
    added.put("output_index", 0);
    ObjectNode item = added.putObject("item");
    item.put("type", "message");
    item.put("id", messageId);
    item.put("status", "in_progress");
    item.put("role", "assistant");
    item.putArray("content");
    ObjectNode partAdded = object();
    partAdded.put("type", "response.content_part.added");
    partAdded.put("item_id", messageId);
    partAdded.put("output_index", 0);
    partAdded.put("content_index", 0);
    partAdded.set("part", part(""));
    return event("response.output_item.added", added) + event("response.content_part.added", partAdded);
  }

  private static String event(String name, JsonNode data) {
    return Wire.event(name, write(data));
  }

  private static ObjectNode wrap(String type, ObjectNode response) {
    ObjectNode event = object();
    event.put("type", type);
    event.set("response", response);
    return event;
  }

  private static ObjectNode part(String text) {
    ObjectNode part = object();
    part.put("type", "output_text");
    part.put("text", text);
    part.putArray("annotations");
    return part;
  }

  private ObjectNode item(String status, String text) {
    ObjectNode item = object();
    item.put("type", "message");
    item.put("id", messageId);
    item.put("status", status);
    item.put("role", "assistant");
    item.putArray("content").add(part(text));
    return item;
  }

  /** The response object, with the request's settings echoed as the real API does. */
  private ObjectNode response(String status, boolean finished) {
    JsonNode request = g.request;
    ObjectNode r = object();
    r.put("id", id);
    r.put("object", "response");
    r.put("created_at", createdAt);
    r.put("status", status);
    r.putNull("error");
    if (finished && g.truncated) {
      r.putObject("incomplete_details").put("reason", "max_output_tokens");
    } else {
      r.putNull("incomplete_details");
    }
    r.set("instructions", echo(request, "instructions"));
    r.set("max_output_tokens", echo(request, "max_output_tokens"));
    r.put("model", g.profile.responseModel());
    ArrayNode output = r.putArray("output");
    if (finished) {
      output.add(item(g.truncated ? "incomplete" : "completed", g.visibleText()));
    }
    r.put("parallel_tool_calls", request.path("parallel_tool_calls").asBoolean(true));
    r.set("previous_response_id", echo(request, "previous_response_id"));
    ObjectNode reasoning = r.putObject("reasoning");
    reasoning.set("effort", echo(request.path("reasoning"), "effort"));
    reasoning.putNull("generate_summary");
    r.put("store", request.path("store").asBoolean(true));
    r.put("temperature", request.path("temperature").asDouble(1.0));
    r.putObject("text").putObject("format").put("type", "text");
    r.set("tool_choice", request.has("tool_choice") ? request.get("tool_choice") : JSON.getNodeFactory().textNode("auto"));
    r.set("tools", request.path("tools").isArray() ? request.get("tools") : JSON.createArrayNode());
    r.put("top_p", request.path("top_p").asDouble(1.0));
    r.put("truncation", "disabled");
    if (finished) {
      ObjectNode usage = r.putObject("usage");
      usage.put("input_tokens", g.promptTokens);
      usage.putObject("input_tokens_details").put("cached_tokens", g.cachedTokens);
      usage.put("output_tokens", g.outputTokens());
      usage.putObject("output_tokens_details").put("reasoning_tokens", g.reasoningTokens);
      usage.put("total_tokens", g.promptTokens + g.outputTokens());
    } else {
      r.putNull("usage");
    }
    r.set("user", echo(request, "user"));
    r.set("metadata", request.path("metadata").isObject() ? request.get("metadata") : JSON.createObjectNode());
    return r;
  }

  private static JsonNode echo(JsonNode request, String field) {
    JsonNode value = request.get(field);
    return value == null ? JSON.getNodeFactory().nullNode() : value;
  }
}
