package dev.tradeoff.metrics.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradeoff.metrics.client.ChatMessage;
import dev.tradeoff.metrics.client.ChatRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The requests of a benchmark, standardized so every candidate gets the same ones: a JSONL file with one
 * request per line.
 *
 * <pre>{@code
 * {"id":"cs-001","messages":[{"role":"system","content":"..."},{"role":"user","content":"..."}],"max_tokens":300}
 * }</pre>
 *
 * <p>{@code id} must be unique; {@code messages} is a non-empty array of {@code system}/{@code user}/{@code
 * assistant} messages; {@code max_tokens} (default {@value ChatRequest#DEFAULT_MAX_OUTPUT_TOKENS}) and {@code
 * temperature} are optional. Blank lines and lines starting with {@code //} are skipped. {@link
 * #customerSupport()} is the bundled default: 50 customer-support requests written for this project.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * PromptSet prompts = PromptSet.fromJsonl(Path.of("prompts.jsonl"));
 * PromptSet fallback = PromptSet.customerSupport();
 * }</pre>
 */
public final class PromptSet {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DEFAULT_RESOURCE = "customer-support-50.jsonl";

  private final String source;
  private final List<ChatRequest> requests;

  private PromptSet(String source, List<ChatRequest> requests) {
    this.source = source;
    this.requests = List.copyOf(requests);
  }

  /**
   * A prompt set of given requests.
   *
   * @param source a name for messages (a file name)
   * @param requests at least one request, ids unique
   * @return the set
   * @throws IllegalArgumentException if empty or an id repeats
   */
  public static PromptSet of(String source, List<ChatRequest> requests) {
    Objects.requireNonNull(source, "source");
    if (requests.isEmpty()) {
      throw new IllegalArgumentException(source + ": a prompt set needs at least one request");
    }
    Set<String> ids = new HashSet<>();
    for (ChatRequest r : requests) {
      if (!r.id().isEmpty() && !ids.add(r.id())) {
        throw new IllegalArgumentException(source + ": id '" + r.id() + "' appears more than once");
      }
    }
    return new PromptSet(source, requests);
  }

  /**
   * The bundled default set: 50 customer-support requests for a fictional home-furnishing store.
   *
   * @return the set
   */
  public static PromptSet customerSupport() {
    try (InputStream in = PromptSet.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("bundled prompt set " + DEFAULT_RESOURCE + " is missing from the jar");
      }
      return fromJsonl(new InputStreamReader(in, StandardCharsets.UTF_8), DEFAULT_RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a JSONL file.
   *
   * @param file the file (UTF-8)
   * @return the set
   * @throws IOException if reading fails
   * @throws IllegalArgumentException if a line is invalid (the message names file, line and field)
   */
  public static PromptSet fromJsonl(Path file) throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return fromJsonl(r, file.toString());
    }
  }

  /**
   * Reads JSONL text.
   *
   * @param reader the text (not closed)
   * @param source a name for messages
   * @return the set
   * @throws IOException if reading fails
   * @throws IllegalArgumentException if a line is invalid (the message names source, line and field)
   */
  public static PromptSet fromJsonl(Reader reader, String source) throws IOException {
    BufferedReader in = reader instanceof BufferedReader ? (BufferedReader) reader : new BufferedReader(reader);
    List<ChatRequest> requests = new ArrayList<>();
    String line;
    int n = 0;
    while ((line = in.readLine()) != null) {
      n++;
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("//")) {
        continue;
      }
      requests.add(parse(trimmed, source + " line " + n));
    }
    return of(source, requests);
  }

  private static ChatRequest parse(String json, String where) {
    JsonNode n;
    try {
      n = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(where + ": not valid JSON (" + e.getOriginalMessage() + ")", e);
    }
    if (!n.isObject()) {
      throw new IllegalArgumentException(where + ": must be a JSON object");
    }
    dev.tradeoff.metrics.client.ImmutableChatRequest.Builder b = ChatRequest.builder();
    JsonNode id = n.get("id");
    if (id == null || !id.isTextual() || id.asText().isBlank()) {
      throw new IllegalArgumentException(where + ": field 'id' must be a non-empty string");
    }
    b.id(id.asText());
    JsonNode messages = n.get("messages");
    if (messages == null || !messages.isArray() || messages.isEmpty()) {
      throw new IllegalArgumentException(where + ": field 'messages' must be a non-empty array");
    }
    for (int i = 0; i < messages.size(); i++) {
      JsonNode m = messages.get(i);
      JsonNode role = m.get("role");
      JsonNode content = m.get("content");
      if (role == null || !role.isTextual() || content == null || !content.isTextual()) {
        throw new IllegalArgumentException(where + ": messages[" + i + "] needs string 'role' and 'content'");
      }
      ChatMessage.Role r;
      try {
        r = ChatMessage.Role.valueOf(role.asText().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            where + ": messages[" + i + "].role must be system, user or assistant, but was '" + role.asText() + "'");
      }
      b.addMessage(dev.tradeoff.metrics.client.ImmutableChatMessage.of(r, content.asText()));
    }
    JsonNode max = n.get("max_tokens");
    if (max != null && !max.isNull()) {
      if (!max.canConvertToInt() || !max.isIntegralNumber() || max.asInt() < 1) {
        throw new IllegalArgumentException(where + ": field 'max_tokens' must be a positive integer, but was " + max);
      }
      b.maxOutputTokens(max.asInt());
    }
    JsonNode temperature = n.get("temperature");
    if (temperature != null && !temperature.isNull()) {
      if (!temperature.isNumber()) {
        throw new IllegalArgumentException(where + ": field 'temperature' must be a number, but was " + temperature);
      }
      b.temperature(temperature.asDouble());
    }
    try {
      return b.build();
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }

  /**
   * Where the set came from.
   *
   * @return the source name
   */
  public String source() {
    return source;
  }

  /**
   * The requests, in file order.
   *
   * @return an unmodifiable list
   */
  public List<ChatRequest> requests() {
    return requests;
  }

  /**
   * The number of requests.
   *
   * @return the size
   */
  public int size() {
    return requests.size();
  }

  @Override
  public String toString() {
    return "PromptSet{source=" + source + ", requests=" + requests.size() + "}";
  }
}
