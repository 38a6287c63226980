package dev.tradeoff.pricing;

import java.util.List;

/**
 * A model id that resolves to no catalog entry. The library never prices an unknown model at $0 and
 * never falls back to a made-up price; it throws this exception, which lists the nearest known ids.
 *
 * <pre>{@code
 * try {
 *   PriceCatalog.bundled().resolve("gpt-4o-mni");
 * } catch (UnknownModelException e) {
 *   System.err.println(e.getMessage());
 *   // unknown model 'gpt-4o-mni'; nearest known ids: [openai/gpt-4o-mini, openai/gpt-4o, ...]
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class UnknownModelException extends PricingException {

  private static final long serialVersionUID = 1L;

  private final String requestedId;
  private final List<String> nearestIds;

  private UnknownModelException(String requestedId, List<String> nearestIds) {
    super("unknown model '" + requestedId + "'; nearest known ids: " + nearestIds
        + " (the library never prices an unknown model at $0 or at a fallback price)",
        requestedId, null, "model", null);
    this.requestedId = requestedId;
    this.nearestIds = List.copyOf(nearestIds);
  }

  /**
   * Creates the exception.
   *
   * @param requestedId the id the caller asked for
   * @param nearestIds the closest known ids, best first (may be empty)
   * @return the exception, to be thrown by the caller
   */
  public static UnknownModelException of(String requestedId, List<String> nearestIds) {
    return new UnknownModelException(requestedId, nearestIds);
  }

  /**
   * The id as the caller gave it.
   *
   * @return the requested id
   */
  public String requestedId() {
    return requestedId;
  }

  /**
   * The nearest known canonical ids, best first.
   *
   * @return an unmodifiable list, possibly empty
   */
  public List<String> nearestIds() {
    return nearestIds;
  }
}
