package dev.tradeoff.metrics;

/**
 * A streaming wire format: how a request is written and how its server-sent events are read.
 *
 * <pre>{@code
 * ClientConfig config = ClientConfig.builder()
 *     .api(WireApi.OPENAI_CHAT)
 *     .baseUrl("http://localhost:8000/v1")   // vLLM, TGI, Ollama, llama.cpp, Groq, Together, ...
 *     .model("meta-llama/Llama-3.1-8B-Instruct")
 *     .build();
 * }</pre>
 */
public enum WireApi {
  /** OpenAI Chat Completions ({@code POST {base}/chat/completions}) and every OpenAI-compatible server. */
  OPENAI_CHAT("https://api.openai.com/v1"),
  /** OpenAI Responses ({@code POST {base}/responses}). */
  OPENAI_RESPONSES("https://api.openai.com/v1"),
  /** Anthropic Messages ({@code POST {base}/messages}). */
  ANTHROPIC_MESSAGES("https://api.anthropic.com/v1"),
  /** Gemini API ({@code POST {base}/models/{model}:streamGenerateContent?alt=sse}). */
  GEMINI("https://generativelanguage.googleapis.com/v1beta");

  private final String defaultBaseUrl;

  WireApi(String defaultBaseUrl) {
    this.defaultBaseUrl = defaultBaseUrl;
  }

  /**
   * The provider's public base URL, used when a configuration names none.
   *
   * @return an absolute URL without a trailing slash
   */
  public String defaultBaseUrl() {
    return defaultBaseUrl;
  }
}
