package dev.tradeoff.cli.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Converts the field names of a JSON tree between the command line's snake_case and the library's camelCase, so
 * that {@code tradeoff analyze} reads and writes snake_case while the library's value types keep their own JSON.
 *
 * <pre>{@code
 * Keys.toCamel(tree);   // {"daily_active_users": 1000} -> {"dailyActiveUsers": 1000}
 * Keys.toSnake(tree);   // {"monthlyCostUsd": "1.5"}    -> {"monthly_cost_usd": "1.5"}
 * }</pre>
 *
 * <p>Only names that look like identifiers are touched ({@code lower_snake} one way, {@code lowerCamel} the other):
 * enum constants ({@code P95_TTFT_MS}) and free names such as candidate names ({@code "GPT-4o-mini"}) are kept.
 */
public final class Keys {

  private static final Pattern SNAKE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)+");
  private static final Pattern CAMEL = Pattern.compile("[a-z][a-z0-9]*([A-Z][a-z0-9]*)+");

  private Keys() {}

  /**
   * A copy with snake_case field names in camelCase.
   *
   * @param node the tree
   * @return the converted tree
   */
  public static JsonNode toCamel(JsonNode node) {
    return convert(node, true);
  }

  /**
   * A copy with camelCase field names in snake_case.
   *
   * @param node the tree
   * @return the converted tree
   */
  public static JsonNode toSnake(JsonNode node) {
    return convert(node, false);
  }

  private static JsonNode convert(JsonNode node, boolean toCamel) {
    if (node.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.set(toCamel ? camel(e.getKey()) : snake(e.getKey()), convert(e.getValue(), toCamel));
      }
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      for (JsonNode n : node) {
        out.add(convert(n, toCamel));
      }
      return out;
    }
    return node;
  }

  /**
   * One name in camelCase, if it is lower_snake.
   *
   * @param name the name
   * @return the converted name, or the name itself
   */
  public static String camel(String name) {
    if (!SNAKE.matcher(name).matches()) {
      return name;
    }
    StringBuilder b = new StringBuilder();
    boolean upper = false;
    for (char c : name.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        b.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return b.toString();
  }

  /**
   * One name in snake_case, if it is lowerCamel.
   *
   * @param name the name
   * @return the converted name, or the name itself
   */
  public static String snake(String name) {
    if (!CAMEL.matcher(name).matches()) {
      return name;
    }
    StringBuilder b = new StringBuilder();
    for (char c : name.toCharArray()) {
      if (Character.isUpperCase(c)) {
        b.append('_').append(Character.toLowerCase(c));
      } else {
        b.append(c);
      }
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }
}
