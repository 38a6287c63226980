package dev.tradeoff.api.internal;

import dev.tradeoff.api.Metric;
import dev.tradeoff.api.SloTarget;
import dev.tradeoff.pareto.WeightMargin;
import dev.tradeoff.pricing.plan.BreakEvenPoint;
import dev.tradeoff.pricing.plan.DemandCurve;
import dev.tradeoff.pricing.plan.PricingPlan;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Sentence fragments built from numbers: SLOs, values, explanations, weight margins, break-evens. */
final class Phrases {

  private Phrases() {}

  /** "500 ms p95 TTFT SLO", "60 tokens/s speed SLO", "0.8 quality SLO", "1% error-rate SLO". */
  static String slo(SloTarget slo) {
    String limit = Fmt.metric(slo.metric(), slo.limit());
    switch (slo.metric()) {
      case TOKENS_PER_SECOND: return limit + " speed SLO";
      case ERROR_RATE: return limit + " error-rate SLO";
      default: return limit + " " + slo.metric().label() + " SLO";
    }
  }

  /** "p95 TTFT 620 ms", "52 tokens/s", "quality 0.75", "error rate 2.5%". */
  static String value(Metric metric, double v) {
    if (metric == Metric.TOKENS_PER_SECOND || metric == Metric.MONTHLY_COST_USD) {
      return Fmt.metric(metric, v);
    }
    return metric.label() + " " + Fmt.metric(metric, v);
  }

  /** "Claude 3 Haiku: score 0.8300 = quality 0.5000 + p95 TTFT 0.2500 + monthly cost 0.0800". */
  static String explain(String name, double score, List<Metric> metrics, double[] contributions) {
    Integer[] idx = new Integer[metrics.size()];
    for (int j = 0; j < idx.length; j++) {
      idx[j] = j;
    }
    Arrays.sort(idx, Comparator.comparingDouble((Integer j) -> -contributions[j]));
    StringBuilder b = new StringBuilder(name).append(": score ").append(Fmt.plain(score, 4)).append(" = ");
    for (int t = 0; t < idx.length; t++) {
      b.append(t == 0 ? "" : " + ").append(metrics.get(idx[t]).label()).append(' ')
          .append(Fmt.plain(contributions[idx[t]], 4));
    }
    return b.toString();
  }

  /** "quality: weight 2 can move within [0.75, ∞) before the winner changes (below: GPT-4o-mini wins)". */
  static String margin(Metric metric, WeightMargin m) {
    if (m.winnerBelow().isEmpty() && m.upperLimit().isEmpty()) {
      return metric.label() + ": no weight from 0 up changes the winner (now " + Fmt.plain(m.weight(), 4) + ")";
    }
    StringBuilder b = new StringBuilder(metric.label()).append(": weight ").append(Fmt.plain(m.weight(), 4))
        .append(" can move within [").append(Fmt.plain(m.lowerLimit(), 4)).append(", ")
        .append(m.upperLimit().isPresent() ? Fmt.plain(m.upperLimit().getAsDouble(), 4) + "]" : "∞)")
        .append(" before the winner changes (");
    m.winnerBelow().ifPresent(w -> b.append("below: ").append(w).append(" wins"));
    if (m.winnerBelow().isPresent() && m.winnerAbove().isPresent()) {
      b.append("; ");
    }
    m.winnerAbove().ifPresent(w -> b.append("above: ").append(w).append(" wins"));
    return b.append(')').toString();
  }

  static String breakEven(String nameA, String nameB, PricingPlan pa, PricingPlan pb, DemandCurve curve,
      double headroom, double mean, BigDecimal ca, BigDecimal cb, List<BreakEvenPoint> crossings, double from,
      double to) {
    String sized = "both sized with " + Fmt.percent(headroom) + " headroom";
    int cmp = ca.compareTo(cb);
    String today = cmp == 0 ? "today they cost the same (" + Fmt.usd(ca) + "/month)"
        : "today, at " + Fmt.count(mean, 0) + " tokens/min, " + (cmp < 0 ? nameA : nameB) + " is cheaper by "
            + Fmt.usd(ca.subtract(cb).abs()) + "/month";
    if (crossings.isEmpty()) {
      String cheaper = cmp <= 0 ? nameA : nameB;
      String other = cmp <= 0 ? nameB : nameA;
      return cheaper + " stays cheaper than " + other + " from " + Fmt.count(from, 0) + " to " + Fmt.count(to, 0)
          + " tokens/min on average (" + sized + "); " + today + ".";
    }
    BreakEvenPoint p = crossings.get(crossings.size() - 1);
    double x = p.averageTokensPerMinute();
    DemandCurve above = curve.withAverage(x * 1.001);
    boolean aCheaperAbove = pa.monthlyCost(above).monthlyTotal().compareTo(pb.monthlyCost(above).monthlyTotal()) < 0;
    String winner = aCheaperAbove ? nameA : nameB;
    String loser = aCheaperAbove ? nameB : nameA;
    StringBuilder b = new StringBuilder(winner).append(" beats ").append(loser).append(" above ")
        .append(Fmt.count(x, 0)).append(" tokens/min on average (").append(Fmt.count(p.tokensPerMonth(), 0))
        .append(" tokens/month, ").append(Fmt.plain(x / mean, 2)).append("× today's volume), ").append(sized);
    if (crossings.size() > 1) {
      b.append("; capacity steps make the cheaper plan change ").append(crossings.size())
          .append(" times in the range, this is the last");
    }
    return b.append("; ").append(today).append('.').toString();
  }
}
