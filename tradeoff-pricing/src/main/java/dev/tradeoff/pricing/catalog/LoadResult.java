package dev.tradeoff.pricing.catalog;

import dev.tradeoff.pricing.PriceCatalog;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.immutables.value.Value;

/**
 * What a catalog load produced: the catalog, the entries skipped and why, the fields that could not be
 * represented, and notes (renamed ids, corrected data).
 *
 * <pre>{@code
 * LoadResult r = LiteLlmImporter.read(path, "2026-07-24", LoadMode.LENIENT);
 * PriceCatalog catalog = r.catalog();
 * if (!r.skipped().isEmpty()) { ... }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
public interface LoadResult {

  /**
   * The catalog of every entry that loaded.
   *
   * @return the catalog
   */
  PriceCatalog catalog();

  /**
   * Entries skipped (lenient mode: invalid; any mode: not a priced text-generation entry), with reasons.
   *
   * @return the skipped entries, possibly empty
   */
  List<SkippedEntry> skipped();

  /**
   * Fields of loaded entries that the library cannot represent.
   *
   * @return the fields, possibly empty
   */
  List<UnmappedField> unmapped();

  /**
   * Notes about how entries were mapped (for example an id changed to avoid a collision).
   *
   * @return the notes, possibly empty
   */
  List<String> notes();

  /**
   * How often each unmapped field occurred, by field name.
   *
   * @return field name to count, sorted by name
   */
  @Value.NonAttribute
  default Map<String, Integer> unmappedFieldCounts() {
    Map<String, Integer> counts = new TreeMap<>();
    for (UnmappedField f : unmapped()) {
      counts.merge(f.field(), 1, Integer::sum);
    }
    return counts;
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableLoadResult.Builder builder() {
    return ImmutableLoadResult.builder();
  }
}
