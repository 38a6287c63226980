package dev.tradeoff.pricing.internal;

import dev.tradeoff.pricing.CatalogFormatException;
import dev.tradeoff.pricing.PricingException;
import dev.tradeoff.pricing.internal.JsonTree.Kind;
import dev.tradeoff.pricing.internal.JsonTree.Node;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Typed, located access to the fields of one JSON object. Every failure is a {@link CatalogFormatException}
 * naming the file, line, column, key path and model; {@link #done()} rejects keys nobody read (typos).
 */
public final class Fields {

  private final Node object;
  private final String file;
  private String modelId;
  private String entry;
  private final Set<String> read = new HashSet<>();

  public Fields(Node object, String file, String modelId) {
    this.object = object;
    this.file = file;
    this.modelId = modelId;
    this.entry = modelId == null ? null : "model " + modelId;
    if (object.kind() != Kind.OBJECT) {
      throw error(object, "expected a JSON object, but was " + object.kind().name().toLowerCase() + " "
          + object.text());
    }
  }

  /** Sets the model id used in later messages. */
  public Fields model(String id) {
    this.modelId = id;
    this.entry = "model " + id;
    return this;
  }

  /** Names a non-model entry in later messages, for example {@code instance aws/p5.48xlarge}. */
  public Fields entry(String label) {
    this.modelId = null;
    this.entry = label;
    return this;
  }

  public Node node() {
    return object;
  }

  public String file() {
    return file;
  }

  public String modelId() {
    return modelId;
  }

  /** Whether the key is present and not null. */
  public boolean has(String key) {
    Node n = object.get(key);
    return n != null && n.kind() != Kind.NULL;
  }

  /** The child node, marking it read; {@code null} if absent or null. */
  public Node child(String key) {
    read.add(key);
    Node n = object.get(key);
    return n == null || n.kind() == Kind.NULL ? null : n;
  }

  public String string(String key) {
    Node n = child(key);
    if (n == null) {
      throw missing(key);
    }
    return asString(n, key);
  }

  public Optional<String> optString(String key) {
    Node n = child(key);
    return n == null ? Optional.empty() : Optional.of(asString(n, key));
  }

  private String asString(Node n, String key) {
    if (n.kind() != Kind.STRING) {
      throw error(n, "`" + key + "` must be a string, but was " + n.text());
    }
    return n.text();
  }

  /** A required non-negative decimal (a price). */
  public BigDecimal price(String key) {
    Node n = child(key);
    if (n == null) {
      throw missing(key);
    }
    return nonNegative(n, key);
  }

  /** An optional non-negative decimal (a price). */
  public Optional<BigDecimal> optPrice(String key) {
    Node n = child(key);
    return n == null ? Optional.empty() : Optional.of(nonNegative(n, key));
  }

  public BigDecimal nonNegative(Node n, String key) {
    BigDecimal v = decimal(n, key);
    if (v.signum() < 0) {
      throw error(n, "`" + key + "` must be >= 0, but was " + v.toPlainString());
    }
    return v;
  }

  /** A required decimal of any sign. */
  public BigDecimal decimal(Node n, String key) {
    if (n.kind() != Kind.NUMBER) {
      throw error(n, "`" + key + "` must be a number, but was " + quoted(n));
    }
    return n.number();
  }

  public Optional<BigDecimal> optDecimal(String key) {
    Node n = child(key);
    return n == null ? Optional.empty() : Optional.of(decimal(n, key));
  }

  /** A required decimal {@code > 0}. */
  public BigDecimal positive(String key) {
    Node n = child(key);
    if (n == null) {
      throw missing(key);
    }
    BigDecimal v = decimal(n, key);
    if (v.signum() <= 0) {
      throw error(n, "`" + key + "` must be > 0, but was " + v.toPlainString());
    }
    return v;
  }

  public Optional<BigDecimal> optPositive(String key) {
    return has(key) ? Optional.of(positive(key)) : Optional.empty();
  }

  /** A required whole number {@code >= min}. */
  public long longValue(String key, long min) {
    Node n = child(key);
    if (n == null) {
      throw missing(key);
    }
    return asLong(n, key, min);
  }

  public OptionalLong optLong(String key, long min) {
    Node n = child(key);
    return n == null ? OptionalLong.empty() : OptionalLong.of(asLong(n, key, min));
  }

  private long asLong(Node n, String key, long min) {
    BigDecimal v = decimal(n, key);
    long l;
    try {
      l = v.stripTrailingZeros().longValueExact();
    } catch (ArithmeticException e) {
      throw error(n, "`" + key + "` must be a whole number, but was " + v.toPlainString());
    }
    if (l < min) {
      throw error(n, "`" + key + "` must be >= " + min + ", but was " + l);
    }
    return l;
  }

  public double doubleValue(String key, double min) {
    Node n = child(key);
    if (n == null) {
      throw missing(key);
    }
    return asDouble(n, key, min);
  }

  public Optional<Double> optDouble(String key, double min) {
    Node n = child(key);
    return n == null ? Optional.empty() : Optional.of(asDouble(n, key, min));
  }

  private double asDouble(Node n, String key, double min) {
    double d = decimal(n, key).doubleValue();
    if (!Double.isFinite(d) || d < min) {
      throw error(n, "`" + key + "` must be >= " + min + " and finite, but was " + n.text());
    }
    return d;
  }

  public boolean bool(String key, boolean defaultValue) {
    Node n = child(key);
    if (n == null) {
      return defaultValue;
    }
    if (n.kind() != Kind.BOOLEAN) {
      throw error(n, "`" + key + "` must be true or false, but was " + quoted(n));
    }
    return n.bool();
  }

  public Optional<LocalDate> optDate(String key) {
    Node n = child(key);
    if (n == null) {
      return Optional.empty();
    }
    String s = asString(n, key);
    try {
      return Optional.of(LocalDate.parse(s));
    } catch (DateTimeParseException e) {
      throw error(n, "`" + key + "` must be a date yyyy-MM-dd, but was \"" + s + "\"");
    }
  }

  /** A string array (absent = empty). */
  public List<String> strings(String key) {
    Node n = child(key);
    List<String> out = new ArrayList<>();
    if (n == null) {
      return out;
    }
    if (n.kind() != Kind.ARRAY) {
      throw error(n, "`" + key + "` must be an array of strings, but was " + n.text());
    }
    for (Node item : n.items()) {
      out.add(asString(item, key + "[]"));
    }
    return out;
  }

  /** An array of objects (absent = empty). */
  public List<Node> objects(String key) {
    Node n = child(key);
    if (n == null) {
      return List.of();
    }
    if (n.kind() != Kind.ARRAY) {
      throw error(n, "`" + key + "` must be an array, but was " + n.text());
    }
    return n.items();
  }

  /** Fields of a nested object, or {@code null} if absent. */
  public Fields object(String key) {
    Node n = child(key);
    if (n == null) {
      return null;
    }
    Fields nested = new Fields(n, file, modelId);
    nested.entry = entry;
    return nested;
  }

  /** Rejects keys nobody read. */
  public void done() {
    for (Node n : object.fields().values()) {
      if (!read.contains(n.name())) {
        throw error(n, "unknown key `" + n.name() + "`");
      }
    }
  }

  /** Keys not read so far. */
  public List<String> unread() {
    List<String> out = new ArrayList<>();
    for (String k : object.fields().keySet()) {
      if (!read.contains(k)) {
        out.add(k);
      }
    }
    return out;
  }

  public CatalogFormatException missing(String key) {
    return CatalogFormatException.of("`" + key + "` must be present, but was missing", file,
        object.line(), object.column(), object.childPath(key), modelId, entry, null);
  }

  public CatalogFormatException error(Node at, String problem) {
    return CatalogFormatException.of(problem, file, at.line(), at.column(), at.path(), modelId, entry, null);
  }

  /** Wraps a value-type invariant violation with this object's location. */
  public CatalogFormatException wrap(PricingException e) {
    String key = e.field().map(object::childPath).orElse(object.path());
    String problem = e instanceof dev.tradeoff.pricing.InvalidValueException
        ? ((dev.tradeoff.pricing.InvalidValueException) e).problem() : e.getMessage();
    return CatalogFormatException.of(problem, file, object.line(), object.column(), key, modelId, entry, e);
  }

  private static String quoted(Node n) {
    return n.kind() == Kind.STRING ? "\"" + n.text() + "\"" : n.text();
  }
}
