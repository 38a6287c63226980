package dev.tradeoff.examples.sim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * OpenAI Chat Completions, as in the recorded streams: a role chunk, one chunk per token, a finish chunk, with
 * {@code stream_options.include_usage} a final {@code "choices":[]} usage chunk (and {@code "usage":null} on the
 * others), then {@code data: [DONE]}. Chunks carry no {@code event:} line.
 */
final class ChatRenderer extends Renderer {

  private final String id;
  private final long created;
  private final String fingerprint;
  private final boolean includeUsage;
  private final String requestId;
  private final String[] contentTemplate;
  private final String[] reasoningTemplate;
  private boolean roleSent;

  ChatRenderer(Generation g) {
    super(g);
    this.id = g.ids.base62("chatcmpl-", 29);
    this.requestId = g.ids.hex("req_", 32);
    this.created = System.currentTimeMillis() / 1000;
    this.fingerprint = Ids.fingerprint(g.profile.id());
    this.includeUsage = g.request.path("stream_options").path("include_usage").asBoolean(false);
    this.contentTemplate = template(chunk(object().put("content", placeholder()), null));
    this.reasoningTemplate = template(chunk(object().put("reasoning_content", placeholder()), null));
  }

  @Override
  Map<String, String> headers() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("x-request-id", requestId);
    return headers;
  }

  private ObjectNode chunk(ObjectNode delta, String finishReason) {
    ObjectNode chunk = object();
    chunk.put("id", id);
    chunk.put("object", "chat.completion.chunk");
    chunk.put("created", created);
    chunk.put("model", g.profile.responseModel());
    chunk.put("service_tier", "default");
    chunk.put("system_fingerprint", fingerprint);
    ArrayNode choices = chunk.putArray("choices");
    if (delta != null) {
      ObjectNode choice = choices.addObject();
      choice.put("index", 0);
      choice.set("delta", delta);
      choice.putNull("logprobs");
      if (finishReason == null) {
        choice.putNull("finish_reason");
      } else {
        choice.put("finish_reason", finishReason);
      }
    }
    if (includeUsage) {
      chunk.putNull("usage");
    }
    return chunk;
  }

  private String roleChunk() {
    roleSent = true;
    ObjectNode delta = object().put("role", "assistant").put("content", "");
    delta.putNull("refusal");
    return Wire.data(write(chunk(delta, null)));
  }

  @Override
  String open() {
    return "";
  }

  @Override
  String token(int i) {
    String role = roleSent ? "" : roleChunk();
    String[] template = g.streamedIsReasoning(i) ? reasoningTemplate : contentTemplate;
    return role + Wire.data(fill(template, g.streamedWord(i)));
  }

  @Override
  String close() {
    StringBuilder sb = new StringBuilder();
    if (!roleSent) {
      sb.append(roleChunk());
    }
    sb.append(Wire.data(write(chunk(object(), finishReason()))));
    if (includeUsage) {
      ObjectNode last = chunk(null, null);
      last.set("usage", usage());
      sb.append(Wire.data(write(last)));
    }
    sb.append(Wire.data("[DONE]"));
    return sb.toString();
  }

  @Override
  String error() {
    return Wire.data(write(ErrorResponses.openAiError(
        "The server had an error while processing your request. Sorry about that!", "server_error", null)));
  }

  @Override
  JsonNode body() {
    ObjectNode body = object();
    body.put("id", id);
    body.put("object", "chat.completion");
    body.put("created", created);
    body.put("model", g.profile.responseModel());
    ObjectNode choice = body.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode message = choice.putObject("message");
    message.put("role", "assistant");
    message.put("content", g.visibleText());
    if (g.profile.streamReasoning() && g.reasoningTokens > 0) {
      message.put("reasoning_content", g.reasoningText());
    }
    message.putNull("refusal");
    message.putArray("annotations");
    choice.putNull("logprobs");
    choice.put("finish_reason", finishReason());
    body.set("usage", usage());
    body.put("service_tier", "default");
    body.put("system_fingerprint", fingerprint);
    return body;
  }

  private String finishReason() {
    return g.truncated ? "length" : "stop";
  }

  private ObjectNode usage() {
    ObjectNode usage = object();
    usage.put("prompt_tokens", g.promptTokens);
    usage.put("completion_tokens", g.outputTokens());
    usage.put("total_tokens", g.promptTokens + g.outputTokens());
    ObjectNode prompt = usage.putObject("prompt_tokens_details");
    prompt.put("cached_tokens", g.cachedTokens);
    prompt.put("audio_tokens", 0);
    ObjectNode completion = usage.putObject("completion_tokens_details");
    completion.put("reasoning_tokens", g.reasoningTokens);
    completion.put("audio_tokens", 0);
    completion.put("accepted_prediction_tokens", 0);
    completion.put("rejected_prediction_tokens", 0);
    return usage;
  }
}
