package dev.tradeoff.pricing;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/**
 * How a request is processed, as far as it changes the price: the {@link ServiceTier} and the
 * {@link DataResidency}.
 *
 * <pre>{@code
 * RequestOptions options = RequestOptions.builder().serviceTier(ServiceTier.BATCH).build();
 * RequestCost cost = model.cost(usage, options);
 * }</pre>
 *
 * <p>Immutable and thread-safe. JSON: {@code {"serviceTier":"BATCH","residency":"GLOBAL"}}.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableRequestOptions.class)
@JsonDeserialize(as = ImmutableRequestOptions.class)
public interface RequestOptions {

  /**
   * The service tier.
   *
   * @return the tier, {@link ServiceTier#STANDARD} by default
   */
  default ServiceTier serviceTier() {
    return ServiceTier.STANDARD;
  }

  /**
   * The data residency.
   *
   * @return the residency, {@link DataResidency#GLOBAL} by default
   */
  default DataResidency residency() {
    return DataResidency.GLOBAL;
  }

  /**
   * Standard tier with global routing.
   *
   * @return the options
   */
  static RequestOptions standard() {
    return builder().build();
  }

  /**
   * Batch tier with global routing.
   *
   * @return the options
   */
  static RequestOptions batch() {
    return of(ServiceTier.BATCH, DataResidency.GLOBAL);
  }

  /**
   * Options from both parts.
   *
   * @param tier the service tier
   * @param residency the data residency
   * @return the options
   */
  static RequestOptions of(ServiceTier tier, DataResidency residency) {
    return builder().serviceTier(tier).residency(residency).build();
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableRequestOptions.Builder builder() {
    return ImmutableRequestOptions.builder();
  }
}
