package dev.tradeoff.metrics.client;

/**
 * When a client counts tokens itself with a tokenizer (JTokkit, OpenAI encodings; an approximation for other
 * vendors' models). The server's own usage is always preferred; estimates are flagged {@link
 * dev.tradeoff.metrics.TokenUsage#estimated()}.
 *
 * <pre>{@code
 * ClientConfig.builder()...tokenEstimation(TokenEstimation.WHEN_MISSING).build();
 * }</pre>
 */
public enum TokenEstimation {
  /** Never: a stream without usage has no token counts. */
  NEVER,
  /** Only when the server sent no usage (the estimate becomes the usage, flagged estimated). */
  WHEN_MISSING,
  /** Also when the server sent usage, so the discrepancy is reported ({@link
   * dev.tradeoff.metrics.TokenUsage#outputTokensDiscrepancy()}). Costs a tokenizer pass per request. */
  ALWAYS
}
