package dev.tradeoff.pricing.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tradeoff.pricing.ModelPrice;
import dev.tradeoff.pricing.PriceCatalog;
import dev.tradeoff.pricing.internal.CatalogDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The library's own catalog file format: read (strict or lenient) and write.
 *
 * <pre>{@code
 * {
 *   "format": "tradeoff-price-catalog",
 *   "version": 1,
 *   "currency": "USD",
 *   "unit": "USD per 1M tokens",
 *   "models": [
 *     {
 *       "id": "openai/gpt-4o-mini",
 *       "aliases": ["gpt-4o-mini"],
 *       "rates": {"inputPerMillion": 0.15, "cacheReadPerMillion": 0.075, "outputPerMillion": 0.6},
 *       "batchDiscount": 0.5,
 *       "maxInputTokens": 128000,
 *       "source": {"source": "https://openai.com/api/pricing/", "asOf": "2026-07-24"}
 *     }
 *   ]
 * }
 * }</pre>
 *
 * <p>Each model entry is the JSON form of {@link ModelPrice} (see its accessors for the keys);
 * {@code provider} defaults to the id's prefix. Prices are decimals in USD per 1M tokens and are read
 * exactly (never through {@code double}). Strict reading rejects unknown keys, explicit {@code null}
 * prices, negative or non-numeric prices, tiers without a threshold, and entries without a source; every
 * error is a {@link dev.tradeoff.pricing.CatalogFormatException} naming file, line, column, key and model.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class CatalogJson {

  private CatalogJson() {}

  /**
   * Reads a catalog file strictly.
   *
   * @param file the file
   * @return the catalog
   * @throws dev.tradeoff.pricing.CatalogFormatException on any problem, with its location
   * @throws UncheckedIOException if the file cannot be read
   */
  public static PriceCatalog read(Path file) {
    return read(file, LoadMode.STRICT).catalog();
  }

  /**
   * Reads a catalog file.
   *
   * @param file the file
   * @param mode strict, or lenient (bad entries skipped and listed)
   * @return the catalog and what was skipped
   * @throws dev.tradeoff.pricing.CatalogFormatException on malformed JSON or (strict) any bad entry
   * @throws UncheckedIOException if the file cannot be read
   */
  public static LoadResult read(Path file, LoadMode mode) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString(), mode);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * Reads a catalog from a stream.
   *
   * @param in the UTF-8 bytes; not closed
   * @param fileName the name used in error messages
   * @param mode strict or lenient
   * @return the catalog and what was skipped
   * @throws dev.tradeoff.pricing.CatalogFormatException on malformed JSON or (strict) any bad entry
   */
  public static LoadResult read(InputStream in, String fileName, LoadMode mode) {
    CatalogDocument doc = CatalogDocument.read(in, fileName, mode);
    return LoadResult.builder().catalog(doc.prices()).addAllSkipped(doc.skipped()).build();
  }

  /**
   * Reads a catalog from a string (for tests and embedded catalogs).
   *
   * @param json the document
   * @param fileName the name used in error messages
   * @param mode strict or lenient
   * @return the catalog and what was skipped
   */
  public static LoadResult parse(String json, String fileName, LoadMode mode) {
    return read(new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), fileName, mode);
  }

  /**
   * The catalog as a document of this format, pretty-printed.
   *
   * @param catalog the catalog
   * @return the JSON text
   */
  public static String toJson(PriceCatalog catalog) {
    ObjectMapper mapper = PricingJson.mapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode doc = mapper.createObjectNode();
    doc.put("format", CatalogDocument.FORMAT);
    doc.put("version", CatalogDocument.VERSION);
    doc.put("currency", "USD");
    doc.put("unit", "USD per 1M tokens");
    ArrayNode models = doc.putArray("models");
    for (ModelPrice m : catalog.models()) {
      models.add(mapper.valueToTree(m));
    }
    try {
      return mapper.writeValueAsString(doc) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Writes the catalog to a file in this format.
   *
   * @param catalog the catalog
   * @param file the file (replaced)
   * @throws UncheckedIOException if the file cannot be written
   */
  public static void write(PriceCatalog catalog, Path file) {
    try {
      Files.writeString(file, toJson(catalog), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
