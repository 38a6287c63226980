package dev.tradeoff.api.routing;

import dev.tradeoff.pricing.PriceHandle;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.immutables.value.Value;

/**
 * One place a request can be routed to: a model of a provider (a deployment), with its prices, where it
 * processes data, what it can do, the urgency classes it serves, its context window, its load-balancing
 * weight, and what it is expected to do before any live statistics exist.
 *
 * <p>Prices come as a pre-resolved {@link PriceHandle} of {@code tradeoff-pricing}, so the router can price
 * each request's own token mix (cached input and long-context tiers included) in a few nanoseconds.
 * Context window and capabilities default to what the price catalog says about the model.
 *
 * <pre>{@code
 * PriceCatalog catalog = PriceCatalog.bundled();
 * Candidate mini = Candidate.builder()
 *     .id("openai-mini")
 *     .price(catalog.handle("openai/gpt-4o-mini", RequestOptions.standard()))
 *     .region(Region.US)
 *     .expectedTtft(Duration.ofMillis(450))
 *     .expectedTokensPerSecond(90)
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
public interface Candidate {

  /** Default load-balancing weight: 1.0. */
  double DEFAULT_WEIGHT = 1.0;

  /**
   * A unique id within a router.
   *
   * @return non-empty
   */
  String id();

  /**
   * The candidate's prices.
   *
   * @return the handle
   */
  PriceHandle price();

  /**
   * The provider.
   *
   * @return by default the catalog model's provider
   */
  @Value.Default
  default String provider() {
    return price().model().provider();
  }

  /**
   * The model.
   *
   * @return by default the catalog model's id without the provider prefix
   */
  @Value.Default
  default String model() {
    String id = price().model().id();
    return id.substring(id.indexOf('/') + 1);
  }

  /**
   * Where requests are processed.
   *
   * @return {@link Region#GLOBAL} by default
   */
  @Value.Default
  default Region region() {
    return Region.GLOBAL;
  }

  /**
   * What the model can do.
   *
   * @return by default the catalog's capabilities of the model
   */
  @Value.Default
  default Set<Capability> capabilities() {
    return Capability.fromCatalog(price().model().capabilities());
  }

  /**
   * The urgency classes served.
   *
   * @return all by default
   */
  @Value.Default
  default Set<Urgency> urgencies() {
    return EnumSet.allOf(Urgency.class);
  }

  /**
   * The largest request (prompt plus expected output) the candidate accepts, in tokens.
   *
   * @return by default the catalog's input window, unlimited if unknown
   */
  @Value.Default
  default long contextWindowTokens() {
    return price().model().maxInputTokens().orElse(Long.MAX_VALUE);
  }

  /**
   * The relative share of traffic under weighted-random load balancing.
   *
   * @return finite and {@code >= 0}; {@value #DEFAULT_WEIGHT} by default
   */
  @Value.Default
  default double weight() {
    return DEFAULT_WEIGHT;
  }

  /**
   * Time to first token assumed before live samples arrive.
   *
   * @return positive; {@link ProviderStats#DEFAULT_PRIOR_TTFT} by default
   */
  @Value.Default
  default Duration expectedTtft() {
    return ProviderStats.DEFAULT_PRIOR_TTFT;
  }

  /**
   * Output tokens per second assumed before live samples arrive.
   *
   * @return positive; {@link ProviderStats#DEFAULT_PRIOR_TOKENS_PER_SECOND} by default
   */
  @Value.Default
  default double expectedTokensPerSecond() {
    return ProviderStats.DEFAULT_PRIOR_TOKENS_PER_SECOND;
  }

  /**
   * A candidate with all defaults.
   *
   * @param id the id
   * @param price the prices
   * @return the candidate
   */
  static Candidate of(String id, PriceHandle price) {
    return builder().id(id).price(price).build();
  }

  /**
   * A new builder.
   *
   * @return a builder
   */
  static ImmutableCandidate.Builder builder() {
    return ImmutableCandidate.builder();
  }

  /**
   * Rejects bad values.
   *
   * @throws IllegalArgumentException naming the value
   */
  @Value.Check
  default void check() {
    if (id().isEmpty()) {
      throw new IllegalArgumentException("id must not be empty, but was \"\"");
    }
    if (!(weight() >= 0) || Double.isInfinite(weight())) {
      throw new IllegalArgumentException("weight must be finite and >= 0, but was " + weight());
    }
    if (contextWindowTokens() <= 0) {
      throw new IllegalArgumentException("contextWindowTokens must be > 0, but was " + contextWindowTokens());
    }
    if (expectedTtft().isNegative() || expectedTtft().isZero()) {
      throw new IllegalArgumentException("expectedTtft must be positive, but was " + expectedTtft());
    }
    if (!(expectedTokensPerSecond() > 0) || Double.isInfinite(expectedTokensPerSecond())) {
      throw new IllegalArgumentException(
          "expectedTokensPerSecond must be positive and finite, but was " + expectedTokensPerSecond());
    }
  }
}
