package dev.tradeoff.examples.sim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tradeoff.examples.sim.WireFormat;

/**
 * The deterministic prompt-token estimate documented on {@code ModelProfile}:
 * {@code 3 + sum over messages (4 + ceil(characters / charsPerToken))}, counting the text of each message's
 * content (string, or the {@code text} of its parts) and the system prompt / instructions as one more message.
 */
final class PromptTokens {

  private PromptTokens() {}

  static int estimate(WireFormat format, JsonNode request, double charsPerToken) {
    long tokens = 3;
    switch (format) {
      case OPENAI_CHAT_COMPLETIONS:
        tokens += messages(request.path("messages"), charsPerToken);
        break;
      case ANTHROPIC_MESSAGES:
        if (!request.path("system").isMissingNode()) {
          tokens += message(request.path("system"), charsPerToken);
        }
        tokens += messages(request.path("messages"), charsPerToken);
        break;
      case OPENAI_RESPONSES:
      default:
        if (request.path("instructions").isTextual()) {
          tokens += message(request.path("instructions"), charsPerToken);
        }
        JsonNode input = request.path("input");
        tokens += input.isArray() ? messages(input, charsPerToken) : message(input, charsPerToken);
        break;
    }
    return (int) Math.min(Integer.MAX_VALUE, tokens);
  }

  private static long messages(JsonNode messages, double charsPerToken) {
    long tokens = 0;
    for (JsonNode message : messages) {
      JsonNode content = message.has("content") ? message.get("content") : message.path("output");
      tokens += message(content, charsPerToken);
    }
    return tokens;
  }

  private static long message(JsonNode content, double charsPerToken) {
    return 4 + (long) Math.ceil(characters(content) / charsPerToken);
  }

  private static long characters(JsonNode content) {
    if (content.isTextual()) {
      String text = content.asText();
      return text.codePointCount(0, text.length());
    }
    long chars = 0;
    if (content.isArray()) {
      for (JsonNode part : content) {
        if (part.isTextual()) {
          chars += characters(part);
        } else if (part.path("text").isTextual()) {
          chars += characters(part.get("text"));
        }
      }
    }
    return chars;
  }
}
