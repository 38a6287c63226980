package dev.tradeoff.metrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class LatencyHistogramTest {

  private static final long US = 1_000L;

  /** Values given in microseconds, recorded in nanoseconds. */
  private static LatencyHistogram of(long... micros) {
    LatencyRecorder r = LatencyRecorder.create();
    for (long v : micros) {
      r.recordNanos(v * US);
    }
    return r.snapshot();
  }

  @Test
  void percentile_nearestRankOnSmallSet_matchesDefinition() {
    // 512 ns units below 1.05 ms: each reported value is the top of its 512 ns bucket, within 0.1% above
    LatencyHistogram h = of(1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10000);

    assertThat(h.percentileNanos(50)).isBetween(5000.0 * US, 5005.0 * US);
    assertThat(h.percentileNanos(90)).isBetween(9000.0 * US, 9009.0 * US);
    assertThat(h.percentileNanos(99)).isEqualTo(10000.0 * US); // the top bucket is clipped at the exact max
    assertThat(h.percentileNanos(100)).isEqualTo(10000.0 * US);
    assertThat(h.percentileNanos(0)).isBetween(1000.0 * US, 1001.0 * US);
    assertThat(h.meanNanos()).isEqualTo(5500.0 * US);
    assertThat(h.maxNanos()).isEqualTo(10000 * US);
    assertThat(h.minNanos()).isBetween(999 * US, 1000 * US);
  }

  @Test
  void percentile_neverAboveExactMax() {
    LatencyHistogram h = of(123_457);

    assertThat(h.percentileNanos(50)).isEqualTo(123_457.0 * US);
    assertThat(h.maxNanos()).isEqualTo(123_457 * US);
  }

  @Test
  void percentileCountingFailures_rankAmongFailures_isInfinity() {
    LatencyHistogram h = of(10, 20, 30, 40, 50, 60, 70, 80, 90); // 9 successes + 1 failure = 10

    assertThat(h.percentileNanosCountingFailures(90, 1)).isEqualTo(90.0 * US);
    assertThat(h.percentileNanosCountingFailures(91, 1)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(h.percentileNanosCountingFailures(50, 1)).isBetween(50.0 * US, 50.5 * US);
    assertThat(h.percentileNanosCountingFailures(50, 0)).isEqualTo(h.percentileNanos(50));
  }

  @Test
  void percentile_empty_isNaN_andOnlyFailures_isInfinity() {
    assertThat(LatencyHistogram.empty().percentileNanos(50)).isNaN();
    assertThat(LatencyHistogram.empty().meanNanos()).isNaN();
    assertThat(LatencyHistogram.empty().percentileNanosCountingFailures(1, 3)).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void percentile_outOfRange_rejectedNamingTheParameter() {
    assertThatThrownBy(() -> of(1).percentileNanos(100.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("percentile must be in [0, 100], but was 100.5");
    assertThatThrownBy(() -> of(1).percentileNanosCountingFailures(50, -1))
        .hasMessage("failures must be >= 0, but was -1");
  }

  @Test
  void recordNanos_sumAndMaxExactBelowResolution() {
    LatencyRecorder r = LatencyRecorder.create();
    r.recordNanos(1_499);
    r.recordNanos(1_501);

    assertThat(r.snapshot().sumNanos()).isEqualTo(3_000);
    assertThat(r.snapshot().maxNanos()).isEqualTo(1_501);
    assertThat(r.snapshot().meanNanos()).isEqualTo(1_500.0);
  }

  @Test
  void record_outOfRange_clampedAndCounted() {
    LatencyRecorder r = LatencyRecorder.create();
    r.recordNanos(-5);
    r.recordNanos(LatencyRecorder.HIGHEST_TRACKABLE_NANOS + 1);
    r.recordNanos(Long.MAX_VALUE);
    r.recordNanos(7_000);

    LatencyHistogram h = r.snapshot();
    assertThat(h.count()).isEqualTo(4);
    assertThat(h.outOfRangeCount()).isEqualTo(3);
    assertThat(h.maxNanos()).isEqualTo(LatencyRecorder.HIGHEST_TRACKABLE_NANOS);
    assertThat(h.minNanos()).isZero();
  }

  @Test
  void rank_isExactNearestRank_evenForLargeCounts() {
    assertThat(LatencyHistogram.rank(99, 100)).isEqualTo(99);
    assertThat(LatencyHistogram.rank(99.9, 1_000)).isEqualTo(999);
    assertThat(LatencyHistogram.rank(99.9, 2_000_999)).isEqualTo(1_998_999); // 1,998,998.001 rounds up
    assertThat(LatencyHistogram.rank(99.99, 109_999)).isEqualTo(109_989); // 109,988.0001 rounds up
    assertThat(LatencyHistogram.rank(50, 1_000_000_000_001L)).isEqualTo(500_000_000_001L);
    assertThat(LatencyHistogram.rank(0, 7)).isEqualTo(1);
    assertThat(LatencyHistogram.rank(100, Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void percentile_p999OfTwoMillion_landsOnTheSlowTail() {
    LatencyRecorder r = LatencyRecorder.create();
    for (int i = 0; i < 1_998_998; i++) {
      r.recordNanos(1_000_000);
    }
    for (int i = 0; i < 2_001; i++) {
      r.recordNanos(100_000_000);
    }
    LatencyHistogram h = r.snapshot();

    // rank ceil(0.999 × 2,000,999) = 1,998,999: the first 100 ms value
    assertThat(h.percentileNanos(99.9)).isEqualTo(100_000_000.0);
  }

  @Test
  void percentileCountingFailures_p999OfTwoMillion_isInfinityWhenTheRankIsAFailure() {
    LatencyRecorder r = LatencyRecorder.create();
    for (int i = 0; i < 1_998_998; i++) {
      r.recordNanos(1_000_000);
    }
    LatencyHistogram h = r.snapshot();

    assertThat(h.percentileNanosCountingFailures(99.9, 2_001)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(h.percentileNanosCountingFailures(99.9, 2_000)).isEqualTo(1_000_000.0); // rank 1,998,998
  }

  @Test
  void percentile_belowHalfAMillisecond_isUpTo511NanosAbove_notWithinOnePerCent() {
    LatencyHistogram h = of(10, 20);

    assertThat(h.percentileNanos(50)).isEqualTo(10_239.0); // bucket [9,728, 10,240): +2.4%
    assertThat(h.minNanos()).isEqualTo(9_728);
  }

  @Test
  void record_aboveOneHour_clampsSumAndMaxToo() {
    LatencyRecorder r = LatencyRecorder.create();
    r.recordNanos(1_000_000);
    r.recordNanos(7_200_000_000_000L);

    LatencyHistogram h = r.snapshot();
    assertThat(h.maxNanos()).isEqualTo(3_600_000_000_000L);
    assertThat(h.meanNanos()).isEqualTo(1_800_000_500_000.0);
    assertThat(h.outOfRangeCount()).isEqualTo(1);
  }

  @Test
  void encode_decode_roundTripsExactly() {
    LatencyHistogram h = of(1, 5, 999, 1_000, 1_001, 123_456, 2_000_000);

    LatencyHistogram back = LatencyHistogram.decode(h.encode());

    assertThat(back).isEqualTo(h);
    assertThat(back.percentileNanos(99)).isEqualTo(h.percentileNanos(99));
    assertThat(back.meanNanos()).isEqualTo(h.meanNanos());
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
    r.recordNanos(5_000);
    r.reset();

    assertThat(r.snapshot()).isEqualTo(LatencyHistogram.empty());
  }

  @Test
  void snapshot_isIndependentOfLaterRecording() {
    LatencyRecorder r = LatencyRecorder.create();
    r.recordNanos(5_000);
    LatencyHistogram before = r.snapshot();
    r.recordNanos(6_000);

    assertThat(before.count()).isEqualTo(1);
  }
}
