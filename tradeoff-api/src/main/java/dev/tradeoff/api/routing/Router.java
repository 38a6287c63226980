package dev.tradeoff.api.routing;

import dev.tradeoff.metrics.Failure;
import dev.tradeoff.metrics.FailureKind;
import dev.tradeoff.metrics.RequestResult;
import dev.tradeoff.pricing.PriceHandle;
import dev.tradeoff.pricing.TokenClass;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Routes each request to one of up to {@value #MAX_CANDIDATES} candidates (provider deployments) by live
 * cost, latency, region and capability, ejects unhealthy candidates, and fails over within a retry budget.
 *
 * <h2>One decision</h2>
 * <ol>
 *   <li>Hard filters, as bitmask tests: the candidate's context window holds the request, it has every
 *       required {@link Capability}, it processes in an allowed {@link Region}, it serves the request's
 *       {@link Urgency}.</li>
 *   <li>Health: candidates whose circuit is open are skipped (see {@link HealthConfig}); a half-open one
 *       takes a probe permit when chosen.</li>
 *   <li>The {@link RoutingPolicy} chooses among the rest, from the request's estimated cost at each
 *       candidate's prices (its own input, cached input and expected output through the candidate's
 *       {@link PriceHandle}) and the live {@link ProviderStats}.</li>
 * </ol>
 * {@link #select} allocates nothing and takes no lock (it uses a per-thread {@link SelectionContext}), so
 * the decision costs nanoseconds. While every circuit is closed it does not even read the clock: the
 * retry-budget deposit is stamped with the latest time any router call read (every {@link #onSuccess},
 * {@link #onFailure}, {@link #failover} and {@link #explain} reads it). That stamp lags real time by at most
 * the gap between two such calls; a late stamp makes a deposit expire earlier, so the lag can only make the
 * retry budget stricter, never looser. Policies read the statistics at the same stamp, so a candidate's
 * average turns stale ({@link StatsConfig#staleAfter()}) up to that gap late. {@link #explain} makes the same decision with every number and filter
 * written down, allocating freely and changing no state.
 *
 * <h2>Failover and retries</h2>
 * After a failed attempt, {@link #failover} picks the next candidate among those not yet tried — the next
 * in the {@link Builder#fallbackChain ordered fallback chain} if one is configured, else the policy's
 * choice — and only if the {@link RetryBudget} allows one more retry, so that retries cannot multiply the
 * load of an outage.
 *
 * <h2>Feedback</h2>
 * Tell the router when an attempt starts and how it ended ({@link #onStart}, then {@link #onSuccess},
 * {@link #onFailure}, or {@link #record(int, long, RequestResult)} with a {@code tradeoff-metrics} result,
 * handing back the start time {@code onStart} returned): this feeds the statistics the policies read and the
 * circuit breakers, which ignore results of attempts sent before their last transition.
 *
 * <pre>{@code
 * Router router = Router.builder()
 *     .candidates(List.of(gpt4oMini, haiku, flash, selfHosted))
 *     .policy(RoutingPolicy.cheapestMeetingSlo(Duration.ofMillis(800)))
 *     .health(HealthConfig.defaults())
 *     .build();
 *
 * RouteRequest req = RouteRequest.builder().inputTokens(1800).expectedOutputTokens(300).build();
 * long tried = 0;
 * for (int i = router.select(req); i >= 0; i = router.failover(req, tried)) {
 *   tried |= 1L << i;
 *   long started = router.onStart(i);
 *   RequestResult r = clients[i].execute(chat);
 *   router.record(i, started, r);
 *   if (r.succeeded()) {
 *     break;
 *   }
 * }
 * }</pre>
 *
 * <p>Thread-safe: one router serves all threads.
 *
 * @since 0.1.0
 */
public final class Router {

  /** Returned when no candidate passes the filters and health checks (or all were tried). */
  public static final int NO_CANDIDATE = -1;
  /** Returned by {@link #failover} when a candidate exists but the retry budget is spent. */
  public static final int RETRY_BUDGET_EXHAUSTED = -2;
  /** The most candidates a router takes: 64 (one bit each in a {@code long}). */
  public static final int MAX_CANDIDATES = 64;

  private final List<Candidate> candidateList;
  private final String[] ids;
  private final Map<String, Integer> index;
  private final PriceHandle[] prices;
  private final boolean[] pricesCacheRead;
  private final long[] capabilityMask;
  private final long[] regionBit;
  private final long[] contextWindow;
  private final int[] urgencyMask;
  private final double[] weights;
  /** Candidates having capability c (by ordinal). */
  private final long[] withCapability = new long[64];
  /** Candidates processing in region r (by the region's bit index). */
  private final long[] inRegion = new long[64];
  /** Candidates serving urgency u (by ordinal). */
  private final long[] servingUrgency = new long[Urgency.values().length];
  private final ProviderStats[] stats;
  private final CircuitBreaker[] breakers;
  private final RoutingPolicy policy;
  private final RetryBudget retryBudget;
  private final int[] fallbackChain;
  private final long chainMask;
  private final NanoClock clock;
  private final AtomicLong random;
  private final AtomicLong sequence = new AtomicLong();
  /** Bit i set while candidate i's circuit is not closed. */
  private final AtomicLong notClosed = new AtomicLong();
  private final long all;
  /** The latest time read from the clock by any router call (release/acquire, may lag a little). */
  private volatile long lastNow;
  private static final java.lang.invoke.VarHandle LAST_NOW;

  static {
    try {
      LAST_NOW = java.lang.invoke.MethodHandles.lookup().findVarHandle(Router.class, "lastNow", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
  private final ThreadLocal<SelectionContext> contexts = ThreadLocal.withInitial(SelectionContext::new);

  private Router(Builder b) {
    int k = b.candidates.size();
    if (k < 1 || k > MAX_CANDIDATES) {
      throw new IllegalArgumentException("candidates must number 1 to " + MAX_CANDIDATES + ", but were " + k);
    }
    this.candidateList = List.copyOf(b.candidates);
    this.clock = b.clock;
    this.policy = b.policy;
    this.retryBudget = RetryBudget.create(b.retryBudget, clock);
    this.random = new AtomicLong(b.seed);
    ids = new String[k];
    index = new HashMap<>();
    prices = new PriceHandle[k];
    pricesCacheRead = new boolean[k];
    capabilityMask = new long[k];
    regionBit = new long[k];
    contextWindow = new long[k];
    urgencyMask = new int[k];
    weights = new double[k];
    stats = new ProviderStats[k];
    breakers = new CircuitBreaker[k];
    for (int i = 0; i < k; i++) {
      Candidate c = candidateList.get(i);
      if (index.put(c.id(), i) != null) {
        throw new IllegalArgumentException("candidate ids must be unique, but \"" + c.id() + "\" repeats");
      }
      ids[i] = c.id();
      prices[i] = c.price();
      requirePriced(c, TokenClass.INPUT);
      requirePriced(c, TokenClass.OUTPUT);
      pricesCacheRead[i] = c.price().model().rate(TokenClass.CACHE_READ, c.price().options(), 0).isPresent();
      capabilityMask[i] = Capability.mask(c.capabilities());
      regionBit[i] = c.region().bit();
      for (Capability cap : c.capabilities()) {
        withCapability[cap.ordinal()] |= 1L << i;
      }
      inRegion[Long.numberOfTrailingZeros(regionBit[i])] |= 1L << i;
      for (Urgency u : c.urgencies()) {
        servingUrgency[u.ordinal()] |= 1L << i;
      }
      contextWindow[i] = c.contextWindowTokens();
      urgencyMask[i] = Urgency.mask(c.urgencies());
      weights[i] = c.weight();
      stats[i] = ProviderStats.create(b.stats, clock, c.expectedTtft(), c.expectedTokensPerSecond());
      breakers[i] = new CircuitBreaker(c.id(), b.health, clock, b.listener, notClosed, i);
    }
    all = k == 64 ? -1L : (1L << k) - 1;
    lastNow = clock.nanoTime();
    fallbackChain = new int[b.fallbackChain.size()];
    long seen = 0;
    for (int j = 0; j < fallbackChain.length; j++) {
      int i = indexOf(b.fallbackChain.get(j));
      if ((seen & (1L << i)) != 0) {
        throw new IllegalArgumentException(
            "fallbackChain ids must be unique, but \"" + b.fallbackChain.get(j) + "\" repeats");
      }
      seen |= 1L << i;
      fallbackChain[j] = i;
    }
    chainMask = seen;
  }

  private static void requirePriced(Candidate c, TokenClass tokenClass) {
    if (c.price().model().rate(tokenClass, c.price().options(), 0).isEmpty()) {
      throw new IllegalArgumentException("candidate " + c.id() + " must price " + tokenClass
          + " tokens, but " + c.price().model().id() + " has no such rate under " + c.price().options());
    }
  }

  /**
   * A new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  // ------------------------------------------------------------------------------------------ decisions

  /**
   * Chooses a candidate for a request's first attempt and deposits into the retry budget. Allocation-free.
   *
   * @param request the request
   * @return the candidate's index, or {@link #NO_CANDIDATE}
   * @throws IllegalStateException if the policy returned a candidate that was not eligible (a policy bug)
   */
  public int select(RouteRequest request) {
    long notClosedNow = notClosed.get();
    // The clock is read only when some circuit is not closed (it decides open -> half-open); otherwise the
    // deposit is stamped with the last observed time (see the class Javadoc).
    long now = notClosedNow == 0 ? (long) LAST_NOW.getAcquire(this) : observe(clock.nanoTime());
    long eligible = admissible(request) & available(notClosedNow, now);
    if (eligible == 0) {
      return NO_CANDIDATE;
    }
    retryBudget.deposit(now);
    return choose(request, eligible, now);
  }

  private long observe(long now) {
    LAST_NOW.setRelease(this, now);
    return now;
  }

  /**
   * Chooses the next candidate after failed attempts: the first candidate of the fallback chain that was
   * not tried and passes the filters and health checks, or, without a chain, the policy's choice among the
   * untried ones — if the retry budget allows a retry. Allocation-free.
   *
   * @param request the request
   * @param triedMask bit {@code i} set for every candidate already tried
   * @return the candidate's index, {@link #NO_CANDIDATE} or {@link #RETRY_BUDGET_EXHAUSTED}
   */
  public int failover(RouteRequest request, long triedMask) {
    long now = observe(clock.nanoTime());
    long eligible = admissible(request) & available(notClosed.get(), now) & ~triedMask;
    if (fallbackChain.length > 0) {
      eligible &= chainMask;
    }
    if (eligible == 0) {
      return NO_CANDIDATE;
    }
    if (!retryBudget.tryWithdraw(now)) {
      return RETRY_BUDGET_EXHAUSTED;
    }
    if (fallbackChain.length > 0) {
      for (int i : fallbackChain) {
        if ((eligible & (1L << i)) != 0 && breakers[i].tryAcquire(now)) {
          return i;
        }
      }
      return NO_CANDIDATE;
    }
    return choose(request, eligible, now);
  }

  private int choose(RouteRequest request, long eligible, long now) {
    SelectionContext ctx = contexts.get();
    ctx.reset(this, request, eligible, -1, false, 0, now);
    while (true) {
      int i = policy.choose(ctx);
      if (i < 0 || i >= ids.length || (eligible & (1L << i)) == 0) {
        throw new IllegalStateException("policy " + policy.name() + " must choose an eligible candidate, but chose "
            + i + " from mask " + Long.toBinaryString(eligible));
      }
      if (breakers[i].tryAcquire(now)) {
        return i;
      }
      eligible &= ~(1L << i); // a half-open candidate ran out of probe permits meanwhile
      if (eligible == 0) {
        return NO_CANDIDATE;
      }
      ctx.eligible(eligible);
    }
  }

  /**
   * Candidates passing the hard filters: one AND per required capability, one OR per allowed region and one
   * AND for the urgency over per-requirement candidate masks built once, then a context-window test of the
   * survivors only.
   */
  private long admissible(RouteRequest r) {
    long mask = servingUrgency[r.urgency().ordinal()];
    for (long caps = r.capabilityMask(); caps != 0; caps &= caps - 1) {
      mask &= withCapability[Long.numberOfTrailingZeros(caps)];
    }
    long regions = r.regionMask();
    if (regions != 0) {
      long allowed = 0;
      for (; regions != 0; regions &= regions - 1) {
        allowed |= inRegion[Long.numberOfTrailingZeros(regions)];
      }
      mask &= allowed;
    }
    long context = r.requiredContextTokens();
    for (long m = mask; m != 0; m &= m - 1) {
      int i = Long.numberOfTrailingZeros(m);
      if (contextWindow[i] < context) {
        mask &= ~(1L << i);
      }
    }
    return mask;
  }

  /** Candidates whose circuit lets a request through now: all closed ones, and the others that allow. */
  private long available(long notClosedNow, long now) {
    long mask = all & ~notClosedNow;
    for (long m = notClosedNow; m != 0; m &= m - 1) {
      int i = Long.numberOfTrailingZeros(m);
      if (breakers[i].available(now)) {
        mask |= 1L << i;
      }
    }
    return mask;
  }

  /**
   * What {@link #select} would choose for a request and why: every candidate's filters, health, estimated
   * cost, statistics and score. Allocates; changes no router state.
   *
   * @param request the request
   * @return the explanation
   */
  public RouteExplanation explain(RouteRequest request) {
    long now = observe(clock.nanoTime());
    long admissible = admissible(request);
    long available = available(notClosed.get(), now);
    long eligible = admissible & available;
    SelectionContext ctx = new SelectionContext();
    ctx.reset(this, request, eligible, sequence.get(), true, random.get(), now);
    int chosen = eligible == 0 ? NO_CANDIDATE : policy.choose(ctx);
    List<CandidateAssessment> out = new ArrayList<>(ids.length);
    for (int i = 0; i < ids.length; i++) {
      Set<FilterReason> reasons = EnumSet.noneOf(FilterReason.class);
      if (contextWindow[i] < request.requiredContextTokens()) {
        reasons.add(FilterReason.CONTEXT_WINDOW);
      }
      if ((capabilityMask[i] & request.capabilityMask()) != request.capabilityMask()) {
        reasons.add(FilterReason.CAPABILITY);
      }
      if (request.regionMask() != 0 && (regionBit[i] & request.regionMask()) == 0) {
        reasons.add(FilterReason.REGION);
      }
      if ((urgencyMask[i] & (1 << request.urgency().ordinal())) == 0) {
        reasons.add(FilterReason.URGENCY);
      }
      if ((available & (1L << i)) == 0) {
        reasons.add(FilterReason.UNHEALTHY);
      }
      ProviderStats s = stats[i];
      OptionalDouble score = (ctx.scoredMask & (1L << i)) != 0 ? OptionalDouble.of(ctx.scores[i])
          : OptionalDouble.empty();
      out.add(new CandidateAssessment(ids[i], reasons, breakers[i].state(), estimateCostUsd(i, request),
          s.ttftNanos(now), s.outputTokensPerSecond(now), s.errorRate(now), s.inFlight(), score, i == chosen));
    }
    return new RouteExplanation(policy.name(), chosen >= 0 ? Optional.of(ids[chosen]) : Optional.empty(), out);
  }

  // ------------------------------------------------------------------------------------------ feedback

  /**
   * An attempt is being sent to candidate {@code i}: one more in flight.
   *
   * @param i the candidate index
   * @return the attempt's start time on the router's clock, to hand back with its result
   */
  public long onStart(int i) {
    stats[i].onStart();
    return observe(clock.nanoTime());
  }

  /**
   * An attempt at candidate {@code i} succeeded.
   *
   * @param i the candidate index
   * @param startNanos what {@link #onStart} returned for this attempt (results of attempts sent before the
   *     candidate's last health transition do not move its circuit)
   * @param ttftNanos time to first token, {@code >= 0}
   * @param outputTokens output tokens, {@code >= 0}
   * @param generationNanos first to last token, {@code >= 0}
   * @throws IllegalArgumentException if a value is negative
   */
  public void onSuccess(int i, long startNanos, long ttftNanos, long outputTokens, long generationNanos) {
    long now = observe(clock.nanoTime());
    stats[i].onSuccess(now, ttftNanos, outputTokens, generationNanos);
    breakers[i].onSuccess(now, startNanos, ttftNanos);
  }

  /**
   * An attempt at candidate {@code i} failed.
   *
   * @param i the candidate index
   * @param startNanos what {@link #onStart} returned for this attempt
   * @param kind the kind of failure (kinds in {@link HealthConfig#ignoredFailures()} do not count against
   *     its health)
   * @param message the message
   */
  public void onFailure(int i, long startNanos, FailureKind kind, String message) {
    long now = observe(clock.nanoTime());
    stats[i].onFailure(now, kind, message);
    breakers[i].onFailure(now, startNanos, kind);
  }

  /**
   * A finished attempt at candidate {@code i}, as measured by {@code tradeoff-metrics}: success with its
   * TTFT (first token of any kind), output tokens and generation window, or failure with its kind.
   *
   * @param i the candidate index
   * @param startNanos what {@link #onStart} returned for this attempt
   * @param result the measured result
   */
  public void record(int i, long startNanos, RequestResult result) {
    Optional<Failure> failure = result.failure();
    if (failure.isPresent()) {
      onFailure(i, startNanos, failure.get().kind(), failure.get().message());
      return;
    }
    OptionalLong ttft = result.timeline().ttftAnyNanos();
    OptionalLong generation = result.timeline().generationWindowNanos();
    onSuccess(i, startNanos, ttft.orElse(result.timeline().e2eNanos()), result.outputTokens(),
        generation.orElse(0));
  }

  // ------------------------------------------------------------------------------------------ inspection

  /**
   * The number of candidates.
   *
   * @return 1 to {@value #MAX_CANDIDATES}
   */
  public int size() {
    return ids.length;
  }

  /**
   * The candidates, in index order.
   *
   * @return the list
   */
  public List<Candidate> candidates() {
    return candidateList;
  }

  /**
   * The id of candidate {@code i}.
   *
   * @param i the index
   * @return the id
   */
  public String id(int i) {
    return ids[i];
  }

  /**
   * The index of a candidate id.
   *
   * @param id the id
   * @return the index
   * @throws IllegalArgumentException if no candidate has this id
   */
  public int indexOf(String id) {
    Integer i = index.get(id);
    if (i == null) {
      throw new IllegalArgumentException("id must be one of " + index.keySet() + ", but was \"" + id + "\"");
    }
    return i;
  }

  /**
   * The live statistics of candidate {@code i}.
   *
   * @param i the index
   * @return the statistics
   */
  public ProviderStats stats(int i) {
    return stats[i];
  }

  /**
   * The live statistics of a candidate.
   *
   * @param id the id
   * @return the statistics
   * @throws IllegalArgumentException if no candidate has this id
   */
  public ProviderStats stats(String id) {
    return stats[indexOf(id)];
  }

  /**
   * The circuit state of candidate {@code i}.
   *
   * @param i the index
   * @return the state
   */
  public HealthState healthState(int i) {
    return breakers[i].state();
  }

  /**
   * The circuit state of a candidate.
   *
   * @param id the id
   * @return the state
   * @throws IllegalArgumentException if no candidate has this id
   */
  public HealthState healthState(String id) {
    return breakers[indexOf(id)].state();
  }

  /**
   * The retry budget.
   *
   * @return the budget
   */
  public RetryBudget retryBudget() {
    return retryBudget;
  }

  /**
   * The policy.
   *
   * @return the policy
   */
  public RoutingPolicy policy() {
    return policy;
  }

  /**
   * The request's estimated cost at candidate {@code i}'s prices: uncached input, cached input at the
   * cache-read rate (or the input rate if the candidate has none), and expected output.
   *
   * @param i the candidate index
   * @param request the request
   * @return USD, within {@link PriceHandle#RELATIVE_ERROR_BOUND}; {@code +Infinity} if the candidate
   *     cannot price it
   */
  public double estimateCostUsd(int i, RouteRequest request) {
    PriceHandle p = prices[i];
    long in = request.inputTokens();
    long out = request.expectedOutputTokens();
    long cached = pricesCacheRead[i] ? request.cachedInputTokens() : 0;
    try {
      return p.costUsd(in - cached, cached, 0, 0, out, 0);
    } catch (RuntimeException unpriced) {
      // A long-context tier without a cache-read price: bill cached tokens as input, or give up.
      try {
        return p.costUsd(in, out);
      } catch (RuntimeException stillUnpriced) {
        return Double.POSITIVE_INFINITY;
      }
    }
  }

  ProviderStats statsAt(int i) {
    return stats[i];
  }

  double weightAt(int i) {
    return weights[i];
  }

  long nextRandomState() {
    return random.addAndGet(0x9E3779B97F4A7C15L);
  }

  long nextSequence() {
    return sequence.getAndIncrement();
  }

  NanoClock clock() {
    return clock;
  }

  @Override
  public String toString() {
    return "Router[" + String.join(", ", ids) + "; " + policy.name() + "]";
  }

  /**
   * Builds a {@link Router}.
   *
   * <pre>{@code
   * Router r = Router.builder().candidates(list).policy(RoutingPolicy.fastest()).seed(42).build();
   * }</pre>
   */
  public static final class Builder {
    private List<Candidate> candidates = List.of();
    private RoutingPolicy policy = RoutingPolicy.weightedUtility(UtilityWeights.defaults());
    private StatsConfig stats = StatsConfig.defaults();
    private HealthConfig health = HealthConfig.defaults();
    private RetryBudgetConfig retryBudget = RetryBudgetConfig.defaults();
    private HealthListener listener = HealthListener.NONE;
    private NanoClock clock = NanoClock.SYSTEM;
    private long seed = ThreadLocalRandom.current().nextLong();
    private List<String> fallbackChain = List.of();

    private Builder() { }

    /**
     * The candidates, 1 to {@value #MAX_CANDIDATES}, with unique ids; their order gives their indices.
     *
     * @param candidates the candidates
     * @return this
     */
    public Builder candidates(List<Candidate> candidates) {
      this.candidates = List.copyOf(candidates);
      return this;
    }

    /**
     * The policy; {@link RoutingPolicy#weightedUtility} with {@link UtilityWeights#defaults()} by default.
     *
     * @param policy the policy
     * @return this
     */
    public Builder policy(RoutingPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * How statistics are smoothed; {@link StatsConfig#defaults()} by default.
     *
     * @param stats the configuration
     * @return this
     */
    public Builder stats(StatsConfig stats) {
      this.stats = Objects.requireNonNull(stats, "stats");
      return this;
    }

    /**
     * When candidates are ejected; {@link HealthConfig#defaults()} by default.
     *
     * @param health the configuration
     * @return this
     */
    public Builder health(HealthConfig health) {
      this.health = Objects.requireNonNull(health, "health");
      return this;
    }

    /**
     * The retry budget; {@link RetryBudgetConfig#defaults()} by default.
     *
     * @param retryBudget the configuration
     * @return this
     */
    public Builder retryBudget(RetryBudgetConfig retryBudget) {
      this.retryBudget = Objects.requireNonNull(retryBudget, "retryBudget");
      return this;
    }

    /**
     * Who hears about health changes; {@link HealthListener#NONE} by default.
     *
     * @param listener the listener
     * @return this
     */
    public Builder healthListener(HealthListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * The time source; {@link NanoClock#SYSTEM} by default.
     *
     * @param clock the clock
     * @return this
     */
    public Builder clock(NanoClock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The seed of the router's random numbers (random by default): the same seed and the same sequence of
     * calls give the same choices.
     *
     * @param seed the seed
     * @return this
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * An ordered fallback chain of candidate ids for {@link #failover}; empty (the policy chooses) by
     * default.
     *
     * @param ids candidate ids, unique
     * @return this
     */
    public Builder fallbackChain(List<String> ids) {
      this.fallbackChain = List.copyOf(ids);
      return this;
    }

    /**
     * The router.
     *
     * @return a new router with fresh statistics
     * @throws IllegalArgumentException if there are no or more than {@value #MAX_CANDIDATES} candidates,
     *     an id repeats, a candidate lacks an input or output price, or the fallback chain names an unknown
     *     or repeated id
     */
    public Router build() {
      return new Router(this);
    }
  }
}
