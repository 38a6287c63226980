/**
 * Pricing plans and the cost of a workload under each: {@link dev.tradeoff.pricing.plan.PayAsYouGoPlan},
 * {@link dev.tradeoff.pricing.plan.ProvisionedPlan} (Azure PTU, Bedrock model units, Vertex GSUs, OpenAI Scale
 * Tier), {@link dev.tradeoff.pricing.plan.CommittedPlan} (committed spend) and
 * {@link dev.tradeoff.pricing.plan.SelfHostedPlan}; the {@link dev.tradeoff.pricing.plan.DemandCurve} they are
 * priced against; sizing; and {@link dev.tradeoff.pricing.plan.BreakEven} between any two plans.
 */
@TradeoffStyle
package dev.tradeoff.pricing.plan;

import dev.tradeoff.internal.style.TradeoffStyle;
