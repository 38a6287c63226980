package dev.tradeoff.pricing.internal;

import dev.tradeoff.pricing.PriceCatalog;
import dev.tradeoff.pricing.catalog.LoadMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads the bundled catalog resource once (lazy holder idiom: thread-safe without locks). */
public final class BundledCatalog {

  /** Classpath location of the bundled catalog. */
  public static final String RESOURCE = "/dev/tradeoff/pricing/catalog.json";

  private BundledCatalog() {}

  private static final class Holder {
    static final CatalogDocument DOCUMENT = load();
  }

  private static CatalogDocument load() {
    try (InputStream in = BundledCatalog.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("bundled catalog " + RESOURCE + " is missing from the class path");
      }
      return CatalogDocument.read(in, "catalog.json (bundled)", LoadMode.STRICT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static CatalogDocument document() {
    return Holder.DOCUMENT;
  }

  public static PriceCatalog prices() {
    return Holder.DOCUMENT.prices();
  }
}
