package dev.tradeoff.pricing;

import dev.tradeoff.pricing.internal.BundledCatalog;
import dev.tradeoff.pricing.internal.ModelIndex;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A set of priced models with model-id resolution: the entry point for request cost.
 *
 * <pre>{@code
 * PriceCatalog catalog = PriceCatalog.bundled();
 * RequestCost cost = catalog.cost("gpt-4o-mini-2024-07-18", Usage.openAi(1200, 1024, 300, 0));
 * ModelPrice haiku = catalog.resolve("anthropic.claude-3-haiku-20240307-v1:0");   // Bedrock id
 * PriceHandle hot = catalog.handle("openai/gpt-4o-mini", RequestOptions.standard());
 * }</pre>
 *
 * <h2>Resolution</h2>
 * {@link #resolve(String)} accepts, case-insensitively: a canonical id ({@code openai/gpt-4o}); an alias
 * ({@code gpt-4o}, {@code claude-3-haiku}, a LiteLLM key); a provider-prefixed id with a provider synonym
 * ({@code aws-bedrock/...}, {@code google/...}); a bare model name whose provider is evident
 * ({@code gpt-*}, {@code o3}, {@code claude-*}, {@code gemini-*}, Bedrock's {@code anthropic.*}); and a
 * dated or versioned snapshot ({@code azure/gpt-4o-2024-08-06}, {@code claude-3-haiku-20240307},
 * {@code ...-v1:0}, {@code ...@20241022}) — the latter resolves to its undated entry <em>only</em> if the
 * catalog has no entry for the snapshot itself. Anything else throws {@link UnknownModelException} with
 * the nearest known ids: an unknown model is never priced at $0 or at a fallback price.
 *
 * <p>Immutable and thread-safe; {@link #bundled()} is loaded once and shared.
 *
 * @since 0.1.0
 */
public final class PriceCatalog {

  /** Default number of suggestions in an {@link UnknownModelException}. */
  public static final int SUGGESTIONS = 5;

  private final ModelIndex index;

  private PriceCatalog(ModelIndex index) {
    this.index = index;
  }

  /**
   * The catalog bundled with the library ({@code dev/tradeoff/pricing/catalog.json}): widely used models of
   * OpenAI, Anthropic, Google, AWS Bedrock, Azure OpenAI, Mistral, DeepSeek, Groq, Together and Fireworks,
   * each with source URL and as-of date. Secondary sources are marked.
   *
   * @return the shared bundled catalog
   */
  public static PriceCatalog bundled() {
    return BundledCatalog.prices();
  }

  /**
   * A catalog of the given models.
   *
   * @param models the models; ids and aliases must be unique (case-insensitive)
   * @return the catalog
   * @throws InvalidValueException on a duplicate id or a conflicting alias
   */
  public static PriceCatalog of(Collection<? extends ModelPrice> models) {
    return new PriceCatalog(new ModelIndex(models));
  }

  /**
   * Resolves a model id.
   *
   * @param modelId any accepted form of id (see the class comment)
   * @return the model
   * @throws UnknownModelException if nothing matches; lists the nearest known ids
   * @throws InvalidValueException if the id is blank
   */
  public ModelPrice resolve(String modelId) {
    Optional<ModelPrice> found = index.find(modelId);
    if (found.isEmpty()) {
      throw UnknownModelException.of(modelId, index.nearest(modelId, SUGGESTIONS));
    }
    return found.get();
  }

  /**
   * Resolves a model id without throwing for unknown ids.
   *
   * @param modelId any accepted form of id
   * @return the model, or empty
   * @throws InvalidValueException if the id is blank
   */
  public Optional<ModelPrice> find(String modelId) {
    return index.find(modelId);
  }

  /**
   * The exact cost of a request at standard tier with global routing.
   *
   * @param modelId any accepted form of id
   * @param usage the request's usage
   * @return the cost with its breakdown
   * @throws UnknownModelException if the model is unknown
   * @throws UnpricedUsageException if the usage has tokens the model has no price for
   */
  public RequestCost cost(String modelId, Usage usage) {
    return resolve(modelId).cost(usage);
  }

  /**
   * The exact cost of a request.
   *
   * @param modelId any accepted form of id
   * @param usage the request's usage
   * @param options service tier and residency
   * @return the cost with its breakdown
   * @throws UnknownModelException if the model is unknown
   * @throws UnpricedUsageException if the usage has tokens the model has no price for under the options
   */
  public RequestCost cost(String modelId, Usage usage, RequestOptions options) {
    return resolve(modelId).cost(usage, options);
  }

  /**
   * A pre-resolved hot-path price handle.
   *
   * @param modelId any accepted form of id
   * @param options service tier and residency
   * @return the handle
   * @throws UnknownModelException if the model is unknown
   */
  public PriceHandle handle(String modelId, RequestOptions options) {
    return resolve(modelId).handle(options);
  }

  /**
   * Every model, sorted by id.
   *
   * @return an unmodifiable list
   */
  public List<ModelPrice> models() {
    return index.models();
  }

  /**
   * The number of models.
   *
   * @return the size
   */
  public int size() {
    return index.models().size();
  }

  /**
   * The known canonical ids closest to a query by edit distance, best first.
   *
   * @param query the id
   * @param limit the maximum number of ids
   * @return the ids
   */
  public List<String> nearestIds(String query, int limit) {
    return index.nearest(query, limit);
  }

  /**
   * A catalog with the given models added, replacing entries with the same id.
   *
   * @param replacements the models to add or replace
   * @return the new catalog
   * @throws InvalidValueException if an alias then conflicts
   */
  public PriceCatalog with(Collection<? extends ModelPrice> replacements) {
    Map<String, ModelPrice> byId = new LinkedHashMap<>();
    for (ModelPrice m : index.models()) {
      byId.put(m.id().toLowerCase(Locale.ROOT), m);
    }
    for (ModelPrice m : replacements) {
      byId.put(m.id().toLowerCase(Locale.ROOT), m);
    }
    return of(new ArrayList<>(byId.values()));
  }

  @Override
  public String toString() {
    return "PriceCatalog[" + size() + " models]";
  }
}
