package dev.tradeoff.pricing.catalog;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tradeoff.pricing.DataResidency;
import dev.tradeoff.pricing.LongContextTier;
import dev.tradeoff.pricing.ModelPrice;
import dev.tradeoff.pricing.PriceCatalog;
import dev.tradeoff.pricing.TokenClass;
import dev.tradeoff.pricing.TokenRates;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.immutables.value.Value;

/**
 * What changed between two catalogs: models added, models removed, and every repriced field with its old and
 * new value and the change in percent.
 *
 * <pre>{@code
 * CatalogDiff diff = CatalogDiff.between(lastMonth, PriceCatalog.bundled());
 * diff.added();      // [anthropic/claude-opus-5, ...]
 * diff.repriced();   // [openai/gpt-4o rates.inputPerMillion 5 -> 2.5 (-50%), ...]
 * }</pre>
 *
 * <p>Models are matched by id (case-insensitive). Compared fields: every rate of the standard, batch, flex and
 * priority price sets, each long-context tier (keyed by threshold), the batch discount and residency uplifts.
 * Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableCatalogDiff.class)
@JsonDeserialize(as = ImmutableCatalogDiff.class)
public interface CatalogDiff {

  /**
   * Ids only in the newer catalog, sorted.
   *
   * @return the ids
   */
  List<String> added();

  /**
   * Ids only in the older catalog, sorted.
   *
   * @return the ids
   */
  List<String> removed();

  /**
   * Changed prices of models in both, by model id then field.
   *
   * @return the changes
   */
  List<PriceChange> repriced();

  /**
   * Whether nothing changed.
   *
   * @return {@code true} if no model was added, removed or repriced
   */
  @Value.NonAttribute
  default boolean noChanges() {
    return added().isEmpty() && removed().isEmpty() && repriced().isEmpty();
  }

  /**
   * The diff from {@code before} to {@code after}.
   *
   * @param before the older catalog
   * @param after the newer catalog
   * @return the diff
   */
  static CatalogDiff between(PriceCatalog before, PriceCatalog after) {
    Map<String, ModelPrice> old = byId(before);
    Map<String, ModelPrice> now = byId(after);
    ImmutableCatalogDiff.Builder b = ImmutableCatalogDiff.builder();
    for (String id : new TreeSet<>(now.keySet())) {
      if (!old.containsKey(id)) {
        b.addAdded(now.get(id).id());
      }
    }
    for (String id : new TreeSet<>(old.keySet())) {
      if (!now.containsKey(id)) {
        b.addRemoved(old.get(id).id());
      }
    }
    for (String id : new TreeSet<>(old.keySet())) {
      ModelPrice a = old.get(id);
      ModelPrice c = now.get(id);
      if (c == null) {
        continue;
      }
      Map<String, BigDecimal> fa = fields(a);
      Map<String, BigDecimal> fc = fields(c);
      TreeSet<String> keys = new TreeSet<>(fa.keySet());
      keys.addAll(fc.keySet());
      for (String field : keys) {
        BigDecimal x = fa.get(field);
        BigDecimal y = fc.get(field);
        if (x == null || y == null || x.compareTo(y) != 0) {
          b.addRepriced(PriceChange.of(c.id(), field, Optional.ofNullable(x), Optional.ofNullable(y)));
        }
      }
    }
    return b.build();
  }

  private static Map<String, ModelPrice> byId(PriceCatalog catalog) {
    Map<String, ModelPrice> m = new LinkedHashMap<>();
    for (ModelPrice p : catalog.models()) {
      m.put(p.id().toLowerCase(Locale.ROOT), p);
    }
    return m;
  }

  private static Map<String, BigDecimal> fields(ModelPrice m) {
    Map<String, BigDecimal> f = new TreeMap<>();
    put(f, "rates", m.rates());
    m.batchRates().ifPresent(r -> put(f, "batchRates", r));
    m.flexRates().ifPresent(r -> put(f, "flexRates", r));
    m.priorityRates().ifPresent(r -> put(f, "priorityRates", r));
    for (LongContextTier t : m.longContextTiers()) {
      put(f, "longContextTiers[" + t.thresholdInputTokens() + "]", t.rates());
    }
    m.batchDiscount().ifPresent(d -> f.put("batchDiscount", d));
    for (Map.Entry<DataResidency, BigDecimal> u : m.residencyUplifts().entrySet()) {
      f.put("residencyUplifts." + u.getKey(), u.getValue());
    }
    return f;
  }

  private static void put(Map<String, BigDecimal> f, String prefix, TokenRates rates) {
    for (TokenClass c : TokenClass.values()) {
      rates.explicit(c).ifPresent(r -> f.put(prefix + "." + TokenRates.fieldName(c), r));
    }
  }
}
