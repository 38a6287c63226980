package dev.tradeoff.metrics.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeoff.metrics.RequestResult;
import dev.tradeoff.metrics.TokenUsage;
import dev.tradeoff.metrics.WireApi;
import dev.tradeoff.metrics.report.RequestRecord;
import dev.tradeoff.metrics.report.ResultsJson;
import dev.tradeoff.metrics.testing.Fixtures;
import dev.tradeoff.metrics.testing.Servers;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Server usage first, the tokenizer only as a flagged fallback or a cross-check; cost through the pricer. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
final class ClientUsageTest {

  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = Servers.loopback();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private RequestResult run(ImmutableClientConfig.Builder config, String body) throws InterruptedException {
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(body).build());
    try (LlmClient client = LlmClient.create(config.baseUrl(server.url("/v1").toString()).build())) {
      return client.execute(ChatRequest.ofUser("What is the capital of the UK?"));
    }
  }

  private static ImmutableClientConfig.Builder config() {
    return ClientConfig.builder().api(WireApi.OPENAI_CHAT).model("gpt-4o-mini-2024-07-18");
  }

  private static String fixture(String name) {
    return new String(Fixtures.bytes(name), StandardCharsets.UTF_8);
  }

  @Test
  void serverUsage_always_keepsServerCountsAndReportsDiscrepancy() throws Exception {
    RequestResult r = run(config().tokenEstimation(TokenEstimation.ALWAYS), fixture(Fixtures.OPENAI_CHAT_USAGE_DETAILS));

    TokenUsage u = r.usage().orElseThrow();
    assertThat(u.estimated()).isFalse();
    assertThat(u.outputTokens()).isEqualTo(9);
    assertThat(u.estimatedOutputTokens()).isPresent();
    // "The capital of the UK is London." is 8 tokens in o200k_base; the server counts 9
    assertThat(u.outputTokensDiscrepancy().getAsLong()).isBetween(-3L, 3L);
  }

  @Test
  void providerRequestId_fromOpenAiAndAnthropicHeaders_keptInResultAndRecord() throws Exception {
    String openAi = fixture(Fixtures.OPENAI_CHAT_USAGE_DETAILS);
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
        .addHeader("x-request-id", "req_8f3b0c1d2e4a5b6c7d8e9f0a1b2c3d4e").body(openAi).build());
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
        .addHeader("request-id", "req_011CV8kYbTf3gZ9nJ2pQ4rXs").body(fixture(Fixtures.ANTHROPIC_BASIC)).build());
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(openAi).build());

    RequestResult withOpenAiId;
    RequestResult withAnthropicId;
    RequestResult withoutId;
    try (LlmClient openAiClient = LlmClient.create(config().baseUrl(server.url("/v1").toString()).build());
        LlmClient anthropicClient = LlmClient.create(ClientConfig.builder().api(WireApi.ANTHROPIC_MESSAGES)
            .model("claude-3-haiku-20240307").baseUrl(server.url("/v1").toString()).build())) {
      withOpenAiId = openAiClient.execute(ChatRequest.ofUser("What is the capital of the UK?"));
      withAnthropicId = anthropicClient.execute(ChatRequest.ofUser("What is the capital of the UK?"));
      withoutId = openAiClient.execute(ChatRequest.ofUser("What is the capital of the UK?"));
    }

    assertThat(withOpenAiId.failure()).isEmpty();
    assertThat(withOpenAiId.providerRequestId()).contains("req_8f3b0c1d2e4a5b6c7d8e9f0a1b2c3d4e");
    // this recorded transcript is cut off before message_stop: the id is kept on a failed result too
    assertThat(withAnthropicId.providerRequestId()).contains("req_011CV8kYbTf3gZ9nJ2pQ4rXs");
    assertThat(withoutId.providerRequestId()).isEmpty();
    RequestRecord record = RequestRecord.from(withOpenAiId).build();
    assertThat(ResultsJson.toJson(record)).contains("\"provider_request_id\":\"req_8f3b0c1d2e4a5b6c7d8e9f0a1b2c3d4e\"");
    assertThat(ResultsJson.recordFromJson(ResultsJson.toJson(record))).isEqualTo(record);
  }

  @Test
  void serverUsage_whenMissing_noTokenizerPass() throws Exception {
    RequestResult r = run(config().tokenEstimation(TokenEstimation.WHEN_MISSING), fixture(Fixtures.OPENAI_CHAT_USAGE_DETAILS));

    assertThat(r.usage().orElseThrow().estimatedOutputTokens()).isEmpty();
  }

  @Test
  void noServerUsage_fallbackEstimateFlagged() throws Exception {
    String body = "data: {\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}\n\n"
        + "data: {\"choices\":[{\"delta\":{\"content\":\"The capital of the UK is London.\"}}]}\n\n"
        + "data: {\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
        + "data: [DONE]\n\n";

    RequestResult r = run(config().tokenEstimation(TokenEstimation.WHEN_MISSING).includeUsage(false), body);

    TokenUsage u = r.usage().orElseThrow();
    assertThat(u.estimated()).isTrue();
    assertThat(u.outputTokens()).isBetween(6L, 10L);
    assertThat(u.estimatedOutputTokens()).hasValue(u.outputTokens());
    assertThat(u.outputTokensDiscrepancy()).isEmpty();
    assertThat(u.inputTokens()).isBetween(8L, 20L); // prompt text + chat-format overhead
  }

  @Test
  void noServerUsage_never_noUsage() throws Exception {
    String body = "data: {\"choices\":[{\"delta\":{\"content\":\"Hi\"},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n";

    RequestResult r = run(config().tokenEstimation(TokenEstimation.NEVER), body);

    assertThat(r.succeeded()).isTrue();
    assertThat(r.usage()).isEmpty();
    assertThat(r.costUsd()).isEmpty();
  }

  @Test
  void pricer_costOnEveryPricedRequest() throws Exception {
    RequestResult r = run(
        config().pricer((model, usage) -> Optional.of(BigDecimal.valueOf(usage.outputTokens()).movePointLeft(6))),
        fixture(Fixtures.OPENAI_CHAT_USAGE_DETAILS));

    assertThat(r.costUsd()).contains(new BigDecimal("0.000009"));
  }

  @Test
  void pricerThatThrows_costUnknownRequestStillSucceeds() throws Exception {
    RequestResult r = run(
        config().pricer((model, usage) -> {
          throw new IllegalStateException("pricer bug");
        }),
        fixture(Fixtures.OPENAI_CHAT_USAGE_DETAILS));

    assertThat(r.succeeded()).isTrue();
    assertThat(r.costUsd()).isEmpty();
  }

  @Test
  void deepSeekStyleNoDoneButFinishReason_completes() throws Exception {
    String body = "data: {\"choices\":[{\"delta\":{\"content\":\"Hi\"},\"finish_reason\":\"stop\"}],"
        + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":1,\"total_tokens\":6}}\n\n";

    RequestResult r = run(config(), body);

    assertThat(r.failure()).isEmpty();
    assertThat(r.finishReason()).contains("stop");
    assertThat(r.usage().orElseThrow().outputTokens()).isEqualTo(1);
  }

  @Test
  void chatCompletionsWithoutFinishOrDone_truncated() throws Exception {
    RequestResult r = run(config(), "data: {\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]}\n\n");

    assertThat(r.failure().orElseThrow().kind()).isEqualTo(dev.tradeoff.metrics.FailureKind.TRUNCATED);
    assertThat(r.failure().orElseThrow().message()).isEqualTo("stream ended before data: [DONE] or a finish_reason");
  }
}
