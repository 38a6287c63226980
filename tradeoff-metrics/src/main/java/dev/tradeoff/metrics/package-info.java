/**
 * What LLM usage feels like: streaming latency meters (TTFT, inter-token latency, TPOT, tokens/s, goodput)
 * over the real SSE wire formats of OpenAI-compatible and Anthropic APIs, an open-loop load runner and
 * mergeable percentile aggregation.
 *
 * <p>This module may use {@code tradeoff-pricing} (to price each request) and no other {@code tradeoff}
 * module. Types in {@code dev.tradeoff.metrics.internal} are implementation detail.
 */
@TradeoffStyle
package dev.tradeoff.metrics;

import dev.tradeoff.internal.style.TradeoffStyle;
