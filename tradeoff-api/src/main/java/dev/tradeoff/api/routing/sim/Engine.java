package dev.tradeoff.api.routing.sim;

import dev.tradeoff.api.routing.Candidate;
import dev.tradeoff.api.routing.NanoClock;
import dev.tradeoff.api.routing.RouteRequest;
import dev.tradeoff.api.routing.Router;
import dev.tradeoff.api.routing.RoutingPolicy;
import dev.tradeoff.api.routing.internal.EventHeap;
import dev.tradeoff.api.routing.internal.SplitMix;
import dev.tradeoff.metrics.FailureKind;
import dev.tradeoff.pricing.LongContextTier;
import dev.tradeoff.pricing.ModelPrice;
import dev.tradeoff.pricing.PriceHandle;
import dev.tradeoff.pricing.RequestOptions;
import dev.tradeoff.pricing.TokenClass;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/**
 * One run of one policy over one scenario: a discrete-event loop over a primitive {@link EventHeap} of
 * attempt completions plus the one pending arrival (simultaneous events: the arrival first, then completions
 * in the order they were scheduled), request
 * state in parallel arrays indexed by slot (recycled through a free list), and the real {@link Router} on a
 * simulated clock. Nothing in the per-request path allocates except the router's record of a failure.
 *
 * <p>Random streams, all derived from the scenario's seed: arrivals; the request pool (drawn once); which
 * pool entry each arrival gets; and one stream per (request, attempt number, candidate) for latency and
 * failure draws — so policies that send the same request to the same candidate see the same latency.
 */
final class Engine {

  private static final int SUCCESS = -1;
  private static final FailureKind[] KINDS = FailureKind.values();
  private static final String[] MESSAGES = new String[KINDS.length];
  private static final long HISTOGRAM_MAX_MICROS = 24L * 3_600_000_000L;
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

  static {
    for (FailureKind k : KINDS) {
      MESSAGES[k.ordinal()] = "simulated " + k.wireName();
    }
  }

  /** The router's clock: simulated time, set by the event loop. */
  private static final class SimClock implements NanoClock {
    long now;

    @Override
    public long nanoTime() {
      return now;
    }
  }

  private final TrafficScenario scenario;
  private final String policyName;
  private final Router router;
  private final SimClock clock = new SimClock();
  private final int k;
  private final long seed;
  private final long durationNanos;
  private final long bucketNanos;
  private final long timeoutNanos;
  private final int maxAttempts;
  private final ArrivalProcess arrivalProcess;

  // Candidate behaviour.
  private final Distribution[] ttft;
  private final Distribution[] tps;
  private final double[] prefillSecondsPerToken;
  private final double[] errorRate;
  private final boolean[] limited;
  private final double[] rpmCap;
  private final double[] rpmPerNano;
  private final double[] rpmLevel;
  private final double[] tpmCap;
  private final double[] tpmPerNano;
  private final double[] tpmLevel;
  private final long[] bucketLast;
  private final long[] maxConcurrent;
  private final long[] inflight;
  private final long[] rejectNanos;
  private final long[][] incFrom;
  private final long[][] incTo;
  private final Incident.Kind[][] incKind;
  private final double[][] incFactor;
  private final int[][] incFailure;
  private final long[][] incFailAfter;

  // Pricing: per candidate, per long-context tier, token counts of [uncached input, cache read, output].
  private final PriceHandle[] price;
  private final long[][] thresholds;
  private final boolean[][] cacheReadPriced;
  private final long[][] tokens;

  // Requests.
  private final RouteRequest[] pool;
  private final EventHeap heap = new EventHeap(1024);
  private final SplittableRandom arrivalRandom;
  private final SplittableRandom pickRandom;
  private final SplitMix attemptRandom = new SplitMix(0);
  private int[] slotRequest = new int[1024];
  private long[] slotArrival = new long[1024];
  private long[] slotSerial = new long[1024];
  private int[] slotAttempts = new int[1024];
  private long[] slotTried = new long[1024];
  private int[] slotFirst = new int[1024];
  private int[] slotCandidate = new int[1024];
  private int[] slotOutcome = new int[1024];
  private boolean[] slotHeld = new boolean[1024];
  private long[] slotTtft = new long[1024];
  private long[] slotGeneration = new long[1024];
  private long[] slotStart = new long[1024];
  private int[] free = new int[1024];
  private int freeTop;
  private int slotsUsed;

  // Results.
  private long arrivals;
  private long served;
  private long attempts;
  private long retries;
  private long failovers;
  private final long[] failed = new long[FailureReason.values().length];
  private final long[] servedBy;
  private final long[] attemptsBy;
  private long[][] attemptsTimeline;
  private long[][] servedTimeline;
  private final Histogram e2e = new Histogram(HISTOGRAM_MAX_MICROS, 3);
  private final Histogram firstToken = new Histogram(HISTOGRAM_MAX_MICROS, 3);
  private final double budget;
  private double runningCost;
  private long exhaustedAt = -1;

  Engine(TrafficScenario s, RoutingPolicy policy) {
    this.scenario = s;
    this.policyName = policy.name();
    this.seed = s.seed();
    this.durationNanos = s.duration().toNanos();
    this.bucketNanos = s.timelineBucket().toNanos();
    this.timeoutNanos = s.attemptTimeout().toNanos();
    this.maxAttempts = s.maxAttempts();
    this.arrivalProcess = s.arrivals();
    List<Candidate> candidates = new ArrayList<>();
    for (SimulatedCandidate c : s.candidates()) {
      candidates.add(c.candidate());
    }
    this.router = Router.builder()
        .candidates(candidates)
        .policy(policy)
        .clock(clock)
        .seed(SplitMix.seed(seed, 0x5EED, 0))
        .health(s.health())
        .stats(s.stats())
        .retryBudget(s.retryBudget())
        .fallbackChain(s.fallbackChain())
        .build();
    this.k = candidates.size();
    ttft = new Distribution[k];
    tps = new Distribution[k];
    prefillSecondsPerToken = new double[k];
    errorRate = new double[k];
    limited = new boolean[k];
    rpmCap = new double[k];
    rpmPerNano = new double[k];
    rpmLevel = new double[k];
    tpmCap = new double[k];
    tpmPerNano = new double[k];
    tpmLevel = new double[k];
    bucketLast = new long[k];
    maxConcurrent = new long[k];
    inflight = new long[k];
    rejectNanos = new long[k];
    incFrom = new long[k][];
    incTo = new long[k][];
    incKind = new Incident.Kind[k][];
    incFactor = new double[k][];
    incFailure = new int[k][];
    incFailAfter = new long[k][];
    price = new PriceHandle[k];
    thresholds = new long[k][];
    cacheReadPriced = new boolean[k][];
    tokens = new long[k][];
    servedBy = new long[k];
    attemptsBy = new long[k];
    int buckets = (int) Math.min(Integer.MAX_VALUE - 8, durationNanos / bucketNanos + 2);
    attemptsTimeline = new long[k][buckets];
    servedTimeline = new long[k][buckets];
    for (int i = 0; i < k; i++) {
      SimulatedCandidate c = s.candidates().get(i);
      ttft[i] = c.latency().ttftMillis();
      tps[i] = c.latency().tokensPerSecond();
      prefillSecondsPerToken[i] = 1 / c.latency().prefillTokensPerSecond();
      errorRate[i] = c.errorRate();
      RateLimit rl = c.rateLimit();
      limited[i] = rl.requestsPerMinute() != RateLimit.UNLIMITED || rl.tokensPerMinute() != RateLimit.UNLIMITED
          || rl.maxConcurrent() != RateLimit.UNLIMITED;
      rpmCap[i] = rl.requestsPerMinute();
      rpmPerNano[i] = rl.requestsPerMinute() / 60e9;
      rpmLevel[i] = rpmCap[i];
      tpmCap[i] = rl.tokensPerMinute();
      tpmPerNano[i] = rl.tokensPerMinute() / 60e9;
      tpmLevel[i] = tpmCap[i];
      maxConcurrent[i] = rl.maxConcurrent();
      rejectNanos[i] = rl.rejectLatency().toNanos();
      List<Incident> mine = new ArrayList<>();
      for (Incident inc : s.incidents()) {
        if (inc.candidateId().equals(c.id())) {
          mine.add(inc);
        }
      }
      int n = mine.size();
      incFrom[i] = new long[n];
      incTo[i] = new long[n];
      incKind[i] = new Incident.Kind[n];
      incFactor[i] = new double[n];
      incFailure[i] = new int[n];
      incFailAfter[i] = new long[n];
      for (int j = 0; j < n; j++) {
        Incident inc = mine.get(j);
        incFrom[i][j] = inc.from().toNanos();
        incTo[i][j] = inc.to().toNanos();
        incKind[i][j] = inc.kind();
        incFactor[i][j] = inc.factor();
        incFailure[i][j] = inc.failure().ordinal();
        incFailAfter[i][j] = inc.failAfter().toNanos();
      }
      price[i] = c.candidate().price();
      ModelPrice model = price[i].model();
      RequestOptions options = price[i].options();
      List<LongContextTier> tiers = model.longContextTiers();
      thresholds[i] = new long[tiers.size()];
      cacheReadPriced[i] = new boolean[tiers.size() + 1];
      for (int t = 0; t <= tiers.size(); t++) {
        if (t > 0) {
          thresholds[i][t - 1] = tiers.get(t - 1).thresholdInputTokens();
        }
        long prompt = representativePrompt(i, t);
        for (TokenClass needed : new TokenClass[] {TokenClass.INPUT, TokenClass.OUTPUT}) {
          if (model.rate(needed, options, prompt).isEmpty()) {
            throw new IllegalArgumentException("candidate " + c.id() + " must price " + needed + " tokens in tier "
                + t + ", but " + model.id() + " has no such rate under " + options);
          }
        }
        cacheReadPriced[i][t] = model.rate(TokenClass.CACHE_READ, options, prompt).isPresent();
      }
      tokens[i] = new long[3 * (tiers.size() + 1)];
    }
    // Streams.
    SplittableRandom poolRandom = new SplittableRandom(SplitMix.seed(seed, 1, 0));
    pool = new RouteRequest[s.requestPoolSize()];
    for (int p = 0; p < pool.length; p++) {
      pool[p] = s.tokenMix().sample(poolRandom);
    }
    arrivalRandom = new SplittableRandom(SplitMix.seed(seed, 2, 0));
    pickRandom = new SplittableRandom(SplitMix.seed(seed, 3, 0));
    budget = s.budgetUsd().map(BigDecimal::doubleValue).orElse(Double.POSITIVE_INFINITY);
    for (int slot = 0; slot < free.length; slot++) {
      free[slot] = free.length - 1 - slot;
    }
    freeTop = free.length;
  }

  private long representativePrompt(int i, int tier) {
    return tier == 0 ? 0 : thresholds[i][tier - 1] + 1;
  }

  SimulationResult run() {
    long first = arrivalProcess.nextArrivalNanos(ArrivalProcess.FIRST, arrivalRandom);
    if (first < 0) {
      throw new IllegalStateException("arrival process must start at or after 0, but returned " + first);
    }
    // The next arrival waits outside the heap: it is always the only arrival pending, so comparing it with the
    // heap's earliest completion saves a push and a pop per request. At equal times the arrival goes first.
    long nextArrival = first < durationNanos ? first : Long.MAX_VALUE;
    while (nextArrival != Long.MAX_VALUE || !heap.isEmpty()) {
      if (nextArrival != Long.MAX_VALUE && (heap.isEmpty() || nextArrival <= heap.peekTime())) {
        long now = nextArrival;
        clock.now = now;
        arrive(now);
        long next = arrivalProcess.nextArrivalNanos(now, arrivalRandom);
        if (next < now) {
          throw new IllegalStateException("arrival process must not go back in time, but went from " + now
              + " ns to " + next + " ns");
        }
        nextArrival = next < durationNanos ? next : Long.MAX_VALUE;
      } else {
        heap.pop();
        long now = heap.lastTime();
        clock.now = now;
        complete(heap.lastPayload(), now);
      }
    }
    if (slotsUsed != 0) {
      throw new IllegalStateException("every request must end, but " + slotsUsed + " are still open");
    }
    return result();
  }

  // ------------------------------------------------------------------------------------------ events

  private void arrive(long now) {
    arrivals++;
    int slot = allocate();
    slotRequest[slot] = pickRandom.nextInt(pool.length);
    slotArrival[slot] = now;
    slotSerial[slot] = arrivals;
    slotAttempts[slot] = 0;
    slotTried[slot] = 0;
    int i = router.select(pool[slotRequest[slot]]);
    if (i < 0) {
      fail(slot, FailureReason.NO_CANDIDATE);
      return;
    }
    slotFirst[slot] = i;
    dispatch(slot, i, now);
  }

  private void dispatch(int slot, int i, long now) {
    int attempt = ++slotAttempts[slot];
    slotTried[slot] |= 1L << i;
    slotCandidate[slot] = i;
    slotHeld[slot] = false;
    attempts++;
    attemptsBy[i]++;
    attemptsTimeline = bump(attemptsTimeline, i, now);
    slotStart[slot] = router.onStart(i);
    RouteRequest r = pool[slotRequest[slot]];
    attemptRandom.reseed(SplitMix.seed(seed, slotSerial[slot], ((long) attempt << 8) | i));

    double spike = 1;
    double burst = 0;
    int down = -1;
    long downAfter = 0;
    long[] from = incFrom[i];
    for (int j = 0; j < from.length; j++) {
      if (now >= from[j] && now < incTo[i][j]) {
        switch (incKind[i][j]) {
          case OUTAGE:
            down = incFailure[i][j];
            downAfter = incFailAfter[i][j];
            break;
          case LATENCY_SPIKE:
            spike *= incFactor[i][j];
            break;
          default:
            burst = 1 - (1 - burst) * (1 - incFactor[i][j]);
            break;
        }
      }
    }
    long duration;
    int outcome;
    if (down >= 0) {
      outcome = down;
      duration = downAfter;
    } else if (limited[i] && !admit(i, now, r.inputTokens() + r.expectedOutputTokens())) {
      outcome = FailureKind.RATE_LIMITED.ordinal();
      duration = rejectNanos[i];
    } else {
      if (limited[i]) {
        inflight[i]++;
        slotHeld[slot] = true;
      }
      double u = attemptRandom.nextDouble();
      double ttftMillis = ttft[i].sample(attemptRandom) * spike + r.inputTokens() * prefillSecondsPerToken[i] * 1e3;
      long ttftNanos = Math.round(ttftMillis * 1e6);
      double fail = 1 - (1 - errorRate[i]) * (1 - burst);
      if (u < fail) {
        outcome = FailureKind.HTTP_SERVER_ERROR.ordinal();
        duration = ttftNanos;
      } else {
        double rate = Math.max(1e-3, tps[i].sample(attemptRandom));
        long out = r.expectedOutputTokens();
        long generation = out > 1 ? Math.round((out - 1) / rate * 1e9 * spike) : 0;
        outcome = SUCCESS;
        // Saturating (both terms may be Math.round's Long.MAX_VALUE): a timeout below if longer than allowed.
        duration = generation > Long.MAX_VALUE - ttftNanos ? Long.MAX_VALUE : ttftNanos + generation;
        slotTtft[slot] = ttftNanos;
        slotGeneration[slot] = generation;
      }
    }
    if (duration > timeoutNanos) {
      // The client gives up at the timeout: a failure that would come later (an outage's, a slow 5xx or 429)
      // is never seen (a success that would is already a timeout).
      outcome = FailureKind.CALL_TIMEOUT.ordinal();
      duration = timeoutNanos;
    }
    slotOutcome[slot] = outcome;
    heap.push(now + duration, slot);
  }

  /** Rate limits: concurrency, then the request and token buckets (refilled continuously). */
  private boolean admit(int i, long now, long requestTokens) {
    if (inflight[i] >= maxConcurrent[i]) {
      return false;
    }
    long dt = now - bucketLast[i];
    bucketLast[i] = now;
    rpmLevel[i] = Math.min(rpmCap[i], rpmLevel[i] + dt * rpmPerNano[i]);
    tpmLevel[i] = Math.min(tpmCap[i], tpmLevel[i] + dt * tpmPerNano[i]);
    if (rpmLevel[i] < 1 || tpmLevel[i] < requestTokens) {
      return false;
    }
    rpmLevel[i] -= 1;
    tpmLevel[i] -= requestTokens;
    return true;
  }

  private void complete(int slot, long now) {
    int i = slotCandidate[slot];
    if (slotHeld[slot]) {
      inflight[i]--;
    }
    RouteRequest r = pool[slotRequest[slot]];
    int outcome = slotOutcome[slot];
    if (outcome == SUCCESS) {
      long generation = slotGeneration[slot];
      router.onSuccess(i, slotStart[slot], slotTtft[slot], r.expectedOutputTokens(), generation);
      served++;
      servedBy[i]++;
      servedTimeline = bump(servedTimeline, i, now);
      if (i != slotFirst[slot]) {
        failovers++;
      }
      long arrival = slotArrival[slot];
      e2e.recordValue(Math.min(HISTOGRAM_MAX_MICROS, (now - arrival) / 1000));
      firstToken.recordValue(Math.min(HISTOGRAM_MAX_MICROS, (now - generation - arrival) / 1000));
      bill(i, r, now);
      release(slot);
      return;
    }
    FailureKind kind = KINDS[outcome];
    router.onFailure(i, slotStart[slot], kind, MESSAGES[outcome]);
    if (!kind.retryableByDefault() && kind != FailureKind.CALL_TIMEOUT) {
      fail(slot, FailureReason.NOT_RETRYABLE);
    } else if (slotAttempts[slot] >= maxAttempts) {
      fail(slot, FailureReason.MAX_ATTEMPTS);
    } else {
      int next = router.failover(r, slotTried[slot]);
      if (next == Router.NO_CANDIDATE) {
        fail(slot, FailureReason.NO_FALLBACK);
      } else if (next == Router.RETRY_BUDGET_EXHAUSTED) {
        fail(slot, FailureReason.RETRY_BUDGET_EXHAUSTED);
      } else {
        retries++;
        dispatch(slot, next, now);
      }
    }
  }

  private void bill(int i, RouteRequest r, long now) {
    long prompt = r.inputTokens();
    long[] th = thresholds[i];
    int tier = 0;
    while (tier < th.length && prompt > th[tier]) {
      tier++;
    }
    long cached = cacheReadPriced[i][tier] ? r.cachedInputTokens() : 0;
    long[] t = tokens[i];
    t[3 * tier] += prompt - cached;
    t[3 * tier + 1] += cached;
    t[3 * tier + 2] += r.expectedOutputTokens();
    if (exhaustedAt < 0 && budget != Double.POSITIVE_INFINITY) {
      runningCost += price[i].costUsd(prompt - cached, cached, 0, 0, r.expectedOutputTokens(), 0);
      if (runningCost > budget) {
        exhaustedAt = now;
      }
    }
  }

  private void fail(int slot, FailureReason reason) {
    failed[reason.ordinal()]++;
    release(slot);
  }

  // ------------------------------------------------------------------------------------------ slots

  private int allocate() {
    if (freeTop == 0) {
      grow();
    }
    slotsUsed++;
    return free[--freeTop];
  }

  private void release(int slot) {
    slotsUsed--;
    free[freeTop++] = slot;
  }

  private void grow() {
    int old = slotRequest.length;
    int n = old * 2;
    slotRequest = Arrays.copyOf(slotRequest, n);
    slotArrival = Arrays.copyOf(slotArrival, n);
    slotSerial = Arrays.copyOf(slotSerial, n);
    slotAttempts = Arrays.copyOf(slotAttempts, n);
    slotTried = Arrays.copyOf(slotTried, n);
    slotFirst = Arrays.copyOf(slotFirst, n);
    slotCandidate = Arrays.copyOf(slotCandidate, n);
    slotOutcome = Arrays.copyOf(slotOutcome, n);
    slotHeld = Arrays.copyOf(slotHeld, n);
    slotTtft = Arrays.copyOf(slotTtft, n);
    slotGeneration = Arrays.copyOf(slotGeneration, n);
    slotStart = Arrays.copyOf(slotStart, n);
    free = Arrays.copyOf(free, n);
    for (int s = old; s < n; s++) {
      free[freeTop++] = n - 1 - (s - old);
    }
  }

  private long[][] bump(long[][] timeline, int i, long now) {
    long b = now / bucketNanos;
    if (b >= timeline[i].length) {
      long[][] grown = new long[timeline.length][];
      int len = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(b + 1, timeline[i].length * 2L));
      for (int c = 0; c < timeline.length; c++) {
        grown[c] = Arrays.copyOf(timeline[c], len);
      }
      timeline = grown;
    }
    timeline[i][(int) b]++;
    return timeline;
  }

  // ------------------------------------------------------------------------------------------ result

  private SimulationResult result() {
    BigDecimal total = BigDecimal.ZERO;
    Map<String, BigDecimal> costBy = new LinkedHashMap<>();
    Map<String, Long> servedMap = new LinkedHashMap<>();
    Map<String, Long> attemptsMap = new LinkedHashMap<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      String id = router.id(i);
      ids.add(id);
      BigDecimal cost = exactCost(i);
      costBy.put(id, cost);
      total = total.add(cost);
      servedMap.put(id, servedBy[i]);
      attemptsMap.put(id, attemptsBy[i]);
    }
    Map<FailureReason, Long> failures = new EnumMap<>(FailureReason.class);
    for (FailureReason reason : FailureReason.values()) {
      if (failed[reason.ordinal()] > 0) {
        failures.put(reason, failed[reason.ordinal()]);
      }
    }
    int used = (int) Math.max(durationNanos / bucketNanos + 1, clock.now / bucketNanos + 1);
    long[][] attemptsTl = trim(attemptsTimeline, used);
    long[][] servedTl = trim(servedTimeline, used);
    return new SimulationResult(policyName, arrivals, served, failures, attempts, retries, failovers, total,
        costBy, servedMap, attemptsMap, LatencySummary.of(e2e), LatencySummary.of(firstToken),
        scenario.budgetUsd(), exhaustedAt < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(exhaustedAt)),
        Duration.ofNanos(clock.now), scenario.timelineBucket(), ids, attemptsTl, servedTl);
  }

  private static long[][] trim(long[][] timeline, int len) {
    long[][] out = new long[timeline.length][];
    for (int i = 0; i < timeline.length; i++) {
      out[i] = Arrays.copyOf(timeline[i], len);
    }
    return out;
  }

  /** Token counts times exact per-million rates: the same total as pricing each request exactly. */
  private BigDecimal exactCost(int i) {
    ModelPrice model = price[i].model();
    RequestOptions options = price[i].options();
    BigDecimal sum = BigDecimal.ZERO;
    long[] t = tokens[i];
    for (int tier = 0; tier <= thresholds[i].length; tier++) {
      long prompt = representativePrompt(i, tier);
      sum = sum.add(line(t[3 * tier], model.rate(TokenClass.INPUT, options, prompt)));
      sum = sum.add(line(t[3 * tier + 1], model.rate(TokenClass.CACHE_READ, options, prompt)));
      sum = sum.add(line(t[3 * tier + 2], model.rate(TokenClass.OUTPUT, options, prompt)));
    }
    return sum;
  }

  private static BigDecimal line(long count, Optional<BigDecimal> perMillion) {
    if (count == 0) {
      return BigDecimal.ZERO;
    }
    // Present whenever count > 0: bill() only counts cache reads where they are priced, and input and
    // output are checked for every tier at construction.
    return BigDecimal.valueOf(count).multiply(perMillion.orElseThrow()).divide(MILLION);
  }
}
