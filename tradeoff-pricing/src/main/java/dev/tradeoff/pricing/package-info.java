/**
 * What LLM usage costs: typed pricing plans (pay-as-you-go, provisioned throughput, reserved/committed,
 * self-hosted), a bundled and sourced price catalog, importers, exact request cost, workload cost per month,
 * break-even points and multi-year TCO.
 *
 * <h2>Request cost</h2>
 * <pre>{@code
 * PriceCatalog catalog = PriceCatalog.bundled();
 * // usage as the provider reported it; the factory removes the providers' overlapping fields
 * RequestCost cost = catalog.cost("gpt-4o-mini-2024-07-18", Usage.openAi(1200, 1024, 300, 0));
 * cost.total();   // exact BigDecimal USD; cost.lines() is the per-class breakdown
 *
 * PriceHandle hot = catalog.handle("anthropic/claude-3-haiku", RequestOptions.standard());
 * double usd = hot.costAnthropicUsd(inputTokens, cacheCreation, cacheRead, outputTokens);   // no allocation
 * }</pre>
 *
 * <h2>Packages</h2>
 * <ul>
 *   <li>{@code dev.tradeoff.pricing} — {@link dev.tradeoff.pricing.Usage}, {@link dev.tradeoff.pricing.ModelPrice},
 *       {@link dev.tradeoff.pricing.PriceCatalog}, {@link dev.tradeoff.pricing.RequestCost},
 *       {@link dev.tradeoff.pricing.PriceHandle} and the exception hierarchy rooted at
 *       {@link dev.tradeoff.pricing.PricingException}.
 *   <li>{@code dev.tradeoff.pricing.catalog} — the catalog file format, the LiteLLM importer, overrides, diffs and the
 *       bundled provisioned / GPU / throughput offers.
 *   <li>{@code dev.tradeoff.pricing.plan} — plans, {@code DemandCurve}, {@code WorkloadCost}, sizing, break-even.
 *   <li>{@code dev.tradeoff.pricing.tco} — multi-year TCO.
 *   <li>{@code dev.tradeoff.pricing.selfhost} — GPU instances, measurements and the throughput estimator.
 * </ul>
 *
 * <p>This module depends on no other {@code tradeoff} module. Types in {@code dev.tradeoff.pricing.internal}
 * are implementation detail and may change without notice.
 */
@TradeoffStyle
package dev.tradeoff.pricing;

import dev.tradeoff.internal.style.TradeoffStyle;
