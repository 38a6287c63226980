package dev.tradeoff.api.routing;

import dev.tradeoff.api.routing.internal.WindowCounters;
import dev.tradeoff.metrics.Failure;
import dev.tradeoff.metrics.RequestResult;
import dev.tradeoff.metrics.FailureKind;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Live statistics of one routing candidate, updated from many threads as its requests start and finish:
 * moving averages (EWMA) of time to first token, output tokens per second and error rate; the requests in
 * flight; a sliding window of counts; the last error.
 *
 * <p>Averages start at the candidate's priors (what it is expected to do before any request was seen) and
 * move by {@link StatsConfig#ewmaAlpha()} per sample. Only successful requests feed the latency and
 * throughput averages; every finished request feeds the error rate (1 for a failure, 0 for a success).
 * An average with no sample for {@link StatsConfig#staleAfter()} reads as its prior again, and its next
 * sample starts from the prior: a candidate that stopped getting traffic because of one slow or failed
 * request is judged on what it is expected to do, not frozen on that request.
 *
 * <p>An exponentially weighted average of 0/1 outcomes cannot judge a small error-rate objective: with
 * alpha 0.2, one failure lifts it to at least 0.2 whatever the candidate's true rate. {@link
 * #errorRateExceeds(double)} judges an objective over the sliding window instead, and only with at
 * least {@link StatsConfig#minimumRequests()} requests in it.
 *
 * <h2>Thread-safety and cost</h2>
 * Lock-free. Each average is one {@code double} updated by a CAS loop (a lost race retries, never drops a
 * sample); in-flight is one atomic counter; the window is a {@link WindowCounters ring of buckets} whose
 * rotation may drop at most {@code T − 1} updates per bucket rotation with {@code T} threads recording at
 * once (see {@link #window()} for the bound). Recording allocates nothing, except {@link #onFailure} which
 * keeps one {@link ErrorEvent}. Readers see each value as of some recent moment; values read one after
 * another may be from slightly different moments.
 *
 * <pre>{@code
 * ProviderStats stats = ProviderStats.create(StatsConfig.defaults(), NanoClock.SYSTEM,
 *     Duration.ofMillis(400), 80.0);
 * stats.onStart();
 * RequestResult r = client.execute(request);
 * stats.record(r);                        // or onSuccess(..) / onFailure(..)
 * double ttftMs = stats.ttftNanos() / 1e6;
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ProviderStats {

  /** Prior time to first token used by {@link #create(StatsConfig, NanoClock)}: 1 second. */
  public static final Duration DEFAULT_PRIOR_TTFT = Duration.ofSeconds(1);
  /** Prior output tokens per second used by {@link #create(StatsConfig, NanoClock)}: 50 tokens/s. */
  public static final double DEFAULT_PRIOR_TOKENS_PER_SECOND = 50.0;

  // Requests are successes plus failures: one counter fewer to update per request.
  static final int SUCCESSES = 0;
  static final int FAILURES = 1;
  static final int TTFT_SUM = 2;
  static final int OUTPUT_TOKENS = 3;
  static final int GENERATION_NANOS = 4;
  private static final int FIELDS = 5;

  private static final VarHandle TTFT;
  private static final VarHandle TPS;
  private static final VarHandle ERR;
  private static final VarHandle IN_FLIGHT;

  static {
    try {
      MethodHandles.Lookup l = MethodHandles.lookup();
      TTFT = l.findVarHandle(ProviderStats.class, "ttftBits", long.class);
      TPS = l.findVarHandle(ProviderStats.class, "tpsBits", long.class);
      ERR = l.findVarHandle(ProviderStats.class, "errBits", long.class);
      IN_FLIGHT = l.findVarHandle(ProviderStats.class, "inFlight", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final NanoClock clock;
  private final double alpha;
  private final WindowCounters window;
  private final long windowNanos;
  private final long staleNanos;
  private final int minimumRequests;
  private final double priorTtftNanos;
  private final double priorTps;

  private volatile long ttftBits;
  private volatile long tpsBits;
  private volatile long errBits;
  private volatile long inFlight;
  private volatile ErrorEvent lastError;
  /** When the latest success / finished request / failure was recorded (clock time). */
  private volatile long lastSuccessNanos;
  private volatile long lastFinishNanos;
  private volatile long lastFailureNanos;

  private ProviderStats(StatsConfig config, NanoClock clock, double priorTtftNanos, double priorTps) {
    this.clock = clock;
    this.alpha = config.ewmaAlpha();
    long configuredWindow = config.window().toNanos();
    this.window = new WindowCounters(config.windowBuckets(), configuredWindow / config.windowBuckets(), FIELDS,
        clock.nanoTime());
    this.windowNanos = window.windowNanos();
    this.staleNanos = config.staleAfter().toNanos();
    this.minimumRequests = config.minimumRequests();
    this.priorTtftNanos = priorTtftNanos;
    this.priorTps = priorTps;
    this.ttftBits = Double.doubleToRawLongBits(priorTtftNanos);
    this.tpsBits = Double.doubleToRawLongBits(priorTps);
    this.errBits = Double.doubleToRawLongBits(0.0);
    // The averages hold their priors, which is what a stale average reads as: any start time will do.
    long now = clock.nanoTime();
    this.lastSuccessNanos = now;
    this.lastFinishNanos = now;
    this.lastFailureNanos = now - windowNanos; // no failure in the window
  }

  /**
   * Statistics with the default priors ({@link #DEFAULT_PRIOR_TTFT}, {@link
   * #DEFAULT_PRIOR_TOKENS_PER_SECOND}).
   *
   * @param config smoothing and window
   * @param clock the time source
   * @return new statistics
   */
  public static ProviderStats create(StatsConfig config, NanoClock clock) {
    return create(config, clock, DEFAULT_PRIOR_TTFT, DEFAULT_PRIOR_TOKENS_PER_SECOND);
  }

  /**
   * Statistics starting from priors.
   *
   * @param config smoothing and window
   * @param clock the time source
   * @param priorTtft the expected time to first token before any sample, positive
   * @param priorTokensPerSecond the expected output tokens per second before any sample, positive
   * @return new statistics
   * @throws IllegalArgumentException if a prior is not positive and finite
   */
  public static ProviderStats create(
      StatsConfig config, NanoClock clock, Duration priorTtft, double priorTokensPerSecond) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(clock, "clock");
    if (priorTtft.isNegative() || priorTtft.isZero()) {
      throw new IllegalArgumentException("priorTtft must be positive, but was " + priorTtft);
    }
    if (!(priorTokensPerSecond > 0) || Double.isInfinite(priorTokensPerSecond)) {
      throw new IllegalArgumentException(
          "priorTokensPerSecond must be positive and finite, but was " + priorTokensPerSecond);
    }
    return new ProviderStats(config, clock, priorTtft.toNanos(), priorTokensPerSecond);
  }

  /** A request was sent: one more in flight. */
  public void onStart() {
    IN_FLIGHT.getAndAdd(this, 1L);
  }

  /**
   * A request succeeded: one fewer in flight, latency and throughput averages updated.
   *
   * @param ttftNanos time to first token, {@code >= 0}
   * @param outputTokens output tokens, {@code >= 0}
   * @param generationNanos first to last token, {@code >= 0}; tokens/s is updated only when it and
   *     {@code outputTokens - 1} are positive
   * @throws IllegalArgumentException if a value is negative
   */
  public void onSuccess(long ttftNanos, long outputTokens, long generationNanos) {
    onSuccess(clock.nanoTime(), ttftNanos, outputTokens, generationNanos);
  }

  void onSuccess(long now, long ttftNanos, long outputTokens, long generationNanos) {
    if ((ttftNanos | outputTokens | generationNanos) < 0) {
      throw new IllegalArgumentException("ttftNanos, outputTokens and generationNanos must be >= 0, but were "
          + ttftNanos + ", " + outputTokens + ", " + generationNanos);
    }
    IN_FLIGHT.getAndAdd(this, -1L);
    boolean stale = stale(now, lastSuccessNanos);
    update(TTFT, ttftNanos, stale, priorTtftNanos);
    int b = window.bucket(now);
    if (outputTokens > 1 && generationNanos > 0) {
      update(TPS, (outputTokens - 1) * 1e9 / generationNanos, stale, priorTps);
      window.addAt(b, OUTPUT_TOKENS, outputTokens - 1);
      window.addAt(b, GENERATION_NANOS, generationNanos);
    }
    if (errBits != 0L) { // skip the CAS while the error average is exactly 0
      update(ERR, 0.0, stale(now, lastFinishNanos), 0.0);
    }
    window.addAt(b, SUCCESSES, 1);
    window.addAt(b, TTFT_SUM, ttftNanos);
    lastSuccessNanos = now;
    lastFinishNanos = now;
  }

  private boolean stale(long now, long last) {
    return now - last > staleNanos;
  }

  /**
   * A request failed: one fewer in flight, error rate updated, the error kept as {@link #lastError()}.
   *
   * @param kind the kind of failure
   * @param message a message (the provider's, or a description)
   */
  public void onFailure(FailureKind kind, String message) {
    onFailure(clock.nanoTime(), kind, message);
  }

  void onFailure(long now, FailureKind kind, String message) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
    IN_FLIGHT.getAndAdd(this, -1L);
    update(ERR, 1.0, stale(now, lastFinishNanos), 0.0);
    window.add(now, FAILURES, 1);
    lastError = new ErrorEvent(kind, message, now);
    lastFailureNanos = now;
    lastFinishNanos = now;
  }

  /**
   * Records a finished request measured by {@code tradeoff-metrics}: a success with its TTFT (to the first
   * token of any kind, reasoning included), output tokens and generation window; or a failure with its kind
   * and message. Counts as the end of a request started with {@link #onStart()}.
   *
   * @param result the measured result
   */
  public void record(RequestResult result) {
    Optional<Failure> failure = result.failure();
    if (failure.isPresent()) {
      onFailure(failure.get().kind(), failure.get().message());
      return;
    }
    OptionalLong ttft = result.timeline().ttftAnyNanos();
    OptionalLong generation = result.timeline().generationWindowNanos();
    onSuccess(ttft.orElse(result.timeline().e2eNanos()), result.outputTokens(), generation.orElse(0));
  }

  /**
   * Moves an average towards a sample; a stale average restarts from {@code prior}. Only the first try
   * restarts: a CAS lost to another thread means a fresh sample has just landed.
   */
  private void update(VarHandle h, double sample, boolean stale, double prior) {
    boolean restart = stale;
    while (true) {
      long bits = (long) h.getVolatile(this);
      double cur = restart ? prior : Double.longBitsToDouble(bits);
      double next = cur + alpha * (sample - cur);
      if (h.compareAndSet(this, bits, Double.doubleToRawLongBits(next))) {
        return;
      }
      restart = false;
    }
  }

  /**
   * The moving average of time to first token now (the prior if it is stale, see {@link
   * StatsConfig#staleAfter()}).
   *
   * @return nanoseconds
   */
  public double ttftNanos() {
    return ttftNanos(clock.nanoTime());
  }

  /** The moving average of time to first token at {@code now}, on this statistics' clock. */
  double ttftNanos(long now) {
    return stale(now, lastSuccessNanos) ? priorTtftNanos : Double.longBitsToDouble(ttftBits);
  }

  /**
   * The moving average of output tokens per second over the generation window now (the prior if it is
   * stale, see {@link StatsConfig#staleAfter()}).
   *
   * @return tokens per second
   */
  public double outputTokensPerSecond() {
    return outputTokensPerSecond(clock.nanoTime());
  }

  /** The moving average of output tokens per second at {@code now}. */
  double outputTokensPerSecond(long now) {
    return stale(now, lastSuccessNanos) ? priorTps : Double.longBitsToDouble(tpsBits);
  }

  /**
   * The moving average of the error rate now (each finished request counts 1 if it failed, 0 otherwise; 0
   * if it is stale, see {@link StatsConfig#staleAfter()}). Good for trends and weighting; to judge an
   * error-rate objective use {@link #errorRateExceeds(double)}.
   *
   * @return in [0, 1]
   */
  public double errorRate() {
    return errorRate(clock.nanoTime());
  }

  /** The moving average of the error rate at {@code now}. */
  double errorRate(long now) {
    return stale(now, lastFinishNanos) ? 0.0 : Double.longBitsToDouble(errBits);
  }

  /**
   * Whether the error rate over the sliding window ending now exceeds {@code maxErrorRate}, judged only
   * when the window holds at least {@link StatsConfig#minimumRequests()} finished requests (fewer are not
   * evidence). Allocation-free; without a failure in the window it reads one field.
   *
   * @param maxErrorRate the objective, in [0, 1]
   * @return true if at least the minimum of requests finished in the window and more than {@code
   *     maxErrorRate} of them failed
   */
  public boolean errorRateExceeds(double maxErrorRate) {
    return errorRateExceeds(clock.nanoTime(), maxErrorRate);
  }

  /** {@link #errorRateExceeds(double)} at {@code now}, on this statistics' clock. */
  boolean errorRateExceeds(long now, double maxErrorRate) {
    if (now - lastFailureNanos >= windowNanos) {
      return false; // no failure in the window
    }
    long failures = window.sum(now, FAILURES);
    long requests = failures + window.sum(now, SUCCESSES);
    return requests >= minimumRequests && failures > maxErrorRate * requests;
  }

  /**
   * Requests started and not yet finished (never negative, even if finishes were recorded without starts).
   *
   * @return the count
   */
  public long inFlight() {
    return Math.max(0, inFlight);
  }

  /**
   * The last failure.
   *
   * @return the last error, empty if none was recorded
   */
  public Optional<ErrorEvent> lastError() {
    return Optional.ofNullable(lastError);
  }

  /**
   * Counts over the sliding window ending now. With {@code T} threads recording at once, each count may be
   * short by at most {@code (T − 1) × windowBuckets} updates (lost to a racing bucket rotation), and an
   * update may be counted up to one bucket late; single-threaded recording is exact.
   *
   * @return the window's counts
   */
  public StatsSnapshot.Window window() {
    long now = clock.nanoTime();
    long failures = window.sum(now, FAILURES);
    long successes = window.sum(now, SUCCESSES);
    long requests = successes + failures;
    long ttftSum = window.sum(now, TTFT_SUM);
    long tokens = window.sum(now, OUTPUT_TOKENS);
    long generation = window.sum(now, GENERATION_NANOS);
    return new StatsSnapshot.Window(requests, failures,
        successes == 0 ? 0 : (double) ttftSum / successes,
        generation == 0 ? 0 : tokens * 1e9 / generation);
  }

  /**
   * Everything at once, for reports and explanations.
   *
   * @return a snapshot
   */
  public StatsSnapshot snapshot() {
    return new StatsSnapshot(ttftNanos(), outputTokensPerSecond(), errorRate(), inFlight(), window(),
        lastError());
  }

  @Override
  public String toString() {
    return "ProviderStats[ttft=" + Math.round(ttftNanos() / 1e6) + " ms, tps=" + Math.round(outputTokensPerSecond())
        + ", err=" + errorRate() + ", inFlight=" + inFlight() + "]";
  }
}
