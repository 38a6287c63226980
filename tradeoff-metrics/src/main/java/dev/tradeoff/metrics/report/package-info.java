/**
 * Result files: one {@link dev.tradeoff.metrics.report.RequestRecord} per request (JSONL) and one {@link
 * dev.tradeoff.metrics.stats.MetricsSummary} per candidate (JSON), with stable snake_case names that carry their
 * unit ({@code ttft_ms}, {@code cost_usd}), so runs can be diffed and charted.
 */
@TradeoffStyle
package dev.tradeoff.metrics.report;

import dev.tradeoff.internal.style.TradeoffStyle;
