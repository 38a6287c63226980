package dev.tradeoff.metrics.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeoff.metrics.FailureKind;
import dev.tradeoff.metrics.WireApi;
import dev.tradeoff.metrics.client.ApiKey;
import dev.tradeoff.metrics.client.ClientConfig;
import dev.tradeoff.metrics.client.LlmClient;
import dev.tradeoff.metrics.report.RequestRecord;
import dev.tradeoff.metrics.report.ResultsJson;
import dev.tradeoff.metrics.stats.LatencyMetric;
import dev.tradeoff.metrics.stats.MetricsSummary;
import dev.tradeoff.metrics.stats.Slo;
import dev.tradeoff.metrics.testing.Fixtures;
import dev.tradeoff.metrics.testing.Servers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
final class LoadRunnerTest {

  private static final String BODY = new String(Fixtures.bytes(Fixtures.OPENAI_CHAT_USAGE_DETAILS), StandardCharsets.UTF_8);
  private static final String CANARY = "sk-canary-load-5e2d9f1b";

  private MockWebServer server;
  private final List<LlmClient> clients = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = Servers.loopback();
  }

  @AfterEach
  void stop() {
    clients.forEach(LlmClient::close);
    server.close();
  }

  /** Serves request number n (0-based, in arrival order) with {@code responder.apply(n)}. */
  private void serve(IntFunction<MockResponse> responder) {
    AtomicInteger n = new AtomicInteger();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return responder.apply(n.getAndIncrement());
      }
    });
  }

  private static MockResponse ok() {
    return new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(BODY).build();
  }

  private Candidate candidate(String name, int maxConcurrent) {
    LlmClient client = LlmClient.create(ClientConfig.builder()
        .api(WireApi.OPENAI_CHAT)
        .model("gpt-4o-mini")
        .baseUrl(server.url("/v1").toString())
        .apiKey(ApiKey.of(CANARY))
        .maxConcurrentRequests(maxConcurrent)
        .build());
    clients.add(client);
    return new Candidate(name, client);
  }

  private ImmutableLoadRunConfig.Builder config() {
    return LoadRunConfig.builder().prompts(PromptSet.customerSupport()).addCandidate(candidate("mini", 64));
  }

  @Test
  void closedLoop_withWarmup_recordsAllSummarizesMeasured() throws Exception {
    serve(n -> ok());
    List<String> events = new CopyOnWriteArrayList<>();
    ProgressListener listener = new ProgressListener() {
      @Override
      public void onStepStart(String candidate, LoadProfile profile, long planned) {
        events.add("start " + candidate + " " + planned);
      }

      @Override
      public void onProgress(Progress p) {
        events.add("progress " + p.completed());
      }

      @Override
      public void onStepEnd(StepResult step) {
        events.add("end " + step.records().size());
      }
    };

    LoadRunResult result = LoadRunner.run(config()
        .addProfile(LoadProfile.closedLoop(4))
        .maxRequests(20)
        .warmupRequests(2)
        .progressListener(listener)
        .progressInterval(Duration.ofMillis(20))
        .build());

    StepResult step = result.steps().get(0);
    assertThat(step.records()).hasSize(22);
    assertThat(step.records()).extracting(RequestRecord::sequence).containsExactlyElementsOf(
        java.util.stream.LongStream.range(0, 22).boxed().toList());
    assertThat(step.records().get(0).warmup()).isTrue();
    assertThat(step.records().get(1).warmup()).isTrue();
    assertThat(step.records().get(2).warmup()).isFalse();
    assertThat(step.records().get(3).promptId()).isEqualTo("cs-004"); // prompts cycled in file order
    assertThat(step.records()).allSatisfy(r -> assertThat(r.error()).isEmpty());
    MetricsSummary s = step.summary();
    assertThat(s.requests()).isEqualTo(20);
    assertThat(s.succeeded()).isEqualTo(20);
    assertThat(s.outputTokens()).isEqualTo(20 * 9);
    assertThat(s.histogram(LatencyMetric.TTFT).count()).isEqualTo(20);
    assertThat(s.histogram(LatencyMetric.SCHEDULER_LAG).maxNanos()).isZero(); // closed loop: intended = actual
    assertThat(events.get(0)).isEqualTo("start mini 22");
    assertThat(events).contains("progress 22");
    assertThat(events.get(events.size() - 1)).isEqualTo("end 22");
  }

  @Test
  void openLoopConstantRate_sendsOnScheduleAndReportsIntendedTimes() throws Exception {
    serve(n -> ok());

    LoadRunResult result = LoadRunner.run(config().addProfile(LoadProfile.constantRate(100)).maxRequests(30).build());

    List<RequestRecord> records = result.steps().get(0).records();
    assertThat(records).hasSize(30);
    for (int i = 0; i < records.size(); i++) {
      assertThat(records.get(i).intendedOffsetMs()).hasValue(i * 10.0);
      RequestRecord r = records.get(i);
      assertThat(r.ttftFromIntendedMs().getAsDouble()).isGreaterThanOrEqualTo(r.ttftMs().getAsDouble());
      assertThat(r.ttftFromIntendedMs().getAsDouble() - r.ttftMs().getAsDouble())
          .isCloseTo(r.schedulerLagMs(), org.assertj.core.data.Offset.offset(0.002));
    }
    // the sender parks, then spins: it sends on time (a generous bound: other builds share the 2 cores)
    assertThat(result.steps().get(0).summary().histogram(LatencyMetric.SCHEDULER_LAG).percentileNanos(50)).isLessThan(10e6);
  }

  @Test
  void poisson_boundedByDuration_sendsExactlyTheScheduledArrivals() throws Exception {
    serve(n -> ok());
    LoadProfile profile = LoadProfile.poisson(40, 11);
    int expected = profile.schedule(1000, Duration.ofMillis(300)).size();

    LoadRunResult result = LoadRunner.run(config().addProfile(profile).maxRequests(1000).maxDuration(Duration.ofMillis(300)).build());

    assertThat(expected).isBetween(3, 30);
    assertThat(result.steps().get(0).records()).hasSize(expected);
    assertThat(result.steps().get(0).records()).allSatisfy(r -> assertThat(r.intendedOffsetMs().getAsDouble()).isLessThanOrEqualTo(300.0));
  }

  @Test
  void failuresAndSlos_countedByKindAndInGoodput() throws Exception {
    serve(n -> n % 3 == 2
        ? new MockResponse.Builder().code(429).addHeader("Retry-After", "1").body("{\"error\":{\"type\":\"rate_limit\",\"message\":\"slow down\"}}").build()
        : ok());

    LoadRunResult result = LoadRunner.run(config()
        .addProfile(LoadProfile.closedLoop(1))
        .maxRequests(9)
        .addSlo(Slo.of(LatencyMetric.TTFT, Duration.ofSeconds(5)))
        .build());

    MetricsSummary s = result.steps().get(0).summary();
    assertThat(s.requests()).isEqualTo(9);
    assertThat(s.failuresByKind()).containsExactly(java.util.Map.entry(FailureKind.RATE_LIMITED, 3L));
    assertThat(s.goodRequests()).isEqualTo(6);
    assertThat(s.adjustedPercentileNanos(LatencyMetric.E2E, 90)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(result.steps().get(0).records().get(2).error()).hasValueSatisfying(e -> {
      assertThat(e.kind()).isEqualTo("rate_limited");
      assertThat(e.type()).isEqualTo("rate_limit");
    });
  }

  @Test
  void sweepTimesCandidates_runsEveryStepInOrder() throws Exception {
    serve(n -> ok());

    LoadRunResult result = LoadRunner.run(LoadRunConfig.builder()
        .prompts(PromptSet.customerSupport())
        .addCandidate(candidate("a", 64))
        .addCandidate(candidate("b", 64))
        .addAllProfiles(LoadProfile.closedLoopSweep(1, 2))
        .maxRequests(3)
        .build());

    assertThat(result.steps()).extracting(s -> s.candidate() + " " + s.profile())
        .containsExactly("a closed_loop(concurrency=1)", "a closed_loop(concurrency=2)",
            "b closed_loop(concurrency=1)", "b closed_loop(concurrency=2)");
    assertThat(result.summaries()).extracting(MetricsSummary::label).startsWith("a closed_loop(concurrency=1)");
  }

  @Test
  void throwingListener_doesNotEndTheRun() throws Exception {
    serve(n -> ok());
    ProgressListener rude = new ProgressListener() {
      @Override
      public void onProgress(Progress p) {
        throw new IllegalStateException("listener bug");
      }

      @Override
      public void onStepStart(String c, LoadProfile p, long planned) {
        throw new IllegalStateException("listener bug");
      }
    };

    LoadRunResult result = LoadRunner.run(config()
        .addProfile(LoadProfile.closedLoop(2))
        .maxRequests(6)
        .progressListener(rude)
        .progressInterval(Duration.ofMillis(5))
        .build());

    assertThat(result.steps().get(0).summary().succeeded()).isEqualTo(6);
  }

  @Test
  void clientLimitedToOneStream_queueTimeExposedAndInLatency() throws Exception {
    serve(n -> ok().newBuilder().headersDelay(100, TimeUnit.MILLISECONDS).build());
    LoadRunConfig cfg = LoadRunConfig.builder()
        .prompts(PromptSet.customerSupport())
        .addCandidate(candidate("one-lane", 1))
        .addProfile(LoadProfile.constantRate(50)) // a request every 20 ms, each takes > 100 ms
        .maxRequests(4)
        .build();

    List<RequestRecord> records = LoadRunner.run(cfg).steps().get(0).records();

    // request 3 waits behind three 100 ms requests in the dispatcher queue: ~300 ms − 60 ms more than request 0
    RequestRecord first = records.get(0);
    RequestRecord last = records.get(3);
    assertThat(last.clientQueueMs().getAsDouble()).isGreaterThan(first.clientQueueMs().getAsDouble() + 150.0);
    assertThat(last.ttftMs().getAsDouble()).isGreaterThan(last.clientQueueMs().getAsDouble() + 100.0);
    assertThat(last.schedulerLagMs()).isLessThan(last.clientQueueMs().getAsDouble()); // the runner was on time
  }

  @Test
  void writeTo_filesRoundTripAndNeverContainTheKey(@TempDir Path dir) throws Exception {
    serve(n -> n == 1
        ? new MockResponse.Builder().code(401).body("{\"error\":{\"type\":\"auth\",\"message\":\"bad key " + CANARY + "\"}}").build()
        : ok());

    LoadRunResult result = LoadRunner.run(config().addProfile(LoadProfile.closedLoop(1)).maxRequests(4).build());
    result.writeTo(dir);

    String records = Files.readString(dir.resolve(LoadRunResult.RECORDS_FILE));
    String summaries = Files.readString(dir.resolve(LoadRunResult.SUMMARIES_FILE));
    assertThat(records).doesNotContain(CANARY).contains("[REDACTED]").contains("\"error\":null");
    assertThat(summaries).doesNotContain(CANARY);
    assertThat(ResultsJson.readRecords(dir.resolve(LoadRunResult.RECORDS_FILE))).isEqualTo(result.steps().get(0).records());
    assertThat(ResultsJson.readSummaries(dir.resolve(LoadRunResult.SUMMARIES_FILE))).containsExactlyElementsOf(result.summaries());
    assertThat(result.toString()).doesNotContain(CANARY);
  }

  @Test
  void config_invalid_rejectedNamingTheAttribute() {
    Candidate c = candidate("x", 1);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> LoadRunConfig.builder()
            .prompts(PromptSet.customerSupport()).addCandidate(c).addCandidate(c).addProfile(LoadProfile.closedLoop(1)).build())
        .hasMessage("candidate names must be unique, but 'x' repeats");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> LoadRunConfig.builder()
            .prompts(PromptSet.customerSupport()).addCandidate(c).build())
        .hasMessage("profiles must not be empty");
  }
}
