package dev.tradeoff.pricing.catalog;

import dev.tradeoff.pricing.InvalidValueException;
import dev.tradeoff.pricing.Provenance;
import dev.tradeoff.pricing.internal.BundledCatalog;
import dev.tradeoff.pricing.internal.OfferReader;
import dev.tradeoff.pricing.plan.Billing;
import dev.tradeoff.pricing.plan.CapacityPool;
import dev.tradeoff.pricing.plan.Commitment;
import dev.tradeoff.pricing.plan.ImmutableCapacityPool;
import dev.tradeoff.pricing.plan.ImmutableProvisionedPlan;
import dev.tradeoff.pricing.plan.ProvisionedCapacity;
import dev.tradeoff.pricing.plan.ProvisionedPlan;
import dev.tradeoff.pricing.plan.ProvisionedPrice;
import dev.tradeoff.pricing.plan.UnitPrice;
import dev.tradeoff.pricing.selfhost.GpuInstance;
import dev.tradeoff.pricing.selfhost.ThroughputMeasurement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The non-token offers of a catalog: provisioned-throughput prices and per-model capacities (Azure PTU, Vertex
 * GSU, OpenAI Scale Tier, Bedrock reserved tier and model units), GPU instance prices, and published self-hosted
 * throughput measurements — each with its source and as-of date, secondary sources marked. It builds ready-to-use
 * {@link ProvisionedPlan}s from them.
 *
 * <pre>{@code
 * OfferCatalog offers = OfferCatalog.bundled();
 * ProvisionedPlan ptu = offers.azurePtu("gpt-4o", AzureDeployment.GLOBAL, Commitment.P1M)
 *     .withHeadroom(0.2)
 *     .withSpillover(PayAsYouGoPlan.of(PriceCatalog.bundled().resolve("azure/gpt-4o")));
 * GpuInstance g5 = offers.gpuInstance("aws-sagemaker/ml.g5.12xlarge");
 * }</pre>
 *
 * <p>Immutable and thread-safe; {@link #bundled()} is loaded once.
 *
 * @since 0.1.0
 */
public final class OfferCatalog {

  private final List<ProvisionedPrice> prices;
  private final List<ProvisionedCapacity> capacities;
  private final List<GpuInstance> gpuInstances;
  private final List<ThroughputMeasurement> measurements;

  private OfferCatalog(OfferReader.Offers offers) {
    this.prices = offers.prices;
    this.capacities = offers.capacities;
    this.gpuInstances = offers.gpuInstances;
    this.measurements = offers.measurements;
  }

  private static final class Holder {
    static final OfferCatalog BUNDLED = new OfferCatalog(
        OfferReader.read(BundledCatalog.document().root(), BundledCatalog.document().file()));
  }

  /**
   * The offers bundled with the library (the offer sections of {@code dev/tradeoff/pricing/catalog.json}).
   *
   * @return the shared instance
   */
  public static OfferCatalog bundled() {
    return Holder.BUNDLED;
  }

  /**
   * The offer sections of a catalog file in the library's format (see {@link CatalogJson}), read strictly.
   *
   * @param file the catalog file
   * @return the offers
   * @throws dev.tradeoff.pricing.CatalogFormatException on any problem, with file, line, column and key
   * @throws java.io.UncheckedIOException if the file cannot be read
   */
  public static OfferCatalog read(java.nio.file.Path file) {
    try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
      dev.tradeoff.pricing.internal.CatalogDocument doc =
          dev.tradeoff.pricing.internal.CatalogDocument.read(in, file.toString(), LoadMode.STRICT);
      return new OfferCatalog(OfferReader.read(doc.root(), doc.file()));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read " + file, e);
    }
  }

  /** @return provisioned unit prices */
  public List<ProvisionedPrice> provisionedPrices() {
    return prices;
  }

  /** @return per-model provisioned capacities */
  public List<ProvisionedCapacity> provisionedCapacities() {
    return capacities;
  }

  /** @return GPU instances with prices */
  public List<GpuInstance> gpuInstances() {
    return gpuInstances;
  }

  /** @return published self-hosted throughput measurements */
  public List<ThroughputMeasurement> throughputMeasurements() {
    return measurements;
  }

  /**
   * A GPU instance by id ({@code cloud/instance}, case-insensitive).
   *
   * @param id the id, for example {@code aws-sagemaker/ml.g5.12xlarge}
   * @return the instance
   * @throws InvalidValueException if there is no such instance (the message lists similar ids)
   */
  public GpuInstance gpuInstance(String id) {
    for (GpuInstance g : gpuInstances) {
      if (g.id().equalsIgnoreCase(id)) {
        return g;
      }
    }
    List<String> similar = new ArrayList<>();
    String needle = id.substring(id.indexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
    for (GpuInstance g : gpuInstances) {
      if (g.id().toLowerCase(java.util.Locale.ROOT).contains(needle) || needle.contains(g.instanceType().toLowerCase(java.util.Locale.ROOT))) {
        similar.add(g.id());
      }
    }
    throw InvalidValueException.of("gpuInstance", "a known instance id" + (similar.isEmpty() ? "" : " such as "
        + similar), "\"" + id + "\"");
  }

  /**
   * A measurement by id.
   *
   * @param id the id, for example {@code nim-llama-3.3-70b-instruct-2xh100-fp8}
   * @return the measurement
   * @throws InvalidValueException if there is no such measurement
   */
  public ThroughputMeasurement throughputMeasurement(String id) {
    return measurements.stream().filter(m -> m.id().equalsIgnoreCase(id)).findFirst().orElseThrow(() ->
        InvalidValueException.of("throughputMeasurement", "one of " + measurements.stream()
            .map(ThroughputMeasurement::id).toList(), "\"" + id + "\""));
  }

  /**
   * The price entry of a family and scope.
   *
   * @param family the family, for example {@code azure-ptu}
   * @param scope the scope, for example {@code global}
   * @return the price, or empty
   */
  public Optional<ProvisionedPrice> provisionedPrice(String family, String scope) {
    return prices.stream().filter(p -> p.family().equalsIgnoreCase(family) && p.scope().equalsIgnoreCase(scope))
        .findFirst();
  }

  /**
   * An Azure OpenAI PTU plan for a model (FIXED size, sized for the peak without headroom; adjust with
   * {@code withHeadroom}, {@code withSpillover}, {@code withScaling}).
   *
   * @param model the model as in Azure's capacity table, for example {@code gpt-4o}
   * @param deployment the deployment type
   * @param commitment {@link Commitment#HOURLY}, {@link Commitment#P1M} or {@link Commitment#P1Y}
   * @return the plan
   * @throws InvalidValueException if the model or commitment is not offered
   */
  public ImmutableProvisionedPlan azurePtu(String model, AzureDeployment deployment, Commitment commitment) {
    return provisionedPlan("azure-ptu", model, deployment.variant(), commitment);
  }

  /**
   * A Vertex AI provisioned-throughput (GSU) plan.
   *
   * @param model the model as in Google's table, for example {@code gemini-2.5-flash} or {@code claude-3-haiku}
   * @param commitment {@link Commitment#P1W}, {@link Commitment#P1M}, {@link Commitment#P3M} or {@link Commitment#P1Y}
   * @return the plan
   * @throws InvalidValueException if the model or commitment is not offered
   */
  public ImmutableProvisionedPlan vertexGsu(String model, Commitment commitment) {
    return provisionedPlan("vertex-gsu", model, "default", commitment);
  }

  /**
   * An OpenAI Scale Tier plan (input and output units, 30-day term).
   *
   * @param model the model, for example {@code gpt-4o-mini}
   * @return the plan
   * @throws InvalidValueException if the model is not offered
   */
  public ImmutableProvisionedPlan openAiScaleTier(String model) {
    return provisionedPlan("openai-scale-tier", model, "default", Commitment.P1M);
  }

  /**
   * Any provisioned plan: the capacities of {@code (family, model, variant)} joined with their prices under a
   * commitment ({@link Commitment#HOURLY} bills hourly, any other reserves).
   *
   * @param family the offer family
   * @param model the model
   * @param variant the deployment variant
   * @param commitment the commitment
   * @return the plan, named after its parts, with both sources attached
   * @throws InvalidValueException if nothing matches or a price is missing
   */
  public ImmutableProvisionedPlan provisionedPlan(String family, String model, String variant, Commitment commitment) {
    List<ProvisionedCapacity> matching = new ArrayList<>();
    for (ProvisionedCapacity c : capacities) {
      if (c.family().equalsIgnoreCase(family) && c.model().equalsIgnoreCase(model)
          && c.variant().equalsIgnoreCase(variant)) {
        matching.add(c);
      }
    }
    if (matching.isEmpty()) {
      Set<String> known = new LinkedHashSet<>();
      capacities.stream().filter(c -> c.family().equalsIgnoreCase(family))
          .forEach(c -> known.add(c.model() + " (" + c.variant() + ")"));
      throw InvalidValueException.of("model", "a model with " + family + " capacity: " + known,
          "\"" + model + "\" (" + variant + ")");
    }
    ImmutableProvisionedPlan.Builder plan = ProvisionedPlan.builder()
        .name(family + " " + model + " " + variant + " " + commitment)
        .billing(commitment == Commitment.HOURLY ? Billing.HOURLY : Billing.RESERVED)
        .reservationTermMonths(Math.max(1, commitment.months()));
    Set<Provenance> sources = new LinkedHashSet<>();
    for (ProvisionedCapacity c : matching) {
      ProvisionedPrice price = provisionedPrice(family, c.priceScope()).orElseThrow(() ->
          InvalidValueException.of("priceScope", "a priced scope of " + family, "\"" + c.priceScope() + "\""));
      ImmutableCapacityPool.Builder pool = CapacityPool.builder().name(c.pool())
          .tokensPerMinutePerUnit(c.tokensPerMinutePerUnit()).putAllWeights(c.weights())
          .minimumUnits(c.minimumUnits()).unitIncrement(c.unitIncrement());
      price.price(Commitment.HOURLY).map(UnitPrice::perUnitHour).ifPresent(pool::hourlyPerUnit);
      if (commitment != Commitment.HOURLY) {
        UnitPrice reserved = price.price(commitment).orElseThrow(() -> InvalidValueException.of("commitment",
            "one offered for " + family + " " + c.priceScope() + ": "
                + price.prices().stream().map(UnitPrice::commitment).toList(), commitment));
        pool.reservedPerUnitMonth(reserved.perUnitMonth());
      } else if (price.price(Commitment.HOURLY).isEmpty()) {
        throw InvalidValueException.of("commitment", "one offered for " + family + " " + c.priceScope() + ": "
            + price.prices().stream().map(UnitPrice::commitment).toList(), commitment);
      }
      plan.addPool(pool.build());
      sources.add(c.source());
      sources.add(price.source());
    }
    return plan.addAllSources(sources).build();
  }
}
