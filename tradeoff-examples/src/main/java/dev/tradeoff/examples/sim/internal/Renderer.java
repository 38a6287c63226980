package dev.tradeoff.examples.sim.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Renders one generation in one wire format: the SSE text of each step of a stream, or the JSON body of a
 * non-streaming response. Stateful (it remembers which blocks it has opened); confined to one connection.
 */
abstract class Renderer {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final String PLACEHOLDER = "\u0001TOKEN\u0001";

  final Generation g;

  Renderer(Generation g) {
    this.g = g;
  }

  /** Provider-specific response headers (request id and the like). */
  abstract Map<String, String> headers();

  /** Events sent together with the response head, before the first token; may be empty. */
  abstract String open();

  /** The events that carry streamed token {@code i} (and any block that opens with it). */
  abstract String token(int i);

  /** The closing events: finish reason, usage, end marker. */
  abstract String close();

  /** The provider's mid-stream error event. */
  abstract String error();

  /** The non-streaming response body. */
  abstract JsonNode body();

  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JSON string literal. */
  static String quote(String text) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
  }

  /** A placeholder value; {@link #template} splits a serialized node around it. */
  static String placeholder() {
    return PLACEHOLDER;
  }

  /** The JSON of {@code node} split around its one {@link #placeholder()} string value. */
  static String[] template(JsonNode node) {
    String json = write(node);
    String quoted = quote(PLACEHOLDER);
    int at = json.indexOf(quoted);
    if (at < 0) {
      throw new IllegalStateException("template without placeholder: " + json);
    }
    return new String[] {json.substring(0, at), json.substring(at + quoted.length())};
  }

  /** Fills a {@link #template}. */
  static String fill(String[] template, String token) {
    return template[0] + quote(token) + template[1];
  }
}
