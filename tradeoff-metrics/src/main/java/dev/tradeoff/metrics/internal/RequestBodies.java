package dev.tradeoff.metrics.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tradeoff.metrics.client.ChatMessage;
import dev.tradeoff.metrics.client.ChatRequest;
import dev.tradeoff.metrics.client.ClientConfig;
import dev.tradeoff.metrics.client.ImmutableChatRequest;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a {@link ChatRequest} in each wire format's request JSON. Once per request, so the bytes of immutable
 * requests are kept and reused: a load run sends the same few dozen prompts thousands of times, and building the
 * JSON tree and its bytes anew for each send was a steady share of the load generator's garbage (and of its
 * send-path CPU) for identical bytes.
 */
final class RequestBodies {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** Most request bodies kept; beyond it bodies are written for each send (a prompt set larger than this). */
  static final int MAX_CACHED = 1024;

  private final ClientConfig config;
  private final ObjectNode extra;

  RequestBodies(ClientConfig config) {
    this.config = config;
    try {
      this.extra = (ObjectNode) MAPPER.readTree(config.extraBodyJson());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("extraBodyJson must be a JSON object", e); // checked by ClientConfig
    }
  }

  private final ConcurrentHashMap<ChatRequest, byte[]> cache = new ConcurrentHashMap<>();

  /**
   * The request JSON; the same array for equal immutable requests, so callers must never write into it (OkHttp
   * only reads it).
   */
  byte[] body(ChatRequest request) {
    // Only the generated immutable type is known to be immutable; a caller's own implementation may change.
    if (!(request instanceof ImmutableChatRequest)) {
      return write(request);
    }
    byte[] cached = cache.get(request);
    if (cached != null) {
      return cached;
    }
    byte[] body = write(request);
    if (cache.size() < MAX_CACHED) {
      cache.putIfAbsent(request, body);
    }
    return body;
  }

  private byte[] write(ChatRequest request) {
    ObjectNode root;
    switch (config.api()) {
      case OPENAI_CHAT:
        root = openAiChat(request);
        break;
      case OPENAI_RESPONSES:
        root = openAiResponses(request);
        break;
      case ANTHROPIC_MESSAGES:
        root = anthropic(request);
        break;
      case GEMINI:
        root = gemini(request);
        break;
      default:
        throw new IllegalArgumentException("unsupported api " + config.api());
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = extra.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      root.set(e.getKey(), e.getValue().deepCopy());
    }
    try {
      return MAPPER.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write request JSON", e);
    }
  }

  private ObjectNode openAiChat(ChatRequest r) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("model", config.model());
    ArrayNode messages = root.putArray("messages");
    for (ChatMessage m : r.messages()) {
      messages.addObject().put("role", role(m.role())).put("content", m.content());
    }
    root.put("stream", true);
    if (config.includeUsage()) {
      root.putObject("stream_options").put("include_usage", true);
    }
    root.put(config.openAiMaxTokensField(), r.maxOutputTokens());
    r.temperature().ifPresent(t -> root.put("temperature", t));
    return root;
  }

  private ObjectNode openAiResponses(ChatRequest r) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("model", config.model());
    ArrayNode input = root.putArray("input");
    for (ChatMessage m : r.messages()) {
      input.addObject().put("role", role(m.role())).put("content", m.content());
    }
    root.put("stream", true);
    root.put("max_output_tokens", r.maxOutputTokens());
    r.temperature().ifPresent(t -> root.put("temperature", t));
    return root;
  }

  private ObjectNode anthropic(ChatRequest r) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("model", config.model());
    root.put("max_tokens", r.maxOutputTokens());
    StringBuilder system = new StringBuilder();
    ArrayNode messages = MAPPER.createArrayNode();
    for (ChatMessage m : r.messages()) {
      if (m.role() == ChatMessage.Role.SYSTEM) {
        if (system.length() > 0) {
          system.append("\n\n");
        }
        system.append(m.content());
      } else {
        messages.addObject().put("role", role(m.role())).put("content", m.content());
      }
    }
    if (system.length() > 0) {
      root.put("system", system.toString());
    }
    root.set("messages", messages);
    root.put("stream", true);
    r.temperature().ifPresent(t -> root.put("temperature", Math.min(1.0, t)));
    return root;
  }

  private ObjectNode gemini(ChatRequest r) {
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode contents = root.putArray("contents");
    StringBuilder system = new StringBuilder();
    for (ChatMessage m : r.messages()) {
      if (m.role() == ChatMessage.Role.SYSTEM) {
        if (system.length() > 0) {
          system.append("\n\n");
        }
        system.append(m.content());
      } else {
        ObjectNode c = contents.addObject().put("role", m.role() == ChatMessage.Role.USER ? "user" : "model");
        c.putArray("parts").addObject().put("text", m.content());
      }
    }
    if (system.length() > 0) {
      root.putObject("systemInstruction").putArray("parts").addObject().put("text", system.toString());
    }
    ObjectNode gen = root.putObject("generationConfig");
    gen.put("maxOutputTokens", r.maxOutputTokens());
    r.temperature().ifPresent(t -> gen.put("temperature", t));
    return root;
  }

  private static String role(ChatMessage.Role role) {
    switch (role) {
      case SYSTEM:
        return "system";
      case USER:
        return "user";
      default:
        return "assistant";
    }
  }
}
