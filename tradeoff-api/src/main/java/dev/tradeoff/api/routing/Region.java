package dev.tradeoff.api.routing;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A data-residency region a candidate processes requests in, and a request may be restricted to.
 *
 * <p>Regions are interned by lower-case name for the life of the JVM, each with a bit of its own, so that
 * the router's region filter is one {@code AND} of two {@code long} masks. At most {@value #MAX_REGIONS}
 * distinct regions can exist. {@link #GLOBAL} is a candidate that may process anywhere: it satisfies only
 * requests that allow any region.
 *
 * <pre>{@code
 * Candidate azureEu = Candidate.builder()...region(Region.of("eu")).build();
 * RouteRequest gdpr = RouteRequest.builder().inputTokens(900).allowRegion(Region.EU).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; equal names give the same instance.
 *
 * @since 0.1.0
 */
public final class Region {

  /** The most distinct regions: 64. */
  public static final int MAX_REGIONS = 64;

  private static final ConcurrentHashMap<String, Region> REGIONS = new ConcurrentHashMap<>();

  /** Anywhere; the default region of a candidate. */
  public static final Region GLOBAL = of("global");
  /** The United States. */
  public static final Region US = of("us");
  /** The European Union. */
  public static final Region EU = of("eu");

  private final String name;
  private final int bit;

  private Region(String name, int bit) {
    this.name = name;
    this.bit = bit;
  }

  /**
   * The region of a name (case-insensitive).
   *
   * @param name e.g. {@code "eu"}, {@code "us-east"}, {@code "jp"}
   * @return the interned region
   * @throws IllegalArgumentException if the name is blank, or it would be the 65th distinct region
   */
  public static Region of(String name) {
    Objects.requireNonNull(name, "name");
    String key = name.strip().toLowerCase(java.util.Locale.ROOT);
    if (key.isEmpty()) {
      throw new IllegalArgumentException("name must not be blank, but was \"" + name + "\"");
    }
    Region r = REGIONS.get(key);
    if (r != null) {
      return r;
    }
    synchronized (REGIONS) {
      r = REGIONS.get(key);
      if (r == null) {
        if (REGIONS.size() >= MAX_REGIONS) {
          throw new IllegalArgumentException("distinct regions must be <= " + MAX_REGIONS + ", but \""
              + key + "\" would be region " + (REGIONS.size() + 1));
        }
        r = new Region(key, REGIONS.size());
        REGIONS.put(key, r);
      }
      return r;
    }
  }

  /**
   * The lower-case name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  long bit() {
    return 1L << bit;
  }

  @Override
  public String toString() {
    return name;
  }
}
