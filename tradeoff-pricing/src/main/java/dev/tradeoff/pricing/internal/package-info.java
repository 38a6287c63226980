/**
 * Implementation detail of {@code tradeoff-pricing}: rate resolution, JSON parsing with source locations,
 * importers, solvers. Not API; may change in any release.
 */
@TradeoffStyle
package dev.tradeoff.pricing.internal;

import dev.tradeoff.internal.style.TradeoffStyle;
