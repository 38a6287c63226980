package dev.tradeoff.api.routing;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What the router needs to know about one request: its token mix (to estimate its cost at each
 * candidate's prices) and its hard requirements (context length, capabilities, allowed regions, urgency).
 *
 * <p>Requirements are folded into bitmasks when the request is built, so filtering candidates allocates
 * nothing. Build one per request, or reuse one for a class of identical requests.
 *
 * <pre>{@code
 * RouteRequest r = RouteRequest.builder()
 *     .inputTokens(3_200).cachedInputTokens(2_048).expectedOutputTokens(400)
 *     .requireCapability(Capability.TOOLS)
 *     .allowRegion(Region.EU)
 *     .urgency(Urgency.INTERACTIVE)
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class RouteRequest {

  private final long inputTokens;
  private final long cachedInputTokens;
  private final long expectedOutputTokens;
  private final long requiredContextTokens;
  private final long capabilityMask;
  private final long regionMask;
  private final Urgency urgency;

  private RouteRequest(Builder b) {
    this.inputTokens = b.inputTokens;
    this.cachedInputTokens = b.cachedInputTokens;
    this.expectedOutputTokens = b.expectedOutputTokens;
    this.requiredContextTokens = b.requiredContextTokens >= 0 ? b.requiredContextTokens
        : b.inputTokens + b.expectedOutputTokens;
    this.capabilityMask = b.capabilityMask;
    this.regionMask = b.regionMask;
    this.urgency = b.urgency;
  }

  /**
   * A new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this request's values, to derive a variant.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.inputTokens = inputTokens;
    b.cachedInputTokens = cachedInputTokens;
    b.expectedOutputTokens = expectedOutputTokens;
    b.requiredContextTokens = requiredContextTokens == inputTokens + expectedOutputTokens ? -1 : requiredContextTokens;
    b.capabilityMask = capabilityMask;
    b.regionMask = regionMask;
    b.urgency = urgency;
    return b;
  }

  /**
   * Prompt tokens, cached ones included.
   *
   * @return the count
   */
  public long inputTokens() {
    return inputTokens;
  }

  /**
   * Prompt tokens expected to be served from the provider's prompt cache (billed at the cache-read rate by
   * candidates that price it, at the input rate by the others).
   *
   * @return the count, {@code <= inputTokens()}
   */
  public long cachedInputTokens() {
    return cachedInputTokens;
  }

  /**
   * Output tokens expected (reasoning included).
   *
   * @return the count
   */
  public long expectedOutputTokens() {
    return expectedOutputTokens;
  }

  /**
   * The context window a candidate needs.
   *
   * @return tokens; by default input plus expected output
   */
  public long requiredContextTokens() {
    return requiredContextTokens;
  }

  /**
   * The capabilities required.
   *
   * @return the set, possibly empty
   */
  public Set<Capability> requiredCapabilities() {
    Set<Capability> out = EnumSet.noneOf(Capability.class);
    for (Capability c : Capability.values()) {
      if ((capabilityMask & (1L << c.ordinal())) != 0) {
        out.add(c);
      }
    }
    return out;
  }

  /**
   * Whether a region is allowed.
   *
   * @param region the region
   * @return true if no restriction was given or the region was allowed
   */
  public boolean allows(Region region) {
    return regionMask == 0 || (regionMask & region.bit()) != 0;
  }

  /**
   * Whether the request is restricted to some regions.
   *
   * @return true if {@link Builder#allowRegion(Region)} was called
   */
  public boolean restrictsRegion() {
    return regionMask != 0;
  }

  /**
   * The urgency class.
   *
   * @return the urgency, {@link Urgency#STANDARD} by default
   */
  public Urgency urgency() {
    return urgency;
  }

  long capabilityMask() {
    return capabilityMask;
  }

  long regionMask() {
    return regionMask;
  }

  @Override
  public String toString() {
    return "RouteRequest[in=" + inputTokens + ", cached=" + cachedInputTokens + ", out=" + expectedOutputTokens
        + ", context=" + requiredContextTokens + ", caps=" + requiredCapabilities() + ", urgency=" + urgency + "]";
  }

  /**
   * Builds a {@link RouteRequest}. Setters reject bad values at once.
   *
   * <pre>{@code
   * RouteRequest r = RouteRequest.builder().inputTokens(500).expectedOutputTokens(200).build();
   * }</pre>
   */
  public static final class Builder {
    private long inputTokens;
    private long cachedInputTokens;
    private long expectedOutputTokens;
    private long requiredContextTokens = -1;
    private long capabilityMask;
    private long regionMask;
    private Urgency urgency = Urgency.STANDARD;

    private Builder() { }

    /**
     * Prompt tokens, cached ones included.
     *
     * @param tokens {@code >= 0}
     * @return this
     * @throws IllegalArgumentException if negative
     */
    public Builder inputTokens(long tokens) {
      this.inputTokens = nonNegative("inputTokens", tokens);
      return this;
    }

    /**
     * Prompt tokens expected to hit the prompt cache.
     *
     * @param tokens {@code >= 0} and, at build time, {@code <= inputTokens}
     * @return this
     * @throws IllegalArgumentException if negative
     */
    public Builder cachedInputTokens(long tokens) {
      this.cachedInputTokens = nonNegative("cachedInputTokens", tokens);
      return this;
    }

    /**
     * Output tokens expected.
     *
     * @param tokens {@code >= 0}
     * @return this
     * @throws IllegalArgumentException if negative
     */
    public Builder expectedOutputTokens(long tokens) {
      this.expectedOutputTokens = nonNegative("expectedOutputTokens", tokens);
      return this;
    }

    /**
     * The context window needed, when it differs from input plus expected output (e.g. the request's
     * {@code max_tokens}).
     *
     * @param tokens {@code >= 0}
     * @return this
     * @throws IllegalArgumentException if negative
     */
    public Builder requiredContextTokens(long tokens) {
      this.requiredContextTokens = nonNegative("requiredContextTokens", tokens);
      return this;
    }

    /**
     * Adds a required capability.
     *
     * @param capability the capability
     * @return this
     */
    public Builder requireCapability(Capability capability) {
      this.capabilityMask |= 1L << capability.ordinal();
      return this;
    }

    /**
     * Adds required capabilities.
     *
     * @param capabilities the capabilities
     * @return this
     */
    public Builder requireCapabilities(Collection<Capability> capabilities) {
      for (Capability c : capabilities) {
        requireCapability(c);
      }
      return this;
    }

    /**
     * Allows a region; once any is allowed, the others are not. {@link Region#GLOBAL} candidates are
     * excluded unless GLOBAL itself is allowed.
     *
     * @param region the region
     * @return this
     */
    public Builder allowRegion(Region region) {
      this.regionMask |= Objects.requireNonNull(region, "region").bit();
      return this;
    }

    /**
     * The urgency class.
     *
     * @param urgency the urgency
     * @return this
     */
    public Builder urgency(Urgency urgency) {
      this.urgency = Objects.requireNonNull(urgency, "urgency");
      return this;
    }

    /**
     * The request.
     *
     * @return the request
     * @throws IllegalArgumentException if cached input exceeds input
     */
    public RouteRequest build() {
      if (cachedInputTokens > inputTokens) {
        throw new IllegalArgumentException("cachedInputTokens must be <= inputTokens (" + inputTokens
            + "), but was " + cachedInputTokens);
      }
      return new RouteRequest(this);
    }

    private static long nonNegative(String name, long v) {
      if (v < 0) {
        throw new IllegalArgumentException(name + " must be >= 0, but was " + v);
      }
      return v;
    }
  }
}
