/**
 * Self-hosting facts and estimates: GPU instances with their prices
 * ({@link dev.tradeoff.pricing.selfhost.GpuInstance}), published throughput measurements
 * ({@link dev.tradeoff.pricing.selfhost.ThroughputMeasurement}), and a throughput estimator from model
 * architecture, precision and GPU ({@link dev.tradeoff.pricing.selfhost.ThroughputEstimator}).
 */
@TradeoffStyle
package dev.tradeoff.pricing.selfhost;

import dev.tradeoff.internal.style.TradeoffStyle;
