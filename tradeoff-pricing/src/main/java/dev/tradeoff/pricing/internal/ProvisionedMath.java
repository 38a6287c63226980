package dev.tradeoff.pricing.internal;

import dev.tradeoff.pricing.InvalidValueException;
import dev.tradeoff.pricing.Money;
import dev.tradeoff.pricing.plan.Billing;
import dev.tradeoff.pricing.plan.CapacityPool;
import dev.tradeoff.pricing.plan.CostItem;
import dev.tradeoff.pricing.plan.DemandCurve;
import dev.tradeoff.pricing.plan.ImmutableWorkloadCost;
import dev.tradeoff.pricing.plan.PayAsYouGoPlan;
import dev.tradeoff.pricing.plan.ProvisionedPlan;
import dev.tradeoff.pricing.plan.Scaling;
import dev.tradeoff.pricing.plan.TokenMix;
import dev.tradeoff.pricing.plan.WorkloadCost;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Monthly cost of provisioned plans: an hour-by-hour simulation of one week, scaled to 730 hours. */
public final class ProvisionedMath {

  private static final int H = DemandCurve.HOURS_PER_WEEK;
  private static final BigDecimal WEEKS = BigDecimal.valueOf(DemandCurve.HOURS_PER_MONTH)
      .divide(BigDecimal.valueOf(H), Money.WORKING);

  private ProvisionedMath() {}

  /** Per-hour capacity schedule and what it served. */
  public static final class Schedule {
    public final int[][] units;        // [pool][hour]
    public final double[] servedRpm;   // requests per minute served per hour
    public final double[] excessRpm;   // requests per minute above capacity per hour
    public final double[][] utilization; // [pool][hour]

    Schedule(int pools) {
      units = new int[pools][H];
      servedRpm = new double[H];
      excessRpm = new double[H];
      utilization = new double[pools][H];
    }
  }

  /** Simulates a week: units per pool per hour, served and excess requests. */
  public static Schedule simulate(
      List<CapacityPool> pools, double[] tpm, TokenMix mix, double headroom, Scaling scaling,
      java.util.Map<String, Integer> fixedUnits, int[] maxUnits) {
    Schedule s = new Schedule(pools.size());
    double perRequest = mix.totalPerRequest();
    double peak = 0;
    for (double v : tpm) {
      peak = Math.max(peak, v);
    }
    for (int p = 0; p < pools.size(); p++) {
      CapacityPool pool = pools.get(p);
      Integer fixed = fixedUnits.get(pool.name());
      int fixedForWeek = fixed != null ? fixed : pool.unitsFor(peak, mix, headroom);
      for (int h = 0; h < H; h++) {
        int u = fixed != null || scaling == Scaling.FIXED ? fixedForWeek : pool.unitsFor(tpm[h], mix, headroom);
        if (maxUnits != null && maxUnits[p] >= 0) {
          u = Math.min(u, maxUnits[p]);
        }
        s.units[p][h] = u;
      }
    }
    for (int h = 0; h < H; h++) {
      double rpm = tpm[h] / perRequest;
      double servable = rpm;
      for (int p = 0; p < pools.size(); p++) {
        CapacityPool pool = pools.get(p);
        double w = pool.weightedTokensPerRequest(mix);
        // the same need and tolerance unitsFor sized with: units that cover it serve the whole hour
        if (w > 0 && !WorkloadMath.covers(s.units[p][h], rpm * w / pool.tokensPerMinutePerUnit())) {
          servable = Math.min(servable, s.units[p][h] * pool.tokensPerMinutePerUnit() / w);
        }
      }
      s.servedRpm[h] = servable;
      s.excessRpm[h] = rpm - servable;
      for (int p = 0; p < pools.size(); p++) {
        CapacityPool pool = pools.get(p);
        double cap = s.units[p][h] * pool.tokensPerMinutePerUnit();
        s.utilization[p][h] = cap > 0 ? Math.min(1.0, servable * pool.weightedTokensPerRequest(mix) / cap) : 0;
      }
    }
    return s;
  }

  public static WorkloadCost monthlyCost(ProvisionedPlan plan, DemandCurve demand) {
    List<CapacityPool> pools = plan.pools();
    TokenMix mix = demand.mix();
    double[] tpm = demand.toArray();
    Schedule s = simulate(pools, tpm, mix, plan.headroom(), plan.scaling(), plan.fixedUnits(), null);
    ImmutableWorkloadCost.Builder b = WorkloadCost.builder()
        .planName(plan.name()).planKind(plan.kind()).tokensPerMonth(demand.tokensPerMonth());
    List<String> notes = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    double[] poolCost = new double[pools.size()];
    double[] poolUtil = new double[pools.size()];
    for (int p = 0; p < pools.size(); p++) {
      CapacityPool pool = pools.get(p);
      int min = Integer.MAX_VALUE;
      int max = 0;
      long unitHours = 0;
      for (int h = 0; h < H; h++) {
        min = Math.min(min, s.units[p][h]);
        max = Math.max(max, s.units[p][h]);
        unitHours += s.units[p][h];
      }
      BigDecimal poolTotal = BigDecimal.ZERO;
      if (plan.billing() == Billing.HOURLY) {
        BigDecimal amount = WorkloadMath.report(BigDecimal.valueOf(unitHours).multiply(WEEKS)
            .multiply(pool.hourlyPerUnit().orElseThrow()));
        b.addItem(CostItem.of(pool.name() + " unit-hours (hourly)", amount));
        poolTotal = amount;
      } else {
        int reserved = reserved(plan, pool, min, max);
        BigDecimal reservedCost = WorkloadMath.report(BigDecimal.valueOf(reserved)
            .multiply(pool.reservedPerUnitMonth().orElseThrow()));
        b.addItem(CostItem.of(pool.name() + " reserved (" + reserved + " units, "
            + plan.reservationTermMonths() + "-month term)", reservedCost));
        poolTotal = reservedCost;
        long overflowHours = 0;
        for (int h = 0; h < H; h++) {
          overflowHours += Math.max(0, s.units[p][h] - reserved);
        }
        if (overflowHours > 0) {
          if (pool.hourlyPerUnit().isEmpty()) {
            throw InvalidValueException.of("pools." + pool.name() + ".hourlyPerUnit",
                "present to bill units deployed beyond the reservation of " + reserved + " (plan " + plan.name() + ")",
                null);
          }
          BigDecimal overflow = WorkloadMath.report(BigDecimal.valueOf(overflowHours).multiply(WEEKS)
              .multiply(pool.hourlyPerUnit().get()));
          b.addItem(CostItem.of(pool.name() + " beyond reservation (hourly)", overflow));
          poolTotal = poolTotal.add(overflow);
          notes.add(pool.name() + ": deployments above the " + reserved + " reserved units are billed hourly");
        }
        if (reserved > max) {
          notes.add(pool.name() + ": " + (reserved - max) + " reserved units are never deployed and still paid");
        }
      }
      total = total.add(poolTotal);
      poolCost[p] = poolTotal.doubleValue();
      double served = 0;
      double capacity = 0;
      for (int h = 0; h < H; h++) {
        served += s.servedRpm[h] * pool.weightedTokensPerRequest(mix);
        capacity += s.units[p][h] * pool.tokensPerMinutePerUnit();
      }
      poolUtil[p] = capacity > 0 ? Math.min(1.0, served / capacity) : 0;
      notes.add(pool.name() + ": " + (min == max ? max + " units" : min + "-" + max + " units") + ", "
          + pool.tokensPerMinutePerUnit() + " capacity tokens/min each, utilization "
          + String.format(Locale.ROOT, "%.1f%%", 100 * poolUtil[p]));
    }
    double spilledTokens = 0;
    double excessTokens = 0;
    for (int h = 0; h < H; h++) {
      excessTokens += s.excessRpm[h] * mix.totalPerRequest() * 60;
    }
    excessTokens *= DemandCurve.WEEKS_PER_MONTH;
    if (excessTokens > 0) {
      if (plan.spillover().isPresent()) {
        PayAsYouGoPlan payg = plan.spillover().get();
        BigDecimal perRequest = payg.costPerRequest(mix);
        BigDecimal spill = WorkloadMath.report(perRequest.multiply(BigDecimal.valueOf(excessTokens / mix.totalPerRequest())));
        b.addItem(CostItem.of("spillover to " + payg.name(), spill));
        total = total.add(spill);
        spilledTokens = excessTokens;
        notes.add("requests above capacity spill over whole to " + payg.name());
      } else {
        b.unservedTokensPerMonth(excessTokens);
        notes.add("capacity is short of demand by " + tokens(excessTokens) + " tokens/month and no"
            + " spillover is configured: that demand is unserved");
      }
    }
    b.spilledTokensPerMonth(spilledTokens);
    fillUnits(b, s);
    b.utilization(weighted(poolUtil, poolCost));
    b.peakUtilization(peak(s));
    return b.monthlyTotal(total).addAllNotes(notes).build();
  }

  /** The units a reserved plan reserves for a pool whose deployment ranges over min..max units in the week. */
  private static int reserved(ProvisionedPlan plan, CapacityPool pool, int min, int max) {
    Integer r = plan.reservedUnits().get(pool.name());
    return r != null ? r : (plan.scaling() == Scaling.FIXED ? max : min);
  }

  /**
   * The units per pool a reserved plan reserves for a month of the demand: its {@link ProvisionedPlan#reservedUnits()}
   * where given, else the week's peak deployment ({@link Scaling#FIXED}) or lowest hour ({@link Scaling#PER_HOUR}).
   *
   * @param plan the plan
   * @param demand the month's demand
   * @return pool name to reserved units, in pool order
   */
  public static Map<String, Integer> reservedUnits(ProvisionedPlan plan, DemandCurve demand) {
    List<CapacityPool> pools = plan.pools();
    Schedule s = simulate(pools, demand.toArray(), demand.mix(), plan.headroom(), plan.scaling(), plan.fixedUnits(),
        null);
    Map<String, Integer> out = new LinkedHashMap<>();
    for (int p = 0; p < pools.size(); p++) {
      int min = Integer.MAX_VALUE;
      int max = 0;
      for (int h = 0; h < H; h++) {
        min = Math.min(min, s.units[p][h]);
        max = Math.max(max, s.units[p][h]);
      }
      out.put(pools.get(p).name(), reserved(plan, pools.get(p), min, max));
    }
    return out;
  }

  /** A token count for a note: whole tokens, or three significant digits below one token (never "0"). */
  static String tokens(double tokens) {
    return tokens >= 1 ? String.format(Locale.ROOT, "%.0f", tokens)
        : String.format(Locale.ROOT, "%.3g", tokens);
  }

  static void fillUnits(ImmutableWorkloadCost.Builder b, Schedule s) {
    int peak = 0;
    long sum = 0;
    for (int h = 0; h < H; h++) {
      int u = 0;
      for (int[] pool : s.units) {
        u += pool[h];
      }
      b.addUnitsByHour(u);
      peak = Math.max(peak, u);
      sum += u;
    }
    b.peakUnits(peak).averageUnits((double) sum / H);
  }

  static double weighted(double[] values, double[] weights) {
    double sw = 0;
    double s = 0;
    for (int i = 0; i < values.length; i++) {
      s += values[i] * weights[i];
      sw += weights[i];
    }
    if (sw <= 0) {
      double plain = 0;
      for (double v : values) {
        plain += v;
      }
      return values.length == 0 ? 0 : plain / values.length;
    }
    return s / sw;
  }

  static double peak(Schedule s) {
    double peak = 0;
    for (double[] pool : s.utilization) {
      for (double u : pool) {
        peak = Math.max(peak, u);
      }
    }
    return Math.min(1.0, peak);
  }

  /** Hourly charge of a partial hour, prorated by started minute. */
  public static BigDecimal prorated(CapacityPool pool, int units, Duration deployed) {
    if (units < 0) {
      throw InvalidValueException.of("units", ">= 0", units);
    }
    if (deployed.isNegative() || deployed.compareTo(Duration.ofHours(1)) > 0) {
      throw InvalidValueException.of("deployed", "between 0 and 60 minutes (bill longer deployments per hour)",
          deployed);
    }
    BigDecimal hourly = pool.hourlyPerUnit().orElseThrow(() ->
        InvalidValueException.of("hourlyPerUnit", "present to prorate an hourly charge (pool " + pool.name() + ")", null));
    long seconds = deployed.getSeconds() + (deployed.getNano() > 0 ? 1 : 0);
    long minutes = (seconds + 59) / 60; // a started minute counts
    return Money.normalize(hourly.multiply(BigDecimal.valueOf(units)).multiply(BigDecimal.valueOf(minutes))
        .divide(BigDecimal.valueOf(60), Money.WORKING).setScale(12, RoundingMode.HALF_EVEN));
  }
}
