package dev.tradeoff.api.internal;

import dev.tradeoff.api.AnalysisInput;
import dev.tradeoff.api.ImmutableRequirements;
import dev.tradeoff.api.Metric;
import dev.tradeoff.api.Requirements;
import dev.tradeoff.api.Scenario;
import dev.tradeoff.api.SloTarget;
import dev.tradeoff.api.TcoSettings;
import dev.tradeoff.api.TradeoffAnalyzer;
import dev.tradeoff.api.TradeoffException;
import dev.tradeoff.api.Weights;
import dev.tradeoff.api.report.BreakEvenLine;
import dev.tradeoff.api.report.CandidateRow;
import dev.tradeoff.api.report.ExcludedCandidate;
import dev.tradeoff.api.report.ExclusionReason;
import dev.tradeoff.api.report.ImmutableBreakEvenLine;
import dev.tradeoff.api.report.ImmutableCandidateRow;
import dev.tradeoff.api.report.ImmutableContribution;
import dev.tradeoff.api.report.ImmutableExcludedCandidate;
import dev.tradeoff.api.report.ImmutableParetoSummary;
import dev.tradeoff.api.report.ImmutableRankedCandidate;
import dev.tradeoff.api.report.ImmutableRankingSummary;
import dev.tradeoff.api.report.ImmutableTcoLine;
import dev.tradeoff.api.report.ImmutableTradeoffReport;
import dev.tradeoff.api.report.ImmutableWeightSensitivity;
import dev.tradeoff.api.report.ParetoSummary;
import dev.tradeoff.api.report.RankedCandidate;
import dev.tradeoff.api.report.RankingSummary;
import dev.tradeoff.api.report.SloCheck;
import dev.tradeoff.api.report.TcoLine;
import dev.tradeoff.api.report.TradeoffReport;
import dev.tradeoff.api.report.WeightSensitivity;
import dev.tradeoff.api.workload.ImmutableWorkloadProfile;
import dev.tradeoff.api.workload.WorkloadProfile;
import dev.tradeoff.api.workload.WorkloadStats;
import dev.tradeoff.pareto.CandidateSet;
import dev.tradeoff.pareto.Criterion;
import dev.tradeoff.pareto.Objective;
import dev.tradeoff.pareto.Ranking;
import dev.tradeoff.pareto.ScoringModel;
import dev.tradeoff.pareto.WeightMargin;
import dev.tradeoff.pricing.Money;
import dev.tradeoff.pricing.PricingException;
import dev.tradeoff.pricing.plan.BreakEven;
import dev.tradeoff.pricing.plan.BreakEvenPoint;
import dev.tradeoff.pricing.plan.CostItem;
import dev.tradeoff.pricing.plan.DemandCurve;
import dev.tradeoff.pricing.plan.PricingPlan;
import dev.tradeoff.pricing.plan.WorkloadCost;
import dev.tradeoff.pricing.tco.TcoOption;
import dev.tradeoff.pricing.tco.TcoProjection;
import dev.tradeoff.pricing.tco.TcoResult;
import dev.tradeoff.pricing.tco.TcoScenario;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One analysis: workload → demand curve → each candidate's cost (pricing) → constraints → Pareto front and weighted
 * ranking (pareto) → break-even and TCO (pricing) → recommendation. Pure computation over immutable inputs.
 */
public final class Engine {

  /** Break-even volumes are searched from the current average / this factor to the average × this factor. */
  static final double BREAK_EVEN_RANGE = 1000;

  /** A knee is reported only on fronts of at least this many candidates (two points have no knee). */
  static final int KNEE_MIN_FRONT = 3;

  private static final Metric[] DEFAULT_METRICS =
      {Metric.P95_TTFT_MS, Metric.TOKENS_PER_SECOND, Metric.QUALITY, Metric.ERROR_RATE};

  private Engine() {}

  /** A row under construction. */
  private static final class Draft {
    final Resolved r;
    final ImmutableCandidateRow.Builder row = CandidateRow.builder();
    final List<ExclusionReason> reasons = new ArrayList<>();
    BigDecimal monthly;
    PricingPlan plan;
    final Map<Metric, OptionalDouble> values = new LinkedHashMap<>();

    Draft(Resolved r) {
      this.r = r;
    }
  }

  /**
   * Runs the analysis.
   *
   * @param input the inputs
   * @param resolved the candidates joined with the catalog, in input order
   * @param scenario a what-if, if any
   * @return the report
   * @throws TradeoffException if the scenario names an unknown candidate
   */
  public static TradeoffReport run(AnalysisInput input, List<Resolved> resolved, Optional<Scenario> scenario) {
    WorkloadProfile workload = input.workload();
    Requirements req = input.requirements();
    Map<String, Double> priceFactors = Map.of();
    List<String> notes = new ArrayList<>();
    if (scenario.isPresent()) {
      Scenario s = scenario.get();
      double factor = s.trafficFactor() * Math.pow(1 + workload.growthPerYear(), s.monthsOfGrowth() / 12.0);
      if (factor != 1) {
        workload = workload.times(factor);
      }
      if (s.extraInputTokensPerRequest() > 0 || s.extraOutputTokensPerRequest() > 0) {
        workload = ImmutableWorkloadProfile.copyOf(workload).withTokens(
            workload.tokens().plus(s.extraInputTokensPerRequest(), s.extraOutputTokensPerRequest()));
      }
      ImmutableRequirements.Builder rb = Requirements.builder().from(req).addAllRequiredFeatures(s.requiredFeatures());
      s.monthlyBudgetUsd().ifPresent(rb::monthlyBudgetUsd);
      req = rb.build();
      for (String name : s.priceFactors().keySet()) {
        if (resolved.stream().noneMatch(r -> r.candidate().name().equals(name))) {
          throw TradeoffException.invalid("scenario.priceFactors", "keyed by candidate names "
              + resolved.stream().map(r -> r.candidate().name()).toList(), "\"" + name + "\"");
        }
      }
      priceFactors = s.priceFactors();
      if (!priceFactors.isEmpty()) {
        notes.add("Scenario price factors change the monthly bills; break-even points and TCO use the plans' own prices.");
      }
    }
    DemandCurve curve = workload.demandCurve();
    WorkloadStats stats = workload.stats();
    boolean explicitWindow = req.minContextWindowTokens().isPresent();
    long neededWindow = explicitWindow ? req.minContextWindowTokens().getAsLong()
        : (long) Math.ceil(stats.maxInputTokens());

    List<Draft> priced = new ArrayList<>();
    List<ExcludedCandidate> excluded = new ArrayList<>();
    Map<String, List<ExclusionReason>> reasonsByName = new LinkedHashMap<>();
    for (Resolved r : resolved) {
      Draft d = new Draft(r);
      String name = r.candidate().name();
      if (r.noPrice().isPresent()) {
        d.reasons.add(ExclusionReason.of(ExclusionReason.Kind.NO_PRICE, r.noPrice().get()));
        reasonsByName.put(name, d.reasons);
        continue;
      }
      WorkloadCost cost;
      try {
        cost = r.plan().get().monthlyCost(curve);
      } catch (PricingException e) {
        d.reasons.add(ExclusionReason.of(ExclusionReason.Kind.NO_PRICE, "cannot be priced for this workload: "
            + e.getMessage()));
        reasonsByName.put(name, d.reasons);
        continue;
      }
      d.plan = r.plan().get();
      price(d, cost, priceFactors.getOrDefault(name, 1.0), workload, stats);
      constraints(d, cost, req, stats, neededWindow, explicitWindow);
      priced.add(d);
      reasonsByName.put(name, d.reasons);
    }

    boolean defaultWeights = input.weights().isEmpty();
    Map<Metric, Double> weights = defaultWeights ? defaultWeights(priced) : input.weights().get().weights();
    if (defaultWeights) {
      List<String> labels = new ArrayList<>();
      weights.keySet().forEach(m -> labels.add(m.label()));
      notes.add("No weights given: equal weights on " + String.join(", ", labels)
          + " (the monthly cost and every figure all priced candidates have).");
    }
    for (Draft d : priced) {
      if (!d.reasons.isEmpty()) {
        continue;
      }
      for (Metric m : weights.keySet()) {
        if (m != Metric.MONTHLY_COST_USD && d.values.get(m).isEmpty()) {
          d.reasons.add(ExclusionReason.of(ExclusionReason.Kind.NOT_MEASURED,
              "has no " + m.label() + " measurement (a weighted objective)"));
        }
      }
    }
    List<Draft> feasible = new ArrayList<>();
    for (Draft d : priced) {
      if (d.reasons.isEmpty()) {
        feasible.add(d);
      }
    }
    for (Map.Entry<String, List<ExclusionReason>> e : reasonsByName.entrySet()) {
      if (!e.getValue().isEmpty()) {
        excluded.add(ImmutableExcludedCandidate.builder().name(e.getKey()).reasons(e.getValue()).build());
      }
    }

    List<Metric> objectives = new ArrayList<>(weights.keySet());
    ImmutableParetoSummary.Builder pareto = ParetoSummary.builder().objectives(objectives);
    Optional<RankingSummary> rankingSummary = Optional.empty();
    Optional<String> winner = Optional.empty();
    if (!feasible.isEmpty()) {
      List<Objective> objs = new ArrayList<>();
      List<Criterion> criteria = new ArrayList<>();
      for (Metric m : objectives) {
        objs.add(Objective.of(m.key(), m.direction()));
        criteria.add(Criterion.of(m.key(), m.direction()).weighted(weights.get(m)));
      }
      List<String> names = new ArrayList<>();
      double[][] values = new double[feasible.size()][objectives.size()];
      for (int i = 0; i < feasible.size(); i++) {
        Draft d = feasible.get(i);
        names.add(d.r.candidate().name());
        for (int j = 0; j < objectives.size(); j++) {
          values[i][j] = d.values.get(objectives.get(j)).getAsDouble();
        }
      }
      CandidateSet set = CandidateSet.of(objs, names, values);
      int[] ranks = set.ranks();
      int[] front = set.front();
      OptionalInt knee = front.length >= KNEE_MIN_FRONT ? set.knee() : OptionalInt.empty();
      for (int i : front) {
        pareto.addFront(names.get(i));
      }
      knee.ifPresent(k -> pareto.knee(names.get(k)));
      Ranking ranking = ScoringModel.builder().criteria(criteria).build().rank(set);
      int[] order = ranking.order();
      int best = -1;
      for (int i : order) {
        if (ranks[i] == 0) {
          best = i;
          break;
        }
      }
      winner = Optional.of(names.get(best));
      for (int i = 0; i < feasible.size(); i++) {
        Draft d = feasible.get(i);
        d.row.paretoRank(ranks[i]).onFront(ranks[i] == 0).knee(knee.isPresent() && knee.getAsInt() == i)
            .score(ranking.score(i)).position(ranking.position(i));
      }
      rankingSummary = Optional.of(ranking(ranking, order, names, objectives, weights, values, defaultWeights));
      if (order[0] != best) {
        notes.add("The top score (" + names.get(order[0]) + ") is dominated; the best candidate on the Pareto front"
            + " is recommended instead.");
      }
    }

    List<CandidateRow> rows = new ArrayList<>();
    for (Draft d : priced) {
      rows.add(d.row.feasible(d.reasons.isEmpty()).build());
    }
    double headroom = input.breakEvenHeadroom().orElse(Math.max(TradeoffAnalyzer.DEFAULT_HEADROOM,
        stats.burstFactor() - 1));
    List<BreakEvenLine> breakEvens = breakEvens(priced, curve, headroom, notes);
    List<TcoLine> tco = input.tco().isPresent() ? tco(input.tco().get(), priced, curve, workload, notes) : List.of();
    ParetoSummary paretoSummary = pareto.build();
    var recommendation = Recommender.recommend(rows, excluded, paretoSummary, rankingSummary, winner, stats, req,
        weights, breakEvens, tco, input.tco());
    return ImmutableTradeoffReport.builder()
        .input(input)
        .scenario(scenario)
        .workload(stats)
        .rows(rows)
        .excluded(excluded)
        .pareto(paretoSummary)
        .ranking(rankingSummary)
        .breakEvens(breakEvens)
        .tco(tco)
        .recommendation(recommendation)
        .notes(notes)
        .build();
  }

  private static void price(Draft d, WorkloadCost cost, double factor, WorkloadProfile workload, WorkloadStats stats) {
    Resolved r = d.r;
    List<CostItem> items = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    BigDecimal f = BigDecimal.valueOf(factor);
    for (CostItem i : cost.items()) {
      BigDecimal amount = factor == 1 ? i.amount() : Money.report(i.amount().multiply(f));
      items.add(factor == 1 ? i : CostItem.of(i.name(), amount));
      total = total.add(amount);
    }
    d.monthly = total;
    ImmutableCandidateRow.Builder b = d.row
        .name(r.candidate().name())
        .model(r.candidate().model())
        .provider(r.provider())
        .planName(cost.planName())
        .planKind(cost.planKind())
        .monthlyCostUsd(total)
        .costPerRequestUsd(divide(total, stats.requestsPerMonth(), CandidateRow.PER_REQUEST_SCALE))
        .costItems(items)
        .utilization(cost.utilization())
        .peakUnits(cost.peakUnits())
        .priceSource(r.priceSource())
        .addAllNotes(cost.notes());
    if (stats.conversationsPerMonth().isPresent()) {
      b.costPerConversationUsd(divide(total, stats.conversationsPerMonth().getAsDouble(), Money.REPORT_SCALE));
    }
    if (stats.tokensPerMonth() > 0) {
      b.costPerMillionTokensUsd(divide(total.multiply(BigDecimal.valueOf(1_000_000)), stats.tokensPerMonth(),
          Money.REPORT_SCALE));
    }
    if (factor != 1) {
      b.addNotes("bill ×" + Fmt.plain(factor, 4) + " (scenario)");
    }
    for (Metric m : Metric.values()) {
      d.values.put(m, m == Metric.MONTHLY_COST_USD ? OptionalDouble.of(total.doubleValue()) : r.value(m));
    }
    b.p50TtftMs(d.values.get(Metric.P50_TTFT_MS)).p95TtftMs(d.values.get(Metric.P95_TTFT_MS))
        .tokensPerSecond(d.values.get(Metric.TOKENS_PER_SECOND)).quality(d.values.get(Metric.QUALITY))
        .errorRate(d.values.get(Metric.ERROR_RATE));
  }

  private static BigDecimal divide(BigDecimal amount, double by, int scale) {
    return amount.divide(BigDecimal.valueOf(by), Money.WORKING).setScale(scale, RoundingMode.HALF_EVEN);
  }

  private static void constraints(Draft d, WorkloadCost cost, Requirements req, WorkloadStats stats,
      long neededWindow, boolean explicitWindow) {
    Resolved r = d.r;
    if (!cost.coversDemand()) {
      d.reasons.add(ExclusionReason.of(ExclusionReason.Kind.CAPACITY, "cannot serve the demand: "
          + Fmt.countNonZero(cost.unservedTokensPerMonth())
          + " tokens/month unserved (capacity too small, no spillover)"));
    }
    if (req.monthlyBudgetUsd().isPresent()) {
      BigDecimal budget = req.monthlyBudgetUsd().get();
      boolean within = d.monthly.compareTo(budget) <= 0;
      d.row.withinBudget(within);
      if (!within) {
        d.reasons.add(ExclusionReason.of(ExclusionReason.Kind.OVER_BUDGET, "is over budget ("
            + Fmt.usd(d.monthly) + "/month > " + Fmt.usd(budget) + ")"));
      }
    }
    for (SloTarget slo : req.slos()) {
      OptionalDouble v = d.values.get(slo.metric());
      SloCheck check = SloCheck.of(slo, v);
      d.row.addSlo(check);
      if (check.status() == SloCheck.Status.MISSED) {
        d.reasons.add(ExclusionReason.of(ExclusionReason.Kind.SLO_MISSED,
            "misses the " + Phrases.slo(slo) + " (" + Phrases.value(slo.metric(), v.getAsDouble()) + ")"));
      } else if (check.status() == SloCheck.Status.NOT_MEASURED) {
        d.reasons.add(ExclusionReason.of(ExclusionReason.Kind.NOT_MEASURED,
            "has no " + slo.metric().label() + " measurement (needed for the SLO " + slo.describe() + ")"));
      }
    }
    if (r.contextWindow().isPresent()) {
      long w = r.contextWindow().getAsLong();
      if (w < neededWindow) {
        d.reasons.add(ExclusionReason.of(ExclusionReason.Kind.CONTEXT_WINDOW, "has a " + Fmt.count(w, 0)
            + "-token context window, below the " + Fmt.count(neededWindow, 0)
            + (explicitWindow ? " tokens required" : " tokens of the workload's largest prompt")));
      }
    } else {
      d.row.addNotes("context window unknown: not checked against " + Fmt.count(neededWindow, 0) + " tokens");
    }
    if (req.dataResidency().isPresent()) {
      String region = req.dataResidency().get().toUpperCase(Locale.ROOT);
      if (!r.regions().contains(region)) {
        d.reasons.add(ExclusionReason.of(ExclusionReason.Kind.DATA_RESIDENCY, "does not keep data in "
            + req.dataResidency().get() + (r.regions().isEmpty() ? " (no regions stated)"
                : " (regions: " + String.join(", ", r.regions().stream().sorted().toList()) + ")")));
      }
    }
    for (String f : req.requiredFeatures()) {
      if (!r.features().contains(f.toLowerCase(Locale.ROOT))) {
        d.reasons.add(ExclusionReason.of(ExclusionReason.Kind.MISSING_FEATURE, "lacks " + f));
      }
    }
  }

  private static Map<Metric, Double> defaultWeights(List<Draft> priced) {
    Map<Metric, Double> w = new LinkedHashMap<>();
    w.put(Metric.MONTHLY_COST_USD, 1.0);
    if (priced.isEmpty()) {
      return w;
    }
    for (Metric m : DEFAULT_METRICS) {
      if (priced.stream().allMatch(d -> d.values.get(m).isPresent())) {
        w.put(m, 1.0);
      }
    }
    if (!w.containsKey(Metric.P95_TTFT_MS)
        && priced.stream().allMatch(d -> d.values.get(Metric.P50_TTFT_MS).isPresent())) {
      w.put(Metric.P50_TTFT_MS, 1.0);
    }
    return w;
  }

  private static RankingSummary ranking(Ranking ranking, int[] order, List<String> names, List<Metric> objectives,
      Map<Metric, Double> weights, double[][] values, boolean defaultWeights) {
    ImmutableRankingSummary.Builder b = RankingSummary.builder().weights(weights).defaultWeights(defaultWeights);
    for (int p = 0; p < order.length; p++) {
      int i = order[p];
      ImmutableRankedCandidate.Builder e = RankedCandidate.builder().name(names.get(i)).position(p)
          .score(ranking.score(i));
      for (int j = 0; j < objectives.size(); j++) {
        e.addContribution(ImmutableContribution.builder().metric(objectives.get(j)).value(values[i][j])
            .utility(ranking.utility(i, j)).contribution(ranking.contribution(i, j)).build());
      }
      e.explanation(Phrases.explain(names.get(i), ranking.score(i), objectives, ranking.contributions(i)));
      b.addEntry(e.build());
    }
    List<WeightMargin> margins = ranking.weightSensitivity();
    for (int j = 0; j < margins.size(); j++) {
      WeightMargin m = margins.get(j);
      double rel = m.relativeMargin();
      Metric metric = objectives.get(j);
      ImmutableWeightSensitivity.Builder s = WeightSensitivity.builder().metric(metric).weight(m.weight())
          .lowerLimit(m.lowerLimit()).upperLimit(m.upperLimit()).winnerBelow(m.winnerBelow())
          .winnerAbove(m.winnerAbove()).description(Phrases.margin(metric, m));
      if (Double.isFinite(rel)) {
        s.relativeMargin(rel);
      }
      b.addSensitivity(s.build());
    }
    return b.build();
  }

  private static List<BreakEvenLine> breakEvens(List<Draft> priced, DemandCurve curve, double headroom,
      List<String> notes) {
    List<BreakEvenLine> out = new ArrayList<>();
    double mean = curve.averageTokensPerMinute();
    double from = mean / BREAK_EVEN_RANGE;
    double to = mean * BREAK_EVEN_RANGE;
    for (int i = 0; i < priced.size(); i++) {
      for (int j = i + 1; j < priced.size(); j++) {
        Draft a = priced.get(i);
        Draft b = priced.get(j);
        if (!a.r.modelKey().equals(b.r.modelKey())) {
          continue;
        }
        try {
          PricingPlan pa = a.plan.withHeadroom(headroom);
          PricingPlan pb = b.plan.withHeadroom(headroom);
          List<BreakEvenPoint> crossings = BreakEven.crossings(a.plan, b.plan, curve, headroom, from, to);
          BigDecimal ca = pa.monthlyCost(curve).monthlyTotal();
          BigDecimal cb = pb.monthlyCost(curve).monthlyTotal();
          String nameA = a.r.candidate().name();
          String nameB = b.r.candidate().name();
          String description = Phrases.breakEven(nameA, nameB, pa, pb, curve, headroom, mean, ca, cb, crossings, from,
              to);
          out.add(ImmutableBreakEvenLine.builder().model(a.r.modelKey()).candidateA(nameA).candidateB(nameB)
              .headroom(headroom).currentTokensPerMinute(mean).currentCostA(ca).currentCostB(cb)
              .searchedFrom(from).searchedTo(to).crossings(crossings).description(description).build());
        } catch (PricingException e) {
          notes.add("No break-even between " + a.r.candidate().name() + " and " + b.r.candidate().name() + ": "
              + e.getMessage());
        }
      }
    }
    return out;
  }

  private static List<TcoLine> tco(TcoSettings settings, List<Draft> priced, DemandCurve curve,
      WorkloadProfile workload, List<String> notes) {
    // A candidate that cannot serve this month's demand has no cost of the workload to project.
    List<Draft> projected = new ArrayList<>();
    for (Draft d : priced) {
      if (d.reasons.stream().anyMatch(x -> x.kind() == ExclusionReason.Kind.CAPACITY)) {
        notes.add("No TCO for " + d.r.candidate().name() + ": it cannot serve the demand (excluded for capacity).");
      } else {
        projected.add(d);
      }
    }
    if (projected.isEmpty()) {
      return List.of();
    }
    var scenario = TcoScenario.builder().demand(curve).years(settings.years())
        .demandGrowthPerYear(workload.growthPerYear()).priceDeclinePerYear(settings.priceDeclinePerYear())
        .discountRatePerYear(settings.discountRatePerYear());
    for (Draft d : projected) {
      scenario.addOption(TcoOption.builder().name(d.r.candidate().name()).plan(d.plan)
          .oneTimeCost(d.r.candidate().oneTimeCostUsd()).build());
    }
    TcoProjection projection;
    try {
      projection = scenario.build().project();
    } catch (PricingException e) {
      notes.add("No TCO: " + e.getMessage());
      return List.of();
    }
    Optional<String> incumbent = settings.incumbent().filter(n -> projected.stream()
        .anyMatch(d -> d.r.candidate().name().equals(n)));
    if (settings.incumbent().isPresent() && incumbent.isEmpty()) {
      notes.add("The TCO incumbent " + settings.incumbent().get() + " is not priced or cannot serve the demand; no"
          + " break-even months.");
    }
    // A break-even month compares the cost of the same workload: none against or for a TCO that does not cover it.
    boolean incumbentCovers = incumbent.isEmpty() || projection.result(incumbent.get()).coversDemand();
    if (!incumbentCovers) {
      notes.add("The TCO incumbent " + incumbent.get() + " does not cover the workload, so no candidate has a"
          + " break-even month against it.");
    }
    List<TcoLine> out = new ArrayList<>();
    for (TcoResult result : projection.results()) {
      boolean challenger = incumbent.isPresent() && !incumbent.get().equals(result.name());
      if (!result.coversDemand()) {
        notes.add("The TCO of " + result.name() + " does not cover the workload: from month "
            + result.firstUnservedMonth().getAsInt() + " its capacity leaves "
            + Fmt.countNonZero(result.unservedTokens()) + " tokens unserved over the horizon (no spillover); its"
            + " total prices only the served part" + (challenger && incumbentCovers
            ? ", so it has no break-even month against " + incumbent.get() : "") + ".");
      }
      OptionalInt month = challenger ? projection.breakEvenMonth(result.name(), incumbent.get()) : OptionalInt.empty();
      out.add(ImmutableTcoLine.builder().candidate(result.name()).result(result).breakEvenMonth(month).build());
    }
    return out;
  }

  /**
   * The weights for a check at build time: which metrics some candidate measured.
   *
   * @param weights the weights
   * @param resolved the candidates
   * @throws TradeoffException naming the first weighted metric no candidate has
   */
  public static void checkMeasured(Weights weights, List<Resolved> resolved) {
    for (Metric m : weights.weights().keySet()) {
      if (m != Metric.MONTHLY_COST_USD && resolved.stream().noneMatch(r -> r.value(m).isPresent())) {
        throw TradeoffException.of("weights." + m, "weights name " + m.label() + ", but no candidate has a "
            + m.label() + (m == Metric.QUALITY ? " score" : " measurement")
            + ": measure it (tradeoff-metrics), supply it, or remove the weight");
      }
    }
  }
}
