package dev.tradeoff.examples.sim;

import java.time.LocalDate;
import java.util.List;

/**
 * Ready-made profiles of the demo models, parameterised from published latency and throughput figures. Each
 * profile's {@link ModelProfile#source()} names the page and the numbers taken from it, and marks what is an
 * assumption; {@link ModelProfile#asOf()} is the date the figures were read.
 *
 * <p>How the figures become a profile: the published median time to first token becomes the median of a
 * log-normal {@code ttftMillis}; the published output speed {@code v} (tokens/s) becomes an inter-token gap with
 * mean {@code 1000 / v} ms. Spreads the sources do not give are assumptions, the same for every model: TTFT
 * {@code sigma} {@value #ASSUMED_TTFT_SIGMA}, gap standard deviation {@value #ASSUMED_GAP_CV} of the mean, and a
 * log-normal output length with median {@value #ASSUMED_OUTPUT_MEDIAN} tokens and {@code sigma}
 * {@value #ASSUMED_OUTPUT_SIGMA} (a chat answer). No demo profile injects faults, caches or reasons; derive a
 * variant with {@link ModelProfile#toBuilder()}:
 *
 * <pre>{@code
 * ModelProfile flaky = DemoProfiles.gpt4oMini().toBuilder()
 *     .faults(FaultProfile.builder().rateLimitProbability(0.05).build())
 *     .build();
 * SimulatorConfig config = SimulatorConfig.builder().addProfiles(DemoProfiles.all()).replaceProfile(flaky).build();
 * }</pre>
 *
 * <p>Every figure is a median under the source's conditions (region, prompt length, load), not a guarantee.
 * Thread-safe; every call returns an equal immutable profile.
 */
public final class DemoProfiles {

  /** Assumed sigma of ln(TTFT) where the source gives no spread. */
  public static final double ASSUMED_TTFT_SIGMA = 0.35;
  /** Assumed coefficient of variation of the inter-token gap. */
  public static final double ASSUMED_GAP_CV = 0.3;
  /** Assumed median visible output length, in tokens. */
  public static final double ASSUMED_OUTPUT_MEDIAN = 250;
  /** Assumed sigma of ln(output length). */
  public static final double ASSUMED_OUTPUT_SIGMA = 0.6;

  /** The date the figures below were read from their sources. */
  static final LocalDate RETRIEVED = LocalDate.of(2026, 11, 28);

  private static final String ASSUMPTIONS = " ASSUMPTIONS (not from the source): TTFT sigma "
      + ASSUMED_TTFT_SIGMA + ", gap sd " + ASSUMED_GAP_CV + " x mean, output length log-normal median "
      + (int) ASSUMED_OUTPUT_MEDIAN + " tokens sigma " + ASSUMED_OUTPUT_SIGMA + ".";

  private DemoProfiles() {}

  /** All demo profiles, in a stable order. */
  public static List<ModelProfile> all() {
    return List.of(gpt4oMini(), gpt4o(), claude3Haiku(), claude35Sonnet(), gemini15Flash(), gemini20Flash(),
        llama3_70b(), llama3_70bOnG5_12xlarge());
  }

  /** OpenAI GPT-4o mini on Chat Completions and Responses; echoes {@code gpt-4o-mini-2024-07-18}. */
  public static ModelProfile gpt4oMini() {
    return hosted("gpt-4o-mini", 716, ASSUMED_TTFT_SIGMA, 59.0, 16384,
        "SECONDARY: TTFT p50 716 ms on OpenAI's endpoint from live gateway telemetry "
            + "(https://newmen.ai/models/openai/gpt-4o-mini, 'last 30 minutes of live traffic'); output speed "
            + "59.0 tokens/s average over 500-token completions (https://community.openai.com/t/"
            + "inference-speed-of-different-models/1307310, tacho run).")
        .alias("gpt-4o-mini-2024-07-18").responseModel("gpt-4o-mini-2024-07-18")
        .wireFormats(WireFormat.OPENAI_CHAT_COMPLETIONS, WireFormat.OPENAI_RESPONSES)
        .build();
  }

  /** OpenAI GPT-4o on Chat Completions and Responses; echoes {@code gpt-4o-2024-08-06}. */
  public static ModelProfile gpt4o() {
    return hosted("gpt-4o", 390, ASSUMED_TTFT_SIGMA, 81.0, 16384,
        "Artificial Analysis, GPT-4o (May '24) providers page "
            + "(https://artificialanalysis.ai/models/gpt-4o-2024-05-13/providers): OpenAI TTFT 0.39 s, output "
            + "speed 81 tokens/s (P50 over 14 days). Applied to the 2024-08-06 snapshot the server echoes.")
        .alias("gpt-4o-2024-08-06").responseModel("gpt-4o-2024-08-06")
        .wireFormats(WireFormat.OPENAI_CHAT_COMPLETIONS, WireFormat.OPENAI_RESPONSES)
        .build();
  }

  /** Anthropic Claude 3 Haiku on Messages; also answers to {@code claude-3-haiku}. */
  public static ModelProfile claude3Haiku() {
    return hosted("claude-3-haiku-20240307", 300, ASSUMED_TTFT_SIGMA, 95.0, 4096,
        "SECONDARY: Vercel AI Gateway model page (https://vercel.com/ai-gateway/models/claude-3-haiku): P50 "
            + "TTFT 0.3 s and P50 throughput 95 tokens/s on live gateway traffic via Amazon Bedrock (Google "
            + "Vertex: 0.4 s, 146 tokens/s); Anthropic's own endpoint is not listed there.")
        .alias("claude-3-haiku")
        .wireFormats(WireFormat.ANTHROPIC_MESSAGES)
        .build();
  }

  /** Anthropic Claude 3.5 Sonnet on Messages; also answers to {@code claude-3-5-sonnet(-latest)}. */
  public static ModelProfile claude35Sonnet() {
    return hosted("claude-3-5-sonnet-20241022", 810, ASSUMED_TTFT_SIGMA, 64.0, 8192,
        "Artificial Analysis, Claude 3.5 Sonnet providers page "
            + "(https://artificialanalysis.ai/models/claude-35-sonnet/providers): Anthropic TTFT 0.81 s, output "
            + "speed 64 tokens/s (another capture of the page: 0.80 s, 95 tokens/s).")
        .alias("claude-3-5-sonnet-latest", "claude-3-5-sonnet")
        .wireFormats(WireFormat.ANTHROPIC_MESSAGES)
        .build();
  }

  /** Google Gemini 1.5 Flash on Google's OpenAI-compatible Chat Completions route. */
  public static ModelProfile gemini15Flash() {
    return hosted("gemini-1.5-flash", 400, ASSUMED_TTFT_SIGMA, 190.0, 8192,
        "Artificial Analysis, Gemini 1.5 Flash (Sep '24) providers page "
            + "(https://artificialanalysis.ai/models/gemini-1-5-flash/providers): Google AI Studio output speed "
            + "190 tokens/s, TTFT 0.40 s (Vertex: 188 tokens/s, 0.24 s). Served here on the OpenAI-compatible "
            + "route, as Google offers it.")
        .alias("gemini-1.5-flash-002")
        .wireFormats(WireFormat.OPENAI_CHAT_COMPLETIONS)
        .build();
  }

  /** Google Gemini 2.0 Flash on Google's OpenAI-compatible Chat Completions route. */
  public static ModelProfile gemini20Flash() {
    // sigma from the source's p99 / median: ln(412 / 142) / 2.326 = 0.458
    return hosted("gemini-2.0-flash", 142, 0.458, 198.0, 8192,
        "SECONDARY (single blog, 100-request test, 2024-12-11): "
            + "https://dataku-5px.pages.dev/blog/gemini-2-0-flash-speed-quality-ratio-unprecedented — median TTFT "
            + "142 ms, p99 TTFT 412 ms (TTFT sigma 0.458 derived from these), median 198 tokens/s. Served on the "
            + "OpenAI-compatible route.")
        .alias("gemini-2.0-flash-001")
        .wireFormats(WireFormat.OPENAI_CHAT_COMPLETIONS)
        .build();
  }

  /**
   * Llama 3 70B Instruct, self-hosted behind a vLLM-like OpenAI-compatible server; echoes
   * {@code meta-llama/Meta-Llama-3-70B-Instruct} as vLLM does.
   */
  public static ModelProfile llama3_70b() {
    return hosted("llama-3-70b-instruct", 688.69, ASSUMED_TTFT_SIGMA, 1000.0 / 38.75, 4096,
        "NVIDIA NIM LLM benchmarking guide (https://docs.nvidia.com/nim/benchmarking/llm/1.0.0/performance, NIM "
            + "1.8.0, TensorRT-LLM based; as recorded in shared/fixtures/pricing-facts.json): Llama-3.3-70B-Instruct on 2x H100 "
            + "80GB, FP8, TP2, 5000 input / 500 output tokens, 25 concurrent requests: TTFT 688.69 ms, inter-token "
            + "latency 38.75 ms. ASSUMPTION: a vLLM server on comparable hardware and load behaves alike; a "
            + "smaller instance (e.g. 4x A10G) is several times slower per token.")
        .alias("meta-llama/Meta-Llama-3-70B-Instruct")
        .responseModel("meta-llama/Meta-Llama-3-70B-Instruct")
        .wireFormats(WireFormat.OPENAI_CHAT_COMPLETIONS)
        .build();
  }

  /**
   * Llama 3 70B Instruct self-hosted on one AWS {@code ml.g5.12xlarge} (4x A10G), the instance of the architecture
   * migration scenario: a lower bound from an older engine, several times slower per token than
   * {@link #llama3_70b()}.
   */
  public static ModelProfile llama3_70bOnG5_12xlarge() {
    return hosted("llama-3-70b-instruct-g5", 1000, ASSUMED_TTFT_SIGMA, 1000.0 / 138.35, 4096,
        "Hugging Face blog 'llama-sagemaker-benchmark' (2023-09-26, Philipp Schmid; as recorded in "
            + "shared/fixtures/pricing-facts.json; https://huggingface.co/blog/llama-sagemaker-benchmark): Llama 2 "
            + "70B, GPTQ 4-bit, TGI 1.0.3 on ml.g5.12xlarge, 5 concurrent requests: median 138.35 ms per token "
            + "(33.33 tokens/s in all). ASSUMPTIONS: Llama 3 70B behaves like Llama 2 70B on this engine and "
            + "instance (a newer engine is faster: treat as a lower bound); the source gives no TTFT, 1,000 ms "
            + "median is assumed.")
        .alias("meta-llama/Meta-Llama-3-70B-Instruct@g5.12xlarge")
        .responseModel("meta-llama/Meta-Llama-3-70B-Instruct")
        .wireFormats(WireFormat.OPENAI_CHAT_COMPLETIONS)
        .build();
  }

  private static ModelProfile.Builder hosted(String id, double ttftMedianMillis, double ttftSigma,
      double tokensPerSecond, int maxOutputTokens, String source) {
    double gapMillis = 1000.0 / tokensPerSecond;
    return ModelProfile.builder(id)
        .ttftMillis(Distribution.logNormal(ttftMedianMillis, ttftSigma))
        .interTokenGapMillis(Distribution.normal(gapMillis, ASSUMED_GAP_CV * gapMillis))
        .outputTokens(Distribution.logNormal(ASSUMED_OUTPUT_MEDIAN, ASSUMED_OUTPUT_SIGMA))
        .maxOutputTokens(maxOutputTokens)
        .source(source + ASSUMPTIONS)
        .asOf(RETRIEVED);
  }
}
