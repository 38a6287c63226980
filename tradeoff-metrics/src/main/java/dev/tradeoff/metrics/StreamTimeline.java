package dev.tradeoff.metrics;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * The immutable timeline of one streamed request and the latencies derived from it, each under an explicit
 * name — peers (vLLM, llmperf, AIPerf, guidellm) define "TTFT" and "ITL" differently, so every definition is
 * written down here.
 *
 * <p>Times are in nanoseconds. <b>Start</b> is the actual send time (the meter's {@code startNanos}); the
 * intended send time is the schedule's, and differs from start only under open-loop load. A <b>token event</b>
 * is an event of kind {@link EventKind#CONTENT}, {@link EventKind#TOOL_CALL} or {@link EventKind#REASONING};
 * an <b>output event</b> is content or a tool call. Role-only chunks, usage, pings and other events never
 * count as tokens.
 *
 * <table>
 *   <caption>Definitions</caption>
 *   <tr><th>metric</th><th>definition</th></tr>
 *   <tr><td>{@link #ttftContentNanos()}</td><td>first output event − start ("TTFT": the user sees the answer
 *       begin; tool-call arguments count as the answer)</td></tr>
 *   <tr><td>{@link #ttftAnyNanos()}</td><td>first token event − start (reasoning counts)</td></tr>
 *   <tr><td>{@link #reasoningNanos()}</td><td>ttftContent − ttftAny, when a reasoning event came before the first
 *       output: how long reasoning delayed the answer</td></tr>
 *   <tr><td>{@link #firstOutputAfterReasoningNanos()}</td><td>first output event − the last reasoning event
 *       before it: the switch from thinking to answering</td></tr>
 *   <tr><td>{@link #e2eNanos()}</td><td>end − start (end = the wire format's terminal event, or the moment
 *       the failure was detected)</td></tr>
 *   <tr><td>{@link #itlNanos(int)}</td><td>gaps between consecutive token events ("ITL"; inter-<em>chunk</em>
 *       latency: one chunk may carry several tokens)</td></tr>
 *   <tr><td>{@link #generationWindowNanos()}</td><td>last token event − first token event</td></tr>
 *   <tr><td>{@link #schedulerLagNanos()}</td><td>start − intended start</td></tr>
 *   <tr><td>{@link #clientQueueNanos()}</td><td>request headers on the wire − start (dispatcher queue and
 *       connection setup inside the client)</td></tr>
 *   <tr><td>{@link #ttftContentFromIntendedNanos()}, {@link #e2eFromIntendedNanos()}</td><td>the same, measured
 *       from the intended start (no coordinated omission)</td></tr>
 * </table>
 *
 * <p>Token-based rates (TPOT, tokens/s) need the token count and live in {@link RequestResult}.
 *
 * <p>Immutable and thread-safe; accessors that return arrays return copies.
 *
 * <pre>{@code
 * StreamTimeline t = result.timeline();
 * double ttftMs = t.ttftContentNanos().orElse(-1) / 1e6;
 * for (int i = 0; i < t.itlCount(); i++) {
 *   recorder.recordNanos(t.itlNanos(i));
 * }
 * }</pre>
 */
public final class StreamTimeline {

  /** Marker for a time that was not observed. */
  static final long ABSENT = Long.MIN_VALUE;

  private final long intendedStartNanos;
  private final long startNanos;
  private final long requestSentNanos;
  private final long responseHeadersNanos;
  private final long endNanos;
  private final byte[] kinds;
  private final long[] times;
  /** Events recorded: the arrays may be longer (the meter hands over its own arrays instead of copying them). */
  private final int count;
  // Derived once: indices into the event arrays, -1 when absent.
  private final int firstToken;
  private final int firstOutput;
  private final int lastReasoningBeforeOutput;
  private final int lastToken;
  private final int tokenEvents;
  /** Indices of the token events, so ITL gaps are O(1) each. */
  private final int[] tokenIndex;

  /** Takes ownership of the first {@code count} entries of {@code kinds} and {@code times} (no copy). */
  StreamTimeline(
      long intendedStartNanos,
      long startNanos,
      long requestSentNanos,
      long responseHeadersNanos,
      long endNanos,
      byte[] kinds,
      long[] times,
      int count) {
    StreamMeter.requireSameLength(kinds, times);
    Objects.checkFromIndexSize(0, count, kinds.length);
    this.count = count;
    this.intendedStartNanos = intendedStartNanos;
    this.startNanos = startNanos;
    this.requestSentNanos = requestSentNanos;
    this.responseHeadersNanos = responseHeadersNanos;
    this.endNanos = endNanos;
    this.kinds = kinds;
    this.times = times;
    int ft = -1;
    int fo = -1;
    int lrb = -1;
    int lt = -1;
    int tokens = 0;
    for (int i = 0; i < count; i++) {
      EventKind k = StreamMeter.kind(kinds[i]);
      if (k.isToken()) {
        tokens++;
        lt = i;
        if (ft < 0) {
          ft = i;
        }
        if (k == EventKind.REASONING && fo < 0) {
          lrb = i;
        }
        if (k.isOutput() && fo < 0) {
          fo = i;
        }
      }
    }
    int[] index = new int[tokens];
    int j = 0;
    for (int i = 0; i < count; i++) {
      if (StreamMeter.kind(kinds[i]).isToken()) {
        index[j++] = i;
      }
    }
    this.firstToken = ft;
    this.firstOutput = fo;
    this.lastReasoningBeforeOutput = fo >= 0 ? lrb : -1;
    this.lastToken = lt;
    this.tokenEvents = tokens;
    this.tokenIndex = index;
  }

  /**
   * When the schedule intended the request to be sent.
   *
   * @return {@link System#nanoTime()} value
   */
  public long intendedStartNanos() {
    return intendedStartNanos;
  }

  /**
   * When the request was actually handed to the client.
   *
   * @return {@link System#nanoTime()} value
   */
  public long startNanos() {
    return startNanos;
  }

  /**
   * When the request completed or failed.
   *
   * @return {@link System#nanoTime()} value
   */
  public long endNanos() {
    return endNanos;
  }

  /**
   * The number of events recorded.
   *
   * @return the count
   */
  public int eventCount() {
    return count;
  }

  /**
   * The kind of event {@code i}.
   *
   * @param i the index, {@code 0 <= i < eventCount()}
   * @return the kind
   * @throws IndexOutOfBoundsException if {@code i} is out of range
   */
  public EventKind eventKind(int i) {
    return StreamMeter.kind(kinds[Objects.checkIndex(i, count)]);
  }

  /**
   * When event {@code i} was received, relative to start.
   *
   * @param i the index, {@code 0 <= i < eventCount()}
   * @return nanoseconds after start
   * @throws IndexOutOfBoundsException if {@code i} is out of range
   */
  public long eventOffsetNanos(int i) {
    return times[Objects.checkIndex(i, count)] - startNanos;
  }

  /**
   * How many events of one kind were recorded.
   *
   * @param kind the kind
   * @return the count
   */
  public int count(EventKind kind) {
    int n = 0;
    byte k = (byte) kind.ordinal();
    for (int i = 0; i < count; i++) {
      if (kinds[i] == k) {
        n++;
      }
    }
    return n;
  }

  /**
   * The number of token events (content, tool call, reasoning).
   *
   * @return the count
   */
  public int tokenEventCount() {
    return tokenEvents;
  }

  /**
   * Time to first content token: first output event (content or tool call) − start.
   *
   * @return nanoseconds, empty if no output event arrived
   */
  public OptionalLong ttftContentNanos() {
    return firstOutput < 0 ? OptionalLong.empty() : OptionalLong.of(times[firstOutput] - startNanos);
  }

  /**
   * Time to first token of any kind, reasoning included: first token event − start.
   *
   * @return nanoseconds, empty if no token event arrived
   */
  public OptionalLong ttftAnyNanos() {
    return firstToken < 0 ? OptionalLong.empty() : OptionalLong.of(times[firstToken] - startNanos);
  }

  /**
   * How long reasoning delayed the answer: ttftContent − ttftAny, present only when a reasoning event came
   * before the first output event.
   *
   * @return nanoseconds
   */
  public OptionalLong reasoningNanos() {
    if (firstOutput < 0 || lastReasoningBeforeOutput < 0) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(times[firstOutput] - times[firstToken]);
  }

  /**
   * Time to first output after reasoning: first output event − the last reasoning event before it.
   *
   * @return nanoseconds, present only when reasoning preceded the first output
   */
  public OptionalLong firstOutputAfterReasoningNanos() {
    if (firstOutput < 0 || lastReasoningBeforeOutput < 0) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(times[firstOutput] - times[lastReasoningBeforeOutput]);
  }

  /**
   * End-to-end latency: end − start.
   *
   * @return nanoseconds
   */
  public long e2eNanos() {
    return endNanos - startNanos;
  }

  /**
   * Time to first content token measured from the intended send time.
   *
   * @return nanoseconds, empty if no output event arrived
   */
  public OptionalLong ttftContentFromIntendedNanos() {
    return firstOutput < 0 ? OptionalLong.empty() : OptionalLong.of(times[firstOutput] - intendedStartNanos);
  }

  /**
   * End-to-end latency measured from the intended send time.
   *
   * @return nanoseconds
   */
  public long e2eFromIntendedNanos() {
    return endNanos - intendedStartNanos;
  }

  /**
   * Scheduler lag: actual − intended send time (0 for closed-loop and single requests).
   *
   * @return nanoseconds; negative only if a request was sent early
   */
  public long schedulerLagNanos() {
    return startNanos - intendedStartNanos;
  }

  /**
   * Client queue time: from the hand-off to the client until the request headers went out (dispatcher
   * queueing, thread hand-off, connection setup).
   *
   * @return nanoseconds, empty if the request never reached the wire or the transport did not report it
   */
  public OptionalLong clientQueueNanos() {
    return requestSentNanos == ABSENT ? OptionalLong.empty() : OptionalLong.of(requestSentNanos - startNanos);
  }

  /**
   * Time to response headers: response headers − start.
   *
   * @return nanoseconds, empty if no response arrived
   */
  public OptionalLong responseHeadersNanos() {
    return responseHeadersNanos == ABSENT
        ? OptionalLong.empty()
        : OptionalLong.of(responseHeadersNanos - startNanos);
  }

  /**
   * The generation window: last token event − first token event.
   *
   * @return nanoseconds, empty with fewer than two token events
   */
  public OptionalLong generationWindowNanos() {
    return tokenEvents < 2 ? OptionalLong.empty() : OptionalLong.of(times[lastToken] - times[firstToken]);
  }

  /**
   * The number of inter-token-event gaps: {@code max(0, tokenEventCount() - 1)}.
   *
   * @return the count
   */
  public int itlCount() {
    return Math.max(0, tokenEvents - 1);
  }

  /**
   * Gap {@code i} between consecutive token events (ITL, per chunk).
   *
   * @param i the gap index, {@code 0 <= i < itlCount()}
   * @return nanoseconds between token event {@code i} and {@code i + 1}
   * @throws IndexOutOfBoundsException if {@code i} is out of range
   */
  public long itlNanos(int i) {
    if (i < 0 || i >= itlCount()) {
      throw new IndexOutOfBoundsException("gap index " + i + " out of range [0, " + itlCount() + ")");
    }
    return times[tokenIndex[i + 1]] - times[tokenIndex[i]];
  }

  /**
   * All inter-token-event gaps.
   *
   * @return a fresh array of {@link #itlCount()} nanosecond gaps
   */
  public long[] itlNanos() {
    long[] gaps = new long[itlCount()];
    for (int i = 0; i < gaps.length; i++) {
      gaps[i] = times[tokenIndex[i + 1]] - times[tokenIndex[i]];
    }
    return gaps;
  }

  @Override
  public String toString() {
    return "StreamTimeline{events="
        + count
        + ", tokenEvents="
        + tokenEvents
        + ", ttftContentNanos="
        + ttftContentNanos()
        + ", e2eNanos="
        + e2eNanos()
        + "}";
  }
}
