package dev.tradeoff.metrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class LatencyHistogramTest {

  private static LatencyHistogram of(long... micros) {
    LatencyRecorder r = LatencyRecorder.create();
    for (long v : micros) {
      r.recordMicros(v);
    }
    return r.snapshot();
  }

  @Test
  void percentile_nearestRankOnSmallSet_matchesDefinition() {
    LatencyHistogram h = of(10, 20, 30, 40, 50, 60, 70, 80, 90, 100);

    assertThat(h.percentileMicros(50)).isEqualTo(50);
    assertThat(h.percentileMicros(90)).isEqualTo(90);
    assertThat(h.percentileMicros(99)).isEqualTo(100);
    assertThat(h.percentileMicros(100)).isEqualTo(100);
    assertThat(h.percentileMicros(0)).isEqualTo(10);
    assertThat(h.meanMicros()).isEqualTo(55.0);
    assertThat(h.maxMicros()).isEqualTo(100);
    assertThat(h.minMicros()).isEqualTo(10);
  }

  @Test
  void percentile_neverAboveExactMax() {
    LatencyHistogram h = of(123_457);

    assertThat(h.percentileMicros(50)).isEqualTo(123_457);
    assertThat(h.maxMicros()).isEqualTo(123_457);
  }

  @Test
  void percentileCountingFailures_rankAmongFailures_isInfinity() {
    LatencyHistogram h = of(10, 20, 30, 40, 50, 60, 70, 80, 90); // 9 successes + 1 failure = 10

    assertThat(h.percentileMicrosCountingFailures(90, 1)).isEqualTo(90);
    assertThat(h.percentileMicrosCountingFailures(91, 1)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(h.percentileMicrosCountingFailures(50, 1)).isEqualTo(50);
    assertThat(h.percentileMicrosCountingFailures(50, 0)).isEqualTo(h.percentileMicros(50));
  }

  @Test
  void percentile_empty_isNaN_andOnlyFailures_isInfinity() {
    assertThat(LatencyHistogram.empty().percentileMicros(50)).isNaN();
    assertThat(LatencyHistogram.empty().meanMicros()).isNaN();
    assertThat(LatencyHistogram.empty().percentileMicrosCountingFailures(1, 3)).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void percentile_outOfRange_rejectedNamingTheParameter() {
    assertThatThrownBy(() -> of(1).percentileMicros(100.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("percentile must be in [0, 100], but was 100.5");
    assertThatThrownBy(() -> of(1).percentileMicrosCountingFailures(50, -1))
        .hasMessage("failures must be >= 0, but was -1");
  }

  @Test
  void recordNanos_roundsToNearestMicrosecond() {
    LatencyRecorder r = LatencyRecorder.create();
    r.recordNanos(1_499);
    r.recordNanos(1_500);

    assertThat(r.snapshot().sumMicros()).isEqualTo(1 + 2);
  }

  @Test
  void record_outOfRange_clampedAndCounted() {
    LatencyRecorder r = LatencyRecorder.create();
    r.recordNanos(-5);
    r.recordMicros(LatencyRecorder.HIGHEST_TRACKABLE_MICROS + 1);
    r.recordMicros(7);

    LatencyHistogram h = r.snapshot();
    assertThat(h.count()).isEqualTo(3);
    assertThat(h.outOfRangeCount()).isEqualTo(2);
    assertThat(h.maxMicros()).isEqualTo(LatencyRecorder.HIGHEST_TRACKABLE_MICROS);
    assertThat(h.minMicros()).isZero();
  }

  @Test
  void encode_decode_roundTripsExactly() {
    LatencyHistogram h = of(1, 5, 999, 1_000, 1_001, 123_456, 2_000_000);

    LatencyHistogram back = LatencyHistogram.decode(h.encode());

    assertThat(back).isEqualTo(h);
    assertThat(back.percentileMicros(99)).isEqualTo(h.percentileMicros(99));
    assertThat(back.meanMicros()).isEqualTo(h.meanMicros());
  }

  @Test
  void decode_garbage_rejectedWithReason() {
    assertThatThrownBy(() -> LatencyHistogram.decode("1:2:3:not-base64!"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("hdr is not a valid compressed HdrHistogram in Base64");
    assertThatThrownBy(() -> LatencyHistogram.decode("12"))
        .hasMessage("encoded histogram must be sum:max:outOfRange:hdr, but had 1 parts");
  }

  @Test
  void reset_forgetsEverything() {
    LatencyRecorder r = LatencyRecorder.create();
    r.recordMicros(5);
    r.reset();

    assertThat(r.snapshot()).isEqualTo(LatencyHistogram.empty());
  }

  @Test
  void snapshot_isIndependentOfLaterRecording() {
    LatencyRecorder r = LatencyRecorder.create();
    r.recordMicros(5);
    LatencyHistogram before = r.snapshot();
    r.recordMicros(6);

    assertThat(before.count()).isEqualTo(1);
  }
}
