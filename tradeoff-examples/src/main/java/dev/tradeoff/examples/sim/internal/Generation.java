package dev.tradeoff.examples.sim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tradeoff.examples.sim.ModelProfile;
import dev.tradeoff.examples.sim.WireFormat;
import java.util.SplittableRandom;

/**
 * Everything sampled for one request: token counts, the token texts, and the instant of every token relative to
 * the moment the request was read. Immutable after construction.
 */
final class Generation {

  final ModelProfile profile;
  final WireFormat format;
  final JsonNode request;
  final boolean stream;
  final Ids ids;
  final int promptTokens;
  final int cachedTokens;
  final int cacheWriteTokens;
  final int reasoningTokens;
  final int visibleTokens;
  /** Whether the request's output limit cut the generation. */
  final boolean truncated;
  /** Whether reasoning tokens are streamed as deltas (otherwise they only take time). */
  final boolean reasoningStreamed;
  /** Reasoning words first, then visible words; one token each. */
  private final String[] words;
  /** Offset of every token (reasoning first) from the request, in nanoseconds. */
  private final long[] offsets;
  /** Offset of the closing events, in nanoseconds. */
  final long closeOffset;

  Generation(ModelProfile profile, WireFormat format, JsonNode request, boolean stream, int maxTokensRequested,
      SplittableRandom timing, SplittableRandom text, Ids ids) {
    this.profile = profile;
    this.format = format;
    this.request = request;
    this.stream = stream;
    this.ids = ids;
    this.promptTokens = PromptTokens.estimate(format, request, profile.charsPerToken());
    this.cachedTokens = (int) Math.floor(promptTokens * profile.cachedInputShare());
    this.cacheWriteTokens = format == WireFormat.ANTHROPIC_MESSAGES
        ? (int) Math.floor(promptTokens * profile.cacheWriteShare()) : 0;

    long ttft = nanos(profile.ttftMillis().sample(timing));
    int visible = (int) Math.max(1, Math.min(Integer.MAX_VALUE / 4, Math.round(profile.outputTokens().sample(timing))));
    int reasoning = (int) Math.max(0, Math.min(Integer.MAX_VALUE / 4, Math.round(profile.reasoningTokens().sample(timing))));
    if (format == WireFormat.ANTHROPIC_MESSAGES) {
      // Claude thinks only when the request enables extended thinking, and within its budget
      JsonNode thinking = request.path("thinking");
      if (!"enabled".equals(thinking.path("type").asText())) {
        reasoning = 0;
      } else if (thinking.path("budget_tokens").canConvertToInt() && thinking.path("budget_tokens").asInt() > 0) {
        reasoning = Math.min(reasoning, thinking.path("budget_tokens").asInt());
      }
    }
    int limit = maxTokensRequested > 0 ? Math.min(profile.maxOutputTokens(), maxTokensRequested) : profile.maxOutputTokens();
    boolean cut = false;
    if ((long) reasoning + visible > limit) {
      cut = true;
      if (reasoning >= limit) {
        reasoning = limit;
        visible = 0;
      } else {
        visible = limit - reasoning;
      }
    }
    this.reasoningTokens = reasoning;
    this.visibleTokens = visible;
    this.truncated = cut;
    this.reasoningStreamed = format == WireFormat.ANTHROPIC_MESSAGES
        || (format == WireFormat.OPENAI_CHAT_COMPLETIONS && profile.streamReasoning());

    int total = reasoning + visible;
    this.offsets = new long[total];
    long at = ttft;
    for (int i = 0; i < total; i++) {
      offsets[i] = at;
      at += nanos(profile.interTokenGapMillis().sample(timing));
    }
    this.closeOffset = at;

    TextSource source = new TextSource(text);
    String[] thinking = source.next(reasoning);
    String[] answer = source.next(visible);
    this.words = new String[total];
    System.arraycopy(thinking, 0, words, 0, reasoning);
    System.arraycopy(answer, 0, words, reasoning, visible);
  }

  private static long nanos(double millis) {
    return Math.round(millis * 1_000_000.0);
  }

  /** Output tokens as the providers report them: reasoning plus visible. */
  int outputTokens() {
    return reasoningTokens + visibleTokens;
  }

  /** Number of token deltas the stream carries. */
  int streamed() {
    return reasoningStreamed ? reasoningTokens + visibleTokens : visibleTokens;
  }

  private int index(int streamedIndex) {
    return reasoningStreamed ? streamedIndex : reasoningTokens + streamedIndex;
  }

  String streamedWord(int i) {
    return words[index(i)];
  }

  boolean streamedIsReasoning(int i) {
    return index(i) < reasoningTokens;
  }

  long streamedOffset(int i) {
    return offsets[index(i)];
  }

  /** The visible text, whole. */
  String visibleText() {
    return join(reasoningTokens, reasoningTokens + visibleTokens);
  }

  /** The reasoning text, whole. */
  String reasoningText() {
    return join(0, reasoningTokens);
  }

  private String join(int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < to; i++) {
      sb.append(words[i]);
    }
    return sb.toString();
  }
}
