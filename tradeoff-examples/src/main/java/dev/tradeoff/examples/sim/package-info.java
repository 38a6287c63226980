/**
 * The simulated provider endpoint: an embedded HTTP server that speaks the OpenAI Chat Completions, OpenAI
 * Responses and Anthropic Messages streaming formats with configurable, sourced latency, usage and faults, so
 * that examples, the CLI demo and benchmarks run offline. Start with {@link dev.tradeoff.examples.sim.SimulatedProvider}.
 *
 * <pre>{@code
 * try (SimulatedProvider sim = SimulatedProvider.start(SimulatorConfig.defaults())) {
 *   System.out.println(sim.baseUrl());
 * }
 * }</pre>
 *
 * <p>Everything in {@code dev.tradeoff.examples.sim.internal} is implementation detail.
 */
package dev.tradeoff.examples.sim;
