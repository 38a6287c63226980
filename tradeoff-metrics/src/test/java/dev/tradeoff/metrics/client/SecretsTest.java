package dev.tradeoff.metrics.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradeoff.metrics.RequestResult;
import dev.tradeoff.metrics.WireApi;
import dev.tradeoff.metrics.report.RequestRecord;
import dev.tradeoff.metrics.report.ResultsJson;
import dev.tradeoff.metrics.testing.CapturingLogs;
import dev.tradeoff.metrics.testing.Servers;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A canary key must travel only in its header: never in toString, exceptions, failure messages or logs, even
 * when the server echoes it back. (Result files are checked in {@code ResultsJsonTest}.)
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
final class SecretsTest {

  static final String CANARY_KEY = "sk-canary-7f3a9c2e51d84b06";
  static final String CANARY_HEADER = "gw-canary-19e4b7d2a6";

  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = Servers.loopback();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private ClientConfig config() {
    return ClientConfig.builder()
        .api(WireApi.OPENAI_CHAT)
        .model("canary-model")
        .baseUrl(server.url("/v1").toString())
        .apiKey(ApiKey.of(CANARY_KEY))
        .putHeader("X-Gateway-Token", CANARY_HEADER)
        .build();
  }

  private static void assertNoCanary(String text) {
    assertThat(text).doesNotContain(CANARY_KEY).doesNotContain(CANARY_HEADER);
  }

  @Test
  void serverEchoesKeyInErrorBody_failureMessageRedactedAndKeySentOnlyAsHeader() throws Exception {
    server.enqueue(new MockResponse.Builder()
        .code(401)
        .addHeader("Content-Type", "application/json")
        .body("{\"error\":{\"message\":\"Incorrect API key provided: " + CANARY_KEY + " (token " + CANARY_HEADER
            + ")\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}")
        .build());

    RequestResult r;
    try (LlmClient client = LlmClient.create(config())) {
      assertNoCanary(client.toString());
      r = client.execute(ChatRequest.ofUser("hello"));
    }

    assertThat(r.failure().orElseThrow().message()).contains("[REDACTED]");
    assertNoCanary(r.toString());
    assertNoCanary(r.failure().orElseThrow().toString());
    RecordedRequest sent = server.takeRequest();
    assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer " + CANARY_KEY);
    assertThat(sent.getHeaders().get("X-Gateway-Token")).isEqualTo(CANARY_HEADER);
    assertNoCanary(sent.getUrl().toString());
    assertNoCanary(sent.getBody().utf8());
    assertNoCanary(CapturingLogs.all());
  }

  @Test
  void serverEchoesKeyInStreamError_redacted() throws Exception {
    server.enqueue(new MockResponse.Builder()
        .addHeader("Content-Type", "text/event-stream")
        .body("event: error\ndata: {\"error\":{\"type\":\"auth\",\"message\":\"bad key " + CANARY_KEY + "\"}}\n\n")
        .build());

    RequestResult r;
    try (LlmClient client = LlmClient.create(config())) {
      r = client.execute(ChatRequest.ofUser("hello"));
    }

    assertThat(r.failure().orElseThrow().message()).isEqualTo("bad key [REDACTED]");
    assertNoCanary(CapturingLogs.all());
  }

  @Test
  void serverEchoesKeyInItsRequestIdHeader_idRedactedInResultAndRecord() throws Exception {
    server.enqueue(new MockResponse.Builder()
        .code(401)
        .addHeader("Content-Type", "application/json")
        .addHeader("x-request-id", "req_" + CANARY_KEY)
        .body("{\"error\":{\"message\":\"Incorrect API key\",\"type\":\"invalid_request_error\"}}")
        .build());

    RequestResult r;
    try (LlmClient client = LlmClient.create(config())) {
      r = client.execute(ChatRequest.ofUser("hello"));
    }

    assertThat(r.providerRequestId()).contains("req_[REDACTED]");
    assertNoCanary(r.toString());
    assertNoCanary(ResultsJson.toJson(RequestRecord.from(r).build()));
  }

  @Test
  void configToString_neverShowsKeyOrHeaderValues() {
    ClientConfig c = config();

    assertNoCanary(c.toString());
    assertNoCanary(c.apiKey().toString());
    assertThat(c.apiKey().toString()).isEqualTo("ApiKey[redacted]");
    assertThat(c.toString()).contains("canary-model");
  }

  @Test
  void apiKeyFromMissingEnvironment_messageNamesVariableOnly() {
    assertThatThrownBy(() -> ApiKey.fromEnv("TRADEOFF_TEST_MISSING_KEY", Map.<String, String>of()::get))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("environment variable TRADEOFF_TEST_MISSING_KEY is not set or is blank");
    assertThat(ApiKey.fromEnv("K", Map.of("K", CANARY_KEY)::get).reveal()).isEqualTo(CANARY_KEY);
  }

  @Test
  void apiKeyWithLineBreak_rejectedWithoutEchoingIt() {
    assertThatThrownBy(() -> ApiKey.of(CANARY_KEY + "\r\nX-Evil: 1"))
        .isInstanceOf(IllegalArgumentException.class)
        .satisfies(e -> assertNoCanary(e.getMessage()));
  }
}
