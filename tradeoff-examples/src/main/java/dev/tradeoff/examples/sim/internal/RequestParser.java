package dev.tradeoff.examples.sim.internal;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Incremental HTTP/1.1 request parser over a connection's input bytes. Supports {@code Content-Length} and
 * {@code Transfer-Encoding: chunked} bodies (trailers are skipped) and reports {@code Expect: 100-continue}.
 */
final class RequestParser {

  /** Longest accepted request head, in bytes. */
  static final int MAX_HEAD_BYTES = 64 * 1024;

  private RequestParser() {}

  /** Outcome of one parse attempt. */
  static final class Result {
    static final Result NEED_MORE = new Result(null, 0, false);
    static final Result NEED_MORE_CONTINUE = new Result(null, 0, true);

    final HttpRequest request;
    final int consumed;
    final boolean wantsContinue;

    Result(HttpRequest request, int consumed, boolean wantsContinue) {
      this.request = request;
      this.consumed = consumed;
      this.wantsContinue = wantsContinue;
    }
  }

  /** A request the server must refuse with {@link #status}. */
  static final class BadRequest extends Exception {
    final int status;

    BadRequest(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }
  }

  /**
   * Parses one request from {@code buf[0, len)}.
   *
   * @return a complete request and how many bytes it used, or NEED_MORE(_CONTINUE)
   * @throws BadRequest if the bytes cannot be a valid request within {@code maxRequestBytes}
   */
  static Result parse(byte[] buf, int len, int maxRequestBytes) throws BadRequest {
    int headEnd = indexOf(buf, len, Math.min(len, MAX_HEAD_BYTES + 4));
    if (headEnd < 0) {
      if (len > MAX_HEAD_BYTES) {
        throw new BadRequest(431, "request head larger than " + MAX_HEAD_BYTES + " bytes");
      }
      return Result.NEED_MORE;
    }
    String head = new String(buf, 0, headEnd, StandardCharsets.ISO_8859_1);
    String[] lines = head.split("\r\n");
    String[] requestLine = lines[0].split(" ");
    if (requestLine.length != 3 || !requestLine[2].startsWith("HTTP/1.")) {
      throw new BadRequest(400, "malformed request line");
    }
    Map<String, String> headers = new HashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon <= 0) {
        throw new BadRequest(400, "malformed header line");
      }
      headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
    }
    String target = requestLine[1];
    int query = target.indexOf('?');
    String path = query < 0 ? target : target.substring(0, query);
    String connection = headers.getOrDefault("connection", "").toLowerCase(Locale.ROOT);
    boolean http11 = requestLine[2].equals("HTTP/1.1");
    boolean keepAlive = http11 ? !connection.contains("close") : connection.contains("keep-alive");
    boolean wantsContinue = "100-continue".equalsIgnoreCase(headers.getOrDefault("expect", ""));
    int bodyStart = headEnd + 4;

    byte[] body;
    int consumed;
    String transferEncoding = headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT);
    if (transferEncoding.contains("chunked")) {
      long[] decoded = new long[2];
      body = decodeChunked(buf, bodyStart, len, maxRequestBytes, decoded);
      if (body == null) {
        return wantsContinue ? Result.NEED_MORE_CONTINUE : Result.NEED_MORE;
      }
      consumed = (int) decoded[0];
    } else {
      long contentLength;
      try {
        contentLength = Long.parseLong(headers.getOrDefault("content-length", "0"));
      } catch (NumberFormatException e) {
        throw new BadRequest(400, "malformed Content-Length");
      }
      if (contentLength < 0) {
        throw new BadRequest(400, "malformed Content-Length");
      }
      if (bodyStart + contentLength > maxRequestBytes) {
        throw new BadRequest(413, "request larger than " + maxRequestBytes + " bytes");
      }
      if (len - bodyStart < contentLength) {
        return wantsContinue ? Result.NEED_MORE_CONTINUE : Result.NEED_MORE;
      }
      body = new byte[(int) contentLength];
      System.arraycopy(buf, bodyStart, body, 0, body.length);
      consumed = bodyStart + body.length;
    }
    return new Result(new HttpRequest(requestLine[0], path, headers, body, keepAlive), consumed, false);
  }

  /** Decodes a chunked body, or returns null if incomplete; {@code out[0]} receives the end offset. */
  private static byte[] decodeChunked(byte[] buf, int start, int len, int max, long[] out) throws BadRequest {
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    int pos = start;
    while (true) {
      int lineEnd = indexOfCrlf(buf, pos, len);
      if (lineEnd < 0) {
        return null;
      }
      String sizeLine = new String(buf, pos, lineEnd - pos, StandardCharsets.ISO_8859_1);
      int semicolon = sizeLine.indexOf(';');
      int size;
      try {
        size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
      } catch (NumberFormatException e) {
        throw new BadRequest(400, "malformed chunk size");
      }
      if (size < 0 || body.size() + (long) size > max) {
        throw new BadRequest(413, "request larger than " + max + " bytes");
      }
      pos = lineEnd + 2;
      if (size == 0) {
        // trailers until an empty line
        while (true) {
          int end = indexOfCrlf(buf, pos, len);
          if (end < 0) {
            return null;
          }
          boolean empty = end == pos;
          pos = end + 2;
          if (empty) {
            out[0] = pos;
            return body.toByteArray();
          }
        }
      }
      if (len - pos < size + 2) {
        return null;
      }
      body.write(buf, pos, size);
      pos += size + 2;
    }
  }

  private static int indexOfCrlf(byte[] buf, int from, int len) {
    for (int i = from; i + 1 < len; i++) {
      if (buf[i] == '\r' && buf[i + 1] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** Index of the first CRLFCRLF within {@code buf[0, limit)}, or -1. */
  private static int indexOf(byte[] buf, int len, int limit) {
    int end = Math.min(len, limit);
    for (int i = 0; i + 3 < end; i++) {
      if (buf[i] == '\r' && buf[i + 1] == '\n' && buf[i + 2] == '\r' && buf[i + 3] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
