package dev.tradeoff.metrics.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** The histogram against brute force: a sorted array and the nearest-rank definition. */
final class LatencyHistogramProperties {

  /**
   * The nearest-rank definition, independently of {@link LatencyHistogram#rank}: the smallest rank k in [1, n]
   * with k/n ≥ p/100, where p is the decimal written for the double. Compared in exact integers —
   * 100 · k · 10^scale ≥ unscaled(p) · n — by binary search, so no division, rounding or tolerance is involved.
   */
  static long referenceRank(double percentile, long n) {
    BigDecimal p = new BigDecimal(Double.toString(percentile));
    BigInteger target = p.unscaledValue().multiply(BigInteger.valueOf(n));
    BigInteger perRank = BigInteger.valueOf(100).multiply(BigInteger.TEN.pow(Math.max(0, p.scale())));
    if (p.scale() < 0) {
      target = target.multiply(BigInteger.TEN.pow(-p.scale()));
    }
    long lo = 1;
    long hi = n;
    while (lo < hi) {
      long mid = lo + (hi - lo) / 2;
      if (perRank.multiply(BigInteger.valueOf(mid)).compareTo(target) >= 0) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  @Provide
  Arbitrary<Double> percentiles() {
    // The percentiles people ask for, decimals with up to 5 places, and arbitrary doubles.
    return Arbitraries.oneOf(
        Arbitraries.of(0.0, 1.0, 50.0, 90.0, 95.0, 99.0, 99.5, 99.9, 99.95, 99.99, 99.999, 100.0),
        Arbitraries.integers().between(0, 5).flatMap(scale ->
            Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.valueOf(100)).ofScale(scale)
                .map(BigDecimal::doubleValue)),
        Arbitraries.doubles().between(0, 100));
  }

  @Property(tries = 2000)
  void rank_isTheExactNearestRank_upToHugeCounts(
      @ForAll("percentiles") double p, @ForAll @LongRange(min = 1, max = 1_000_000_000_000_000L) long n) {
    assertThat(LatencyHistogram.rank(p, n)).isEqualTo(referenceRank(p, n));
  }

  /** Runs of equal values with large counts: {value, count} pairs, up to a few million values in all. */
  @Provide
  Arbitrary<List<long[]>> runs() {
    Arbitrary<long[]> run = Arbitraries.longs().between(0, 10_000_000_000L)
        .flatMap(v -> Arbitraries.longs().between(1, 1_500_000).map(c -> new long[] {v, c}));
    return run.list().ofMinSize(2).ofMaxSize(4);
  }

  @Property(tries = 40)
  void percentileJustPastARunBoundary_isTheNextRunsValue_forMillionsOfValues(
      @ForAll("runs") List<long[]> runs, @ForAll @IntRange(min = 0, max = 2) int boundaryIndex) {
    runs.sort((x, y) -> Long.compare(x[0], y[0]));
    LatencyRecorder r = LatencyRecorder.create();
    long n = 0;
    for (long[] run : runs) {
      for (long i = 0; i < run[1]; i++) {
        r.recordNanos(run[0]);
      }
      n += run[1];
    }
    int b = Math.min(boundaryIndex, runs.size() - 2);
    long boundary = 0; // values up to and including run b
    for (int i = 0; i <= b; i++) {
      boundary += runs.get(i)[1];
    }
    // The smallest 7-decimal p with p/100 × n > boundary: its rank is boundary + 1, the first value of run b+1,
    // with a fraction of at most n × 1e-9 — exactly where a tolerance that grows with the count goes wrong.
    BigInteger q = BigInteger.valueOf(boundary).multiply(BigInteger.TEN.pow(9)).divide(BigInteger.valueOf(n));
    double p = new BigDecimal(q.add(BigInteger.ONE), 7).doubleValue();
    long next = runs.get(b + 1)[0];

    assertThat(referenceRank(p, n)).isEqualTo(boundary + 1);
    assertThat(r.snapshot().percentileNanos(p)).isBetween((double) next, next + Math.max(511.0, next / 1024.0));
  }

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
      @ForAll("latencies") List<Long> values, @ForAll("percentiles") double p) {
    long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
    long reference = sorted[(int) referenceRank(p, sorted.length) - 1];

    double actual = record(values).percentileNanos(p);

    // the documented guarantee: never below, at most max(511 ns, v / 1024) above
    assertThat(actual).isBetween((double) reference, reference + Math.max(511.0, reference / 1024.0));
  }

  @Property(tries = 200)
  void percentileCountingFailures_matchesReferenceWithInfinities(
      @ForAll("latencies") List<Long> values,
      @ForAll @IntRange(min = 0, max = 50) int failures,
      @ForAll("percentiles") double p) {
    double[] all = new double[values.size() + failures];
    for (int i = 0; i < values.size(); i++) {
      all[i] = values.get(i);
    }
    Arrays.fill(all, values.size(), all.length, Double.POSITIVE_INFINITY);
    Arrays.sort(all);
    double reference = all[(int) referenceRank(p, all.length) - 1];

    double actual = record(values).percentileNanosCountingFailures(p, failures);

    if (Double.isInfinite(reference)) {
      assertThat(actual).isEqualTo(Double.POSITIVE_INFINITY);
    } else {
      assertThat(actual).isBetween(reference, reference + Math.max(511.0, reference / 1024.0));
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
