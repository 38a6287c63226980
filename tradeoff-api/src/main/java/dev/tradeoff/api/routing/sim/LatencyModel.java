package dev.tradeoff.api.routing.sim;

import dev.tradeoff.metrics.stats.LatencyMetric;
import dev.tradeoff.metrics.stats.MetricsSummary;
import java.time.Duration;
import java.util.Objects;

/**
 * How a simulated candidate performs: its time to first token and its output rate, each a {@link
 * Distribution} (parametric or from measured histograms), plus an optional prefill rate that makes long
 * prompts wait longer for the first token.
 *
 * <p>An attempt with {@code n} input and {@code m} output tokens takes {@code ttft = ttftMillis.sample() +
 * n / prefillTokensPerSecond} to its first token and {@code (m − 1) / tokensPerSecond.sample()} more to its
 * last.
 *
 * <pre>{@code
 * LatencyModel mini = LatencyModel.lognormal(Duration.ofMillis(450), Duration.ofMillis(1_600), 85, 40);
 * LatencyModel measured = LatencyModel.of(
 *     Distribution.fromHistogram(ttftMicros, 0.001), Distribution.empirical(measuredTokensPerSecond));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class LatencyModel {

  private final Distribution ttftMillis;
  private final Distribution tokensPerSecond;
  private final double prefillTokensPerSecond;

  private LatencyModel(Distribution ttftMillis, Distribution tokensPerSecond, double prefill) {
    this.ttftMillis = ttftMillis;
    this.tokensPerSecond = tokensPerSecond;
    this.prefillTokensPerSecond = prefill;
  }

  /**
   * A model from two distributions.
   *
   * @param ttftMillis time to first token, milliseconds
   * @param tokensPerSecond output tokens per second (draws of 0 are treated as 0.001)
   * @return the model, without a prefill term
   */
  public static LatencyModel of(Distribution ttftMillis, Distribution tokensPerSecond) {
    return new LatencyModel(Objects.requireNonNull(ttftMillis, "ttftMillis"),
        Objects.requireNonNull(tokensPerSecond, "tokensPerSecond"), Double.POSITIVE_INFINITY);
  }

  /**
   * The model a {@code tradeoff-metrics} load run measured: time to first token from its {@link
   * LatencyMetric#TTFT} histogram and the output rate from its {@link LatencyMetric#TPOT} histogram
   * (tokens per second = 1 / time per output token, quantile by quantile).
   *
   * <pre>{@code
   * MetricsSummary measured = loadRun.summaries().get("openai/gpt-4o-mini");
   * LatencyModel model = LatencyModel.fromMeasurements(measured);
   * }</pre>
   *
   * @param summary a summary with non-empty TTFT and TPOT histograms
   * @return the model
   * @throws IllegalArgumentException if either histogram is empty
   */
  public static LatencyModel fromMeasurements(MetricsSummary summary) {
    Objects.requireNonNull(summary, "summary");
    if (summary.histogram(LatencyMetric.TTFT).count() == 0 || summary.histogram(LatencyMetric.TPOT).count() == 0) {
      throw new IllegalArgumentException("summary must have TTFT and TPOT measurements, but " + summary.label()
          + " has " + summary.histogram(LatencyMetric.TTFT).count() + " and "
          + summary.histogram(LatencyMetric.TPOT).count());
    }
    Distribution ttft = Distribution.fromHistogram(summary.histogram(LatencyMetric.TTFT), 1e-6);
    Distribution tpotNanos = Distribution.fromHistogram(summary.histogram(LatencyMetric.TPOT), 1);
    return of(ttft, tpotNanos.reciprocal(1e9));
  }

  /**
   * Log-normal time to first token and output rate.
   *
   * @param medianTtft median time to first token
   * @param p99Ttft 99th percentile of time to first token, {@code >= medianTtft}
   * @param medianTokensPerSecond median output rate, {@code > 0}
   * @param p1TokensPerSecond the slow tail: 1st percentile of the output rate, in (0, median]
   * @return the model
   * @throws IllegalArgumentException if a value is out of range
   */
  public static LatencyModel lognormal(Duration medianTtft, Duration p99Ttft, double medianTokensPerSecond,
      double p1TokensPerSecond) {
    if (!(p1TokensPerSecond > 0 && p1TokensPerSecond <= medianTokensPerSecond)) {
      throw new IllegalArgumentException("p1TokensPerSecond must be in (0, medianTokensPerSecond ("
          + medianTokensPerSecond + ")], but was " + p1TokensPerSecond);
    }
    // A log-normal is symmetric in log space: its 1st percentile is median² / p99, so p99 = median² / p1.
    Distribution tps = Distribution.lognormal(medianTokensPerSecond,
        medianTokensPerSecond * medianTokensPerSecond / p1TokensPerSecond);
    return of(Distribution.lognormal(medianTtft.toNanos() / 1e6, p99Ttft.toNanos() / 1e6), tps);
  }

  /**
   * This model with a prefill term: every input token adds {@code 1 / tokensPerSecond} seconds to the time
   * to first token.
   *
   * @param tokensPerSecond prompt tokens processed per second, {@code > 0}
   * @return the new model
   * @throws IllegalArgumentException if not positive
   */
  public LatencyModel withPrefill(double tokensPerSecond) {
    if (!(tokensPerSecond > 0)) {
      throw new IllegalArgumentException("tokensPerSecond must be > 0, but was " + tokensPerSecond);
    }
    return new LatencyModel(ttftMillis, this.tokensPerSecond, tokensPerSecond);
  }

  /**
   * The time-to-first-token distribution.
   *
   * @return milliseconds
   */
  public Distribution ttftMillis() {
    return ttftMillis;
  }

  /**
   * The output-rate distribution.
   *
   * @return tokens per second
   */
  public Distribution tokensPerSecond() {
    return tokensPerSecond;
  }

  /**
   * The prefill rate.
   *
   * @return prompt tokens per second; {@code +Infinity} when prompts add no time
   */
  public double prefillTokensPerSecond() {
    return prefillTokensPerSecond;
  }

  @Override
  public String toString() {
    return "LatencyModel[ttftMs=" + ttftMillis + ", tps=" + tokensPerSecond
        + (Double.isInfinite(prefillTokensPerSecond) ? "" : ", prefill=" + prefillTokensPerSecond) + "]";
  }
}
