/**
 * Server-sent events as the providers send them: a WHATWG-conformant, size-bounded {@link
 * dev.tradeoff.metrics.sse.SseReader} over an okio source, and a {@link dev.tradeoff.metrics.sse.StreamDecoder}
 * that turns each event of a provider's wire format into an {@link dev.tradeoff.metrics.EventKind}, the
 * server-reported token usage, the finish reason and mid-stream errors.
 */
@TradeoffStyle
package dev.tradeoff.metrics.sse;

import dev.tradeoff.internal.style.TradeoffStyle;
