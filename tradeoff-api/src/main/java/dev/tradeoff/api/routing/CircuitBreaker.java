package dev.tradeoff.api.routing;

import dev.tradeoff.api.routing.internal.WindowCounters;
import dev.tradeoff.metrics.FailureKind;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The health state machine of one candidate (see {@link HealthConfig} for the rules).
 *
 * <p>The hot path ({@link #available}, {@link #tryAcquire} while closed, {@link #onSuccess} of a fast call)
 * reads volatile fields and never locks or allocates. Transitions are rare and take the monitor, so each
 * happens once even when many threads see the trigger at the same time.
 *
 * <p>Every result carries the time its attempt was sent. A result of an attempt sent before the last
 * transition changes nothing: while open, nothing counts; while half-open, only the probes sent since the
 * cooldown ended count (a slow request sent before the outage and succeeding during it must not close the
 * circuit); after a close, the counts start afresh.
 */
final class CircuitBreaker {

  private static final Logger log = LoggerFactory.getLogger(CircuitBreaker.class);

  static final int CLOSED = 0;
  static final int OPEN = 1;
  static final int HALF_OPEN = 2;

  // Requests are successes plus failures: one counter fewer to update per request.
  private static final int FAILURES = 0;
  private static final int SUCCESSES = 1;
  private static final int SLOW = 2;
  private static final int WINDOW_BUCKETS = 10;

  private final String id;
  private final NanoClock clock;
  private final HealthListener listener;
  private final int consecutiveLimit;
  private final double errorRateThreshold;
  private final double slowRateThreshold;
  private final long slowNanos;
  private final int minimumRequests;
  private final long cooldownNanos;
  private final long maxCooldownNanos;
  private final int probes;
  private final long halfOpenMaxWaitNanos;
  private final long ignoredMask;
  private final WindowCounters window;
  private final AtomicLong notClosed;
  private final long bit;

  private volatile int state = CLOSED;
  private volatile long openUntilNanos;
  /** Where the counts start afresh: the last close (none yet: everything counts). */
  private volatile CloseMark closed = new CloseMark(Long.MIN_VALUE, new long[3]);
  /** When the state last changed; results of attempts sent before it are ignored. */
  private volatile long changedAtNanos = Long.MIN_VALUE;
  /** When a probe permit was last taken (written before the taking, so a taken permit is never older than this). */
  private volatile long probeTakenNanos;
  private final AtomicInteger consecutive = new AtomicInteger();
  private final AtomicInteger permits = new AtomicInteger();
  private final AtomicInteger probeSuccesses = new AtomicInteger();
  // Guarded by this.
  private int ejections;
  private long closedSinceNanos;

  /**
   * The epoch of the last close and its bucket's counts at that moment: buckets before the epoch are not
   * counted, and the counts already in its bucket are subtracted, so exactly the results after the close count.
   */
  private static final class CloseMark {
    final long epoch;
    final long[] before;

    CloseMark(long epoch, long[] before) {
      this.epoch = epoch;
      this.before = before;
    }
  }

  CircuitBreaker(String id, HealthConfig config, NanoClock clock, HealthListener listener) {
    this(id, config, clock, listener, new AtomicLong(), 0);
  }

  /**
   * A breaker that keeps bit {@code bit} of {@code notClosed} set while it is not closed, so a router can
   * skip the breakers of healthy candidates with one read.
   */
  CircuitBreaker(String id, HealthConfig config, NanoClock clock, HealthListener listener, AtomicLong notClosed,
      int bit) {
    this.notClosed = notClosed;
    this.bit = 1L << bit;
    this.id = id;
    this.clock = clock;
    this.listener = listener;
    this.consecutiveLimit = config.consecutiveFailures();
    this.errorRateThreshold = config.errorRateThreshold();
    this.slowRateThreshold = config.slowCallRateThreshold();
    this.slowNanos = config.slowCallThreshold().toNanos();
    this.minimumRequests = config.minimumRequests();
    this.cooldownNanos = config.cooldown().toNanos();
    this.maxCooldownNanos = config.maxCooldown().toNanos();
    this.probes = config.halfOpenProbes();
    this.halfOpenMaxWaitNanos = config.halfOpenMaxWait().toNanos();
    this.ignoredMask = mask(config.ignoredFailures());
    this.window = new WindowCounters(WINDOW_BUCKETS, config.window().toNanos() / WINDOW_BUCKETS, 3,
        clock.nanoTime());
    this.closedSinceNanos = clock.nanoTime();
  }

  private static long mask(Set<FailureKind> kinds) {
    long m = 0;
    for (FailureKind k : kinds) {
      m |= 1L << k.ordinal();
    }
    return m;
  }

  HealthState state() {
    switch (state) {
      case OPEN:
        return HealthState.OPEN;
      case HALF_OPEN:
        return HealthState.HALF_OPEN;
      default:
        return HealthState.CLOSED;
    }
  }

  int rawState() {
    return state;
  }

  /** Whether a request could be sent now (an open circuit whose cooldown passed counts as available). */
  boolean available(long now) {
    int s = state;
    if (s == CLOSED) {
      return true;
    }
    if (s == OPEN) {
      return now - openUntilNanos >= 0;
    }
    if (permits.get() > 0) {
      return true;
    }
    if (now - probeTakenNanos >= halfOpenMaxWaitNanos) {
      // every permit taken long ago and some probe never answered: nothing else would ever free the candidate
      probesUnanswered(now);
    }
    return false;
  }

  /** Takes the right to send one request now: always when closed, a probe permit otherwise. */
  boolean tryAcquire(long now) {
    int s = state;
    if (s == CLOSED) {
      return true;
    }
    if (s == OPEN) {
      if (now - openUntilNanos < 0) {
        return false;
      }
      toHalfOpen(now);
    }
    while (true) {
      int p = permits.get();
      if (p <= 0 || state != HALF_OPEN) {
        if (p <= 0 && state == HALF_OPEN && now - probeTakenNanos >= halfOpenMaxWaitNanos) {
          probesUnanswered(now);
        }
        return state == CLOSED;
      }
      probeTakenNanos = now;
      if (permits.compareAndSet(p, p - 1)) {
        return true;
      }
    }
  }

  void onSuccess(long now, long startNanos, long ttftNanos) {
    if (startNanos - changedAtNanos < 0 && changedAtNanos != Long.MIN_VALUE) {
      return; // sent before the last transition
    }
    int s = state;
    boolean slow = ttftNanos > slowNanos;
    if (s == CLOSED) {
      if (consecutive.get() != 0) {
        consecutive.set(0);
      }
      if (slow) {
        window.add(now, SUCCESSES, 1, SLOW, 1);
        checkSlowRate(now);
      } else {
        window.add(now, SUCCESSES, 1);
      }
    } else if (s == HALF_OPEN) {
      if (slow) {
        open(now, "slow probe: time to first token " + ttftNanos / 1_000_000 + " ms > "
            + slowNanos / 1_000_000 + " ms");
      } else if (probeSuccesses.incrementAndGet() >= probes) {
        close(now);
      }
    }
  }

  void onFailure(long now, long startNanos, FailureKind kind) {
    if (startNanos - changedAtNanos < 0 && changedAtNanos != Long.MIN_VALUE) {
      return; // sent before the last transition
    }
    if ((ignoredMask & (1L << kind.ordinal())) != 0) {
      if (state == HALF_OPEN) {
        permits.incrementAndGet(); // the probe proved nothing: give its permit back
      }
      return;
    }
    int s = state;
    if (s == CLOSED) {
      window.add(now, FAILURES, 1);
      int c = consecutive.incrementAndGet();
      if (c >= consecutiveLimit) {
        open(now, c + " consecutive failures (last: " + kind.wireName() + ")");
        return;
      }
      CloseMark since = closed;
      long failures = sinceClose(now, FAILURES, since);
      long requests = failures + sinceClose(now, SUCCESSES, since);
      if (requests >= minimumRequests) {
        if (failures >= errorRateThreshold * requests) {
          open(now, "error rate " + failures + "/" + requests + " >= " + errorRateThreshold);
        }
      }
    } else if (s == HALF_OPEN) {
      open(now, "probe failed: " + kind.wireName());
    }
  }

  private void checkSlowRate(long now) {
    CloseMark since = closed;
    long successes = sinceClose(now, SUCCESSES, since);
    long requests = successes + sinceClose(now, FAILURES, since);
    if (requests < minimumRequests) {
      return;
    }
    long slow = sinceClose(now, SLOW, since);
    if (successes > 0 && slow >= slowRateThreshold * successes) {
      open(now, "slow-call rate " + slow + "/" + successes + " >= " + slowRateThreshold);
    }
  }

  /** A field's count over the window ending now, of the results recorded since the close. */
  private long sinceClose(long now, int field, CloseMark mark) {
    return window.sumSince(now, field, mark.epoch)
        - Math.min(mark.before[field], window.countAt(now, field, mark.epoch));
  }

  private synchronized void open(long now, String reason) {
    int from = state;
    if (from == OPEN) {
      return;
    }
    if (from == CLOSED && now - closedSinceNanos >= maxCooldownNanos) {
      ejections = 0; // healthy long enough: the next ejection is a first one again
    }
    ejections++;
    // cooldown × ejections, capped; the division avoids overflow for long ejection streaks.
    long cooldown = ejections > maxCooldownNanos / cooldownNanos ? maxCooldownNanos
        : Math.min(maxCooldownNanos, cooldownNanos * ejections);
    openUntilNanos = now + cooldown;
    permits.set(0);
    changedAtNanos = now;
    state = OPEN;
    notClosed.getAndAccumulate(bit, (a, b) -> a | b);
    notifyListener(from, OPEN, reason + "; ejected for " + cooldown / 1_000_000 + " ms", now);
  }

  /** Every permit taken, the last {@code halfOpenMaxWait} ago, and no decision: opens as on a failed probe. */
  private synchronized void probesUnanswered(long now) {
    if (state == HALF_OPEN && permits.get() <= 0 && now - probeTakenNanos >= halfOpenMaxWaitNanos) {
      open(now, "no probe result within " + halfOpenMaxWaitNanos / 1_000_000 + " ms");
    }
  }

  private synchronized void toHalfOpen(long now) {
    if (state != OPEN || now - openUntilNanos < 0) {
      return;
    }
    probeSuccesses.set(0);
    probeTakenNanos = now;
    permits.set(probes);
    changedAtNanos = now;
    state = HALF_OPEN;
    notifyListener(OPEN, HALF_OPEN, "cooldown over", now);
  }

  private synchronized void close(long now) {
    if (state != HALF_OPEN) {
      return;
    }
    consecutive.set(0);
    long epoch = window.epoch(now);
    closed = new CloseMark(epoch, new long[] {window.countAt(now, FAILURES, epoch),
        window.countAt(now, SUCCESSES, epoch), window.countAt(now, SLOW, epoch)});
    closedSinceNanos = now;
    changedAtNanos = now;
    state = CLOSED;
    notClosed.getAndAccumulate(~bit, (a, b) -> a & b);
    notifyListener(HALF_OPEN, CLOSED, probes + " probes succeeded", now);
  }

  private void notifyListener(int from, int to, String reason, long now) {
    try {
      listener.onStateChange(id, of(from), of(to), reason, now);
    } catch (RuntimeException e) {
      // A listener must not throw; if it does, routing goes on and the failure is logged, not lost.
      log.warn("HealthListener threw on {}: {} -> {} ({}); the state change stands", id, of(from), of(to), reason, e);
    }
  }

  private static HealthState of(int s) {
    return s == OPEN ? HealthState.OPEN : s == HALF_OPEN ? HealthState.HALF_OPEN : HealthState.CLOSED;
  }

  long openUntilNanos() {
    return openUntilNanos;
  }

  NanoClock clock() {
    return clock;
  }
}
