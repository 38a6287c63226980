package dev.tradeoff.api.routing;

import java.util.Set;

/**
 * How soon a request's answer is needed: a hard filter of the router (a candidate declares the classes it
 * serves — a batch-only deployment takes no interactive traffic, a small low-latency pool takes nothing
 * else).
 *
 * <pre>{@code
 * Candidate nightly = Candidate.builder()...urgencies(EnumSet.of(Urgency.BATCH)).build();
 * RouteRequest r = RouteRequest.builder().inputTokens(800).urgency(Urgency.BATCH).build();
 * }</pre>
 *
 * @since 0.1.0
 */
public enum Urgency {
  /** A user is waiting for the first token. */
  INTERACTIVE,
  /** Synchronous but not latency-critical (the default). */
  STANDARD,
  /** Background work that may wait. */
  BATCH;

  static int mask(Set<Urgency> urgencies) {
    int m = 0;
    for (Urgency u : urgencies) {
      m |= 1 << u.ordinal();
    }
    return m;
  }
}
