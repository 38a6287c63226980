package dev.tradeoff.pricing.internal;

import dev.tradeoff.pricing.Money;
import java.math.BigDecimal;

/** How a month's usage draws down a spend commitment (shared by the monthly cost and the TCO). */
public final class CommitmentMath {

  private CommitmentMath() {}

  /**
   * A month under a commitment, each part rounded once to the report scale.
   *
   * @param used the part of the commitment drawn by usage
   * @param unused the part of the commitment not drawn, still paid
   * @param beyond usage beyond the commitment (at list price when the overage keeps no discount)
   */
  public record Split(BigDecimal used, BigDecimal unused, BigDecimal beyond) {

    /** @return used + unused + beyond, exact */
    public BigDecimal total() {
      return used.add(unused).add(beyond);
    }
  }

  /**
   * Splits a month: discounted usage {@code U = list × (1 − discount)} against the commitment {@code C}.
   *
   * @param list the month's usage at list price, USD
   * @param discount the discount on usage, in {@code [0, 1)}
   * @param commitment the commitment in force, USD per month
   * @param overageDiscounted whether usage beyond the commitment keeps the discount
   * @return the split
   */
  public static Split split(BigDecimal list, double discount, BigDecimal commitment, boolean overageDiscounted) {
    BigDecimal keep = BigDecimal.ONE.subtract(BigDecimal.valueOf(discount));
    BigDecimal usage = list.multiply(keep);
    BigDecimal used = WorkloadMath.report(usage.min(commitment));
    BigDecimal unused = WorkloadMath.report(commitment.subtract(usage).max(BigDecimal.ZERO));
    BigDecimal beyond = usage.subtract(commitment).max(BigDecimal.ZERO);
    if (!overageDiscounted && beyond.signum() > 0 && keep.signum() > 0) {
      beyond = beyond.divide(keep, Money.WORKING);
    }
    return new Split(used, unused, WorkloadMath.report(beyond));
  }
}
