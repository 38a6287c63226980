package dev.tradeoff.pricing.internal;

import dev.tradeoff.pricing.LongContextTier;
import dev.tradeoff.pricing.ModelPrice;
import dev.tradeoff.pricing.Money;
import dev.tradeoff.pricing.RequestOptions;
import dev.tradeoff.pricing.TokenClass;
import dev.tradeoff.pricing.UnpricedUsageException;
import dev.tradeoff.pricing.plan.TokenMix;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** Shared arithmetic of workload pricing. */
public final class WorkloadMath {

  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

  private WorkloadMath() {}

  /** The rates (USD per 1M tokens) a request of this mix is billed at; throws for classes the mix uses but the model cannot price. */
  public static BigDecimal[] rates(ModelPrice model, RequestOptions options, TokenMix mix) {
    double prompt = mix.promptPerRequest();
    List<LongContextTier> tiers = model.longContextTiers();
    int tier = -1;
    for (int i = tiers.size() - 1; i >= 0; i--) {
      if (prompt > tiers.get(i).thresholdInputTokens()) {
        tier = i;
        break;
      }
    }
    RateResolver.Resolved resolved = RateResolver.resolve(model, options, tier);
    BigDecimal[] out = new BigDecimal[RateResolver.CLASSES];
    for (TokenClass c : TokenClass.values()) {
      double tokens = mix.tokens(c);
      BigDecimal rate = resolved.rate(c);
      if (tokens > 0 && rate == null) {
        throw UnpricedUsageException.of(model.id(), c, (long) Math.ceil(tokens), options, resolved.reason(c));
      }
      out[c.ordinal()] = rate == null ? BigDecimal.ZERO : rate;
    }
    return out;
  }

  /** USD of one average request of the mix (unrounded). */
  public static BigDecimal costPerRequest(BigDecimal[] rates, TokenMix mix) {
    BigDecimal sum = BigDecimal.ZERO;
    for (TokenClass c : TokenClass.values()) {
      double tokens = mix.tokens(c);
      if (tokens > 0) {
        sum = sum.add(BigDecimal.valueOf(tokens).multiply(rates[c.ordinal()]));
      }
    }
    return sum.divide(MILLION);
  }

  /** USD for {@code tokens} tokens of one class at a per-million rate (unrounded). */
  public static BigDecimal tokensCost(double tokens, BigDecimal perMillion) {
    return BigDecimal.valueOf(tokens).multiply(perMillion).divide(MILLION);
  }

  /** Rounds a monthly figure for a report. */
  public static BigDecimal report(BigDecimal amount) {
    return amount.setScale(Money.REPORT_SCALE, RoundingMode.HALF_EVEN);
  }

  /**
   * Relative tolerance of capacity sizing: a unit count {@code u} covers a need of {@code n} units when
   * {@code u >= n * (1 - UNIT_TOLERANCE)}. It absorbs floating-point noise (e.g. 12.000000000000002 units) and is
   * used both to size ({@link #roundUnits}) and to check coverage ({@link #covers}), so a sized plan always
   * covers the demand it was sized for.
   */
  public static final double UNIT_TOLERANCE = 1e-9;

  /**
   * Whether {@code units} cover an exact need of {@code exactUnits}, within the relative {@link #UNIT_TOLERANCE}.
   *
   * @param units the deployed units
   * @param exactUnits the exact (unrounded) units needed, {@code >= 0}
   * @return {@code true} if {@code units >= exactUnits * (1 - UNIT_TOLERANCE)}
   */
  public static boolean covers(double units, double exactUnits) {
    return units >= exactUnits * (1 - UNIT_TOLERANCE);
  }

  /**
   * Units for a capacity need: the smallest {@code minimum + k * increment} ({@code k >= 0}) that
   * {@linkplain #covers covers} {@code exactUnits}, i.e. {@code ceil} of the need to the minimum and the increment,
   * with the relative {@link #UNIT_TOLERANCE} for floating-point noise.
   *
   * @param exactUnits the exact (unrounded) units needed, {@code >= 0}
   * @param minimum the minimum deployment
   * @param increment the step above the minimum, {@code >= 1}
   * @return the units
   * @throws dev.tradeoff.pricing.InvalidValueException if the units exceed {@link Integer#MAX_VALUE}
   */
  public static int roundUnits(double exactUnits, int minimum, int increment) {
    if (covers(minimum, exactUnits)) {
      return minimum;
    }
    double steps = Math.ceil((exactUnits * (1 - UNIT_TOLERANCE) - minimum) / increment);
    if (!(steps <= Integer.MAX_VALUE)) {
      throw dev.tradeoff.pricing.InvalidValueException.of("units", "<= " + Integer.MAX_VALUE, exactUnits);
    }
    long k = Math.max(1, (long) steps);
    // make the count exactly the smallest that covers(), whatever the rounding of the division above
    while (!covers((double) minimum + (double) k * increment, exactUnits)) {
      k++;
    }
    while (k > 1 && covers((double) minimum + (double) (k - 1) * increment, exactUnits)) {
      k--;
    }
    long units = minimum + k * increment;
    if (units > Integer.MAX_VALUE) {
      throw dev.tradeoff.pricing.InvalidValueException.of("units", "<= " + Integer.MAX_VALUE, units);
    }
    return (int) units;
  }
}
