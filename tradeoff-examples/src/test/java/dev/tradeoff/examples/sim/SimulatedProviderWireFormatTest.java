package dev.tradeoff.examples.sim;

import static dev.tradeoff.examples.sim.SimTestSupport.ANTHROPIC_AUTH;
import static dev.tradeoff.examples.sim.SimTestSupport.OPENAI_AUTH;
import static dev.tradeoff.examples.sim.SimTestSupport.anthropicShape;
import static dev.tradeoff.examples.sim.SimTestSupport.chatRequest;
import static dev.tradeoff.examples.sim.SimTestSupport.chatShape;
import static dev.tradeoff.examples.sim.SimTestSupport.fast;
import static dev.tradeoff.examples.sim.SimTestSupport.fieldNames;
import static dev.tradeoff.examples.sim.SimTestSupport.fixture;
import static dev.tradeoff.examples.sim.SimTestSupport.messagesRequest;
import static dev.tradeoff.examples.sim.SimTestSupport.parseSse;
import static dev.tradeoff.examples.sim.SimTestSupport.post;
import static dev.tradeoff.examples.sim.SimTestSupport.responsesRequest;
import static dev.tradeoff.examples.sim.SimTestSupport.responsesShape;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tradeoff.examples.sim.SimTestSupport.Response;
import dev.tradeoff.examples.sim.SimTestSupport.SseEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each wire format against the recorded streams in {@code src/test/resources/sse}: the same event sequence (runs
 * of deltas collapsed), the same JSON field names, and usage numbers that follow the profile.
 */
final class SimulatedProviderWireFormatTest {

  private static SimulatedProvider sim;

  @BeforeAll
  static void start() {
    sim = SimTestSupport.start(
        fast("gpt-test").alias("gpt-test-2024-07-18").responseModel("gpt-test-2024-07-18")
            .wireFormats(WireFormat.OPENAI_CHAT_COMPLETIONS, WireFormat.OPENAI_RESPONSES)
            .cachedInputShare(0.5).reasoningTokens(Distribution.constant(3)).build(),
        fast("reasoner").wireFormats(WireFormat.OPENAI_CHAT_COMPLETIONS)
            .reasoningTokens(Distribution.constant(4)).streamReasoning(true).build(),
        fast("claude-test").wireFormats(WireFormat.ANTHROPIC_MESSAGES)
            .cachedInputShare(0.4).cacheWriteShare(0.2).build(),
        fast("claude-thinker").wireFormats(WireFormat.ANTHROPIC_MESSAGES)
            .reasoningTokens(Distribution.constant(5)).build());
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void chatStream_withIncludeUsage_matchesRecordedOpenAiShapeAndFields() {
    Response response = post(sim, "/v1/chat/completions", OPENAI_AUTH, chatRequest("gpt-test", true));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("content-type")).isEqualTo("text/event-stream; charset=utf-8");
    assertThat(response.header("x-tradeoff-simulated")).isEqualTo("true");
    assertThat(response.header("x-tradeoff-model")).isEqualTo("gpt-test");
    List<SseEvent> events = parseSse(response.body());
    List<SseEvent> recorded = parseSse(fixture("openai-chat-text-usage-details.sse"));
    assertThat(chatShape(events)).isEqualTo(chatShape(recorded))
        .containsExactly("ROLE", "CONTENT", "FINISH", "USAGE", "DONE");
    for (SseEvent event : events) {
      assertThat(event.event()).as("chat chunks have no event: line").isNull();
    }
    JsonNode recordedChunk = recorded.get(1).json();
    List<String> expectedFields = fieldNames(recordedChunk);
    expectedFields.remove("obfuscation");
    assertThat(fieldNames(events.get(1).json())).isEqualTo(expectedFields);
    assertThat(fieldNames(events.get(1).json().path("choices").path(0)))
        .isEqualTo(fieldNames(recordedChunk.path("choices").path(0)));
    JsonNode usageChunk = events.get(events.size() - 2).json();
    JsonNode recordedUsage = recorded.get(recorded.size() - 2).json().path("usage");
    assertThat(fieldNames(usageChunk.path("usage"))).isEqualTo(fieldNames(recordedUsage));
    assertThat(fieldNames(usageChunk.path("usage").path("prompt_tokens_details")))
        .isEqualTo(fieldNames(recordedUsage.path("prompt_tokens_details")));
    assertThat(fieldNames(usageChunk.path("usage").path("completion_tokens_details")))
        .isEqualTo(fieldNames(recordedUsage.path("completion_tokens_details")));
    assertThat(events.get(1).json().path("model").asText()).isEqualTo("gpt-test-2024-07-18");
  }

  @Test
  void chatStream_usage_followsProfileAndCountsOneTokenPerDelta() {
    Response response = post(sim, "/v1/chat/completions", OPENAI_AUTH, chatRequest("gpt-test", true));

    List<SseEvent> events = parseSse(response.body());
    long contentDeltas = events.stream().filter(e -> !e.data().equals("[DONE]"))
        .filter(e -> e.json().path("choices").path(0).path("delta").path("content").asText("").length() > 0)
        .count();
    JsonNode usage = events.get(events.size() - 2).json().path("usage");
    // prompt: 3 + (4 + ceil(14/4)) + (4 + ceil(30/4)) = 23; cached floor(23 * 0.5) = 11
    assertThat(usage.path("prompt_tokens").asInt()).isEqualTo(23);
    assertThat(usage.path("prompt_tokens_details").path("cached_tokens").asInt()).isEqualTo(11);
    assertThat(contentDeltas).isEqualTo(10);
    assertThat(usage.path("completion_tokens_details").path("reasoning_tokens").asInt()).isEqualTo(3);
    assertThat(usage.path("completion_tokens").asInt()).isEqualTo(10 + 3);
    assertThat(usage.path("total_tokens").asInt()).isEqualTo(23 + 13);
  }

  @Test
  void chatStream_withoutIncludeUsage_sendsNoUsageChunk() {
    String request = "{\"model\":\"gpt-test\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
    Response response = post(sim, "/v1/chat/completions", OPENAI_AUTH, request);

    List<SseEvent> events = parseSse(response.body());
    assertThat(chatShape(events)).containsExactly("ROLE", "CONTENT", "FINISH", "DONE");
    assertThat(events.get(1).json().has("usage")).isFalse();
  }

  @Test
  void chatStream_reasoningModel_streamsReasoningDeltasBeforeContent() {
    Response response = post(sim, "/v1/chat/completions", OPENAI_AUTH, chatRequest("reasoner", true));

    List<SseEvent> events = parseSse(response.body());
    assertThat(chatShape(events)).containsExactly("ROLE", "REASONING", "CONTENT", "FINISH", "USAGE", "DONE");
    long reasoningDeltas = events.stream().filter(e -> !e.data().equals("[DONE]"))
        .filter(e -> e.json().path("choices").path(0).path("delta").has("reasoning_content")).count();
    JsonNode usage = events.get(events.size() - 2).json().path("usage");
    assertThat(reasoningDeltas).isEqualTo(4);
    assertThat(usage.path("completion_tokens_details").path("reasoning_tokens").asInt()).isEqualTo(4);
    assertThat(usage.path("completion_tokens").asInt()).isEqualTo(14);
  }

  @Test
  void chatJson_whenNotStreaming_returnsOneCompletionWithUsage() {
    Response response = post(sim, "/v1/chat/completions", OPENAI_AUTH, chatRequest("gpt-test-2024-07-18", false));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("content-type")).isEqualTo("application/json");
    JsonNode body = response.json();
    assertThat(body.path("object").asText()).isEqualTo("chat.completion");
    assertThat(body.path("choices").path(0).path("message").path("role").asText()).isEqualTo("assistant");
    assertThat(body.path("choices").path(0).path("message").path("content").asText()).isNotBlank();
    assertThat(body.path("choices").path(0).path("finish_reason").asText()).isEqualTo("stop");
    assertThat(body.path("usage").path("completion_tokens").asInt()).isEqualTo(13);
  }

  @Test
  void chatStream_whenMaxTokensCutsTheAnswer_finishesWithLength() {
    String request = "{\"model\":\"gpt-test\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
        + "\"max_completion_tokens\":6,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
    List<SseEvent> events = parseSse(post(sim, "/v1/chat/completions", OPENAI_AUTH, request).body());

    JsonNode finish = events.get(events.size() - 3).json();
    JsonNode usage = events.get(events.size() - 2).json().path("usage");
    assertThat(finish.path("choices").path(0).path("finish_reason").asText()).isEqualTo("length");
    assertThat(usage.path("completion_tokens").asInt()).isEqualTo(6);
    assertThat(usage.path("completion_tokens_details").path("reasoning_tokens").asInt()).isEqualTo(3);
  }

  @Test
  void responsesStream_matchesRecordedEventSequenceAndResponseFields() {
    Response response = post(sim, "/v1/responses", OPENAI_AUTH, responsesRequest("gpt-test", true));

    assertThat(response.status()).isEqualTo(200);
    List<SseEvent> events = parseSse(response.body());
    List<SseEvent> recorded = parseSse(fixture("openai-responses-text.sse"));
    assertThat(responsesShape(events)).isEqualTo(responsesShape(recorded));
    for (SseEvent event : events) {
      assertThat(event.json().path("type").asText()).isEqualTo(event.event());
    }
    JsonNode completed = events.get(events.size() - 1).json().path("response");
    JsonNode recordedCompleted = recorded.get(recorded.size() - 1).json().path("response");
    assertThat(fieldNames(completed)).isEqualTo(fieldNames(recordedCompleted));
    assertThat(fieldNames(completed.path("usage"))).isEqualTo(fieldNames(recordedCompleted.path("usage")));
    for (SseEvent event : events) {
      assertThat(fieldNames(event.json())).as(event.event())
          .isEqualTo(fieldNames(recorded.get(indexOfType(recorded, event.event())).json()));
    }
    StringBuilder text = new StringBuilder();
    for (SseEvent event : events) {
      if (event.event().equals("response.output_text.delta")) {
        text.append(event.json().path("delta").asText());
      }
    }
    assertThat(completed.path("output").path(0).path("content").path(0).path("text").asText())
        .isEqualTo(text.toString());
    JsonNode usage = completed.path("usage");
    // prompt: 3 + (4 + ceil(30/4)) = 15; cached floor(15 * 0.5) = 7; 10 visible + 3 hidden reasoning
    assertThat(usage.path("input_tokens").asInt()).isEqualTo(15);
    assertThat(usage.path("input_tokens_details").path("cached_tokens").asInt()).isEqualTo(7);
    assertThat(usage.path("output_tokens").asInt()).isEqualTo(13);
    assertThat(usage.path("output_tokens_details").path("reasoning_tokens").asInt()).isEqualTo(3);
    assertThat(usage.path("total_tokens").asInt()).isEqualTo(28);
  }

  private static int indexOfType(List<SseEvent> events, String type) {
    for (int i = 0; i < events.size(); i++) {
      if (type.equals(events.get(i).event())) {
        return i;
      }
    }
    throw new AssertionError("no " + type + " in the recording");
  }

  @Test
  void responsesJson_whenNotStreaming_returnsTheCompletedResponse() {
    Response response = post(sim, "/v1/responses", OPENAI_AUTH, responsesRequest("gpt-test", false));

    JsonNode body = response.json();
    assertThat(body.path("object").asText()).isEqualTo("response");
    assertThat(body.path("status").asText()).isEqualTo("completed");
    assertThat(body.path("usage").path("output_tokens").asInt()).isEqualTo(13);
  }

  @Test
  void messagesStream_matchesRecordedAnthropicShapeAndFields() {
    Response response = post(sim, "/v1/messages", ANTHROPIC_AUTH, messagesRequest("claude-test", true));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("request-id")).startsWith("req_");
    List<SseEvent> events = parseSse(response.body());
    List<SseEvent> recorded = parseSse(fixture("anthropic-messages-cache-write.sse"));
    assertThat(anthropicShape(events)).isEqualTo(anthropicShape(recorded)).containsExactly(
        "message_start", "content_block_start", "ping", "content_block_delta:text_delta", "content_block_stop",
        "message_delta", "message_stop");
    for (SseEvent event : events) {
      assertThat(event.json().path("type").asText()).isEqualTo(event.event());
    }
    JsonNode message = events.get(0).json().path("message");
    JsonNode recordedMessage = recorded.get(0).json().path("message");
    assertThat(fieldNames(message)).containsExactlyInAnyOrderElementsOf(fieldNames(recordedMessage));
    assertThat(fieldNames(message.path("usage"))).isEqualTo(fieldNames(recordedMessage.path("usage")));
    assertThat(events.get(2).data()).isEqualTo(recorded.get(2).data());
    // prompt 15 = 6 uncached + 6 cache reads (floor 15*0.4) + 3 cache writes (floor 15*0.2)
    assertThat(message.path("usage").path("input_tokens").asInt()).isEqualTo(6);
    assertThat(message.path("usage").path("cache_read_input_tokens").asInt()).isEqualTo(6);
    assertThat(message.path("usage").path("cache_creation_input_tokens").asInt()).isEqualTo(3);
    assertThat(message.path("usage").path("output_tokens").asInt()).isEqualTo(1);
    JsonNode messageDelta = events.get(events.size() - 2).json();
    assertThat(messageDelta.path("usage").path("output_tokens").asInt()).isEqualTo(10);
    assertThat(messageDelta.path("delta").path("stop_reason").asText()).isEqualTo("end_turn");
  }

  @Test
  void messagesStream_withThinkingEnabled_matchesRecordedThinkingShape() {
    String request = "{\"model\":\"claude-thinker\",\"stream\":true,\"max_tokens\":2048,"
        + "\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":1024},"
        + "\"messages\":[{\"role\":\"user\",\"content\":\"What is the capital of France?\"}]}";
    Response response = post(sim, "/v1/messages", ANTHROPIC_AUTH, request);

    List<SseEvent> events = parseSse(response.body());
    List<SseEvent> recorded = parseSse(fixture("anthropic-messages-thinking.sse"));
    assertThat(anthropicShape(events)).isEqualTo(anthropicShape(recorded));
    List<String> blockTypes = new ArrayList<>();
    for (SseEvent event : events) {
      if (event.event().equals("content_block_start")) {
        blockTypes.add(event.json().path("content_block").path("type").asText());
      }
    }
    assertThat(blockTypes).containsExactly("thinking", "text");
    long thinkingDeltas = events.stream()
        .filter(e -> e.data().contains("\"thinking_delta\"")).count();
    assertThat(thinkingDeltas).isEqualTo(5);
    assertThat(events.get(events.size() - 2).json().path("usage").path("output_tokens").asInt()).isEqualTo(15);
  }

  @Test
  void messagesStream_withoutThinkingInTheRequest_doesNotThink() {
    Response response = post(sim, "/v1/messages", ANTHROPIC_AUTH, messagesRequest("claude-thinker", true));

    List<SseEvent> events = parseSse(response.body());
    assertThat(anthropicShape(events)).doesNotContain("content_block_delta:thinking_delta");
    assertThat(events.get(events.size() - 2).json().path("usage").path("output_tokens").asInt()).isEqualTo(10);
  }

  @Test
  void messagesJson_whenNotStreaming_returnsOneMessage() {
    Response response = post(sim, "/v1/messages", ANTHROPIC_AUTH, messagesRequest("claude-test", false));

    JsonNode body = response.json();
    assertThat(body.path("type").asText()).isEqualTo("message");
    assertThat(body.path("content").path(0).path("type").asText()).isEqualTo("text");
    assertThat(body.path("usage").path("output_tokens").asInt()).isEqualTo(10);
    assertThat(body.path("stop_reason").asText()).isEqualTo("end_turn");
  }

  @Test
  void models_listsEveryProfileAsSimulatedWithItsSource() {
    Response response = SimTestSupport.get(sim, "/v1/models");

    JsonNode data = response.json().path("data");
    assertThat(data).hasSize(4);
    for (JsonNode model : data) {
      assertThat(model.path("simulated").asBoolean()).isTrue();
      assertThat(model.path("source").asText()).isNotBlank();
      assertThat(model.path("as_of").asText()).isEqualTo("2026-11-28");
    }
  }
}
