package dev.tradeoff.api.workload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradeoff.api.TradeoffException;
import dev.tradeoff.api.internal.LogAggregator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Workloads from recorded traffic: reads request logs (JSON Lines, one request per line, with a timestamp and token
 * counts) and derives a {@link WorkloadProfile} — the hour-of-week request curve, the burst factor and the empirical
 * token distribution.
 *
 * <pre>{@code
 * List<LoggedRequest> requests = RequestLogs.read(Path.of("logs/requests-2026-11.jsonl"));
 * WorkloadProfile recorded = RequestLogs.profile(requests, ZoneId.of("Europe/Berlin"));
 * recorded.stats().pattern();    // DIURNAL
 * }</pre>
 *
 * <h2>Line format</h2>
 * Each non-blank line is a JSON object with:
 * <ul>
 *   <li>a timestamp: {@code timestamp}, {@code ts}, {@code time} or {@code created_at} — an ISO-8601 instant or
 *       offset date-time ({@code "2026-11-20T10:15:30Z"}), or epoch seconds (a number below 10^11) or milliseconds;
 *   <li>{@code input_tokens} or {@code prompt_tokens}; {@code output_tokens} or {@code completion_tokens};
 *   <li>optionally {@code cached_input_tokens} / {@code cached_tokens}, {@code cache_write_tokens},
 *       {@code reasoning_tokens}, where totals include their parts (OpenAI's convention, and the CLI's);
 *   <li>or Anthropic's raw usage — {@code cache_read_input_tokens}, {@code cache_creation_input_tokens} — where
 *       {@code input_tokens} <em>excludes</em> them; they are added to the prompt total so no token is counted twice
 *       or lost.
 * </ul>
 * Other fields are ignored. A bad line fails with its line number and field.
 *
 * <h2>Derivation</h2>
 * See {@link #profile(List, ZoneId)}. Reading is I/O and happens here, before an analysis; the resulting profile is
 * an ordinary immutable value. Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class RequestLogs {

  private static final ObjectMapper JSON = new ObjectMapper();

  private RequestLogs() {}

  /**
   * Reads a JSON Lines file (UTF-8).
   *
   * @param file the file
   * @return the requests in file order
   * @throws IOException if the file cannot be read
   * @throws TradeoffException on a bad line, naming the file, line and field
   */
  public static List<LoggedRequest> read(Path file) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(in, file.toString());
    }
  }

  /**
   * Reads JSON Lines from a reader.
   *
   * @param reader the text; not closed
   * @param sourceName a name for messages
   * @return the requests in order
   * @throws IOException if reading fails
   * @throws TradeoffException on a bad line, naming the source, line and field
   */
  public static List<LoggedRequest> parse(Reader reader, String sourceName) throws IOException {
    BufferedReader in = reader instanceof BufferedReader ? (BufferedReader) reader : new BufferedReader(reader);
    List<LoggedRequest> out = new ArrayList<>();
    String line;
    int number = 0;
    while ((line = in.readLine()) != null) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      String where = sourceName + ":" + number;
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (JsonProcessingException e) {
        throw TradeoffException.of(where, where + ": not a JSON object: " + e.getOriginalMessage(), e);
      }
      if (!node.isObject()) {
        throw TradeoffException.of(where, where + ": not a JSON object");
      }
      try {
        out.add(request(node, where));
      } catch (TradeoffException e) {
        throw e.getMessage().startsWith(where) ? e : TradeoffException.of(where, where + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  /**
   * Derives a workload from recorded requests.
   *
   * <ul>
   *   <li>Hour-of-week curve: requests counted per hour-of-week slot in {@code zone}, divided by how often the slot
   *       occurs in the logged span (from the first request's hour to the last's). If the span is shorter than a
   *       week, slots never seen take the average of the seen slots with the same hour of day (span of a day or
   *       more), or the overall average (less than a day); the profile's source says so.
   *   <li>Burst factor: over every clock hour with at least 1,800 requests (fewer make per-minute counts
   *       mostly Poisson noise), the busiest minute's count over the hour's
   *       average per minute; the largest such ratio, at least 1 (1 if no hour qualifies).
   *   <li>Tokens: the (input, output) pairs as an empirical distribution — exact up to 256 distinct pairs; beyond,
   *       255 equal-count groups by prompt size plus the largest prompt on its own, so means and the maximum are
   *       kept; cached, cache-write and reasoning shares from the sums.
   * </ul>
   *
   * @param requests the requests, any order, at least one
   * @param zone the time zone of the hour-of-week slots (hour 0 = Monday 00:00 there)
   * @return the profile, named {@code "recorded traffic"}
   * @throws TradeoffException if there are no requests or they carry no tokens
   */
  public static WorkloadProfile profile(List<LoggedRequest> requests, ZoneId zone) {
    return LogAggregator.profile(requests, zone);
  }

  private static LoggedRequest request(JsonNode n, String where) {
    Instant ts = timestamp(n, where);
    boolean anthropic = n.has("cache_read_input_tokens") || n.has("cache_creation_input_tokens");
    long input = count(n, where, true, "input_tokens", "prompt_tokens");
    long output = count(n, where, true, "output_tokens", "completion_tokens");
    long cached;
    long written;
    if (anthropic) {
      cached = count(n, where, false, "cache_read_input_tokens");
      written = count(n, where, false, "cache_creation_input_tokens");
      input += cached + written;
    } else {
      cached = count(n, where, false, "cached_input_tokens", "cached_tokens");
      written = count(n, where, false, "cache_write_tokens");
    }
    long reasoning = count(n, where, false, "reasoning_tokens");
    return LoggedRequest.builder().timestamp(ts).inputTokens(input).outputTokens(output).cachedInputTokens(cached)
        .cacheWriteTokens(written).reasoningTokens(reasoning).build();
  }

  private static Instant timestamp(JsonNode n, String where) {
    for (String f : new String[] {"timestamp", "ts", "time", "created_at"}) {
      JsonNode v = n.get(f);
      if (v == null || v.isNull()) {
        continue;
      }
      if (v.isNumber()) {
        double x = v.asDouble();
        if (!(x >= 0) || Double.isInfinite(x)) {
          throw TradeoffException.of(where + "." + f, where + ": " + f + " must be a non-negative epoch time, but was "
              + v);
        }
        long millis = x < 1e11 ? (long) (x * 1000) : (long) x;
        return Instant.ofEpochMilli(millis);
      }
      if (v.isTextual()) {
        try {
          return OffsetDateTime.parse(v.asText()).toInstant();
        } catch (DateTimeParseException e) {
          throw TradeoffException.of(where + "." + f, where + ": " + f
              + " must be an ISO-8601 date-time with offset (2026-11-20T10:15:30Z), but was \"" + v.asText() + "\"",
              e);
        }
      }
      throw TradeoffException.of(where + "." + f, where + ": " + f + " must be a string or a number, but was " + v);
    }
    throw TradeoffException.of(where, where + ": no timestamp (one of timestamp, ts, time, created_at)");
  }

  private static long count(JsonNode n, String where, boolean required, String... names) {
    for (String f : names) {
      JsonNode v = n.get(f);
      if (v == null || v.isNull()) {
        continue;
      }
      if (!v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < 0) {
        throw TradeoffException.of(where + "." + f, where + ": " + f + " must be a whole number >= 0, but was " + v);
      }
      return v.asLong();
    }
    if (required) {
      throw TradeoffException.of(where, where + ": no " + String.join(" or ", names));
    }
    return 0;
  }
}
