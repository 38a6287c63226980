package dev.tradeoff.pricing.internal;

import dev.tradeoff.pricing.InvalidValueException;
import dev.tradeoff.pricing.ModelPrice;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Model-id resolution: canonical ids, aliases, provider synonyms and prefixes, and dated or versioned
 * snapshot names, in that order. A snapshot resolves to its undated entry only if the catalog has no entry
 * for the snapshot itself (a snapshot priced differently must be listed explicitly).
 */
public final class ModelIndex {

  private static final Map<String, String> PROVIDER_SYNONYMS = Map.ofEntries(
      Map.entry("aws-bedrock", "bedrock"), Map.entry("amazon-bedrock", "bedrock"), Map.entry("aws", "bedrock"),
      Map.entry("bedrock_converse", "bedrock"),
      Map.entry("azure-openai", "azure"), Map.entry("azure_openai", "azure"),
      Map.entry("google-vertex", "vertex_ai"), Map.entry("vertex", "vertex_ai"),
      Map.entry("vertex_ai-language-models", "vertex_ai"),
      Map.entry("google", "gemini"), Map.entry("google-gemini-api", "gemini"), Map.entry("models", "gemini"),
      Map.entry("together", "together_ai"), Map.entry("togetherai", "together_ai"),
      Map.entry("fireworks", "fireworks_ai"), Map.entry("fireworksai", "fireworks_ai"),
      Map.entry("mistralai", "mistral"), Map.entry("claude", "anthropic"));

  private static final Pattern BEDROCK_SYNTAX = Pattern.compile(
      "^(?:(?:us|eu|apac|au|jp|ca|global|us-gov)\\.)?"
          + "(?:anthropic|meta|amazon|mistral|cohere|ai21|deepseek|qwen|openai|writer|twelvelabs|moonshotai)\\..+");
  private static final Pattern OPENAI = Pattern.compile("^(?:gpt-|o\\d|chatgpt-|codex-|computer-use).*");
  private static final Pattern ANTHROPIC = Pattern.compile("^claude-.*");
  private static final Pattern GEMINI = Pattern.compile("^gemini-.*");
  private static final Pattern MISTRAL =
      Pattern.compile("^(?:mistral-|codestral-|open-mixtral|open-mistral|ministral-|pixtral-|magistral-|devstral-).*");
  private static final Pattern DEEPSEEK = Pattern.compile("^deepseek-.*");

  private static final Pattern BEDROCK_VERSION = Pattern.compile("-v\\d+(?::\\d+)?$");
  private static final Pattern VERTEX_VERSION = Pattern.compile("@[a-z0-9-]+$");
  private static final Pattern ISO_DATE = Pattern.compile("-\\d{4}-\\d{2}-\\d{2}$");
  private static final Pattern COMPACT_DATE = Pattern.compile("-20\\d{6}$");

  private final List<ModelPrice> models;
  private final Map<String, ModelPrice> byKey = new HashMap<>();

  public ModelIndex(Collection<? extends ModelPrice> entries) {
    List<ModelPrice> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparing(m -> m.id().toLowerCase(Locale.ROOT)));
    for (ModelPrice m : sorted) {
      ModelPrice previous = byKey.put(key(m.id()), m);
      if (previous != null) {
        throw InvalidValueException.of("id", "unique in the catalog (also used by " + previous.id() + ")",
            m.id(), m.id(), null);
      }
    }
    for (ModelPrice m : sorted) {
      for (String alias : m.aliases()) {
        ModelPrice previous = byKey.putIfAbsent(key(alias), m);
        if (previous != null && previous != m) {
          throw InvalidValueException.of("aliases", "unique in the catalog (already the "
              + (key(previous.id()).equals(key(alias)) ? "id" : "alias") + " of " + previous.id() + ")",
              alias, m.id(), null);
        }
      }
    }
    this.models = List.copyOf(sorted);
  }

  public List<ModelPrice> models() {
    return models;
  }

  /** Resolves a model id as described in the class comment. */
  public Optional<ModelPrice> find(String query) {
    if (query == null || query.isBlank()) {
      throw InvalidValueException.of("model", "a non-blank model id", query == null ? null : "\"" + query + "\"");
    }
    String lower = key(query);
    ModelPrice hit = byKey.get(lower);
    if (hit != null) {
      return Optional.of(hit);
    }
    String provider = null;
    String model = lower;
    int slash = lower.indexOf('/');
    if (slash > 0) {
      String p = lower.substring(0, slash);
      provider = PROVIDER_SYNONYMS.getOrDefault(p, p);
      model = lower.substring(slash + 1);
      hit = byKey.get(provider + "/" + model);
      if (hit != null) {
        return Optional.of(hit);
      }
      // A provider prefix in front of an alias, e.g. "anthropic/claude-3-haiku".
      hit = byKey.get(model);
      if (hit != null && hit.provider().equalsIgnoreCase(provider)) {
        return Optional.of(hit);
      }
    } else {
      provider = inferProvider(lower);
      if (provider != null) {
        hit = byKey.get(provider + "/" + lower);
        if (hit != null) {
          return Optional.of(hit);
        }
      }
    }
    for (String variant : snapshotVariants(model)) {
      if (provider != null) {
        hit = byKey.get(provider + "/" + variant);
        if (hit != null) {
          return Optional.of(hit);
        }
      }
      ModelPrice alias = byKey.get(variant);
      if (alias != null && (provider == null || alias.provider().equalsIgnoreCase(provider))) {
        return Optional.of(alias);
      }
    }
    return Optional.empty();
  }

  static String inferProvider(String model) {
    if (BEDROCK_SYNTAX.matcher(model).matches()) {
      return "bedrock";
    }
    if (OPENAI.matcher(model).matches()) {
      return "openai";
    }
    if (ANTHROPIC.matcher(model).matches()) {
      return "anthropic";
    }
    if (GEMINI.matcher(model).matches()) {
      return "gemini";
    }
    if (MISTRAL.matcher(model).matches()) {
      return "mistral";
    }
    if (DEEPSEEK.matcher(model).matches()) {
      return "deepseek";
    }
    return null;
  }

  /** The model name with version and date suffixes removed step by step, most specific first. */
  static List<String> snapshotVariants(String model) {
    Set<String> out = new LinkedHashSet<>();
    String v = model;
    String[] steps = new String[4];
    v = VERTEX_VERSION.matcher(v).replaceFirst("");
    steps[0] = v;
    v = BEDROCK_VERSION.matcher(v).replaceFirst("");
    steps[1] = v;
    v = ISO_DATE.matcher(v).replaceFirst("");
    steps[2] = v;
    v = COMPACT_DATE.matcher(v).replaceFirst("");
    steps[3] = v;
    for (String s : steps) {
      if (!s.equals(model) && !s.isEmpty()) {
        out.add(s);
      }
    }
    // Bedrock snapshot ids keep the version after the date ("...-20240307-v1:0"): also try date-only removal.
    String noDate = COMPACT_DATE.matcher(BEDROCK_VERSION.matcher(model).replaceFirst("")).replaceFirst("");
    if (!noDate.equals(model)) {
      out.add(noDate);
    }
    return new ArrayList<>(out);
  }

  /** The canonical ids closest to the query by edit distance, best first. */
  public List<String> nearest(String query, int limit) {
    String q = key(query);
    String qModel = q.substring(q.indexOf('/') + 1);
    List<Map.Entry<String, ModelPrice>> keys = new ArrayList<>(byKey.entrySet());
    Map<String, Integer> best = new HashMap<>();
    for (Map.Entry<String, ModelPrice> e : keys) {
      String k = e.getKey();
      String kModel = k.substring(k.indexOf('/') + 1);
      int d = Math.min(distance(q, k), distance(qModel, kModel) + 1);
      best.merge(e.getValue().id(), d, Math::min);
    }
    List<Map.Entry<String, Integer>> ranked = new ArrayList<>(best.entrySet());
    ranked.sort(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
    List<String> out = new ArrayList<>();
    for (int i = 0; i < ranked.size() && i < limit; i++) {
      out.add(ranked.get(i).getKey());
    }
    return out;
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  static String key(String id) {
    return id.trim().toLowerCase(Locale.ROOT);
  }
}
