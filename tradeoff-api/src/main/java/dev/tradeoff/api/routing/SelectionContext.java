package dev.tradeoff.api.routing;

/**
 * What a {@link RoutingPolicy} sees when it chooses a candidate for one request: which candidates passed
 * the hard filters and health checks, the request's estimated cost at each candidate's prices, each
 * candidate's live statistics, and deterministic sources of randomness and sequence numbers.
 *
 * <p>Candidates are addressed by their index in the router ({@code 0 .. candidateCount() - 1}); the
 * eligible ones are the set bits of {@link #eligibleMask()}. Nothing here allocates: a policy walks the
 * mask with {@link Long#numberOfTrailingZeros(long)} and reads primitives.
 *
 * <p>A context belongs to one thread for one decision (the router keeps one per thread and reuses it); a
 * policy must not keep a reference to it.
 *
 * <pre>{@code
 * RoutingPolicy leastLoaded = ctx -> {
 *   int best = Router.NO_CANDIDATE;
 *   long bestLoad = Long.MAX_VALUE;
 *   for (long m = ctx.eligibleMask(); m != 0; m &= m - 1) {
 *     int i = Long.numberOfTrailingZeros(m);
 *     ctx.score(i, ctx.inFlight(i));
 *     if (ctx.inFlight(i) < bestLoad) {
 *       bestLoad = ctx.inFlight(i);
 *       best = i;
 *     }
 *   }
 *   return best;
 * };
 * }</pre>
 *
 * @since 0.1.0
 */
public final class SelectionContext {

  /** The most criteria a built-in policy scores per candidate: 8. */
  static final int MAX_CRITERIA = 8;

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private Router router;
  private RouteRequest request;
  private long eligible;
  private long sequence;
  private boolean explaining;
  private long localRandom;
  private long now;

  final double[] scores = new double[Router.MAX_CANDIDATES];
  long scoredMask;
  final double[] matrix = new double[Router.MAX_CANDIDATES * MAX_CRITERIA];
  final double[] rowScores = new double[Router.MAX_CANDIDATES];
  final int[] rows = new int[Router.MAX_CANDIDATES];

  SelectionContext() { }

  void reset(Router router, RouteRequest request, long eligible, long sequence, boolean explaining,
      long randomState, long now) {
    this.router = router;
    this.now = now;
    this.request = request;
    this.eligible = eligible;
    this.sequence = sequence;
    this.explaining = explaining;
    this.localRandom = randomState;
    this.scoredMask = 0;
  }

  void eligible(long mask) {
    this.eligible = mask;
  }

  /**
   * The number of candidates of the router.
   *
   * @return at least 1
   */
  public int candidateCount() {
    return router.size();
  }

  /**
   * The candidates that passed every hard filter and the health check: bit {@code i} set means candidate
   * {@code i} may be chosen.
   *
   * @return the mask, never 0 when a policy is called
   */
  public long eligibleMask() {
    return eligible;
  }

  /**
   * The request being routed.
   *
   * @return the request
   */
  public RouteRequest request() {
    return request;
  }

  /**
   * The request's estimated cost at candidate {@code i}'s prices: its uncached and cached input and its
   * expected output, long-context tier included.
   *
   * @param i the candidate index
   * @return USD, or {@code +Infinity} if the candidate cannot price this usage
   */
  public double estimatedCostUsd(int i) {
    return router.estimateCostUsd(i, request);
  }

  /** Whether this decision is being explained (scores are then worth recording). */
  boolean explaining() {
    return explaining;
  }

  ProviderStats stats(int i) {
    return router.statsAt(i);
  }

  /**
   * Candidate {@code i}'s moving average of time to first token (its prior when stale, see {@link
   * StatsConfig#staleAfter()}).
   *
   * @param i the candidate index
   * @return nanoseconds
   */
  public double ttftNanos(int i) {
    return router.statsAt(i).ttftNanos(now);
  }

  /**
   * Candidate {@code i}'s moving average of output tokens per second (its prior when stale).
   *
   * @param i the candidate index
   * @return tokens per second
   */
  public double outputTokensPerSecond(int i) {
    return router.statsAt(i).outputTokensPerSecond(now);
  }

  /**
   * Candidate {@code i}'s moving average of the error rate (0 when stale). An average of 0/1 outcomes
   * jumps by the EWMA weight at every failure, so it suits weighting, not a small objective: judge an
   * objective with {@link #errorRateExceeds}.
   *
   * @param i the candidate index
   * @return in [0, 1]
   */
  public double errorRate(int i) {
    return router.statsAt(i).errorRate(now);
  }

  /**
   * Whether candidate {@code i} misses an error-rate objective: more than {@code maxErrorRate} of the
   * requests that finished in its sliding window failed, over at least {@link StatsConfig#minimumRequests()}
   * requests (fewer are not evidence either way: the candidate is not judged to miss it). Reads one field
   * when no failure lies in the window.
   *
   * @param i the candidate index
   * @param maxErrorRate the objective, in [0, 1]
   * @return true if the candidate misses it
   */
  public boolean errorRateExceeds(int i, double maxErrorRate) {
    return router.statsAt(i).errorRateExceeds(now, maxErrorRate);
  }

  /**
   * Candidate {@code i}'s requests in flight.
   *
   * @param i the candidate index
   * @return the count
   */
  public long inFlight(int i) {
    return router.statsAt(i).inFlight();
  }

  /**
   * The expected end-to-end latency of this request at candidate {@code i}: time to first token plus the
   * remaining expected output tokens at its output rate.
   *
   * @param i the candidate index
   * @return nanoseconds
   */
  public double expectedLatencyNanos(int i) {
    ProviderStats s = router.statsAt(i);
    long rest = Math.max(0, request.expectedOutputTokens() - 1);
    return s.ttftNanos(now) + rest * 1e9 / s.outputTokensPerSecond(now);
  }

  /**
   * Candidate {@code i}'s load-balancing weight.
   *
   * @param i the candidate index
   * @return the weight, {@code >= 0}
   */
  public double weight(int i) {
    return router.weightAt(i);
  }

  /**
   * A sequence number for round robin: taken from the router's counter the first time a decision asks
   * for it (decisions that never ask do not advance it), the same number for the rest of the decision.
   *
   * @return the number, {@code >= 0}
   */
  public long sequence() {
    if (sequence < 0) {
      sequence = router.nextSequence();
    }
    return sequence;
  }

  /**
   * 64 random bits from the router's seeded generator (SplitMix64; deterministic for a given seed and
   * order of calls).
   *
   * @return the bits
   */
  public long nextRandom() {
    long z = explaining ? (localRandom += GOLDEN) : router.nextRandomState();
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * A uniform random number.
   *
   * @return in [0, 1)
   */
  public double nextDouble() {
    return (nextRandom() >>> 11) * 0x1.0p-53;
  }

  /**
   * A uniform random integer.
   *
   * @param bound the exclusive upper bound, {@code >= 1}
   * @return in [0, bound)
   */
  public int nextInt(int bound) {
    // Multiply-shift: bias below 2^-32 for bounds up to 64.
    return (int) (((nextRandom() >>> 32) * bound) >>> 32);
  }

  /**
   * Records the score a policy gave candidate {@code i}, for {@link Router#explain(RouteRequest)} (cheap;
   * call it for every candidate scored).
   *
   * @param i the candidate index
   * @param score the score (its meaning is the policy's)
   */
  public void score(int i, double score) {
    scores[i] = score;
    scoredMask |= 1L << i;
  }

  /**
   * The index of the {@code n}-th set bit of a mask.
   *
   * @param mask the mask
   * @param n from 0 to {@code bitCount(mask) - 1}
   * @return the bit index
   */
  static int nthSetBit(long mask, int n) {
    long m = mask;
    for (int k = 0; k < n; k++) {
      m &= m - 1;
    }
    return Long.numberOfTrailingZeros(m);
  }
}
