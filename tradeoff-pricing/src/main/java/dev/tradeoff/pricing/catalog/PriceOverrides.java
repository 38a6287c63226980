package dev.tradeoff.pricing.catalog;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tradeoff.pricing.ImmutableModelPrice;
import dev.tradeoff.pricing.InvalidValueException;
import dev.tradeoff.pricing.LongContextTier;
import dev.tradeoff.pricing.ModelPrice;
import dev.tradeoff.pricing.PriceCatalog;
import dev.tradeoff.pricing.Provenance;
import dev.tradeoff.pricing.TokenRates;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Enterprise adjustments to a catalog: percentage discounts per provider or per model, negotiated rates, and
 * custom or fine-tuned models.
 *
 * <pre>{@code
 * PriceOverrides acme = PriceOverrides.builder()
 *     .label("ACME / Microsoft EA 2026")
 *     .putProviderDiscount("azure", new BigDecimal("0.15"))            // 15% off every Azure model
 *     .putModelDiscount("claude-sonnet-4-5", new BigDecimal("0.10"))   // model discount beats provider discount
 *     .putNegotiatedRate("openai/gpt-4o", TokenRates.of("2.00", "8.00"))
 *     .addCustomModel(myFineTune)
 *     .build();
 * PriceCatalog ours = acme.applyTo(PriceCatalog.bundled());
 * }</pre>
 *
 * <h2>Rules</h2>
 * <ol>
 *   <li>Custom models are added (replacing an entry with the same id).
 *   <li>Negotiated rates replace a model's standard {@code rates}; they are net prices, so no percentage
 *       discount is applied on top. Its batch discount, tiers and uplifts are kept; explicit batch, flex and
 *       priority rates are dropped (they were list prices).
 *   <li>A percentage discount multiplies every price of the model — standard, batch, flex, priority and
 *       long-context tiers — by {@code 1 - discount}. A model discount replaces (does not stack with) the
 *       provider discount.
 *   <li>Every adjusted entry gets a provenance note saying what was applied and under which label.
 * </ol>
 * Model keys may use any form {@link PriceCatalog#resolve(String)} accepts; an unknown key fails with
 * {@link dev.tradeoff.pricing.UnknownModelException} (a typo must not silently leave list prices in place).
 *
 * <p>Immutable and thread-safe. JSON:
 * {@code {"label":"EA 2026","providerDiscounts":{"azure":0.15},"modelDiscounts":{},"negotiatedRates":{},"customModels":[]}}.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePriceOverrides.class)
@JsonDeserialize(as = ImmutablePriceOverrides.class)
public interface PriceOverrides {

  /**
   * A name for the agreement, used in provenance notes.
   *
   * @return the label, or empty
   */
  Optional<String> label();

  /**
   * Discounts by provider (case-insensitive), as fractions: {@code 0.15} = 15% off.
   *
   * @return provider to discount in {@code [0, 1)}
   */
  Map<String, BigDecimal> providerDiscounts();

  /**
   * Discounts by model id, as fractions; they take precedence over provider discounts.
   *
   * @return model id to discount in {@code [0, 1)}
   */
  Map<String, BigDecimal> modelDiscounts();

  /**
   * Negotiated standard rates by model id; net prices, never discounted further.
   *
   * @return model id to rates
   */
  Map<String, TokenRates> negotiatedRates();

  /**
   * Custom or fine-tuned models to add.
   *
   * @return the models
   */
  List<ModelPrice> customModels();

  /**
   * Rejects discounts outside {@code [0, 1)}.
   *
   * @throws InvalidValueException naming the key and value
   */
  @Value.Check
  default void check() {
    checkDiscounts("providerDiscounts", providerDiscounts());
    checkDiscounts("modelDiscounts", modelDiscounts());
  }

  private static void checkDiscounts(String field, Map<String, BigDecimal> discounts) {
    for (Map.Entry<String, BigDecimal> e : discounts.entrySet()) {
      BigDecimal d = e.getValue();
      if (d.signum() < 0 || d.compareTo(BigDecimal.ONE) >= 0) {
        throw InvalidValueException.of(field + "." + e.getKey(), "in [0, 1) (a fraction: 0.15 = 15% off)",
            d.toPlainString());
      }
    }
  }

  /**
   * The catalog with these overrides applied.
   *
   * @param catalog the list-price catalog
   * @return a new catalog
   * @throws dev.tradeoff.pricing.UnknownModelException if a model key does not resolve
   */
  default PriceCatalog applyTo(PriceCatalog catalog) {
    String by = label().map(l -> " (" + l + ")").orElse("");
    PriceCatalog withCustom = customModels().isEmpty() ? catalog : catalog.with(customModels());
    Map<String, ModelPrice> changed = new LinkedHashMap<>();
    Map<String, TokenRates> negotiated = new LinkedHashMap<>();
    for (Map.Entry<String, TokenRates> e : negotiatedRates().entrySet()) {
      negotiated.put(withCustom.resolve(e.getKey()).id(), e.getValue());
    }
    Map<String, BigDecimal> modelDiscount = new LinkedHashMap<>();
    for (Map.Entry<String, BigDecimal> e : modelDiscounts().entrySet()) {
      modelDiscount.put(withCustom.resolve(e.getKey()).id(), e.getValue());
    }
    Map<String, BigDecimal> providerDiscount = new LinkedHashMap<>();
    providerDiscounts().forEach((p, d) -> providerDiscount.put(p.toLowerCase(Locale.ROOT), d));
    for (ModelPrice m : withCustom.models()) {
      TokenRates rates = negotiated.get(m.id());
      if (rates != null) {
        changed.put(m.id(), ImmutableModelPrice.copyOf(m)
            .withRates(rates)
            .withBatchRates(Optional.empty())
            .withFlexRates(Optional.empty())
            .withPriorityRates(Optional.empty())
            .withSource(note(m.source(), "negotiated standard rates" + by + " replace the list prices")));
        continue;
      }
      BigDecimal discount = modelDiscount.get(m.id());
      String scope = "model";
      if (discount == null) {
        discount = providerDiscount.get(m.provider().toLowerCase(Locale.ROOT));
        scope = "provider " + m.provider();
      }
      if (discount != null && discount.signum() > 0) {
        changed.put(m.id(), discounted(m, discount, "discount " + discount.movePointRight(2).stripTrailingZeros()
            .toPlainString() + "% (" + scope + ")" + by));
      }
    }
    return changed.isEmpty() ? withCustom : withCustom.with(new ArrayList<>(changed.values()));
  }

  private static ModelPrice discounted(ModelPrice m, BigDecimal discount, String note) {
    BigDecimal keep = BigDecimal.ONE.subtract(discount);
    List<LongContextTier> tiers = new ArrayList<>();
    for (LongContextTier t : m.longContextTiers()) {
      tiers.add(LongContextTier.of(t.thresholdInputTokens(), t.rates().times(keep)));
    }
    return ImmutableModelPrice.copyOf(m)
        .withRates(m.rates().times(keep))
        .withBatchRates(m.batchRates().map(r -> r.times(keep)))
        .withFlexRates(m.flexRates().map(r -> r.times(keep)))
        .withPriorityRates(m.priorityRates().map(r -> r.times(keep)))
        .withLongContextTiers(tiers)
        .withSource(note(m.source(), note));
  }

  private static Provenance note(Provenance p, String note) {
    return Provenance.builder().from(p).addNotes(note).build();
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutablePriceOverrides.Builder builder() {
    return ImmutablePriceOverrides.builder();
  }
}
