package dev.tradeoff.examples.migration;

import dev.tradeoff.pricing.catalog.AzureDeployment;
import dev.tradeoff.pricing.plan.Commitment;
import dev.tradeoff.pricing.plan.TokenMix;
import dev.tradeoff.pricing.selfhost.ModelArchitecture;
import dev.tradeoff.pricing.selfhost.ModelArchitectures;
import dev.tradeoff.pricing.selfhost.Precision;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The architecture-migration question: keep a steady 24/7 Azure OpenAI provisioned (PTU) deployment, or move to
 * a self-hosted open model on GPU instances?
 *
 * <p>The defaults are the reference scenario: a steady 50,000 tokens/minute (1,500 input and 300 output tokens per
 * request) on GPT-4o, Data Zone PTUs on a 1-month reservation sized with 20% headroom — 35 PTUs, $10,010 a month
 * at the bundled catalog's $286/PTU-month, the "$10,000/month deployment" — against Llama 3 70B (4-bit AWQ
 * weights) on AWS SageMaker {@code ml.g5.12xlarge} (4x A10G, $7.09/h), sized for the same peak with 20% headroom
 * at 80% target utilization, with 40 engineering hours a month at $120/h to run it and 160 hours to migrate.
 *
 * <pre>{@code
 * MigrationScenario s = MigrationScenario.defaults();
 * MigrationScenario p4 = s.toBuilder().instanceId("aws-sagemaker/ml.p4d.24xlarge").weights(Precision.FP16).build();
 * }</pre>
 *
 * @param tokensPerMinute the steady demand, all token classes, {@code > 0}
 * @param mix tokens per request by class
 * @param currentModel the Azure PTU model, as in Azure's capacity table (e.g. {@code gpt-4o})
 * @param currentDeployment the PTU deployment type
 * @param currentCommitment the PTU reservation term ({@link Commitment#HOURLY}, {@link Commitment#P1M} or
 *     {@link Commitment#P1Y})
 * @param currentHeadroom PTU capacity over the peak, as a fraction, {@code >= 0}
 * @param currentEngineeringHoursPerMonth hours a month spent running the managed deployment, {@code >= 0}
 * @param instanceId the GPU instance of the bundled offer catalog, e.g. {@code aws-sagemaker/ml.g5.12xlarge}
 * @param model the open model's architecture
 * @param weights the precision of its weights
 * @param kvCache the precision of its KV cache
 * @param maxInterTokenMillis the latency requirement between tokens (per stream), ms, {@code > 0}
 * @param maxTtftMillis the latency requirement to the first token, ms, {@code > 0}
 * @param selfHostedHeadroom instance capacity over the peak, as a fraction, {@code >= 0}
 * @param targetUtilization the utilization sizing aims for, in {@code (0, 1]}
 * @param engineeringHoursPerMonth hours a month to run the self-hosted service, {@code >= 0}
 * @param engineeringHourlyRate USD per engineering hour, {@code >= 0}
 * @param licensingPerMonth model or software licences, USD a month, {@code >= 0}
 * @param migrationHours one-time engineering hours to migrate, {@code >= 0}
 * @param years the TCO horizon, 1..10
 * @param cases the growth and price-decline what-ifs, at least one, names unique
 * @param chartCases names of the cases drawn on the cumulative-cost chart, at least one
 */
public record MigrationScenario(
    double tokensPerMinute,
    TokenMix mix,
    String currentModel,
    AzureDeployment currentDeployment,
    Commitment currentCommitment,
    double currentHeadroom,
    double currentEngineeringHoursPerMonth,
    String instanceId,
    ModelArchitecture model,
    Precision weights,
    Precision kvCache,
    double maxInterTokenMillis,
    double maxTtftMillis,
    double selfHostedHeadroom,
    double targetUtilization,
    double engineeringHoursPerMonth,
    BigDecimal engineeringHourlyRate,
    BigDecimal licensingPerMonth,
    double migrationHours,
    int years,
    List<GrowthCase> cases,
    List<String> chartCases) {

  /** The reference instance: AWS SageMaker ml.g5.12xlarge, 4x A10G 24 GB. */
  public static final String DEFAULT_INSTANCE = "aws-sagemaker/ml.g5.12xlarge";

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException naming the first component out of range
   */
  public MigrationScenario {
    positive(tokensPerMinute, "tokensPerMinute");
    Objects.requireNonNull(mix, "mix");
    text(currentModel, "currentModel");
    Objects.requireNonNull(currentDeployment, "currentDeployment");
    Objects.requireNonNull(currentCommitment, "currentCommitment");
    nonNegative(currentHeadroom, "currentHeadroom");
    nonNegative(currentEngineeringHoursPerMonth, "currentEngineeringHoursPerMonth");
    text(instanceId, "instanceId");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(weights, "weights");
    Objects.requireNonNull(kvCache, "kvCache");
    positive(maxInterTokenMillis, "maxInterTokenMillis");
    positive(maxTtftMillis, "maxTtftMillis");
    nonNegative(selfHostedHeadroom, "selfHostedHeadroom");
    if (!(targetUtilization > 0 && targetUtilization <= 1)) {
      throw new IllegalArgumentException("targetUtilization must be in (0, 1], but was " + targetUtilization);
    }
    nonNegative(engineeringHoursPerMonth, "engineeringHoursPerMonth");
    nonNegative(engineeringHourlyRate, "engineeringHourlyRate");
    nonNegative(licensingPerMonth, "licensingPerMonth");
    nonNegative(migrationHours, "migrationHours");
    if (years < 1 || years > 10) {
      throw new IllegalArgumentException("years must be in [1, 10], but was " + years);
    }
    cases = List.copyOf(cases);
    if (cases.isEmpty()) {
      throw new IllegalArgumentException("cases must not be empty");
    }
    Set<String> names = new HashSet<>();
    for (GrowthCase c : cases) {
      if (!names.add(c.name())) {
        throw new IllegalArgumentException("cases must have unique names, but '" + c.name() + "' repeats");
      }
    }
    chartCases = List.copyOf(chartCases);
    if (chartCases.isEmpty()) {
      throw new IllegalArgumentException("chartCases must name at least one case");
    }
    for (String c : chartCases) {
      if (!names.contains(c)) {
        throw new IllegalArgumentException("chartCases must name cases, but '" + c + "' is none of " + names);
      }
    }
  }

  /**
   * The reference scenario (see the class comment) with four cases over 3 years: steady; demand +60%/yr; +60%/yr
   * with managed-API prices falling 25%/yr (GPU prices flat); demand tripling every year. The chart shows the
   * steady and the tripling cases.
   *
   * @return the scenario
   */
  public static MigrationScenario defaults() {
    return builder().build();
  }

  /**
   * A builder holding the defaults.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this scenario's values.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.tokensPerMinute = tokensPerMinute;
    b.mix = mix;
    b.currentModel = currentModel;
    b.currentDeployment = currentDeployment;
    b.currentCommitment = currentCommitment;
    b.currentHeadroom = currentHeadroom;
    b.currentEngineeringHours = currentEngineeringHoursPerMonth;
    b.instanceId = instanceId;
    b.model = model;
    b.weights = weights;
    b.kvCache = kvCache;
    b.maxInterTokenMillis = maxInterTokenMillis;
    b.maxTtftMillis = maxTtftMillis;
    b.selfHostedHeadroom = selfHostedHeadroom;
    b.targetUtilization = targetUtilization;
    b.engineeringHours = engineeringHoursPerMonth;
    b.engineeringRate = engineeringHourlyRate;
    b.licensing = licensingPerMonth;
    b.migrationHours = migrationHours;
    b.years = years;
    b.cases = new ArrayList<>(cases);
    b.chartCases = new ArrayList<>(chartCases);
    return b;
  }

  private static void positive(double v, String name) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(name + " must be positive and finite, but was " + v);
    }
  }

  private static void nonNegative(double v, String name) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(name + " must be >= 0 and finite, but was " + v);
    }
  }

  private static void nonNegative(BigDecimal v, String name) {
    Objects.requireNonNull(v, name);
    if (v.signum() < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, but was " + v.toPlainString());
    }
  }

  private static void text(String v, String name) {
    Objects.requireNonNull(v, name);
    if (v.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  /** Builds a {@link MigrationScenario}; validation happens in {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private double tokensPerMinute = 50_000;
    private TokenMix mix = TokenMix.of(1_500, 300);
    private String currentModel = "gpt-4o";
    private AzureDeployment currentDeployment = AzureDeployment.DATA_ZONE;
    private Commitment currentCommitment = Commitment.P1M;
    private double currentHeadroom = 0.2;
    private double currentEngineeringHours = 4;
    private String instanceId = DEFAULT_INSTANCE;
    private ModelArchitecture model = ModelArchitectures.LLAMA_3_70B;
    private Precision weights = Precision.INT4_AWQ;
    private Precision kvCache = Precision.FP16;
    private double maxInterTokenMillis = 50;
    private double maxTtftMillis = 2_000;
    private double selfHostedHeadroom = 0.2;
    private double targetUtilization = 0.8;
    private double engineeringHours = 40;
    private BigDecimal engineeringRate = new BigDecimal("120");
    private BigDecimal licensing = BigDecimal.ZERO;
    private double migrationHours = 160;
    private int years = 3;
    private List<GrowthCase> cases = new ArrayList<>(List.of(
        new GrowthCase("steady", 0, 0, false),
        new GrowthCase("growth 60%/yr", 0.6, 0, false),
        new GrowthCase("growth 60%/yr, API prices -25%/yr", 0.6, 0.25, false),
        new GrowthCase("demand triples yearly", 2.0, 0, false)));
    private List<String> chartCases = new ArrayList<>(List.of("steady", "demand triples yearly"));

    private Builder() {}

    /** @param v steady demand, tokens/minute @return this builder */
    public Builder tokensPerMinute(double v) {
      this.tokensPerMinute = v;
      return this;
    }

    /** @param v tokens per request by class @return this builder */
    public Builder mix(TokenMix v) {
      this.mix = v;
      return this;
    }

    /** @param v the PTU model, e.g. {@code gpt-4o} @return this builder */
    public Builder currentModel(String v) {
      this.currentModel = v;
      return this;
    }

    /** @param v the PTU deployment type @return this builder */
    public Builder currentDeployment(AzureDeployment v) {
      this.currentDeployment = v;
      return this;
    }

    /** @param v the PTU reservation term @return this builder */
    public Builder currentCommitment(Commitment v) {
      this.currentCommitment = v;
      return this;
    }

    /** @param v PTU headroom fraction @return this builder */
    public Builder currentHeadroom(double v) {
      this.currentHeadroom = v;
      return this;
    }

    /** @param v engineering hours a month for the managed deployment @return this builder */
    public Builder currentEngineeringHoursPerMonth(double v) {
      this.currentEngineeringHours = v;
      return this;
    }

    /** @param v GPU instance id of the bundled offer catalog @return this builder */
    public Builder instanceId(String v) {
      this.instanceId = v;
      return this;
    }

    /** @param v the open model @return this builder */
    public Builder model(ModelArchitecture v) {
      this.model = v;
      return this;
    }

    /** @param v weight precision @return this builder */
    public Builder weights(Precision v) {
      this.weights = v;
      return this;
    }

    /** @param v KV-cache precision @return this builder */
    public Builder kvCache(Precision v) {
      this.kvCache = v;
      return this;
    }

    /** @param v inter-token latency requirement, ms @return this builder */
    public Builder maxInterTokenMillis(double v) {
      this.maxInterTokenMillis = v;
      return this;
    }

    /** @param v TTFT requirement, ms @return this builder */
    public Builder maxTtftMillis(double v) {
      this.maxTtftMillis = v;
      return this;
    }

    /** @param v self-hosted headroom fraction @return this builder */
    public Builder selfHostedHeadroom(double v) {
      this.selfHostedHeadroom = v;
      return this;
    }

    /** @param v target utilization in (0, 1] @return this builder */
    public Builder targetUtilization(double v) {
      this.targetUtilization = v;
      return this;
    }

    /** @param v engineering hours a month for self-hosting @return this builder */
    public Builder engineeringHoursPerMonth(double v) {
      this.engineeringHours = v;
      return this;
    }

    /** @param v USD per engineering hour @return this builder */
    public Builder engineeringHourlyRate(BigDecimal v) {
      this.engineeringRate = v;
      return this;
    }

    /** @param v licences, USD a month @return this builder */
    public Builder licensingPerMonth(BigDecimal v) {
      this.licensing = v;
      return this;
    }

    /** @param v one-time migration hours @return this builder */
    public Builder migrationHours(double v) {
      this.migrationHours = v;
      return this;
    }

    /** @param v TCO horizon in years @return this builder */
    public Builder years(int v) {
      this.years = v;
      return this;
    }

    /** @param v the what-ifs, replacing the defaults @return this builder */
    public Builder cases(List<GrowthCase> v) {
      this.cases = new ArrayList<>(v);
      return this;
    }

    /** @param v names of the charted cases @return this builder */
    public Builder chartCases(List<String> v) {
      this.chartCases = new ArrayList<>(v);
      return this;
    }

    /**
     * The scenario.
     *
     * @return the scenario
     * @throws IllegalArgumentException naming the first value out of range
     */
    public MigrationScenario build() {
      return new MigrationScenario(tokensPerMinute, mix, currentModel, currentDeployment, currentCommitment,
          currentHeadroom, currentEngineeringHours, instanceId, model, weights, kvCache, maxInterTokenMillis,
          maxTtftMillis, selfHostedHeadroom, targetUtilization, engineeringHours, engineeringRate, licensing,
          migrationHours, years, cases, chartCases);
    }
  }
}
