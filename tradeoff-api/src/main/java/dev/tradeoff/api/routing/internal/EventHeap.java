package dev.tradeoff.api.routing.internal;

import java.util.Arrays;

/**
 * A min-heap of simulator events in primitive arrays: each event is a time (nanoseconds) and an {@code int}
 * payload, ordered by time and then by insertion order, so that simultaneous events run in the order they
 * were scheduled and a simulation is deterministic. No allocation except when the arrays grow (doubling).
 *
 * <p>The heap compares {@code time} first and reads the 64-bit insertion counter only on a tie, so a sift
 * touches two parallel arrays, not a {@code PriorityQueue} of objects behind a comparator. It is 4-ary: half
 * the depth of a binary heap, and the four children of a node are adjacent in memory, which matters once
 * tens of thousands of requests are in flight and the arrays leave the L1 cache.
 */
public final class EventHeap {

  private long[] times;
  private long[] seqs;
  private int[] payloads;
  private int size;
  private long nextSeq;
  private long topTime;
  private int topPayload;

  /**
   * An empty heap.
   *
   * @param capacity initial capacity, {@code >= 1}
   */
  public EventHeap(int capacity) {
    int c = Math.max(1, capacity);
    times = new long[c];
    seqs = new long[c];
    payloads = new int[c];
  }

  /**
   * The number of events.
   *
   * @return the size
   */
  public int size() {
    return size;
  }

  /**
   * Whether there are no events.
   *
   * @return true if empty
   */
  public boolean isEmpty() {
    return size == 0;
  }

  /**
   * Adds an event.
   *
   * @param time when it happens
   * @param payload what happens
   */
  public void push(long time, int payload) {
    if (size == times.length) {
      int c = size * 2;
      times = Arrays.copyOf(times, c);
      seqs = Arrays.copyOf(seqs, c);
      payloads = Arrays.copyOf(payloads, c);
    }
    long seq = nextSeq++;
    int i = size++;
    // Sift up.
    while (i > 0) {
      int parent = (i - 1) >>> 2;
      long pt = times[parent];
      if (pt < time || (pt == time && seqs[parent] < seq)) {
        break;
      }
      times[i] = pt;
      seqs[i] = seqs[parent];
      payloads[i] = payloads[parent];
      i = parent;
    }
    times[i] = time;
    seqs[i] = seq;
    payloads[i] = payload;
  }

  /**
   * Removes the earliest event; read it with {@link #lastTime()} and {@link #lastPayload()}.
   *
   * @throws IllegalStateException if empty
   */
  public void pop() {
    if (size == 0) {
      throw new IllegalStateException("heap must not be empty, but was");
    }
    topTime = times[0];
    topPayload = payloads[0];
    int n = --size;
    if (n == 0) {
      return;
    }
    long time = times[n];
    long seq = seqs[n];
    int payload = payloads[n];
    int i = 0;
    // Sift down the former last element.
    while (true) {
      int first = 4 * i + 1;
      if (first >= n) {
        break;
      }
      int child = first;
      long ct = times[first];
      int last = Math.min(first + 4, n);
      for (int c = first + 1; c < last; c++) {
        long t = times[c];
        if (t < ct || (t == ct && seqs[c] < seqs[child])) {
          child = c;
          ct = t;
        }
      }
      if (time < ct || (time == ct && seq < seqs[child])) {
        break;
      }
      times[i] = ct;
      seqs[i] = seqs[child];
      payloads[i] = payloads[child];
      i = child;
    }
    times[i] = time;
    seqs[i] = seq;
    payloads[i] = payload;
  }

  /**
   * The time of the event last removed by {@link #pop()}.
   *
   * @return nanoseconds
   */
  public long lastTime() {
    return topTime;
  }

  /**
   * The payload of the event last removed by {@link #pop()}.
   *
   * @return the payload
   */
  public int lastPayload() {
    return topPayload;
  }

  /**
   * The time of the earliest event without removing it.
   *
   * @return nanoseconds
   * @throws IllegalStateException if empty
   */
  public long peekTime() {
    if (size == 0) {
      throw new IllegalStateException("heap must not be empty, but was");
    }
    return times[0];
  }
}
