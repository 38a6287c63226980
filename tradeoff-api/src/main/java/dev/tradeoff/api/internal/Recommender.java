package dev.tradeoff.api.internal;

import dev.tradeoff.api.Metric;
import dev.tradeoff.api.Requirements;
import dev.tradeoff.api.SloTarget;
import dev.tradeoff.api.TcoSettings;
import dev.tradeoff.api.report.BreakEvenLine;
import dev.tradeoff.api.report.CandidateRow;
import dev.tradeoff.api.report.Contribution;
import dev.tradeoff.api.report.ExcludedCandidate;
import dev.tradeoff.api.report.ExclusionReason;
import dev.tradeoff.api.report.ImmutableRecommendation;
import dev.tradeoff.api.report.ParetoSummary;
import dev.tradeoff.api.report.RankedCandidate;
import dev.tradeoff.api.report.RankingSummary;
import dev.tradeoff.api.report.Recommendation;
import dev.tradeoff.api.report.TcoLine;
import dev.tradeoff.api.report.WeightSensitivity;
import dev.tradeoff.api.workload.WorkloadStats;
import dev.tradeoff.pareto.Direction;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The recommendation in words, generated from the report's numbers only.
 *
 * <p>Headline: the winner's monthly cost at the workload, its budget headroom and latency; then the cheapest
 * cheaper alternative and why it lost (its first exclusion reason, or the criterion it scores worst on), or else the
 * runner-up. Without a winner: each requirement no priced candidate meets, with the closest candidate.
 */
final class Recommender {

  private Recommender() {}

  static Recommendation recommend(List<CandidateRow> rows, List<ExcludedCandidate> excluded, ParetoSummary pareto,
      Optional<RankingSummary> ranking, Optional<String> winner, WorkloadStats stats, Requirements req,
      Map<Metric, Double> weights, List<BreakEvenLine> breakEvens, List<TcoLine> tco,
      Optional<TcoSettings> tcoSettings) {
    ImmutableRecommendation.Builder b = Recommendation.builder();
    if (winner.isPresent()) {
      CandidateRow w = row(rows, winner.get());
      b.candidate(w.name()).headline(headline(w, rows, excluded, ranking, stats, req, weights));
      details(b, w, pareto, ranking, excluded, breakEvens, tco, tcoSettings);
    } else {
      List<String> unmet = unmet(rows, excluded, req, weights);
      b.headline("No recommendation: " + String.join("; ", unmet) + ".").unmetRequirements(unmet);
      for (ExcludedCandidate e : excluded) {
        b.addDetail(e.describe() + ".");
      }
    }
    return b.build();
  }

  private static CandidateRow row(List<CandidateRow> rows, String name) {
    return rows.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }

  private static String headline(CandidateRow w, List<CandidateRow> rows, List<ExcludedCandidate> excluded,
      Optional<RankingSummary> ranking, WorkloadStats stats, Requirements req, Map<Metric, Double> weights) {
    List<String> parts = new ArrayList<>();
    parts.add(w.name() + ": " + Fmt.usd(w.monthlyCostUsd()) + "/month at " + stats.traffic());
    if (req.monthlyBudgetUsd().isPresent()) {
      BigDecimal budget = req.monthlyBudgetUsd().get();
      BigDecimal under = budget.subtract(w.monthlyCostUsd()).divide(budget, MathContext.DECIMAL64);
      parts.add(under.signum() == 0 ? "exactly on budget" : Fmt.percent(under.doubleValue()) + " under budget");
    }
    if (w.p95TtftMs().isPresent()) {
      parts.add(Phrases.value(Metric.P95_TTFT_MS, w.p95TtftMs().getAsDouble()));
    } else if (w.p50TtftMs().isPresent()) {
      parts.add(Phrases.value(Metric.P50_TTFT_MS, w.p50TtftMs().getAsDouble()));
    }
    if (weights.containsKey(Metric.QUALITY) && w.quality().isPresent()) {
      parts.add(Phrases.value(Metric.QUALITY, w.quality().getAsDouble()));
    }
    StringBuilder h = new StringBuilder(String.join(", ", parts));
    Optional<CandidateRow> cheaper = rows.stream()
        .filter(r -> !r.name().equals(w.name()) && r.monthlyCostUsd().compareTo(w.monthlyCostUsd()) < 0)
        .min(Comparator.comparing(CandidateRow::monthlyCostUsd));
    if (cheaper.isPresent()) {
      CandidateRow a = cheaper.get();
      h.append("; ").append(a.name()).append(" is ")
          .append(Fmt.usdShort(w.monthlyCostUsd().subtract(a.monthlyCostUsd()))).append(" cheaper but ")
          .append(whyNot(a, w, excluded, ranking));
    } else if (ranking.isPresent() && ranking.get().entries().size() > 1) {
      RankedCandidate next = ranking.get().entries().stream().filter(e -> !e.name().equals(w.name())).findFirst()
          .orElseThrow();
      CandidateRow r = row(rows, next.name());
      BigDecimal diff = r.monthlyCostUsd().subtract(w.monthlyCostUsd());
      h.append("; next best: ").append(r.name()).append(" at ").append(Fmt.usd(r.monthlyCostUsd())).append("/month")
          .append(diff.signum() > 0 ? " (" + Fmt.usdShort(diff) + " more)" : "");
    } else {
      long others = rows.size() - 1 + excluded.stream().filter(e -> rows.stream()
          .noneMatch(r -> r.name().equals(e.name()))).count();
      if (others > 0) {
        h.append("; the only candidate that meets every requirement");
      }
    }
    return h.append('.').toString();
  }

  /** Why a cheaper candidate lost: its first exclusion reason, or the criterion it falls furthest behind on. */
  private static String whyNot(CandidateRow a, CandidateRow w, List<ExcludedCandidate> excluded,
      Optional<RankingSummary> ranking) {
    Optional<ExcludedCandidate> ex = excluded.stream().filter(e -> e.name().equals(a.name())).findFirst();
    if (ex.isPresent()) {
      List<ExclusionReason> rs = ex.get().reasons();
      return rs.get(0).message() + (rs.size() > 1 ? " (and " + (rs.size() - 1) + " more)" : "");
    }
    if (ranking.isPresent()) {
      Optional<RankedCandidate> ra = entry(ranking.get(), a.name());
      Optional<RankedCandidate> rw = entry(ranking.get(), w.name());
      if (ra.isPresent() && rw.isPresent()) {
        Contribution worst = null;
        double gap = 0;
        for (int j = 0; j < ra.get().contributions().size(); j++) {
          Contribution ca = ra.get().contributions().get(j);
          Contribution cw = rw.get().contributions().get(j);
          double g = cw.contribution() - ca.contribution();
          if (ca.metric() != Metric.MONTHLY_COST_USD && g > gap) {
            gap = g;
            worst = ca;
          }
        }
        if (worst != null) {
          Metric m = worst.metric();
          OptionalDouble wv = w.value(m);
          return "scores lower on " + m.label() + " (" + Fmt.metric(m, worst.value())
              + (wv.isPresent() ? " vs " + Fmt.metric(m, wv.getAsDouble()) : "") + ")";
        }
      }
    }
    return "ranks lower";
  }

  private static Optional<RankedCandidate> entry(RankingSummary r, String name) {
    return r.entries().stream().filter(e -> e.name().equals(name)).findFirst();
  }

  private static void details(ImmutableRecommendation.Builder b, CandidateRow w, ParetoSummary pareto,
      Optional<RankingSummary> ranking, List<ExcludedCandidate> excluded, List<BreakEvenLine> breakEvens,
      List<TcoLine> tco, Optional<TcoSettings> tcoSettings) {
    List<String> objectives = new ArrayList<>();
    pareto.objectives().forEach(m -> objectives.add(m.label()));
    if (pareto.front().size() == 1 && ranking.isPresent() && ranking.get().entries().size() == 1) {
      b.addDetail("Only " + w.name() + " meets every requirement.");
    } else {
      b.addDetail("Pareto front over " + join(objectives) + ": " + String.join(", ", pareto.front())
          + pareto.knee().map(k -> " (knee: " + k + ")").orElse("") + ".");
    }
    if (ranking.isPresent() && ranking.get().entries().size() > 1) {
      RankingSummary r = ranking.get();
      RankedCandidate top = r.entries().get(0);
      RankedCandidate second = r.entries().get(1);
      b.addDetail(top.explanation() + "; next " + second.name() + " at " + Fmt.plain(second.score(), 4) + ".");
      Optional<WeightSensitivity> s = r.mostSensitive();
      if (s.isPresent()) {
        WeightSensitivity m = s.get();
        b.addDetail("Most sensitive weight: " + m.description() + ", a change of "
            + Fmt.percent(m.relativeMargin().getAsDouble()) + ".");
      } else {
        b.addDetail("No change of a single weight changes the choice.");
      }
    }
    for (ExcludedCandidate e : excluded) {
      b.addDetail("Excluded: " + e.describe() + ".");
    }
    for (BreakEvenLine l : breakEvens) {
      b.addDetail("Break-even: " + l.description());
    }
    if (!tco.isEmpty()) {
      // Only a TCO that serves the whole demand is the cost of the workload; the others price a part of it.
      Optional<TcoLine> cheapestCovering = tco.stream().filter(l -> l.result().coversDemand())
          .min(Comparator.comparing((TcoLine l) -> l.result().netPresentCost()));
      int months = tco.get(0).result().months().size();
      StringBuilder t = new StringBuilder("Over ").append(months).append(" months, ");
      if (cheapestCovering.isPresent()) {
        TcoLine cheapest = cheapestCovering.get();
        t.append(cheapest.candidate()).append(" has the lowest net present cost (")
            .append(Fmt.usd(cheapest.result().netPresentCost())).append(", ")
            .append(Fmt.usd(cheapest.result().total())).append(" nominal)");
      } else {
        t.append("no candidate's TCO covers the demand, so none has a lowest net present cost");
      }
      List<String> partial = tco.stream().filter(l -> !l.result().coversDemand())
          .map(l -> l.candidate() + " (from month " + l.result().firstUnservedMonth().getAsInt() + ")").toList();
      if (!partial.isEmpty()) {
        t.append("; left out for unserved demand: ").append(String.join(", ", partial));
      }
      String incumbent = tcoSettings.flatMap(TcoSettings::incumbent).orElse(null);
      Optional<TcoLine> incumbentLine = tco.stream().filter(l -> l.candidate().equals(incumbent)).findFirst();
      tco.stream().filter(l -> l.candidate().equals(w.name())).findFirst().ifPresent(l -> {
        if (incumbent != null && !incumbent.equals(w.name())) {
          t.append("; ").append(w.name()).append(payback(l, incumbent, incumbentLine));
        }
      });
      b.addDetail(t.append('.').toString());
    }
  }

  /** Whether and when the winner's TCO pays back against the incumbent's, and why not when it cannot say. */
  private static String payback(TcoLine winner, String incumbent, Optional<TcoLine> incumbentLine) {
    if (winner.breakEvenMonth().isPresent()) {
      return " pays back against " + incumbent + " in month " + winner.breakEvenMonth().getAsInt();
    }
    if (incumbentLine.isEmpty()) {
      return " has no break-even month against " + incumbent + ", which has no TCO";
    }
    if (!winner.result().coversDemand()) {
      return " has no break-even month against " + incumbent + ": its TCO does not cover the demand";
    }
    if (!incumbentLine.get().result().coversDemand()) {
      return " has no break-even month against " + incumbent + ": " + incumbent + "'s TCO does not cover the"
          + " demand";
    }
    return " does not pay back against " + incumbent + " within the horizon";
  }

  /** Each requirement no priced candidate meets, with the closest one; or why no single candidate meets all. */
  private static List<String> unmet(List<CandidateRow> rows, List<ExcludedCandidate> excluded, Requirements req,
      Map<Metric, Double> weights) {
    List<String> out = new ArrayList<>();
    if (rows.isEmpty()) {
      out.add("no candidate could be priced for this workload (" + excluded.size() + " excluded: "
          + String.join("; ", excluded.stream().map(ExcludedCandidate::describe).toList()) + ")");
      return out;
    }
    if (req.monthlyBudgetUsd().isPresent()
        && rows.stream().noneMatch(r -> r.monthlyCostUsd().compareTo(req.monthlyBudgetUsd().get()) <= 0)) {
      CandidateRow c = rows.stream().min(Comparator.comparing(CandidateRow::monthlyCostUsd)).orElseThrow();
      out.add("no candidate meets: budget " + Fmt.usd(req.monthlyBudgetUsd().get()) + "/month (closest: " + c.name()
          + " at " + Fmt.usd(c.monthlyCostUsd()) + "/month)");
    }
    for (SloTarget slo : req.slos()) {
      Metric m = slo.metric();
      List<CandidateRow> measured = rows.stream().filter(r -> r.value(m).isPresent()).toList();
      if (measured.stream().noneMatch(r -> slo.isMetBy(r.value(m).getAsDouble()))) {
        Comparator<CandidateRow> better = Comparator.comparingDouble(r -> r.value(m).getAsDouble());
        Optional<CandidateRow> closest = m.direction() == Direction.MINIMIZE ? measured.stream().min(better)
            : measured.stream().max(better);
        out.add("no candidate meets: " + slo.describe() + closest.map(c -> " (closest: " + c.name() + ", "
            + Fmt.metric(m, c.value(m).getAsDouble()) + ")").orElse(" (no candidate measured it)"));
      }
    }
    req.dataResidency().ifPresent(region -> {
      if (excludedAll(rows, excluded, ExclusionReason.Kind.DATA_RESIDENCY)) {
        out.add("no candidate meets: data residency " + region + " (no candidate keeps data there)");
      }
    });
    for (String f : req.requiredFeatures()) {
      String lacks = "lacks " + f;
      if (rows.stream().allMatch(r -> reasons(excluded, r.name()).stream().anyMatch(x -> x.message().equals(lacks)))) {
        out.add("no candidate meets: feature " + f + " (no candidate supports it)");
      }
    }
    if (excludedAll(rows, excluded, ExclusionReason.Kind.CONTEXT_WINDOW)) {
      out.add("no candidate meets: the context window the prompts need (" + String.join("; ", rows.stream()
          .map(r -> r.name() + " " + reasons(excluded, r.name()).stream()
              .filter(x -> x.kind() == ExclusionReason.Kind.CONTEXT_WINDOW).findFirst().orElseThrow().message())
          .toList()) + ")");
    }
    if (excludedAll(rows, excluded, ExclusionReason.Kind.CAPACITY)) {
      out.add("no candidate meets: capacity for the demand (every plan leaves tokens unserved)");
    }
    for (Metric m : weights.keySet()) {
      if (m != Metric.MONTHLY_COST_USD && rows.stream().allMatch(r -> r.value(m).isEmpty())) {
        out.add("no priced candidate has a " + m.label() + " measurement, and it is a weighted objective");
      }
    }
    if (out.isEmpty()) {
      out.add("no single candidate meets every requirement: " + String.join("; ", excluded.stream()
          .map(ExcludedCandidate::describe).toList()));
    }
    return out;
  }

  private static boolean excludedAll(List<CandidateRow> rows, List<ExcludedCandidate> excluded,
      ExclusionReason.Kind kind) {
    return rows.stream().allMatch(r -> reasons(excluded, r.name()).stream().anyMatch(x -> x.kind() == kind));
  }

  private static List<ExclusionReason> reasons(List<ExcludedCandidate> excluded, String name) {
    return excluded.stream().filter(e -> e.name().equals(name)).findFirst().map(ExcludedCandidate::reasons)
        .orElse(List.of());
  }

  private static String join(List<String> items) {
    if (items.size() <= 1) {
      return String.join("", items);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
  }
}
