package dev.tradeoff.api;

import dev.tradeoff.api.internal.Engine;
import dev.tradeoff.api.internal.Fmt;
import dev.tradeoff.api.internal.Resolved;
import dev.tradeoff.api.report.CandidateRow;
import dev.tradeoff.api.report.ImmutableWhatIfReport;
import dev.tradeoff.api.report.TradeoffReport;
import dev.tradeoff.api.report.WhatIfReport;
import dev.tradeoff.api.workload.WorkloadProfile;
import dev.tradeoff.pricing.PriceCatalog;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The front door: from a workload and candidate deployments to a report a team can act on and defend. It prices
 * every candidate for the workload ({@code tradeoff-pricing}), checks the budget, SLOs and constraints, finds the
 * Pareto front and ranks by the user's weights ({@code tradeoff-pareto}), computes break-even points between plans
 * of the same model, an optional TCO, and a recommendation in words.
 *
 * <pre>{@code
 * TradeoffReport report = TradeoffAnalyzer.builder()
 *     .workload(WorkloadProfile.builder()
 *         .traffic(DailyUsers.of(1_000, 1, 5))                       // 1,000 DAU, one 5-turn chat a day
 *         .tokens(TokenProfile.of(1_200, 300))                       // per request
 *         .build())
 *     .addCandidate(DeploymentCandidate.of("GPT-4o-mini", "openai/gpt-4o-mini")
 *         .withMeasurements(Measurements.builder().p50TtftMs(380).p95TtftMs(720).build()))
 *     .addCandidate(DeploymentCandidate.of("Claude 3 Haiku", "anthropic/claude-3-haiku")
 *         .withMeasurements(Measurements.builder().p50TtftMs(300).p95TtftMs(450).build()))
 *     .requirements(Requirements.builder().monthlyBudgetUsd(new BigDecimal("500"))
 *         .addSlo(SloTarget.of(Metric.P95_TTFT_MS, 500)).build())
 *     .build()
 *     .analyze();
 * System.out.println(report.recommendation().headline());
 * }</pre>
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>{@link Builder#build()} resolves every candidate against the price catalog (the bundled one unless another is
 *       given) and fails fast on weights no candidate can satisfy; {@link #analyze()} then does no I/O and no
 *       look-ups: it is pure computation over immutable inputs.
 *   <li>A candidate without a price, over budget, missing an SLO or a constraint is excluded with every reason; if
 *       none is left, the report says which requirement nobody meets — never an empty recommendation.
 *   <li>The recommended candidate is feasible and on the Pareto front: the best-ranked such candidate.
 * </ul>
 *
 * <p>Immutable and thread-safe once built: share one analyzer and call {@code analyze} from any thread.
 *
 * @since 0.1.0
 */
public final class TradeoffAnalyzer {

  /** Default capacity headroom for break-even sizing: 0.2, i.e. capacity for 120% of the busiest hour. */
  public static final double DEFAULT_HEADROOM = 0.2;

  private final AnalysisInput input;
  private final List<Resolved> resolved;

  private TradeoffAnalyzer(AnalysisInput input, List<Resolved> resolved) {
    this.input = input;
    this.resolved = List.copyOf(resolved);
  }

  /**
   * An analyzer for saved inputs.
   *
   * <pre>{@code
   * AnalysisInput saved = ReportJson.fromJson(Files.readString(path), AnalysisInput.class);
   * TradeoffReport report = TradeoffAnalyzer.of(saved, PriceCatalog.bundled()).analyze();
   * }</pre>
   *
   * @param input the inputs
   * @param catalog prices for candidates without a plan, and model facts (context window, capabilities)
   * @return the analyzer
   * @throws TradeoffException if a weight names a metric no candidate measured
   */
  public static TradeoffAnalyzer of(AnalysisInput input, PriceCatalog catalog) {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(catalog, "catalog");
    List<Resolved> resolved = new ArrayList<>();
    for (DeploymentCandidate c : input.candidates()) {
      resolved.add(Resolved.of(c, catalog));
    }
    input.weights().ifPresent(w -> Engine.checkMeasured(w, resolved));
    return new TradeoffAnalyzer(input, resolved);
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The inputs.
   *
   * @return the inputs, JSON-serializable
   */
  public AnalysisInput input() {
    return input;
  }

  /**
   * Analyzes the inputs.
   *
   * @return the report
   */
  public TradeoffReport analyze() {
    return Engine.run(input, resolved, Optional.empty());
  }

  /**
   * Analyzes the inputs under a what-if scenario.
   *
   * @param scenario the scenario
   * @return the report, with the scenario recorded
   * @throws TradeoffException if the scenario names a candidate that does not exist
   */
  public TradeoffReport analyze(Scenario scenario) {
    return Engine.run(input, resolved, Optional.of(Objects.requireNonNull(scenario, "scenario")));
  }

  /**
   * The base analysis and one per scenario, with a summary line each ("2× traffic: still Claude 3 Haiku,
   * $205.31/month (+$102.66)").
   *
   * @param scenarios the scenarios
   * @return the comparison
   * @throws TradeoffException if a scenario names a candidate that does not exist
   */
  public WhatIfReport whatIf(List<Scenario> scenarios) {
    TradeoffReport base = analyze();
    ImmutableWhatIfReport.Builder b = WhatIfReport.builder().base(base);
    Optional<String> was = base.recommendation().candidate();
    for (Scenario s : scenarios) {
      TradeoffReport r = analyze(s);
      b.addScenario(r);
      Optional<String> now = r.recommendation().candidate();
      StringBuilder line = new StringBuilder(s.name()).append(": ");
      if (now.isEmpty()) {
        line.append("no recommendation (").append(String.join("; ", r.recommendation().unmetRequirements()))
            .append(')');
      } else {
        CandidateRow row = r.row(now.get()).orElseThrow();
        line.append(now.equals(was) ? "still " : "now ").append(now.get())
            .append(was.isPresent() && !now.equals(was) ? " (was " + was.get() + ")" : "").append(", ")
            .append(Fmt.usd(row.monthlyCostUsd())).append("/month");
        Optional<CandidateRow> before = was.flatMap(base::row);
        if (before.isPresent()) {
          BigDecimal diff = row.monthlyCostUsd().subtract(before.get().monthlyCostUsd());
          line.append(" (").append(diff.signum() >= 0 ? "+" : "").append(Fmt.usd(diff)).append(" vs today)");
        }
      }
      b.addSummary(line.toString());
    }
    return b.build();
  }

  @Override
  public String toString() {
    return "TradeoffAnalyzer[" + input.workload().name() + ", " + input.candidates().size() + " candidates]";
  }

  /**
   * Assembles the inputs. Not thread-safe; build once, then share the analyzer.
   *
   * <pre>{@code
   * TradeoffAnalyzer analyzer = TradeoffAnalyzer.builder()
   *     .catalog(PriceOverrides.builder().putProviderDiscount("azure", new BigDecimal("0.15")).build()
   *         .applyTo(PriceCatalog.bundled()))
   *     .workload(profile)
   *     .addCandidate(a).addCandidate(b)
   *     .weights(Weights.equal(Metric.MONTHLY_COST_USD, Metric.P95_TTFT_MS))
   *     .build();
   * }</pre>
   */
  public static final class Builder {

    private PriceCatalog catalog;
    private final ImmutableAnalysisInput.Builder input = AnalysisInput.builder();
    private boolean hasWorkload;

    private Builder() {}

    /**
     * The price catalog; {@link PriceCatalog#bundled()} if not set.
     *
     * @param catalog the catalog
     * @return this builder
     */
    public Builder catalog(PriceCatalog catalog) {
      this.catalog = Objects.requireNonNull(catalog, "catalog");
      return this;
    }

    /**
     * The workload (required).
     *
     * @param workload the workload
     * @return this builder
     */
    public Builder workload(WorkloadProfile workload) {
      input.workload(Objects.requireNonNull(workload, "workload"));
      hasWorkload = true;
      return this;
    }

    /**
     * Adds a candidate (at least one is required).
     *
     * @param candidate the candidate
     * @return this builder
     */
    public Builder addCandidate(DeploymentCandidate candidate) {
      input.addCandidate(Objects.requireNonNull(candidate, "candidate"));
      return this;
    }

    /**
     * Adds candidates.
     *
     * @param candidates the candidates
     * @return this builder
     */
    public Builder addCandidates(Iterable<? extends DeploymentCandidate> candidates) {
      input.addAllCandidates(candidates);
      return this;
    }

    /**
     * The hard constraints; none if not set.
     *
     * @param requirements the requirements
     * @return this builder
     */
    public Builder requirements(Requirements requirements) {
      input.requirements(Objects.requireNonNull(requirements, "requirements"));
      return this;
    }

    /**
     * The weights; see {@link AnalysisInput#weights()} for the default.
     *
     * @param weights the weights
     * @return this builder
     */
    public Builder weights(Weights weights) {
      input.weights(Objects.requireNonNull(weights, "weights"));
      return this;
    }

    /**
     * The break-even headroom as a fraction; see {@link AnalysisInput#breakEvenHeadroom()}.
     *
     * @param headroom {@code >= 0}
     * @return this builder
     */
    public Builder breakEvenHeadroom(double headroom) {
      input.breakEvenHeadroom(headroom);
      return this;
    }

    /**
     * Asks for a TCO projection.
     *
     * @param tco the settings
     * @return this builder
     */
    public Builder tco(TcoSettings tco) {
      input.tco(Objects.requireNonNull(tco, "tco"));
      return this;
    }

    /**
     * Validates the inputs and resolves the candidates against the catalog.
     *
     * @return the analyzer
     * @throws TradeoffException if the workload is missing, there is no candidate, names repeat, or a weight
     *     names a metric no candidate measured
     */
    public TradeoffAnalyzer build() {
      if (!hasWorkload) {
        throw TradeoffException.of("workload", "workload must be set (TradeoffAnalyzer.builder().workload(...))");
      }
      return TradeoffAnalyzer.of(input.build(), catalog != null ? catalog : PriceCatalog.bundled());
    }
  }
}
