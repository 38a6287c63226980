package dev.tradeoff.pricing.plan;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A way of paying for a model: per token, provisioned capacity, a spend commitment, or own GPUs. Every plan
 * prices a month of a {@link DemandCurve}; capacity plans size themselves for the curve's peak with their
 * headroom, or spill over to pay-as-you-go.
 *
 * <pre>{@code
 * List<PricingPlan> plans = List.of(payg, ptu, selfHosted);
 * for (PricingPlan p : plans) {
 *   WorkloadCost c = p.monthlyCost(demand);
 *   System.out.println(p.name() + " " + c.monthlyTotal());
 * }
 * BreakEven.between(payg, ptu, demand.mix(), 0.2, 1_000, 10_000_000);
 * }</pre>
 *
 * <p>Implementations are immutable value types and thread-safe. JSON carries a {@code "type"} discriminator
 * ({@code PAY_AS_YOU_GO}, {@code PROVISIONED}, {@code COMMITTED}, {@code SELF_HOSTED}).
 *
 * @since 0.1.0
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ImmutablePayAsYouGoPlan.class, name = "PAY_AS_YOU_GO"),
    @JsonSubTypes.Type(value = ImmutableProvisionedPlan.class, name = "PROVISIONED"),
    @JsonSubTypes.Type(value = ImmutableCommittedPlan.class, name = "COMMITTED"),
    @JsonSubTypes.Type(value = ImmutableSelfHostedPlan.class, name = "SELF_HOSTED")})
public sealed interface PricingPlan permits PayAsYouGoPlan, ProvisionedPlan, CommittedPlan, SelfHostedPlan {

  /**
   * A name for reports.
   *
   * @return the name
   */
  String name();

  /**
   * The plan's kind.
   *
   * @return the kind
   */
  PlanKind kind();

  /**
   * The cost of a month (730 hours) of the demand.
   *
   * @param demand the weekly demand curve and its token mix
   * @return the cost, with capacity and utilization
   * @throws dev.tradeoff.pricing.UnpricedUsageException if the mix uses a token class the plan cannot price
   */
  WorkloadCost monthlyCost(DemandCurve demand);

  /**
   * This plan sized with a different peak headroom (capacity plans); per-token plans return themselves.
   *
   * @param headroom extra capacity over the peak as a fraction ({@code 0.2} = size for 120% of peak), {@code >= 0}
   * @return the plan with that headroom
   */
  PricingPlan withHeadroom(double headroom);
}
