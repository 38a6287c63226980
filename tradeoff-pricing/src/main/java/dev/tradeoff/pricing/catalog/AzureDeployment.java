package dev.tradeoff.pricing.catalog;

/**
 * Azure OpenAI provisioned deployment types. They differ in PTU price and, for regional deployments, in minimum
 * size and increment; reservations of one type do not cover another.
 *
 * <pre>{@code
 * ProvisionedPlan plan = OfferCatalog.bundled().azurePtu("gpt-4o", AzureDeployment.DATA_ZONE, Commitment.P1Y);
 * }</pre>
 *
 * @since 0.1.0
 */
public enum AzureDeployment {
  /** Global Provisioned. */
  GLOBAL("global"),
  /** Data Zone Provisioned. */
  DATA_ZONE("data-zone"),
  /** Regional Provisioned. */
  REGIONAL("regional");

  private final String variant;

  AzureDeployment(String variant) {
    this.variant = variant;
  }

  /**
   * The variant key used in the catalog ({@code global}, {@code data-zone}, {@code regional}).
   *
   * @return the key
   */
  public String variant() {
    return variant;
  }
}
