package dev.tradeoff.api.routing.sim;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What one policy did with one scenario: how many requests arrived, were served and failed (and why), the
 * attempts, retries and failovers, the exact cost, the latency percentiles, the budget outcome, and
 * per-candidate timelines of attempts and answers.
 *
 * <p>The accounting identity {@code arrivals = served + failed} holds for every result (the simulator checks
 * it before returning one); {@code failed} is the sum of {@link #failures()}.
 *
 * <pre>{@code
 * SimulationResult r = TrafficSimulator.run(scenario, RoutingPolicy.fastest());
 * System.out.println(r);                              // one summary line
 * long[] mini = r.attemptsTimeline("openai-mini");    // attempts per timeline bucket
 * }</pre>
 *
 * <p>Immutable and thread-safe; array accessors return copies.
 *
 * @since 0.1.0
 */
public final class SimulationResult {

  private final String policy;
  private final long arrivals;
  private final long served;
  private final Map<FailureReason, Long> failures;
  private final long attempts;
  private final long retries;
  private final long failovers;
  private final BigDecimal costUsd;
  private final Map<String, BigDecimal> costByCandidate;
  private final Map<String, Long> servedByCandidate;
  private final Map<String, Long> attemptsByCandidate;
  private final LatencySummary endToEnd;
  private final LatencySummary timeToFirstToken;
  private final Optional<BigDecimal> budgetUsd;
  private final Optional<Duration> budgetExhaustedAt;
  private final Duration simulatedTime;
  private final Duration timelineBucket;
  private final List<String> ids;
  private final long[][] attemptsTimeline;
  private final long[][] servedTimeline;

  SimulationResult(String policy, long arrivals, long served, Map<FailureReason, Long> failures, long attempts,
      long retries, long failovers, BigDecimal costUsd, Map<String, BigDecimal> costByCandidate,
      Map<String, Long> servedByCandidate, Map<String, Long> attemptsByCandidate, LatencySummary endToEnd,
      LatencySummary timeToFirstToken, Optional<BigDecimal> budgetUsd, Optional<Duration> budgetExhaustedAt,
      Duration simulatedTime, Duration timelineBucket, List<String> ids, long[][] attemptsTimeline,
      long[][] servedTimeline) {
    this.policy = policy;
    this.arrivals = arrivals;
    this.served = served;
    EnumMap<FailureReason, Long> f = new EnumMap<>(FailureReason.class);
    f.putAll(failures);
    this.failures = Collections.unmodifiableMap(f);
    this.attempts = attempts;
    this.retries = retries;
    this.failovers = failovers;
    this.costUsd = costUsd;
    this.costByCandidate = Collections.unmodifiableMap(new LinkedHashMap<>(costByCandidate));
    this.servedByCandidate = Collections.unmodifiableMap(new LinkedHashMap<>(servedByCandidate));
    this.attemptsByCandidate = Collections.unmodifiableMap(new LinkedHashMap<>(attemptsByCandidate));
    this.endToEnd = endToEnd;
    this.timeToFirstToken = timeToFirstToken;
    this.budgetUsd = budgetUsd;
    this.budgetExhaustedAt = budgetExhaustedAt;
    this.simulatedTime = simulatedTime;
    this.timelineBucket = timelineBucket;
    this.ids = List.copyOf(ids);
    this.attemptsTimeline = attemptsTimeline;
    this.servedTimeline = servedTimeline;
    long failed = failed();
    if (arrivals != served + failed) {
      throw new IllegalStateException("arrivals must equal served + failed, but " + arrivals + " != " + served
          + " + " + failed);
    }
  }

  /**
   * The policy's name.
   *
   * @return the name
   */
  public String policy() {
    return policy;
  }

  /**
   * Requests that arrived.
   *
   * @return the count
   */
  public long arrivals() {
    return arrivals;
  }

  /**
   * Requests answered.
   *
   * @return the count
   */
  public long served() {
    return served;
  }

  /**
   * Requests that ended without an answer.
   *
   * @return the sum of {@link #failures()}
   */
  public long failed() {
    long sum = 0;
    for (long v : failures.values()) {
      sum += v;
    }
    return sum;
  }

  /**
   * Failed requests by reason.
   *
   * @return reason → count, only reasons that occurred
   */
  public Map<FailureReason, Long> failures() {
    return failures;
  }

  /**
   * Served over arrived.
   *
   * @return in [0, 1]; 1 when nothing arrived
   */
  public double successRate() {
    return arrivals == 0 ? 1.0 : (double) served / arrivals;
  }

  /**
   * Attempts sent, retries included.
   *
   * @return the count
   */
  public long attempts() {
    return attempts;
  }

  /**
   * Attempts after a request's first (each on a candidate the request had not tried).
   *
   * @return the count; {@code attempts = arrivals − failures(NO_CANDIDATE) + retries}
   */
  public long retries() {
    return retries;
  }

  /**
   * Requests served by another candidate than the one first chosen for them.
   *
   * @return the count
   */
  public long failovers() {
    return failovers;
  }

  /**
   * The exact cost of every served attempt, at each candidate's catalog rates.
   *
   * @return USD
   */
  public BigDecimal costUsd() {
    return costUsd;
  }

  /**
   * Cost by candidate id.
   *
   * @return id → USD, in router order
   */
  public Map<String, BigDecimal> costByCandidate() {
    return costByCandidate;
  }

  /**
   * Served requests by candidate id.
   *
   * @return id → count, in router order
   */
  public Map<String, Long> servedByCandidate() {
    return servedByCandidate;
  }

  /**
   * Attempts by candidate id.
   *
   * @return id → count, in router order
   */
  public Map<String, Long> attemptsByCandidate() {
    return attemptsByCandidate;
  }

  /**
   * End-to-end latency of served requests, from arrival (retries included) to the last token.
   *
   * @return the summary
   */
  public LatencySummary endToEnd() {
    return endToEnd;
  }

  /**
   * Time to first token of served requests, from arrival (retries included).
   *
   * @return the summary
   */
  public LatencySummary timeToFirstToken() {
    return timeToFirstToken;
  }

  /**
   * The scenario's budget.
   *
   * @return USD, empty if none was set
   */
  public Optional<BigDecimal> budgetUsd() {
    return budgetUsd;
  }

  /**
   * When the running cost first exceeded the budget.
   *
   * @return simulated time, empty if it never did (or no budget was set)
   */
  public Optional<Duration> budgetExhaustedAt() {
    return budgetExhaustedAt;
  }

  /**
   * Whether the exact cost stayed within the budget.
   *
   * @return true if no budget was set or {@code costUsd <= budget}
   */
  public boolean withinBudget() {
    return budgetUsd.isEmpty() || costUsd.compareTo(budgetUsd.get()) <= 0;
  }

  /**
   * Simulated time until the last request ended.
   *
   * @return the duration
   */
  public Duration simulatedTime() {
    return simulatedTime;
  }

  /**
   * The width of a timeline bucket.
   *
   * @return the width
   */
  public Duration timelineBucket() {
    return timelineBucket;
  }

  /**
   * Attempts sent to a candidate per timeline bucket ({@code [i × bucket, (i + 1) × bucket)}).
   *
   * @param candidateId the candidate
   * @return a copy of the counts
   * @throws IllegalArgumentException if the id is unknown
   */
  public long[] attemptsTimeline(String candidateId) {
    return attemptsTimeline[index(candidateId)].clone();
  }

  /**
   * Requests a candidate answered per timeline bucket (by the time the answer completed).
   *
   * @param candidateId the candidate
   * @return a copy of the counts
   * @throws IllegalArgumentException if the id is unknown
   */
  public long[] servedTimeline(String candidateId) {
    return servedTimeline[index(candidateId)].clone();
  }

  private int index(String id) {
    int i = ids.indexOf(id);
    if (i < 0) {
      throw new IllegalArgumentException("candidateId must be one of " + ids + ", but was \"" + id + "\"");
    }
    return i;
  }

  /**
   * Results side by side, one line each.
   *
   * @param results the results
   * @return a plain-text table
   */
  public static String table(List<SimulationResult> results) {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-44s %9s %9s %8s %8s %8s %14s %9s %9s %9s%n",
        "policy", "arrivals", "served", "success", "retries", "failover", "cost USD", "p50 ms", "p99 ms",
        "budget"));
    for (SimulationResult r : results) {
      sb.append(String.format(Locale.ROOT, "%-44s %9d %9d %7.3f%% %8d %8d %14s %9.1f %9.1f %9s%n",
          r.policy.length() > 44 ? r.policy.substring(0, 44) : r.policy, r.arrivals, r.served,
          100 * r.successRate(), r.retries, r.failovers, r.costUsd.setScale(6, java.math.RoundingMode.HALF_EVEN)
              .toPlainString(), r.endToEnd.p50Millis(), r.endToEnd.p99Millis(),
          r.budgetUsd.isEmpty() ? "-" : r.withinBudget() ? "within" : "OVER"));
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return table(List.of(this)) + "failures " + failures + ", served by " + servedByCandidate;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SimulationResult)) {
      return false;
    }
    SimulationResult r = (SimulationResult) o;
    return policy.equals(r.policy) && arrivals == r.arrivals && served == r.served && failures.equals(r.failures)
        && attempts == r.attempts && retries == r.retries && failovers == r.failovers
        && costUsd.equals(r.costUsd) && costByCandidate.equals(r.costByCandidate)
        && servedByCandidate.equals(r.servedByCandidate) && attemptsByCandidate.equals(r.attemptsByCandidate)
        && endToEnd.equals(r.endToEnd) && timeToFirstToken.equals(r.timeToFirstToken)
        && budgetExhaustedAt.equals(r.budgetExhaustedAt) && simulatedTime.equals(r.simulatedTime)
        && Arrays.deepEquals(attemptsTimeline, r.attemptsTimeline)
        && Arrays.deepEquals(servedTimeline, r.servedTimeline);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(policy, arrivals, served, attempts, costUsd, endToEnd);
  }
}
