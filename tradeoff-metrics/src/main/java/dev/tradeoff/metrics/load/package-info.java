/**
 * The load runner: a prompt set × candidates × a load profile (closed-loop concurrency, open-loop constant,
 * Poisson, bursty gamma, sweeps), with precomputed schedules, latency from both the actual and the intended
 * send time, warm-up exclusion, progress reporting and JSON/JSONL results.
 */
@TradeoffStyle
package dev.tradeoff.metrics.load;

import dev.tradeoff.internal.style.TradeoffStyle;
