package dev.tradeoff.metrics.load;

/**
 * Follows a load run, e.g. to draw a progress bar.
 *
 * <p>Contract, as for OkHttp's {@code EventListener}: methods must return fast and must not throw or block —
 * they are called from the runner's own threads while requests are being timed. Every method has a no-op
 * default; {@link #NONE} listens to nothing. (The runner still catches and logs what a listener throws, so a
 * faulty listener cannot end a run.)
 *
 * <pre>{@code
 * ProgressListener bar = new ProgressListener() {
 *   @Override public void onProgress(Progress p) {
 *     System.err.printf("\r%s %d/%d (%d errors)", p.candidate(), p.completed(), p.planned(), p.errors());
 *   }
 * };
 * }</pre>
 */
public interface ProgressListener {

  /** A listener that does nothing. */
  ProgressListener NONE = new ProgressListener() {};

  /**
   * A step starts.
   *
   * @param candidate the candidate's name
   * @param profile the step's profile
   * @param planned the most requests it will send (warm-up included)
   */
  default void onStepStart(String candidate, LoadProfile profile, long planned) {}

  /**
   * Periodic progress of the running step (every {@link LoadRunConfig#progressInterval()}, and once at its end).
   *
   * @param progress the snapshot
   */
  default void onProgress(Progress progress) {}

  /**
   * A step ended.
   *
   * @param step its result
   */
  default void onStepEnd(StepResult step) {}
}
