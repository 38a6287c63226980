/**
 * Aggregation: an allocation-free {@link dev.tradeoff.metrics.stats.LatencyRecorder}, immutable mergeable
 * {@link dev.tradeoff.metrics.stats.LatencyHistogram}s (HdrHistogram, microseconds, 3 significant digits),
 * goodput against {@link dev.tradeoff.metrics.stats.Slo}s and per-candidate {@link
 * dev.tradeoff.metrics.stats.MetricsSummary summaries}.
 */
@TradeoffStyle
package dev.tradeoff.metrics.stats;

import dev.tradeoff.internal.style.TradeoffStyle;
