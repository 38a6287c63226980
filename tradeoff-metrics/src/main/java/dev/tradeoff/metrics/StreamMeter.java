package dev.tradeoff.metrics;

import java.util.Arrays;
import java.util.Objects;

/**
 * Records the monotonic timeline of one streamed request: intended and actual send, request on the wire,
 * response headers, every event with its {@link EventKind}, and completion. {@link #finish(long)} turns it into
 * an immutable {@link StreamTimeline} with the derived latencies.
 *
 * <p>All times are {@link System#nanoTime()} values (monotonic, meaningful only as differences within one JVM).
 * The clients in {@code dev.tradeoff.metrics.client} drive a meter for every request; use one directly to
 * measure a transport of your own. Recording an event stores one byte and one long in growable primitive
 * arrays: no boxing, no allocation once the arrays have grown.
 *
 * <p>Not thread-safe: one meter per request, written by the thread reading the stream.
 *
 * <pre>{@code
 * StreamMeter meter = StreamMeter.start();
 * meter.responseHeaders(System.nanoTime());
 * while (reader.next()) {
 *   meter.event(decoder.decode(reader), reader.receivedNanos());
 * }
 * StreamTimeline timeline = meter.finish(System.nanoTime());
 * timeline.ttftContentNanos();
 * }</pre>
 */
public final class StreamMeter {

  private static final int INITIAL_EVENTS = 64;
  private static final EventKind[] KINDS = EventKind.values();

  private final long intendedStartNanos;
  private final long startNanos;
  private long requestSentNanos = StreamTimeline.ABSENT;
  private long responseHeadersNanos = StreamTimeline.ABSENT;
  private byte[] kinds = new byte[INITIAL_EVENTS];
  private long[] times = new long[INITIAL_EVENTS];
  private int count;
  private boolean finished;

  private StreamMeter(long intendedStartNanos, long startNanos) {
    this.intendedStartNanos = intendedStartNanos;
    this.startNanos = startNanos;
  }

  /**
   * Starts a meter now; the intended send time equals the actual one.
   *
   * @return a new meter
   */
  public static StreamMeter start() {
    long now = System.nanoTime();
    return new StreamMeter(now, now);
  }

  /**
   * Starts a meter for a request that was scheduled for {@code intendedStartNanos} and is sent at {@code
   * startNanos} (open-loop load: the difference is scheduler lag, and latency from the intended time is what
   * a user arriving on schedule would see).
   *
   * @param intendedStartNanos when the schedule wanted the request sent ({@link System#nanoTime()})
   * @param startNanos when it is actually sent ({@link System#nanoTime()})
   * @return a new meter
   */
  public static StreamMeter start(long intendedStartNanos, long startNanos) {
    return new StreamMeter(intendedStartNanos, startNanos);
  }

  /**
   * Records when the request started to go out on the wire (the HTTP request headers). Only the first call
   * counts, so a retried request keeps its first send.
   *
   * @param nanos {@link System#nanoTime()}
   */
  public void requestSent(long nanos) {
    if (requestSentNanos == StreamTimeline.ABSENT) {
      requestSentNanos = nanos;
    }
  }

  /**
   * Records when the response headers arrived (the last call wins, so a retry replaces a failed attempt).
   *
   * @param nanos {@link System#nanoTime()}
   */
  public void responseHeaders(long nanos) {
    responseHeadersNanos = nanos;
  }

  /**
   * Records one event.
   *
   * @param kind what the event carried
   * @param nanos when it was received ({@link System#nanoTime()})
   * @throws IllegalStateException if the meter was already finished
   */
  public void event(EventKind kind, long nanos) {
    if (finished) {
      throw new IllegalStateException("meter is finished; events can no longer be recorded");
    }
    if (count == kinds.length) {
      int grown = count * 2;
      kinds = Arrays.copyOf(kinds, grown);
      times = Arrays.copyOf(times, grown);
    }
    kinds[count] = (byte) kind.ordinal();
    times[count] = nanos;
    count++;
  }

  /**
   * How many events were recorded so far.
   *
   * @return the count
   */
  public int eventCount() {
    return count;
  }

  /**
   * Whether a token-carrying event (content, tool call or reasoning) was recorded so far.
   *
   * @return true once the first token arrived
   */
  public boolean sawToken() {
    for (int i = 0; i < count; i++) {
      if (KINDS[kinds[i]].isToken()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Ends the request and returns its immutable timeline. The meter accepts no events afterwards.
   *
   * @param endNanos when the request completed or failed ({@link System#nanoTime()})
   * @return the timeline
   * @throws IllegalStateException if already finished
   */
  public StreamTimeline finish(long endNanos) {
    if (finished) {
      throw new IllegalStateException("meter is already finished");
    }
    finished = true;
    return new StreamTimeline(
        intendedStartNanos,
        startNanos,
        requestSentNanos,
        responseHeadersNanos,
        endNanos,
        kinds,
        times,
        count); // no copy: a finished meter never writes its arrays again
  }

  @Override
  public String toString() {
    return "StreamMeter{events=" + count + ", finished=" + finished + "}";
  }

  static EventKind kind(byte ordinal) {
    return KINDS[ordinal];
  }

  static void requireSameLength(byte[] kinds, long[] times) {
    Objects.requireNonNull(kinds, "kinds");
    Objects.requireNonNull(times, "times");
    if (kinds.length != times.length) {
      throw new IllegalArgumentException(
          "kinds and times must have the same length, but were " + kinds.length + " and " + times.length);
    }
  }
}
