package dev.tradeoff.api.routing.sim;

import dev.tradeoff.api.routing.HealthConfig;
import dev.tradeoff.api.routing.RetryBudgetConfig;
import dev.tradeoff.api.routing.StatsConfig;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a simulation needs except the policy: the seed, how long traffic arrives, the arrival process,
 * the token mix, the candidates and how they behave, the incidents, the router's health, statistics and
 * retry settings, the attempt limits, and the budget.
 *
 * <p>The same scenario run with the same seed gives the same result, bit for bit; different policies run on
 * the same scenario see identical arrivals and requests (and, for the same request and attempt number at
 * the same candidate, identical latency draws).
 *
 * <pre>{@code
 * TrafficScenario s = TrafficScenario.builder()
 *     .seed(42)
 *     .duration(Duration.ofMinutes(5))
 *     .arrivals(ArrivalProcess.poisson(300))
 *     .tokenMix(TokenMix.of(Distribution.lognormal(1_500, 8_000), Distribution.lognormal(300, 1_200)))
 *     .addCandidate(mini).addCandidate(haiku).addCandidate(flash)
 *     .addIncident(Incident.outage("openai-mini", Duration.ofSeconds(60), Duration.ofSeconds(120)))
 *     .budgetUsd(new BigDecimal("25"))
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class TrafficScenario {

  /** Default attempts per request, the first included: 3. */
  public static final int DEFAULT_MAX_ATTEMPTS = 3;
  /** Default limit on one attempt's duration (first byte to last token): 60 seconds. */
  public static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofSeconds(60);
  /** Default width of the per-candidate timelines: 1 second. */
  public static final Duration DEFAULT_TIMELINE_BUCKET = Duration.ofSeconds(1);
  /** Default number of requests drawn from the token mix up front: 4,096. */
  public static final int DEFAULT_REQUEST_POOL_SIZE = 4096;

  private final long seed;
  private final Duration duration;
  private final ArrivalProcess arrivals;
  private final TokenMix tokenMix;
  private final List<SimulatedCandidate> candidates;
  private final List<Incident> incidents;
  private final HealthConfig health;
  private final StatsConfig stats;
  private final RetryBudgetConfig retryBudget;
  private final List<String> fallbackChain;
  private final int maxAttempts;
  private final Duration attemptTimeout;
  private final Optional<BigDecimal> budgetUsd;
  private final Duration timelineBucket;
  private final int requestPoolSize;

  private TrafficScenario(Builder b) {
    this.seed = b.seed;
    this.duration = b.duration;
    this.arrivals = b.arrivals;
    this.tokenMix = b.tokenMix;
    this.candidates = List.copyOf(b.candidates);
    this.incidents = List.copyOf(b.incidents);
    this.health = b.health;
    this.stats = b.stats;
    this.retryBudget = b.retryBudget;
    this.fallbackChain = List.copyOf(b.fallbackChain);
    this.maxAttempts = b.maxAttempts;
    this.attemptTimeout = b.attemptTimeout;
    this.budgetUsd = b.budgetUsd;
    this.timelineBucket = b.timelineBucket;
    this.requestPoolSize = b.requestPoolSize;
  }

  /**
   * A new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The seed of every random stream.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * How long requests arrive (in simulated time); the simulation then runs until the last one ends.
   *
   * @return the duration
   */
  public Duration duration() {
    return duration;
  }

  /**
   * The arrival process.
   *
   * @return the process
   */
  public ArrivalProcess arrivals() {
    return arrivals;
  }

  /**
   * The token mix.
   *
   * @return the mix
   */
  public TokenMix tokenMix() {
    return tokenMix;
  }

  /**
   * The candidates, in router order.
   *
   * @return the candidates
   */
  public List<SimulatedCandidate> candidates() {
    return candidates;
  }

  /**
   * The incidents.
   *
   * @return the incidents, possibly empty
   */
  public List<Incident> incidents() {
    return incidents;
  }

  /**
   * The router's health configuration.
   *
   * @return the configuration
   */
  public HealthConfig health() {
    return health;
  }

  /**
   * The router's statistics configuration.
   *
   * @return the configuration
   */
  public StatsConfig stats() {
    return stats;
  }

  /**
   * The router's retry budget.
   *
   * @return the configuration
   */
  public RetryBudgetConfig retryBudget() {
    return retryBudget;
  }

  /**
   * The router's fallback chain.
   *
   * @return candidate ids, possibly empty
   */
  public List<String> fallbackChain() {
    return fallbackChain;
  }

  /**
   * Attempts per request, the first included.
   *
   * @return at least 1
   */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * The longest an attempt may take before it fails with {@code CALL_TIMEOUT}.
   *
   * @return the timeout
   */
  public Duration attemptTimeout() {
    return attemptTimeout;
  }

  /**
   * The budget for the simulated period, US dollars.
   *
   * @return the budget, empty if none
   */
  public Optional<BigDecimal> budgetUsd() {
    return budgetUsd;
  }

  /**
   * The width of the per-candidate timelines.
   *
   * @return the bucket width
   */
  public Duration timelineBucket() {
    return timelineBucket;
  }

  /**
   * How many requests are drawn from the token mix up front.
   *
   * @return the pool size
   */
  public int requestPoolSize() {
    return requestPoolSize;
  }

  /**
   * Builds a {@link TrafficScenario}; setters reject bad values at once, {@link #build()} checks the whole.
   *
   * <pre>{@code
   * TrafficScenario.builder().duration(Duration.ofSeconds(30)).arrivals(ArrivalProcess.constant(100))
   *     .tokenMix(TokenMix.fixed(1_000, 200)).addCandidate(c).build();
   * }</pre>
   */
  public static final class Builder {
    private long seed = 1;
    private Duration duration;
    private ArrivalProcess arrivals;
    private TokenMix tokenMix;
    private final List<SimulatedCandidate> candidates = new ArrayList<>();
    private final List<Incident> incidents = new ArrayList<>();
    private HealthConfig health = HealthConfig.defaults();
    private StatsConfig stats = StatsConfig.defaults();
    private RetryBudgetConfig retryBudget = RetryBudgetConfig.defaults();
    private List<String> fallbackChain = List.of();
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    private Duration attemptTimeout = DEFAULT_ATTEMPT_TIMEOUT;
    private Optional<BigDecimal> budgetUsd = Optional.empty();
    private Duration timelineBucket = DEFAULT_TIMELINE_BUCKET;
    private int requestPoolSize = DEFAULT_REQUEST_POOL_SIZE;

    private Builder() { }

    /**
     * The seed; 1 by default.
     *
     * @param seed the seed
     * @return this
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * How long requests arrive; required.
     *
     * @param duration positive, at most 30 days
     * @return this
     * @throws IllegalArgumentException if out of range
     */
    public Builder duration(Duration duration) {
      Objects.requireNonNull(duration, "duration");
      if (duration.isNegative() || duration.isZero() || duration.compareTo(Duration.ofDays(30)) > 0) {
        throw new IllegalArgumentException("duration must be in (0, 30 days], but was " + duration);
      }
      this.duration = duration;
      return this;
    }

    /**
     * The arrival process; required.
     *
     * @param arrivals the process
     * @return this
     */
    public Builder arrivals(ArrivalProcess arrivals) {
      this.arrivals = Objects.requireNonNull(arrivals, "arrivals");
      return this;
    }

    /**
     * The token mix; required.
     *
     * @param tokenMix the mix
     * @return this
     */
    public Builder tokenMix(TokenMix tokenMix) {
      this.tokenMix = Objects.requireNonNull(tokenMix, "tokenMix");
      return this;
    }

    /**
     * Adds a candidate (at least one is required).
     *
     * @param candidate the candidate
     * @return this
     */
    public Builder addCandidate(SimulatedCandidate candidate) {
      candidates.add(Objects.requireNonNull(candidate, "candidate"));
      return this;
    }

    /**
     * Adds an incident.
     *
     * @param incident the incident
     * @return this
     */
    public Builder addIncident(Incident incident) {
      incidents.add(Objects.requireNonNull(incident, "incident"));
      return this;
    }

    /**
     * The router's health configuration; {@link HealthConfig#defaults()} by default.
     *
     * @param health the configuration
     * @return this
     */
    public Builder health(HealthConfig health) {
      this.health = Objects.requireNonNull(health, "health");
      return this;
    }

    /**
     * The router's statistics configuration; {@link StatsConfig#defaults()} by default.
     *
     * @param stats the configuration
     * @return this
     */
    public Builder stats(StatsConfig stats) {
      this.stats = Objects.requireNonNull(stats, "stats");
      return this;
    }

    /**
     * The router's retry budget; {@link RetryBudgetConfig#defaults()} by default.
     *
     * @param retryBudget the configuration
     * @return this
     */
    public Builder retryBudget(RetryBudgetConfig retryBudget) {
      this.retryBudget = Objects.requireNonNull(retryBudget, "retryBudget");
      return this;
    }

    /**
     * The router's fallback chain; empty by default.
     *
     * @param ids candidate ids
     * @return this
     */
    public Builder fallbackChain(List<String> ids) {
      this.fallbackChain = List.copyOf(ids);
      return this;
    }

    /**
     * Attempts per request; {@value #DEFAULT_MAX_ATTEMPTS} by default.
     *
     * @param maxAttempts in [1, 64]
     * @return this
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1 || maxAttempts > 64) {
        throw new IllegalArgumentException("maxAttempts must be in [1, 64], but was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * The attempt timeout; {@link #DEFAULT_ATTEMPT_TIMEOUT} by default.
     *
     * @param timeout positive
     * @return this
     * @throws IllegalArgumentException if not positive
     */
    public Builder attemptTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("attemptTimeout must be positive, but was " + timeout);
      }
      this.attemptTimeout = timeout;
      return this;
    }

    /**
     * A budget for the simulated period; none by default.
     *
     * @param usd {@code > 0}
     * @return this
     * @throws IllegalArgumentException if not positive
     */
    public Builder budgetUsd(BigDecimal usd) {
      Objects.requireNonNull(usd, "usd");
      if (usd.signum() <= 0) {
        throw new IllegalArgumentException("budgetUsd must be > 0, but was " + usd.toPlainString());
      }
      this.budgetUsd = Optional.of(usd);
      return this;
    }

    /**
     * The width of the per-candidate timelines; {@link #DEFAULT_TIMELINE_BUCKET} by default.
     *
     * @param bucket at least 1 ms
     * @return this
     * @throws IllegalArgumentException if shorter
     */
    public Builder timelineBucket(Duration bucket) {
      Objects.requireNonNull(bucket, "bucket");
      if (bucket.toMillis() < 1) {
        throw new IllegalArgumentException("timelineBucket must be >= 1 ms, but was " + bucket);
      }
      this.timelineBucket = bucket;
      return this;
    }

    /**
     * Requests drawn from the token mix up front; {@value #DEFAULT_REQUEST_POOL_SIZE} by default.
     *
     * @param size in [1, 16,777,216]
     * @return this
     * @throws IllegalArgumentException if out of range
     */
    public Builder requestPoolSize(int size) {
      if (size < 1 || size > (1 << 24)) {
        throw new IllegalArgumentException("requestPoolSize must be in [1, 16777216], but was " + size);
      }
      this.requestPoolSize = size;
      return this;
    }

    /**
     * The scenario.
     *
     * @return the scenario
     * @throws IllegalStateException if duration, arrivals, token mix or candidates are missing, candidate
     *     ids repeat, or an incident or the fallback chain names an unknown candidate
     */
    public TrafficScenario build() {
      if (duration == null || arrivals == null || tokenMix == null) {
        throw new IllegalStateException("duration, arrivals and tokenMix must be set, but "
            + (duration == null ? "duration" : arrivals == null ? "arrivals" : "tokenMix") + " was not");
      }
      if (candidates.isEmpty()) {
        throw new IllegalStateException("candidates must not be empty, but no candidate was added");
      }
      Set<String> ids = new HashSet<>();
      for (SimulatedCandidate c : candidates) {
        if (!ids.add(c.id())) {
          throw new IllegalStateException("candidate ids must be unique, but \"" + c.id() + "\" repeats");
        }
      }
      for (Incident i : incidents) {
        if (!ids.contains(i.candidateId())) {
          throw new IllegalStateException(
              "incident candidateId must be one of " + ids + ", but was \"" + i.candidateId() + "\"");
        }
      }
      for (String id : fallbackChain) {
        if (!ids.contains(id)) {
          throw new IllegalStateException("fallbackChain ids must be among " + ids + ", but had \"" + id + "\"");
        }
      }
      return new TrafficScenario(this);
    }
  }
}
