/**
 * The front door: {@code TradeoffAnalyzer} joins pricing (what each option costs for a workload), metrics
 * (how each option performs) and pareto (which options are not dominated, which one the weights prefer)
 * into a report and a recommendation. Routing support, cost tracking and traffic simulation build on it.
 *
 * <p>Types in {@code dev.tradeoff.api.internal} are implementation detail.
 */
@TradeoffStyle
package dev.tradeoff.api;

import dev.tradeoff.internal.style.TradeoffStyle;
