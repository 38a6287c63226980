package dev.tradeoff.api.routing;

import java.time.Duration;

/** A hand-driven {@link NanoClock} for deterministic tests. */
final class ManualClock implements NanoClock {

  private long now;

  ManualClock() {
    this(1_000_000_000L);
  }

  ManualClock(long start) {
    this.now = start;
  }

  @Override
  public long nanoTime() {
    return now;
  }

  void advance(Duration d) {
    now += d.toNanos();
  }

  void advanceMillis(long ms) {
    now += ms * 1_000_000L;
  }
}
