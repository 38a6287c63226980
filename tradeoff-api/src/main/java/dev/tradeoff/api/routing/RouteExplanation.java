package dev.tradeoff.api.routing;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a router would route a request where it would: every candidate's assessment and the choice. Made by
 * {@link Router#explain(RouteRequest)}, which allocates freely and changes no router state (no probe permit
 * is taken, no retry deposited, round-robin and random sequences are not advanced) — so it shows what the
 * next {@link Router#select(RouteRequest)} would do, except that concurrent traffic may change the inputs
 * in between.
 *
 * <pre>{@code
 * RouteExplanation why = router.explain(request);
 * System.out.println(why);      // one line per candidate
 * why.chosen().ifPresent(id -> metrics.tag("route", id));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param policy the policy's name
 * @param chosen the chosen candidate's id; empty if none was eligible and healthy
 * @param candidates one assessment per candidate, in router order
 * @since 0.1.0
 */
public record RouteExplanation(String policy, Optional<String> chosen, List<CandidateAssessment> candidates) {

  /**
   * Copies the list.
   *
   * @param policy see the record component
   * @param chosen see the record component
   * @param candidates see the record component
   * @throws NullPointerException if a component is null
   */
  public RouteExplanation {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(chosen, "chosen");
    candidates = List.copyOf(candidates);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append("policy ").append(policy).append(" chose ").append(chosen.orElse("nothing")).append('\n');
    for (CandidateAssessment c : candidates) {
      sb.append(c.chosen() ? " * " : "   ").append(c.id())
          .append("  health=").append(c.health())
          .append("  cost=$").append(String.format(java.util.Locale.ROOT, "%.8f", c.estimatedCostUsd()))
          .append("  ttft=").append(Math.round(c.ttftNanos() / 1e6)).append("ms")
          .append("  tps=").append(Math.round(c.outputTokensPerSecond()))
          .append("  err=").append(String.format(java.util.Locale.ROOT, "%.3f", c.errorRate()))
          .append("  inFlight=").append(c.inFlight());
      c.score().ifPresent(s -> sb.append("  score=").append(String.format(java.util.Locale.ROOT, "%.6g", s)));
      if (!c.removedBy().isEmpty()) {
        sb.append("  removedBy=").append(c.removedBy());
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
