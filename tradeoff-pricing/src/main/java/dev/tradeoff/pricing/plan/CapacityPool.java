package dev.tradeoff.pricing.plan;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tradeoff.pricing.InvalidValueException;
import dev.tradeoff.pricing.TokenClass;
import dev.tradeoff.pricing.internal.WorkloadMath;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One kind of capacity unit of a {@link ProvisionedPlan}: its throughput, how much of it each token class
 * consumes, its minimum deployment and increment, and its price per unit.
 *
 * <p>Capacity is counted in "capacity tokens" per minute. Each token of class {@code c} consumes
 * {@code weights[c]} capacity tokens: Azure PTUs count 1 output token as 3–8 input tokens (by model); Vertex
 * GSUs burn cache hits at 0.1 and output at 5–8; OpenAI Scale Tier sells separate input and output units (two
 * pools, one weighting only input classes, the other only output classes). A class absent from the weights
 * consumes nothing of this pool.
 *
 * <pre>{@code
 * // Azure PTU for gpt-4o: 2,500 input TPM per PTU, 1 output = 3 input, global min 15, increment 5.
 * CapacityPool ptu = CapacityPool.builder()
 *     .name("PTU").tokensPerMinutePerUnit(2_500)
 *     .putWeight(TokenClass.INPUT, 1.0).putWeight(TokenClass.CACHE_WRITE_5M, 1.0)
 *     .putWeight(TokenClass.OUTPUT, 3.0).putWeight(TokenClass.REASONING, 3.0)
 *     .minimumUnits(15).unitIncrement(5)
 *     .hourlyPerUnit(new BigDecimal("1.00"))
 *     .reservedPerUnitMonth(new BigDecimal("260"))
 *     .build();
 * int units = ptu.unitsFor(100_000, TokenMix.of(1500, 300), 0.2);
 * }</pre>
 *
 * <p>A pool with zero capacity, no positive weight or no price is rejected with {@link InvalidValueException}.
 * Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableCapacityPool.class)
@JsonDeserialize(as = ImmutableCapacityPool.class)
public interface CapacityPool {

  /** @return the unit's name, for example {@code PTU}, {@code GSU}, {@code input unit} */
  String name();

  /** @return capacity tokens per minute one unit serves, {@code > 0} */
  double tokensPerMinutePerUnit();

  /** @return capacity tokens consumed per token of each class; absent classes consume nothing */
  Map<TokenClass, Double> weights();

  /** @return the minimum deployment in units, {@code >= 1} (default 1) */
  default int minimumUnits() {
    return 1;
  }

  /** @return the step by which deployments grow above the minimum, {@code >= 1} (default 1) */
  default int unitIncrement() {
    return 1;
  }

  /** @return USD per unit-hour without reservation (also the rate for units beyond a reservation), if offered */
  Optional<BigDecimal> hourlyPerUnit();

  /** @return USD per unit-month of a reservation (monthly equivalent of the chosen term), if offered */
  Optional<BigDecimal> reservedPerUnitMonth();

  /**
   * Checks capacity, weights, sizes and prices.
   *
   * @throws InvalidValueException naming the field and value
   */
  @Value.Check
  default void check() {
    double tpm = tokensPerMinutePerUnit();
    if (!(tpm > 0) || Double.isInfinite(tpm)) {
      throw InvalidValueException.of("tokensPerMinutePerUnit", "> 0 and finite (pool " + name() + ")", tpm);
    }
    boolean positive = false;
    for (Map.Entry<TokenClass, Double> w : weights().entrySet()) {
      if (!(w.getValue() >= 0) || Double.isInfinite(w.getValue())) {
        throw InvalidValueException.of("weights." + w.getKey().jsonName(), ">= 0 and finite (pool " + name() + ")",
            w.getValue());
      }
      positive |= w.getValue() > 0;
    }
    if (!positive) {
      throw InvalidValueException.of("weights", "at least one weight > 0 (pool " + name() + ")", weights());
    }
    if (minimumUnits() < 1) {
      throw InvalidValueException.of("minimumUnits", ">= 1 (pool " + name() + ")", minimumUnits());
    }
    if (unitIncrement() < 1) {
      throw InvalidValueException.of("unitIncrement", ">= 1 (pool " + name() + ")", unitIncrement());
    }
    if (hourlyPerUnit().isEmpty() && reservedPerUnitMonth().isEmpty()) {
      throw InvalidValueException.of("hourlyPerUnit", "present, or reservedPerUnitMonth present (pool " + name() + ")",
          null);
    }
    hourlyPerUnit().filter(p -> p.signum() < 0).ifPresent(p -> {
      throw InvalidValueException.of("hourlyPerUnit", ">= 0 (pool " + name() + ")", p.toPlainString());
    });
    reservedPerUnitMonth().filter(p -> p.signum() < 0).ifPresent(p -> {
      throw InvalidValueException.of("reservedPerUnitMonth", ">= 0 (pool " + name() + ")", p.toPlainString());
    });
  }

  /**
   * Capacity tokens one average request of the mix consumes.
   *
   * @param mix the token mix
   * @return weighted tokens per request
   */
  default double weightedTokensPerRequest(TokenMix mix) {
    double w = 0;
    for (Map.Entry<TokenClass, Double> e : weights().entrySet()) {
      w += mix.tokens(e.getKey()) * e.getValue();
    }
    return w;
  }

  /**
   * The units needed to serve a demand with headroom, rounded up to the minimum and the increment: the smallest
   * {@code minimumUnits() + k * unitIncrement()} that is at least {@code need * (1 - 1e-9)}, where {@code need} is
   * requests per minute x {@link #weightedTokensPerRequest} x (1 + headroom) / {@link #tokensPerMinutePerUnit}. The
   * relative 1e-9 absorbs floating-point noise; provisioned plans check coverage with the same rule, so a plan sized
   * with these units never reports demand as unserved.
   *
   * @param tokensPerMinute the demand in (raw) tokens per minute
   * @param mix the demand's token mix
   * @param headroom extra capacity as a fraction of the demand ({@code 0.2} = 20%), {@code >= 0}
   * @return the units
   * @throws InvalidValueException if the headroom is negative or a value is not finite
   */
  default int unitsFor(double tokensPerMinute, TokenMix mix, double headroom) {
    if (!(headroom >= 0) || Double.isInfinite(headroom)) {
      throw InvalidValueException.of("headroom", ">= 0 and finite", headroom);
    }
    if (!(tokensPerMinute >= 0) || Double.isInfinite(tokensPerMinute)) {
      throw InvalidValueException.of("tokensPerMinute", ">= 0 and finite", tokensPerMinute);
    }
    double requestsPerMinute = tokensPerMinute / mix.totalPerRequest();
    double need = requestsPerMinute * weightedTokensPerRequest(mix) * (1 + headroom) / tokensPerMinutePerUnit();
    return WorkloadMath.roundUnits(need, minimumUnits(), unitIncrement());
  }

  /**
   * A pool weighting input-side classes 1 (cache reads {@code cacheReadWeight}) and output-side classes
   * {@code outputWeight}.
   *
   * @param name the unit's name
   * @param tokensPerMinutePerUnit capacity per unit in input-token equivalents per minute
   * @param outputWeight input tokens one output (or reasoning) token counts as
   * @param cacheReadWeight input tokens one cache-read token counts as (0 = free, 1 = like input)
   * @return a builder with capacity and weights set; add sizes and prices
   */
  static ImmutableCapacityPool.Builder weighted(
      String name, double tokensPerMinutePerUnit, double outputWeight, double cacheReadWeight) {
    return builder().name(name).tokensPerMinutePerUnit(tokensPerMinutePerUnit)
        .putWeight(TokenClass.INPUT, 1.0)
        .putWeight(TokenClass.CACHE_WRITE_5M, 1.0)
        .putWeight(TokenClass.CACHE_WRITE_1H, 1.0)
        .putWeight(TokenClass.CACHE_READ, cacheReadWeight)
        .putWeight(TokenClass.OUTPUT, outputWeight)
        .putWeight(TokenClass.REASONING, outputWeight);
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableCapacityPool.Builder builder() {
    return ImmutableCapacityPool.builder();
  }
}
