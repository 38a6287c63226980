package dev.tradeoff.api.routing;

/**
 * Why a candidate was not considered for a request, as reported by {@link Router#explain(RouteRequest)}.
 *
 * <pre>{@code
 * router.explain(request).candidates().stream()
 *     .filter(c -> c.removedBy().contains(FilterReason.REGION))
 *     .forEach(c -> System.out.println(c.id() + " processes outside the allowed regions"));
 * }</pre>
 *
 * @since 0.1.0
 */
public enum FilterReason {
  /** Its context window is smaller than the request needs. */
  CONTEXT_WINDOW,
  /** It lacks a capability the request requires. */
  CAPABILITY,
  /** It processes data outside the regions the request allows. */
  REGION,
  /** It does not serve the request's urgency class. */
  URGENCY,
  /** Its circuit is open (ejected), or half-open with no probe permit left. */
  UNHEALTHY,
  /** It was already tried for this request (failover). */
  ALREADY_TRIED
}
