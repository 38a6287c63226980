package dev.tradeoff.pricing.internal;

import dev.tradeoff.pricing.Money;
import dev.tradeoff.pricing.TokenClass;
import dev.tradeoff.pricing.plan.CostItem;
import dev.tradeoff.pricing.plan.DemandCurve;
import dev.tradeoff.pricing.plan.ImmutableWorkloadCost;
import dev.tradeoff.pricing.plan.PayAsYouGoPlan;
import dev.tradeoff.pricing.plan.Scaling;
import dev.tradeoff.pricing.plan.SelfHostedPlan;
import dev.tradeoff.pricing.plan.TokenMix;
import dev.tradeoff.pricing.plan.WorkloadCost;
import dev.tradeoff.pricing.selfhost.InstancePricing;
import java.math.BigDecimal;
import java.util.Locale;

/** Monthly cost of self-hosted plans: hour-by-hour replica counts over one week, scaled to 730 hours. */
public final class SelfHostedMath {

  private static final int H = DemandCurve.HOURS_PER_WEEK;
  private static final BigDecimal WEEKS = BigDecimal.valueOf(DemandCurve.HOURS_PER_MONTH)
      .divide(BigDecimal.valueOf(H), Money.WORKING);

  private SelfHostedMath() {}

  static double outputShare(TokenMix mix) {
    return mix.share(TokenClass.OUTPUT) + mix.share(TokenClass.REASONING);
  }

  public static int replicasFor(SelfHostedPlan plan, double tokensPerMinute, TokenMix mix) {
    double outPerSecond = tokensPerMinute * outputShare(mix) / 60.0;
    double perReplica = plan.outputTokensPerSecondPerReplica() * plan.targetUtilization();
    double need = outPerSecond * (1 + plan.headroom()) / perReplica;
    int replicas = need <= 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, Math.ceil(need - 1e-9));
    return Math.max(plan.minReplicas(), replicas);
  }

  public static WorkloadCost monthlyCost(SelfHostedPlan plan, DemandCurve demand) {
    TokenMix mix = demand.mix();
    double share = outputShare(mix);
    if (share <= 0) {
      throw dev.tradeoff.pricing.InvalidValueException.of("mix.output", "> 0: self-hosted capacity is measured in"
          + " output tokens per second (plan " + plan.name() + ")", 0);
    }
    double[] tpm = demand.toArray();
    int[] replicas = new int[H];
    int peakReplicas = 0;
    int fixed = peakReplicas(plan, demand);
    double perReplicaFull = plan.outputTokensPerSecondPerReplica() * 60; // output tokens per minute at 100%
    double excessTokens = 0;
    double servedOut = 0;
    double peakUtil = 0;
    long replicaHours = 0;
    for (int h = 0; h < H; h++) {
      int r = plan.scaling() == Scaling.FIXED ? fixed : Math.min(plan.maxReplicas(), replicasFor(plan, tpm[h], mix));
      replicas[h] = r;
      peakReplicas = Math.max(peakReplicas, r);
      replicaHours += r;
      double outTpm = tpm[h] * share;
      double served = Math.min(outTpm, r * perReplicaFull);
      servedOut += served;
      if (outTpm > served) {
        excessTokens += (outTpm - served) / share * 60;
      }
      if (r > 0) {
        peakUtil = Math.max(peakUtil, served / (r * perReplicaFull));
      }
    }
    excessTokens *= DemandCurve.WEEKS_PER_MONTH;
    int perReplica = plan.instancesPerReplica();
    ImmutableWorkloadCost.Builder b = WorkloadCost.builder()
        .planName(plan.name()).planKind(plan.kind()).tokensPerMonth(demand.tokensPerMonth());
    BigDecimal total = BigDecimal.ZERO;
    InstancePricing pricing = plan.pricing();
    BigDecimal rate = plan.instance().hourly(pricing).orElseThrow();
    if (isReserved(pricing)) {
      int reserved = reservedReplicas(plan, fixed);
      BigDecimal reservedCost = reservedCost(plan, reserved);
      b.addItem(CostItem.of("instances reserved (" + reserved * perReplica + " x " + plan.instance().instanceType()
          + ", " + pricing + ", every hour)", reservedCost));
      total = total.add(reservedCost);
      long above = 0;
      for (int r : replicas) {
        above += Math.max(0, r - reserved);
      }
      if (above > 0) {
        BigDecimal od = plan.instance().onDemandHourly().orElseThrow(() ->
            dev.tradeoff.pricing.InvalidValueException.of("onDemandHourly", "present to bill replicas above the "
                + reserved + " reserved (instance " + plan.instance().id() + ")", null));
        BigDecimal amount = WorkloadMath.report(BigDecimal.valueOf(above * perReplica).multiply(WEEKS).multiply(od));
        b.addItem(CostItem.of("instances above reservation (on demand)", amount));
        total = total.add(amount);
      }
    } else {
      BigDecimal amount = WorkloadMath.report(BigDecimal.valueOf(replicaHours * perReplica).multiply(WEEKS)
          .multiply(rate));
      b.addItem(CostItem.of("instance-hours (" + plan.instance().instanceType() + ", " + pricing + ")", amount));
      total = total.add(amount);
      if (pricing == InstancePricing.SPOT) {
        b.addNotes("spot capacity can be interrupted; interruptions and fallback capacity are not modelled");
      }
    }
    if (plan.engineeringHoursPerMonth() > 0 && plan.engineeringHourlyRate().signum() > 0) {
      BigDecimal eng = WorkloadMath.report(BigDecimal.valueOf(plan.engineeringHoursPerMonth())
          .multiply(plan.engineeringHourlyRate()));
      b.addItem(CostItem.of("engineering (" + plan.engineeringHoursPerMonth() + " h)", eng));
      total = total.add(eng);
    }
    total = fixed(b, total, "licensing", plan.licensingPerMonth());
    total = fixed(b, total, "storage", plan.storagePerMonth());
    total = fixed(b, total, "egress", plan.egressPerMonth());
    double spilled = 0;
    if (excessTokens > 1e-6) {
      if (plan.spillover().isPresent()) {
        PayAsYouGoPlan payg = plan.spillover().get();
        BigDecimal spill = WorkloadMath.report(payg.costPerRequest(mix)
            .multiply(BigDecimal.valueOf(excessTokens / mix.totalPerRequest())));
        b.addItem(CostItem.of("spillover to " + payg.name(), spill));
        total = total.add(spill);
        spilled = excessTokens;
      } else {
        b.unservedTokensPerMonth(excessTokens);
        b.addNotes(String.format(Locale.ROOT, "maxReplicas %d cannot serve %s tokens/month and no spillover is"
            + " configured: that demand is unserved", plan.maxReplicas(), ProvisionedMath.tokens(excessTokens)));
      }
    }
    b.spilledTokensPerMonth(spilled);
    long sum = 0;
    for (int r : replicas) {
      b.addUnitsByHour(r * perReplica);
      sum += (long) r * perReplica;
    }
    double capacity = replicaHours * perReplicaFull;
    b.peakUnits(peakReplicas * perReplica).averageUnits((double) sum / H)
        .utilization(capacity > 0 ? servedOut / capacity : 0)
        .peakUtilization(Math.min(1, peakUtil))
        .addNotes(String.format(Locale.ROOT, "%d-%d replicas of %d x %s; %.0f output tokens/s per replica at %.0f%%"
            + " target utilization", minOf(replicas), peakReplicas, perReplica, plan.instance().instanceType(),
            plan.outputTokensPerSecondPerReplica(), 100 * plan.targetUtilization()));
    return b.monthlyTotal(total).build();
  }

  /** Whether the pricing bills a reservation (a baseline at the reserved rate every hour). */
  static boolean isReserved(InstancePricing pricing) {
    return pricing == InstancePricing.RESERVED_1Y || pricing == InstancePricing.RESERVED_3Y;
  }

  /**
   * The replicas a reserved plan bills at the reserved rate for a month of the demand: its
   * {@link SelfHostedPlan#reservedReplicas()} where given, else the peak hour's count clamped to {@code maxReplicas}
   * ({@link Scaling#FIXED}) or {@code minReplicas}.
   *
   * @param plan the plan
   * @param demand the month's demand
   * @return the reserved replicas, {@code >= 0}
   */
  static int reservedReplicas(SelfHostedPlan plan, DemandCurve demand) {
    return reservedReplicas(plan, peakReplicas(plan, demand));
  }

  /** The replicas the peak hour needs, clamped to {@code maxReplicas}: what {@link Scaling#FIXED} runs all week. */
  private static int peakReplicas(SelfHostedPlan plan, DemandCurve demand) {
    return Math.min(plan.maxReplicas(), replicasFor(plan, demand.peakTokensPerMinute(), demand.mix()));
  }

  private static int reservedReplicas(SelfHostedPlan plan, int fixed) {
    return plan.reservedReplicas().isPresent() ? plan.reservedReplicas().getAsInt()
        : (plan.scaling() == Scaling.FIXED ? fixed : plan.minReplicas());
  }

  /**
   * The monthly cost of reserved replicas exactly as {@link #monthlyCost} bills it: every instance of every
   * replica for all 730 hours at the plan's reserved rate.
   *
   * @param plan a plan with reserved pricing
   * @param reserved the reserved replicas
   * @return USD per month, at the report scale
   */
  static BigDecimal reservedCost(SelfHostedPlan plan, int reserved) {
    return WorkloadMath.report(BigDecimal.valueOf((long) reserved * plan.instancesPerReplica())
        .multiply(BigDecimal.valueOf(DemandCurve.HOURS_PER_MONTH))
        .multiply(plan.instance().hourly(plan.pricing()).orElseThrow()));
  }

  private static int minOf(int[] a) {
    int m = Integer.MAX_VALUE;
    for (int v : a) {
      m = Math.min(m, v);
    }
    return m;
  }

  private static BigDecimal fixed(ImmutableWorkloadCost.Builder b, BigDecimal total, String name, BigDecimal amount) {
    if (amount.signum() > 0) {
      BigDecimal a = WorkloadMath.report(amount);
      b.addItem(CostItem.of(name, a));
      return total.add(a);
    }
    return total;
  }
}
