package dev.tradeoff.pricing.catalog;

import dev.tradeoff.pricing.internal.LiteLlmReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Imports LiteLLM's price map ({@code model_prices_and_context_window.json}, about 3,000 keys), the catalog
 * many teams already keep.
 *
 * <pre>{@code
 * LoadResult r = LiteLlmImporter.read(Path.of("model_prices_and_context_window.json"), "2026-07-24",
 *     LoadMode.LENIENT);
 * PriceCatalog catalog = r.catalog();                 // every chat/completion/responses entry
 * r.unmappedFieldCounts();                            // {input_cost_per_audio_token=77, ...}
 * catalog.cost("gpt-4o-2024-08-06", Usage.openAi(1200, 0, 300, 0));
 * }</pre>
 *
 * <h2>Mapping</h2>
 * <ul>
 *   <li>Entries with {@code mode} chat, completion or responses load; others (embeddings, images, audio, ...)
 *       and the {@code sample_spec} documentation entry are listed in {@link LoadResult#skipped()}.
 *   <li>Ids: {@code <provider>/<key>} ({@code gpt-4o} → {@code openai/gpt-4o}); keys that already carry their
 *       provider ({@code azure/gpt-4o}) keep it; the LiteLLM key is always an alias. Provider names are
 *       normalized ({@code vertex_ai-language-models} → {@code vertex_ai}, {@code bedrock_converse} →
 *       {@code bedrock}). When two keys claim one id, an identically priced one becomes an alias, a differently
 *       priced one loads as {@code <provider>/litellm:<key>} — see {@link LoadResult#notes()}.
 *   <li>USD-per-token prices become exact USD-per-1M decimals: input, output, cache read
 *       ({@code cache_read_input_token_cost}, {@code input_cost_per_token_cache_hit}), 5-minute and 1-hour cache
 *       writes, reasoning; {@code *_batches}, {@code *_flex}, {@code *_priority}; {@code *_above_Nk_tokens} and
 *       {@code tiered_pricing} as long-context tiers (prompt above N×1000 tokens prices the whole request);
 *       regional uplifts; context window; {@code supports_*} flags as capabilities; {@code deprecation_date};
 *       {@code source}.
 *   <li>Everything else — per-image, per-audio, per-second, per-query prices, rate limits, modalities — is
 *       reported in {@link LoadResult#unmapped()}, never silently dropped. An entry whose only prices are
 *       unrepresentable still loads, with empty token rates: pricing tokens on it throws
 *       {@link dev.tradeoff.pricing.UnpricedUsageException}, it never returns $0.
 * </ul>
 *
 * <p>Strict mode fails on the first invalid entry (negative or non-numeric price) with the file, line, column
 * and key; lenient mode skips it and lists why. Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class LiteLlmImporter {

  private LiteLlmImporter() {}

  /**
   * Imports a LiteLLM price map file.
   *
   * @param file the JSON file
   * @param asOf when the map was taken, {@code yyyy-MM-dd} (LiteLLM entries carry no date of their own)
   * @param mode strict or lenient
   * @return the catalog, skipped entries, unmapped fields and id notes
   * @throws dev.tradeoff.pricing.CatalogFormatException on malformed JSON or (strict) an invalid entry
   * @throws dev.tradeoff.pricing.InvalidValueException if {@code asOf} is not a date
   * @throws UncheckedIOException if the file cannot be read
   */
  public static LoadResult read(Path file, String asOf, LoadMode mode) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString(), asOf, mode);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * Imports a LiteLLM price map from a stream.
   *
   * @param in the UTF-8 JSON; not closed
   * @param fileName the name used in messages
   * @param asOf when the map was taken
   * @param mode strict or lenient
   * @return the catalog, skipped entries, unmapped fields and id notes
   * @throws dev.tradeoff.pricing.CatalogFormatException on malformed JSON or (strict) an invalid entry
   */
  public static LoadResult read(InputStream in, String fileName, String asOf, LoadMode mode) {
    return LiteLlmReader.read(in, fileName, asOf, mode);
  }
}
