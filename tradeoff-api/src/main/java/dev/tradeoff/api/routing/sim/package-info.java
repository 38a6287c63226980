/**
 * A deterministic, discrete-event traffic simulator for routing policies: arrival processes, token mixes,
 * per-candidate latency models, rate limits, outages and latency spikes on a schedule — run against the
 * real {@link dev.tradeoff.api.routing.Router} on a simulated clock, several policies side by side on
 * identical traffic, with exact decimal cost totals.
 *
 * <p>Start at {@link dev.tradeoff.api.routing.sim.TrafficSimulator}.
 */
package dev.tradeoff.api.routing.sim;
