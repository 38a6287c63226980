/**
 * Streaming clients over OkHttp for OpenAI Chat Completions (and every OpenAI-compatible server), the OpenAI
 * Responses API, Anthropic Messages and Gemini: each request is measured by a {@link
 * dev.tradeoff.metrics.StreamMeter} and ends in a {@link dev.tradeoff.metrics.RequestResult}, never in an exception.
 */
@TradeoffStyle
package dev.tradeoff.metrics.client;

import dev.tradeoff.internal.style.TradeoffStyle;
