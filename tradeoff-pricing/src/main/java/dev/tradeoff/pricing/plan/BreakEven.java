package dev.tradeoff.pricing.plan;

import dev.tradeoff.pricing.InvalidValueException;
import dev.tradeoff.pricing.internal.WorkloadMath;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;

/**
 * Break-even volumes between any two plans: the sustained demand at which their monthly costs are equal, found
 * numerically (a log-spaced scan brackets each sign change of the cost difference, then Commons Math's
 * {@link BrentSolver} refines it).
 *
 * <pre>{@code
 * // Above how many tokens/minute does a 1-year PTU reservation beat pay-as-you-go, sized with 20% headroom?
 * Optional<BreakEvenPoint> first = BreakEven.between(payg, ptu, TokenMix.of(1500, 300), 0.2, 1_000, 10_000_000);
 * Optional<BreakEvenPoint> forGood = BreakEven.sustained(payg, ptu, TokenMix.of(1500, 300), 0.2, 1_000, 10_000_000);
 * // The same for an office-hours shape (scaled to each average volume):
 * List<BreakEvenPoint> all = BreakEven.crossings(payg, ptu, officeCurve, 0.2, 1_000, 10_000_000);
 * }</pre>
 *
 * <p>The headroom is explicit: both plans are evaluated {@link PricingPlan#withHeadroom(double) with it}. The
 * volume searched is the weekly <em>average</em> tokens per minute; the demand's shape (flat, or the given curve
 * rescaled) decides the peak that capacity plans are sized for. Capacity costs are step functions, so there may
 * be several crossings; {@link #crossings} returns all of them in the range, lowest first. A crossing is where the
 * strict order changes: volumes at which both plans cost the same (ties, including identical plans) are not
 * crossings by themselves. When the plans tie over an interval between one plan being strictly cheaper and the
 * other, the crossing is reported where the tie begins; between it and the end of the tie both cost the same.
 * Results are accurate to 1e-6 relative in volume. Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class BreakEven {

  /**
   * Grid points of the bracketing scan, log-spaced over the range: over three decades neighbouring points are
   * 0.34% apart, so a window in which the other plan is cheaper that is narrower than that can be missed.
   */
  public static final int SCAN_POINTS = 2048;

  private BreakEven() {}

  /**
   * The lowest break-even for a flat (constant) demand.
   *
   * @param a the first plan
   * @param b the second plan
   * @param mix the token mix
   * @param headroom capacity headroom applied to both plans, {@code >= 0}
   * @param minTokensPerMinute lower end of the search, {@code > 0}
   * @param maxTokensPerMinute upper end of the search, {@code > min}
   * @return the lowest crossing, or empty if one plan is cheaper over the whole range
   * @throws InvalidValueException on a bad range or headroom
   */
  public static Optional<BreakEvenPoint> between(
      PricingPlan a, PricingPlan b, TokenMix mix, double headroom, double minTokensPerMinute,
      double maxTokensPerMinute) {
    return crossings(a, b, DemandCurve.flat(1, mix), headroom, minTokensPerMinute, maxTokensPerMinute)
        .stream().findFirst();
  }

  /**
   * The sustained break-even for a flat demand: the last crossing in the range, above which the plan that is then
   * cheaper stays cheaper up to {@code maxTokensPerMinute} — "the volume above which PTUs beat pay-as-you-go".
   *
   * @param a the first plan
   * @param b the second plan
   * @param mix the token mix
   * @param headroom capacity headroom applied to both plans, {@code >= 0}
   * @param minTokensPerMinute lower end of the search, {@code > 0}
   * @param maxTokensPerMinute upper end of the search, {@code > min}
   * @return the last crossing, or empty if one plan is cheaper over the whole range
   * @throws InvalidValueException on a bad range or headroom
   */
  public static Optional<BreakEvenPoint> sustained(
      PricingPlan a, PricingPlan b, TokenMix mix, double headroom, double minTokensPerMinute,
      double maxTokensPerMinute) {
    List<BreakEvenPoint> all =
        crossings(a, b, DemandCurve.flat(1, mix), headroom, minTokensPerMinute, maxTokensPerMinute);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /**
   * All break-evens for a demand shape, scaled to each average volume.
   *
   * @param a the first plan
   * @param b the second plan
   * @param shape the weekly shape and mix (its scale is ignored)
   * @param headroom capacity headroom applied to both plans, {@code >= 0}
   * @param minTokensPerMinute lower end of the search (weekly average), {@code > 0}
   * @param maxTokensPerMinute upper end of the search, {@code > min}
   * @return the crossings, lowest volume first; empty if one plan is cheaper throughout
   * @throws InvalidValueException on a bad range or headroom, or an all-zero shape
   */
  public static List<BreakEvenPoint> crossings(
      PricingPlan a, PricingPlan b, DemandCurve shape, double headroom, double minTokensPerMinute,
      double maxTokensPerMinute) {
    if (!(minTokensPerMinute > 0) || Double.isInfinite(minTokensPerMinute)) {
      throw InvalidValueException.of("minTokensPerMinute", "> 0 and finite", minTokensPerMinute);
    }
    if (!(maxTokensPerMinute > minTokensPerMinute) || Double.isInfinite(maxTokensPerMinute)) {
      throw InvalidValueException.of("maxTokensPerMinute", "> minTokensPerMinute (" + minTokensPerMinute + ")",
          maxTokensPerMinute);
    }
    if (!(headroom >= 0) || Double.isInfinite(headroom)) {
      throw InvalidValueException.of("headroom", ">= 0 and finite", headroom);
    }
    PricingPlan pa = a.withHeadroom(headroom);
    PricingPlan pb = b.withHeadroom(headroom);
    UnivariateFunction diff = x -> cost(pa, shape, x).subtract(cost(pb, shape, x)).doubleValue();
    double[] xs = new double[SCAN_POINTS];
    double[] fs = new double[SCAN_POINTS];
    double ratio = Math.log(maxTokensPerMinute / minTokensPerMinute);
    for (int i = 0; i < SCAN_POINTS; i++) {
      xs[i] = minTokensPerMinute * Math.exp(ratio * i / (SCAN_POINTS - 1));
      fs[i] = diff.value(xs[i]);
    }
    List<BreakEvenPoint> out = new ArrayList<>();
    // A crossing is where the strict order changes: compare each strictly ordered grid point with the previous
    // strictly ordered one, skipping ties (equal costs), so A < B, A = B, A < B is no crossing.
    int last = -1;
    for (int j = 0; j < SCAN_POINTS; j++) {
      if (fs[j] == 0) {
        continue;
      }
      if (last >= 0 && Math.signum(fs[last]) != Math.signum(fs[j])) {
        double x = j == last + 1
            // relative accuracy 1e-12, absolute 1e-7 of the volume, function accuracy a nano-dollar
            ? new BrentSolver(1e-12, 1e-7 * xs[last], 1e-9).solve(500, diff, xs[last], xs[j])
            : tieStart(diff, xs[last], xs[last + 1], Math.signum(fs[last]));
        BigDecimal ca = WorkloadMath.report(cost(pa, shape, x));
        BigDecimal cb = WorkloadMath.report(cost(pb, shape, x));
        double scale = Math.max(1e-9, Math.max(ca.abs().doubleValue(), cb.abs().doubleValue()));
        boolean jump = Math.abs(ca.subtract(cb).doubleValue()) > 1e-4 * scale + 1e-6;
        out.add(BreakEvenPoint.builder()
            .averageTokensPerMinute(x)
            .tokensPerMonth(x * 60 * DemandCurve.HOURS_PER_MONTH)
            .monthlyCostA(ca).monthlyCostB(cb)
            .cheaperBelow(fs[last] < 0 ? pa.name() : pb.name())
            .cheaperAbove(fs[last] < 0 ? pb.name() : pa.name())
            .headroom(headroom)
            .jump(jump)
            .build());
      }
      last = j;
    }
    return out;
  }

  /**
   * The lowest volume in {@code (lo, hi]} at which the order is no longer {@code sign} (costs become equal), by
   * bisection to 1e-9 relative; {@code diff(lo)} has sign {@code sign} and {@code diff(hi)} is zero.
   */
  private static double tieStart(UnivariateFunction diff, double lo, double hi, double sign) {
    for (int i = 0; i < 200 && hi - lo > 1e-9 * hi; i++) {
      double mid = lo + (hi - lo) / 2;
      if (Math.signum(diff.value(mid)) == sign) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return hi;
  }

  private static BigDecimal cost(PricingPlan plan, DemandCurve shape, double average) {
    DemandCurve d = shape.averageTokensPerMinute() == 1.0 ? shape.times(average) : shape.withAverage(average);
    return plan.monthlyCost(d).monthlyTotal();
  }
}
