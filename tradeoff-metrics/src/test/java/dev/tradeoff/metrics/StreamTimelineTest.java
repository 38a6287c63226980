package dev.tradeoff.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The metric definitions of {@link StreamTimeline} and {@link RequestResult}, on hand-built timelines. */
final class StreamTimelineTest {

  private static final long MS = 1_000_000L;

  private static RequestResult result(StreamTimeline t, long outputTokens) {
    return RequestResult.builder()
        .api(WireApi.OPENAI_CHAT)
        .model("m")
        .timeline(t)
        .usage(TokenUsage.builder().inputTokens(10).outputTokens(outputTokens).build())
        .build();
  }

  /** role 5, reasoning 20/30/40, other 45, content 100/110/130, usage 131, end 140 (ms). */
  private static StreamTimeline reasoningTimeline() {
    StreamMeter m = StreamMeter.start(-10 * MS, 0);
    m.event(EventKind.ROLE_ONLY, 5 * MS);
    m.event(EventKind.REASONING, 20 * MS);
    m.event(EventKind.REASONING, 30 * MS);
    m.event(EventKind.REASONING, 40 * MS);
    m.event(EventKind.OTHER, 45 * MS);
    m.event(EventKind.CONTENT, 100 * MS);
    m.event(EventKind.CONTENT, 110 * MS);
    m.event(EventKind.CONTENT, 130 * MS);
    m.event(EventKind.USAGE, 131 * MS);
    return m.finish(140 * MS);
  }

  @Test
  void ttft_contentVersusAny_roleOnlyNeverCounts() {
    StreamTimeline t = reasoningTimeline();

    assertThat(t.ttftAnyNanos()).hasValue(20 * MS);
    assertThat(t.ttftContentNanos()).hasValue(100 * MS);
    assertThat(t.reasoningNanos()).hasValue(80 * MS);
    assertThat(t.firstOutputAfterReasoningNanos()).hasValue(60 * MS);
    assertThat(t.e2eNanos()).isEqualTo(140 * MS);
  }

  @Test
  void itl_gapsBetweenTokenEventsOnly() {
    StreamTimeline t = reasoningTimeline();

    assertThat(t.tokenEventCount()).isEqualTo(6);
    assertThat(t.itlNanos()).containsExactly(10 * MS, 10 * MS, 60 * MS, 10 * MS, 20 * MS);
    assertThat(t.generationWindowNanos()).hasValue(110 * MS);
    assertThat(t.count(EventKind.REASONING)).isEqualTo(3);
  }

  @Test
  void intendedTimes_schedulerLagAndLatencyFromIntended() {
    StreamTimeline t = reasoningTimeline();

    assertThat(t.schedulerLagNanos()).isEqualTo(10 * MS);
    assertThat(t.ttftContentFromIntendedNanos()).hasValue(110 * MS);
    assertThat(t.e2eFromIntendedNanos()).isEqualTo(150 * MS);
  }

  @Test
  void tpotAndTokensPerSecond_followTheirDefinitions() {
    RequestResult r = result(reasoningTimeline(), 56);

    // (E2E − TTFT_any) / (n − 1) = (140 − 20) / 55 ms
    assertThat(r.tpotNanos().getAsDouble()).isCloseTo(120.0 * MS / 55, within(1e-6));
    // (n − 1) / generation window = 55 / 0.110 s
    assertThat(r.outputTokensPerSecond().getAsDouble()).isCloseTo(500.0, within(1e-9));
    // n / E2E = 56 / 0.140 s
    assertThat(r.outputTokensPerSecondE2e().getAsDouble()).isCloseTo(400.0, within(1e-9));
  }

  @Test
  void tpot_singleTokenOrNoToken_undefined() {
    assertThat(result(reasoningTimeline(), 1).tpotNanos()).isEmpty();
    StreamMeter m = StreamMeter.start();
    m.event(EventKind.ROLE_ONLY, System.nanoTime());
    RequestResult noTokens = result(m.finish(System.nanoTime()), 5);
    assertThat(noTokens.tpotNanos()).isEmpty();
    assertThat(noTokens.timeline().ttftContentNanos()).isEmpty();
    assertThat(noTokens.timeline().itlCount()).isZero();
  }

  @Test
  void toolCall_countsAsContentForTtft() {
    StreamMeter m = StreamMeter.start(0, 0);
    m.event(EventKind.ROLE_ONLY, MS);
    m.event(EventKind.TOOL_CALL, 7 * MS);

    assertThat(m.finish(8 * MS).ttftContentNanos()).hasValue(7 * MS);
  }

  @Test
  void reasoningWithoutAnswer_reasoningMetricsAbsent() {
    StreamMeter m = StreamMeter.start(0, 0);
    m.event(EventKind.REASONING, MS);
    m.event(EventKind.ERROR, 2 * MS);
    StreamTimeline t = m.finish(2 * MS);

    assertThat(t.ttftAnyNanos()).hasValue(MS);
    assertThat(t.ttftContentNanos()).isEmpty();
    assertThat(t.reasoningNanos()).isEmpty();
  }

  @Test
  void meter_manyEvents_growsAndKeepsOrder() {
    StreamMeter m = StreamMeter.start(0, 0);
    for (int i = 1; i <= 1000; i++) {
      m.event(EventKind.CONTENT, i * MS);
    }
    StreamTimeline t = m.finish(1001 * MS);

    assertThat(t.eventCount()).isEqualTo(1000);
    assertThat(t.itlCount()).isEqualTo(999);
    assertThat(t.itlNanos(998)).isEqualTo(MS);
    assertThat(t.eventOffsetNanos(999)).isEqualTo(1000 * MS);
  }

  @Test
  void meter_afterFinish_rejectsEvents() {
    StreamMeter m = StreamMeter.start();
    m.finish(System.nanoTime());

    assertThatThrownBy(() -> m.event(EventKind.CONTENT, 1)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> m.finish(1)).hasMessage("meter is already finished");
  }

  @Test
  void itlIndex_outOfRange_namesTheRange() {
    assertThatThrownBy(() -> reasoningTimeline().itlNanos(5))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("gap index 5 out of range [0, 5)");
  }

  @Test
  void requestSent_firstCallWins() {
    StreamMeter m = StreamMeter.start(0, 0);
    m.requestSent(3 * MS);
    m.requestSent(9 * MS);
    m.responseHeaders(10 * MS);
    m.responseHeaders(12 * MS);
    StreamTimeline t = m.finish(20 * MS);

    assertThat(t.clientQueueNanos()).hasValue(3 * MS);
    assertThat(t.responseHeadersNanos()).hasValue(12 * MS);
  }

  @Test
  void tokenUsage_nestingAndDiscrepancy() {
    TokenUsage u = TokenUsage.builder().inputTokens(1169).cacheWriteTokens(1165).outputTokens(201)
        .estimatedOutputTokens(195).build();

    assertThat(u.uncachedInputTokens()).isEqualTo(4);
    assertThat(u.totalTokens()).isEqualTo(1370);
    assertThat(u.outputTokensDiscrepancy()).hasValue(-6);
    assertThatThrownBy(() -> TokenUsage.builder().inputTokens(-1).outputTokens(0).build())
        .hasMessage("inputTokens must be >= 0, but was -1");
  }
}
