package dev.tradeoff.pricing.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import dev.tradeoff.pricing.CatalogFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON tree that remembers where each value was in the file, so that every error about a catalog can name
 * the file, line, column and key path. Jackson's own tree model drops locations.
 */
public final class JsonTree {

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private JsonTree() {}

  /** Kinds of JSON values. */
  public enum Kind { OBJECT, ARRAY, STRING, NUMBER, BOOLEAN, NULL }

  /** One value with its location and its path from the root. */
  public static final class Node {
    private final Kind kind;
    private final Node parent;
    private final String name;
    private final int index;
    private final int line;
    private final int column;
    private Map<String, Node> fields = Collections.emptyMap();
    private List<Node> items = Collections.emptyList();
    private String text;
    private BigDecimal number;
    private boolean bool;

    Node(Kind kind, Node parent, String name, int index, JsonLocation at) {
      this.kind = kind;
      this.parent = parent;
      this.name = name;
      this.index = index;
      this.line = at.getLineNr();
      this.column = at.getColumnNr();
    }

    public Kind kind() {
      return kind;
    }

    public int line() {
      return line;
    }

    public int column() {
      return column;
    }

    /** The object's fields in document order (empty for non-objects). */
    public Map<String, Node> fields() {
      return fields;
    }

    /** The array's items (empty for non-arrays). */
    public List<Node> items() {
      return items;
    }

    /** A field of an object, or {@code null}. */
    public Node get(String key) {
      return fields.get(key);
    }

    /** The string value (STRING), or the literal text for other scalars. */
    public String text() {
      switch (kind) {
        case STRING: return text;
        case NUMBER: return number.toString();
        case BOOLEAN: return Boolean.toString(bool);
        case NULL: return "null";
        default: return kind == Kind.OBJECT ? "{...}" : "[...]";
      }
    }

    public BigDecimal number() {
      return number;
    }

    public boolean bool() {
      return bool;
    }

    /** The key this value has in its parent object, or {@code null}. */
    public String name() {
      return name;
    }

    /** The path from the root, for example {@code models[3].rates.inputPerMillion}. */
    public String path() {
      StringBuilder sb = new StringBuilder();
      appendPath(sb);
      return sb.toString();
    }

    private void appendPath(StringBuilder sb) {
      if (parent == null) {
        return;
      }
      parent.appendPath(sb);
      if (name != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(name);
      } else {
        sb.append('[').append(index).append(']');
      }
    }

    /** The path of a (possibly absent) child key. */
    public String childPath(String key) {
      String p = path();
      return p.isEmpty() ? key : p + "." + key;
    }
  }

  /**
   * Parses a whole document.
   *
   * @param in the bytes (UTF-8); not closed
   * @param file the file name for messages
   * @return the root node
   * @throws CatalogFormatException on malformed JSON, with line, column and key
   */
  public static Node parse(InputStream in, String file) {
    try (JsonParser p = FACTORY.createParser(in)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw CatalogFormatException.of("empty document", file, 1, 1, null, null, null);
      }
      Node root = read(p, null, null, -1);
      if (p.nextToken() != null) {
        JsonLocation at = p.currentTokenLocation();
        throw CatalogFormatException.of("trailing content after the JSON document", file,
            at.getLineNr(), at.getColumnNr(), null, null, null);
      }
      return root;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String key = e.getProcessor() instanceof JsonParser ? pathOf(((JsonParser) e.getProcessor()).getParsingContext()) : null;
      throw CatalogFormatException.of("malformed JSON: " + e.getOriginalMessage(), file,
          at == null ? -1 : at.getLineNr(), at == null ? -1 : at.getColumnNr(), key, null, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Receives the entries of a top-level object one at a time. */
  public interface EntryVisitor {
    /**
     * One entry.
     *
     * @param key the entry's key
     * @param value the entry's value, with locations; its path starts at the key
     */
    void entry(String key, Node value);
  }

  /**
   * Streams the entries of a top-level JSON object: each value is built as a located tree, handed to the visitor
   * and dropped, so that a large map (LiteLLM's 1.7 MB) is never held as one tree — less retained memory, less GC.
   *
   * @param in the bytes (UTF-8); not closed
   * @param file the file name for messages
   * @param visitor receives each entry
   * @throws CatalogFormatException on malformed JSON or a document that is not an object
   */
  public static void forEachEntry(InputStream in, String file, EntryVisitor visitor) {
    try (JsonParser p = FACTORY.createParser(in)) {
      JsonToken t = p.nextToken();
      if (t != JsonToken.START_OBJECT) {
        JsonLocation at = p.currentTokenLocation();
        throw CatalogFormatException.of("the document must be a JSON object, but was " + (t == null ? "empty" : t),
            file, at.getLineNr(), at.getColumnNr(), null, null, null);
      }
      Node root = new Node(Kind.OBJECT, null, null, -1, p.currentTokenLocation());
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        p.nextToken();
        visitor.entry(key, read(p, root, key, -1));
      }
      if (p.nextToken() != null) {
        JsonLocation at = p.currentTokenLocation();
        throw CatalogFormatException.of("trailing content after the JSON document", file,
            at.getLineNr(), at.getColumnNr(), null, null, null);
      }
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String key = e.getProcessor() instanceof JsonParser ? pathOf(((JsonParser) e.getProcessor()).getParsingContext()) : null;
      throw CatalogFormatException.of("malformed JSON: " + e.getOriginalMessage(), file,
          at == null ? -1 : at.getLineNr(), at == null ? -1 : at.getColumnNr(), key, null, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static Node read(JsonParser p, Node parent, String name, int index) throws IOException {
    JsonToken t = p.currentToken();
    JsonLocation at = p.currentTokenLocation();
    switch (t) {
      case START_OBJECT: {
        Node n = new Node(Kind.OBJECT, parent, name, index, at);
        Map<String, Node> fields = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          p.nextToken();
          fields.put(key, read(p, n, key, -1));
        }
        n.fields = fields;
        return n;
      }
      case START_ARRAY: {
        Node n = new Node(Kind.ARRAY, parent, name, index, at);
        List<Node> items = new ArrayList<>();
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(read(p, n, null, i++));
        }
        n.items = items;
        return n;
      }
      case VALUE_STRING: {
        Node n = new Node(Kind.STRING, parent, name, index, at);
        n.text = p.getText();
        return n;
      }
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT: {
        Node n = new Node(Kind.NUMBER, parent, name, index, at);
        // Exact decimal of the literal as written (1.5e-07 stays 1.5E-7), never via double.
        n.number = p.getDecimalValue();
        return n;
      }
      case VALUE_TRUE:
      case VALUE_FALSE: {
        Node n = new Node(Kind.BOOLEAN, parent, name, index, at);
        n.bool = t == JsonToken.VALUE_TRUE;
        return n;
      }
      case VALUE_NULL:
        return new Node(Kind.NULL, parent, name, index, at);
      default:
        throw new IllegalStateException("unexpected token " + t);
    }
  }

  private static String pathOf(JsonStreamContext ctx) {
    List<String> parts = new ArrayList<>();
    for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        parts.add("[" + Math.max(0, c.getCurrentIndex()) + "]");
      } else if (c.getCurrentName() != null) {
        parts.add("." + c.getCurrentName());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int i = parts.size() - 1; i >= 0; i--) {
      sb.append(parts.get(i));
    }
    return sb.length() > 0 && sb.charAt(0) == '.' ? sb.substring(1) : sb.toString();
  }
}
