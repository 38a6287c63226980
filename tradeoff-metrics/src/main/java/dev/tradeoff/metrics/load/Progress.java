package dev.tradeoff.metrics.load;

import java.time.Duration;
import java.util.Objects;

/**
 * A snapshot of one running load step, for a progress bar.
 *
 * <pre>{@code
 * System.out.printf("%s %s: %d/%d done, %d errors, %.1f req/s%n",
 *     p.candidate(), p.profile(), p.completed(), p.planned(), p.errors(), p.currentRate());
 * }</pre>
 *
 * @param candidate the candidate's name
 * @param profile the step's load profile
 * @param completed requests finished so far (warm-up included)
 * @param errors requests that failed so far (warm-up included)
 * @param inFlight requests sent and not finished
 * @param planned the most requests this step will send (warm-up included)
 * @param elapsed time since the step started
 * @param currentRate completions per second over the last progress interval
 */
public record Progress(
    String candidate,
    LoadProfile profile,
    long completed,
    long errors,
    long inFlight,
    long planned,
    Duration elapsed,
    double currentRate) {

  /** Checks the components.
   *
   * @param candidate see the record component
   * @param profile see the record component
   * @param completed see the record component
   * @param errors see the record component
   * @param inFlight see the record component
   * @param planned see the record component
   * @param elapsed see the record component
   * @param currentRate see the record component
   */
  public Progress {
    Objects.requireNonNull(candidate, "candidate");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(elapsed, "elapsed");
  }
}
