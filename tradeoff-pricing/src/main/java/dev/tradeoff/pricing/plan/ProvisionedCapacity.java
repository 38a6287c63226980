package dev.tradeoff.pricing.plan;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tradeoff.pricing.Provenance;
import dev.tradeoff.pricing.TokenClass;
import java.util.Map;
import org.immutables.value.Value;

/**
 * What one provisioned unit delivers for one model: capacity per unit, the weight of each token class, the
 * minimum deployment and increment — and which {@link ProvisionedPrice} it is billed at.
 *
 * <pre>{@code
 * // Azure gpt-4o, global deployment: 2,500 input TPM per PTU, 1 output token = 3 input, min 15, increment 5.
 * ProvisionedCapacity c = offers.provisionedCapacities().stream()
 *     .filter(x -> x.family().equals("azure-ptu") && x.model().equals("gpt-4o")).findFirst().orElseThrow();
 * }</pre>
 *
 * <p>{@link #variant()} distinguishes deployment types with different sizes or prices ({@code global},
 * {@code data-zone}, {@code regional}; {@code default} when there is one); a model with two pools (input and
 * output units) has two entries with the same variant. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableProvisionedCapacity.class)
@JsonDeserialize(as = ImmutableProvisionedCapacity.class)
public interface ProvisionedCapacity {

  /** @return the offer family, for example {@code azure-ptu} */
  String family();

  /** @return the model as the provider names it in its capacity table, for example {@code gpt-4o} */
  String model();

  /** @return the deployment variant, for example {@code global}, {@code regional} or {@code default} */
  String variant();

  /** @return the pool's unit name, for example {@code PTU} or {@code input unit} */
  String pool();

  /** @return the {@link ProvisionedPrice#scope()} this pool is billed at */
  String priceScope();

  /** @return capacity tokens per minute per unit */
  double tokensPerMinutePerUnit();

  /** @return capacity tokens each token class consumes */
  Map<TokenClass, Double> weights();

  /** @return the minimum deployment */
  int minimumUnits();

  /** @return the scale increment */
  int unitIncrement();

  /** @return where the capacity figures come from */
  Provenance source();

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableProvisionedCapacity.Builder builder() {
    return ImmutableProvisionedCapacity.builder();
  }
}
