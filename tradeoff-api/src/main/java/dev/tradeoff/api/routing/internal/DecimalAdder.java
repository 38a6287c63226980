package dev.tradeoff.api.routing.internal;

import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * An exact, thread-safe running sum of {@link BigDecimal}s, striped like {@link
 * java.util.concurrent.atomic.LongAdder} so that many threads adding at once rarely contend.
 *
 * <p>Each add is one successful CAS of {@code cell + x} into one cell, so every amount lands in exactly one
 * cell exactly once and {@link #sum()} after all adds equals the exact decimal sum (BigDecimal addition
 * without a {@code MathContext} never rounds). A thread starts at a cell chosen from its id and moves on to
 * the next cell after a failed CAS, which spreads contending threads apart.
 */
public final class DecimalAdder {

  private static final int MAX_CELLS = 64;
  private static final int CELLS = cells();

  private final AtomicReferenceArray<BigDecimal> cells;

  /** A zero sum. */
  public DecimalAdder() {
    cells = new AtomicReferenceArray<>(CELLS);
    for (int i = 0; i < CELLS; i++) {
      cells.set(i, BigDecimal.ZERO);
    }
  }

  private static int cells() {
    int want = Math.min(MAX_CELLS, 2 * Runtime.getRuntime().availableProcessors());
    return Integer.highestOneBit(Math.max(2, want - 1)) << 1;
  }

  /**
   * Adds an amount.
   *
   * @param amount the amount
   */
  public void add(BigDecimal amount) {
    // Fibonacci hashing of the thread id spreads consecutive ids over the cells.
    int i = (int) ((Thread.currentThread().getId() * 0x9E3779B97F4A7C15L) >>> 58) & (CELLS - 1);
    while (true) {
      BigDecimal cur = cells.get(i);
      if (cells.compareAndSet(i, cur, cur.add(amount))) {
        return;
      }
      i = (i + 1) & (CELLS - 1);
    }
  }

  /**
   * The exact sum of everything added so far (concurrent adds may or may not be included).
   *
   * @return the sum
   */
  public BigDecimal sum() {
    BigDecimal s = BigDecimal.ZERO;
    for (int i = 0; i < CELLS; i++) {
      s = s.add(cells.get(i));
    }
    return s;
  }
}
