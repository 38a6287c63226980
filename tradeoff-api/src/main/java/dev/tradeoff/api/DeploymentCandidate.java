package dev.tradeoff.api;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tradeoff.pricing.plan.PricingPlan;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import org.immutables.value.Value;

/**
 * One option to choose from: a model of a provider under a deployment plan (pay-as-you-go, provisioned,
 * committed, self-hosted — {@code tradeoff-pricing}'s {@link PricingPlan}s), with its measured performance, the
 * user's quality score, and the attributes hard constraints are checked against (context window, data-residency
 * regions, features).
 *
 * <pre>{@code
 * // pay-as-you-go at the catalog's list price
 * DeploymentCandidate mini = DeploymentCandidate.of("GPT-4o-mini", "openai/gpt-4o-mini")
 *     .withMeasurements(Measurements.builder().p50TtftMs(380).p95TtftMs(720).build())
 *     .withQuality(0.78);
 * // any plan
 * DeploymentCandidate ptu = DeploymentCandidate.builder()
 *     .name("GPT-4o PTU").model("azure/gpt-4o")
 *     .plan(OfferCatalog.bundled().azurePtu("gpt-4o", AzureDeployment.GLOBAL, Commitment.P1M))
 *     .addRegion("EU")
 *     .build();
 * }</pre>
 *
 * <h2>Defaults taken from the price catalog</h2>
 * Without a {@link #plan()}, the candidate is priced pay-as-you-go at the analyzer's catalog price of
 * {@link #model()}; a model the catalog does not know is reported as excluded ("no price"), never priced at $0.
 * When {@link #model()} resolves in the catalog, its context window and capabilities are used unless
 * {@link #contextWindowTokens()} is set, and {@link #features()} are added to the capabilities. Candidates whose
 * models resolve to the same catalog id are compared for break-even.
 *
 * <p>Names must be unique within an analysis. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableDeploymentCandidate.class)
@JsonDeserialize(as = ImmutableDeploymentCandidate.class)
public interface DeploymentCandidate {

  /** @return the name shown in the report, unique within an analysis, not blank */
  String name();

  /** @return the model: any id the price catalog resolves ({@code openai/gpt-4o-mini}), or a free name with a plan */
  String model();

  /** @return the provider, by default the catalog model's provider, else the part of {@link #model()} before '/' */
  Optional<String> provider();

  /** @return the plan; empty for pay-as-you-go at the catalog's list price */
  Optional<PricingPlan> plan();

  /** @return measured or supplied performance, none by default */
  default Measurements measurements() {
    return Measurements.none();
  }

  /** @return the user's own evaluation score, larger is better, finite */
  OptionalDouble quality();

  /** @return the input context window in tokens, by default the catalog's {@code maxInputTokens} */
  OptionalLong contextWindowTokens();

  /** @return data-residency regions it keeps data in (e.g. {@code EU}, {@code US}), case-insensitive */
  Set<String> regions();

  /** @return supported features (e.g. {@code vision}) in addition to the catalog's capabilities */
  Set<String> features();

  /** @return a one-time cost of adopting it (migration, setup), USD, {@code >= 0}; used by TCO */
  default BigDecimal oneTimeCostUsd() {
    return BigDecimal.ZERO;
  }

  /**
   * Checks names and values.
   *
   * @throws TradeoffException naming the field and value
   */
  @Value.Check
  default void check() {
    if (name().isBlank()) {
      throw TradeoffException.invalid("candidate.name", "non-blank", "\"" + name() + "\"");
    }
    if (model().isBlank()) {
      throw TradeoffException.invalid("model (candidate " + name() + ")", "non-blank", "\"" + model() + "\"");
    }
    if (quality().isPresent() && !Double.isFinite(quality().getAsDouble())) {
      throw TradeoffException.invalid("quality (candidate " + name() + ")", "finite", quality().getAsDouble());
    }
    if (contextWindowTokens().isPresent() && contextWindowTokens().getAsLong() <= 0) {
      throw TradeoffException.invalid("contextWindowTokens (candidate " + name() + ")", "> 0",
          contextWindowTokens().getAsLong());
    }
    if (oneTimeCostUsd().signum() < 0) {
      throw TradeoffException.invalid("oneTimeCostUsd (candidate " + name() + ")", ">= 0",
          oneTimeCostUsd().toPlainString());
    }
  }

  /**
   * A pay-as-you-go candidate at the catalog's list price.
   *
   * @param name the report name
   * @param model a model id the catalog resolves
   * @return the candidate
   */
  static ImmutableDeploymentCandidate of(String name, String model) {
    return builder().name(name).model(model).build();
  }

  /**
   * A candidate under a plan.
   *
   * @param name the report name
   * @param model the model (a catalog id, or a free name)
   * @param plan the plan
   * @return the candidate
   */
  static ImmutableDeploymentCandidate of(String name, String model, PricingPlan plan) {
    return builder().name(name).model(model).plan(plan).build();
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableDeploymentCandidate.Builder builder() {
    return ImmutableDeploymentCandidate.builder();
  }
}
