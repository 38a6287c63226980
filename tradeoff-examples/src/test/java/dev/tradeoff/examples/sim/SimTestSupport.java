package dev.tradeoff.examples.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Shared helpers of the simulator tests: profiles, an HTTP client, an SSE parser and fixture access. */
final class SimTestSupport {

  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();
  static final Map<String, String> OPENAI_AUTH = Map.of("Authorization", "Bearer sk-test-key");
  static final Map<String, String> ANTHROPIC_AUTH = Map.of("x-api-key", "sk-ant-test-key",
      "anthropic-version", "2023-06-01");

  private SimTestSupport() {}

  /** A fast, fully constant profile: TTFT 20 ms, gap 2 ms, 10 output tokens. */
  static ModelProfile.Builder fast(String id) {
    return ModelProfile.builder(id)
        .ttftMillis(Distribution.constant(20))
        .interTokenGapMillis(Distribution.constant(2))
        .outputTokens(Distribution.constant(10))
        .source("test profile (assumption)")
        .asOf(LocalDate.of(2026, 11, 28));
  }

  static SimulatedProvider start(ModelProfile... profiles) {
    return SimulatedProvider.start(SimulatorConfig.builder().seed(7).addProfiles(List.of(profiles)).build());
  }

  /** A buffered response. */
  record Response(int status, Map<String, List<String>> headers, String body) {
    String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue().get(0);
        }
      }
      return null;
    }

    JsonNode json() {
      return parse(body);
    }
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + json, e);
    }
  }

  static Response post(SimulatedProvider sim, String path, Map<String, String> headers, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(sim.baseUrl().resolve(path))
        .timeout(Duration.ofSeconds(20))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    try {
      HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static Response get(SimulatedProvider sim, String path) {
    try {
      HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(sim.baseUrl().resolve(path)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A line of a streamed body and the {@link System#nanoTime()} it arrived at. */
  record TimedLine(long nanos, String line) {}

  /** A streamed response read line by line as it arrives. */
  record TimedResponse(int status, long sentNanos, List<TimedLine> lines) {
    /** Arrival times of the {@code data:} lines whose payload contains {@code marker}, in ms after sending. */
    List<Double> dataArrivalsMillis(String marker) {
      List<Double> times = new ArrayList<>();
      for (TimedLine line : lines) {
        if (line.line().startsWith("data:") && line.line().contains(marker)) {
          times.add((line.nanos() - sentNanos) / 1e6);
        }
      }
      return times;
    }
  }

  static TimedResponse postTimed(HttpClient client, URI uri, Map<String, String> headers, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    long sent = System.nanoTime();
    try {
      HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      List<TimedLine> lines = new ArrayList<>();
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          lines.add(new TimedLine(System.nanoTime(), line));
        }
      }
      return new TimedResponse(response.statusCode(), sent, lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** One dispatched SSE event. */
  record SseEvent(String event, String data) {
    JsonNode json() {
      return parse(data);
    }
  }

  /**
   * Parses a {@code text/event-stream} body as the WHATWG algorithm does: LF, CRLF or CR line ends, {@code :}
   * comments, {@code data} lines joined by LF, dispatch on a blank line, an unterminated last event dropped.
   */
  static List<SseEvent> parseSse(String body) {
    List<SseEvent> events = new ArrayList<>();
    String event = null;
    StringBuilder data = null;
    for (String line : body.split("\r\n|\n|\r", -1)) {
      if (line.isEmpty()) {
        if (data != null) {
          events.add(new SseEvent(event, data.toString()));
        }
        event = null;
        data = null;
        continue;
      }
      if (line.startsWith(":")) {
        continue;
      }
      int colon = line.indexOf(':');
      String field = colon < 0 ? line : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + 1);
      if (value.startsWith(" ")) {
        value = value.substring(1);
      }
      if (field.equals("event")) {
        event = value;
      } else if (field.equals("data")) {
        data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
      }
    }
    return events;
  }

  static String fixture(String name) {
    try (InputStream in = SimTestSupport.class.getResourceAsStream("/sse/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The event-type sequence of a Chat Completions stream, runs collapsed. */
  static List<String> chatShape(List<SseEvent> events) {
    List<String> shape = new ArrayList<>();
    for (SseEvent e : events) {
      String kind;
      if (e.data().equals("[DONE]")) {
        kind = "DONE";
      } else {
        JsonNode json = e.json();
        JsonNode choice = json.path("choices").path(0);
        JsonNode delta = choice.path("delta");
        if (json.has("error")) {
          kind = "ERROR";
        } else if (json.path("choices").isArray() && json.path("choices").isEmpty()) {
          kind = "USAGE";
        } else if (delta.has("role")) {
          kind = "ROLE";
        } else if (!choice.path("finish_reason").isNull()) {
          kind = "FINISH";
        } else if (delta.has("reasoning_content") || delta.has("reasoning")) {
          kind = "REASONING";
        } else if (delta.has("content")) {
          kind = "CONTENT";
        } else {
          kind = "OTHER";
        }
      }
      addCollapsed(shape, kind);
    }
    return shape;
  }

  /** The event names of a Responses stream, runs collapsed. */
  static List<String> responsesShape(List<SseEvent> events) {
    List<String> shape = new ArrayList<>();
    for (SseEvent e : events) {
      addCollapsed(shape, e.event());
    }
    return shape;
  }

  /** The event names of an Anthropic stream, deltas with their type, runs collapsed. */
  static List<String> anthropicShape(List<SseEvent> events) {
    List<String> shape = new ArrayList<>();
    for (SseEvent e : events) {
      String kind = e.event();
      if ("content_block_delta".equals(kind)) {
        kind += ":" + e.json().path("delta").path("type").asText();
      }
      addCollapsed(shape, kind);
    }
    return shape;
  }

  private static void addCollapsed(List<String> shape, String kind) {
    if (shape.isEmpty() || !shape.get(shape.size() - 1).equals(kind)) {
      shape.add(kind);
    }
  }

  static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** Sends a raw HTTP/1.1 request and returns the open socket, for tests that watch the connection itself. */
  static Socket rawPost(SimulatedProvider sim, String path, String auth, String body) throws IOException {
    Socket socket = new Socket("127.0.0.1", sim.port());
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" + auth
        + "\r\nContent-Length: " + bytes.length + "\r\n\r\n";
    OutputStream out = socket.getOutputStream();
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    out.write(bytes);
    out.flush();
    return socket;
  }

  static String chatRequest(String model, boolean stream) {
    return "{\"model\":\"" + model + "\",\"stream\":" + stream + ",\"stream_options\":{\"include_usage\":true},"
        + "\"messages\":[{\"role\":\"system\",\"content\":\"You are terse.\"},"
        + "{\"role\":\"user\",\"content\":\"What is the capital of France?\"}]}";
  }

  static String responsesRequest(String model, boolean stream) {
    return "{\"model\":\"" + model + "\",\"stream\":" + stream + ",\"input\":\"What is the capital of France?\"}";
  }

  static String messagesRequest(String model, boolean stream) {
    return "{\"model\":\"" + model + "\",\"stream\":" + stream + ",\"max_tokens\":1024,"
        + "\"messages\":[{\"role\":\"user\",\"content\":\"What is the capital of France?\"}]}";
  }
}
