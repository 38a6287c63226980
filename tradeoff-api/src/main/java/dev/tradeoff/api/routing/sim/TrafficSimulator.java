package dev.tradeoff.api.routing.sim;

import dev.tradeoff.api.routing.RoutingPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs routing policies against a {@link TrafficScenario} in simulated time: a discrete-event simulation,
 * deterministic for a given seed, driving the real {@link dev.tradeoff.api.routing.Router} (filters, health,
 * failover, retry budget) on a simulated clock.
 *
 * <h2>What happens to a request</h2>
 * It arrives ({@link ArrivalProcess}), gets its token counts and requirements ({@link TokenMix}), and the
 * router selects a candidate. The attempt then fails if the candidate is in an {@link Incident outage}, is
 * rejected with 429 if it exceeds a {@link RateLimit}, fails with HTTP 5xx with the candidate's background
 * error probability (plus any error burst), and otherwise succeeds after the {@link LatencyModel}'s time to
 * first token and generation time (times any latency spike) — except that an attempt whose outcome, success
 * or failure, would come later than the attempt timeout times out at the timeout instead (the client never
 * sees the later answer). The router hears every outcome. A failed attempt is retried on another candidate
 * via {@link dev.tradeoff.api.routing.Router#failover} if its kind is retryable (429, 5xx, connection
 * failures, timeouts), attempts remain and the retry budget allows; otherwise the request fails with a
 * {@link FailureReason}. Every request ends served or failed — the simulator checks {@code arrivals =
 * served + failed} and that no request is left open before returning.
 *
 * <h2>Cost</h2>
 * Each served attempt's tokens are counted per candidate and long-context tier (uncached input, cached
 * input at the cache-read rate where the candidate has one, output); the totals are priced at the exact
 * catalog rates at the end, which equals summing every request's exact cost. Failed attempts cost nothing.
 *
 * <h2>Speed</h2>
 * The event queue is a binary heap in primitive arrays and request state lives in parallel arrays, so
 * the loop allocates nothing per request (the router's record of a failure aside): over a million
 * simulated requests per second on one core ({@code SimulatorBenchmark}).
 *
 * <pre>{@code
 * List<SimulationResult> results = TrafficSimulator.compare(scenario, List.of(
 *     RoutingPolicy.cheapestMeetingSlo(Duration.ofMillis(800)),
 *     RoutingPolicy.powerOfTwoChoices(),
 *     RoutingPolicy.roundRobin()));
 * System.out.print(SimulationResult.table(results));
 * }</pre>
 *
 * <p>Thread-safe: each run has its own state; runs may go on in parallel.
 *
 * @since 0.1.0
 */
public final class TrafficSimulator {

  private TrafficSimulator() { }

  /**
   * Runs one policy.
   *
   * @param scenario the scenario
   * @param policy the policy
   * @return the result
   * @throws IllegalArgumentException if a candidate cannot be priced or routed (see {@link
   *     dev.tradeoff.api.routing.Router.Builder#build()})
   */
  public static SimulationResult run(TrafficScenario scenario, RoutingPolicy policy) {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(policy, "policy");
    return new Engine(scenario, policy).run();
  }

  /**
   * Runs several policies on identical traffic, one after another.
   *
   * @param scenario the scenario
   * @param policies the policies
   * @return one result per policy, in order
   */
  public static List<SimulationResult> compare(TrafficScenario scenario, List<RoutingPolicy> policies) {
    List<SimulationResult> out = new ArrayList<>(policies.size());
    for (RoutingPolicy p : policies) {
      out.add(run(scenario, p));
    }
    return out;
  }
}
