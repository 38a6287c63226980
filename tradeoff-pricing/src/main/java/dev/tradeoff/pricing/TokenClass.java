package dev.tradeoff.pricing;

/**
 * The billing classes of tokens. A {@link Usage} holds one disjoint count per class, so each token a
 * provider reports is billed exactly once, at its own rate.
 *
 * <table>
 *   <caption>Classes and the rate each is billed at</caption>
 *   <tr><th>class</th><th>billed at</th></tr>
 *   <tr><td>{@link #INPUT}</td><td>{@code inputPerMillion} — prompt tokens neither read from nor written to a cache</td></tr>
 *   <tr><td>{@link #CACHE_READ}</td><td>{@code cacheReadPerMillion}, or the input rate if the model lists none
 *       (no caching discount)</td></tr>
 *   <tr><td>{@link #CACHE_WRITE_5M}</td><td>{@code cacheWrite5mPerMillion} — the provider's standard
 *       short-lived cache write (Anthropic 5-minute, OpenAI default); the input rate if the model lists none</td></tr>
 *   <tr><td>{@link #CACHE_WRITE_1H}</td><td>{@code cacheWrite1hPerMillion} — Anthropic's 1-hour cache write;
 *       no fallback</td></tr>
 *   <tr><td>{@link #OUTPUT}</td><td>{@code outputPerMillion} — visible completion tokens</td></tr>
 *   <tr><td>{@link #REASONING}</td><td>{@code reasoningPerMillion}, or the output rate if the model lists none
 *       (providers bill reasoning/thinking tokens as output)</td></tr>
 * </table>
 *
 * <pre>{@code
 * long cached = usage.tokens(TokenClass.CACHE_READ);
 * }</pre>
 *
 * @since 0.1.0
 */
public enum TokenClass {
  /** Uncached prompt tokens. */
  INPUT("input", true),
  /** Prompt tokens read from a prompt cache. */
  CACHE_READ("cacheRead", true),
  /** Prompt tokens written to a short-lived cache (Anthropic 5 minutes; OpenAI's default write). */
  CACHE_WRITE_5M("cacheWrite5m", true),
  /** Prompt tokens written to Anthropic's 1-hour cache. */
  CACHE_WRITE_1H("cacheWrite1h", true),
  /** Visible completion tokens. */
  OUTPUT("output", false),
  /** Reasoning/thinking tokens that a provider reports separately from visible output. */
  REASONING("reasoning", false);

  private static final TokenClass[] VALUES = values();

  private final String jsonName;
  private final boolean prompt;

  TokenClass(String jsonName, boolean prompt) {
    this.jsonName = jsonName;
    this.prompt = prompt;
  }

  /**
   * The camel-case name used in JSON documents and messages, for example {@code cacheWrite5m}.
   *
   * @return the JSON name
   */
  public String jsonName() {
    return jsonName;
  }

  /**
   * Whether the class counts towards the prompt (and so towards long-context thresholds).
   *
   * @return {@code true} for the input and cache classes
   */
  public boolean isPrompt() {
    return prompt;
  }

  static TokenClass at(int ordinal) {
    return VALUES[ordinal];
  }
}
