package dev.tradeoff.metrics;

/**
 * What one streamed event carried, as far as latency is concerned.
 *
 * <p>Exactly one kind per event. When an event carries several things (DeepSeek puts content, the finish
 * reason and usage on one chunk) the first matching kind in this order wins: {@link #ERROR}, {@link #CONTENT},
 * {@link #TOOL_CALL}, {@link #REASONING}, {@link #USAGE}, {@link #ROLE_ONLY}, {@link #OTHER}; usage is still
 * captured from such an event. An empty text delta ({@code "content":""}) carries no token and is not content.
 *
 * <pre>{@code
 * EventKind kind = decoder.decode(reader);
 * if (kind.isToken()) { ... the model produced output ... }
 * }</pre>
 */
public enum EventKind {
  /** Announces the assistant message without any token: OpenAI's first {@code {"role":"assistant","content":""}}
   * chunk, Anthropic's {@code message_start}. Never counts for time to first token. */
  ROLE_ONLY,
  /** Visible answer text: a non-empty content / text delta. */
  CONTENT,
  /** Reasoning or thinking text (OpenAI-compatible {@code reasoning} / {@code reasoning_content}, Anthropic
   * {@code thinking_delta}, Responses reasoning deltas, Gemini thought parts). */
  REASONING,
  /** A tool call being generated: its name, or a non-empty argument fragment. */
  TOOL_CALL,
  /** Carries token usage and nothing else (OpenAI's final {@code "choices":[]} chunk, Anthropic's
   * {@code message_delta}, Responses' {@code response.completed}). */
  USAGE,
  /** A provider error delivered inside the stream, after HTTP 200 (Anthropic {@code event: error}, an
   * OpenAI-style {@code {"error":...}} chunk). */
  ERROR,
  /** Anything else: pings, lifecycle events, the finish chunk with an empty delta, {@code [DONE]}. */
  OTHER;

  /**
   * Whether this kind carries generated tokens (content, tool call or reasoning) — the events that time to
   * first token and inter-token latency are measured on.
   *
   * @return true for {@link #CONTENT}, {@link #TOOL_CALL} and {@link #REASONING}
   */
  public boolean isToken() {
    return this == CONTENT || this == TOOL_CALL || this == REASONING;
  }

  /**
   * Whether this kind carries the visible answer (content or a tool call), as opposed to reasoning.
   *
   * @return true for {@link #CONTENT} and {@link #TOOL_CALL}
   */
  public boolean isOutput() {
    return this == CONTENT || this == TOOL_CALL;
  }
}
