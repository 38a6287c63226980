package dev.tradeoff.metrics.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradeoff.metrics.EventKind;
import dev.tradeoff.metrics.TokenUsage;
import dev.tradeoff.metrics.WireApi;
import dev.tradeoff.metrics.testing.Fixtures;
import dev.tradeoff.metrics.testing.Fixtures.Decoded;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Wire quirks that the fixtures do not show, in small synthetic streams. */
final class StreamDecoderTest {

  private static EventKind decodeOne(WireApi api, String type, String json) throws SseFormatException {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    return StreamDecoder.create(api).decode(type, b, 0, b.length);
  }

  @Test
  void decode_deepSeekUsageOnFinishChunk_contentAndUsageBothKept() throws IOException {
    String body =
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":null}]}\n\n"
            + "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"!\"},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":2,\"total_tokens\":12,"
            + "\"prompt_cache_hit_tokens\":6,\"prompt_cache_miss_tokens\":4}}\n\n"
            + "data: [DONE]\n\n";

    Decoded d = Fixtures.decode(WireApi.OPENAI_CHAT, body.getBytes(StandardCharsets.UTF_8));

    assertThat(d.kinds).containsExactly(EventKind.CONTENT, EventKind.CONTENT, EventKind.OTHER);
    TokenUsage usage = d.decoder.usage().orElseThrow();
    assertThat(usage.inputTokens()).isEqualTo(10);
    assertThat(usage.cachedInputTokens()).isEqualTo(6);
    assertThat(usage.outputTokens()).isEqualTo(2);
  }

  @Test
  void decode_openRouterCommentsBeforeFirstEvent_sameEventsAsWithout() throws IOException {
    byte[] plain = Fixtures.bytes(Fixtures.OPENAI_CHAT_USAGE_DETAILS);
    byte[] prefix = ": OPENROUTER PROCESSING\n\n: OPENROUTER PROCESSING\n\n".getBytes(StandardCharsets.UTF_8);
    byte[] withComments = new byte[prefix.length + plain.length];
    System.arraycopy(prefix, 0, withComments, 0, prefix.length);
    System.arraycopy(plain, 0, withComments, prefix.length, plain.length);

    Decoded d = Fixtures.decode(WireApi.OPENAI_CHAT, withComments);

    assertThat(d.kinds).isEqualTo(Fixtures.decode(Fixtures.OPENAI_CHAT_USAGE_DETAILS).kinds);
    assertThat(d.comments).isEqualTo(2);
  }

  @Test
  void decode_openAiErrorChunkAfter200_isErrorWithTypeAndCode() throws IOException {
    EventKind kind;
    StreamDecoder decoder = StreamDecoder.create(WireApi.OPENAI_CHAT);
    byte[] b =
        "{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\",\"param\":null,\"code\":null}}"
            .getBytes(StandardCharsets.UTF_8);
    kind = decoder.decode("message", b, 0, b.length);

    assertThat(kind).isEqualTo(EventKind.ERROR);
    assertThat(decoder.failure()).hasValueSatisfying(f -> {
      assertThat(f.type()).isEqualTo("server_error");
      assertThat(f.message()).isEqualTo("The server had an error");
    });
  }

  @Test
  void decode_errorEventWithPlainTextData_isErrorWithThatText() throws IOException {
    StreamDecoder decoder = StreamDecoder.create(WireApi.OPENAI_CHAT);
    byte[] b = "upstream connect error".getBytes(StandardCharsets.UTF_8);

    assertThat(decoder.decode("error", b, 0, b.length)).isEqualTo(EventKind.ERROR);
    assertThat(decoder.failure().orElseThrow().message()).isEqualTo("upstream connect error");
  }

  @Test
  void decode_malformedJson_throwsMalformedDataWithSnippet() {
    assertThatThrownBy(() -> decodeOne(WireApi.OPENAI_CHAT, "message", "{\"choices\":[{\"delta\":{\"content\":\"x\"}"))
        .isInstanceOf(SseFormatException.class)
        .hasMessageContaining("malformed event data")
        .hasMessageContaining("{\"choices\"")
        .satisfies(e -> assertThat(((SseFormatException) e).reason()).isEqualTo(SseFormatException.Reason.MALFORMED_DATA));
  }

  @Test
  void decode_trailingGarbageAfterObject_isMalformed() {
    assertThatThrownBy(() -> decodeOne(WireApi.ANTHROPIC_MESSAGES, "ping", "{\"type\":\"ping\"} x"))
        .isInstanceOf(SseFormatException.class);
  }

  @Test
  void decode_jsonArrayInsteadOfObject_isMalformed() {
    assertThatThrownBy(() -> decodeOne(WireApi.GEMINI, "message", "[1,2]")).isInstanceOf(SseFormatException.class);
  }

  @Test
  void decode_reasoningContentDelta_isReasoning() throws IOException {
    assertThat(decodeOne(WireApi.OPENAI_CHAT, "message",
            "{\"choices\":[{\"delta\":{\"reasoning_content\":\"Let me think\"}}]}"))
        .isEqualTo(EventKind.REASONING);
  }

  @Test
  void decode_emptyContentWithRole_isRoleOnly() throws IOException {
    assertThat(decodeOne(WireApi.OPENAI_CHAT, "message",
            "{\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}"))
        .isEqualTo(EventKind.ROLE_ONLY);
  }

  @Test
  void decode_anthropicTypeAfterDelta_stillClassified() throws IOException {
    // JSON objects are unordered: "type" may come last.
    assertThat(decodeOne(WireApi.ANTHROPIC_MESSAGES, "content_block_delta",
            "{\"index\":0,\"delta\":{\"text\":\"hey\",\"type\":\"text_delta\"},\"type\":\"content_block_delta\"}"))
        .isEqualTo(EventKind.CONTENT);
  }

  @Test
  void decode_responsesFailed_isErrorAndTerminal() throws IOException {
    StreamDecoder decoder = StreamDecoder.create(WireApi.OPENAI_RESPONSES);
    byte[] b = ("{\"type\":\"response.failed\",\"response\":{\"status\":\"failed\","
            + "\"error\":{\"code\":\"server_error\",\"message\":\"boom\"}}}").getBytes(StandardCharsets.UTF_8);

    assertThat(decoder.decode("response.failed", b, 0, b.length)).isEqualTo(EventKind.ERROR);
    assertThat(decoder.endOfStream()).isTrue();
    assertThat(decoder.failure().orElseThrow().type()).isEqualTo("server_error");
  }

  @Test
  void decode_responsesReasoningAndFunctionCallDeltas_classified() throws IOException {
    assertThat(decodeOne(WireApi.OPENAI_RESPONSES, "x",
            "{\"type\":\"response.reasoning_summary_text.delta\",\"delta\":\"Thinking\"}"))
        .isEqualTo(EventKind.REASONING);
    assertThat(decodeOne(WireApi.OPENAI_RESPONSES, "x",
            "{\"type\":\"response.function_call_arguments.delta\",\"delta\":\"{\\\"a\"}"))
        .isEqualTo(EventKind.TOOL_CALL);
  }

  @Test
  void decode_geminiThoughtPart_isReasoning() throws IOException {
    assertThat(decodeOne(WireApi.GEMINI, "message",
            "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"hmm\",\"thought\":true}]}}]}"))
        .isEqualTo(EventKind.REASONING);
  }

  @Test
  void reset_afterStream_forgetsUsageAndText() throws IOException {
    Decoded d = Fixtures.decode(Fixtures.OPENAI_CHAT_TEXT);
    d.decoder.reset();

    assertThat(d.decoder.usage()).isEmpty();
    assertThat(d.decoder.generatedText()).isEmpty();
    assertThat(d.decoder.endOfStream()).isFalse();
  }

  @Test
  void collectText_off_keepsNoText() throws IOException {
    StreamDecoder decoder = StreamDecoder.create(WireApi.OPENAI_CHAT).collectText(false);
    byte[] b = "{\"choices\":[{\"delta\":{\"content\":\"hello\"}}]}".getBytes(StandardCharsets.UTF_8);

    assertThat(decoder.decode("message", b, 0, b.length)).isEqualTo(EventKind.CONTENT);
    assertThat(decoder.generatedText()).isEmpty();
  }

  @Test
  void decode_offsetOutsideBuffer_throwsIndexOutOfBounds() {
    assertThatThrownBy(() -> StreamDecoder.create(WireApi.OPENAI_CHAT).decode("message", new byte[4], 2, 5))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }
}
