package dev.tradeoff.metrics.sse;

import static dev.tradeoff.metrics.EventKind.CONTENT;
import static dev.tradeoff.metrics.EventKind.ERROR;
import static dev.tradeoff.metrics.EventKind.OTHER;
import static dev.tradeoff.metrics.EventKind.REASONING;
import static dev.tradeoff.metrics.EventKind.ROLE_ONLY;
import static dev.tradeoff.metrics.EventKind.TOOL_CALL;
import static dev.tradeoff.metrics.EventKind.USAGE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeoff.metrics.Failure;
import dev.tradeoff.metrics.FailureKind;
import dev.tradeoff.metrics.TokenUsage;
import dev.tradeoff.metrics.testing.Fixtures;
import dev.tradeoff.metrics.testing.Fixtures.Decoded;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Every real transcript, with the usage numbers, event counts and error cases stated in
 * {@code src/test/resources/sse/SOURCES.md}.
 */
final class StreamDecoderFixturesTest {

  @Test
  void openAiChatText_includeUsage_34EventsAndExactUsage() throws IOException {
    Decoded d = Fixtures.decode(Fixtures.OPENAI_CHAT_TEXT);

    assertThat(d.kinds).hasSize(34);
    assertThat(d.kinds.get(0)).isEqualTo(ROLE_ONLY); // {"role":"assistant","content":""} is not a token
    assertThat(d.count(CONTENT)).isEqualTo(30);
    assertThat(d.count(USAGE)).isEqualTo(1);
    assertThat(d.count(OTHER)).isEqualTo(2); // the finish chunk with an empty delta, and [DONE]
    TokenUsage usage = d.decoder.usage().orElseThrow();
    assertThat(usage.inputTokens()).isEqualTo(14);
    assertThat(usage.outputTokens()).isEqualTo(30);
    assertThat(usage.totalTokens()).isEqualTo(44);
    assertThat(usage.reasoningTokens()).isZero();
    assertThat(usage.cachedInputTokens()).isZero();
    assertThat(d.decoder.finishReason()).contains("stop");
    assertThat(d.decoder.endOfStream()).isTrue();
    assertThat(d.decoder.complete()).isTrue();
    assertThat(d.decoder.generatedText()).startsWith("I'm unable to provide real-time weather updates.");
  }

  @Test
  void openAiChatUsageDetails_usageNullAndObfuscationIgnored_exactUsage() throws IOException {
    Decoded d = Fixtures.decode(Fixtures.OPENAI_CHAT_USAGE_DETAILS);

    assertThat(d.kinds).hasSize(12);
    assertThat(d.kinds).containsExactly(
        ROLE_ONLY, CONTENT, CONTENT, CONTENT, CONTENT, CONTENT, CONTENT, CONTENT, CONTENT, OTHER, USAGE, OTHER);
    TokenUsage usage = d.decoder.usage().orElseThrow();
    assertThat(usage.inputTokens()).isEqualTo(78);
    assertThat(usage.cachedInputTokens()).isZero();
    assertThat(usage.outputTokens()).isEqualTo(9);
    assertThat(usage.totalTokens()).isEqualTo(87);
    assertThat(d.decoder.generatedText()).isEqualTo("The capital of the UK is London.");
  }

  @Test
  void openAiChatToolCall_argumentDeltasAreToolCalls_exactUsage() throws IOException {
    Decoded d = Fixtures.decode(Fixtures.OPENAI_CHAT_TOOL_CALL);

    assertThat(d.kinds).hasSize(9);
    // The first chunk carries the role *and* the tool's name: generated output, so a tool call.
    assertThat(d.kinds).containsExactly(
        TOOL_CALL, TOOL_CALL, TOOL_CALL, TOOL_CALL, TOOL_CALL, TOOL_CALL, OTHER, USAGE, OTHER);
    TokenUsage usage = d.decoder.usage().orElseThrow();
    assertThat(usage.inputTokens()).isEqualTo(53);
    assertThat(usage.outputTokens()).isEqualTo(15);
    assertThat(usage.totalTokens()).isEqualTo(68);
    assertThat(d.decoder.finishReason()).contains("tool_calls");
    assertThat(d.decoder.generatedText()).isEqualTo("get_capital{\"country\":\"UK\"}");
  }

  @Test
  void openAiResponses_sevenTextDeltasAndCompletedUsage() throws IOException {
    Decoded d = Fixtures.decode(Fixtures.OPENAI_RESPONSES);

    assertThat(d.kinds).hasSize(15);
    assertThat(d.count(CONTENT)).isEqualTo(7);
    assertThat(d.count(ROLE_ONLY)).isEqualTo(1); // response.output_item.added with a message item
    assertThat(d.count(USAGE)).isEqualTo(1); // response.completed
    assertThat(d.kinds.get(14)).isEqualTo(USAGE);
    TokenUsage usage = d.decoder.usage().orElseThrow();
    assertThat(usage.inputTokens()).isEqualTo(278);
    assertThat(usage.cachedInputTokens()).isZero();
    assertThat(usage.outputTokens()).isEqualTo(9);
    assertThat(usage.reasoningTokens()).isZero();
    assertThat(usage.totalTokens()).isEqualTo(287);
    assertThat(d.decoder.endOfStream()).isTrue();
    assertThat(d.decoder.finishReason()).contains("completed");
    assertThat(d.decoder.generatedText()).isEqualTo("The capital of France is Paris.");
  }

  @Test
  void anthropicBasic_truncatedAtEof_eightEventsAndNotComplete() throws IOException {
    Decoded d = Fixtures.decode(Fixtures.ANTHROPIC_BASIC);

    assertThat(d.kinds).containsExactly(ROLE_ONLY, OTHER, OTHER, CONTENT, CONTENT, CONTENT, OTHER, USAGE);
    assertThat(d.endedInsideEvent).isTrue();
    assertThat(d.decoder.complete()).isFalse(); // message_stop was never dispatched
    assertThat(d.decoder.endOfStream()).isFalse();
    TokenUsage usage = d.decoder.usage().orElseThrow();
    assertThat(usage.inputTokens()).isEqualTo(11);
    assertThat(usage.outputTokens()).isEqualTo(6); // message_delta's cumulative 6 replaces message_start's 1
    assertThat(d.decoder.finishReason()).contains("end_turn");
    assertThat(d.decoder.generatedText()).isEqualTo("Hello there!");
  }

  @Test
  void anthropicToolUse_truncatedAtEof_fourteenEventsAndUsageWithCacheFields() throws IOException {
    Decoded d = Fixtures.decode(Fixtures.ANTHROPIC_TOOL_USE);

    assertThat(d.kinds).hasSize(14);
    assertThat(d.count(CONTENT)).isEqualTo(2);
    // tool_use block start (the name) + 4 non-empty input_json_delta; the empty partial_json "" is not a token
    assertThat(d.count(TOOL_CALL)).isEqualTo(5);
    assertThat(d.endedInsideEvent).isTrue();
    assertThat(d.decoder.complete()).isFalse();
    TokenUsage usage = d.decoder.usage().orElseThrow();
    assertThat(usage.inputTokens()).isEqualTo(377);
    assertThat(usage.cacheWriteTokens()).isZero();
    assertThat(usage.cachedInputTokens()).isZero();
    assertThat(usage.outputTokens()).isEqualTo(65);
    assertThat(d.decoder.finishReason()).contains("tool_use");
    assertThat(d.decoder.generatedText()).endsWith("get_weather{\"location\": \"Paris\"}");
  }

  @Test
  void anthropicThinking_paddedJson_reasoningThenContentAndCumulativeOutput() throws IOException {
    Decoded d = Fixtures.decode(Fixtures.ANTHROPIC_THINKING);

    assertThat(d.kinds).hasSize(118);
    assertThat(d.count(REASONING)).isEqualTo(13); // 14 thinking_delta, one of them empty
    assertThat(d.count(CONTENT)).isEqualTo(95);
    assertThat(d.kinds.indexOf(CONTENT)).isGreaterThan(d.kinds.lastIndexOf(REASONING));
    assertThat(d.decoder.complete()).isTrue();
    assertThat(d.decoder.endOfStream()).isTrue();
    TokenUsage usage = d.decoder.usage().orElseThrow();
    assertThat(usage.inputTokens()).isEqualTo(43);
    assertThat(usage.outputTokens()).isEqualTo(282); // includes thinking
    assertThat(usage.reasoningTokens()).isZero(); // Anthropic does not break thinking out
  }

  @Test
  void anthropicCacheWrite_inputClassesNest() throws IOException {
    Decoded d = Fixtures.decode(Fixtures.ANTHROPIC_CACHE_WRITE);

    assertThat(d.kinds).hasSize(39);
    TokenUsage usage = d.decoder.usage().orElseThrow();
    assertThat(usage.uncachedInputTokens()).isEqualTo(4); // Anthropic's input_tokens
    assertThat(usage.cacheWriteTokens()).isEqualTo(1165);
    assertThat(usage.cachedInputTokens()).isZero();
    assertThat(usage.inputTokens()).isEqualTo(4 + 1165);
    assertThat(usage.outputTokens()).isEqualTo(201);
    assertThat(d.decoder.complete()).isTrue();
  }

  @Test
  void anthropicOverloadedError_isStreamErrorWithProviderType() throws IOException {
    Decoded d = Fixtures.decode(Fixtures.ANTHROPIC_ERROR);

    assertThat(d.kinds).containsExactly(ERROR);
    Failure failure = d.decoder.failure().orElseThrow();
    assertThat(failure.kind()).isEqualTo(FailureKind.STREAM_ERROR);
    assertThat(failure.type()).isEqualTo("overloaded_error");
    assertThat(failure.message()).isEqualTo("Overloaded");
    assertThat(d.decoder.usage()).isEmpty();
  }

  @Test
  void gemini_crlfCumulativeUsage_thoughtsAddedToOutput() throws IOException {
    Decoded d = Fixtures.decode(Fixtures.GEMINI_THOUGHTS);

    assertThat(d.kinds).containsExactly(CONTENT, CONTENT, CONTENT);
    TokenUsage usage = d.decoder.usage().orElseThrow();
    assertThat(usage.inputTokens()).isEqualTo(18);
    assertThat(usage.reasoningTokens()).isEqualTo(35);
    assertThat(usage.outputTokens()).isEqualTo(80 + 35);
    assertThat(usage.totalTokens()).isEqualTo(133);
    assertThat(d.decoder.finishReason()).contains("STOP");
    assertThat(d.decoder.complete()).isTrue();
    assertThat(d.decoder.endOfStream()).isFalse(); // Gemini has no terminal event
  }

  @Test
  void groqErrorEvent_afterReasoning_isStreamErrorWithoutUsage() throws IOException {
    Decoded d = Fixtures.decode(Fixtures.GROQ_ERROR);

    assertThat(d.kinds).hasSize(95);
    assertThat(d.kinds.get(0)).isEqualTo(ROLE_ONLY);
    assertThat(d.count(REASONING)).isEqualTo(93);
    assertThat(d.kinds.get(94)).isEqualTo(ERROR);
    Failure failure = d.decoder.failure().orElseThrow();
    assertThat(failure.type()).isEqualTo("invalid_request_error");
    assertThat(failure.message()).startsWith("tool_use_failed: Tool call validation failed");
    assertThat(d.decoder.usage()).isEmpty();
    assertThat(d.decoder.complete()).isFalse(); // no [DONE], no finish_reason
  }
}
