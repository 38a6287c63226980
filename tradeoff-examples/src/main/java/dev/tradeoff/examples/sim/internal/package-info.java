/**
 * Implementation of the simulated provider: the NIO event loops and HTTP/1.1 handling ({@code ServerCore},
 * {@code EventLoop}, {@code Connection}, {@code RequestParser}), request routing and validation ({@code Router}),
 * sampling ({@code Generation}) and the three wire-format renderers. Not API: anything here may change in any
 * release; use {@link dev.tradeoff.examples.sim.SimulatedProvider}.
 */
package dev.tradeoff.examples.sim.internal;
