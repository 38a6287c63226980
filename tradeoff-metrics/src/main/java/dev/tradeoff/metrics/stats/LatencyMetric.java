package dev.tradeoff.metrics.stats;

import dev.tradeoff.metrics.RequestResult;
import dev.tradeoff.metrics.StreamTimeline;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The latency metrics aggregated per candidate, each with a stable result-file name (unit in the name). Their
 * definitions are in {@link StreamTimeline} and {@link RequestResult}.
 *
 * <pre>{@code
 * summary.histogram(LatencyMetric.TTFT).percentileNanos(95);
 * LatencyMetric.TTFT.wireName();   // "ttft_ms"
 * }</pre>
 */
public enum LatencyMetric {
  /** Time to first content token ({@link StreamTimeline#ttftContentNanos()}). */
  TTFT("ttft_ms"),
  /** Time to first token of any kind, reasoning included ({@link StreamTimeline#ttftAnyNanos()}). */
  TTFT_ANY("ttft_any_ms"),
  /** Time per output token ({@link RequestResult#tpotNanos()}). */
  TPOT("tpot_ms"),
  /** Every inter-token-event gap of every request ({@link StreamTimeline#itlNanos(int)}); an SLO on it
   * applies to each request's largest gap. */
  ITL("itl_ms"),
  /** End-to-end latency ({@link StreamTimeline#e2eNanos()}). */
  E2E("e2e_ms"),
  /** How long reasoning delayed the answer ({@link StreamTimeline#reasoningNanos()}). */
  REASONING("reasoning_ms"),
  /** Time to response headers ({@link StreamTimeline#responseHeadersNanos()}). */
  RESPONSE_HEADERS("response_headers_ms"),
  /** TTFT from the intended send time ({@link StreamTimeline#ttftContentFromIntendedNanos()}). */
  TTFT_FROM_INTENDED("ttft_from_intended_ms"),
  /** E2E from the intended send time ({@link StreamTimeline#e2eFromIntendedNanos()}). */
  E2E_FROM_INTENDED("e2e_from_intended_ms"),
  /** Actual − intended send time ({@link StreamTimeline#schedulerLagNanos()}). */
  SCHEDULER_LAG("scheduler_lag_ms"),
  /** Hand-off to the client until the request is on the wire ({@link StreamTimeline#clientQueueNanos()}). */
  CLIENT_QUEUE("client_queue_ms");

  private final String wireName;

  LatencyMetric(String wireName) {
    this.wireName = wireName;
  }

  /**
   * The stable name in result files.
   *
   * @return e.g. {@code "ttft_ms"}
   */
  public String wireName() {
    return wireName;
  }

  /**
   * The metric whose wire name is given.
   *
   * @param wireName e.g. {@code "ttft_ms"}
   * @return the metric
   * @throws IllegalArgumentException if no metric has that name
   */
  public static LatencyMetric ofWireName(String wireName) {
    for (LatencyMetric m : values()) {
      if (m.wireName.equals(wireName)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown latency metric '" + wireName + "'");
  }

  /**
   * Whether this metric has "adjusted" percentiles ({@link MetricsSummary#adjustedPercentileNanos}), in which
   * every failed request counts as +∞. That is sound only for a <b>per-request milestone</b>: a latency from the
   * request's start to a point that a successful request reaches and a failure prevents, so that the successes
   * that reached it plus the failures are one population of requests. These are {@link #RESPONSE_HEADERS},
   * {@link #TTFT}, {@link #TTFT_ANY}, {@link #E2E}, {@link #TTFT_FROM_INTENDED} and {@link #E2E_FROM_INTENDED}.
   *
   * <p>The others have none: {@link #ITL} has one value per gap, not per request; {@link #TPOT} is defined only
   * for answers of two or more tokens and {@link #REASONING} only for requests that reasoned, so adding every
   * failure to them would read a small error rate as a large share of that subset; {@link #SCHEDULER_LAG} and
   * {@link #CLIENT_QUEUE} happen in the client before the server is involved, and a failure does not make them
   * infinite.
   *
   * @return true for the per-request milestones listed above
   */
  public boolean hasAdjustedPercentiles() {
    switch (this) {
      case RESPONSE_HEADERS:
      case TTFT:
      case TTFT_ANY:
      case E2E:
      case TTFT_FROM_INTENDED:
      case E2E_FROM_INTENDED:
        return true;
      default:
        return false;
    }
  }

  /**
   * This metric's value for one request, in nanoseconds. For {@link #ITL} it is the request's largest gap; for
   * {@link #TPOT}, a fraction of a nanosecond, it is rounded to the nearest nanosecond (for histograms, whose
   * resolution is far coarser; {@link Slo#isMetBy} compares TPOT exactly).
   *
   * @param r the request
   * @return the value, empty when undefined for this request
   */
  public OptionalLong valueNanos(RequestResult r) {
    StreamTimeline t = r.timeline();
    switch (this) {
      case TTFT:
        return t.ttftContentNanos();
      case TTFT_ANY:
        return t.ttftAnyNanos();
      case TPOT:
        OptionalDouble tpot = r.tpotNanos();
        return tpot.isPresent() ? OptionalLong.of(Math.round(tpot.getAsDouble())) : OptionalLong.empty();
      case ITL:
        if (t.itlCount() == 0) {
          return OptionalLong.empty();
        }
        long max = Long.MIN_VALUE;
        for (int i = 0; i < t.itlCount(); i++) {
          max = Math.max(max, t.itlNanos(i));
        }
        return OptionalLong.of(max);
      case E2E:
        return OptionalLong.of(t.e2eNanos());
      case REASONING:
        return t.reasoningNanos();
      case RESPONSE_HEADERS:
        return t.responseHeadersNanos();
      case TTFT_FROM_INTENDED:
        return t.ttftContentFromIntendedNanos();
      case E2E_FROM_INTENDED:
        return OptionalLong.of(t.e2eFromIntendedNanos());
      case SCHEDULER_LAG:
        return OptionalLong.of(t.schedulerLagNanos());
      case CLIENT_QUEUE:
        return t.clientQueueNanos();
      default:
        throw new AssertionError(this);
    }
  }
}
