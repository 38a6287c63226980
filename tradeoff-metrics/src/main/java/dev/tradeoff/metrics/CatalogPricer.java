package dev.tradeoff.metrics;

import dev.tradeoff.pricing.ModelPrice;
import dev.tradeoff.pricing.PriceCatalog;
import dev.tradeoff.pricing.PricingException;
import dev.tradeoff.pricing.RequestCost;
import dev.tradeoff.pricing.RequestOptions;
import dev.tradeoff.pricing.Usage;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prices requests with a {@code tradeoff-pricing} {@link PriceCatalog}: the measured {@link TokenUsage} is split
 * into pricing's disjoint token classes, so cached reads, 5-minute and 1-hour cache writes and reasoning tokens
 * are each billed at their own rate, exactly ({@link BigDecimal}).
 *
 * <p>A model the catalog does not know, or usage with a class the model has no price for, yields no cost
 * (never $0); each such model is logged once at WARN. Thread-safe; resolved models are cached.
 *
 * <pre>{@code
 * ClientConfig config = ClientConfig.builder()
 *     .api(WireApi.OPENAI_CHAT).model("gpt-4o-mini").apiKey(ApiKey.fromEnv("OPENAI_API_KEY"))
 *     .pricer(CatalogPricer.bundled())
 *     .build();
 * }</pre>
 */
public final class CatalogPricer implements RequestPricer {

  private static final Logger log = LoggerFactory.getLogger(CatalogPricer.class);

  private final PriceCatalog catalog;
  private final RequestOptions options;
  private final ConcurrentMap<String, Optional<ModelPrice>> resolved = new ConcurrentHashMap<>();
  private final Set<String> warned = ConcurrentHashMap.newKeySet();

  private CatalogPricer(PriceCatalog catalog, RequestOptions options) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * Prices with the catalog bundled in {@code tradeoff-pricing}, at standard tier.
   *
   * @return the pricer
   */
  public static CatalogPricer bundled() {
    return new CatalogPricer(PriceCatalog.bundled(), RequestOptions.standard());
  }

  /**
   * Prices with a given catalog and options (service tier, data residency).
   *
   * @param catalog the catalog
   * @param options the options every request is priced under
   * @return the pricer
   */
  public static CatalogPricer of(PriceCatalog catalog, RequestOptions options) {
    return new CatalogPricer(catalog, options);
  }

  /**
   * The measured usage in pricing's disjoint classes: input = uncached input, cache read, 5-minute and 1-hour
   * cache writes, output = output − reasoning, reasoning.
   *
   * @param u the measured usage
   * @return pricing's usage
   */
  public static Usage toPricingUsage(TokenUsage u) {
    long write1h = Math.min(u.cacheWrite1hTokens(), u.cacheWriteTokens());
    return Usage.builder()
        .input(u.uncachedInputTokens())
        .cacheRead(u.cachedInputTokens())
        .cacheWrite5m(u.cacheWriteTokens() - write1h)
        .cacheWrite1h(write1h)
        .output(Math.max(0, u.outputTokens() - u.reasoningTokens()))
        .reasoning(Math.min(u.reasoningTokens(), u.outputTokens()))
        .build();
  }

  /**
   * The cost with its breakdown by token class.
   *
   * @param model the model id as sent
   * @param usage the usage
   * @return the cost, empty for an unknown model or unpriced usage
   */
  public Optional<RequestCost> cost(String model, TokenUsage usage) {
    Optional<ModelPrice> price = resolved.computeIfAbsent(model, this::find);
    if (price.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(price.get().cost(toPricingUsage(usage), options));
    } catch (PricingException e) {
      warnOnce(model, e.getMessage());
      return Optional.empty();
    }
  }

  @Override
  public Optional<BigDecimal> costUsd(String model, TokenUsage usage) {
    return cost(model, usage).map(RequestCost::total);
  }

  private Optional<ModelPrice> find(String model) {
    try {
      Optional<ModelPrice> p = catalog.find(model);
      if (p.isEmpty()) {
        warnOnce(model, "not in the price catalog; its requests have no cost");
      }
      return p;
    } catch (PricingException e) {
      warnOnce(model, e.getMessage());
      return Optional.empty();
    }
  }

  private void warnOnce(String model, String why) {
    if (warned.add(model)) {
      log.warn("cannot price model {}: {}", model, why);
    }
  }

  @Override
  public String toString() {
    return "CatalogPricer{models=" + catalog.size() + ", options=" + options + "}";
  }
}
