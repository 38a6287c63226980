/**
 * Multi-year total cost of ownership: month-by-month cost of each option under demand growth and yearly price
 * decline, one-time migration costs, operating overhead, net present cost at a discount rate, cumulative curves
 * and break-even months ({@link dev.tradeoff.pricing.tco.TcoScenario#project()}).
 */
@TradeoffStyle
package dev.tradeoff.pricing.tco;

import dev.tradeoff.internal.style.TradeoffStyle;
