package dev.tradeoff.metrics.internal;

import dev.tradeoff.metrics.TokenUsage;
import java.util.Optional;

/**
 * What a decoder learned from one stream so far: usage fields as reported, generated text (for the tokenizer
 * fallback), finish reason, terminal marker, provider error. Mutable, one per stream, reset for reuse.
 */
public final class StreamState {

  static final long UNSET = -1;

  long input = UNSET;
  long cacheRead = UNSET;
  long cacheWrite = UNSET;
  long cacheWrite1h = UNSET;
  long output = UNSET;
  long reasoning = UNSET;
  /** Anthropic reports input_tokens without the cache classes; they are added to make a total. */
  boolean inputExcludesCache;
  /** Gemini reports candidatesTokenCount without thoughtsTokenCount; they are added to make a total. */
  boolean outputExcludesReasoning;
  boolean usageSeen;

  /** Generated text of every kind (content, reasoning, tool arguments), for the tokenizer fallback. */
  final StringBuilder text = new StringBuilder(256);
  boolean captureText = true;

  String finishReason;
  /** The wire format's terminal event arrived: stop reading. */
  boolean terminal;
  /** The stream carried a complete response (terminal event, or a finish reason where there is none). */
  boolean complete;

  boolean error;
  String errorType;
  String errorMessage;

  /** Scratch space for text whose meaning is known only after the whole object is read. */
  final StringBuilder pending = new StringBuilder(64);

  /** Forgets everything, keeping the buffers. */
  public void reset() {
    input = UNSET;
    cacheRead = UNSET;
    cacheWrite = UNSET;
    cacheWrite1h = UNSET;
    output = UNSET;
    reasoning = UNSET;
    inputExcludesCache = false;
    outputExcludesReasoning = false;
    usageSeen = false;
    text.setLength(0);
    finishReason = null;
    terminal = false;
    complete = false;
    error = false;
    errorType = null;
    errorMessage = null;
    pending.setLength(0);
  }

  public void captureText(boolean capture) {
    this.captureText = capture;
  }

  public boolean terminal() {
    return terminal;
  }

  public boolean complete() {
    return complete;
  }

  public boolean error() {
    return error;
  }

  public String errorType() {
    return errorType;
  }

  public String errorMessage() {
    return errorMessage;
  }

  public Optional<String> finishReason() {
    return Optional.ofNullable(finishReason);
  }

  public CharSequence text() {
    return text;
  }

  public boolean usageSeen() {
    return usageSeen;
  }

  /** The server-reported usage normalised to {@link TokenUsage}'s nesting, if any was sent. */
  public Optional<TokenUsage> usage() {
    if (!usageSeen) {
      return Optional.empty();
    }
    long cr = Math.max(0, cacheRead);
    long cw = Math.max(0, cacheWrite);
    long in = Math.max(0, input);
    if (inputExcludesCache) {
      in += cr + cw;
    }
    long rs = Math.max(0, reasoning);
    long out = Math.max(0, output);
    if (outputExcludesReasoning) {
      out += rs;
    }
    return Optional.of(
        TokenUsage.builder()
            .inputTokens(in)
            .cachedInputTokens(cr)
            .cacheWriteTokens(cw)
            .cacheWrite1hTokens(Math.min(cw, Math.max(0, cacheWrite1h)))
            .outputTokens(out)
            .reasoningTokens(rs)
            .build());
  }

  void fail(String type, String message) {
    error = true;
    errorType = type;
    errorMessage = message;
  }
}
