package dev.tradeoff.metrics.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradeoff.metrics.WireApi;
import dev.tradeoff.metrics.testing.Servers;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What each client puts on the wire: path, headers, streaming flags, usage request, message placement. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
final class RequestFormatTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ChatRequest REQUEST = ChatRequest.builder()
      .id("cs-007")
      .addMessage(ChatMessage.system("You are a support agent."))
      .addMessage(ChatMessage.user("Where is my order?"))
      .maxOutputTokens(300)
      .temperature(0.2)
      .build();

  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = Servers.loopback();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private RecordedRequest send(ClientConfig config) throws InterruptedException {
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body("data: [DONE]\n\n").build());
    try (LlmClient client = LlmClient.create(config)) {
      client.execute(REQUEST);
    }
    return server.takeRequest(5, TimeUnit.SECONDS);
  }

  private ImmutableClientConfig.Builder config(WireApi api) {
    return ClientConfig.builder().api(api).model("the-model").baseUrl(server.url("/v1/").toString());
  }

  @Test
  void openAiChat_streamsWithIncludeUsageAndBearerKey() throws Exception {
    RecordedRequest r = send(config(WireApi.OPENAI_CHAT).apiKey(ApiKey.of("sk-test-123456")).build());

    assertThat(r.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
    assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer sk-test-123456");
    assertThat(r.getHeaders().get("Accept")).isEqualTo("text/event-stream");
    JsonNode body = JSON.readTree(r.getBody().utf8());
    assertThat(body.path("model").asText()).isEqualTo("the-model");
    assertThat(body.path("stream").asBoolean()).isTrue();
    assertThat(body.path("stream_options").path("include_usage").asBoolean()).isTrue();
    assertThat(body.path("max_tokens").asInt()).isEqualTo(300); // a compatible server, not api.openai.com
    assertThat(body.path("temperature").asDouble()).isEqualTo(0.2);
    assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
    assertThat(body.path("messages").get(1).path("content").asText()).isEqualTo("Where is my order?");
  }

  @Test
  void openAiChat_apiOpenAiCom_usesMaxCompletionTokens() {
    ClientConfig c = ClientConfig.builder().api(WireApi.OPENAI_CHAT).model("gpt-4o-mini").build();

    assertThat(c.baseUrl()).isEqualTo("https://api.openai.com/v1");
    assertThat(c.openAiMaxTokensField()).isEqualTo("max_completion_tokens");
  }

  @Test
  void openAiChat_extraHeadersAndBody_sentAndOverride() throws Exception {
    RecordedRequest r = send(config(WireApi.OPENAI_CHAT)
        .putHeader("HTTP-Referer", "https://tradeoff.dev")
        .extraBodyJson("{\"reasoning_effort\":\"low\",\"temperature\":0.9}")
        .includeUsage(false)
        .build());

    assertThat(r.getHeaders().get("HTTP-Referer")).isEqualTo("https://tradeoff.dev");
    assertThat(r.getHeaders().get("Authorization")).isNull(); // no key configured
    JsonNode body = JSON.readTree(r.getBody().utf8());
    assertThat(body.path("reasoning_effort").asText()).isEqualTo("low");
    assertThat(body.path("temperature").asDouble()).isEqualTo(0.9);
    assertThat(body.has("stream_options")).isFalse();
  }

  @Test
  void openAiResponses_inputAndMaxOutputTokens() throws Exception {
    RecordedRequest r = send(config(WireApi.OPENAI_RESPONSES).build());

    assertThat(r.getUrl().encodedPath()).isEqualTo("/v1/responses");
    JsonNode body = JSON.readTree(r.getBody().utf8());
    assertThat(body.path("input")).hasSize(2);
    assertThat(body.path("max_output_tokens").asInt()).isEqualTo(300);
    assertThat(body.path("stream").asBoolean()).isTrue();
  }

  @Test
  void anthropic_systemAtTopLevelAndVersionHeader() throws Exception {
    RecordedRequest r = send(config(WireApi.ANTHROPIC_MESSAGES).apiKey(ApiKey.of("sk-ant-test-1")).build());

    assertThat(r.getUrl().encodedPath()).isEqualTo("/v1/messages");
    assertThat(r.getHeaders().get("x-api-key")).isEqualTo("sk-ant-test-1");
    assertThat(r.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
    assertThat(r.getHeaders().get("Authorization")).isNull();
    JsonNode body = JSON.readTree(r.getBody().utf8());
    assertThat(body.path("system").asText()).isEqualTo("You are a support agent.");
    assertThat(body.path("messages")).hasSize(1);
    assertThat(body.path("max_tokens").asInt()).isEqualTo(300);
    assertThat(body.path("stream").asBoolean()).isTrue();
  }

  @Test
  void gemini_streamGenerateContentWithAltSseAndKeyHeader() throws Exception {
    RecordedRequest r = send(config(WireApi.GEMINI).apiKey(ApiKey.of("gemini-key-1")).build());

    assertThat(r.getUrl().encodedPath()).isEqualTo("/v1/models/the-model:streamGenerateContent");
    assertThat(r.getUrl().queryParameter("alt")).isEqualTo("sse");
    assertThat(r.getUrl().queryParameter("key")).isNull(); // keys never travel in URLs
    assertThat(r.getHeaders().get("x-goog-api-key")).isEqualTo("gemini-key-1");
    JsonNode body = JSON.readTree(r.getBody().utf8());
    assertThat(body.path("systemInstruction").path("parts").get(0).path("text").asText()).isEqualTo("You are a support agent.");
    assertThat(body.path("contents").get(0).path("role").asText()).isEqualTo("user");
    assertThat(body.path("generationConfig").path("maxOutputTokens").asInt()).isEqualTo(300);
  }

  @Test
  void build_invalidValues_rejectedNamingTheAttribute() {
    assertThatThrownBy(() -> config(WireApi.OPENAI_CHAT).idleTimeout(Duration.ZERO).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("idleTimeout must be positive, but was PT0S");
    assertThatThrownBy(() -> config(WireApi.OPENAI_CHAT).maxConcurrentRequests(0).build())
        .hasMessage("maxConcurrentRequests must be >= 1, but was 0");
    assertThatThrownBy(() -> config(WireApi.OPENAI_CHAT).baseUrl("not a url").build())
        .hasMessageStartingWith("baseUrl must be an absolute http(s) URL");
    assertThatThrownBy(() -> config(WireApi.OPENAI_CHAT).extraBodyJson("[1]").build())
        .hasMessage("extraBodyJson must be a JSON object, but was not");
    assertThatThrownBy(() -> config(WireApi.OPENAI_CHAT).model(" ").build()).hasMessage("model must not be blank");
  }

  @Test
  void chatRequest_invalidValues_rejected() {
    assertThatThrownBy(() -> ChatRequest.builder().build()).hasMessage("messages must not be empty");
    assertThatThrownBy(() -> ChatRequest.builder().addMessage(ChatMessage.user("x")).maxOutputTokens(0).build())
        .hasMessage("maxOutputTokens must be >= 1, but was 0");
  }

  @Test
  void closedClient_submitThrows() {
    LlmClient client = LlmClient.create(config(WireApi.OPENAI_CHAT).build());
    client.close();

    assertThatThrownBy(() -> client.submit(REQUEST)).isInstanceOf(IllegalStateException.class).hasMessage("client is closed");
  }
}
