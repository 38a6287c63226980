package dev.tradeoff.pricing.internal;

import dev.tradeoff.pricing.CostLine;
import dev.tradeoff.pricing.DataResidency;
import dev.tradeoff.pricing.LongContextTier;
import dev.tradeoff.pricing.ModelPrice;
import dev.tradeoff.pricing.RequestCost;
import dev.tradeoff.pricing.RequestOptions;
import dev.tradeoff.pricing.ServiceTier;
import dev.tradeoff.pricing.TokenClass;
import dev.tradeoff.pricing.TokenRates;
import dev.tradeoff.pricing.UnpricedUsageException;
import dev.tradeoff.pricing.Usage;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Resolves the rate each token class is billed at, for a model, request options and long-context tier.
 * The one place the billing rules live; {@link ModelPrice#cost} and the hot-path handle both use it.
 */
public final class RateResolver {

  /** Number of token classes. */
  public static final int CLASSES = TokenClass.values().length;

  private static final TokenClass[] CLASS_VALUES = TokenClass.values();

  private RateResolver() {}

  /** Resolved rates of one (model, options, tier): a rate per class, or a reason (built only when asked for). */
  public static final class Resolved {
    private final BigDecimal[] rates = new BigDecimal[CLASSES];
    private final ModelPrice model;
    private final RequestOptions options;
    private final int tierIndex;
    private final long threshold;

    Resolved(ModelPrice model, RequestOptions options, int tierIndex, long threshold) {
      this.model = model;
      this.options = options;
      this.tierIndex = tierIndex;
      this.threshold = threshold;
    }

    /** The rate of a class, or {@code null} if unpriced. */
    public BigDecimal rate(TokenClass c) {
      return rates[c.ordinal()];
    }

    /** Why a class is unpriced, or {@code null}. */
    public String reason(TokenClass c) {
      return rates[c.ordinal()] != null ? null : explain(model, options, tierIndex, threshold, c);
    }

    /** The long-context threshold that applied, or -1 for base rates. */
    public long threshold() {
      return threshold;
    }
  }

  /**
   * The index of the long-context tier that prices a request with this prompt size.
   *
   * @return the index into {@link ModelPrice#longContextTiers()}, or -1 for base rates
   */
  public static int tierIndex(ModelPrice model, long promptTokens) {
    List<LongContextTier> tiers = model.longContextTiers();
    for (int i = tiers.size() - 1; i >= 0; i--) {
      if (promptTokens > tiers.get(i).thresholdInputTokens()) {
        return i;
      }
    }
    return -1;
  }

  /** Resolves all classes for one tier index (-1 = base rates). */
  public static Resolved resolve(ModelPrice model, RequestOptions options, int tierIndex) {
    long threshold = tierIndex < 0 ? -1 : model.longContextTiers().get(tierIndex).thresholdInputTokens();
    Resolved out = new Resolved(model, options, tierIndex, threshold);
    TokenRates standard = tierIndex < 0 ? model.rates() : model.longContextTiers().get(tierIndex).rates();
    BigDecimal uplift = BigDecimal.ONE;
    if (options.residency() != DataResidency.GLOBAL) {
      uplift = model.residencyUplifts().get(options.residency());
      if (uplift == null) {
        return out; // every class unpriced; see explain()
      }
    }
    for (TokenClass c : CLASS_VALUES) {
      Optional<BigDecimal> rate;
      switch (options.serviceTier()) {
        case STANDARD:
          rate = standard.effective(c);
          break;
        case BATCH:
          rate = batchRate(model, standard, c, tierIndex >= 0);
          break;
        case FLEX:
        case PRIORITY:
          Optional<TokenRates> set = options.serviceTier() == ServiceTier.FLEX
              ? model.flexRates() : model.priorityRates();
          rate = tierIndex >= 0 || set.isEmpty() ? Optional.empty() : set.get().effective(c);
          break;
        default:
          throw new AssertionError(options.serviceTier());
      }
      if (rate.isPresent()) {
        BigDecimal r = rate.get();
        out.rates[c.ordinal()] = uplift.compareTo(BigDecimal.ONE) == 0 ? r : normalize(r.multiply(uplift));
      }
    }
    return out;
  }

  /** Why a class has no rate (only called on the error path). */
  static String explain(ModelPrice model, RequestOptions options, int tierIndex, long threshold, TokenClass c) {
    if (options.residency() != DataResidency.GLOBAL && !model.residencyUplifts().containsKey(options.residency())) {
      return "the catalog lists no " + options.residency() + " data-residency uplift for this model";
    }
    String where = tierIndex < 0 ? "" : " in the long-context tier above " + threshold + " prompt tokens";
    switch (options.serviceTier()) {
      case STANDARD:
        return "the catalog lists no " + TokenRates.fieldName(c) + where;
      case BATCH:
        if (model.batchDiscount().isPresent()) {
          return "the catalog lists no " + TokenRates.fieldName(c) + where;
        }
        if (tierIndex >= 0) {
          return "no batch discount is known to apply to the long-context tier above " + threshold;
        }
        return model.batchRates().isEmpty() ? "the model lists neither batch rates nor a batch discount"
            : "the batch rates list no " + TokenRates.fieldName(c);
      default:
        Optional<TokenRates> set = options.serviceTier() == ServiceTier.FLEX ? model.flexRates() : model.priorityRates();
        if (tierIndex >= 0) {
          return "no " + options.serviceTier() + " prices are listed for the long-context tier above " + threshold
              + " prompt tokens";
        }
        return set.isEmpty() ? "the model lists no " + options.serviceTier() + " prices"
            : "the " + options.serviceTier() + " prices list no " + TokenRates.fieldName(c);
    }
  }

  private static Optional<BigDecimal> batchRate(
      ModelPrice model, TokenRates standard, TokenClass c, boolean longContext) {
    Optional<BigDecimal> discount = model.batchDiscount();
    if (!longContext && model.batchRates().isPresent()) {
      Optional<BigDecimal> listed = model.batchRates().get().explicit(c);
      if (listed.isPresent()) {
        return listed;
      }
    }
    if (discount.isPresent()) {
      BigDecimal keep = BigDecimal.ONE.subtract(discount.get());
      return standard.effective(c).map(r -> normalize(r.multiply(keep)));
    }
    if (!longContext && model.batchRates().isPresent()) {
      return model.batchRates().get().effective(c);
    }
    return Optional.empty();
  }

  /** The effective rate of one class for a prompt size. */
  public static Optional<BigDecimal> rate(
      ModelPrice model, TokenClass c, RequestOptions options, long promptTokens) {
    return Optional.ofNullable(resolve(model, options, tierIndex(model, promptTokens)).rate(c));
  }

  /** The exact cost of a usage. */
  public static RequestCost cost(ModelPrice model, Usage usage, RequestOptions options) {
    int tier = tierIndex(model, usage.promptTokens());
    Resolved resolved = resolve(model, options, tier);
    dev.tradeoff.pricing.ImmutableRequestCost.Builder b = RequestCost.builder().modelId(model.id()).options(options);
    if (tier >= 0) {
      b.longContextThreshold(resolved.threshold());
    }
    BigDecimal total = BigDecimal.ZERO;
    for (TokenClass c : CLASS_VALUES) {
      long tokens = usage.tokens(c);
      if (tokens == 0) {
        continue;
      }
      BigDecimal rate = resolved.rate(c);
      if (rate == null) {
        throw UnpricedUsageException.of(model.id(), c, tokens, options, resolved.reason(c));
      }
      CostLine line = CostLine.of(c, tokens, rate);
      total = total.add(line.amount());
      b.addLine(line);
    }
    return b.total(normalize(total)).build();
  }

  static BigDecimal normalize(BigDecimal value) {
    return dev.tradeoff.pricing.Money.normalize(value);
  }
}
