package dev.tradeoff.pricing;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tradeoff.pricing.internal.RateResolver;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.immutables.value.Value;

/**
 * One priced model offer of one provider — a catalog entry: its canonical id, per-class
 * {@link TokenRates}, batch/flex/priority prices, long-context tiers, data-residency uplifts, context
 * window and {@link Provenance}. It computes the exact {@link RequestCost} of a {@link Usage}.
 *
 * <pre>{@code
 * ModelPrice mini = PriceCatalog.bundled().resolve("gpt-4o-mini-2024-07-18");
 * RequestCost cost = mini.cost(Usage.openAi(1200, 1024, 300, 0));
 * BigDecimal usd = cost.total();                       // exact
 * PriceHandle hot = mini.handle(RequestOptions.standard());   // allocation-free double variant
 * }</pre>
 *
 * <h2>How a request is priced</h2>
 * <ol>
 *   <li>The tier: if {@link Usage#promptTokens()} exceeds the threshold of a
 *       {@link #longContextTiers() long-context tier}, the highest such tier prices the whole request.
 *   <li>The service tier: {@link ServiceTier#STANDARD} uses {@link #rates()} (or the long-context tier's);
 *       {@link ServiceTier#BATCH} uses {@link #batchRates()} where listed, otherwise the standard rate
 *       times {@code 1 - }{@link #batchDiscount()} (discounts stack with caching and long context, as
 *       Anthropic's and OpenAI's rules state); FLEX and PRIORITY use their explicit rates only.
 *   <li>The residency: a non-global {@link DataResidency} multiplies every rate by its uplift.
 *   <li>Each class is billed {@code tokens × rate / 1,000,000}, exactly; a class with tokens but no price
 *       throws {@link UnpricedUsageException}.
 * </ol>
 *
 * <p>Immutable and thread-safe. The JSON form is the entry format of the library's catalog file (see
 * {@code dev.tradeoff.pricing.catalog.CatalogJson}).
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableModelPrice.class)
@JsonDeserialize(as = ImmutableModelPrice.class)
public interface ModelPrice {

  /**
   * The canonical id, {@code provider/model}, for example {@code openai/gpt-4o-mini} or
   * {@code bedrock/anthropic.claude-3-haiku-20240307-v1:0}.
   *
   * @return the id
   */
  String id();

  /**
   * The provider, the part of {@link #id()} before the first {@code /}, for example {@code azure}.
   *
   * @return the provider, by default taken from the id
   */
  default String provider() {
    int slash = id().indexOf('/');
    return slash <= 0 ? "" : id().substring(0, slash);
  }

  /**
   * A human-readable name, for example {@code GPT-4o mini}.
   *
   * @return the name, or empty
   */
  Optional<String> displayName();

  /**
   * Other ids that resolve to this entry exactly (case-insensitive), for example {@code gpt-4o-mini} or a
   * LiteLLM key.
   *
   * @return the aliases, possibly empty
   */
  Set<String> aliases();

  /**
   * Standard per-token rates.
   *
   * @return the rates
   */
  TokenRates rates();

  /**
   * Explicit batch rates, where the provider lists them.
   *
   * @return the batch rates, or empty
   */
  Optional<TokenRates> batchRates();

  /**
   * The batch discount as a fraction of the standard price (0.5 = "50% off"), applied to every class
   * without an explicit batch rate and to long-context tiers.
   *
   * @return the discount in {@code [0, 1)}, or empty if unknown
   */
  Optional<BigDecimal> batchDiscount();

  /**
   * Explicit flex-processing rates (OpenAI).
   *
   * @return the rates, or empty
   */
  Optional<TokenRates> flexRates();

  /**
   * Explicit priority-processing rates.
   *
   * @return the rates, or empty
   */
  Optional<TokenRates> priorityRates();

  /**
   * Long-context tiers, by strictly increasing threshold.
   *
   * @return the tiers, possibly empty
   */
  List<LongContextTier> longContextTiers();

  /**
   * Uplift multipliers for non-global data residency, for example {@code US -> 1.1}.
   *
   * @return the uplifts, possibly empty; never contains {@link DataResidency#GLOBAL}
   */
  Map<DataResidency, BigDecimal> residencyUplifts();

  /**
   * The context window for input.
   *
   * @return the maximum input tokens, or empty if unknown
   */
  OptionalLong maxInputTokens();

  /**
   * The maximum output tokens per request.
   *
   * @return the maximum, or empty if unknown
   */
  OptionalLong maxOutputTokens();

  /**
   * When the provider retires the model.
   *
   * @return the date, or empty
   */
  Optional<LocalDate> deprecationDate();

  /**
   * Capabilities as the source lists them, for example {@code function_calling}, {@code vision},
   * {@code prompt_caching}, {@code reasoning}.
   *
   * @return the capabilities, possibly empty
   */
  Set<String> capabilities();

  /**
   * Where the prices come from and when.
   *
   * @return the provenance
   */
  Provenance source();

  /**
   * Checks the invariants.
   *
   * @throws InvalidValueException naming the field, the value and the model
   */
  @Value.Check
  default void check() {
    String id = id();
    int slash = id.indexOf('/');
    if (slash <= 0 || slash == id.length() - 1 || id.chars().anyMatch(Character::isWhitespace)) {
      throw InvalidValueException.of("id", "of the form provider/model without spaces", "\"" + id + "\"");
    }
    if (!id.substring(0, slash).equalsIgnoreCase(provider())) {
      throw InvalidValueException.of("provider", "the prefix of id " + id, "\"" + provider() + "\"", id, null);
    }
    if (batchDiscount().isPresent()) {
      BigDecimal d = batchDiscount().get();
      if (d.signum() < 0 || d.compareTo(BigDecimal.ONE) >= 0) {
        throw InvalidValueException.of("batchDiscount", "in [0, 1)", d.toPlainString(), id, null);
      }
    }
    long previous = 0;
    for (LongContextTier tier : longContextTiers()) {
      if (tier.thresholdInputTokens() <= previous) {
        throw InvalidValueException.of("longContextTiers.thresholdInputTokens",
            "strictly increasing", tier.thresholdInputTokens(), id, null);
      }
      previous = tier.thresholdInputTokens();
    }
    for (Map.Entry<DataResidency, BigDecimal> uplift : residencyUplifts().entrySet()) {
      if (uplift.getKey() == DataResidency.GLOBAL || uplift.getValue().signum() <= 0) {
        throw InvalidValueException.of("residencyUplifts." + uplift.getKey(),
            "> 0 and not for GLOBAL", uplift.getValue().toPlainString(), id, null);
      }
    }
    if (maxInputTokens().isPresent() && maxInputTokens().getAsLong() <= 0) {
      throw InvalidValueException.of("maxInputTokens", "> 0", maxInputTokens().getAsLong(), id, null);
    }
    if (maxOutputTokens().isPresent() && maxOutputTokens().getAsLong() <= 0) {
      throw InvalidValueException.of("maxOutputTokens", "> 0", maxOutputTokens().getAsLong(), id, null);
    }
  }

  /**
   * The exact cost of a request at standard tier with global routing.
   *
   * @param usage the request's usage
   * @return the cost with a per-class breakdown
   * @throws UnpricedUsageException if the usage has tokens of a class this model has no price for
   */
  default RequestCost cost(Usage usage) {
    return cost(usage, RequestOptions.standard());
  }

  /**
   * The exact cost of a request.
   *
   * @param usage the request's usage
   * @param options service tier and residency
   * @return the cost with a per-class breakdown
   * @throws UnpricedUsageException if the usage has tokens of a class this model has no price for under
   *     these options
   */
  default RequestCost cost(Usage usage, RequestOptions options) {
    return RateResolver.cost(this, usage, options);
  }

  /**
   * The rate one class is billed at for a request with the given prompt size — the number that
   * {@link #cost(Usage, RequestOptions)} multiplies by.
   *
   * @param tokenClass the class
   * @param options service tier and residency
   * @param promptTokens the request's prompt size (selects the long-context tier)
   * @return USD per 1M tokens, or empty if the class is not priced under these options
   */
  default Optional<BigDecimal> rate(TokenClass tokenClass, RequestOptions options, long promptTokens) {
    return RateResolver.rate(this, tokenClass, options, promptTokens);
  }

  /**
   * A pre-resolved, allocation-free price handle for hot paths (one per model and options; share it).
   *
   * @param options service tier and residency
   * @return the handle
   */
  default PriceHandle handle(RequestOptions options) {
    return PriceHandle.of(this, options);
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableModelPrice.Builder builder() {
    return ImmutableModelPrice.builder();
  }
}
