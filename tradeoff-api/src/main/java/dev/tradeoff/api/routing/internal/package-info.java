/**
 * Implementation detail of routing support: lock-free windowed counters, striped decimal adders, the
 * circuit breaker, the selection scratch space and the simulator's event heap. Anything here may change in
 * any release; use the public types of {@code dev.tradeoff.api.routing}.
 */
package dev.tradeoff.api.routing.internal;
