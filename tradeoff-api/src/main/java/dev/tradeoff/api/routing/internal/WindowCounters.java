package dev.tradeoff.api.routing.internal;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A sliding window of {@code fields} long counters split into {@code buckets} time buckets, updated from
 * many threads without locks.
 *
 * <p>Time is cut into epochs of {@code bucketNanos} counted from an origin (a time read from the same clock
 * when the window is made): epoch {@code e} lives in bucket {@code e mod buckets}. Epochs are computed from
 * {@code now - origin}, so a monotonic clock whose {@code nanoTime} wraps past {@link Long#MAX_VALUE} (its
 * origin is arbitrary) keeps its epochs consecutive, as long as the window lives less than 292 years.
 * A writer that finds its bucket stamped with an older epoch claims it with one CAS on the stamp and zeroes
 * its counters; every other writer just adds. A read sums the buckets whose stamp lies in the last
 * {@code buckets} epochs, so the window covers between {@code (buckets - 1) × bucketNanos} and
 * {@code buckets × bucketNanos} of history.
 *
 * <h2>Accuracy bound of the racy rotation</h2>
 * Zeroing a claimed bucket is not atomic with the stamp: a writer that sees the new stamp and adds before the
 * claimer's zeroing finishes has its update wiped. Each such loss needs a thread to be inside {@link
 * #add} for the new epoch while the claimer zeroes, and a thread loses at most one update per rotation it
 * races, so with {@code T} concurrently recording threads each bucket rotation under-counts by at most
 * {@code T - 1} updates per field, and a whole window by at most {@code (T - 1) × buckets}. A writer whose
 * clock reading is older than the bucket's stamp (it read the clock, then was descheduled across a
 * rotation) adds to the newer epoch: the update is counted, up to one bucket late. Counts never go
 * negative from a race, because every field only ever receives non-negative deltas and zeroes. With a
 * single writer (the simulator) the window is exact.
 *
 * <p>No allocation after construction.
 */
public final class WindowCounters {

  private final int buckets;
  private final int fields;
  private final long bucketNanos;
  private final long originNanos;
  /** Epoch stamped on each bucket; Long.MIN_VALUE when never used. */
  private final AtomicLongArray stamps;
  private final AtomicLongArray counts;
  /**
   * The last claimed bucket and its time span (since the origin), so that events inside the same bucket skip the
   * two 64-bit divisions of {@link #epoch} and the stamp check (a new cursor is allocated once per bucket rotation).
   */
  private volatile Cursor cursor;

  private static final class Cursor {
    final long start;
    final long end;
    final int base;

    Cursor(long start, long end, int base) {
      this.start = start;
      this.end = end;
      this.base = base;
    }
  }

  /**
   * A window whose epochs count from time 0.
   *
   * @param buckets number of buckets, at least 1
   * @param bucketNanos length of one bucket, at least 1 ns
   * @param fields counters per bucket, at least 1
   * @throws IllegalArgumentException if an argument is out of range
   */
  public WindowCounters(int buckets, long bucketNanos, int fields) {
    this(buckets, bucketNanos, fields, 0);
  }

  /**
   * A window whose epochs count from {@code originNanos}.
   *
   * @param buckets number of buckets, at least 1
   * @param bucketNanos length of one bucket, at least 1 ns
   * @param fields counters per bucket, at least 1
   * @param originNanos a time of the clock whose readings are passed in (its current time, typically)
   * @throws IllegalArgumentException if an argument is out of range
   */
  public WindowCounters(int buckets, long bucketNanos, int fields, long originNanos) {
    if (buckets < 1) {
      throw new IllegalArgumentException("buckets must be >= 1, but was " + buckets);
    }
    if (bucketNanos < 1) {
      throw new IllegalArgumentException("bucketNanos must be >= 1, but was " + bucketNanos);
    }
    if (fields < 1) {
      throw new IllegalArgumentException("fields must be >= 1, but was " + fields);
    }
    this.buckets = buckets;
    this.fields = fields;
    this.bucketNanos = bucketNanos;
    this.originNanos = originNanos;
    this.stamps = new AtomicLongArray(buckets);
    for (int i = 0; i < buckets; i++) {
      stamps.set(i, Long.MIN_VALUE);
    }
    this.counts = new AtomicLongArray(buckets * fields);
  }

  /**
   * The epoch of a time.
   *
   * @param nowNanos a monotonic time
   * @return its epoch, counted from the origin (negative before it)
   */
  public long epoch(long nowNanos) {
    return Math.floorDiv(nowNanos - originNanos, bucketNanos);
  }

  /**
   * Adds a non-negative delta to a field of the bucket of {@code nowNanos}.
   *
   * @param nowNanos the monotonic time of the event
   * @param field the field index
   * @param delta the amount, {@code >= 0}
   */
  public void add(long nowNanos, int field, long delta) {
    counts.getAndAdd(bucket(nowNanos) + field, delta);
  }

  /**
   * Adds to two fields of one bucket (one rotation check).
   *
   * @param nowNanos the monotonic time of the event
   * @param f1 first field
   * @param d1 first delta, {@code >= 0}
   * @param f2 second field
   * @param d2 second delta, {@code >= 0}
   */
  public void add(long nowNanos, int f1, long d1, int f2, long d2) {
    int base = bucket(nowNanos);
    counts.getAndAdd(base + f1, d1);
    if (d2 != 0) {
      counts.getAndAdd(base + f2, d2);
    }
  }

  /**
   * Claims the bucket of {@code nowNanos} (rotating it if stale) for several {@link #addAt} calls.
   *
   * @param nowNanos the monotonic time of the event
   * @return the bucket's base offset, for {@link #addAt}
   */
  public int bucket(long nowNanos) {
    Cursor c = cursor;
    long sinceOrigin = nowNanos - originNanos; // wrap-safe, unlike comparing raw nanoTime readings
    if (c != null && sinceOrigin >= c.start && sinceOrigin < c.end) {
      // Claimed for this epoch already; a newer epoch can only have re-stamped it after the ring wrapped,
      // which means this caller's time is late: its update counts up to one bucket late, as documented.
      return c.base;
    }
    long e = epoch(nowNanos);
    int base = claim(e) * fields;
    cursor = new Cursor(e * bucketNanos, e * bucketNanos + bucketNanos, base);
    return base;
  }

  /**
   * Adds to a field of a bucket claimed by {@link #bucket}.
   *
   * @param base the value {@link #bucket} returned
   * @param field the field index
   * @param delta the amount, {@code >= 0}
   */
  public void addAt(int base, int field, long delta) {
    counts.getAndAdd(base + field, delta);
  }

  /** Makes sure the bucket of {@code epoch} carries that epoch (or a newer one) and returns its index. */
  private int claim(long epoch) {
    int b = (int) Math.floorMod(epoch, (long) buckets);
    long stamp = stamps.get(b);
    if (stamp < epoch && stamps.compareAndSet(b, stamp, epoch)) {
      int base = b * fields;
      for (int f = 0; f < fields; f++) {
        counts.set(base + f, 0);
      }
    }
    return b;
  }

  /**
   * The sum of a field over the window ending at {@code nowNanos}.
   *
   * @param nowNanos the monotonic time now
   * @param field the field index
   * @return the sum
   */
  public long sum(long nowNanos, int field) {
    return sumSince(nowNanos, field, Long.MIN_VALUE);
  }

  /**
   * The sum of a field over the buckets of the window ending at {@code nowNanos} whose epoch is at least
   * {@code minEpoch} (to forget what happened before a reset, such as a circuit closing).
   *
   * @param nowNanos the monotonic time now
   * @param field the field index
   * @param minEpoch the oldest epoch to count
   * @return the sum
   */
  public long sumSince(long nowNanos, int field, long minEpoch) {
    long now = epoch(nowNanos);
    long oldest = Math.max(now - buckets + 1, minEpoch);
    long sum = 0;
    for (int b = 0; b < buckets; b++) {
      long stamp = stamps.get(b);
      if (stamp >= oldest && stamp <= now) {
        sum += counts.get(b * fields + field);
      }
    }
    return sum;
  }

  /**
   * The count of a field in the bucket of one epoch, if that epoch lies in the window ending at {@code nowNanos}
   * and its bucket has not been recycled since (a baseline to subtract from {@link #sumSince}).
   *
   * @param nowNanos the monotonic time now
   * @param field the field index
   * @param epoch the epoch
   * @return the count, 0 if the epoch is outside the window
   */
  public long countAt(long nowNanos, int field, long epoch) {
    long now = epoch(nowNanos);
    if (epoch > now || epoch <= now - buckets) {
      return 0;
    }
    int b = (int) Math.floorMod(epoch, (long) buckets);
    return stamps.get(b) == epoch ? counts.get(b * fields + field) : 0;
  }

  /**
   * The window length covered by all buckets.
   *
   * @return nanoseconds
   */
  public long windowNanos() {
    return bucketNanos * buckets;
  }
}
