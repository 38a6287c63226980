package dev.tradeoff.api.routing.sim;

import dev.tradeoff.api.routing.Candidate;
import dev.tradeoff.metrics.stats.MetricsSummary;
import java.util.Objects;

/**
 * A routing {@link Candidate} with the behaviour the simulator gives it: a latency model, rate limits and a
 * background failure probability (HTTP 5xx, outside any incident).
 *
 * <pre>{@code
 * SimulatedCandidate mini = SimulatedCandidate.of(candidate, LatencyModel.lognormal(
 *         Duration.ofMillis(450), Duration.ofMillis(1_600), 85, 40))
 *     .withRateLimit(RateLimit.builder().requestsPerMinute(3_000).build())
 *     .withErrorRate(0.002);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param candidate the routing candidate (id, prices, filters)
 * @param latency how fast it answers
 * @param rateLimit its limits
 * @param errorRate probability that an attempt fails with HTTP 5xx, in [0, 1]
 * @since 0.1.0
 */
public record SimulatedCandidate(Candidate candidate, LatencyModel latency, RateLimit rateLimit,
    double errorRate) {

  /**
   * Checks the components.
   *
   * @param candidate see the record component
   * @param latency see the record component
   * @param rateLimit see the record component
   * @param errorRate see the record component
   * @throws IllegalArgumentException if the error rate is outside [0, 1]
   */
  public SimulatedCandidate {
    Objects.requireNonNull(candidate, "candidate");
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(rateLimit, "rateLimit");
    if (!(errorRate >= 0 && errorRate <= 1)) {
      throw new IllegalArgumentException("errorRate must be in [0, 1], but was " + errorRate);
    }
  }

  /**
   * A candidate without limits or background errors.
   *
   * @param candidate the routing candidate
   * @param latency its latency model
   * @return the simulated candidate
   */
  public static SimulatedCandidate of(Candidate candidate, LatencyModel latency) {
    return new SimulatedCandidate(candidate, latency, RateLimit.none(), 0);
  }

  /**
   * A candidate that behaves as a {@code tradeoff-metrics} load run measured it: its latency model from the
   * run's TTFT and TPOT histograms ({@link LatencyModel#fromMeasurements}) and its background error rate from
   * the run's error rate.
   *
   * @param candidate the routing candidate
   * @param summary the measured summary
   * @return the simulated candidate
   * @throws IllegalArgumentException if the summary lacks TTFT or TPOT measurements
   */
  public static SimulatedCandidate fromMeasurements(Candidate candidate, MetricsSummary summary) {
    return new SimulatedCandidate(candidate, LatencyModel.fromMeasurements(summary), RateLimit.none(),
        Math.min(1, Math.max(0, summary.errorRate())));
  }

  /**
   * A copy with rate limits.
   *
   * @param limit the limits
   * @return the copy
   */
  public SimulatedCandidate withRateLimit(RateLimit limit) {
    return new SimulatedCandidate(candidate, latency, limit, errorRate);
  }

  /**
   * A copy with a background failure probability.
   *
   * @param probability in [0, 1]
   * @return the copy
   */
  public SimulatedCandidate withErrorRate(double probability) {
    return new SimulatedCandidate(candidate, latency, rateLimit, probability);
  }

  /**
   * The candidate's id.
   *
   * @return the id
   */
  public String id() {
    return candidate.id();
  }
}
