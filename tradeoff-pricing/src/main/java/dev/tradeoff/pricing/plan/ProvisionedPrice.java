package dev.tradeoff.pricing.plan;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tradeoff.pricing.Provenance;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The published prices of one kind of provisioned unit, by commitment: for example Azure Global Provisioned PTUs
 * ($1/PTU-hour, $260/PTU-month reserved monthly, $2,652/PTU-year reserved yearly).
 *
 * <pre>{@code
 * ProvisionedPrice global = offers.provisionedPrice("azure-ptu", "global");
 * Optional<UnitPrice> monthly = global.price(Commitment.P1M);
 * }</pre>
 *
 * <p>{@link #family()} names the offer ({@code azure-ptu}, {@code vertex-gsu}, {@code openai-scale-tier},
 * {@code bedrock-reserved-tier}, {@code bedrock-model-units}); {@link #scope()} the deployment type, endpoint or
 * model-and-pool it applies to. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableProvisionedPrice.class)
@JsonDeserialize(as = ImmutableProvisionedPrice.class)
public interface ProvisionedPrice {

  /** @return the offer family, for example {@code azure-ptu} */
  String family();

  /** @return what the price applies to within the family, for example {@code global} or {@code gpt-4o/input} */
  String scope();

  /** @return the unit's name, for example {@code PTU} */
  String unit();

  /** @return the prices by commitment */
  List<UnitPrice> prices();

  /** @return where the prices come from */
  Provenance source();

  /**
   * The price under a commitment.
   *
   * @param commitment the commitment
   * @return the price, or empty if not offered
   */
  default Optional<UnitPrice> price(Commitment commitment) {
    return prices().stream().filter(p -> p.commitment() == commitment).findFirst();
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableProvisionedPrice.Builder builder() {
    return ImmutableProvisionedPrice.builder();
  }
}
