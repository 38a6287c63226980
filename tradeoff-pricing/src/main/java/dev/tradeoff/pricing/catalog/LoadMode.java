package dev.tradeoff.pricing.catalog;

/**
 * How a catalog loader treats a bad entry.
 *
 * <pre>{@code
 * LoadResult result = CatalogJson.read(path, LoadMode.LENIENT);
 * result.skipped().forEach(s -> log.warn("skipped {}: {}", s.key(), s.reason()));
 * }</pre>
 *
 * @since 0.1.0
 */
public enum LoadMode {
  /** The first bad entry fails the whole load with a {@link dev.tradeoff.pricing.CatalogFormatException}. */
  STRICT,
  /**
   * Bad entries are skipped and listed, with the reason and location, in {@link LoadResult#skipped()};
   * malformed JSON (which has no entries to skip to) still fails.
   */
  LENIENT
}
