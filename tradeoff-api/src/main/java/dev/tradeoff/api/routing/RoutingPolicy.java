package dev.tradeoff.api.routing;

import java.time.Duration;

/**
 * Chooses one candidate for one request among those that passed the router's hard filters and health
 * checks — the single extension point of routing. Ready-made policies are the static factories.
 *
 * <p>Contract: {@link #choose} returns the index of a candidate whose bit is set in {@link
 * SelectionContext#eligibleMask()} (the mask is never empty when the router calls it), must not allocate
 * (the router's {@code select} promises 0 bytes per call), must not block and must be thread-safe; it
 * should call {@link SelectionContext#score} for every candidate it scored, so decisions can be
 * explained. Randomness and sequence numbers come from the context, so a policy object can be shared by
 * routers and is deterministic under a seeded router.
 *
 * <pre>{@code
 * Router router = Router.builder()
 *     .candidates(candidates)
 *     .policy(RoutingPolicy.cheapestMeetingSlo(Duration.ofMillis(800)))
 *     .build();
 * }</pre>
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface RoutingPolicy {

  /**
   * Chooses a candidate.
   *
   * @param ctx the candidates, the request and the live statistics
   * @return the index of an eligible candidate
   */
  int choose(SelectionContext ctx);

  /**
   * A short name for explanations and reports.
   *
   * @return the name; the class's simple name by default
   */
  default String name() {
    return getClass().getSimpleName();
  }

  /**
   * The cheapest candidate for this request among those whose moving-average time to first token is within
   * the SLO; if none is, the one with the lowest time to first token (the least SLO violation). A candidate
   * with no recent success is judged on its expected time to first token (see {@link
   * StatsConfig#staleAfter()}), so one slow request does not exclude it for good. Ties in cost
   * go to the lower time to first token, then to the lower index. Score: estimated cost in USD (SLO-meeting
   * candidates), or {@code +Infinity} for the others.
   *
   * @param maxTtft the time-to-first-token SLO
   * @return the policy
   * @throws IllegalArgumentException if the SLO is not positive
   */
  static RoutingPolicy cheapestMeetingSlo(Duration maxTtft) {
    return cheapestMeetingSlo(maxTtft, 1.0);
  }

  /**
   * Like {@link #cheapestMeetingSlo(Duration)}, and a candidate whose error rate over the statistics
   * window exceeds {@code maxErrorRate} does not meet the SLO either ({@link
   * SelectionContext#errorRateExceeds}: judged over at least {@link StatsConfig#minimumRequests()} finished
   * requests, so one random failure of a healthy candidate does not count as a miss).
   *
   * @param maxTtft the time-to-first-token SLO
   * @param maxErrorRate the error-rate SLO, in [0, 1]
   * @return the policy
   * @throws IllegalArgumentException if the SLO is not positive or the rate is outside [0, 1]
   */
  static RoutingPolicy cheapestMeetingSlo(Duration maxTtft, double maxErrorRate) {
    if (maxTtft.isNegative() || maxTtft.isZero()) {
      throw new IllegalArgumentException("maxTtft must be positive, but was " + maxTtft);
    }
    if (!(maxErrorRate >= 0 && maxErrorRate <= 1)) {
      throw new IllegalArgumentException("maxErrorRate must be in [0, 1], but was " + maxErrorRate);
    }
    return new Policies.CheapestMeetingSlo(maxTtft.toNanos(), maxErrorRate);
  }

  /**
   * The candidate with the lowest expected end-to-end latency for this request ({@link
   * SelectionContext#expectedLatencyNanos}); ties to the cheaper, then the lower index. Score: expected
   * latency in nanoseconds.
   *
   * @return the policy
   */
  static RoutingPolicy fastest() {
    return Policies.Fastest.INSTANCE;
  }

  /**
   * The highest weighted utility over cost, time to first token, throughput and error rate (see {@link
   * UtilityWeights}), scored with fixed reference bounds. Score: the utility, higher is better.
   *
   * @param weights weights and bounds
   * @return the policy
   */
  static RoutingPolicy weightedUtility(UtilityWeights weights) {
    return new Policies.WeightedUtility(weights);
  }

  /**
   * A random candidate with probability proportional to its {@link Candidate#weight()} (uniform if all
   * eligible weights are 0): load balancing that ignores live statistics. Score: the weight.
   *
   * @return the policy
   */
  static RoutingPolicy weightedRandom() {
    return Policies.WeightedRandom.INSTANCE;
  }

  /**
   * The eligible candidates in turn (the baseline). Score: none.
   *
   * @return the policy
   */
  static RoutingPolicy roundRobin() {
    return Policies.RoundRobin.INSTANCE;
  }

  /**
   * Two distinct eligible candidates drawn at random; the one with the lower latency score wins, the
   * latency score being expected end-to-end latency × (1 + requests in flight). Spreads load nearly as well
   * as a full scan of the least loaded, without herding onto the same candidate. Score: the latency score
   * (only the two drawn are scored).
   *
   * @return the policy
   */
  static RoutingPolicy powerOfTwoChoices() {
    return Policies.PowerOfTwo.INSTANCE;
  }
}
