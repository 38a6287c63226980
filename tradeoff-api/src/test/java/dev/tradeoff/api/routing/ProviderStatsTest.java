package dev.tradeoff.api.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tradeoff.metrics.EventKind;
import dev.tradeoff.metrics.Failure;
import dev.tradeoff.metrics.FailureKind;
import dev.tradeoff.metrics.RequestResult;
import dev.tradeoff.metrics.StreamMeter;
import dev.tradeoff.metrics.StreamTimeline;
import dev.tradeoff.metrics.TokenUsage;
import dev.tradeoff.metrics.WireApi;
import java.time.Duration;
import org.junit.jupiter.api.Test;

final class ProviderStatsTest {

  private final ManualClock clock = new ManualClock();
  private final StatsConfig config = StatsConfig.builder().ewmaAlpha(0.5).build();
  private final ProviderStats stats = ProviderStats.create(config, clock, Duration.ofMillis(400), 100.0);

  @Test
  void create_beforeAnySample_reportsThePriors() {
    assertThat(stats.ttftNanos()).isEqualTo(400e6);
    assertThat(stats.outputTokensPerSecond()).isEqualTo(100.0);
    assertThat(stats.errorRate()).isZero();
    assertThat(stats.inFlight()).isZero();
    assertThat(stats.lastError()).isEmpty();
  }

  @Test
  void onSuccess_twoSamples_movesTheEwmaByAlphaEachTime() {
    stats.onStart();
    stats.onSuccess(200_000_000L, 101, 1_000_000_000L); // 100 tokens/s
    assertThat(stats.ttftNanos()).isEqualTo(300e6);
    assertThat(stats.outputTokensPerSecond()).isEqualTo(100.0);
    stats.onStart();
    stats.onSuccess(100_000_000L, 51, 250_000_000L); // 200 tokens/s
    assertThat(stats.ttftNanos()).isEqualTo(200e6);
    assertThat(stats.outputTokensPerSecond()).isEqualTo(150.0);
    assertThat(stats.inFlight()).isZero();
  }

  @Test
  void onSuccess_singleToken_leavesThroughputAlone() {
    stats.onSuccess(100_000_000L, 1, 0);
    assertThat(stats.outputTokensPerSecond()).isEqualTo(100.0);
  }

  @Test
  void onSuccess_negativeValue_isRejected() {
    assertThatThrownBy(() -> stats.onSuccess(-1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be >= 0, but were -1, 1, 1");
  }

  @Test
  void onFailure_updatesErrorRateInFlightAndLastError() {
    stats.onStart();
    stats.onStart();
    stats.onFailure(FailureKind.HTTP_SERVER_ERROR, "502 bad gateway");
    assertThat(stats.errorRate()).isEqualTo(0.5);
    assertThat(stats.inFlight()).isEqualTo(1);
    assertThat(stats.lastError()).hasValueSatisfying(e -> {
      assertThat(e.kind()).isEqualTo(FailureKind.HTTP_SERVER_ERROR);
      assertThat(e.message()).isEqualTo("502 bad gateway");
      assertThat(e.atNanos()).isEqualTo(clock.nanoTime());
    });
  }

  @Test
  void inFlight_moreFinishesThanStarts_neverNegative() {
    stats.onSuccess(1, 0, 0);
    assertThat(stats.inFlight()).isZero();
  }

  @Test
  void window_countsRecentRequestsAndForgetsOldOnes() {
    stats.onSuccess(100_000_000L, 11, 100_000_000L);
    stats.onFailure(FailureKind.RATE_LIMITED, "429");
    stats.onSuccess(300_000_000L, 21, 100_000_000L);
    StatsSnapshot.Window w = stats.window();
    assertThat(w.requests()).isEqualTo(3);
    assertThat(w.failures()).isEqualTo(1);
    assertThat(w.errorRate()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(w.meanTtftNanos()).isEqualTo(200e6);
    assertThat(w.outputTokensPerSecond()).isEqualTo(150.0); // 30 tokens over 0.2 s
    clock.advance(Duration.ofSeconds(11));
    assertThat(stats.window().requests()).isZero();
  }

  @Test
  void ttftNanos_noSuccessForLongerThanStaleAfter_readsThePriorAndTheNextSampleStartsFromIt() {
    stats.onSuccess(2_000_000_000L, 1, 0); // one slow request: (400 + 2,000) / 2 ms
    assertThat(stats.ttftNanos()).isEqualTo(1_200e6);
    clock.advance(StatsConfig.DEFAULT_STALE_AFTER);
    assertThat(stats.ttftNanos()).as("exactly staleAfter old: still valid").isEqualTo(1_200e6);
    clock.advanceMillis(1);
    assertThat(stats.ttftNanos()).isEqualTo(400e6);
    assertThat(stats.snapshot().ttftNanos()).isEqualTo(400e6);
    stats.onSuccess(200_000_000L, 1, 0);
    assertThat(stats.ttftNanos()).isEqualTo(300e6); // from the prior 400, not from the stale 1,200
  }

  @Test
  void errorRate_noRequestForLongerThanStaleAfter_readsZeroAndRestartsFromZero() {
    stats.onFailure(FailureKind.HTTP_SERVER_ERROR, "500");
    assertThat(stats.errorRate()).isEqualTo(0.5);
    clock.advance(StatsConfig.DEFAULT_STALE_AFTER.plusMillis(1));
    assertThat(stats.errorRate()).isZero();
    stats.onFailure(FailureKind.HTTP_SERVER_ERROR, "500");
    assertThat(stats.errorRate()).isEqualTo(0.5);
  }

  @Test
  void errorRateExceeds_oneFailureAmongManySuccesses_isNotAMissButARealRateIs() {
    ProviderStats s = ProviderStats.create(StatsConfig.defaults(), clock, Duration.ofMillis(400), 100.0);
    for (int k = 0; k < 49; k++) {
      s.onSuccess(100_000_000L, 1, 0);
    }
    s.onFailure(FailureKind.HTTP_SERVER_ERROR, "one random 500");
    // The moving average jumps by alpha (0.2) at any failure: it cannot judge a 5% objective.
    assertThat(s.errorRate()).isGreaterThanOrEqualTo(0.2);
    assertThat(s.errorRateExceeds(0.05)).as("1 failure in 50 requests").isFalse();
    for (int k = 0; k < 4; k++) {
      s.onFailure(FailureKind.HTTP_SERVER_ERROR, "500");
    }
    assertThat(s.errorRateExceeds(0.05)).as("5 failures in 54 requests").isTrue();
    clock.advance(Duration.ofSeconds(11));
    assertThat(s.errorRateExceeds(0.05)).as("the failures left the window").isFalse();
  }

  @Test
  void errorRateExceeds_fewerRequestsThanTheMinimum_isNotJudged() {
    ProviderStats s = ProviderStats.create(StatsConfig.builder().minimumRequests(5).build(), clock,
        Duration.ofMillis(400), 100.0);
    for (int k = 0; k < 4; k++) {
      s.onFailure(FailureKind.HTTP_SERVER_ERROR, "500");
    }
    assertThat(s.errorRateExceeds(0.05)).as("4 requests, minimum 5").isFalse();
    s.onFailure(FailureKind.HTTP_SERVER_ERROR, "500");
    assertThat(s.errorRateExceeds(0.05)).isTrue();
    assertThat(s.errorRateExceeds(1.0)).isFalse();
  }

  @Test
  void record_successfulRequestResult_feedsTtftAndThroughput() {
    StreamMeter meter = StreamMeter.start(0, 0);
    meter.responseHeaders(50_000_000L);
    meter.event(EventKind.CONTENT, 250_000_000L);
    meter.event(EventKind.CONTENT, 750_000_000L);
    meter.event(EventKind.USAGE, 760_000_000L);
    StreamTimeline timeline = meter.finish(800_000_000L);
    RequestResult r = RequestResult.builder().api(WireApi.values()[0]).model("m").timeline(timeline)
        .usage(TokenUsage.builder().inputTokens(10).outputTokens(51).build()).build();
    stats.onStart();
    stats.record(r);
    assertThat(stats.ttftNanos()).isEqualTo((400e6 + 250e6) / 2);
    assertThat(stats.outputTokensPerSecond()).isEqualTo((100.0 + 100.0) / 2); // 50 tokens over 0.5 s
    assertThat(stats.inFlight()).isZero();
  }

  @Test
  void record_failedRequestResult_keepsTheFailure() {
    RequestResult r = RequestResult.builder().api(WireApi.values()[0]).model("m")
        .timeline(StreamMeter.start(0, 0).finish(10))
        .failure(Failure.of(FailureKind.STREAM_ERROR, "overloaded_error", "Overloaded")).build();
    stats.record(r);
    assertThat(stats.lastError().map(ErrorEvent::message)).hasValue("Overloaded");
    assertThat(stats.errorRate()).isEqualTo(0.5);
  }

  @Test
  void create_badPriors_areRejected() {
    assertThatThrownBy(() -> ProviderStats.create(config, clock, Duration.ZERO, 1))
        .hasMessage("priorTtft must be positive, but was PT0S");
    assertThatThrownBy(() -> ProviderStats.create(config, clock, Duration.ofMillis(1), Double.NaN))
        .hasMessage("priorTokensPerSecond must be positive and finite, but was NaN");
  }

  @Test
  void statsConfig_badValues_areRejectedWithTheirNames() {
    assertThatThrownBy(() -> StatsConfig.builder().ewmaAlpha(0).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("ewmaAlpha must be in (0, 1], but was 0.0");
    assertThatThrownBy(() -> StatsConfig.builder().window(Duration.ZERO).build())
        .hasMessage("window must be positive, but was PT0S");
    assertThatThrownBy(() -> StatsConfig.builder().windowBuckets(0).build())
        .hasMessage("windowBuckets must be in [1, 1000], but was 0");
    assertThatThrownBy(() -> StatsConfig.builder().staleAfter(Duration.ZERO).build())
        .hasMessage("staleAfter must be positive, but was PT0S");
    assertThatThrownBy(() -> StatsConfig.builder().minimumRequests(0).build())
        .hasMessage("minimumRequests must be >= 1, but was 0");
  }

  @Test
  void onSuccess_manyThreads_averageStaysWithinTheSamples() throws InterruptedException {
    ProviderStats shared = ProviderStats.create(StatsConfig.defaults(), NanoClock.SYSTEM);
    Thread[] ts = new Thread[4];
    for (int t = 0; t < ts.length; t++) {
      long ttft = (t + 1) * 100_000_000L;
      ts[t] = new Thread(() -> {
        for (int i = 0; i < 20_000; i++) {
          shared.onStart();
          shared.onSuccess(ttft, 0, 0);
        }
      });
      ts[t].start();
    }
    for (Thread t : ts) {
      t.join();
    }
    assertThat(shared.inFlight()).isZero();
    assertThat(shared.ttftNanos()).isBetween(100e6, 400e6);
  }
}
