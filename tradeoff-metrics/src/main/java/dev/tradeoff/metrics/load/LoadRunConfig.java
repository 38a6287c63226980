package dev.tradeoff.metrics.load;

import dev.tradeoff.metrics.stats.Slo;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A benchmark: a prompt set × candidates × load profiles. Each candidate runs every profile in order (a sweep
 * is several profiles); each such step sends at most {@link #warmupRequests()} + {@link #maxRequests()}
 * requests and stops sending after {@link #maxDuration()}; requests in flight then finish (they are bounded by
 * their clients' call timeouts, so a run never hangs).
 *
 * <pre>{@code
 * LoadRunConfig config = LoadRunConfig.builder()
 *     .prompts(PromptSet.customerSupport())
 *     .addCandidate(new Candidate("mini", miniClient))
 *     .addCandidate(new Candidate("haiku", haikuClient))
 *     .addAllProfiles(LoadProfile.poissonSweep(42, 1, 2, 4))
 *     .maxRequests(200)
 *     .maxDuration(Duration.ofMinutes(5))
 *     .warmupRequests(5)
 *     .addSlo(Slo.of(LatencyMetric.TTFT, Duration.ofMillis(500)))
 *     .build();
 * }</pre>
 */
@Value.Immutable
public interface LoadRunConfig {

  /** Default measured requests per step: 100. */
  int DEFAULT_MAX_REQUESTS = 100;

  /** Default longest sending time per step: 10 minutes. */
  Duration DEFAULT_MAX_DURATION = Duration.ofMinutes(10);

  /** Default progress interval: 500 ms. */
  Duration DEFAULT_PROGRESS_INTERVAL = Duration.ofMillis(500);

  /**
   * A new builder.
   *
   * @return a builder
   */
  static ImmutableLoadRunConfig.Builder builder() {
    return ImmutableLoadRunConfig.builder();
  }

  /**
   * The requests; request {@code i} of a step uses prompt {@code i mod size} (after the optional shuffle).
   *
   * @return the prompt set
   */
  PromptSet prompts();

  /**
   * The candidates, run one after another.
   *
   * @return at least one, names unique
   */
  List<Candidate> candidates();

  /**
   * The load profiles, run in order for each candidate.
   *
   * @return at least one
   */
  List<LoadProfile> profiles();

  /**
   * Measured requests per step (warm-up not included).
   *
   * @return at least 1; {@link #DEFAULT_MAX_REQUESTS} by default
   */
  @Value.Default
  default int maxRequests() {
    return DEFAULT_MAX_REQUESTS;
  }

  /**
   * The longest a step keeps sending requests (warm-up included).
   *
   * @return positive; {@link #DEFAULT_MAX_DURATION} by default
   */
  @Value.Default
  default Duration maxDuration() {
    return DEFAULT_MAX_DURATION;
  }

  /**
   * Requests sent first in each step, recorded but excluded from its summary (connection setup, JIT, server
   * caches).
   *
   * @return at least 0; 0 by default
   */
  @Value.Default
  default int warmupRequests() {
    return 0;
  }

  /**
   * The objectives goodput is measured against.
   *
   * @return the objectives, none by default
   */
  List<Slo> slos();

  /**
   * If present, prompts are shuffled with this seed (the same order for every step); otherwise they are used
   * in file order.
   *
   * @return the seed
   */
  OptionalLong promptOrderSeed();

  /**
   * Receives progress.
   *
   * @return {@link ProgressListener#NONE} by default
   */
  @Value.Default
  @Value.Auxiliary
  default ProgressListener progressListener() {
    return ProgressListener.NONE;
  }

  /**
   * How often {@link ProgressListener#onProgress} is called.
   *
   * @return positive; {@link #DEFAULT_PROGRESS_INTERVAL} by default
   */
  @Value.Default
  default Duration progressInterval() {
    return DEFAULT_PROGRESS_INTERVAL;
  }

  /** Checks every attribute, naming the one that is wrong. */
  @Value.Check
  default void check() {
    if (candidates().isEmpty()) {
      throw new IllegalStateException("candidates must not be empty");
    }
    Set<String> names = new HashSet<>();
    for (Candidate c : candidates()) {
      if (!names.add(c.name())) {
        throw new IllegalStateException("candidate names must be unique, but '" + c.name() + "' repeats");
      }
    }
    if (profiles().isEmpty()) {
      throw new IllegalStateException("profiles must not be empty");
    }
    if (maxRequests() < 1) {
      throw new IllegalStateException("maxRequests must be >= 1, but was " + maxRequests());
    }
    if (warmupRequests() < 0) {
      throw new IllegalStateException("warmupRequests must be >= 0, but was " + warmupRequests());
    }
    if (maxDuration().isZero() || maxDuration().isNegative()) {
      throw new IllegalStateException("maxDuration must be positive, but was " + maxDuration());
    }
    if (progressInterval().isZero() || progressInterval().isNegative()) {
      throw new IllegalStateException("progressInterval must be positive, but was " + progressInterval());
    }
  }
}
