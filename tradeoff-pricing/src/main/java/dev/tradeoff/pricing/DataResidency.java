package dev.tradeoff.pricing;

/**
 * Where a request is processed. Regional or data-residency processing carries an uplift multiplier on
 * every token class for models that list one (Anthropic: "US-only inference ... incurs a 1.1x multiplier
 * on all token pricing categories"; OpenAI regional processing +10%).
 *
 * <pre>{@code
 * RequestOptions usOnly = RequestOptions.of(ServiceTier.STANDARD, DataResidency.US);
 * }</pre>
 *
 * @since 0.1.0
 */
public enum DataResidency {
  /** Global routing at standard prices (the default). */
  GLOBAL,
  /** US-only processing. */
  US,
  /** EU-only processing. */
  EU
}
