package dev.tradeoff.api.internal;

import dev.tradeoff.api.DeploymentCandidate;
import dev.tradeoff.api.Metric;
import dev.tradeoff.pricing.DataResidency;
import dev.tradeoff.pricing.ModelPrice;
import dev.tradeoff.pricing.PriceCatalog;
import dev.tradeoff.pricing.Provenance;
import dev.tradeoff.pricing.plan.PayAsYouGoPlan;
import dev.tradeoff.pricing.plan.PricingPlan;
import dev.tradeoff.pricing.plan.ProvisionedPlan;
import dev.tradeoff.pricing.plan.SelfHostedPlan;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A candidate joined with the price catalog once, when the analyzer is built, so that {@code analyze()} does no
 * look-ups.
 *
 * @param candidate the candidate as given
 * @param plan its plan, given or pay-as-you-go from the catalog; empty if unpriced
 * @param noPrice why it has no price, if it has none
 * @param modelKey the model for break-even grouping: the catalog id if the model resolves, else the lower-cased name
 * @param provider the provider for the table
 * @param contextWindow the input context window, if known
 * @param regions data-residency regions, upper-cased
 * @param features features and capabilities, lower-cased
 * @param priceSource where the price comes from
 */
public record Resolved(DeploymentCandidate candidate, Optional<PricingPlan> plan, Optional<String> noPrice,
    String modelKey, String provider, OptionalLong contextWindow, Set<String> regions, Set<String> features,
    Optional<Provenance> priceSource) {

  /** Suggestions listed when a model is not in the catalog. */
  static final int SUGGESTIONS = 3;

  /**
   * Resolves a candidate against a catalog.
   *
   * @param c the candidate
   * @param catalog the catalog
   * @return the resolution
   */
  public static Resolved of(DeploymentCandidate c, PriceCatalog catalog) {
    Optional<ModelPrice> catalogModel = c.plan().isPresent() && c.plan().get() instanceof PayAsYouGoPlan
        ? Optional.of(((PayAsYouGoPlan) c.plan().get()).model())
        : catalog.find(c.model());
    Optional<PricingPlan> plan = c.plan().isPresent() ? c.plan()
        : catalogModel.map(m -> (PricingPlan) PayAsYouGoPlan.of(m));
    Optional<String> noPrice = plan.isPresent() ? Optional.empty()
        : Optional.of("has no price: '" + c.model() + "' is not in the price catalog (nearest: "
            + String.join(", ", catalog.nearestIds(c.model(), SUGGESTIONS)) + ")");
    String key = catalog.find(c.model()).map(ModelPrice::id).orElse(c.model()).toLowerCase(Locale.ROOT);
    String provider = c.provider().orElseGet(() -> catalogModel.map(ModelPrice::provider)
        .filter(p -> !p.isEmpty())
        .orElseGet(() -> c.model().contains("/") ? c.model().substring(0, c.model().indexOf('/')) : "—"));
    OptionalLong window = c.contextWindowTokens().isPresent() ? c.contextWindowTokens()
        : catalogModel.map(ModelPrice::maxInputTokens).orElse(OptionalLong.empty());
    Set<String> regions = new LinkedHashSet<>();
    c.regions().forEach(r -> regions.add(r.toUpperCase(Locale.ROOT)));
    if (plan.isPresent() && plan.get() instanceof PayAsYouGoPlan) {
      DataResidency residency = ((PayAsYouGoPlan) plan.get()).options().residency();
      if (residency != DataResidency.GLOBAL) {
        regions.add(residency.name());
      }
    }
    Set<String> features = new LinkedHashSet<>();
    catalogModel.ifPresent(m -> m.capabilities().forEach(f -> features.add(f.toLowerCase(Locale.ROOT))));
    c.features().forEach(f -> features.add(f.toLowerCase(Locale.ROOT)));
    Optional<Provenance> source = Optional.empty();
    if (plan.isPresent()) {
      PricingPlan p = plan.get();
      if (p instanceof PayAsYouGoPlan) {
        source = Optional.of(((PayAsYouGoPlan) p).model().source());
      } else if (p instanceof ProvisionedPlan && !((ProvisionedPlan) p).sources().isEmpty()) {
        source = Optional.of(((ProvisionedPlan) p).sources().get(0));
      } else if (p instanceof SelfHostedPlan) {
        source = Optional.of(((SelfHostedPlan) p).instance().source());
      }
    }
    return new Resolved(c, plan, noPrice, key, provider, window, Set.copyOf(regions), Set.copyOf(features), source);
  }

  /**
   * The candidate's value of a performance or quality metric (not the cost).
   *
   * @param metric the metric
   * @return the value, or empty
   */
  public OptionalDouble value(Metric metric) {
    return metric == Metric.QUALITY ? candidate.quality() : candidate.measurements().value(metric);
  }
}
