package dev.tradeoff.examples.sim;

/**
 * The streaming wire formats the {@link SimulatedProvider} speaks, each on its real path.
 *
 * <p>A path matches when it <em>ends</em> with the suffix below, so that base URLs with a prefix (for example
 * Google's OpenAI-compatible {@code /v1beta/openai}) work unchanged:
 *
 * <pre>{@code
 * POST {baseUrl}/v1/chat/completions      OPENAI_CHAT_COMPLETIONS
 * POST {baseUrl}/v1/responses             OPENAI_RESPONSES
 * POST {baseUrl}/v1/messages              ANTHROPIC_MESSAGES
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public enum WireFormat {
  /** OpenAI Chat Completions ({@code /chat/completions}); also what vLLM and Gemini's compatible route speak. */
  OPENAI_CHAT_COMPLETIONS("/chat/completions"),
  /** OpenAI Responses ({@code /responses}). */
  OPENAI_RESPONSES("/responses"),
  /** Anthropic Messages ({@code /messages}). */
  ANTHROPIC_MESSAGES("/messages");

  private final String pathSuffix;

  WireFormat(String pathSuffix) {
    this.pathSuffix = pathSuffix;
  }

  /** The path suffix that selects this format, for example {@code "/chat/completions"}. */
  public String pathSuffix() {
    return pathSuffix;
  }

  /** Whether errors on this format use Anthropic's shape ({@code {"type":"error","error":{…}}}). */
  boolean anthropicShaped() {
    return this == ANTHROPIC_MESSAGES;
  }
}
