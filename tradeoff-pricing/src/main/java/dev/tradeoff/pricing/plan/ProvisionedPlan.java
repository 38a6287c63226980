package dev.tradeoff.pricing.plan;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tradeoff.pricing.InvalidValueException;
import dev.tradeoff.pricing.Provenance;
import dev.tradeoff.pricing.internal.ProvisionedMath;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Provisioned throughput — Azure OpenAI PTUs, Bedrock model units, Vertex GSUs, OpenAI Scale Tier units: capacity
 * bought per unit, by the hour or reserved for a term, sized for the peak of the demand with headroom, with
 * optional spillover of excess traffic to pay-as-you-go.
 *
 * <pre>{@code
 * ProvisionedPlan ptu = ProvisionedPlan.builder()
 *     .name("azure gpt-4o global PTU, 1-month reservation")
 *     .addPool(ptuPool)                      // see CapacityPool
 *     .billing(Billing.RESERVED)
 *     .reservationTermMonths(1)
 *     .headroom(0.2)
 *     .spillover(PayAsYouGoPlan.of(catalog.resolve("azure/gpt-4o")))
 *     .build();
 * WorkloadCost c = ptu.monthlyCost(demand);
 * Map<String, Integer> units = ptu.unitsFor(demand.peakTokensPerMinute(), demand.mix());
 * }</pre>
 *
 * <h2>Billing rules (Azure's, quoted in pricing-rules.md 3.1; the others follow the same shape)</h2>
 * <ul>
 *   <li>Hourly: "charged an hourly rate ($/PTU/hr) on the number of PTUs that have been deployed" — every
 *       deployed unit-hour, used or not. {@link #deploymentCharge(int, Duration)} prorates a partial hour by the
 *       minute ("a deployment that exists for 15 minutes during an hour will receive 1/4th the hourly charge").
 *   <li>Reserved: the reserved units at their monthly price, whether used or not; units deployed beyond the
 *       reservation at the hourly rate ("if deployments amounting to 250 PTUs exist within the scope of a 200 PTU
 *       reservation, 50 PTUs will be charged on an hourly basis").
 *   <li>Sizing: each pool gets {@code ceil(peak requests/min × weighted tokens per request × (1 + headroom) /
 *       capacity per unit)} units, at least the minimum and in whole increments — unless
 *       {@link #fixedUnits()} says otherwise. With {@link Scaling#PER_HOUR} each hour is sized on its own.
 *   <li>Spillover: requests above the deployed capacity go whole to {@link #spillover()} at its per-token price
 *       (Vertex: "Requests over PT are processed as on-demand"); without spillover they are reported as
 *       unserved, never silently dropped.
 * </ul>
 *
 * <p>A month is 730 hours. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableProvisionedPlan.class)
@JsonDeserialize(as = ImmutableProvisionedPlan.class)
public non-sealed interface ProvisionedPlan extends PricingPlan {

  @Override
  String name();

  @Override
  @Value.NonAttribute
  default PlanKind kind() {
    return PlanKind.PROVISIONED;
  }

  /** @return the capacity pools (one for PTU/GSU/MU; input and output units for Scale Tier) */
  List<CapacityPool> pools();

  /** @return hourly or reserved, {@link Billing#HOURLY} by default */
  default Billing billing() {
    return Billing.HOURLY;
  }

  /**
   * The reservation term. A month's cost ({@link #monthlyCost(DemandCurve)}) does not depend on it; a
   * {@link dev.tradeoff.pricing.tco.TcoScenario} locks the reserved units (they never shrink) and their price for
   * each term and re-sizes and re-prices at each renewal.
   *
   * @return the reservation term in months, {@code >= 1}, 1 by default
   */
  default int reservationTermMonths() {
    return 1;
  }

  /** @return fixed size for the week or per-hour resizing, {@link Scaling#FIXED} by default */
  default Scaling scaling() {
    return Scaling.FIXED;
  }

  /** @return extra capacity over demand when sizing, as a fraction ({@code 0.2} = 20%), 0 by default */
  default double headroom() {
    return 0;
  }

  /** @return deployed units by pool name, overriding sizing (empty: size from the demand) */
  Map<String, Integer> fixedUnits();

  /** @return reserved units by pool name (empty: reserve what is deployed at the lowest hour, or at peak when FIXED) */
  Map<String, Integer> reservedUnits();

  /** @return where requests beyond capacity go, if anywhere */
  Optional<PayAsYouGoPlan> spillover();

  /** @return where the unit prices and capacities come from */
  List<Provenance> sources();

  /**
   * Checks pools, prices for the billing mode, headroom and unit maps.
   *
   * @throws InvalidValueException naming the field and value
   */
  @Value.Check
  default void check() {
    if (pools().isEmpty()) {
      throw InvalidValueException.of("pools", "at least one capacity pool (plan " + name() + ")", "empty");
    }
    if (!(headroom() >= 0) || Double.isInfinite(headroom())) {
      throw InvalidValueException.of("headroom", ">= 0 and finite (plan " + name() + ")", headroom());
    }
    if (reservationTermMonths() < 1) {
      throw InvalidValueException.of("reservationTermMonths", ">= 1", reservationTermMonths());
    }
    for (CapacityPool p : pools()) {
      if (billing() == Billing.HOURLY && p.hourlyPerUnit().isEmpty()) {
        throw InvalidValueException.of("pools." + p.name() + ".hourlyPerUnit", "present for HOURLY billing", null);
      }
      if (billing() == Billing.RESERVED && p.reservedPerUnitMonth().isEmpty()) {
        throw InvalidValueException.of("pools." + p.name() + ".reservedPerUnitMonth", "present for RESERVED billing",
            null);
      }
    }
    checkUnits("fixedUnits", fixedUnits());
    checkUnits("reservedUnits", reservedUnits());
  }

  private void checkUnits(String field, Map<String, Integer> units) {
    for (Map.Entry<String, Integer> e : units.entrySet()) {
      if (pools().stream().noneMatch(p -> p.name().equals(e.getKey()))) {
        throw InvalidValueException.of(field + "." + e.getKey(), "the name of a pool of plan " + name(), e.getKey());
      }
      if (e.getValue() < 0) {
        throw InvalidValueException.of(field + "." + e.getKey(), ">= 0", e.getValue());
      }
    }
  }

  @Override
  default WorkloadCost monthlyCost(DemandCurve demand) {
    return ProvisionedMath.monthlyCost(this, demand);
  }

  /**
   * The units each pool needs for a peak demand with this plan's headroom.
   *
   * @param peakTokensPerMinute the peak demand
   * @param mix its token mix
   * @return pool name to units, in pool order
   */
  default Map<String, Integer> unitsFor(double peakTokensPerMinute, TokenMix mix) {
    Map<String, Integer> units = new LinkedHashMap<>();
    for (CapacityPool p : pools()) {
      units.put(p.name(), p.unitsFor(peakTokensPerMinute, mix, headroom()));
    }
    return units;
  }

  /**
   * The hourly charge of a deployment of the first pool that existed for part of an hour, prorated by the
   * started minute.
   *
   * @param units deployed units
   * @param deployed how long the deployment existed within the hour, {@code 0..60} minutes
   * @return USD, exact
   * @throws InvalidValueException if the duration is negative or above an hour, or the pool has no hourly price
   */
  default BigDecimal deploymentCharge(int units, Duration deployed) {
    return ProvisionedMath.prorated(pools().get(0), units, deployed);
  }

  /**
   * This plan sized with a different headroom.
   *
   * @param headroom extra capacity over demand as a fraction, {@code >= 0}
   * @return the plan with that headroom
   */
  @Override
  ProvisionedPlan withHeadroom(double headroom);

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableProvisionedPlan.Builder builder() {
    return ImmutableProvisionedPlan.builder();
  }
}
