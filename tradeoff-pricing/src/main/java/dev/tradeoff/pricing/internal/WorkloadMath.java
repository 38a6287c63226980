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

  /** Units for a capacity need, rounded up to the minimum and the increment. */
  public static int roundUnits(double exactUnits, int minimum, int increment) {
    if (exactUnits <= minimum) {
      return minimum;
    }
    // Tolerate floating-point noise just above an integer (e.g. 12.000000000000002 units).
    double above = Math.ceil((exactUnits - minimum) / increment - 1e-9);
    long units = minimum + (long) above * increment;
    if (units > Integer.MAX_VALUE) {
      throw dev.tradeoff.pricing.InvalidValueException.of("units", "<= " + Integer.MAX_VALUE, units);
    }
    return (int) units;
  }
}
