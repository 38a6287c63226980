package dev.tradeoff.pareto.internal;

/**
 * A set of integers in {@code [0, capacity)} as a hierarchy of 64-bit words (each bit of level {@code l + 1}
 * says whether a word of level {@code l} is non-zero), in the spirit of a van Emde Boas tree with fan-out 64.
 *
 * <p>Why: the sweeps keep a "staircase" keyed by the rank of one coordinate and need predecessor, successor,
 * insertion and deletion. With fan-out 64 every operation touches at most {@code ceil(log64(capacity))} words
 * (4 for a million keys) and allocates nothing, where a {@code TreeMap} would box every key and chase
 * pointers.
 */
public final class IntSet64 {

  private final long[][] levels;
  // Sweeps often keep only a few keys and query outside them: the bounds answer those queries in O(1).
  private int size;
  private int min = Integer.MAX_VALUE;
  private int max = -1;

  /**
   * An empty set.
   *
   * @param capacity one more than the largest element that will be stored (at least 1)
   */
  public IntSet64(int capacity) {
    int cap = Math.max(1, capacity);
    int count = 1;
    int words = (cap + 63) >>> 6;
    while (words > 1) {
      count++;
      words = (words + 63) >>> 6;
    }
    levels = new long[count][];
    words = (cap + 63) >>> 6;
    for (int l = 0; l < count; l++) {
      levels[l] = new long[words];
      words = (words + 63) >>> 6;
    }
  }

  /**
   * Adds an element.
   *
   * @param i the element, in {@code [0, capacity)}
   */
  public void add(int i) {
    if (contains(i)) {
      return;
    }
    size++;
    min = Math.min(min, i);
    max = Math.max(max, i);
    for (long[] level : levels) {
      int w = i >>> 6;
      long old = level[w];
      level[w] = old | (1L << i);
      if (old != 0) {
        return; // the word was already marked non-empty above
      }
      i = w;
    }
  }

  /**
   * Removes an element (no effect if absent).
   *
   * @param i the element, in {@code [0, capacity)}
   */
  public void remove(int i) {
    if (!contains(i)) {
      return; // one word test: clearing absent keys after a sweep must not climb the levels
    }
    int key = i;
    for (long[] level : levels) {
      int w = i >>> 6;
      long now = level[w] & ~(1L << i);
      level[w] = now;
      if (now != 0) {
        break;
      }
      i = w;
    }
    if (--size == 0) {
      min = Integer.MAX_VALUE;
      max = -1;
    } else {
      if (key == min) {
        min = next(key + 1);
      }
      if (key == max) {
        max = prev(key - 1);
      }
    }
  }

  /**
   * Whether an element is present.
   *
   * @param i the element, in {@code [0, capacity)}
   * @return true if present
   */
  public boolean contains(int i) {
    return (levels[0][i >>> 6] & (1L << i)) != 0;
  }

  /**
   * The smallest element {@code >= i}.
   *
   * @param i the bound (any value)
   * @return the element, or -1 if none
   */
  public int next(int i) {
    if (i > max) {
      return -1;
    }
    if (i <= min) {
      return min;
    }
    int level = 0;
    int top = levels.length;
    while (true) {
      long[] words = levels[level];
      int w = i >>> 6;
      if (w < words.length) {
        long bits = words[w] & (-1L << i);
        if (bits != 0) {
          i = (w << 6) + Long.numberOfTrailingZeros(bits);
          break;
        }
      }
      // Nothing left in this word: look for the next non-empty word one level up.
      i = w + 1;
      if (++level == top) {
        return -1;
      }
    }
    while (level > 0) {
      level--;
      i = (i << 6) + Long.numberOfTrailingZeros(levels[level][i]);
    }
    return i;
  }

  /**
   * The largest element {@code <= i}.
   *
   * @param i the bound (any value)
   * @return the element, or -1 if none
   */
  public int prev(int i) {
    if (i < min) {
      return -1;
    }
    if (i >= max) {
      return max;
    }
    int level = 0;
    int top = levels.length;
    while (true) {
      int w = i >>> 6;
      long bits = levels[level][w] & (-1L >>> (63 - (i & 63)));
      if (bits != 0) {
        i = (w << 6) + 63 - Long.numberOfLeadingZeros(bits);
        break;
      }
      if (w == 0 || ++level == top) {
        return -1;
      }
      i = w - 1;
    }
    while (level > 0) {
      level--;
      i = (i << 6) + 63 - Long.numberOfLeadingZeros(levels[level][i]);
    }
    return i;
  }
}
