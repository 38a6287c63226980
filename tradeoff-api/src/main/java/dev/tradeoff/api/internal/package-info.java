/**
 * Implementation detail of {@code TradeoffAnalyzer}: the analysis engine, the recommendation text, number
 * formatting, workload statistics and log aggregation. Anything here may change in any release; use the public
 * types of {@code dev.tradeoff.api}, {@code dev.tradeoff.api.workload} and {@code dev.tradeoff.api.report}.
 */
package dev.tradeoff.api.internal;
