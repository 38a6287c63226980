package dev.tradeoff.pricing.internal;

import dev.tradeoff.pricing.CatalogFormatException;
import dev.tradeoff.pricing.ModelPrice;
import dev.tradeoff.pricing.PriceCatalog;
import dev.tradeoff.pricing.PricingException;
import dev.tradeoff.pricing.catalog.LoadMode;
import dev.tradeoff.pricing.catalog.SkippedEntry;
import dev.tradeoff.pricing.internal.JsonTree.Node;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The library's own catalog file: header, models and the offer sections. */
public final class CatalogDocument {

  /** Value of the {@code format} key. */
  public static final String FORMAT = "tradeoff-price-catalog";
  /** The only version this reader understands. */
  public static final int VERSION = 1;

  private final PriceCatalog prices;
  private final List<SkippedEntry> skipped;
  private final Node root;
  private final String file;

  private CatalogDocument(PriceCatalog prices, List<SkippedEntry> skipped, Node root, String file) {
    this.prices = prices;
    this.skipped = skipped;
    this.root = root;
    this.file = file;
  }

  public PriceCatalog prices() {
    return prices;
  }

  public List<SkippedEntry> skipped() {
    return skipped;
  }

  /** The parsed document, for the offer sections. */
  public Node root() {
    return root;
  }

  public String file() {
    return file;
  }

  /** Reads a document. */
  public static CatalogDocument read(InputStream in, String file, LoadMode mode) {
    Node root = JsonTree.parse(in, file);
    Fields f = new Fields(root, file, null);
    String format = f.string("format");
    if (!FORMAT.equals(format)) {
      throw f.error(f.child("format"), "`format` must be \"" + FORMAT + "\", but was \"" + format + "\"");
    }
    long version = f.longValue("version", 1);
    if (version != VERSION) {
      throw f.error(f.child("version"), "`version` must be " + VERSION + ", but was " + version);
    }
    f.optString("name");
    f.optString("asOf");
    String currency = f.optString("currency").orElse("USD");
    if (!"USD".equals(currency)) {
      throw f.error(f.child("currency"), "`currency` must be USD, but was " + currency);
    }
    f.optString("unit");
    f.strings("notes");
    List<ModelPrice> models = new ArrayList<>();
    List<SkippedEntry> skipped = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Node entry : f.objects("models")) {
      try {
        ModelPrice m = ModelReader.read(entry, file);
        if (!ids.add(m.id().toLowerCase(Locale.ROOT))) {
          throw new Fields(entry, file, m.id()).error(entry.get("id"),
              "`id` must be unique in the catalog, but " + m.id() + " appears twice");
        }
        models.add(m);
      } catch (CatalogFormatException e) {
        if (mode == LoadMode.STRICT) {
          throw e;
        }
        skipped.add(SkippedEntry.of(e.modelId().orElse(entry.path()), e.problem(), e.line(), e.column()));
      }
    }
    // Offer sections are read on demand by OfferReader; mark them as known here.
    for (String section : OfferReader.SECTIONS) {
      f.child(section);
    }
    f.done();
    PriceCatalog catalog;
    try {
      catalog = PriceCatalog.of(models);
    } catch (PricingException e) {
      throw CatalogFormatException.of(e.getMessage(), file, -1, -1, "models", e.modelId().orElse(null), e);
    }
    return new CatalogDocument(catalog, List.copyOf(skipped), root, file);
  }
}
