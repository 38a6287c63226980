package dev.tradeoff.metrics.stats;

import dev.tradeoff.metrics.FailureKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * What a set of requests against one candidate looked like: counts, error rate by kind, tokens, cost,
 * throughput, goodput against SLOs, and a {@link LatencyHistogram} per {@link LatencyMetric} (successful
 * requests only; for the per-request milestones — {@link LatencyMetric#hasAdjustedPercentiles()} — failures
 * enter the "adjusted" percentiles as +∞ via {@link #adjustedPercentileNanos}).
 *
 * <p>Throughputs divide by the measurement window: from the first request's send to the last one's end.
 * Summaries {@link #merge(MetricsSummary) merge} exactly (histograms, counts, tokens, cost) with the union of
 * their windows — meaningful for runs that overlapped in time (several load machines), not for runs made one
 * after another. Written and read as JSON by {@code dev.tradeoff.metrics.report.ResultsJson}.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * MetricsSummary s = aggregator.summary();
 * s.errorRate();
 * s.histogram(LatencyMetric.TTFT).percentileNanos(99);
 * s.adjustedPercentileNanos(LatencyMetric.E2E, 99);     // +Infinity when >1% failed
 * s.goodputShare();                                       // requests meeting all SLOs / all requests
 * }</pre>
 */
@Value.Immutable
public interface MetricsSummary {

  /**
   * What was measured (a candidate name).
   *
   * @return the label
   */
  String label();

  /**
   * Wall-clock time of the first request's send.
   *
   * @return the instant
   */
  Instant windowStart();

  /**
   * From the first request's send to the last request's end.
   *
   * @return the duration, zero when empty
   */
  Duration window();

  /**
   * All requests counted (warm-up excluded).
   *
   * @return the count
   */
  long requests();

  /**
   * Requests that completed without failure.
   *
   * @return the count
   */
  long succeeded();

  /**
   * Failed requests by kind (kinds without failures are absent).
   *
   * @return the counts
   */
  Map<FailureKind, Long> failuresByKind();

  /**
   * Input tokens of all requests with usage (see {@link dev.tradeoff.metrics.TokenUsage}).
   *
   * @return the sum
   */
  long inputTokens();

  /**
   * Cached input tokens.
   *
   * @return the sum
   */
  long cachedInputTokens();

  /**
   * Cache-write tokens.
   *
   * @return the sum
   */
  long cacheWriteTokens();

  /**
   * Output tokens of all requests with usage (reasoning included).
   *
   * @return the sum
   */
  long outputTokens();

  /**
   * Reasoning tokens.
   *
   * @return the sum
   */
  long reasoningTokens();

  /**
   * Output tokens of successful requests (what users received), for throughput.
   *
   * @return the sum
   */
  long succeededOutputTokens();

  /**
   * Input plus output tokens of successful requests, for throughput.
   *
   * @return the sum
   */
  long succeededTotalTokens();

  /**
   * Requests whose usage is a tokenizer estimate.
   *
   * @return the count
   */
  long estimatedUsageRequests();

  /**
   * The exact total cost of the requests that could be priced.
   *
   * @return US dollars
   */
  BigDecimal costUsd();

  /**
   * How many requests were priced (the rest had no usage or an unknown model).
   *
   * @return the count
   */
  long pricedRequests();

  /**
   * The objectives goodput is measured against (none: every successful request is good).
   *
   * @return the objectives
   */
  List<Slo> slos();

  /**
   * Requests that succeeded and met every objective.
   *
   * @return the count
   */
  long goodRequests();

  /**
   * Latency distributions of successful requests, per metric (metrics never observed are absent).
   *
   * @return the histograms
   */
  Map<LatencyMetric, LatencyHistogram> histograms();

  /**
   * A new builder.
   *
   * @return a builder
   */
  static ImmutableMetricsSummary.Builder builder() {
    return ImmutableMetricsSummary.builder();
  }

  /**
   * Failed requests.
   *
   * @return requests − succeeded
   */
  @Value.Derived
  default long failed() {
    return requests() - succeeded();
  }

  /**
   * Failed / all requests.
   *
   * @return in [0, 1]; 0 when there were no requests
   */
  @Value.Derived
  default double errorRate() {
    return requests() == 0 ? 0 : (double) failed() / requests();
  }

  /**
   * Failed requests of one kind / all requests.
   *
   * @param kind the kind
   * @return in [0, 1]
   */
  default double errorRate(FailureKind kind) {
    return requests() == 0 ? 0 : (double) failuresByKind().getOrDefault(kind, 0L) / requests();
  }

  /**
   * Completed requests (successful or not) per second of window.
   *
   * @return requests per second, 0 for an empty window
   */
  @Value.Derived
  default double requestsPerSecond() {
    return perSecond(requests());
  }

  /**
   * Output tokens of successful requests per second of window.
   *
   * @return tokens per second
   */
  @Value.Derived
  default double outputTokensPerSecond() {
    return perSecond(succeededOutputTokens());
  }

  /**
   * Input and output tokens of successful requests per second of window.
   *
   * @return tokens per second
   */
  @Value.Derived
  default double totalTokensPerSecond() {
    return perSecond(succeededTotalTokens());
  }

  /**
   * Good requests / all requests.
   *
   * @return in [0, 1]
   */
  @Value.Derived
  default double goodputShare() {
    return requests() == 0 ? 0 : (double) goodRequests() / requests();
  }

  /**
   * Good requests per second of window.
   *
   * @return requests per second
   */
  @Value.Derived
  default double goodputPerSecond() {
    return perSecond(goodRequests());
  }

  private double perSecond(long count) {
    long nanos = window().toNanos();
    return nanos <= 0 ? 0 : count * 1e9 / nanos;
  }

  /**
   * The histogram of one metric.
   *
   * @param metric the metric
   * @return the histogram, {@link LatencyHistogram#empty()} if never observed
   */
  default LatencyHistogram histogram(LatencyMetric metric) {
    return histograms().getOrDefault(metric, LatencyHistogram.empty());
  }

  /**
   * An "adjusted" percentile: the p-th percentile (nearest rank) of this metric's values together with every
   * failed request counted as +∞, so that failures cannot make the distribution look better. It exists only
   * for the per-request milestones listed in {@link LatencyMetric#hasAdjustedPercentiles()} (response headers,
   * TTFT, TTFT of any token, E2E, and TTFT and E2E from the intended start): their population is the successful
   * requests that reached the milestone plus the failures, which never reached it. For the other metrics
   * (ITL, TPOT, reasoning, scheduler lag, client queue) failures are not comparable values of that metric, and
   * there is no adjusted percentile — use {@link #histogram(LatencyMetric)} and {@link #errorRate()}.
   *
   * <p>Example: 97 successes, 1 failure and p99 — the rank is 99 of 98 values, so the result is +∞; with p98 it
   * is the slowest success.
   *
   * @param metric a metric with {@link LatencyMetric#hasAdjustedPercentiles()}
   * @param percentile in [0, 100]
   * @return nanoseconds; {@code +Infinity} when the rank falls among the failures, {@code NaN} only when there
   *     is neither a value nor a failure
   * @throws IllegalArgumentException if the metric has no adjusted percentiles, or the percentile is outside
   *     [0, 100]
   */
  default double adjustedPercentileNanos(LatencyMetric metric, double percentile) {
    if (!metric.hasAdjustedPercentiles()) {
      throw new IllegalArgumentException(
          metric.wireName()
              + " has no adjusted percentiles: its values are not one per request that a failure prevents"
              + " (see LatencyMetric.hasAdjustedPercentiles())");
    }
    return histogram(metric).percentileNanosCountingFailures(percentile, failed());
  }

  /**
   * The summary of both this and the other's requests.
   *
   * @param other another summary with the same objectives (in any order)
   * @return the merged summary, labelled with this label
   * @throws IllegalArgumentException if the objectives differ (their good-request counts would not add up)
   */
  default MetricsSummary merge(MetricsSummary other) {
    Comparator<Slo> order = Comparator.comparing(Slo::metric).thenComparing(Slo::threshold);
    List<Slo> mine = new ArrayList<>(slos());
    List<Slo> theirs = new ArrayList<>(other.slos());
    mine.sort(order);
    theirs.sort(order);
    if (!mine.equals(theirs)) {
      throw new IllegalArgumentException("cannot merge summaries with different SLOs: " + slos() + " vs " + other.slos());
    }
    Map<FailureKind, Long> failures = new EnumMap<>(FailureKind.class);
    failures.putAll(failuresByKind());
    other.failuresByKind().forEach((k, v) -> failures.merge(k, v, Long::sum));
    Map<LatencyMetric, LatencyHistogram> hist = new EnumMap<>(LatencyMetric.class);
    hist.putAll(histograms());
    other.histograms().forEach((k, v) -> hist.merge(k, v, LatencyHistogram::merge));
    Instant start;
    Duration window;
    if (requests() == 0) {
      start = other.windowStart();
      window = other.window();
    } else if (other.requests() == 0) {
      start = windowStart();
      window = window();
    } else {
      start = windowStart().isBefore(other.windowStart()) ? windowStart() : other.windowStart();
      Instant end1 = windowStart().plus(window());
      Instant end2 = other.windowStart().plus(other.window());
      window = Duration.between(start, end1.isAfter(end2) ? end1 : end2);
    }
    return builder()
        .label(label())
        .windowStart(start)
        .window(window)
        .requests(requests() + other.requests())
        .succeeded(succeeded() + other.succeeded())
        .failuresByKind(failures)
        .inputTokens(inputTokens() + other.inputTokens())
        .cachedInputTokens(cachedInputTokens() + other.cachedInputTokens())
        .cacheWriteTokens(cacheWriteTokens() + other.cacheWriteTokens())
        .outputTokens(outputTokens() + other.outputTokens())
        .reasoningTokens(reasoningTokens() + other.reasoningTokens())
        .succeededOutputTokens(succeededOutputTokens() + other.succeededOutputTokens())
        .succeededTotalTokens(succeededTotalTokens() + other.succeededTotalTokens())
        .estimatedUsageRequests(estimatedUsageRequests() + other.estimatedUsageRequests())
        .costUsd(costUsd().add(other.costUsd()))
        .pricedRequests(pricedRequests() + other.pricedRequests())
        .slos(slos())
        .goodRequests(goodRequests() + other.goodRequests())
        .histograms(hist)
        .build();
  }

  /** Checks that the counts are consistent. */
  @Value.Check
  default void check() {
    if (requests() < 0 || succeeded() < 0 || succeeded() > requests()) {
      throw new IllegalStateException(
          "succeeded must be in [0, requests], but was " + succeeded() + " of " + requests());
    }
    long failures = failuresByKind().values().stream().mapToLong(Long::longValue).sum();
    if (failures != failed()) {
      throw new IllegalStateException(
          "failuresByKind must add up to requests − succeeded = " + failed() + ", but added up to " + failures);
    }
    if (goodRequests() < 0 || goodRequests() > succeeded()) {
      throw new IllegalStateException("goodRequests must be in [0, succeeded], but was " + goodRequests());
    }
    if (window().isNegative()) {
      throw new IllegalStateException("window must not be negative, but was " + window());
    }
    if (costUsd().signum() < 0) {
      throw new IllegalStateException("costUsd must be >= 0, but was " + costUsd());
    }
  }
}
