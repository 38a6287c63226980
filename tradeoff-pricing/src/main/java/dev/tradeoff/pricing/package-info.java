/**
 * What LLM usage costs: typed pricing plans (pay-as-you-go, provisioned throughput, reserved/committed,
 * self-hosted), a bundled and sourced price catalog, importers, exact request cost, workload cost per month,
 * break-even points and multi-year TCO.
 *
 * <p>This module depends on no other {@code tradeoff} module. Types in {@code dev.tradeoff.pricing.internal}
 * are implementation detail and may change without notice.
 */
@TradeoffStyle
package dev.tradeoff.pricing;

import dev.tradeoff.internal.style.TradeoffStyle;
