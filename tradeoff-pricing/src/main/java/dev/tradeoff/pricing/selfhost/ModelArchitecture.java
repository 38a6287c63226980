package dev.tradeoff.pricing.selfhost;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tradeoff.pricing.InvalidValueException;
import org.immutables.value.Value;

/**
 * The architecture facts of a decoder-only transformer that decide its serving cost: parameters, layers, KV
 * heads and head dimension (grouped-query attention keeps few KV heads, which shrinks the KV cache).
 *
 * <pre>{@code
 * ModelArchitecture llama70b = ModelArchitectures.LLAMA_3_70B;
 * double kvBytesPerToken = llama70b.kvCacheBytesPerToken(Precision.BF16);   // 327,680
 * }</pre>
 *
 * <p>Known models are in {@link ModelArchitectures}. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableModelArchitecture.class)
@JsonDeserialize(as = ImmutableModelArchitecture.class)
public interface ModelArchitecture {

  /** @return the model's name */
  String name();

  /** @return total parameters, {@code > 0} */
  double parameters();

  /** @return transformer layers, {@code >= 1} */
  int layers();

  /** @return key/value heads per layer, {@code >= 1} */
  int kvHeads();

  /** @return dimension of one attention head, {@code >= 1} */
  int headDim();

  /**
   * Checks the numbers.
   *
   * @throws InvalidValueException naming the field
   */
  @Value.Check
  default void check() {
    if (!(parameters() > 0) || Double.isInfinite(parameters())) {
      throw InvalidValueException.of("parameters", "> 0 and finite (model " + name() + ")", parameters());
    }
    if (layers() < 1 || kvHeads() < 1 || headDim() < 1) {
      throw InvalidValueException.of("layers/kvHeads/headDim", ">= 1 (model " + name() + ")",
          layers() + "/" + kvHeads() + "/" + headDim());
    }
  }

  /**
   * KV-cache bytes per token of context: keys and values of every layer.
   *
   * @param precision the KV cache precision
   * @return {@code 2 × layers × kvHeads × headDim × bytes}
   */
  default double kvCacheBytesPerToken(Precision precision) {
    return 2.0 * layers() * kvHeads() * headDim() * precision.bytes();
  }

  /**
   * An architecture.
   *
   * @param name the name
   * @param parameters total parameters
   * @param layers layers
   * @param kvHeads KV heads per layer
   * @param headDim head dimension
   * @return the architecture
   */
  static ModelArchitecture of(String name, double parameters, int layers, int kvHeads, int headDim) {
    return ImmutableModelArchitecture.builder().name(name).parameters(parameters).layers(layers).kvHeads(kvHeads)
        .headDim(headDim).build();
  }
}
