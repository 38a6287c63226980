package dev.tradeoff.metrics.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.function.Function;

/**
 * An API key, kept out of every string this library produces: {@link #toString()} is {@code ApiKey[redacted]},
 * the key is sent only as a request header, and clients replace it with {@code [REDACTED]} in any failure
 * message (a server may echo it back).
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * ApiKey key = ApiKey.fromEnv("OPENAI_API_KEY");      // fails fast when unset
 * ApiKey local = ApiKey.none();                       // vLLM / Ollama on localhost
 * }</pre>
 */
public final class ApiKey {

  private static final ApiKey NONE = new ApiKey("");

  private final String value;

  private ApiKey(String value) {
    this.value = value;
  }

  /**
   * A key given in configuration.
   *
   * @param key the secret
   * @return the key
   * @throws IllegalArgumentException if the key is blank or contains a line break or control character (which
   *     would corrupt the header)
   */
  public static ApiKey of(String key) {
    Objects.requireNonNull(key, "key");
    if (key.isBlank()) {
      throw new IllegalArgumentException("key must not be blank");
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw new IllegalArgumentException("key must not contain control characters (found one at index " + i + ")");
      }
    }
    return new ApiKey(key.strip());
  }

  /**
   * A key read from an environment variable.
   *
   * @param variable the variable's name, e.g. {@code "ANTHROPIC_API_KEY"}
   * @return the key
   * @throws IllegalStateException if the variable is unset or blank (the message names the variable, never a
   *     value)
   */
  public static ApiKey fromEnv(String variable) {
    return fromEnv(variable, System::getenv);
  }

  /**
   * A key read through a lookup function (for tests and configuration systems).
   *
   * @param variable the name to look up
   * @param lookup returns the value or {@code null}
   * @return the key
   * @throws IllegalStateException if the lookup returns {@code null} or a blank value
   */
  public static ApiKey fromEnv(String variable, Function<String, String> lookup) {
    Objects.requireNonNull(variable, "variable");
    String value = lookup.apply(variable);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("environment variable " + variable + " is not set or is blank");
    }
    return of(value);
  }

  /**
   * No key: no authentication header is sent (local OpenAI-compatible servers).
   *
   * @return the empty key
   */
  public static ApiKey none() {
    return NONE;
  }

  /**
   * Whether a key is present.
   *
   * @return false for {@link #none()}
   */
  public boolean isPresent() {
    return !value.isEmpty();
  }

  /**
   * The secret itself, for building the authentication header. Never log or store it.
   *
   * @return the key, {@code ""} for {@link #none()}
   */
  public String reveal() {
    return value;
  }

  /** Compares in constant time. */
  @Override
  public boolean equals(Object o) {
    return o instanceof ApiKey
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.UTF_8), ((ApiKey) o).value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return isPresent() ? 1 : 0;
  }

  /** Never shows the key. */
  @Override
  public String toString() {
    return isPresent() ? "ApiKey[redacted]" : "ApiKey[none]";
  }
}
