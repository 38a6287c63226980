/**
 * Workload profiles: traffic ({@link dev.tradeoff.api.workload.DailyUsers daily active users × conversations ×
 * turns}, {@link dev.tradeoff.api.workload.RequestRate requests per hour}, an
 * {@link dev.tradeoff.api.workload.HourlyRequests hour-of-week curve}, or {@link dev.tradeoff.api.workload.RequestLogs
 * recorded request logs}), the {@link dev.tradeoff.api.workload.TokenProfile token mix} of a request, growth, and
 * the derived {@link dev.tradeoff.api.workload.WorkloadStats figures}. A
 * {@link dev.tradeoff.api.workload.WorkloadProfile} builds the {@code tradeoff-pricing} demand curve that every
 * pricing plan prices.
 */
@TradeoffStyle
package dev.tradeoff.api.workload;

import dev.tradeoff.internal.style.TradeoffStyle;
