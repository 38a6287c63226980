package dev.tradeoff.examples.sim.internal;

import java.util.Locale;
import java.util.Map;

/**
 * One parsed HTTP/1.1 request. Header names are lower-case; the last occurrence of a repeated header wins.
 *
 * @param method the request method, upper-case as sent
 * @param path the request target without its query string
 * @param headers header values by lower-case name
 * @param body the decoded body (chunked transfer coding removed)
 * @param keepAlive whether the connection may carry another request afterwards
 */
record HttpRequest(String method, String path, Map<String, String> headers, byte[] body, boolean keepAlive) {

  /** The header's value, or {@code ""} if absent. */
  String header(String name) {
    String value = headers.get(name.toLowerCase(Locale.ROOT));
    return value == null ? "" : value;
  }
}
