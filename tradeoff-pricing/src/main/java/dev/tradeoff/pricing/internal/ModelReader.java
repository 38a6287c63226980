package dev.tradeoff.pricing.internal;

import dev.tradeoff.pricing.DataResidency;
import dev.tradeoff.pricing.ImmutableModelPrice;
import dev.tradeoff.pricing.ImmutableTokenRates;
import dev.tradeoff.pricing.LongContextTier;
import dev.tradeoff.pricing.ModelPrice;
import dev.tradeoff.pricing.PricingException;
import dev.tradeoff.pricing.Provenance;
import dev.tradeoff.pricing.TokenClass;
import dev.tradeoff.pricing.TokenRates;
import dev.tradeoff.pricing.internal.JsonTree.Kind;
import dev.tradeoff.pricing.internal.JsonTree.Node;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/** Reads {@link ModelPrice} entries of the library's own catalog format with located errors. */
public final class ModelReader {

  private ModelReader() {}

  /** Reads one model entry. */
  public static ModelPrice read(Node node, String file) {
    Fields f = new Fields(node, file, null);
    String id = f.string("id");
    f.model(id);
    ImmutableModelPrice.Builder b = ModelPrice.builder().id(id);
    f.optString("provider").ifPresent(b::provider);
    f.optString("displayName").ifPresent(b::displayName);
    b.addAllAliases(f.strings("aliases"));
    Fields rates = f.object("rates");
    if (rates == null) {
      throw f.missing("rates");
    }
    // An empty object is allowed and means "no token prices" (such a model can never be billed, not even $0).
    b.rates(rates(rates));
    Fields batch = f.object("batchRates");
    if (batch != null) {
      b.batchRates(rates(batch));
    }
    Node discount = f.child("batchDiscount");
    if (discount != null) {
      BigDecimal d = f.nonNegative(discount, "batchDiscount");
      if (d.compareTo(BigDecimal.ONE) >= 0) {
        throw f.error(discount, "`batchDiscount` must be in [0, 1), but was " + d.toPlainString());
      }
      b.batchDiscount(d);
    }
    Fields flex = f.object("flexRates");
    if (flex != null) {
      b.flexRates(rates(flex));
    }
    Fields priority = f.object("priorityRates");
    if (priority != null) {
      b.priorityRates(rates(priority));
    }
    long previous = 0;
    for (Node tierNode : f.objects("longContextTiers")) {
      Fields t = new Fields(tierNode, file, id);
      long threshold = t.longValue("thresholdInputTokens", 1);
      if (threshold <= previous) {
        throw t.error(t.child("thresholdInputTokens"), "`thresholdInputTokens` must be greater than the previous"
            + " tier's " + previous + ", but was " + threshold);
      }
      previous = threshold;
      Fields tr = t.object("rates");
      if (tr == null) {
        throw t.missing("rates");
      }
      b.addLongContextTier(LongContextTier.of(threshold, rates(tr)));
      t.done();
    }
    Fields uplifts = f.object("residencyUplifts");
    if (uplifts != null) {
      for (Map.Entry<String, Node> e : uplifts.node().fields().entrySet()) {
        DataResidency residency;
        try {
          residency = DataResidency.valueOf(e.getKey().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
          throw uplifts.error(e.getValue(), "`residencyUplifts` key must be US or EU, but was " + e.getKey());
        }
        BigDecimal factor = uplifts.positive(e.getKey());
        if (residency == DataResidency.GLOBAL) {
          throw uplifts.error(e.getValue(), "`residencyUplifts` must not list GLOBAL (it is the base price)");
        }
        b.putResidencyUplift(residency, factor);
      }
    }
    f.optLong("maxInputTokens", 1).ifPresent(b::maxInputTokens);
    f.optLong("maxOutputTokens", 1).ifPresent(b::maxOutputTokens);
    f.optDate("deprecationDate").ifPresent(b::deprecationDate);
    b.addAllCapabilities(f.strings("capabilities"));
    Fields source = f.object("source");
    if (source == null) {
      throw f.missing("source");
    }
    b.source(provenance(source));
    f.done();
    try {
      return b.build();
    } catch (PricingException e) {
      throw f.wrap(e);
    }
  }

  /** Reads a rates object; explicit nulls and non-numbers are errors, unknown keys too. */
  public static TokenRates rates(Fields f) {
    ImmutableTokenRates.Builder b = TokenRates.builder();
    for (TokenClass c : TokenClass.values()) {
      String key = TokenRates.fieldName(c);
      Node n = f.node().get(key);
      if (n == null) {
        f.child(key);
        continue;
      }
      if (n.kind() == Kind.NULL) {
        throw f.error(n, "`" + key + "` must be a number >= 0, but was null (omit the key if there is no price)");
      }
      BigDecimal rate = f.price(key);
      switch (c) {
        case INPUT: b.inputPerMillion(rate); break;
        case CACHE_READ: b.cacheReadPerMillion(rate); break;
        case CACHE_WRITE_5M: b.cacheWrite5mPerMillion(rate); break;
        case CACHE_WRITE_1H: b.cacheWrite1hPerMillion(rate); break;
        case OUTPUT: b.outputPerMillion(rate); break;
        case REASONING: b.reasoningPerMillion(rate); break;
        default: throw new AssertionError(c);
      }
    }
    f.done();
    return b.build();
  }

  /** Reads a provenance object. */
  public static Provenance provenance(Fields f) {
    String asOf = f.string("asOf");
    if (!Provenance.AS_OF.matcher(asOf).matches()) {
      throw f.error(f.child("asOf"), "`asOf` must be yyyy, yyyy-MM or yyyy-MM-dd, but was \"" + asOf + "\"");
    }
    dev.tradeoff.pricing.ImmutableProvenance.Builder b = Provenance.builder()
        .source(f.string("source"))
        .asOf(asOf)
        .secondary(f.bool("secondary", false))
        .addAllNotes(f.strings("notes"));
    f.done();
    try {
      return b.build();
    } catch (PricingException e) {
      throw f.wrap(e);
    }
  }
}
