package dev.tradeoff.api.routing;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a request needs from a model beyond plain text: a hard filter of the router. A request that needs
 * {@link #VISION} is never sent to a text-only candidate.
 *
 * <p>Each capability knows the names the price catalog ({@code ModelPrice.capabilities()}, LiteLLM's
 * {@code supports_*} flags) uses for it, so candidates can take their capabilities from the catalog.
 *
 * <pre>{@code
 * RouteRequest r = RouteRequest.builder().inputTokens(1200).requireCapability(Capability.TOOLS).build();
 * Set<Capability> caps = Capability.fromCatalog(modelPrice.capabilities());
 * }</pre>
 *
 * @since 0.1.0
 */
public enum Capability {
  /** Function / tool calling. */
  TOOLS("function_calling", "tool_choice"),
  /** Image input. */
  VISION("vision"),
  /** PDF documents as input. */
  PDF_INPUT("pdf_input"),
  /** Audio input. */
  AUDIO_INPUT("audio_input"),
  /** Video input. */
  VIDEO_INPUT("video_input"),
  /** JSON-schema constrained output. */
  STRUCTURED_OUTPUT("response_schema", "native_structured_output"),
  /** Reasoning / extended thinking. */
  REASONING("reasoning"),
  /** Prompt caching (cached input billed at the cache-read rate). */
  PROMPT_CACHING("prompt_caching"),
  /** Built-in web search. */
  WEB_SEARCH("web_search");

  private final List<String> catalogNames;

  Capability(String... catalogNames) {
    this.catalogNames = List.of(catalogNames);
  }

  /**
   * The catalog's names for this capability.
   *
   * @return e.g. {@code ["function_calling", "tool_choice"]}
   */
  public List<String> catalogNames() {
    return catalogNames;
  }

  /**
   * The capabilities named in a catalog entry; unknown names are ignored.
   *
   * @param names capability names as the catalog lists them
   * @return the capabilities, possibly empty
   */
  public static Set<Capability> fromCatalog(Set<String> names) {
    Set<Capability> out = EnumSet.noneOf(Capability.class);
    for (Capability c : values()) {
      for (String n : c.catalogNames) {
        if (names.contains(n)) {
          out.add(c);
        }
      }
    }
    return out;
  }

  static long mask(Set<Capability> caps) {
    long m = 0;
    for (Capability c : caps) {
      m |= 1L << c.ordinal();
    }
    return m;
  }
}
