package dev.tradeoff.examples.sim.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** HTTP/1.1 and SSE framing: status lines, headers, chunks and events, all as bytes. */
final class Wire {

  /** Last chunk of a chunked body, with no trailers. */
  static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
  static final byte[] EMPTY = new byte[0];

  private Wire() {}

  /** Reason phrases of the statuses the simulator sends. */
  static String reason(int status) {
    switch (status) {
      case 100: return "Continue";
      case 200: return "OK";
      case 400: return "Bad Request";
      case 401: return "Unauthorized";
      case 404: return "Not Found";
      case 405: return "Method Not Allowed";
      case 413: return "Payload Too Large";
      case 429: return "Too Many Requests";
      case 431: return "Request Header Fields Too Large";
      case 500: return "Internal Server Error";
      case 502: return "Bad Gateway";
      case 503: return "Service Unavailable";
      case 504: return "Gateway Timeout";
      case 529: return "Site Overloaded";
      default: return status < 500 ? "Client Error" : "Server Error";
    }
  }

  /** A response head: status line and headers (in order), ending with the blank line. */
  static byte[] head(int status, Map<String, String> headers) {
    StringBuilder sb = new StringBuilder(256);
    sb.append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
    for (Map.Entry<String, String> h : headers.entrySet()) {
      sb.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
    }
    sb.append("\r\n");
    return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /** A complete response with a {@code Content-Length} body. */
  static byte[] fixed(int status, Map<String, String> headers, String contentType, byte[] body, boolean close) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("Content-Type", contentType);
    all.put("Content-Length", Integer.toString(body.length));
    if (close) {
      all.put("Connection", "close");
    }
    all.putAll(headers);
    return concat(head(status, all), body);
  }

  /** {@code data} as one chunk of a chunked body; nothing for empty data (an empty chunk would end the body). */
  static byte[] chunk(byte[] data) {
    if (data.length == 0) {
      return EMPTY;
    }
    byte[] size = (Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[size.length + data.length + 2];
    System.arraycopy(size, 0, out, 0, size.length);
    System.arraycopy(data, 0, out, size.length, data.length);
    out[out.length - 2] = '\r';
    out[out.length - 1] = '\n';
    return out;
  }

  /** An SSE event with an {@code event:} line. */
  static String event(String name, String json) {
    return "event: " + name + "\ndata: " + json + "\n\n";
  }

  /** An SSE event with only a {@code data:} line. */
  static String data(String json) {
    return "data: " + json + "\n\n";
  }

  static byte[] utf8(CharSequence s) {
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.write(part, 0, part.length);
    }
    return out.toByteArray();
  }
}
