package dev.tradeoff.api.routing;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/**
 * What a cost is attributed to: the provider and model that served the request, and optionally the product
 * feature and the tenant (customer) it was for. An empty feature or tenant means "untagged".
 *
 * <pre>{@code
 * CostTags tags = CostTags.builder()
 *     .provider("anthropic").model("claude-haiku-4-5").feature("support-chat").tenant("acme")
 *     .build();
 * tracker.record(tags, result.costUsd().orElseThrow());
 * }</pre>
 *
 * <p>Immutable and thread-safe; usable as a map key.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableCostTags.class)
@JsonDeserialize(as = ImmutableCostTags.class)
public interface CostTags {

  /**
   * The provider, e.g. {@code "openai"}.
   *
   * @return non-empty
   */
  String provider();

  /**
   * The model, e.g. {@code "gpt-4o-mini"}.
   *
   * @return non-empty
   */
  String model();

  /**
   * The product feature, {@code ""} when untagged.
   *
   * @return the feature
   */
  @Value.Default
  default String feature() {
    return "";
  }

  /**
   * The tenant, {@code ""} when untagged.
   *
   * @return the tenant
   */
  @Value.Default
  default String tenant() {
    return "";
  }

  /**
   * The value of one dimension.
   *
   * @param dimension the dimension
   * @return its value
   */
  default String value(TagDimension dimension) {
    switch (dimension) {
      case PROVIDER:
        return provider();
      case MODEL:
        return model();
      case FEATURE:
        return feature();
      default:
        return tenant();
    }
  }

  /**
   * Tags with only provider and model.
   *
   * @param provider the provider
   * @param model the model
   * @return the tags
   */
  static CostTags of(String provider, String model) {
    return builder().provider(provider).model(model).build();
  }

  /**
   * Tags with a routing candidate's provider and model.
   *
   * <pre>{@code
   * tracker.record(CostTags.of(router.candidates().get(i)), result.costUsd().orElseThrow());
   * }</pre>
   *
   * @param candidate the candidate that served the request
   * @return the tags
   */
  static CostTags of(Candidate candidate) {
    return of(candidate.provider(), candidate.model());
  }

  /**
   * A new builder.
   *
   * @return a builder
   */
  static ImmutableCostTags.Builder builder() {
    return ImmutableCostTags.builder();
  }

  /**
   * Rejects empty provider or model.
   *
   * @throws IllegalArgumentException naming the value
   */
  @Value.Check
  default void check() {
    if (provider().isEmpty()) {
      throw new IllegalArgumentException("provider must not be empty, but was \"\"");
    }
    if (model().isEmpty()) {
      throw new IllegalArgumentException("model must not be empty, but was \"\"");
    }
  }

  /**
   * A dimension spend can be grouped by.
   *
   * <pre>{@code
   * Map<String, BigDecimal> byTenant = tracker.monthToDate(TagDimension.TENANT);
   * }</pre>
   */
  enum TagDimension {
    /** {@link CostTags#provider()}. */
    PROVIDER,
    /** {@link CostTags#model()}. */
    MODEL,
    /** {@link CostTags#feature()}. */
    FEATURE,
    /** {@link CostTags#tenant()}. */
    TENANT
  }
}
