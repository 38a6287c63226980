package dev.tradeoff.pricing.plan;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tradeoff.pricing.ModelPrice;
import dev.tradeoff.pricing.RequestOptions;
import dev.tradeoff.pricing.ServiceTier;
import dev.tradeoff.pricing.TokenClass;
import dev.tradeoff.pricing.internal.WorkloadMath;
import java.math.BigDecimal;
import java.util.Collections;
import org.immutables.value.Value;

/**
 * Pay-as-you-go: every token at the model's per-token price, with its service tier (standard, batch, flex,
 * priority), residency uplift and long-context tier rules (see {@link ModelPrice}).
 *
 * <pre>{@code
 * PayAsYouGoPlan payg = PayAsYouGoPlan.of(PriceCatalog.bundled().resolve("azure/gpt-4o"));
 * WorkloadCost c = payg.monthlyCost(DemandCurve.flat(100_000, TokenMix.of(1500, 300)));
 * BigDecimal perRequest = payg.costPerRequest(TokenMix.of(1500, 300));
 * }</pre>
 *
 * <p>The monthly cost is {@code tokens per month × share of each class × its rate}; the long-context tier is
 * chosen by the mix's average prompt size. No capacity: utilization is 1. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePayAsYouGoPlan.class)
@JsonDeserialize(as = ImmutablePayAsYouGoPlan.class)
public non-sealed interface PayAsYouGoPlan extends PricingPlan {

  /** @return the priced model */
  ModelPrice model();

  /** @return service tier and residency, standard/global by default */
  default RequestOptions options() {
    return RequestOptions.standard();
  }

  /** @return the name, by default the model id (and tier when not standard) */
  @Override
  default String name() {
    return model().id() + (options().serviceTier() == ServiceTier.STANDARD ? "" : " (" + options().serviceTier() + ")");
  }

  @Override
  @Value.NonAttribute
  default PlanKind kind() {
    return PlanKind.PAY_AS_YOU_GO;
  }

  /**
   * The cost of one average request of a mix.
   *
   * @param mix the token mix
   * @return USD, unrounded (exact for the mix's decimal values)
   * @throws dev.tradeoff.pricing.UnpricedUsageException if the mix uses a class the model cannot price
   */
  default BigDecimal costPerRequest(TokenMix mix) {
    return WorkloadMath.costPerRequest(WorkloadMath.rates(model(), options(), mix), mix);
  }

  @Override
  default WorkloadCost monthlyCost(DemandCurve demand) {
    TokenMix mix = demand.mix();
    BigDecimal[] rates = WorkloadMath.rates(model(), options(), mix);
    double tokens = demand.tokensPerMonth();
    ImmutableWorkloadCost.Builder b = WorkloadCost.builder()
        .planName(name()).planKind(kind()).tokensPerMonth(tokens)
        .utilization(1.0).peakUtilization(1.0).unitsByHour(Collections.emptyList());
    BigDecimal total = BigDecimal.ZERO;
    for (TokenClass c : TokenClass.values()) {
      if (mix.tokens(c) > 0) {
        BigDecimal amount = WorkloadMath.report(
            WorkloadMath.tokensCost(tokens * mix.share(c), rates[c.ordinal()]));
        b.addItem(CostItem.of(c.jsonName() + " tokens", amount));
        total = total.add(amount);
      }
    }
    return b.monthlyTotal(total).build();
  }

  /**
   * Returns this plan: per-token prices need no headroom.
   *
   * @param headroom ignored
   * @return this plan
   */
  @Override
  default PricingPlan withHeadroom(double headroom) {
    return this;
  }

  /**
   * Standard pay-as-you-go for a model.
   *
   * @param model the model
   * @return the plan
   */
  static PayAsYouGoPlan of(ModelPrice model) {
    return ImmutablePayAsYouGoPlan.builder().model(model).build();
  }

  /**
   * Pay-as-you-go under options (batch, residency).
   *
   * @param model the model
   * @param options the options
   * @return the plan
   */
  static PayAsYouGoPlan of(ModelPrice model, RequestOptions options) {
    return ImmutablePayAsYouGoPlan.builder().model(model).options(options).build();
  }
}
