package dev.tradeoff.pricing.plan;

/**
 * The commitment under which a provisioned unit price applies: none (hourly) or a reservation term.
 *
 * <pre>{@code
 * ProvisionedPlan p = OfferCatalog.bundled().azurePtu("gpt-4o", AzureDeployment.GLOBAL, Commitment.P1M);
 * }</pre>
 *
 * @since 0.1.0
 */
public enum Commitment {
  /** No commitment: pay per deployed unit-hour. */
  HOURLY(0),
  /** One week (Vertex GSUs for Google models). Counted as a 1-month term for TCO. */
  P1W(1),
  /** One month. */
  P1M(1),
  /** Three months. */
  P3M(3),
  /** Six months (Bedrock model units). */
  P6M(6),
  /** One year. */
  P1Y(12),
  /** Three years. */
  P3Y(36);

  private final int months;

  Commitment(int months) {
    this.months = months;
  }

  /**
   * The term in months (0 for hourly; a week counts as 1).
   *
   * @return months
   */
  public int months() {
    return months;
  }
}
