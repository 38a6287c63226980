package dev.tradeoff.examples.sim.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tradeoff.examples.sim.WireFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Provider-shaped error bodies and complete error responses.
 *
 * <pre>
 * OpenAI:    {"error":{"message":"…","type":"…","param":null,"code":"…"}}
 * Anthropic: {"type":"error","error":{"type":"…","message":"…"},"request_id":"req_…"}
 * </pre>
 *
 * Messages never contain request headers, so API keys are never echoed.
 */
final class ErrorResponses {

  private ErrorResponses() {}

  static ObjectNode openAiError(String message, String type, String code) {
    return openAiError(message, type, null, code);
  }

  static ObjectNode openAiError(String message, String type, String param, String code) {
    ObjectNode body = Renderer.object();
    ObjectNode error = body.putObject("error");
    error.put("message", message);
    error.put("type", type);
    if (param == null) {
      error.putNull("param");
    } else {
      error.put("param", param);
    }
    if (code == null) {
      error.putNull("code");
    } else {
      error.put("code", code);
    }
    return body;
  }

  static ObjectNode anthropicError(String type, String message, String requestId, boolean withDetails) {
    ObjectNode body = Renderer.object();
    body.put("type", "error");
    ObjectNode error = body.putObject("error");
    if (withDetails) {
      error.putNull("details");
    }
    error.put("type", type);
    error.put("message", message);
    body.put("request_id", requestId);
    return body;
  }

  /** The Anthropic error type of an HTTP status. */
  static String anthropicType(int status) {
    switch (status) {
      case 400: return "invalid_request_error";
      case 401: return "authentication_error";
      case 403: return "permission_error";
      case 404: return "not_found_error";
      case 413: return "request_too_large";
      case 429: return "rate_limit_error";
      case 529: return "overloaded_error";
      default: return status >= 500 ? "api_error" : "invalid_request_error";
    }
  }

  /**
   * A complete error response in the shape of {@code format}.
   *
   * @param openAiType OpenAI's {@code type} ({@code invalid_request_error}, {@code server_error}, …)
   * @param openAiCode OpenAI's {@code code}, or null
   * @param param OpenAI's {@code param}, or null
   * @param extraHeaders headers after the standard ones (for example {@code retry-after})
   */
  static byte[] response(WireFormat format, Ids ids, int status, String message, String openAiType, String param,
      String openAiCode, Map<String, String> extraHeaders, boolean close) {
    Map<String, String> headers = new LinkedHashMap<>();
    String body;
    if (format.equals(WireFormat.ANTHROPIC_MESSAGES)) {
      String requestId = ids.base62("req_011C", 20);
      headers.put("request-id", requestId);
      body = Renderer.write(anthropicError(anthropicType(status), message, requestId, false));
    } else {
      headers.put("x-request-id", ids.hex("req_", 32));
      body = Renderer.write(openAiError(message, openAiType, param, openAiCode));
    }
    headers.put(Router.SIMULATED_HEADER, "true");
    headers.putAll(extraHeaders);
    return Wire.fixed(status, headers, "application/json", Wire.utf8(body), close);
  }
}
