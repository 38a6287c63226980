package dev.tradeoff.pricing.tco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tradeoff.pricing.catalog.OfferCatalog;
import dev.tradeoff.pricing.plan.DemandCurve;
import dev.tradeoff.pricing.plan.ImmutableSelfHostedPlan;
import dev.tradeoff.pricing.plan.Scaling;
import dev.tradeoff.pricing.plan.SelfHostedPlan;
import dev.tradeoff.pricing.plan.TokenMix;
import dev.tradeoff.pricing.selfhost.GpuInstance;
import dev.tradeoff.pricing.selfhost.InstancePricing;
import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Invariants of self-hosted reservation terms in the TCO, over random growth, price decline and plans. */
final class TcoSelfHostedTermsProperties {

  private static final TokenMix MIX = TokenMix.of(1000, 250);
  private static final List<GpuInstance> RESERVABLE = OfferCatalog.bundled().gpuInstances().stream()
      .filter(g -> g.reserved1yHourly().filter(p -> p.signum() > 0).isPresent()
          && g.reserved3yHourly().filter(p -> p.signum() > 0).isPresent()
          && g.onDemandHourly().isPresent())
      .toList();

  /** A reserved plan with random sizing parameters and fixed costs; the properties set its scaling. */
  @Provide
  Arbitrary<SelfHostedPlan> plans() {
    return Combinators.combine(Arbitraries.of(RESERVABLE),
            Arbitraries.of(InstancePricing.RESERVED_1Y, InstancePricing.RESERVED_3Y),
            Arbitraries.doubles().between(50, 3000), Arbitraries.integers().between(1, 3),
            Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 40),
            Arbitraries.integers().between(0, 2000))
        .as((instance, pricing, throughput, instancesPerReplica, minReplicas, engineeringHours, storage) ->
            SelfHostedPlan.builder().name("s").instance(instance).pricing(pricing)
                .outputTokensPerSecondPerReplica(throughput).instancesPerReplica(instancesPerReplica)
                .minReplicas(minReplicas).engineeringHoursPerMonth(engineeringHours)
                .engineeringHourlyRate(new BigDecimal("100")).storagePerMonth(BigDecimal.valueOf(storage)).build());
  }

  /** Years, demand growth (falling to rising) and price decline of a scenario. */
  record Horizon(int years, double growth, double decline) {

    TcoResult project(DemandCurve demand, SelfHostedPlan plan) {
      return TcoScenario.builder().demand(demand).years(years).demandGrowthPerYear(growth).priceDeclinePerYear(decline)
          .addOption(TcoOption.of("p", plan)).build().project().result("p");
    }

    /** The price factor of month {@code m}'s term start: the decline steps at each year start (TcoScenario). */
    double termPriceFactor(int term, int m) {
      int termStart = (m - 1) / term * term + 1;
      return Math.pow(1 - decline, (termStart - 1) / 12);
    }
  }

  @Provide
  Arbitrary<Horizon> horizons() {
    return Combinators.combine(Arbitraries.integers().between(1, 5), Arbitraries.doubles().between(-0.7, 1.5),
        Arbitraries.doubles().between(0, 0.6)).as(Horizon::new);
  }

  private static int term(SelfHostedPlan plan) {
    return plan.pricing() == InstancePricing.RESERVED_3Y ? 36 : 12;
  }

  /** A reserved replica for a month: every instance for 730 hours at the reserved rate. */
  private static double perReplicaMonth(SelfHostedPlan plan) {
    return plan.instancesPerReplica() * 730 * plan.instance().hourly(plan.pricing()).orElseThrow().doubleValue();
  }

  /** Engineering, licensing, storage and egress: billed every month at the month's price factor. */
  private static double fixedCosts(SelfHostedPlan plan) {
    return plan.engineeringHoursPerMonth() * plan.engineeringHourlyRate().doubleValue()
        + plan.licensingPerMonth().add(plan.storagePerMonth()).add(plan.egressPerMonth()).doubleValue();
  }

  /**
   * With {@link Scaling#FIXED} every running replica is reserved (the baseline is the peak count), so a month's
   * cost less its fixed costs is exactly {@code replicas x instancesPerReplica x 730 h x reserved rate x} the price
   * factor of the term's start: dividing it out gives the reserved replicas billed — a whole number (so the
   * reserved rate is the term's), never fewer than the month's demand needs, and never fewer than the month
   * before within a term, whether demand grows or falls.
   */
  @Property(tries = 200)
  void fixedScaling_reservedReplicasWholeCoveringAndNonDecreasingWithinTerm(
      @ForAll("plans") SelfHostedPlan generated, @ForAll("horizons") Horizon horizon,
      @ForAll @DoubleRange(min = 0, max = 1e6) double tokensPerMinute) {
    SelfHostedPlan plan = ImmutableSelfHostedPlan.copyOf(generated).withScaling(Scaling.FIXED);
    DemandCurve demand = DemandCurve.flat(tokensPerMinute, MIX);
    TcoResult r = horizon.project(demand, plan);

    int term = term(plan);
    long previous = 0;
    for (TcoMonth month : r.months()) {
      int m = month.month();
      double replicas = (month.cost().doubleValue() - fixedCosts(plan) * month.priceFactor())
          / (perReplicaMonth(plan) * horizon.termPriceFactor(term, m));
      long whole = Math.round(replicas);
      assertThat(replicas).as("reserved replicas billed in month %d", m).isCloseTo(whole, within(1e-6));
      int needed = plan.replicasFor(demand.times(month.demandFactor()).peakTokensPerMinute(), MIX);
      assertThat(whole).as("reserved replicas cover month %d", m).isGreaterThanOrEqualTo(needed);
      if ((m - 1) % term != 0) {
        assertThat(whole).as("reserved replicas in month %d, within a term", m).isGreaterThanOrEqualTo(previous);
      }
      previous = whole;
    }
  }

  /**
   * The TCO total is never below this on-demand-free lower bound: in every month, the replicas the plan reserves
   * for its term's first month (its {@code reservedReplicas}, else {@code minReplicas}, or the peak count when
   * FIXED) billed every hour at the reserved rate and the term start's price factor, plus the fixed monthly costs
   * at the month's price factor. Within a term the reservation never shrinks below its start and keeps that price,
   * and whatever else is billed (replicas above the reservation on demand) is never negative.
   */
  @Property(tries = 200)
  void total_neverBelowTheTermStartReservationAndFixedCosts(
      @ForAll("plans") SelfHostedPlan generated, @ForAll("horizons") Horizon horizon,
      @ForAll boolean fixedScaling, @ForAll @IntRange(min = -1, max = 6) int explicitReserved,
      @ForAll @DoubleRange(min = 0, max = 1e6) double peak,
      @ForAll @DoubleRange(min = 0, max = 1) double offPeakShare) {
    ImmutableSelfHostedPlan b = ImmutableSelfHostedPlan.copyOf(generated)
        .withScaling(fixedScaling ? Scaling.FIXED : Scaling.PER_HOUR);
    SelfHostedPlan plan = explicitReserved >= 0 ? b.withReservedReplicas(explicitReserved) : b;
    DemandCurve demand = DemandCurve.weekdayBusinessHours(peak, peak * offPeakShare, MIX);
    TcoResult r = horizon.project(demand, plan);

    int term = term(plan);
    double bound = 0;
    int reservedAtTermStart = 0;
    for (TcoMonth month : r.months()) {
      int m = month.month();
      if ((m - 1) % term == 0) {
        reservedAtTermStart = explicitReserved >= 0 ? explicitReserved : !fixedScaling ? plan.minReplicas()
            : plan.replicasFor(demand.times(month.demandFactor()).peakTokensPerMinute(), MIX);
      }
      bound += reservedAtTermStart * perReplicaMonth(plan) * horizon.termPriceFactor(term, m)
          + fixedCosts(plan) * month.priceFactor();
    }
    assertThat(r.total().doubleValue()).isGreaterThanOrEqualTo(bound * (1 - 1e-12) - 1e-6 * r.months().size());
  }
}
