/**
 * Multi-objective decisions: Pareto fronts, non-dominated sorting, crowding, hypervolume, knee points,
 * and utility-weighted scoring matrices with an allocation-free scorer for request routers.
 *
 * <p>This module depends on no other {@code tradeoff} module. Types in {@code dev.tradeoff.pareto.internal}
 * are implementation detail and may change without notice.
 */
@TradeoffStyle
package dev.tradeoff.pareto;

import dev.tradeoff.internal.style.TradeoffStyle;
