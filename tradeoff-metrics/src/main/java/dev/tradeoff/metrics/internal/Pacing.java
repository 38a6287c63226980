package dev.tradeoff.metrics.internal;

import java.util.concurrent.locks.LockSupport;

/** Waiting for a {@link System#nanoTime()} deadline with sub-100 µs precision: park, then spin the last stretch. */
final class Pacing {

  /** Below this distance to the deadline the waiter spins instead of parking (a park overshoots ~50–100 µs). */
  static final long SPIN_NANOS = 80_000L;

  private Pacing() {}

  /**
   * Returns at {@code target} or just after it.
   *
   * @param target the deadline
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  static void waitUntil(long target) throws InterruptedException {
    waitUntil(target, SPIN_NANOS);
  }

  /**
   * Returns at {@code target} or after it, by parking only: later than {@link #waitUntil} by a park's overshoot,
   * without spinning.
   *
   * @param target the deadline
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  static void parkUntil(long target) throws InterruptedException {
    waitUntil(target, 0);
  }

  /** Parks until {@code spinNanos} before {@code target}, then spins. */
  private static void waitUntil(long target, long spinNanos) throws InterruptedException {
    while (true) {
      long remaining = target - System.nanoTime();
      if (remaining <= 0) {
        return;
      }
      if (remaining > spinNanos) {
        LockSupport.parkNanos(remaining - spinNanos);
      } else {
        Thread.onSpinWait();
      }
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
    }
  }
}
