package dev.tradeoff.benchmarks;

import dev.tradeoff.metrics.stats.LatencyRecorder;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Recording one latency value: {@code tradeoff-metrics}' {@link LatencyRecorder#recordNanos(long)} against raw
 * HdrHistogram {@link Histogram#recordValue(long)} configured identically (nanoseconds, 1 µs lowest
 * discernible value, 1 h highest, 3 significant digits). Goal (issue 5): at most 1.2× the raw cost, 0 B/op.
 *
 * <p>Both record the same nanosecond values; the recorder's cost includes its range clamp and the exact sum
 * and maximum it keeps. Single-threaded, and with two threads each writing its own recorder / histogram (the
 * recorder is single-writer by design, like {@code Histogram}); for context, two threads sharing one
 * HdrHistogram {@link Recorder} (the thread-safe, interval-swapping peer) show what a shared-state protocol
 * costs. Values are drawn once (seeded) from a log-uniform 50 µs .. 60 s spread and read round-robin from a
 * non-final field.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar LatencyRecorderBenchmark -f 1 -wi 3 -i 3 -w 1s
 * -r 1s -prof gc}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LatencyRecorderBenchmark {

  private static final int VALUES = 4096; // a power of two: the index wraps with a mask

  /** Per-thread inputs and sinks: nothing is shared, so two threads measure scaling, not contention. */
  @State(Scope.Thread)
  public static class PerThread {
    long[] nanos;
    int index;
    LatencyRecorder recorder;
    Histogram histogram;

    @Setup(Level.Trial)
    public void setUp() {
      SplittableRandom random = new SplittableRandom(20261128L + Thread.currentThread().getId());
      nanos = new long[VALUES];
      for (int i = 0; i < VALUES; i++) {
        double log = Math.log(50_000) + random.nextDouble() * (Math.log(60e9) - Math.log(50_000));
        nanos[i] = (long) Math.exp(log);
      }
      recorder = LatencyRecorder.create();
      histogram = newRawHistogram();
    }

    int next() {
      int i = index;
      index = (i + 1) & (VALUES - 1);
      return i;
    }
  }

  static Histogram newRawHistogram() {
    return new Histogram(
        LatencyRecorder.LOWEST_DISCERNIBLE_NANOS,
        LatencyRecorder.HIGHEST_TRACKABLE_NANOS,
        LatencyRecorder.SIGNIFICANT_DIGITS);
  }

  /** One HdrHistogram Recorder shared by all threads. */
  @State(Scope.Benchmark)
  public static class Shared {
    Recorder recorder;

    @Setup(Level.Trial)
    public void setUp() {
      recorder =
          new Recorder(
              LatencyRecorder.LOWEST_DISCERNIBLE_NANOS,
              LatencyRecorder.HIGHEST_TRACKABLE_NANOS,
              LatencyRecorder.SIGNIFICANT_DIGITS);
    }
  }

  /** The harness cost of reading the next value. */
  @Benchmark
  public long baseline(PerThread s) {
    return s.nanos[s.next()];
  }

  /** Raw HdrHistogram, one thread. */
  @Benchmark
  public void hdrRecordValue(PerThread s) {
    s.histogram.recordValue(s.nanos[s.next()]);
  }

  /** The project's recorder, one thread. */
  @Benchmark
  public void recorder(PerThread s) {
    s.recorder.recordNanos(s.nanos[s.next()]);
  }

  /** Raw HdrHistogram, two threads, each its own histogram. */
  @Benchmark
  @Threads(2)
  public void hdrRecordValueTwoThreads(PerThread s) {
    s.histogram.recordValue(s.nanos[s.next()]);
  }

  /** The project's recorder, two threads, each its own recorder. */
  @Benchmark
  @Threads(2)
  public void recorderTwoThreads(PerThread s) {
    s.recorder.recordNanos(s.nanos[s.next()]);
  }

  /** Peer for context: two threads sharing HdrHistogram's thread-safe Recorder. */
  @Benchmark
  @Threads(2)
  public void sharedHdrRecorderTwoThreads(PerThread s, Shared shared) {
    shared.recorder.recordValue(s.nanos[s.next()]);
  }
}
