/**
 * What LLM usage feels like: streaming latency meters (TTFT, inter-token latency, TPOT, tokens/s, goodput)
 * over the real SSE wire formats of OpenAI-compatible, OpenAI Responses, Anthropic and Gemini APIs, an
 * open-loop load runner and mergeable percentile aggregation.
 *
 * <p>Entry points:
 *
 * <ul>
 *   <li>One request: {@link dev.tradeoff.metrics.client.LlmClient#create} with a {@link
 *       dev.tradeoff.metrics.client.ClientConfig}, then {@code execute}/{@code submit} → {@link
 *       dev.tradeoff.metrics.RequestResult} (its {@link dev.tradeoff.metrics.StreamTimeline} holds every metric
 *       definition).
 *   <li>Your own transport: {@link dev.tradeoff.metrics.sse.SseReader} + {@link
 *       dev.tradeoff.metrics.sse.StreamDecoder} + {@link dev.tradeoff.metrics.StreamMeter}.
 *   <li>Aggregation: {@link dev.tradeoff.metrics.stats.MetricsAggregator} → {@link
 *       dev.tradeoff.metrics.stats.MetricsSummary}; a single metric: {@link
 *       dev.tradeoff.metrics.stats.LatencyRecorder} → {@link dev.tradeoff.metrics.stats.LatencyHistogram}.
 *   <li>Load: {@link dev.tradeoff.metrics.load.LoadRunner#run} with a {@link
 *       dev.tradeoff.metrics.load.LoadRunConfig} → {@link dev.tradeoff.metrics.load.LoadRunResult}, written by
 *       {@link dev.tradeoff.metrics.report.ResultsJson}.
 *   <li>Cost: {@link dev.tradeoff.metrics.CatalogPricer} (through {@code tradeoff-pricing}) as the clients'
 *       {@link dev.tradeoff.metrics.RequestPricer}.
 * </ul>
 *
 * <pre>{@code
 * try (LlmClient client = LlmClient.create(ClientConfig.builder()
 *     .api(WireApi.OPENAI_CHAT).model("gpt-4o-mini").apiKey(ApiKey.fromEnv("OPENAI_API_KEY"))
 *     .pricer(CatalogPricer.bundled()).build())) {
 *   LoadRunResult run = LoadRunner.run(LoadRunConfig.builder()
 *       .prompts(PromptSet.customerSupport())
 *       .addCandidate(new Candidate("mini", client))
 *       .addAllProfiles(LoadProfile.poissonSweep(42, 1, 2, 4))
 *       .maxRequests(100).warmupRequests(3)
 *       .addSlo(Slo.of(LatencyMetric.TTFT, Duration.ofMillis(500)))
 *       .build());
 *   run.writeTo(Path.of("tradeoff-out/mini"));
 * }
 * }</pre>
 *
 * <p>This module may use {@code tradeoff-pricing} (to price each request) and no other {@code tradeoff}
 * module. Types in {@code dev.tradeoff.metrics.internal} are implementation detail.
 */
@TradeoffStyle
package dev.tradeoff.metrics;

import dev.tradeoff.internal.style.TradeoffStyle;
