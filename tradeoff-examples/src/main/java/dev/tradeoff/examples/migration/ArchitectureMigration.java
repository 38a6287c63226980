package dev.tradeoff.examples.migration;

import dev.tradeoff.examples.ReportFiles;
import dev.tradeoff.pricing.Provenance;
import dev.tradeoff.pricing.catalog.OfferCatalog;
import dev.tradeoff.pricing.plan.BreakEven;
import dev.tradeoff.pricing.plan.BreakEvenPoint;
import dev.tradeoff.pricing.plan.DemandCurve;
import dev.tradeoff.pricing.plan.ProvisionedPlan;
import dev.tradeoff.pricing.plan.Scaling;
import dev.tradeoff.pricing.plan.SelfHostedPlan;
import dev.tradeoff.pricing.plan.WorkloadCost;
import dev.tradeoff.pricing.selfhost.GpuInstance;
import dev.tradeoff.pricing.selfhost.GpuSpec;
import dev.tradeoff.pricing.selfhost.GpuSpecs;
import dev.tradeoff.pricing.selfhost.MeasurementPoint;
import dev.tradeoff.pricing.selfhost.ThroughputEstimate;
import dev.tradeoff.pricing.selfhost.ThroughputEstimator;
import dev.tradeoff.pricing.selfhost.ThroughputMeasurement;
import dev.tradeoff.pricing.selfhost.ThroughputQuery;
import dev.tradeoff.pricing.tco.TcoOption;
import dev.tradeoff.pricing.tco.TcoProjection;
import dev.tradeoff.pricing.tco.TcoScenario;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reference scenario 2, the architecture migration: a steady 24/7 Azure OpenAI PTU deployment (about
 * $10,000/month) against a self-hosted open model on GPU instances, all from {@code tradeoff-pricing}'s bundled
 * offers and models — no network, nothing simulated.
 *
 * <ol>
 *   <li><b>Current, all-in</b>: the PTU plan from the offer catalog sized for the demand's peak with headroom
 *       ({@code OfferCatalog.azurePtu}), plus the engineering hours it takes.
 *   <li><b>Throughput and latency</b>: the {@link ThroughputEstimator}'s best throughput of the model on the
 *       instance's GPUs that meets the inter-token requirement, its TTFT, and — when the catalog has one for the
 *       instance — a published measurement as a cross-check.
 *   <li><b>Self-hosted, all-in</b>: a {@link SelfHostedPlan} with that throughput per instance, sized for the peak
 *       with headroom at the target utilization, plus engineering hours and licensing; migration hours once.
 *   <li><b>Break-even volume</b>: the sustained tokens/minute above which self-hosting is cheaper per month
 *       ({@link BreakEven#sustained}).
 *   <li><b>3-year TCO</b> per growth/price-decline case ({@link TcoScenario}) and the break-even month.
 * </ol>
 *
 * <pre>{@code
 * MigrationReport r = ArchitectureMigration.run(MigrationScenario.defaults());
 * r.currentAllInPerMonth();       // 10,490: 35 PTU x $286 + 4 h x $120
 * r.selfHostedCost().peakUnits(); // instances at peak
 * r.cases().get(0).breakEvenMonth();
 * r.writeTo(Path.of("tradeoff-out/migration"));
 * }</pre>
 *
 * <p>Run it: {@code java -cp tradeoff-examples/target/tradeoff-demo.jar
 * dev.tradeoff.examples.migration.ArchitectureMigration [--instance ID] [--out DIR]}.
 */
public final class ArchitectureMigration {

  /** Highest concurrency the latency search considers. */
  static final int MAX_CONCURRENCY = 256;

  private ArchitectureMigration() {}

  /**
   * Runs the scenario.
   *
   * @param scenario the question
   * @return the report
   * @throws IllegalArgumentException if the instance is not in the bundled catalog, its GPU has no known spec, or
   *     the model does not fit in its memory (the message names instance, GPU and model)
   * @throws dev.tradeoff.pricing.PricingException if the PTU model or commitment is not offered
   */
  public static MigrationReport run(MigrationScenario scenario) {
    Objects.requireNonNull(scenario, "scenario");
    OfferCatalog offers = OfferCatalog.bundled();
    DemandCurve demand = DemandCurve.flat(scenario.tokensPerMinute(), scenario.mix());

    ProvisionedPlan current = offers.azurePtu(scenario.currentModel(), scenario.currentDeployment(),
        scenario.currentCommitment()).withHeadroom(scenario.currentHeadroom());
    WorkloadCost currentCost = current.monthlyCost(demand);
    BigDecimal currentOverhead = scenario.engineeringHourlyRate()
        .multiply(BigDecimal.valueOf(scenario.currentEngineeringHoursPerMonth()));

    GpuInstance instance = offers.gpuInstance(scenario.instanceId());
    GpuSpec gpu = gpuOf(instance);
    int gpus = instance.gpuCount().orElse(1);
    int input = (int) Math.max(1, Math.round(scenario.mix().promptPerRequest()));
    int output = (int) Math.max(1, Math.round(scenario.mix().output() + scenario.mix().reasoning()));
    ThroughputQuery query = ThroughputQuery.builder()
        .model(scenario.model()).weights(scenario.weights()).kvCache(scenario.kvCache())
        .gpu(gpu).gpuCount(gpus)
        .concurrency(MAX_CONCURRENCY).inputTokens(input).outputTokens(output)
        .build();
    ThroughputEstimate best = ThroughputEstimator.estimate(query);
    if (!best.fits()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s at %s (%.1f GB of weights) does not fit in %d x %s of instance %s; choose a larger instance or a "
              + "lower precision", scenario.model().name(), scenario.weights(), best.weightBytes() / 1e9, gpus,
          gpu.name(), instance.id()));
    }
    Optional<ThroughputEstimate> atTarget =
        ThroughputEstimator.atTargetLatency(query, scenario.maxInterTokenMillis() / 1000);
    ThroughputEstimate used = atTarget.orElse(best);
    boolean meetsInterToken = atTarget.isPresent();
    boolean meetsTtft = used.timeToFirstTokenSeconds() * 1000 <= scenario.maxTtftMillis();

    SelfHostedPlan selfHosted = SelfHostedPlan.builder()
        .name(scenario.model().name() + " " + scenario.weights() + " on " + instance.instanceType())
        .instance(instance)
        .outputTokensPerSecondPerReplica(used.outputTokensPerSecond())
        .targetUtilization(scenario.targetUtilization())
        .headroom(scenario.selfHostedHeadroom())
        .scaling(Scaling.FIXED)
        .engineeringHoursPerMonth(scenario.engineeringHoursPerMonth())
        .engineeringHourlyRate(scenario.engineeringHourlyRate())
        .licensingPerMonth(scenario.licensingPerMonth())
        .throughputSource(Provenance.of(String.format(Locale.ROOT,
            "tradeoff ThroughputEstimator: %s %s on %d x %s, %d in / %d out tokens, concurrency %d (ITL %.1f ms)",
            scenario.model().name(), scenario.weights(), gpus, gpu.name(), input, output,
            used.effectiveConcurrency(), used.interTokenSeconds() * 1000), "2026-11-28"))
        .build();
    WorkloadCost selfHostedCost = selfHosted.monthlyCost(demand);
    BigDecimal migration = scenario.engineeringHourlyRate().multiply(BigDecimal.valueOf(scenario.migrationHours()));

    Optional<BreakEvenPoint> breakEven = BreakEven.sustained(current, selfHosted, scenario.mix(),
        scenario.selfHostedHeadroom(), scenario.tokensPerMinute() / 100, scenario.tokensPerMinute() * 1000);

    List<MigrationReport.CaseResult> cases = new ArrayList<>();
    for (GrowthCase c : scenario.cases()) {
      TcoProjection p = TcoScenario.builder()
          .demand(demand)
          .years(scenario.years())
          .demandGrowthPerYear(c.demandGrowthPerYear())
          .priceDeclinePerYear(c.priceDeclinePerYear())
          .addOptions(TcoOption.builder().name(MigrationReport.CURRENT).plan(current)
              .operatingOverheadPerMonth(currentOverhead).build())
          .addOptions(TcoOption.builder().name(MigrationReport.SELF_HOSTED).plan(selfHosted)
              .oneTimeCost(migration).priceDeclineApplies(c.declineAppliesToSelfHosted()).build())
          .build()
          .project();
      OptionalInt month = p.breakEvenMonth(MigrationReport.SELF_HOSTED, MigrationReport.CURRENT);
      cases.add(new MigrationReport.CaseResult(c, p, month));
    }

    return new MigrationReport(scenario, current, currentCost, currentOverhead,
        currentCost.monthlyTotal().add(currentOverhead), instance, gpu, used, meetsInterToken, meetsTtft,
        publishedMeasurement(offers, instance), selfHosted, selfHostedCost, migration, breakEven, cases);
  }

  /** The spec of an instance's GPU, matched on the catalog's GPU name (e.g. {@code "A10G 24GB"}). */
  static GpuSpec gpuOf(GpuInstance instance) {
    String name = instance.gpu().orElse("");
    GpuSpec[] known = {GpuSpecs.H100_SXM, GpuSpecs.H200, GpuSpecs.A100_80GB, GpuSpecs.A100_40GB, GpuSpecs.L40S,
        GpuSpecs.L4, GpuSpecs.A10G};
    String normalized = name.toUpperCase(Locale.ROOT).replace(" ", "");
    for (GpuSpec spec : known) {
      String model = spec.name().toUpperCase(Locale.ROOT).split(" ")[0];
      String memory = String.format(Locale.ROOT, "%.0fGB", spec.memoryGb());
      if (normalized.startsWith(model) && normalized.contains(memory)) {
        return spec;
      }
    }
    List<String> names = new ArrayList<>();
    for (GpuSpec spec : known) {
      names.add(spec.name());
    }
    throw new IllegalArgumentException("instance " + instance.id() + " has GPU '" + name
        + "', which has no throughput model here (known: " + String.join(", ", names) + ")");
  }

  /**
   * A published measurement of a 70B-class model on this instance type, if the catalog has one: a lower bound
   * from an older engine for the throughput estimate.
   */
  private static Optional<MigrationReport.Measured> publishedMeasurement(OfferCatalog offers, GpuInstance instance) {
    String type = instance.instanceType().toLowerCase(Locale.ROOT);
    String bare = type.startsWith("ml.") ? type.substring(3) : type;
    for (ThroughputMeasurement m : offers.throughputMeasurements()) {
      for (MeasurementPoint p : m.points()) {
        String at = p.attributes().getOrDefault("instance", "").toLowerCase(Locale.ROOT);
        String model = p.attributes().getOrDefault("model", "");
        if ((at.equals(type) || at.equals(bare) || at.equals("ml." + bare)) && model.contains("70B")
            && p.tokensPerSecond().isPresent()) {
          return Optional.of(new MigrationReport.Measured(m, p));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Runs the reference scenario and writes its report.
   *
   * @param args {@code [--instance ID] [--out DIR]}
   */
  public static void main(String... args) {
    MigrationScenario.Builder b = MigrationScenario.builder();
    Path out = Path.of("tradeoff-out", "migration");
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--instance") && i + 1 < args.length) {
        b.instanceId(args[++i]);
      } else if (args[i].equals("--out") && i + 1 < args.length) {
        out = Path.of(args[++i]);
      } else {
        System.err.println("usage: ArchitectureMigration [--instance ID] [--out DIR]");
        System.exit(2);
      }
    }
    MigrationReport report = run(b.build());
    ReportFiles files = report.writeTo(out);
    System.out.println(report.toText());
    System.out.println("Wrote:");
    for (Path p : files.all()) {
      System.out.println("  " + p);
    }
  }
}
