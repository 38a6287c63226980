package dev.tradeoff.pricing.plan;

/**
 * When a commitment is paid.
 *
 * <pre>{@code
 * CommittedPlan.builder().payment(Payment.UPFRONT)...
 * }</pre>
 *
 * @since 0.1.0
 */
public enum Payment {
  /** The whole term's commitment at the start of each term. */
  UPFRONT,
  /** The commitment in equal monthly instalments. */
  MONTHLY
}
