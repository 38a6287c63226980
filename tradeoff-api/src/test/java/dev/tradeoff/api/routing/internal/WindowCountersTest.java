package dev.tradeoff.api.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

final class WindowCountersTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void sum_singleWriter_countsOnlyTheLastBuckets() {
    WindowCounters w = new WindowCounters(10, SECOND, 2);
    for (int s = 0; s < 30; s++) {
      w.add(s * SECOND + 5, 0, 1);
      w.add(s * SECOND + 7, 1, s);
    }
    // At t = 29.5 s the window holds epochs 20..29.
    assertThat(w.sum(29 * SECOND + SECOND / 2, 0)).isEqualTo(10);
    assertThat(w.sum(29 * SECOND + SECOND / 2, 1)).isEqualTo(20 + 21 + 22 + 23 + 24 + 25 + 26 + 27 + 28 + 29);
    // Much later, nothing is left.
    assertThat(w.sum(100 * SECOND, 0)).isZero();
  }

  @Test
  void sum_afterRotation_forgetsTheRecycledBucket() {
    WindowCounters w = new WindowCounters(2, SECOND, 1);
    w.add(0, 0, 5);
    w.add(SECOND, 0, 7);
    w.add(2 * SECOND, 0, 11); // recycles bucket of epoch 0
    assertThat(w.sum(2 * SECOND, 0)).isEqualTo(18);
  }

  @Test
  void sumSince_minEpoch_excludesOlderBuckets() {
    WindowCounters w = new WindowCounters(10, SECOND, 1);
    w.add(1 * SECOND, 0, 1);
    w.add(2 * SECOND, 0, 2);
    w.add(3 * SECOND, 0, 4);
    assertThat(w.sumSince(3 * SECOND, 0, w.epoch(2 * SECOND))).isEqualTo(6);
  }

  @Test
  void add_negativeTimes_workWithFloorDivision() {
    WindowCounters w = new WindowCounters(4, SECOND, 1);
    w.add(-SECOND / 2, 0, 3);
    assertThat(w.sum(0, 0)).isEqualTo(3);
  }

  @Test
  void constructor_badArguments_areRejectedWithTheirNames() {
    assertThatThrownBy(() -> new WindowCounters(0, SECOND, 1)).hasMessage("buckets must be >= 1, but was 0");
    assertThatThrownBy(() -> new WindowCounters(1, 0, 1)).hasMessage("bucketNanos must be >= 1, but was 0");
    assertThatThrownBy(() -> new WindowCounters(1, 1, 0)).hasMessage("fields must be >= 1, but was 0");
  }

  @Test
  void add_manyThreadsWithinOneBucket_isExact() throws InterruptedException {
    WindowCounters w = new WindowCounters(10, 1000 * SECOND, 1);
    int threads = 4;
    int perThread = 50_000;
    CountDownLatch start = new CountDownLatch(1);
    Thread[] ts = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      ts[t] = new Thread(() -> {
        await(start);
        for (int i = 0; i < perThread; i++) {
          w.add(SECOND, 0, 1);
        }
      });
      ts[t].start();
    }
    start.countDown();
    for (Thread t : ts) {
      t.join();
    }
    assertThat(w.sum(SECOND, 0)).isEqualTo((long) threads * perThread);
  }

  private static void await(CountDownLatch l) {
    try {
      l.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
