package dev.tradeoff.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class UsageTest {

  /**
   * pricing-rules.md 3.3 (Azure OpenAI prompt caching, o1-2024-12-17): prompt_tokens 1566 with cached_tokens
   * 1408 ("1566 − 1408 = 158 uncached prompt tokens"); completion_tokens 1518 includes reasoning_tokens 576.
   */
  @Test
  void openAi_promptIncludesCachedAndCompletionIncludesReasoning_splitsDisjoint() {
    Usage u = Usage.openAi(1566, 1408, 1518, 576);

    assertThat(u.input()).isEqualTo(158);
    assertThat(u.cacheRead()).isEqualTo(1408);
    assertThat(u.output()).isEqualTo(942);
    assertThat(u.reasoning()).isEqualTo(576);
    assertThat(u.promptTokens()).isEqualTo(1566);
    assertThat(u.completionTokens()).isEqualTo(1518);
    assertThat(u.totalTokens()).isEqualTo(3084); // "total_tokens": 3084
  }

  /**
   * pricing-rules.md 2.3 (OpenAI prompt caching with cache writes): input_tokens 2600, cached_tokens 2000,
   * cache_write_tokens 400: "The remaining 200 input tokens were neither read nor written."
   */
  @Test
  void openAi_withCacheWrites_leavesTheRemainderAsOrdinaryInput() {
    Usage u = Usage.openAi(2600, 2000, 400, 0, 0);

    assertThat(u.input()).isEqualTo(200);
    assertThat(u.cacheRead()).isEqualTo(2000);
    assertThat(u.cacheWrite5m()).isEqualTo(400);
    assertThat(u.promptTokens()).isEqualTo(2600);
  }

  /**
   * Anthropic input_tokens EXCLUDES the cache fields (pricing-rules.md 1.4: "Calculate the total input tokens
   * by summing input_tokens, cache_creation_input_tokens, cache_read_input_tokens"). The recorded stream
   * anthropic-messages-cache-write.sse reports input 4, cache_creation 1165, cache_read 0, output 201.
   */
  @Test
  void anthropic_inputExcludesCacheFields_keepsEachCountAsIs() {
    Usage u = Usage.anthropic(4, 1165, 0, 201);

    assertThat(u.input()).isEqualTo(4);
    assertThat(u.cacheWrite5m()).isEqualTo(1165);
    assertThat(u.cacheRead()).isZero();
    assertThat(u.output()).isEqualTo(201);
    assertThat(u.promptTokens()).isEqualTo(1169);
  }

  /** The gemini-stream-generate-content-thoughts.sse fixture: prompt 18, candidates 80, thoughts 35, total 133. */
  @Test
  void gemini_candidatesExcludeThoughts_totalMatchesReportedTotal() {
    Usage u = Usage.gemini(18, 0, 80, 35);

    assertThat(u.output()).isEqualTo(80);
    assertThat(u.reasoning()).isEqualTo(35);
    assertThat(u.totalTokens()).isEqualTo(133);
  }

  @Test
  void builder_negativeCount_rejectedNamingFieldAndValue() {
    assertThatThrownBy(() -> Usage.of(-1, 10))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("`input` must be >= 0, but was -1");
    assertThatThrownBy(() -> Usage.builder().reasoning(-5).build())
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("`reasoning` must be >= 0, but was -5");
  }

  @Test
  void openAi_cachedExceedsPrompt_rejected() {
    assertThatThrownBy(() -> Usage.openAi(100, 101, 10, 0))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("<= promptTokens (100)")
        .hasMessageContaining("but was 101");
  }

  @Test
  void openAi_reasoningExceedsCompletion_rejected() {
    assertThatThrownBy(() -> Usage.openAi(100, 0, 10, 11))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("`reasoningTokens`");
  }

  @Test
  void plus_twoUsages_sumsEachClass() {
    Usage sum = Usage.anthropic(1, 2, 3, 4, 5).plus(Usage.openAi(10, 4, 7, 2));

    assertThat(sum).isEqualTo(Usage.builder()
        .input(7).cacheWrite5m(2).cacheWrite1h(3).cacheRead(8).output(10).reasoning(2).build());
  }
}
