package dev.tradeoff.examples.sim;

import static dev.tradeoff.examples.sim.SimTestSupport.ANTHROPIC_AUTH;
import static dev.tradeoff.examples.sim.SimTestSupport.OPENAI_AUTH;
import static dev.tradeoff.examples.sim.SimTestSupport.chatRequest;
import static dev.tradeoff.examples.sim.SimTestSupport.fast;
import static dev.tradeoff.examples.sim.SimTestSupport.messagesRequest;
import static dev.tradeoff.examples.sim.SimTestSupport.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tradeoff.examples.sim.SimTestSupport.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Authentication, routing and request validation, answered in each provider's error shape. */
final class SimulatedProviderValidationTest {

  private static SimulatedProvider sim;

  @BeforeAll
  static void start() {
    sim = SimTestSupport.start(
        fast("gpt-test").wireFormats(WireFormat.OPENAI_CHAT_COMPLETIONS).build(),
        fast("claude-test").wireFormats(WireFormat.ANTHROPIC_MESSAGES).build());
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void openAi_withoutApiKey_is401InOpenAiShape() {
    Response response = post(sim, "/v1/chat/completions", Map.of(), chatRequest("gpt-test", true));

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.json().path("error").path("type").asText()).isEqualTo("invalid_request_error");
  }

  @Test
  void anthropic_withoutApiKey_is401AuthenticationError() {
    Response response = post(sim, "/v1/messages", Map.of(), messagesRequest("claude-test", true));

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.json().path("error").path("type").asText()).isEqualTo("authentication_error");
  }

  @Test
  void anyNonEmptyKey_isAccepted_andNeverEchoed() {
    String key = "sk-secret-do-not-echo-123";
    Response openAi = post(sim, "/v1/chat/completions", Map.of("Authorization", "Bearer " + key),
        chatRequest("gpt-test", true));
    Response anthropic = post(sim, "/v1/messages", Map.of("x-api-key", key), messagesRequest("claude-test", true));
    Response rejected = post(sim, "/v1/chat/completions", Map.of("Authorization", "Bearer " + key), "{oops");

    for (Response response : List.of(openAi, anthropic, rejected)) {
      assertThat(response.body()).doesNotContain(key);
      assertThat(response.headers().toString()).doesNotContain(key);
    }
    assertThat(openAi.status()).isEqualTo(200);
    assertThat(anthropic.status()).isEqualTo(200);
  }

  @Test
  void unknownModel_onOpenAi_is404ModelNotFound() {
    Response response = post(sim, "/v1/chat/completions", OPENAI_AUTH, chatRequest("no-such-model", true));

    assertThat(response.status()).isEqualTo(404);
    JsonNode error = response.json().path("error");
    assertThat(error.path("code").asText()).isEqualTo("model_not_found");
    assertThat(error.path("message").asText()).contains("`no-such-model` does not exist");
  }

  @Test
  void knownModel_onAFormatThatDoesNotServeIt_is404InThatFormatsShape() {
    Response response = post(sim, "/v1/messages", ANTHROPIC_AUTH, messagesRequest("gpt-test", true));

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().path("type").asText()).isEqualTo("error");
    assertThat(response.json().path("error").path("type").asText()).isEqualTo("not_found_error");
  }

  @Test
  void badJson_onOpenAi_is400InvalidRequest() {
    Response response = post(sim, "/v1/chat/completions", OPENAI_AUTH, "{\"model\": ");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("error").path("message").asText()).contains("could not parse the JSON body");
  }

  @Test
  void badJson_onAnthropic_is400InvalidRequestError() {
    Response response = post(sim, "/v1/messages", ANTHROPIC_AUTH, "[1, 2");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("error").path("type").asText()).isEqualTo("invalid_request_error");
  }

  @Test
  void missingMessages_onOpenAi_is400NamingTheParameter() {
    Response response = post(sim, "/v1/chat/completions", OPENAI_AUTH, "{\"model\":\"gpt-test\"}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("error").path("param").asText()).isEqualTo("messages");
  }

  @Test
  void missingMaxTokens_onAnthropic_is400() {
    Response response = post(sim, "/v1/messages", ANTHROPIC_AUTH,
        "{\"model\":\"claude-test\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("error").path("message").asText()).isEqualTo("max_tokens: Field required");
  }

  @Test
  void unknownPath_is404() {
    Response response = post(sim, "/v1/embeddings", OPENAI_AUTH, "{}");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().path("error").path("message").asText()).isEqualTo("Invalid URL (POST /v1/embeddings)");
  }

  @Test
  void prefixedBaseUrl_likeGooglesOpenAiRoute_isServed() {
    Response response = post(sim, "/v1beta/openai/chat/completions", OPENAI_AUTH, chatRequest("gpt-test", false));

    assertThat(response.status()).isEqualTo(200);
  }

  @Test
  void health_saysSimulated() {
    Response response = SimTestSupport.get(sim, "/health");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().path("simulated").asBoolean()).isTrue();
  }
}
