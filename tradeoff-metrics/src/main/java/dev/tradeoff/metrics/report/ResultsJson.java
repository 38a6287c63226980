package dev.tradeoff.metrics.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.tradeoff.metrics.FailureKind;
import dev.tradeoff.metrics.stats.LatencyHistogram;
import dev.tradeoff.metrics.stats.LatencyMetric;
import dev.tradeoff.metrics.stats.LatencyRecorder;
import dev.tradeoff.metrics.stats.MetricsSummary;
import dev.tradeoff.metrics.stats.Slo;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and writes result files: per-request {@link RequestRecord}s as JSONL and per-candidate {@link
 * MetricsSummary summaries} as JSON, with stable snake_case names carrying units.
 *
 * <p>A summary's JSON holds the derived numbers for people and charts (rates, {@code p50 … p99_9} in ms,
 * and an {@code "adjusted"} block where every failed request counts as {@code "Infinity"}) and, for machines, each histogram's exact
 * encoding, so {@link #readSummary(String)} restores a summary that {@link MetricsSummary#merge merges} with
 * others exactly:
 *
 * <pre>{@code
 * {"label":"gpt-4o-mini","window_start":"2026-11-28T09:00:00.123456789Z","window_ns":60000000000,
 *  "window_s":60.0,"requests":600,"succeeded":594,"failed":6,"error_rate":0.01,
 *  "errors_by_kind":{"rate_limited":6},"requests_per_s":10.0,"output_tokens_per_s":2412.3,...,
 *  "cost_usd":0.184215,"priced_requests":600,
 *  "goodput":{"slos":{"ttft_ms":500.0,"tpot_ms":50.0},"good_requests":570,"share":0.95,"per_s":9.5},
 *  "metrics":{"ttft_ms":{"count":594,"mean":231.5,"min":98.1,"max":1210.7,"p50":210.3,...,"p99_9":1210.7,
 *    "adjusted":{"p50":210.3,...,"p99_9":"Infinity"},
 *    "histogram":{"unit":"ns","lowest_discernible_ns":1000,"significant_digits":3,"sum_ns":137511000000,
 *                 "max_ns":1210700000,"out_of_range":0,"hdr":"HISTFAAAA..."}}, ...}}
 * }</pre>
 *
 * <p>{@code "cost_usd"} is the exact decimal, written plainly with its scale (10.00, never 1E+1) and read back
 * unchanged. {@code "goodput"."slos"} maps each metric's wire name to its threshold in ms; a metric with several
 * objectives (say TTFT ≤ 500 ms and TTFT ≤ 200 ms) maps to an array of thresholds in their order, {@code
 * "ttft_ms":[500.0,200.0]}, so that no objective is lost. Read back, the objectives come grouped by metric in
 * order of first appearance.
 *
 * <p>The {@code "adjusted"} block is written only for the per-request milestones ({@code response_headers_ms},
 * {@code ttft_ms}, {@code ttft_any_ms}, {@code e2e_ms}, {@code ttft_from_intended_ms}, {@code
 * e2e_from_intended_ms}; see {@link LatencyMetric#hasAdjustedPercentiles()}); {@code itl_ms}, {@code tpot_ms},
 * {@code reasoning_ms}, {@code scheduler_lag_ms} and {@code client_queue_ms} have no {@code "adjusted"} field,
 * because failures are not values of those metrics. Reading ignores the block (it is recomputed).
 *
 * <p>Thread-safe (stateless).
 */
public final class ResultsJson {

  /** The percentiles written for every metric, with their JSON names. */
  private static final double[] PERCENTILES = {50, 90, 95, 99, 99.9};

  private static final String[] PERCENTILE_NAMES = {"p50", "p90", "p95", "p99", "p99_9"};

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new Jdk8Module())
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
          // Costs keep their form when read as a tree: 10.00 stays 10.00, not 1E+1.
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  private static final JsonFactory FACTORY = MAPPER.getFactory();

  private ResultsJson() {}

  /**
   * One record as a single line of JSON (no line break).
   *
   * @param record the record
   * @return the JSON text
   */
  public static String toJson(RequestRecord record) {
    try {
      return MAPPER.writeValueAsString(record);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write record as JSON", e);
    }
  }

  /**
   * Reads one record.
   *
   * @param json one JSON object
   * @return the record
   * @throws IllegalArgumentException if the JSON is not a valid record (the message names the field)
   */
  public static RequestRecord recordFromJson(String json) {
    try {
      return MAPPER.readValue(json, RequestRecord.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a valid request record: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Writes records as JSONL, one per line.
   *
   * @param out the destination (not closed)
   * @param records the records
   * @throws IOException if writing fails
   */
  public static void writeRecords(Writer out, Iterable<RequestRecord> records) throws IOException {
    for (RequestRecord r : records) {
      out.write(toJson(r));
      out.write('\n');
    }
    out.flush();
  }

  /**
   * Writes records to a JSONL file (created or replaced).
   *
   * @param file the file
   * @param records the records
   * @throws IOException if writing fails
   */
  public static void writeRecords(Path file, Iterable<RequestRecord> records) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      writeRecords(w, records);
    }
  }

  /**
   * Reads a JSONL file of records (blank lines are skipped).
   *
   * @param file the file
   * @return the records in file order
   * @throws IOException if reading fails
   * @throws IllegalArgumentException if a line is not a valid record (the message names the line number)
   */
  public static List<RequestRecord> readRecords(Path file) throws IOException {
    List<RequestRecord> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        try {
          out.add(recordFromJson(line));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(file + " line " + n + ": " + e.getMessage(), e);
        }
      }
    }
    return out;
  }

  /**
   * A summary as JSON.
   *
   * @param s the summary
   * @return the JSON text (one line)
   */
  public static String toJson(MetricsSummary s) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(w)) {
      writeSummary(g, s);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return w.toString();
  }

  /**
   * Writes summaries as a JSON array to a file (created or replaced).
   *
   * @param file the file
   * @param summaries the summaries
   * @throws IOException if writing fails
   */
  public static void writeSummaries(Path file, List<MetricsSummary> summaries) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        JsonGenerator g = FACTORY.createGenerator(w).useDefaultPrettyPrinter()) {
      g.writeStartArray();
      for (MetricsSummary s : summaries) {
        writeSummary(g, s);
      }
      g.writeEndArray();
    }
  }

  /**
   * Reads a file written by {@link #writeSummaries}.
   *
   * @param file the file
   * @return the summaries
   * @throws IOException if reading fails
   * @throws IllegalArgumentException if the content is not a summary array (the message names the field)
   */
  public static List<MetricsSummary> readSummaries(Path file) throws IOException {
    JsonNode root = MAPPER.readTree(file.toFile());
    if (root == null || !root.isArray()) {
      throw new IllegalArgumentException(file + " must hold a JSON array of summaries");
    }
    List<MetricsSummary> out = new ArrayList<>();
    for (JsonNode n : root) {
      out.add(summary(n));
    }
    return out;
  }

  /**
   * Reads a summary written by {@link #toJson(MetricsSummary)}; derived numbers are recomputed, not read.
   *
   * @param json the JSON text
   * @return the summary
   * @throws IllegalArgumentException if a field is missing or invalid (the message names it)
   */
  public static MetricsSummary readSummary(String json) {
    try {
      return summary(MAPPER.readTree(json));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static void writeSummary(JsonGenerator g, MetricsSummary s) throws IOException {
    g.writeStartObject();
    g.writeStringField("label", s.label());
    g.writeStringField("window_start", s.windowStart().toString());
    g.writeNumberField("window_ns", s.window().toNanos());
    g.writeNumberField("window_s", s.window().toNanos() / 1e9);
    g.writeNumberField("requests", s.requests());
    g.writeNumberField("succeeded", s.succeeded());
    g.writeNumberField("failed", s.failed());
    g.writeNumberField("error_rate", s.errorRate());
    g.writeObjectFieldStart("errors_by_kind");
    for (Map.Entry<FailureKind, Long> e : s.failuresByKind().entrySet()) {
      g.writeNumberField(e.getKey().wireName(), e.getValue());
    }
    g.writeEndObject();
    g.writeNumberField("requests_per_s", s.requestsPerSecond());
    g.writeNumberField("output_tokens_per_s", s.outputTokensPerSecond());
    g.writeNumberField("total_tokens_per_s", s.totalTokensPerSecond());
    g.writeNumberField("input_tokens", s.inputTokens());
    g.writeNumberField("output_tokens", s.outputTokens());
    g.writeNumberField("cached_input_tokens", s.cachedInputTokens());
    g.writeNumberField("cache_write_tokens", s.cacheWriteTokens());
    g.writeNumberField("reasoning_tokens", s.reasoningTokens());
    g.writeNumberField("succeeded_output_tokens", s.succeededOutputTokens());
    g.writeNumberField("succeeded_total_tokens", s.succeededTotalTokens());
    g.writeNumberField("estimated_usage_requests", s.estimatedUsageRequests());
    g.writeNumberField("cost_usd", s.costUsd());
    g.writeNumberField("priced_requests", s.pricedRequests());
    g.writeObjectFieldStart("goodput");
    g.writeObjectFieldStart("slos");
    // One field per metric: its threshold, or an array of thresholds when the metric has several objectives.
    Map<LatencyMetric, List<Slo>> byMetric = new LinkedHashMap<>();
    for (Slo slo : s.slos()) {
      byMetric.computeIfAbsent(slo.metric(), m -> new ArrayList<>()).add(slo);
    }
    for (Map.Entry<LatencyMetric, List<Slo>> e : byMetric.entrySet()) {
      if (e.getValue().size() == 1) {
        g.writeNumberField(e.getKey().wireName(), e.getValue().get(0).threshold().toNanos() / 1e6);
      } else {
        g.writeArrayFieldStart(e.getKey().wireName());
        for (Slo slo : e.getValue()) {
          g.writeNumber(slo.threshold().toNanos() / 1e6);
        }
        g.writeEndArray();
      }
    }
    g.writeEndObject();
    g.writeNumberField("good_requests", s.goodRequests());
    g.writeNumberField("share", s.goodputShare());
    g.writeNumberField("per_s", s.goodputPerSecond());
    g.writeEndObject();
    g.writeObjectFieldStart("metrics");
    for (Map.Entry<LatencyMetric, LatencyHistogram> e : s.histograms().entrySet()) {
      LatencyHistogram h = e.getValue();
      g.writeObjectFieldStart(e.getKey().wireName());
      g.writeNumberField("count", h.count());
      g.writeNumberField("mean", ms(h.meanNanos()));
      g.writeNumberField("min", ms(h.minNanos()));
      g.writeNumberField("max", ms(h.maxNanos()));
      for (int i = 0; i < PERCENTILES.length; i++) {
        g.writeNumberField(PERCENTILE_NAMES[i], ms(h.percentileNanos(PERCENTILES[i])));
      }
      if (e.getKey().hasAdjustedPercentiles()) {
        // Only per-request milestones (see LatencyMetric.hasAdjustedPercentiles); absent for the others.
        g.writeObjectFieldStart("adjusted");
        for (int i = 0; i < PERCENTILES.length; i++) {
          // +Infinity is written as the string "Infinity" (Jackson's default for non-finite numbers).
          g.writeNumberField(PERCENTILE_NAMES[i], ms(s.adjustedPercentileNanos(e.getKey(), PERCENTILES[i])));
        }
        g.writeEndObject();
      }
      g.writeObjectFieldStart("histogram");
      g.writeStringField("unit", "ns");
      g.writeNumberField("lowest_discernible_ns", LatencyRecorder.LOWEST_DISCERNIBLE_NANOS);
      g.writeNumberField("significant_digits", LatencyRecorder.SIGNIFICANT_DIGITS);
      g.writeNumberField("sum_ns", h.sumNanos());
      g.writeNumberField("max_ns", h.maxNanos());
      g.writeNumberField("out_of_range", h.outOfRangeCount());
      g.writeStringField("hdr", h.encodeHdr());
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  /** Nanoseconds to milliseconds rounded to the microsecond; infinities and NaN pass through. */
  private static double ms(double nanos) {
    return Double.isFinite(nanos) ? Math.round(nanos / 1e3) / 1e3 : nanos;
  }

  private static MetricsSummary summary(JsonNode n) {
    Map<FailureKind, Long> failures = new EnumMap<>(FailureKind.class);
    for (Iterator<Map.Entry<String, JsonNode>> it = required(n, "errors_by_kind").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      failures.put(kind(e.getKey()), e.getValue().asLong());
    }
    JsonNode goodput = required(n, "goodput");
    List<Slo> slos = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = required(goodput, "slos").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      LatencyMetric metric = LatencyMetric.ofWireName(e.getKey());
      if (e.getValue().isArray()) {
        for (JsonNode threshold : e.getValue()) {
          slos.add(slo(metric, threshold));
        }
      } else {
        slos.add(slo(metric, e.getValue()));
      }
    }
    Map<LatencyMetric, LatencyHistogram> hist = new EnumMap<>(LatencyMetric.class);
    for (Iterator<Map.Entry<String, JsonNode>> it = required(n, "metrics").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode h = required(e.getValue(), "histogram");
      hist.put(
          LatencyMetric.ofWireName(e.getKey()),
          LatencyHistogram.fromHdr(
              required(h, "hdr").asText(),
              required(h, "sum_ns").asLong(),
              required(h, "max_ns").asLong(),
              required(h, "out_of_range").asLong()));
    }
    Instant start;
    try {
      start = Instant.parse(required(n, "window_start").asText());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("window_start must be an ISO-8601 instant, but was " + n.get("window_start"), e);
    }
    return MetricsSummary.builder()
        .label(required(n, "label").asText())
        .windowStart(start)
        .window(Duration.ofNanos(required(n, "window_ns").asLong()))
        .requests(required(n, "requests").asLong())
        .succeeded(required(n, "succeeded").asLong())
        .failuresByKind(failures)
        .inputTokens(required(n, "input_tokens").asLong())
        .cachedInputTokens(required(n, "cached_input_tokens").asLong())
        .cacheWriteTokens(required(n, "cache_write_tokens").asLong())
        .outputTokens(required(n, "output_tokens").asLong())
        .reasoningTokens(required(n, "reasoning_tokens").asLong())
        .succeededOutputTokens(required(n, "succeeded_output_tokens").asLong())
        .succeededTotalTokens(required(n, "succeeded_total_tokens").asLong())
        .estimatedUsageRequests(required(n, "estimated_usage_requests").asLong())
        .costUsd(required(n, "cost_usd").decimalValue())
        .pricedRequests(required(n, "priced_requests").asLong())
        .slos(slos)
        .goodRequests(required(goodput, "good_requests").asLong())
        .histograms(hist)
        .build();
  }

  private static Slo slo(LatencyMetric metric, JsonNode thresholdMs) {
    if (!thresholdMs.isNumber()) {
      throw new IllegalArgumentException(
          "goodput.slos." + metric.wireName() + " must be a threshold in ms or an array of them, but was " + thresholdMs);
    }
    return Slo.of(metric, Duration.ofNanos(Math.round(thresholdMs.asDouble() * 1e6)));
  }

  private static FailureKind kind(String wireName) {
    try {
      return FailureKind.valueOf(wireName.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("errors_by_kind has an unknown kind '" + wireName + "'", e);
    }
  }

  private static JsonNode required(JsonNode n, String field) {
    JsonNode v = n == null ? null : n.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("summary field '" + field + "' is missing");
    }
    return v;
  }
}
