package dev.tradeoff.pricing.internal;

import dev.tradeoff.pricing.CatalogFormatException;
import dev.tradeoff.pricing.DataResidency;
import dev.tradeoff.pricing.ImmutableModelPrice;
import dev.tradeoff.pricing.ImmutableTokenRates;
import dev.tradeoff.pricing.LongContextTier;
import dev.tradeoff.pricing.ModelPrice;
import dev.tradeoff.pricing.Money;
import dev.tradeoff.pricing.PriceCatalog;
import dev.tradeoff.pricing.PricingException;
import dev.tradeoff.pricing.Provenance;
import dev.tradeoff.pricing.TokenClass;
import dev.tradeoff.pricing.TokenRates;
import dev.tradeoff.pricing.catalog.LoadMode;
import dev.tradeoff.pricing.catalog.LoadResult;
import dev.tradeoff.pricing.catalog.SkippedEntry;
import dev.tradeoff.pricing.catalog.UnmappedField;
import dev.tradeoff.pricing.internal.JsonTree.Kind;
import dev.tradeoff.pricing.internal.JsonTree.Node;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Imports LiteLLM's {@code model_prices_and_context_window.json}. See {@code LiteLlmImporter}. */
public final class LiteLlmReader {

  /** Modes of priced text-generation entries. */
  public static final Set<String> TEXT_MODES = Set.of("chat", "completion", "responses");

  /** Where LiteLLM's map lives, the default provenance of entries without their own {@code source}. */
  public static final String LITELLM_URL =
      "https://github.com/BerriAI/litellm/blob/main/model_prices_and_context_window.json";

  private static final Pattern TIER_FIELD = Pattern.compile(
      "^(input_cost_per_token|output_cost_per_token|cache_read_input_token_cost|cache_creation_input_token_cost"
          + "|cache_creation_input_token_cost_above_1hr)_above_(\\d+)k_tokens$");

  /** Plain per-token price fields → class. */
  private static final Map<String, TokenClass> BASE = Map.of(
      "input_cost_per_token", TokenClass.INPUT,
      "output_cost_per_token", TokenClass.OUTPUT,
      "cache_read_input_token_cost", TokenClass.CACHE_READ,
      "cache_creation_input_token_cost", TokenClass.CACHE_WRITE_5M,
      "cache_creation_input_token_cost_above_1hr", TokenClass.CACHE_WRITE_1H,
      "output_cost_per_reasoning_token", TokenClass.REASONING);

  private static final Map<String, TokenClass> BATCH = Map.of(
      "input_cost_per_token_batches", TokenClass.INPUT,
      "output_cost_per_token_batches", TokenClass.OUTPUT);

  private static final Map<String, TokenClass> FLEX = Map.of(
      "input_cost_per_token_flex", TokenClass.INPUT,
      "output_cost_per_token_flex", TokenClass.OUTPUT,
      "cache_read_input_token_cost_flex", TokenClass.CACHE_READ,
      "cache_creation_input_token_cost_flex", TokenClass.CACHE_WRITE_5M);

  private static final Map<String, TokenClass> PRIORITY = Map.of(
      "input_cost_per_token_priority", TokenClass.INPUT,
      "output_cost_per_token_priority", TokenClass.OUTPUT,
      "cache_read_input_token_cost_priority", TokenClass.CACHE_READ,
      "cache_creation_input_token_cost_priority", TokenClass.CACHE_WRITE_5M);

  /** LiteLLM provider names → canonical provider prefixes. */
  private static final Map<String, String> PROVIDERS = Map.of(
      "bedrock_converse", "bedrock",
      "text-completion-openai", "openai",
      "azure_text", "azure",
      "cohere_chat", "cohere",
      "text-completion-codestral", "codestral",
      "amazon-nova", "amazon_nova");

  private LiteLlmReader() {}

  static String provider(String litellmProvider) {
    String p = litellmProvider.toLowerCase(Locale.ROOT);
    if (p.startsWith("vertex_ai")) {
      return "vertex_ai";
    }
    return PROVIDERS.getOrDefault(p, p);
  }

  /** One entry's mapping before ids are assigned. */
  private static final class Mapped {
    final String key;
    Node node;
    final int line;
    final int column;
    String provider;
    String id;
    ImmutableModelPrice.Builder builder;
    Map<String, BigDecimal> fingerprint;

    Mapped(String key, Node node) {
      this.key = key;
      this.node = node;
      this.line = node.line();
      this.column = node.column();
    }
  }

  public static LoadResult read(InputStream in, String file, String asOf, LoadMode loadMode) {
    if (!Provenance.AS_OF.matcher(asOf).matches()) {
      throw dev.tradeoff.pricing.InvalidValueException.of("asOf", "yyyy, yyyy-MM or yyyy-MM-dd", "\"" + asOf + "\"");
    }
    dev.tradeoff.pricing.catalog.ImmutableLoadResult.Builder result = LoadResult.builder();
    List<Mapped> mapped = new ArrayList<>();
    List<UnmappedField> unmapped = new ArrayList<>();
    JsonTree.forEachEntry(in, file, (key, node) -> {
      if (node.kind() != Kind.OBJECT) {
        result.addSkipped(SkippedEntry.of(key, "not a model entry (a " + node.kind().name().toLowerCase(Locale.ROOT)
            + ")", node.line(), node.column()));
        return;
      }
      Node modeNode = node.get("mode");
      String mode = modeNode != null && modeNode.kind() == Kind.STRING ? modeNode.text() : null;
      if (key.equals("sample_spec") || key.equals("fallback_generalizations")) {
        result.addSkipped(SkippedEntry.of(key, "LiteLLM documentation entry, not a model", node.line(), node.column()));
        return;
      }
      if (mode == null || !TEXT_MODES.contains(mode)) {
        result.addSkipped(SkippedEntry.of(key, "mode " + (mode == null ? "missing" : "'" + mode + "'")
            + " is not a token-priced text-generation mode (chat, completion, responses)", node.line(), node.column()));
        return;
      }
      Mapped m = new Mapped(key, node);
      List<UnmappedField> entryUnmapped = new ArrayList<>();
      try {
        map(m, file, asOf, entryUnmapped);
        m.node = null; // the entry's tree is no longer needed
        mapped.add(m);
        unmapped.addAll(entryUnmapped);
      } catch (CatalogFormatException ex) {
        if (loadMode == LoadMode.STRICT) {
          throw ex;
        }
        result.addSkipped(SkippedEntry.of(key, ex.problem(), ex.line(), ex.column()));
      }
    });
    result.addAllUnmapped(unmapped);
    assignIds(mapped, result);
    List<ModelPrice> models = new ArrayList<>();
    for (Mapped m : mapped) {
      try {
        models.add(m.builder.id(m.id).build());
      } catch (PricingException ex) {
        String problem = ex instanceof dev.tradeoff.pricing.InvalidValueException
            ? ((dev.tradeoff.pricing.InvalidValueException) ex).problem() : ex.getMessage();
        CatalogFormatException located = CatalogFormatException.of(problem, file, m.line, m.column, m.key,
            m.id, ex);
        if (loadMode == LoadMode.STRICT) {
          throw located;
        }
        result.addSkipped(SkippedEntry.of(m.key, problem, m.line, m.column));
      }
    }
    return result.catalog(PriceCatalog.of(models)).build();
  }

  private static void map(Mapped m, String file, String asOf, List<UnmappedField> unmapped) {
    Fields f = new Fields(m.node, file, m.key);
    String litellmProvider = f.optString("litellm_provider").orElseThrow(() -> f.missing("litellm_provider"));
    m.provider = provider(litellmProvider);
    f.string("mode");
    ImmutableModelPrice.Builder b = ModelPrice.builder().provider(m.provider);
    Map<TokenClass, BigDecimal> base = new EnumMap<>(TokenClass.class);
    Map<TokenClass, BigDecimal> batch = new EnumMap<>(TokenClass.class);
    Map<TokenClass, BigDecimal> flex = new EnumMap<>(TokenClass.class);
    Map<TokenClass, BigDecimal> priority = new EnumMap<>(TokenClass.class);
    Map<Long, Map<TokenClass, BigDecimal>> tiers = new TreeMap<>();
    Map<String, BigDecimal> fingerprint = new TreeMap<>();
    List<String> notes = new ArrayList<>();
    Map<DataResidency, BigDecimal> uplifts = new EnumMap<>(DataResidency.class);
    OptionalLongBox maxInput = new OptionalLongBox();
    OptionalLongBox maxOutput = new OptionalLongBox();
    Long maxTokens = null;
    for (Map.Entry<String, Node> e : m.node.fields().entrySet()) {
      String field = e.getKey();
      Node v = e.getValue();
      if (field.equals("litellm_provider") || field.equals("mode")) {
        continue;
      }
      if (v.kind() == Kind.NULL) {
        f.child(field);
        continue;
      }
      // Only *_above_Nk_tokens fields can be tiers; skip the regex for the other ~95% of fields.
      Matcher tier = field.contains("_above_") ? TIER_FIELD.matcher(field) : null;
      if (BASE.containsKey(field)) {
        base.put(BASE.get(field), perMillion(f, field, fingerprint));
      } else if (field.equals("input_cost_per_token_cache_hit")) {
        BigDecimal hit = perMillion(f, field, fingerprint);
        BigDecimal listed = base.get(TokenClass.CACHE_READ);
        if (listed == null || listed.compareTo(hit) == 0) {
          base.put(TokenClass.CACHE_READ, hit);
        } else {
          unmapped.add(UnmappedField.of(m.key, field, v.text() + " (differs from cache_read_input_token_cost)"));
        }
      } else if (BATCH.containsKey(field)) {
        batch.put(BATCH.get(field), perMillion(f, field, fingerprint));
      } else if (FLEX.containsKey(field)) {
        flex.put(FLEX.get(field), perMillion(f, field, fingerprint));
      } else if (PRIORITY.containsKey(field)) {
        priority.put(PRIORITY.get(field), perMillion(f, field, fingerprint));
      } else if (tier != null && tier.matches()) {
        long threshold = Long.parseLong(tier.group(2)) * 1000;
        TokenClass c = tier.group(1).equals("cache_creation_input_token_cost_above_1hr")
            ? TokenClass.CACHE_WRITE_1H : BASE.get(tier.group(1));
        tiers.computeIfAbsent(threshold, t -> new EnumMap<>(TokenClass.class)).put(c, perMillion(f, field, fingerprint));
      } else if (field.equals("tiered_pricing")) {
        if (!mapTieredPricing(f, v, base, tiers, fingerprint, notes)) {
          unmapped.add(UnmappedField.of(m.key, field, abbreviate(v)));
        }
      } else if (field.equals("regional_processing_uplift_multiplier_us")) {
        uplifts.put(DataResidency.US, f.positive(field));
      } else if (field.equals("regional_processing_uplift_multiplier_eu")) {
        uplifts.put(DataResidency.EU, f.positive(field));
      } else if (field.equals("provider_specific_entry") && v.kind() == Kind.OBJECT) {
        f.child(field);
        for (Map.Entry<String, Node> pe : v.fields().entrySet()) {
          if (pe.getKey().equals("us") && pe.getValue().kind() == Kind.NUMBER && pe.getValue().number().signum() > 0) {
            uplifts.putIfAbsent(DataResidency.US, pe.getValue().number());
          } else {
            unmapped.add(UnmappedField.of(m.key, field + "." + pe.getKey(), pe.getValue().text()));
          }
        }
      } else if (field.startsWith("max_") && field.endsWith("_tokens") && v.kind() == Kind.NUMBER
          && v.number().signum() <= 0) {
        // A context size of 0 is not a usable limit (LiteLLM uses it for "unknown" on a few entries).
        f.child(field);
        unmapped.add(UnmappedField.of(m.key, field, v.text() + " (not a usable token limit)"));
      } else if (field.equals("max_input_tokens") && v.kind() == Kind.NUMBER) {
        maxInput.set(positiveLong(f, field));
      } else if (field.equals("max_output_tokens") && v.kind() == Kind.NUMBER) {
        maxOutput.set(positiveLong(f, field));
      } else if (field.equals("max_tokens") && v.kind() == Kind.NUMBER) {
        maxTokens = positiveLong(f, field);
      } else if (field.startsWith("supports_") && v.kind() == Kind.BOOLEAN) {
        f.child(field);
        if (v.bool()) {
          b.addCapability(field.substring("supports_".length()));
        }
      } else if (field.equals("source") && v.kind() == Kind.STRING) {
        f.child(field);
      } else if (field.equals("deprecation_date") && v.kind() == Kind.STRING) {
        f.child(field);
        try {
          b.deprecationDate(LocalDate.parse(v.text()));
        } catch (DateTimeParseException ex) {
          unmapped.add(UnmappedField.of(m.key, field, "\"" + v.text() + "\" (not a yyyy-MM-dd date)"));
        }
      } else if (field.equals("comment") && v.kind() == Kind.STRING) {
        f.child(field);
        notes.add(v.text());
      } else {
        f.child(field);
        unmapped.add(UnmappedField.of(m.key, field, abbreviate(v)));
      }
    }
    b.rates(rates(base));
    if (!batch.isEmpty()) {
      b.batchRates(rates(batch));
      inferBatchDiscount(base, batch).ifPresent(d -> {
        b.batchDiscount(d);
        notes.add("batch discount " + d.toPlainString() + " inferred: the batch input and output prices are both "
            + BigDecimal.ONE.subtract(d).toPlainString() + " x standard; it also applies to cache classes and"
            + " long-context tiers");
      });
    }
    if (!flex.isEmpty()) {
      b.flexRates(rates(flex));
    }
    if (!priority.isEmpty()) {
      b.priorityRates(rates(priority));
    }
    for (Map.Entry<Long, Map<TokenClass, BigDecimal>> t : tiers.entrySet()) {
      b.addLongContextTier(LongContextTier.of(t.getKey(), rates(t.getValue())));
    }
    b.putAllResidencyUplifts(uplifts);
    if (maxInput.present) {
      b.maxInputTokens(maxInput.value);
    }
    if (maxOutput.present) {
      b.maxOutputTokens(maxOutput.value);
    } else if (maxTokens != null) {
      b.maxOutputTokens(maxTokens);
      notes.add("max output tokens from the legacy max_tokens field");
    }
    if (maxTokens != null && maxOutput.present && maxTokens != maxOutput.value
        && !(maxInput.present && maxTokens == maxInput.value)) {
      unmapped.add(UnmappedField.of(m.key, "max_tokens", maxTokens + " (differs from max_output_tokens "
          + maxOutput.value + ")"));
    }
    String source = m.node.get("source") != null && m.node.get("source").kind() == Kind.STRING
        ? m.node.get("source").text() + " (via LiteLLM " + LITELLM_URL + ", key " + m.key + ")"
        : LITELLM_URL + " (key " + m.key + ")";
    b.source(Provenance.builder().source(source).asOf(asOf).addAllNotes(notes).build());
    m.builder = b;
    m.fingerprint = fingerprint;
  }

  /**
   * The batch discount when the batch input and output prices are the same fraction of the standard ones (OpenAI,
   * Azure, Gemini: 50%), so that cache reads in batch are discounted like the rest instead of falling back to the
   * batch input rate.
   */
  static java.util.Optional<BigDecimal> inferBatchDiscount(
      Map<TokenClass, BigDecimal> base, Map<TokenClass, BigDecimal> batch) {
    BigDecimal in = base.get(TokenClass.INPUT);
    BigDecimal out = base.get(TokenClass.OUTPUT);
    BigDecimal bin = batch.get(TokenClass.INPUT);
    BigDecimal bout = batch.get(TokenClass.OUTPUT);
    if (in == null || out == null || bin == null || bout == null || in.signum() == 0 || out.signum() == 0) {
      return java.util.Optional.empty();
    }
    BigDecimal ratioIn = bin.divide(in, java.math.MathContext.DECIMAL64);
    BigDecimal ratioOut = bout.divide(out, java.math.MathContext.DECIMAL64);
    if (ratioIn.compareTo(ratioOut) != 0 || ratioIn.signum() <= 0 || ratioIn.compareTo(BigDecimal.ONE) >= 0) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(Money.normalize(BigDecimal.ONE.subtract(ratioIn)));
  }

  private static final class OptionalLongBox {
    boolean present;
    long value;

    void set(long v) {
      present = true;
      value = v;
    }
  }

  private static long positiveLong(Fields f, String field) {
    Node n = f.child(field);
    BigDecimal v = f.decimal(n, field);
    if (v.signum() <= 0) {
      throw f.error(n, "`" + field + "` must be > 0, but was " + v.toPlainString());
    }
    return v.setScale(0, java.math.RoundingMode.CEILING).longValueExact();
  }

  /** {@code tiered_pricing}: [{input/output per token, range [from, to]}] → base rates and tiers. */
  private static boolean mapTieredPricing(
      Fields f, Node v, Map<TokenClass, BigDecimal> base, Map<Long, Map<TokenClass, BigDecimal>> tiers,
      Map<String, BigDecimal> fingerprint, List<String> notes) {
    f.child("tiered_pricing");
    if (v.kind() != Kind.ARRAY || v.items().isEmpty()) {
      return false;
    }
    Map<Long, Map<TokenClass, BigDecimal>> ranges = new TreeMap<>();
    for (Node range : v.items()) {
      if (range.kind() != Kind.OBJECT) {
        return false;
      }
      Node bounds = range.get("range");
      if (bounds == null || bounds.kind() != Kind.ARRAY || bounds.items().size() != 2
          || bounds.items().get(0).kind() != Kind.NUMBER) {
        return false;
      }
      long from = bounds.items().get(0).number().longValue();
      Map<TokenClass, BigDecimal> rates = new EnumMap<>(TokenClass.class);
      for (Map.Entry<String, Node> e : range.fields().entrySet()) {
        if (e.getKey().equals("range")) {
          continue;
        }
        TokenClass c = BASE.get(e.getKey());
        if (c == null || e.getValue().kind() != Kind.NUMBER) {
          return false;
        }
        Fields rf = new Fields(range, f.file(), f.modelId());
        rates.put(c, perMillion(rf, e.getKey(), fingerprint, "tiered_pricing[" + from + "]."));
      }
      ranges.put(from, rates);
    }
    if (!ranges.containsKey(0L) || !base.isEmpty()) {
      return false;
    }
    base.putAll(ranges.remove(0L));
    for (Map.Entry<Long, Map<TokenClass, BigDecimal>> r : ranges.entrySet()) {
      tiers.put(r.getKey(), r.getValue());
    }
    notes.add("tiered_pricing ranges mapped to long-context tiers: a prompt above a range's start is priced"
        + " entirely at that range's rates");
    return true;
  }

  private static BigDecimal perMillion(Fields f, String field, Map<String, BigDecimal> fingerprint) {
    return perMillion(f, field, fingerprint, "");
  }

  private static BigDecimal perMillion(
      Fields f, String field, Map<String, BigDecimal> fingerprint, String prefix) {
    Node n = f.child(field);
    if (n.kind() != Kind.NUMBER) {
      throw f.error(n, "`" + field + "` must be a number, but was " + (n.kind() == Kind.STRING ? "\"" + n.text() + "\"" : n.text()));
    }
    BigDecimal perToken = n.number();
    if (perToken.signum() < 0) {
      throw f.error(n, "`" + field + "` must be >= 0, but was " + perToken.toPlainString());
    }
    BigDecimal pm = Money.perMillion(perToken);
    fingerprint.put(prefix + field, pm);
    return pm;
  }

  private static TokenRates rates(Map<TokenClass, BigDecimal> m) {
    ImmutableTokenRates.Builder b = TokenRates.builder();
    m.forEach((c, r) -> {
      switch (c) {
        case INPUT: b.inputPerMillion(r); break;
        case CACHE_READ: b.cacheReadPerMillion(r); break;
        case CACHE_WRITE_5M: b.cacheWrite5mPerMillion(r); break;
        case CACHE_WRITE_1H: b.cacheWrite1hPerMillion(r); break;
        case OUTPUT: b.outputPerMillion(r); break;
        case REASONING: b.reasoningPerMillion(r); break;
        default: throw new AssertionError(c);
      }
    });
    return b.build();
  }

  private static String abbreviate(Node v) {
    String t;
    if (v.kind() == Kind.OBJECT) {
      t = "{" + String.join(", ", v.fields().keySet()) + "}";
    } else if (v.kind() == Kind.ARRAY) {
      t = "[" + v.items().size() + " items]";
    } else {
      t = v.kind() == Kind.STRING ? "\"" + v.text() + "\"" : v.text();
    }
    return t.length() > 120 ? t.substring(0, 117) + "..." : t;
  }

  /**
   * Canonical ids: a key that already starts with its provider ({@code azure/gpt-4o}) is its own id; a bare key
   * gets the provider prefix ({@code gpt-4o} → {@code openai/gpt-4o}). When two keys claim one id, the key equal
   * to the id keeps it; the other becomes an alias if priced identically, else gets
   * {@code <provider>/litellm:<key>} so that every entry loads and every key still resolves.
   */
  private static void assignIds(List<Mapped> mapped, dev.tradeoff.pricing.catalog.ImmutableLoadResult.Builder result) {
    Map<String, Mapped> byId = new HashMap<>();
    List<Mapped> later = new ArrayList<>();
    for (Mapped m : mapped) {
      String lower = m.key.toLowerCase(Locale.ROOT);
      int slash = lower.indexOf('/');
      boolean prefixed = slash > 0 && provider(lower.substring(0, slash)).equals(m.provider);
      String id = prefixed ? m.provider + m.key.substring(slash) : m.provider + "/" + m.key;
      m.id = id;
      if (prefixed) {
        putOrDefer(byId, later, m);
      }
    }
    for (Mapped m : mapped) {
      String lower = m.key.toLowerCase(Locale.ROOT);
      int slash = lower.indexOf('/');
      boolean prefixed = slash > 0 && provider(lower.substring(0, slash)).equals(m.provider);
      if (!prefixed) {
        putOrDefer(byId, later, m);
      }
    }
    Map<String, List<String>> aliases = new LinkedHashMap<>();
    List<Mapped> keep = new ArrayList<>();
    for (Mapped m : mapped) {
      if (!later.contains(m)) {
        keep.add(m);
      }
    }
    for (Mapped m : later) {
      Mapped owner = byId.get(m.id.toLowerCase(Locale.ROOT));
      if (sameFingerprint(owner, m)) {
        aliases.computeIfAbsent(owner.id, k -> new ArrayList<>()).add(m.key);
        result.addNote("LiteLLM key '" + m.key + "' maps to id " + owner.id + ", priced identically to key '"
            + owner.key + "': loaded as an alias of it");
      } else {
        String id = m.provider + "/litellm:" + m.key;
        result.addNote("LiteLLM key '" + m.key + "' maps to id " + m.id + ", which key '" + owner.key
            + "' holds with different prices: loaded as " + id);
        m.id = id;
        keep.add(m);
      }
    }
    for (Mapped m : keep) {
      if (!m.id.equalsIgnoreCase(m.key)) {
        m.builder.addAliases(m.key);
      }
      List<String> extra = aliases.get(m.id);
      if (extra != null) {
        m.builder.addAllAliases(extra);
      }
    }
    mapped.clear();
    mapped.addAll(keep);
  }

  private static void putOrDefer(Map<String, Mapped> byId, List<Mapped> later, Mapped m) {
    String k = m.id.toLowerCase(Locale.ROOT);
    if (byId.containsKey(k)) {
      later.add(m);
    } else {
      byId.put(k, m);
    }
  }

  private static boolean sameFingerprint(Mapped a, Mapped b) {
    Map<String, BigDecimal> fa = a.fingerprint;
    Map<String, BigDecimal> fb = b.fingerprint;
    if (!fa.keySet().equals(fb.keySet())) {
      return false;
    }
    for (Map.Entry<String, BigDecimal> e : fa.entrySet()) {
      if (e.getValue().compareTo(fb.get(e.getKey())) != 0) {
        return false;
      }
    }
    return true;
  }
}
