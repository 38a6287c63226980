package dev.tradeoff.metrics.stats;

import dev.tradeoff.metrics.FailureKind;
import dev.tradeoff.metrics.RequestResult;
import dev.tradeoff.metrics.StreamTimeline;
import dev.tradeoff.metrics.TokenUsage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Accumulates {@link RequestResult}s into a {@link MetricsSummary}: one {@link LatencyRecorder} per {@link
 * LatencyMetric} (successful requests only), failure counts by kind, tokens, cost and goodput.
 *
 * <p>Thread-safe: {@link #add} and {@link #summary} synchronize on the aggregator (a request's results are
 * recorded in a few microseconds, far below the rate any LLM endpoint completes requests). Recording itself
 * does not allocate.
 *
 * <pre>{@code
 * MetricsAggregator agg = MetricsAggregator.create("gpt-4o-mini",
 *     List.of(Slo.of(LatencyMetric.TTFT, Duration.ofMillis(500))));
 * results.forEach(agg::add);
 * MetricsSummary summary = agg.summary();
 * }</pre>
 */
public final class MetricsAggregator {

  private static final LatencyMetric[] METRICS = LatencyMetric.values();

  private final String label;
  private final List<Slo> slos;
  private final long anchorNanos;
  private final Instant anchorWall;
  private final LatencyRecorder[] recorders = new LatencyRecorder[METRICS.length];
  private final long[] failures = new long[FailureKind.values().length];
  private long requests;
  private long succeeded;
  private long inputTokens;
  private long cachedInputTokens;
  private long cacheWriteTokens;
  private long outputTokens;
  private long reasoningTokens;
  private long succeededOutputTokens;
  private long succeededTotalTokens;
  private long estimated;
  private BigDecimal cost = BigDecimal.ZERO;
  private long priced;
  private long good;
  private long firstStart = Long.MAX_VALUE;
  private long lastEnd = Long.MIN_VALUE;

  private MetricsAggregator(String label, List<Slo> slos) {
    this.label = Objects.requireNonNull(label, "label");
    this.slos = List.copyOf(slos);
    // One wall-clock anchor turns monotonic times into the summary's window start.
    this.anchorNanos = System.nanoTime();
    this.anchorWall = Instant.now();
    for (int i = 0; i < recorders.length; i++) {
      recorders[i] = LatencyRecorder.create();
    }
  }

  /**
   * A new, empty aggregator.
   *
   * @param label what is measured (a candidate name)
   * @param slos the objectives for goodput; may be empty
   * @return the aggregator
   */
  public static MetricsAggregator create(String label, List<Slo> slos) {
    return new MetricsAggregator(label, slos);
  }

  /**
   * Counts one request.
   *
   * @param r the request's result
   */
  public synchronized void add(RequestResult r) {
    requests++;
    StreamTimeline t = r.timeline();
    firstStart = Math.min(firstStart, t.startNanos());
    lastEnd = Math.max(lastEnd, t.endNanos());
    if (r.usage().isPresent()) {
      TokenUsage u = r.usage().get();
      inputTokens += u.inputTokens();
      cachedInputTokens += u.cachedInputTokens();
      cacheWriteTokens += u.cacheWriteTokens();
      outputTokens += u.outputTokens();
      reasoningTokens += u.reasoningTokens();
      if (u.estimated()) {
        estimated++;
      }
      if (r.succeeded()) {
        succeededOutputTokens += u.outputTokens();
        succeededTotalTokens += u.totalTokens();
      }
    }
    if (r.costUsd().isPresent()) {
      cost = cost.add(r.costUsd().get());
      priced++;
    }
    if (r.failure().isPresent()) {
      failures[r.failure().get().kind().ordinal()]++;
      return;
    }
    succeeded++;
    boolean meetsAll = true;
    for (Slo slo : slos) {
      if (!slo.isMetBy(r)) {
        meetsAll = false;
        break;
      }
    }
    if (meetsAll) {
      good++;
    }
    for (LatencyMetric m : METRICS) {
      if (m == LatencyMetric.ITL) {
        LatencyRecorder itl = recorders[m.ordinal()];
        for (int i = 0; i < t.itlCount(); i++) {
          itl.recordNanos(t.itlNanos(i));
        }
      } else {
        OptionalLong v = m.valueNanos(r);
        if (v.isPresent()) {
          recorders[m.ordinal()].recordNanos(v.getAsLong());
        }
      }
    }
  }

  /**
   * How many requests were added.
   *
   * @return the count
   */
  public synchronized long requests() {
    return requests;
  }

  /**
   * The summary of everything added so far.
   *
   * @return an immutable summary
   */
  public synchronized MetricsSummary summary() {
    Map<FailureKind, Long> byKind = new EnumMap<>(FailureKind.class);
    for (FailureKind k : FailureKind.values()) {
      if (failures[k.ordinal()] > 0) {
        byKind.put(k, failures[k.ordinal()]);
      }
    }
    Map<LatencyMetric, LatencyHistogram> hist = new EnumMap<>(LatencyMetric.class);
    for (LatencyMetric m : METRICS) {
      if (recorders[m.ordinal()].count() > 0) {
        hist.put(m, recorders[m.ordinal()].snapshot());
      }
    }
    boolean empty = requests == 0;
    return MetricsSummary.builder()
        .label(label)
        .windowStart(empty ? anchorWall : anchorWall.plusNanos(firstStart - anchorNanos))
        .window(empty ? Duration.ZERO : Duration.ofNanos(Math.max(0, lastEnd - firstStart)))
        .requests(requests)
        .succeeded(succeeded)
        .failuresByKind(byKind)
        .inputTokens(inputTokens)
        .cachedInputTokens(cachedInputTokens)
        .cacheWriteTokens(cacheWriteTokens)
        .outputTokens(outputTokens)
        .reasoningTokens(reasoningTokens)
        .succeededOutputTokens(succeededOutputTokens)
        .succeededTotalTokens(succeededTotalTokens)
        .estimatedUsageRequests(estimated)
        .costUsd(cost)
        .pricedRequests(priced)
        .slos(slos)
        .goodRequests(good)
        .histograms(hist)
        .build();
  }

  @Override
  public synchronized String toString() {
    return "MetricsAggregator{label=" + label + ", requests=" + requests + "}";
  }
}
