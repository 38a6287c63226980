package dev.tradeoff.pricing.selfhost;

/**
 * Architectures of widely self-hosted open models, from their published {@code config.json}
 * ({@code num_hidden_layers}, {@code num_key_value_heads}, {@code hidden_size / num_attention_heads}) and parameter
 * counts. (Kept out of {@link ModelArchitecture} itself so that class initialization cannot deadlock between an
 * interface and its generated implementation.)
 *
 * <pre>{@code
 * ThroughputQuery.builder().model(ModelArchitectures.LLAMA_3_70B)...
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ModelArchitectures {

  /** Llama 3 / 3.1 8B: 8.03B parameters, 32 layers, 8 KV heads, head dimension 128 (meta-llama/Llama-3.1-8B config.json). */
  public static final ModelArchitecture LLAMA_3_8B = ModelArchitecture.of("Llama-3.1-8B", 8.03e9, 32, 8, 128);
  /** Llama 3 / 3.1 / 3.3 70B: 70.6B parameters, 80 layers, 8 KV heads, head dimension 128 (meta-llama/Llama-3.3-70B-Instruct config.json). */
  public static final ModelArchitecture LLAMA_3_70B = ModelArchitecture.of("Llama-3.3-70B", 70.6e9, 80, 8, 128);
  /** Llama 2 7B: 6.74B parameters, 32 layers, 32 KV heads (multi-head attention), head dimension 128. */
  public static final ModelArchitecture LLAMA_2_7B = ModelArchitecture.of("Llama-2-7B", 6.74e9, 32, 32, 128);
  /** Llama 2 13B: 13.0B parameters, 40 layers, 40 KV heads, head dimension 128. */
  public static final ModelArchitecture LLAMA_2_13B = ModelArchitecture.of("Llama-2-13B", 13.0e9, 40, 40, 128);
  /** Llama 2 70B: 69.0B parameters, 80 layers, 8 KV heads, head dimension 128. */
  public static final ModelArchitecture LLAMA_2_70B = ModelArchitecture.of("Llama-2-70B", 69.0e9, 80, 8, 128);

  private ModelArchitectures() {}
}
