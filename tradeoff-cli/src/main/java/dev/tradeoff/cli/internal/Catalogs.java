package dev.tradeoff.cli.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tradeoff.pricing.PriceCatalog;
import dev.tradeoff.pricing.catalog.CatalogJson;
import dev.tradeoff.pricing.catalog.LiteLlmImporter;
import dev.tradeoff.pricing.catalog.LoadMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Optional;

/** Loads the catalog a command names: the bundled one, the library's own JSON, or a LiteLLM price map. */
public final class Catalogs {

  /** The {@code format} marker of the library's own catalog JSON. */
  private static final String OWN_FORMAT = "tradeoff-price-catalog";

  private Catalogs() {}

  /**
   * The bundled catalog when {@code file} is empty, else the file, whose format is recognised by its
   * first field: {@code "format": "tradeoff-price-catalog"} is the library's own JSON, anything else is
   * read as a LiteLLM {@code model_prices_and_context_window.json}, dated by the file's modification day.
   *
   * @param file the catalog file, if any
   * @return the catalog
   * @throws BadInputException if the file does not exist
   * @throws dev.tradeoff.pricing.CatalogFormatException if it is malformed (naming line, column and key)
   */
  public static PriceCatalog load(Optional<Path> file) {
    if (file.isEmpty()) {
      return PriceCatalog.bundled();
    }
    Path path = file.get();
    if (!Files.isRegularFile(path)) {
      throw new BadInputException("--catalog: no such file: " + path);
    }
    if (isOwnFormat(path)) {
      return CatalogJson.read(path);
    }
    return LiteLlmImporter.read(path, modificationDay(path), LoadMode.LENIENT).catalog();
  }

  private static boolean isOwnFormat(Path path) {
    try (InputStream in = Files.newInputStream(path);
         JsonParser parser = new JsonFactory().createParser(in)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      // Only the first field is looked at: LiteLLM maps are large, and ours starts with "format".
      if (parser.nextToken() == JsonToken.FIELD_NAME && "format".equals(parser.currentName())) {
        return parser.nextToken() == JsonToken.VALUE_STRING && OWN_FORMAT.equals(parser.getText());
      }
      return false;
    } catch (IOException e) {
      // Malformed JSON: let the LiteLLM reader report it with its line and column.
      return false;
    }
  }

  private static String modificationDay(Path path) {
    try {
      return Files.getLastModifiedTime(path).toInstant().atOffset(ZoneOffset.UTC).toLocalDate().toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }
}
