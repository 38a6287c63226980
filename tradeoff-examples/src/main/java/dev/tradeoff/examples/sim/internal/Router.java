package dev.tradeoff.examples.sim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tradeoff.examples.sim.FaultProfile;
import dev.tradeoff.examples.sim.FirstTokenTiming;
import dev.tradeoff.examples.sim.ModelProfile;
import dev.tradeoff.examples.sim.OutageWindow;
import dev.tradeoff.examples.sim.SimulatorConfig;
import dev.tradeoff.examples.sim.WireFormat;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns a request into the {@link Script} of its response: routing, authentication, validation, outages, fault
 * draw, generation and rendering. Thread-safe: called from every event loop; holds only immutable state and
 * atomic counters.
 */
final class Router {

  static final String SIMULATED_HEADER = "x-tradeoff-simulated";
  static final String MODEL_HEADER = "x-tradeoff-model";
  static final String SEED_HEADER = "x-tradeoff-sim-seed";

  private enum Fault { NONE, RATE_LIMIT, SERVER_ERROR, MID_STREAM_ERROR, STALL, RESET }

  private final SimulatorConfig config;
  private final long startNanos;
  private final Map<String, ModelProfile> byName = new HashMap<>();
  private final Map<String, AtomicLong> requestCounts = new HashMap<>();
  private final AtomicLong otherRequests = new AtomicLong();
  /** Non-null while first tokens are traced ({@link #traceFirstTokens}). */
  private volatile Queue<FirstTokenTiming> firstTokens;
  private final byte[] modelsJson;

  Router(SimulatorConfig config, long startNanos) {
    this.config = config;
    this.startNanos = startNanos;
    ArrayNode data = Renderer.JSON.createArrayNode();
    for (ModelProfile profile : config.profiles()) {
      byName.put(profile.id(), profile);
      for (String alias : profile.aliases()) {
        byName.put(alias, profile);
      }
      requestCounts.put(profile.id(), new AtomicLong());
      ObjectNode model = data.addObject();
      model.put("id", profile.id());
      model.put("object", "model");
      model.put("created", 0);
      model.put("owned_by", "tradeoff-simulator");
      model.put("simulated", true);
      model.put("response_model", profile.responseModel());
      ArrayNode formats = model.putArray("wire_formats");
      for (WireFormat format : WireFormat.values()) {
        if (profile.wireFormats().contains(format)) {
          formats.add(format.name().toLowerCase(Locale.ROOT));
        }
      }
      model.put("source", profile.source());
      model.put("as_of", profile.asOf().toString());
    }
    ObjectNode list = Renderer.object();
    list.put("object", "list");
    list.set("data", data);
    this.modelsJson = Wire.utf8(Renderer.write(list));
  }

  /** SplitMix64-style mixing of two longs into a seed. */
  static long mix(long a, long b) {
    long z = a * 0x9E3779B97F4A7C15L + b;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The response to a request that could not be parsed; the connection closes afterwards. */
  Script reject(int status, String message) {
    Ids ids = otherIds();
    return TimedScript.once(System.nanoTime(), ErrorResponses.response(WireFormat.OPENAI_CHAT_COMPLETIONS, ids,
        status, message, "invalid_request_error", null, null, Map.of(), true), Script.Ending.CLOSE);
  }

  /** The response after a bug in the simulator itself; the connection closes afterwards. */
  Script internalError(RuntimeException e) {
    Ids ids = otherIds();
    return TimedScript.once(System.nanoTime(), ErrorResponses.response(WireFormat.OPENAI_CHAT_COMPLETIONS, ids,
        500, "Simulator internal error: " + e.getClass().getSimpleName(), "server_error", null, null, Map.of(),
        true), Script.Ending.CLOSE);
  }

  private Ids otherIds() {
    return new Ids(new SplittableRandom(mix(config.seed(), ~otherRequests.incrementAndGet())));
  }

  Script handle(HttpRequest request, long now) {
    String method = request.method();
    String path = request.path();
    boolean close = !request.keepAlive();
    if (method.equals("GET")) {
      if (path.endsWith("/models")) {
        return now(now, Wire.fixed(200, simulatedHeaders(), "application/json", modelsJson, close));
      }
      if (path.equals("/") || path.endsWith("/health")) {
        return now(now, Wire.fixed(200, simulatedHeaders(), "application/json",
            Wire.utf8("{\"status\":\"ok\",\"simulated\":true}"), close));
      }
    }
    WireFormat format = formatOf(path);
    if (format == null) {
      return now(now, ErrorResponses.response(WireFormat.OPENAI_CHAT_COMPLETIONS, otherIds(), 404,
          "Invalid URL (" + method + " " + path + ")", "invalid_request_error", null, null, Map.of(), close));
    }
    if (!method.equals("POST")) {
      return now(now, ErrorResponses.response(format, otherIds(), 405,
          "Invalid method for URL (" + method + " " + path + ")", "invalid_request_error", null, null, Map.of(),
          close));
    }
    if (!authenticated(format, request)) {
      String message = format == WireFormat.ANTHROPIC_MESSAGES
          ? "x-api-key header is required"
          : "You didn't provide an API key. You need to provide your API key in an Authorization header using "
              + "Bearer auth (i.e. Authorization: Bearer YOUR_KEY).";
      return now(now, ErrorResponses.response(format, otherIds(), 401, message, "invalid_request_error", null,
          null, Map.of(), close));
    }
    JsonNode json;
    try {
      json = Renderer.JSON.readTree(request.body());
    } catch (IOException e) {
      json = null;
    }
    if (json == null || !json.isObject()) {
      String message = format == WireFormat.ANTHROPIC_MESSAGES
          ? "There was an issue with your request body: it is not valid JSON."
          : "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your "
              + "HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid "
              + "JSON.)";
      return now(now, ErrorResponses.response(format, otherIds(), 400, message, "invalid_request_error", null,
          null, Map.of(), close));
    }
    JsonNode modelNode = json.get("model");
    if (modelNode == null || !modelNode.isTextual() || modelNode.asText().isBlank()) {
      String message = format == WireFormat.ANTHROPIC_MESSAGES ? "model: Field required"
          : "you must provide a model parameter";
      return now(now, ErrorResponses.response(format, otherIds(), 400, message, "invalid_request_error", null,
          null, Map.of(), close));
    }
    String model = modelNode.asText();
    ModelProfile profile = byName.get(model);
    if (profile == null || !profile.wireFormats().contains(format)) {
      String shown = model.length() > 200 ? model.substring(0, 200) + "…" : model;
      String message = format == WireFormat.ANTHROPIC_MESSAGES ? "model: " + shown
          : "The model `" + shown + "` does not exist or you do not have access to it.";
      return now(now, ErrorResponses.response(format, otherIds(), 404, message, "invalid_request_error", null,
          "model_not_found", Map.of(), close));
    }
    Invalid invalid = validate(format, json);
    if (invalid != null) {
      return now(now, ErrorResponses.response(format, otherIds(), 400, invalid.message, "invalid_request_error",
          invalid.param, invalid.code, Map.of(), close));
    }
    return generate(request, now, format, json, profile);
  }

  private Script generate(HttpRequest request, long now, WireFormat format, JsonNode json, ModelProfile profile) {
    boolean close = !request.keepAlive();
    long key = requestKey(request, json, profile);
    SplittableRandom root = new SplittableRandom(mix(mix(config.seed(), profile.id().hashCode()), key));
    SplittableRandom faultRandom = root.split();
    SplittableRandom timing = root.split();
    SplittableRandom text = root.split();
    Ids ids = new Ids(root.split());

    Duration sinceStart = Duration.ofNanos(now - startNanos);
    for (OutageWindow window : profile.outages()) {
      if (window.contains(sinceStart)) {
        return outage(format, ids, profile, window, sinceStart, now, close);
      }
    }
    double draw = faultRandom.nextDouble();
    double where = faultRandom.nextDouble();
    FaultProfile faults = profile.faults();
    Fault fault = pick(faults, draw);
    if (fault == Fault.RATE_LIMIT) {
      return now(now, rateLimited(format, ids, profile, faults.retryAfterSeconds(), close));
    }
    if (fault == Fault.SERVER_ERROR) {
      return now(now, serverError(format, ids, faults.serverErrorStatus(), close));
    }
    Generation g = new Generation(profile, format, json, json.path("stream").asBoolean(false),
        maxTokens(format, json), timing, text, ids);
    Renderer renderer = renderer(format, g);
    return g.stream ? streamScript(g, renderer, fault, where, now, close)
        : jsonScript(g, renderer, fault, where, now, close);
  }

  private static Renderer renderer(WireFormat format, Generation g) {
    switch (format) {
      case OPENAI_CHAT_COMPLETIONS:
        return new ChatRenderer(g);
      case OPENAI_RESPONSES:
        return new ResponsesRenderer(g);
      case ANTHROPIC_MESSAGES:
      default:
        return new MessagesRenderer(g);
    }
  }

  private Script streamScript(Generation g, Renderer renderer, Fault fault, double where, long now, boolean close) {
    int streamed = g.streamed();
    int sent = fault == Fault.NONE || streamed == 0 ? streamed : (int) Math.floor(where * streamed);
    boolean tail = fault != Fault.STALL;
    int steps = 1 + sent + (tail ? 1 : 0);
    long[] due = new long[steps];
    due[0] = now;
    for (int i = 0; i < sent; i++) {
      due[1 + i] = now + g.streamedOffset(i);
    }
    if (tail) {
      due[steps - 1] = now + (sent < streamed ? g.streamedOffset(sent) : g.closeOffset);
    }
    Script.Ending ending = fault == Fault.RESET ? Script.Ending.RESET
        : fault == Fault.STALL ? Script.Ending.STALL : Script.Ending.KEEP_ALIVE;
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "text/event-stream; charset=utf-8");
    headers.put("Transfer-Encoding", "chunked");
    headers.put("Cache-Control", "no-cache");
    headers.put("Connection", close ? "close" : "keep-alive");
    headers.putAll(renderer.headers());
    headers.putAll(simulatedHeaders());
    headers.put(MODEL_HEADER, g.profile.id());
    byte[] head = Wire.head(200, headers);
    TimedScript script = new TimedScript(due, step -> {
      if (step == 0) {
        return Wire.concat(head, Wire.chunk(Wire.utf8(renderer.open())));
      }
      if (step <= sent) {
        return Wire.chunk(Wire.utf8(renderer.token(step - 1)));
      }
      switch (fault) {
        case NONE:
          return Wire.concat(Wire.chunk(Wire.utf8(renderer.close())), Wire.LAST_CHUNK);
        case MID_STREAM_ERROR:
          return Wire.concat(Wire.chunk(Wire.utf8(renderer.error())), Wire.LAST_CHUNK);
        default:
          return Wire.EMPTY;
      }
    }, ending);
    Queue<FirstTokenTiming> trace = firstTokens;
    if (trace != null && sent > 0) {
      String id = headers.getOrDefault("x-request-id", headers.getOrDefault("request-id", ""));
      long due1 = due[1];
      script.trace(1, written -> trace.add(new FirstTokenTiming(id, now, due1, written)));
    }
    return script;
  }

  /**
   * Starts (with a fresh, empty record) or stops recording when each streamed response's first token event was
   * due and written.
   */
  void traceFirstTokens(boolean on) {
    firstTokens = on ? new ConcurrentLinkedQueue<>() : null;
  }

  /** What was recorded since tracing started, in the order written; empty when not tracing. */
  List<FirstTokenTiming> firstTokenTimings() {
    Queue<FirstTokenTiming> trace = firstTokens;
    return trace == null ? List.of() : List.copyOf(trace);
  }

  private Script jsonScript(Generation g, Renderer renderer, Fault fault, double where, long now, boolean close) {
    int streamed = g.streamed();
    int sent = fault == Fault.NONE || streamed == 0 ? streamed : (int) Math.floor(where * streamed);
    long at = now + (sent < streamed ? g.streamedOffset(sent) : g.closeOffset);
    switch (fault) {
      case STALL:
        return new TimedScript(new long[0], step -> Wire.EMPTY, Script.Ending.STALL);
      case RESET:
        return TimedScript.once(at, Wire.EMPTY, Script.Ending.RESET);
      case MID_STREAM_ERROR:
        return TimedScript.once(at, serverError(g.format, g.ids, 500, close), Script.Ending.KEEP_ALIVE);
      default:
        Map<String, String> headers = new LinkedHashMap<>(renderer.headers());
        headers.putAll(simulatedHeaders());
        headers.put(MODEL_HEADER, g.profile.id());
        return TimedScript.once(at, Wire.fixed(200, headers, "application/json",
            Wire.utf8(Renderer.write(renderer.body())), close), Script.Ending.KEEP_ALIVE);
    }
  }

  private Script outage(WireFormat format, Ids ids, ModelProfile profile, OutageWindow window, Duration sinceStart,
      long now, boolean close) {
    switch (window.kind()) {
      case SERVER_ERROR:
        return now(now, serverError(format, ids, 500, close));
      case OVERLOADED:
        return now(now, serverError(format, ids, format == WireFormat.ANTHROPIC_MESSAGES ? 529 : 503, close));
      case RATE_LIMITED:
        long left = window.end().minus(sinceStart).toMillis();
        int seconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (left + 999) / 1000));
        return now(now, rateLimited(format, ids, profile, seconds, close));
      case CONNECTION_RESET:
      default:
        return TimedScript.once(now, Wire.EMPTY, Script.Ending.RESET);
    }
  }

  private static byte[] rateLimited(WireFormat format, Ids ids, ModelProfile profile, int retryAfterSeconds,
      boolean close) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("retry-after", Integer.toString(retryAfterSeconds));
    if (format == WireFormat.ANTHROPIC_MESSAGES) {
      headers.put("anthropic-ratelimit-requests-remaining", "0");
      return ErrorResponses.response(format, ids, 429,
          "This request would exceed your organization's rate limit of requests per minute. Please try again "
              + "later.", null, null, null, headers, close);
    }
    headers.put("x-ratelimit-remaining-requests", "0");
    headers.put("x-ratelimit-reset-requests", retryAfterSeconds + "s");
    return ErrorResponses.response(format, ids, 429,
        "Rate limit reached for " + profile.id() + " in organization org-simulated on requests per min (RPM): "
            + "Limit 500, Used 500, Requested 1. Please try again in " + retryAfterSeconds + "s.",
        "requests", null, "rate_limit_exceeded", headers, close);
  }

  private static byte[] serverError(WireFormat format, Ids ids, int status, boolean close) {
    String message;
    if (format == WireFormat.ANTHROPIC_MESSAGES) {
      message = status == 529 ? "Overloaded" : "Internal server error";
    } else if (status == 503) {
      message = "The engine is currently overloaded, please try again later";
    } else {
      message = "The server had an error while processing your request. Sorry about that!";
    }
    return ErrorResponses.response(format, ids, status, message, "server_error", null, null, Map.of(), close);
  }

  private static Fault pick(FaultProfile faults, double draw) {
    double edge = faults.rateLimitProbability();
    if (draw < edge) {
      return Fault.RATE_LIMIT;
    }
    edge += faults.serverErrorProbability();
    if (draw < edge) {
      return Fault.SERVER_ERROR;
    }
    edge += faults.midStreamErrorProbability();
    if (draw < edge) {
      return Fault.MID_STREAM_ERROR;
    }
    edge += faults.stallProbability();
    if (draw < edge) {
      return Fault.STALL;
    }
    edge += faults.connectionResetProbability();
    if (draw < edge) {
      return Fault.RESET;
    }
    return Fault.NONE;
  }

  private long requestKey(HttpRequest request, JsonNode json, ModelProfile profile) {
    String header = request.header(SEED_HEADER).trim();
    if (!header.isEmpty()) {
      try {
        return Long.parseLong(header);
      } catch (NumberFormatException e) {
        return header.hashCode();
      }
    }
    JsonNode seed = json.get("seed");
    if (seed != null && seed.isIntegralNumber()) {
      return seed.asLong();
    }
    return requestCounts.get(profile.id()).getAndIncrement();
  }

  private static boolean authenticated(WireFormat format, HttpRequest request) {
    String authorization = request.header("authorization");
    boolean bearer = authorization.regionMatches(true, 0, "Bearer ", 0, 7)
        && !authorization.substring(7).isBlank();
    if (format == WireFormat.ANTHROPIC_MESSAGES) {
      return !request.header("x-api-key").isBlank() || bearer;
    }
    return bearer || !request.header("api-key").isBlank();
  }

  private static WireFormat formatOf(String path) {
    for (WireFormat format : WireFormat.values()) {
      if (path.endsWith(format.pathSuffix())) {
        return format;
      }
    }
    return null;
  }

  private static final class Invalid {
    final String message;
    final String param;
    final String code;

    Invalid(String message, String param, String code) {
      this.message = message;
      this.param = param;
      this.code = code;
    }
  }

  private static Invalid validate(WireFormat format, JsonNode json) {
    switch (format) {
      case OPENAI_CHAT_COMPLETIONS: {
        JsonNode messages = json.get("messages");
        if (messages == null || !messages.isArray()) {
          return new Invalid("Missing required parameter: 'messages'.", "messages", "missing_required_parameter");
        }
        if (messages.isEmpty()) {
          return new Invalid("Invalid 'messages': empty array. Expected an array with minimum length 1, but got an "
              + "empty array instead.", "messages", "empty_array");
        }
        Invalid limit = positiveInt(json, "max_completion_tokens", false);
        return limit != null ? limit : positiveInt(json, "max_tokens", false);
      }
      case OPENAI_RESPONSES: {
        JsonNode input = json.get("input");
        if (input == null || !(input.isTextual() || input.isArray())) {
          return new Invalid("Missing required parameter: 'input'.", "input", "missing_required_parameter");
        }
        return positiveInt(json, "max_output_tokens", false);
      }
      case ANTHROPIC_MESSAGES:
      default: {
        JsonNode messages = json.get("messages");
        if (messages == null || !messages.isArray()) {
          return new Invalid("messages: Field required", null, null);
        }
        if (messages.isEmpty()) {
          return new Invalid("messages: at least one message is required", null, null);
        }
        if (json.get("max_tokens") == null) {
          return new Invalid("max_tokens: Field required", null, null);
        }
        return positiveInt(json, "max_tokens", true);
      }
    }
  }

  private static Invalid positiveInt(JsonNode json, String field, boolean anthropic) {
    JsonNode value = json.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.canConvertToExactIntegral() || !value.canConvertToInt() || value.asInt() < 1) {
      return anthropic
          ? new Invalid(field + ": Input should be a valid integer greater than or equal to 1", null, null)
          : new Invalid("Invalid '" + field + "': integer below minimum value. Expected a value >= 1, but got "
              + value + " instead.", field, "integer_below_min_value");
    }
    return null;
  }

  /** The request's output limit, or -1 if it sets none. */
  private static int maxTokens(WireFormat format, JsonNode json) {
    JsonNode value;
    switch (format) {
      case OPENAI_CHAT_COMPLETIONS:
        value = json.hasNonNull("max_completion_tokens") ? json.get("max_completion_tokens") : json.get("max_tokens");
        break;
      case OPENAI_RESPONSES:
        value = json.get("max_output_tokens");
        break;
      case ANTHROPIC_MESSAGES:
      default:
        value = json.get("max_tokens");
        break;
    }
    return value == null || value.isNull() ? -1 : value.asInt();
  }

  private static Map<String, String> simulatedHeaders() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(SIMULATED_HEADER, "true");
    return headers;
  }

  private static Script now(long now, byte[] response) {
    return TimedScript.once(now, response, Script.Ending.KEEP_ALIVE);
  }
}
