/**
 * The result of an analysis: {@link dev.tradeoff.api.report.TradeoffReport} with its table
 * ({@link dev.tradeoff.api.report.CandidateRow}), exclusions, Pareto front, weighted ranking, break-even points,
 * TCO and {@link dev.tradeoff.api.report.Recommendation}; {@link dev.tradeoff.api.report.WhatIfReport} for
 * scenarios; JSON through {@link dev.tradeoff.api.report.ReportJson} and text through
 * {@link dev.tradeoff.api.report.ReportRenderer}. Every type is immutable, thread-safe and round-trips through JSON.
 */
@TradeoffStyle
package dev.tradeoff.api.report;

import dev.tradeoff.internal.style.TradeoffStyle;
