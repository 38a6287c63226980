package dev.tradeoff.metrics.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * How requests arrive during one load step.
 *
 * <ul>
 *   <li>{@link #closedLoop(int)} — N virtual users, each sending its next request when the previous one ends.
 *       Simple, but the server's slowness slows the arrivals (coordinated omission): use it to find capacity,
 *       not to measure latency under a given load.
 *   <li>{@link #constantRate(double)} — open loop, one request every 1/rate seconds.
 *   <li>{@link #poisson(double, long)} — open loop, exponential gaps with mean 1/rate (independent users).
 *   <li>{@link #bursty(double, double, long)} — open loop, gamma-distributed gaps with mean 1/rate and shape
 *       {@code burstiness} (the convention of vLLM's benchmark): 1 is Poisson, below 1 burstier (coefficient of
 *       variation 1/√burstiness), above 1 more regular.
 * </ul>
 *
 * <p>Open-loop profiles are turned into a {@link Schedule} before the step starts; randomized ones are
 * reproducible from their seed. A sweep is a list of profiles run one after another ({@link
 * #poissonSweep(long, double...)}, {@link #closedLoopSweep(int...)}).
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * List<LoadProfile> steps = LoadProfile.poissonSweep(42, 1, 2, 4, 8);
 * LoadProfile burst = LoadProfile.bursty(10.0, 0.25, 7);   // mean 10 req/s, CV 2
 * }</pre>
 */
public final class LoadProfile {

  /** The arrival process. */
  public enum Kind {
    /** A fixed number of concurrent users. */
    CLOSED_LOOP,
    /** Evenly spaced arrivals. */
    CONSTANT,
    /** Exponential gaps. */
    POISSON,
    /** Gamma gaps. */
    BURSTY
  }

  private final Kind kind;
  private final int concurrency;
  private final double rate;
  private final double burstiness;
  private final long seed;

  private LoadProfile(Kind kind, int concurrency, double rate, double burstiness, long seed) {
    this.kind = kind;
    this.concurrency = concurrency;
    this.rate = rate;
    this.burstiness = burstiness;
    this.seed = seed;
  }

  /**
   * Closed loop with {@code concurrency} users.
   *
   * @param concurrency at least 1
   * @return the profile
   * @throws IllegalArgumentException if concurrency is below 1
   */
  public static LoadProfile closedLoop(int concurrency) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be >= 1, but was " + concurrency);
    }
    return new LoadProfile(Kind.CLOSED_LOOP, concurrency, 0, 0, 0);
  }

  /**
   * Open loop at a constant rate.
   *
   * @param requestsPerSecond positive and finite
   * @return the profile
   * @throws IllegalArgumentException if the rate is not positive and finite
   */
  public static LoadProfile constantRate(double requestsPerSecond) {
    return new LoadProfile(Kind.CONSTANT, 0, requireRate(requestsPerSecond), 1, 0);
  }

  /**
   * Open loop with Poisson arrivals.
   *
   * @param requestsPerSecond the mean rate, positive and finite
   * @param seed the random seed (same seed, same schedule)
   * @return the profile
   * @throws IllegalArgumentException if the rate is not positive and finite
   */
  public static LoadProfile poisson(double requestsPerSecond, long seed) {
    return new LoadProfile(Kind.POISSON, 0, requireRate(requestsPerSecond), 1, seed);
  }

  /**
   * Open loop with gamma-distributed gaps.
   *
   * @param requestsPerSecond the mean rate, positive and finite
   * @param burstiness the gamma shape, positive and finite (1 = Poisson, smaller = burstier)
   * @param seed the random seed
   * @return the profile
   * @throws IllegalArgumentException if rate or burstiness is not positive and finite
   */
  public static LoadProfile bursty(double requestsPerSecond, double burstiness, long seed) {
    if (!(burstiness > 0 && Double.isFinite(burstiness))) {
      throw new IllegalArgumentException("burstiness must be positive and finite, but was " + burstiness);
    }
    return new LoadProfile(Kind.BURSTY, 0, requireRate(requestsPerSecond), burstiness, seed);
  }

  /**
   * A sweep of Poisson steps, one per rate.
   *
   * @param seed the seed of every step
   * @param requestsPerSecond the rates, in order
   * @return the steps
   */
  public static List<LoadProfile> poissonSweep(long seed, double... requestsPerSecond) {
    List<LoadProfile> steps = new ArrayList<>();
    for (double r : requestsPerSecond) {
      steps.add(poisson(r, seed));
    }
    return List.copyOf(steps);
  }

  /**
   * A sweep of closed-loop steps, one per concurrency.
   *
   * @param concurrencies the user counts, in order
   * @return the steps
   */
  public static List<LoadProfile> closedLoopSweep(int... concurrencies) {
    List<LoadProfile> steps = new ArrayList<>();
    for (int c : concurrencies) {
      steps.add(closedLoop(c));
    }
    return List.copyOf(steps);
  }

  private static double requireRate(double rate) {
    if (!(rate > 0 && Double.isFinite(rate))) {
      throw new IllegalArgumentException("requestsPerSecond must be positive and finite, but was " + rate);
    }
    return rate;
  }

  /**
   * The arrival process.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Whether arrivals follow a precomputed schedule (every kind but {@link Kind#CLOSED_LOOP}).
   *
   * @return true for open loop
   */
  public boolean isOpenLoop() {
    return kind != Kind.CLOSED_LOOP;
  }

  /**
   * The number of users of a closed loop.
   *
   * @return at least 1 for closed loop, 0 otherwise
   */
  public int concurrency() {
    return concurrency;
  }

  /**
   * The mean arrival rate of an open loop.
   *
   * @return requests per second, 0 for closed loop
   */
  public double requestsPerSecond() {
    return rate;
  }

  /**
   * The schedule of an open-loop step: at most {@code maxRequests} arrivals, none after {@code maxDuration}.
   *
   * @param maxRequests the most requests, {@code >= 0}
   * @param maxDuration the latest intended send offset
   * @return the schedule; the first request is at offset 0
   * @throws IllegalStateException for a closed-loop profile, which has no schedule
   * @throws IllegalArgumentException if maxRequests is negative
   */
  public Schedule schedule(int maxRequests, Duration maxDuration) {
    if (!isOpenLoop()) {
      throw new IllegalStateException("a closed-loop profile has no schedule: arrivals follow completions");
    }
    if (maxRequests < 0) {
      throw new IllegalArgumentException("maxRequests must be >= 0, but was " + maxRequests);
    }
    long limit = Objects.requireNonNull(maxDuration, "maxDuration").toNanos();
    long[] offsets = new long[maxRequests];
    SplittableRandom random = new SplittableRandom(seed);
    double meanGapNanos = 1e9 / rate;
    double t = 0;
    int n = 0;
    while (n < maxRequests) {
      long offset = (long) t;
      if (offset > limit) {
        break;
      }
      offsets[n++] = offset;
      t += gapNanos(random, meanGapNanos);
    }
    return new Schedule(n == maxRequests ? offsets : java.util.Arrays.copyOf(offsets, n));
  }

  private double gapNanos(SplittableRandom random, double meanGapNanos) {
    switch (kind) {
      case CONSTANT:
        return meanGapNanos;
      case POISSON:
        // Inverse transform of the exponential; 1 − u is in (0, 1], so the log is finite.
        return -Math.log(1.0 - random.nextDouble()) * meanGapNanos;
      case BURSTY:
        // Gamma(shape k, scale θ) with kθ = mean gap.
        return Gamma.sample(random, burstiness) * meanGapNanos / burstiness;
      default:
        throw new IllegalStateException("no gaps for " + kind);
    }
  }

  /**
   * A stable description for result files, e.g. {@code "poisson(rate=5.0/s, seed=42)"}.
   *
   * @return the description
   */
  @Override
  public String toString() {
    switch (kind) {
      case CLOSED_LOOP:
        return "closed_loop(concurrency=" + concurrency + ")";
      case CONSTANT:
        return String.format(Locale.ROOT, "constant(rate=%s/s)", rate);
      case POISSON:
        return String.format(Locale.ROOT, "poisson(rate=%s/s, seed=%d)", rate, seed);
      default:
        return String.format(Locale.ROOT, "bursty(rate=%s/s, burstiness=%s, seed=%d)", rate, burstiness, seed);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof LoadProfile)) {
      return false;
    }
    LoadProfile p = (LoadProfile) o;
    return kind == p.kind
        && concurrency == p.concurrency
        && Double.compare(rate, p.rate) == 0
        && Double.compare(burstiness, p.burstiness) == 0
        && seed == p.seed;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, concurrency, rate, burstiness, seed);
  }

  /** Marsaglia and Tsang's gamma sampler (ACM TOMS 26(3), 2000), with the shape < 1 boost. */
  static final class Gamma {
    private Gamma() {}

    static double sample(SplittableRandom random, double shape) {
      if (shape < 1) {
        // Gamma(k) = Gamma(k + 1) · U^(1/k) for k < 1.
        double u = 1.0 - random.nextDouble();
        return sample(random, shape + 1) * Math.pow(u, 1.0 / shape);
      }
      double d = shape - 1.0 / 3.0;
      double c = 1.0 / Math.sqrt(9.0 * d);
      while (true) {
        double x = random.nextGaussian();
        double v = 1.0 + c * x;
        if (v <= 0) {
          continue;
        }
        v = v * v * v;
        double u = random.nextDouble();
        double x2 = x * x;
        if (u < 1.0 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1.0 - v + Math.log(v))) {
          return d * v;
        }
      }
    }
  }
}
