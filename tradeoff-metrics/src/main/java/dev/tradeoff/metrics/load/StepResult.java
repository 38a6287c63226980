package dev.tradeoff.metrics.load;

import dev.tradeoff.metrics.report.RequestRecord;
import dev.tradeoff.metrics.stats.MetricsSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.immutables.value.Value;

/**
 * One candidate under one load profile: every request's record (warm-up included and flagged) and the summary
 * of the measured ones.
 *
 * <pre>{@code
 * step.summary().histogram(LatencyMetric.TTFT).percentileNanos(95);
 * step.records().stream().filter(r -> r.error().isPresent()).count();
 * }</pre>
 */
@Value.Immutable
public interface StepResult {

  /**
   * The candidate's name.
   *
   * @return the name
   */
  String candidate();

  /**
   * The load profile.
   *
   * @return the profile
   */
  LoadProfile profile();

  /**
   * When the step started (wall clock).
   *
   * @return the instant
   */
  Instant startedAt();

  /**
   * From the step's start until its last request finished.
   *
   * @return the duration
   */
  Duration elapsed();

  /**
   * Every request, in send order (warm-up first).
   *
   * @return the records
   */
  List<RequestRecord> records();

  /**
   * The measured requests (warm-up excluded).
   *
   * @return the summary
   */
  MetricsSummary summary();

  /**
   * A new builder.
   *
   * @return a builder
   */
  static ImmutableStepResult.Builder builder() {
    return ImmutableStepResult.builder();
  }
}
