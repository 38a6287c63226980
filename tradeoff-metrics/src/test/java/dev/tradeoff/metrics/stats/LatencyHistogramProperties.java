package dev.tradeoff.metrics.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The histogram against brute force: a sorted array and the nearest-rank definition. */
final class LatencyHistogramProperties {

  @Provide
  Arbitrary<List<Long>> latencies() {
    // Nanoseconds, skewed like real latencies: many small values, a long tail up to an hour.
    Arbitrary<Long> small = Arbitraries.longs().between(0, 5_000_000);
    Arbitrary<Long> medium = Arbitraries.longs().between(5_000_000, 2_000_000_000);
    Arbitrary<Long> tail = Arbitraries.longs().between(2_000_000_000, LatencyRecorder.HIGHEST_TRACKABLE_NANOS);
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(6, small), net.jqwik.api.Tuple.of(3, medium), net.jqwik.api.Tuple.of(1, tail))
        .list()
        .ofMinSize(1)
        .ofMaxSize(400);
  }

  private static LatencyHistogram record(List<Long> values) {
    LatencyRecorder r = LatencyRecorder.create();
    for (long v : values) {
      r.recordNanos(v);
    }
    return r.snapshot();
  }

  @Property(tries = 300)
  void mergeOfParts_equalsRecordingAll(
      @ForAll("latencies") List<Long> a, @ForAll("latencies") List<Long> b) {
    List<Long> all = new java.util.ArrayList<>(a);
    all.addAll(b);

    assertThat(record(a).merge(record(b))).isEqualTo(record(all));
    assertThat(record(b).merge(record(a))).isEqualTo(record(all));
  }

  @Property(tries = 300)
  void percentile_withinHistogramPrecisionOfSortedReference(
      @ForAll("latencies") List<Long> values, @ForAll @DoubleRange(min = 0, max = 100) double p) {
    long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
    long rank = Math.max(1, (long) Math.ceil(p / 100.0 * sorted.length - 1e-9 * Math.max(1, p / 100.0 * sorted.length)));
    long reference = sorted[(int) Math.min(rank, sorted.length) - 1];

    double actual = record(values).percentileNanos(p);

    // 3 significant digits: the reported bucket top is at most 0.1% above the truth, or one 512 ns unit
    assertThat(actual).isBetween((double) reference, Math.max(reference * 1.001, reference + 511.0));
  }

  @Property(tries = 200)
  void percentileCountingFailures_matchesReferenceWithInfinities(
      @ForAll("latencies") List<Long> values,
      @ForAll @IntRange(min = 0, max = 50) int failures,
      @ForAll @DoubleRange(min = 0, max = 100) double p) {
    double[] all = new double[values.size() + failures];
    for (int i = 0; i < values.size(); i++) {
      all[i] = values.get(i);
    }
    Arrays.fill(all, values.size(), all.length, Double.POSITIVE_INFINITY);
    Arrays.sort(all);
    long rank = LatencyHistogram.rank(p, all.length);
    double reference = all[(int) rank - 1];

    double actual = record(values).percentileNanosCountingFailures(p, failures);

    if (Double.isInfinite(reference)) {
      assertThat(actual).isEqualTo(Double.POSITIVE_INFINITY);
    } else {
      assertThat(actual).isBetween(reference, Math.max(reference * 1.001, reference + 511.0));
    }
  }

  @Property(tries = 300)
  void recorderBuckets_equalHdrHistogramRecordingTheSameValues(@ForAll("latencies") List<Long> values) {
    org.HdrHistogram.Histogram raw = LatencyRecorder.newHistogram();
    long sum = 0;
    long max = 0;
    for (long v : values) {
      raw.recordValue(v);
      sum += v;
      max = Math.max(max, v);
    }
    java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(raw.getNeededByteBufferCapacity());
    int n = raw.encodeIntoCompressedByteBuffer(buffer);
    String rawBase64 = java.util.Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), n));

    assertThat(record(values)).isEqualTo(LatencyHistogram.fromHdr(rawBase64, sum, max, 0));
  }

  @Property(tries = 200)
  void meanAndMax_areExact(@ForAll("latencies") List<Long> values) {
    LatencyHistogram h = record(values);

    assertThat(h.maxNanos()).isEqualTo(values.stream().mapToLong(Long::longValue).max().orElseThrow());
    assertThat(h.sumNanos()).isEqualTo(values.stream().mapToLong(Long::longValue).sum());
    assertThat(h.count()).isEqualTo(values.size());
  }

  @Property(tries = 100)
  void encodeDecode_roundTrips(@ForAll("latencies") @Size(min = 1) List<Long> values) {
    LatencyHistogram h = record(values);

    assertThat(LatencyHistogram.decode(h.encode())).isEqualTo(h);
  }
}
