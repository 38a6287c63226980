package dev.tradeoff.pareto;

import dev.tradeoff.pareto.internal.Require;
import java.util.List;

/**
 * A candidate that fails at least one hard bound, with every bound it fails (in objective order).
 *
 * <pre>{@code
 * CandidateSet all = CandidateSet.of(objectives, names, values);
 * all.exclusions().forEach(e -> System.out.println(e.describe()));
 * // "self-hosted-8b excluded: quality = 0.62 < 0.7"
 * }</pre>
 *
 * @param index the candidate's index in the {@link CandidateSet} it was found in
 * @param candidate the candidate's name
 * @param violations the bounds it fails, never empty
 * @since 0.1.0
 */
public record Exclusion(int index, String candidate, List<Violation> violations) {

  /**
   * Validates and copies the components.
   *
   * @param index the index
   * @param candidate the name
   * @param violations the violations
   */
  public Exclusion {
    Require.nonNull(candidate, "candidate");
    violations = List.copyOf(Require.nonNull(violations, "violations"));
    if (violations.isEmpty()) {
      throw Require.invalid("violations", "non-empty", violations);
    }
  }

  /**
   * A one-line explanation such as {@code "gpt-x excluded: p95TtftMs = 950.0 > 800.0"}.
   *
   * @return the explanation
   */
  public String describe() {
    StringBuilder b = new StringBuilder(candidate).append(" excluded: ");
    for (int i = 0; i < violations.size(); i++) {
      if (i > 0) {
        b.append(", ");
      }
      b.append(violations.get(i).describe());
    }
    return b.toString();
  }
}
