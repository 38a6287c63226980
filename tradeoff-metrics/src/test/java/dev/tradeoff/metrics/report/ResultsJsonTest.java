package dev.tradeoff.metrics.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradeoff.metrics.EventKind;
import dev.tradeoff.metrics.Failure;
import dev.tradeoff.metrics.FailureKind;
import dev.tradeoff.metrics.RequestResult;
import dev.tradeoff.metrics.StreamMeter;
import dev.tradeoff.metrics.TokenUsage;
import dev.tradeoff.metrics.WireApi;
import dev.tradeoff.metrics.stats.LatencyMetric;
import dev.tradeoff.metrics.stats.MetricsAggregator;
import dev.tradeoff.metrics.stats.MetricsSummary;
import dev.tradeoff.metrics.stats.Slo;
import dev.tradeoff.metrics.testing.Results;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ResultsJsonTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long MS = 1_000_000L;

  /** A reasoning request with exact times: start 0, role 1 ms, reasoning 10/20 ms, content 50/60/80 ms. */
  private static RequestResult reasoningRequest() {
    StreamMeter m = StreamMeter.start(-2 * MS, 0);
    m.requestSent(MS / 4);
    m.responseHeaders(MS / 2);
    m.event(EventKind.ROLE_ONLY, MS);
    m.event(EventKind.REASONING, 10 * MS);
    m.event(EventKind.REASONING, 20 * MS);
    m.event(EventKind.CONTENT, 50 * MS);
    m.event(EventKind.CONTENT, 60 * MS);
    m.event(EventKind.CONTENT, 80 * MS);
    m.event(EventKind.USAGE, 81 * MS);
    return RequestResult.builder()
        .api(WireApi.OPENAI_CHAT)
        .model("gpt-4o-mini")
        .requestId("cs-003")
        .timeline(m.finish(82 * MS))
        .usage(TokenUsage.builder().inputTokens(120).cachedInputTokens(64).outputTokens(41).reasoningTokens(20)
            .estimatedOutputTokens(39).build())
        .costUsd(new BigDecimal("0.0000426"))
        .httpStatus(200)
        .finishReason("stop")
        .build();
  }

  @Test
  void recordFrom_reasoningRequest_writesStableNamesAndUnits() throws IOException {
    RequestRecord record = RequestRecord.from(reasoningRequest()).candidate("mini").sequence(3).build();

    JsonNode n = JSON.readTree(ResultsJson.toJson(record));

    assertThat(n.path("candidate").asText()).isEqualTo("mini");
    assertThat(n.path("api").asText()).isEqualTo("openai_chat");
    assertThat(n.path("prompt_id").asText()).isEqualTo("cs-003");
    assertThat(n.path("ttft_ms").asDouble()).isEqualTo(50.0);
    assertThat(n.path("ttft_any_ms").asDouble()).isEqualTo(10.0);
    assertThat(n.path("reasoning_ms").asDouble()).isEqualTo(40.0);
    assertThat(n.path("first_output_after_reasoning_ms").asDouble()).isEqualTo(30.0);
    assertThat(n.path("e2e_ms").asDouble()).isEqualTo(82.0);
    assertThat(n.path("ttft_from_intended_ms").asDouble()).isEqualTo(52.0);
    assertThat(n.path("scheduler_lag_ms").asDouble()).isEqualTo(2.0);
    assertThat(n.path("client_queue_ms").asDouble()).isEqualTo(0.25);
    assertThat(n.path("tpot_ms").asDouble()).isEqualTo(1.8); // (82 − 10) / (41 − 1)
    assertThat(n.path("itl_ms")).extracting(JsonNode::asDouble).containsExactly(10.0, 30.0, 10.0, 20.0);
    assertThat(n.path("input_tokens").asLong()).isEqualTo(120);
    assertThat(n.path("cached_input_tokens").asLong()).isEqualTo(64);
    assertThat(n.path("reasoning_tokens").asLong()).isEqualTo(20);
    assertThat(n.path("output_tokens_estimate").asLong()).isEqualTo(39);
    assertThat(n.path("cost_usd").decimalValue()).isEqualByComparingTo("0.0000426");
    assertThat(ResultsJson.toJson(record)).contains("\"cost_usd\":0.0000426,"); // plain and exact, not 4.26E-5
    assertThat(n.get("error").isNull()).isTrue();
  }

  @Test
  void recordFrom_failureBeforeFirstToken_nullsAndErrorObject() throws IOException {
    RequestResult failed = Results.failure(0, 30, FailureKind.RATE_LIMITED);

    JsonNode n = JSON.readTree(ResultsJson.toJson(RequestRecord.from(failed).build()));

    assertThat(n.get("ttft_ms").isNull()).isTrue();
    assertThat(n.get("tpot_ms").isNull()).isTrue();
    assertThat(n.get("input_tokens").isNull()).isTrue();
    assertThat(n.get("cost_usd").isNull()).isTrue();
    assertThat(n.path("e2e_ms").asDouble()).isEqualTo(30.0);
    assertThat(n.path("error").path("kind").asText()).isEqualTo("rate_limited");
    assertThat(n.path("error").path("type").asText()).isEqualTo("rate_limited");
    assertThat(n.path("error").path("message").asText()).isEqualTo("synthetic rate_limited");
  }

  @Test
  void record_literalJson_roundTrips() {
    String literal = "{\"candidate\":\"c\",\"model\":\"m\",\"api\":\"anthropic_messages\",\"prompt_id\":\"p\","
        + "\"profile\":\"poisson(rate=2.0/s, seed=1)\",\"sequence\":4,\"warmup\":false,\"intended_offset_ms\":1500.0,"
        + "\"scheduler_lag_ms\":0.04,\"client_queue_ms\":0.3,\"response_headers_ms\":80.1,\"ttft_ms\":120.5,"
        + "\"ttft_any_ms\":120.5,\"reasoning_ms\":null,\"first_output_after_reasoning_ms\":null,\"e2e_ms\":900.0,"
        + "\"ttft_from_intended_ms\":120.54,\"e2e_from_intended_ms\":900.04,\"tpot_ms\":7.8,"
        + "\"output_tokens_per_s\":130.2,\"output_tokens_per_s_e2e\":112.2,\"events\":105,\"token_events\":100,"
        + "\"itl_ms\":[7.5,8.1],\"input_tokens\":1169,\"output_tokens\":101,\"cached_input_tokens\":0,"
        + "\"cache_write_tokens\":1165,\"cache_write_1h_tokens\":0,\"reasoning_tokens\":0,\"tokens_estimated\":false,"
        + "\"output_tokens_estimate\":null,\"cost_usd\":0.0058725,\"http_status\":200,\"attempts\":1,"
        + "\"finish_reason\":\"end_turn\",\"provider_request_id\":\"req_011CV8kYbTf3gZ9nJ2pQ4rXs\",\"error\":null}";

    RequestRecord r = ResultsJson.recordFromJson(literal);

    assertThat(r.cacheWriteTokens()).hasValue(1165);
    assertThat(r.costUsd()).contains(new BigDecimal("0.0058725"));
    assertThat(r.reasoningMs()).isEmpty();
    assertThat(r.providerRequestId()).contains("req_011CV8kYbTf3gZ9nJ2pQ4rXs");
    assertThat(ResultsJson.toJson(r)).isEqualTo(literal);
  }

  @Test
  void recordFromJson_wrongType_namesTheField() {
    assertThatThrownBy(() -> ResultsJson.recordFromJson("{\"model\":\"m\",\"api\":\"x\",\"e2e_ms\":\"slow\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a valid request record");
  }

  @Test
  void records_jsonlFile_roundTrip(@TempDir Path dir) throws IOException {
    List<RequestRecord> records = List.of(
        RequestRecord.from(reasoningRequest()).candidate("a").build(),
        RequestRecord.from(Results.failure(0, 5, FailureKind.IDLE_TIMEOUT)).candidate("a").sequence(1).build());
    Path file = dir.resolve("requests.jsonl");

    ResultsJson.writeRecords(file, records);

    assertThat(java.nio.file.Files.readAllLines(file)).hasSize(2);
    assertThat(ResultsJson.readRecords(file)).isEqualTo(records);
  }

  private static MetricsSummary summary() {
    MetricsAggregator agg = MetricsAggregator.create("mini", List.of(Slo.of(LatencyMetric.TTFT, Duration.ofMillis(200))));
    agg.add(reasoningRequest());
    agg.add(Results.success(5 * MS, new long[] {100, 130, 170}, 30, 3));
    agg.add(Results.failure(10 * MS, 20, FailureKind.HTTP_SERVER_ERROR));
    return agg.summary();
  }

  @Test
  void summary_toJsonAndBack_equalsOriginal() {
    MetricsSummary s = summary();

    MetricsSummary back = ResultsJson.readSummary(ResultsJson.toJson(s));

    assertThat(back).isEqualTo(s);
  }

  @Test
  void summary_json_hasPercentilesAdjustedInfinityAndGoodput() throws IOException {
    JsonNode n = JSON.readTree(ResultsJson.toJson(summary()));

    assertThat(n.path("requests").asLong()).isEqualTo(3);
    assertThat(n.path("errors_by_kind").path("http_server_error").asLong()).isEqualTo(1);
    assertThat(n.path("error_rate").asDouble()).isEqualTo(1.0 / 3);
    assertThat(n.path("goodput").path("slos").path("ttft_ms").asDouble()).isEqualTo(200.0);
    assertThat(n.path("goodput").path("good_requests").asLong()).isEqualTo(2);
    JsonNode ttft = n.path("metrics").path("ttft_ms");
    assertThat(ttft.path("count").asLong()).isEqualTo(2);
    assertThat(ttft.path("p50").asDouble()).isBetween(50.0, 50.05);
    assertThat(ttft.path("adjusted").path("p99").asText()).isEqualTo("Infinity");
    assertThat(ttft.path("histogram").path("unit").asText()).isEqualTo("ns");
    assertThat(ttft.path("histogram").path("lowest_discernible_ns").asLong()).isEqualTo(1000);
    assertThat(ttft.path("histogram").path("hdr").asText()).isNotEmpty();
    assertThat(n.path("metrics").has("itl_ms")).isTrue();
    // adjusted percentiles only for per-request milestones: not for gaps, TPOT, reasoning or client-side lags
    assertThat(n.path("metrics").path("e2e_ms").path("adjusted").path("p99").asText()).isEqualTo("Infinity");
    for (String name : List.of("itl_ms", "tpot_ms", "reasoning_ms", "scheduler_lag_ms", "client_queue_ms")) {
      assertThat(n.path("metrics").has(name)).as(name).isTrue();
      assertThat(n.path("metrics").path(name).has("adjusted")).as(name).isFalse();
    }
  }

  @Test
  void summaries_fileRoundTripAndMerge(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("summary.json");
    ResultsJson.writeSummaries(file, List.of(summary(), summary()));

    List<MetricsSummary> back = ResultsJson.readSummaries(file);

    assertThat(back).hasSize(2);
    MetricsSummary merged = back.get(0).merge(back.get(1));
    assertThat(merged.requests()).isEqualTo(6);
    assertThat(merged.histogram(LatencyMetric.TTFT).count()).isEqualTo(4);
  }

  @Test
  void summary_costs_arePlainDecimalsWithTheirScale_andReadBackUnchanged() {
    for (String cost : List.of("10.00", "0.500", "0.0000426")) {
      MetricsSummary s = MetricsSummary.builder().from(summary()).costUsd(new BigDecimal(cost)).build();

      String json = ResultsJson.toJson(s);
      MetricsSummary back = ResultsJson.readSummary(json);

      assertThat(json).contains("\"cost_usd\":" + cost + ",");
      assertThat(back.costUsd().toPlainString()).isEqualTo(cost);
      assertThat(back).isEqualTo(s);
      assertThat(ResultsJson.toJson(back)).isEqualTo(json);
    }
  }

  @Test
  void summary_costInScientificForm_isWrittenPlain() {
    MetricsSummary s = MetricsSummary.builder().from(summary()).costUsd(new BigDecimal("1E+1")).build();

    assertThat(ResultsJson.toJson(s)).contains("\"cost_usd\":10,");
  }

  @Test
  void record_costs_arePlainDecimalsWithTheirScale() {
    RequestResult r = RequestResult.builder().from(reasoningRequest()).costUsd(new BigDecimal("10.00")).build();
    String json = ResultsJson.toJson(RequestRecord.from(r).build());

    assertThat(json).contains("\"cost_usd\":10.00,");
    assertThat(ResultsJson.recordFromJson(json).costUsd()).hasValueSatisfying(c -> assertThat(c.toPlainString()).isEqualTo("10.00"));
  }

  @Test
  void summary_twoSlosOnOneMetric_bothKept_asAnArray() throws IOException {
    List<Slo> slos = List.of(Slo.of(LatencyMetric.TTFT, Duration.ofMillis(500)), Slo.of(LatencyMetric.TTFT, Duration.ofMillis(200)));
    MetricsAggregator agg = MetricsAggregator.create("mini", slos);
    agg.add(Results.success(0, new long[] {100}, 10, 1)); // meets both
    agg.add(Results.success(0, new long[] {300}, 10, 1)); // meets 500 ms only: not good
    MetricsSummary s = agg.summary();

    String json = ResultsJson.toJson(s);
    MetricsSummary back = ResultsJson.readSummary(json);

    assertThat(json).contains("\"slos\":{\"ttft_ms\":[500.0,200.0]}");
    assertThat(back.slos()).containsExactlyElementsOf(slos);
    assertThat(back).isEqualTo(s);
    assertThat(back.goodRequests()).isEqualTo(1);
    assertThat(back.merge(s).goodRequests()).isEqualTo(2);
  }

  @Test
  void summary_interleavedSlos_readBackGroupedByMetric_andStillMerge() {
    List<Slo> slos = List.of(
        Slo.of(LatencyMetric.TTFT, Duration.ofMillis(500)),
        Slo.of(LatencyMetric.TPOT, Duration.ofMillis(50)),
        Slo.of(LatencyMetric.TTFT, Duration.ofMillis(200)));
    MetricsAggregator agg = MetricsAggregator.create("mini", slos);
    agg.add(Results.success(0, new long[] {100, 120}, 10, 2));
    MetricsSummary s = agg.summary();

    String json = ResultsJson.toJson(s);
    MetricsSummary back = ResultsJson.readSummary(json);

    assertThat(json).contains("\"slos\":{\"ttft_ms\":[500.0,200.0],\"tpot_ms\":50.0}");
    assertThat(back.slos()).containsExactlyInAnyOrderElementsOf(slos);
    assertThat(s.merge(back).requests()).isEqualTo(2);
  }

  @Test
  void readSummary_sloThresholdNotANumber_namesTheField() {
    String json = ResultsJson.toJson(summary()).replace("\"slos\":{\"ttft_ms\":200.0}", "\"slos\":{\"ttft_ms\":\"fast\"}");

    assertThatThrownBy(() -> ResultsJson.readSummary(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("goodput.slos.ttft_ms must be a threshold in ms or an array of them");
  }

  @Test
  void readSummary_missingField_namesIt() {
    assertThatThrownBy(() -> ResultsJson.readSummary("{\"label\":\"x\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("summary field 'errors_by_kind' is missing");
  }

  @Test
  void recordOfCanaryFailure_neverContainsSecret() {
    // Clients redact before a Failure exists; a record only ever copies what the result holds.
    RequestResult r = RequestResult.builder()
        .from(Results.failure(0, 1, FailureKind.HTTP_CLIENT_ERROR))
        .failure(Failure.of(FailureKind.HTTP_CLIENT_ERROR, "invalid_api_key", "HTTP 401: Incorrect API key provided: [REDACTED]"))
        .build();

    assertThat(ResultsJson.toJson(RequestRecord.from(r).build())).contains("[REDACTED]");
  }
}
