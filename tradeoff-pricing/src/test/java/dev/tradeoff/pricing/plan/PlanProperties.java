package dev.tradeoff.pricing.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tradeoff.pricing.ModelPrice;
import dev.tradeoff.pricing.PriceCatalog;
import dev.tradeoff.pricing.catalog.OfferCatalog;
import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

/** Invariants of workload pricing and sizing, over bundled models and offers and random demand. */
final class PlanProperties {

  private static final List<ModelPrice> MODELS = PriceCatalog.bundled().models();
  private static final List<ProvisionedCapacity> CAPACITIES = OfferCatalog.bundled().provisionedCapacities().stream()
      .filter(c -> c.family().equals("azure-ptu") || c.family().equals("vertex-gsu")).toList();

  @Provide
  Arbitrary<ModelPrice> models() {
    return Arbitraries.of(MODELS);
  }

  @Provide
  Arbitrary<TokenMix> mixes() {
    Arbitrary<Double> in = Arbitraries.doubles().between(1, 20_000);
    Arbitrary<Double> out = Arbitraries.doubles().between(1, 4_000);
    Arbitrary<Double> cached = Arbitraries.doubles().between(0, 5_000);
    return Combinators.combine(in, cached, out).as((i, c, o) -> TokenMix.builder().input(i).cacheRead(c).output(o).build());
  }

  @Provide
  Arbitrary<DemandCurve> curves() {
    return Combinators.combine(mixes(), Arbitraries.doubles().between(0, 2_000_000).array(double[].class).ofSize(168))
        .as((mix, values) -> DemandCurve.of(values, mix));
  }

  @Provide
  Arbitrary<CapacityPool> pools() {
    return Arbitraries.of(CAPACITIES).map(c -> CapacityPool.builder().name(c.pool())
        .tokensPerMinutePerUnit(c.tokensPerMinutePerUnit()).putAllWeights(c.weights()).minimumUnits(c.minimumUnits())
        .unitIncrement(c.unitIncrement()).hourlyPerUnit(BigDecimal.ONE).build());
  }

  /** Pay-as-you-go cost never falls when demand grows, and doubles (to rounding) when demand doubles. */
  @Property(tries = 200)
  void payAsYouGo_monotoneAndLinearInDemand(
      @ForAll("models") ModelPrice m, @ForAll("curves") DemandCurve d, @ForAll @DoubleRange(min = 1, max = 5) double f) {
    PayAsYouGoPlan p = PayAsYouGoPlan.of(m);
    BigDecimal base;
    try {
      base = p.monthlyCost(d).monthlyTotal();
    } catch (dev.tradeoff.pricing.UnpricedUsageException e) {
      return;
    }
    BigDecimal more = p.monthlyCost(d.times(f)).monthlyTotal();
    assertThat(more).isGreaterThanOrEqualTo(base);
    // each of at most 6 items is rounded once to 1e-6
    assertThat(p.monthlyCost(d.times(2)).monthlyTotal().subtract(base.multiply(BigDecimal.valueOf(2))).abs())
        .isLessThanOrEqualTo(new BigDecimal("0.00002"));
  }

  /** Sizing is minimal: the units cover the demand with headroom, and one increment fewer would not. */
  @Property(tries = 300)
  void unitsFor_coversDemandAndIsMinimal(
      @ForAll("pools") CapacityPool pool, @ForAll("mixes") TokenMix mix,
      @ForAll @DoubleRange(min = 0, max = 5_000_000) double tpm, @ForAll @DoubleRange(min = 0, max = 1) double headroom) {
    int units = pool.unitsFor(tpm, mix, headroom);
    double need = tpm / mix.totalPerRequest() * pool.weightedTokensPerRequest(mix) * (1 + headroom);
    assertThat(units).isGreaterThanOrEqualTo(pool.minimumUnits());
    assertThat(units * pool.tokensPerMinutePerUnit()).isGreaterThanOrEqualTo(need * (1 - 1e-9));
    if (units > pool.minimumUnits()) {
      assertThat((units - pool.unitIncrement()) * pool.tokensPerMinutePerUnit()).isLessThan(need);
      assertThat((units - pool.minimumUnits()) % pool.unitIncrement()).isZero();
    }
  }

  /**
   * A plan the library sized covers the demand it was sized for: random pools (capacity, output weight, minimum,
   * increment), mixes, flat or shaped demand, headroom and scaling never leave tokens unserved or spilled, and the
   * units are the documented rounding of the need. Half the demands sit on an increment boundary (need =
   * {@code boundary} units, computed in floating point, then up to 64 ulps above it), where the need is an integer
   * up to noise: those are sized to exactly the boundary.
   */
  @Property(tries = 1000)
  void provisioned_sizedPlanCoversItsDemand(
      @ForAll @DoubleRange(min = 1, max = 100_000) double tpmPerUnit, @ForAll @DoubleRange(min = 1, max = 8) double outW,
      @ForAll("mixes") TokenMix mix, @ForAll @DoubleRange(min = 0, max = 10_000) double randomRequestsPerHour,
      @ForAll @DoubleRange(min = 0, max = 0.5) double headroom, @ForAll boolean perHour, @ForAll boolean shaped,
      @ForAll boolean onBoundary, @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 1000) int steps,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 64) int ulpsAbove,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 50) int minimum,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 10) int increment) {
    CapacityPool pool = CapacityPool.weighted("u", tpmPerUnit, outW, 1).minimumUnits(minimum).unitIncrement(increment)
        .hourlyPerUnit(BigDecimal.ONE).build();
    int boundary = minimum + steps * increment;
    double requestsPerHour = onBoundary
        ? boundary * tpmPerUnit / pool.weightedTokensPerRequest(mix) / (1 + headroom) * 60 : randomRequestsPerHour;
    double tpm = requestsPerHour / 60 * mix.totalPerRequest();
    for (int i = 0; onBoundary && i < ulpsAbove; i++) {
      tpm = Math.nextUp(tpm); // floating-point noise just above the boundary
    }
    DemandCurve d = shaped ? DemandCurve.weekdayBusinessHours(tpm, tpm / 3, mix) : DemandCurve.flat(tpm, mix);
    ProvisionedPlan plan = ProvisionedPlan.builder().name("p").addPool(pool).headroom(headroom)
        .scaling(perHour ? Scaling.PER_HOUR : Scaling.FIXED).build();

    WorkloadCost c = plan.monthlyCost(d);

    assertThat(c.unservedTokensPerMonth()).isZero();
    assertThat(c.spilledTokensPerMonth()).isZero();
    assertThat(c.notes()).noneMatch(n -> n.contains("short of demand"));
    int units = pool.unitsFor(d.peakTokensPerMinute(), mix, headroom);
    assertThat(c.peakUnits()).isEqualTo(units);
    double need = d.peakTokensPerMinute() / mix.totalPerRequest() * pool.weightedTokensPerRequest(mix)
        * (1 + headroom) / tpmPerUnit;
    assertThat((double) units).isGreaterThanOrEqualTo(need * (1 - 1e-9));
    if (units > minimum) {
      assertThat((double) (units - increment)).isLessThan(need * (1 - 1e-9));
    }
    if (onBoundary) {
      assertThat(units).isEqualTo(boundary);
    }
  }

  /**
   * A peak-sized deployment with headroom h serves everything and is never more than 1/(1+h) utilized at the
   * peak; fixed too-small deployments serve + spill + leave unserved exactly the demand.
   */
  @Property(tries = 150)
  void provisioned_tokensAreConserved(
      @ForAll("pools") CapacityPool pool, @ForAll("curves") DemandCurve d,
      @ForAll @DoubleRange(min = 0, max = 1) double headroom, @ForAll @DoubleRange(min = 0, max = 1) double fixedShare) {
    ProvisionedPlan sized = ProvisionedPlan.builder().name("p").addPool(pool).headroom(headroom).build();
    WorkloadCost c = sized.monthlyCost(d);
    assertThat(c.unservedTokensPerMonth()).isZero();
    if (c.peakUnits() > pool.minimumUnits() + pool.unitIncrement()) {
      assertThat(c.peakUtilization()).isLessThanOrEqualTo(1 / (1 + headroom) + 1e-9);
    }
    int fixed = Math.max(1, (int) (c.peakUnits() * fixedShare));
    WorkloadCost small = ImmutableProvisionedPlan.copyOf(sized).withFixedUnits(java.util.Map.of(pool.name(), fixed))
        .monthlyCost(d);
    double served = small.tokensPerMonth() - small.unservedTokensPerMonth();
    double servedWeighted = served / d.mix().totalPerRequest() * pool.weightedTokensPerRequest(d.mix());
    double capacityWeighted = (double) fixed * pool.tokensPerMinutePerUnit() * 60 * 730;
    assertThat(served).isGreaterThanOrEqualTo(-1e-3);
    assertThat(servedWeighted).isLessThanOrEqualTo(capacityWeighted * (1 + 1e-9));
    assertThat(small.utilization()).isBetween(0.0, 1.0 + 1e-9);
    // hourly billing at $1 per unit-hour: every deployed unit for all 730 hours
    assertThat(small.monthlyTotal()).isEqualByComparingTo(BigDecimal.valueOf(730L * fixed));
  }

  /** Demand growth never makes a self-hosted deployment smaller. */
  @Property(tries = 200)
  void selfHosted_replicasMonotoneInDemand(
      @ForAll("mixes") TokenMix mix, @ForAll @DoubleRange(min = 0, max = 1e7) double tpm,
      @ForAll @DoubleRange(min = 1, max = 3) double f, @ForAll @DoubleRange(min = 1, max = 5000) double throughput) {
    SelfHostedPlan p = SelfHostedPlan.builder().name("s")
        .instance(OfferCatalog.bundled().gpuInstance("aws-sagemaker/ml.g5.12xlarge"))
        .outputTokensPerSecondPerReplica(throughput).build();
    assertThat(p.replicasFor(tpm * f, mix)).isGreaterThanOrEqualTo(p.replicasFor(tpm, mix));
    double outPerSecond = tpm * (mix.share(dev.tradeoff.pricing.TokenClass.OUTPUT)) / 60;
    assertThat(p.replicasFor(tpm, mix) * throughput * p.targetUtilization())
        .isGreaterThanOrEqualTo(outPerSecond * (1 - 1e-9));
  }

  /** The flat curve's tokens per month are exactly average x 60 x 730. */
  @Property(tries = 100)
  void demandCurve_tokensPerMonth(@ForAll("curves") DemandCurve d) {
    assertThat(d.tokensPerMonth()).isCloseTo(d.averageTokensPerMinute() * 60 * 730, within(1e-3));
  }

  private static ProvisionedPlan hourlyPlan(String name, int minimum, int increment, double perUnitHour) {
    return ProvisionedPlan.builder().name(name).addPool(CapacityPool.weighted("unit", 2_500, 3, 1)
        .minimumUnits(minimum).unitIncrement(increment).hourlyPerUnit(BigDecimal.valueOf(perUnitHour)).build()).build();
  }

  /**
   * Break-evens between two random hourly pools alternate (each crossing's cheaper-above plan is the next one's
   * cheaper-below), so a tie never counts as a crossing; and a pool whose increment divides the other's (same
   * minimum and price) is never dearer, so there is no crossing at all.
   */
  @Property(tries = 25)
  void breakEven_crossingsAlternateAndANeverDearerPlanHasNone(
      @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 20) int minA,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 6) int incA,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 20) int minB,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 6) int incB,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 2, max = 4) int k,
      @ForAll @DoubleRange(min = 0.5, max = 2) double priceB) {
    DemandCurve shape = DemandCurve.flat(1, TokenMix.of(1500, 300));
    List<BreakEvenPoint> all = BreakEven.crossings(hourlyPlan("A", minA, incA, 1), hourlyPlan("B", minB, incB, priceB),
        shape, 0, 1_000, 100_000);
    for (int i = 0; i + 1 < all.size(); i++) {
      assertThat(all.get(i + 1).cheaperBelow()).isEqualTo(all.get(i).cheaperAbove());
    }
    assertThat(BreakEven.crossings(hourlyPlan("A", minA, incA, 1), hourlyPlan("B", minA, incA * k, 1), shape, 0,
        1_000, 100_000)).isEmpty();
  }
}
