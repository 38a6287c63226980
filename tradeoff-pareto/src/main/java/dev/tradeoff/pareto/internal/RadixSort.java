package dev.tradeoff.pareto.internal;

/**
 * Stable sort of {@code int} payloads by {@code long} keys: LSD radix sort with 11-bit digits for large ranges,
 * merge sort for medium ones, insertion sort for tiny ones.
 *
 * <p>Why radix: the lexicographic pre-sort dominates the cost of every sweep in this module, and sorting
 * 10<sup>6</sup> (key, index) pairs with 6 linear passes is several times faster than any comparison sort on
 * an index array (which also suffers a cache miss per comparison). Passes in which every key has the same digit
 * (typically the sign and exponent bits of data in a narrow range) are skipped.
 */
public final class RadixSort {

  private static final int BITS = 11;
  private static final int RADIX = 1 << BITS;
  private static final int MASK = RADIX - 1;
  private static final int PASSES = (64 + BITS - 1) / BITS;
  private static final int INSERTION_MAX = 24;
  private static final int MERGE_MAX = 768;
  /** From this size on, {@link #packed} can beat the plain 6-pass radix (fewer passes over narrower words). */
  static final int PACKED_MIN = 4096;

  private RadixSort() {}

  /**
   * The key whose signed {@code long} order is the numeric order of {@code v}.
   *
   * @param v a finite value or infinity, never NaN, with {@code -0.0} already normalized
   * @return the key
   */
  public static long key(double v) {
    long bits = Double.doubleToRawLongBits(v);
    // Negative doubles order backwards by their bits: flip all but the sign bit so they order forwards.
    return bits ^ ((bits >> 63) & Long.MAX_VALUE);
  }

  /**
   * Sorts {@code keys[from, to)} ascending (signed order), permuting {@code values[from, to)} alongside; stable.
   *
   * @param keys the keys, permuted in place
   * @param values the payloads, permuted in place
   * @param from first index
   * @param to end index (exclusive)
   * @param keyBuffer scratch of at least {@code to - from} entries
   * @param valueBuffer scratch of at least {@code to - from} entries
   */
  public static void sort(long[] keys, int[] values, int from, int to, long[] keyBuffer, int[] valueBuffer) {
    int n = to - from;
    if (n <= INSERTION_MAX) {
      insertion(keys, values, from, to);
    } else if (n <= MERGE_MAX) {
      System.arraycopy(keys, from, keyBuffer, 0, n);
      System.arraycopy(values, from, valueBuffer, 0, n);
      mergeSort(keyBuffer, valueBuffer, 0, keys, values, from, n);
    } else {
      radix(keys, values, from, to, keyBuffer, valueBuffer);
    }
  }

  /**
   * Radix sort on the high 32 bits of the keys only, each carried in one {@code long} with its position in the
   * low 32 bits: 3 passes over 8-byte words instead of 6 over a 12-byte (key, value) pair. A gather then
   * restores keys and values, and runs that tie on the high bits (rare for continuous data; for tie-heavy data
   * usually runs of equal keys, already in order) are finished with a stable comparison sort.
   */
  static void packed(long[] keys, int[] values, int from, int to, long[] keyBuffer, int[] valueBuffer) {
    int n = to - from;
    long[] a = new long[n];
    long[] b = new long[n];
    final int passes = 3;
    int[] counts = new int[passes * RADIX];
    for (int i = 0; i < n; i++) {
      long high = (keys[from + i] ^ Long.MIN_VALUE) >>> 32;
      a[i] = (high << 32) | i;
      for (int p = 0; p < passes; p++) {
        counts[p * RADIX + (int) ((high >>> (p * BITS)) & MASK)]++;
      }
    }
    long firstHigh = a[0] >>> 32;
    for (int p = 0; p < passes; p++) {
      int shift = 32 + p * BITS;
      int base = p * RADIX;
      if (counts[base + (int) ((firstHigh >>> (p * BITS)) & MASK)] == n) {
        continue;
      }
      int sum = 0;
      for (int d = 0; d < RADIX; d++) {
        int c = counts[base + d];
        counts[base + d] = sum;
        sum += c;
      }
      for (int i = 0; i < n; i++) {
        long e = a[i];
        b[counts[base + (int) ((e >>> shift) & MASK)]++] = e;
      }
      long[] t = a;
      a = b;
      b = t;
    }
    for (int t = 0; t < n; t++) {
      int pos = from + (int) a[t];
      keyBuffer[t] = keys[pos];
      valueBuffer[t] = values[pos];
    }
    System.arraycopy(keyBuffer, 0, keys, from, n);
    System.arraycopy(valueBuffer, 0, values, from, n);
    int i = from;
    while (i < to) {
      long high = keys[i] >>> 32;
      int j = i + 1;
      boolean sorted = true;
      while (j < to && keys[j] >>> 32 == high) {
        sorted &= keys[j - 1] <= keys[j];
        j++;
      }
      if (!sorted) {
        int len = j - i;
        if (len <= MERGE_MAX) {
          System.arraycopy(keys, i, keyBuffer, 0, len);
          System.arraycopy(values, i, valueBuffer, 0, len);
          mergeSort(keyBuffer, valueBuffer, 0, keys, values, i, len);
        } else {
          radix(keys, values, i, j, keyBuffer, valueBuffer); // its histogram sees the tie: no packing again
        }
      }
      i = j;
    }
  }

  private static void insertion(long[] keys, int[] values, int from, int to) {
    for (int i = from + 1; i < to; i++) {
      long k = keys[i];
      int v = values[i];
      int j = i - 1;
      while (j >= from && keys[j] > k) {
        keys[j + 1] = keys[j];
        values[j + 1] = values[j];
        j--;
      }
      keys[j + 1] = k;
      values[j + 1] = v;
    }
  }

  /** Sorts src[srcFrom, +n) into dst[dstFrom, +n); both hold the same data on entry (classic ping-pong). */
  private static void mergeSort(long[] srcK, int[] srcV, int srcFrom, long[] dstK, int[] dstV, int dstFrom, int n) {
    if (n <= INSERTION_MAX) {
      insertion(dstK, dstV, dstFrom, dstFrom + n);
      return;
    }
    int half = n >>> 1;
    mergeSort(dstK, dstV, dstFrom, srcK, srcV, srcFrom, half);
    mergeSort(dstK, dstV, dstFrom + half, srcK, srcV, srcFrom + half, n - half);
    int i = srcFrom;
    int iEnd = srcFrom + half;
    int j = iEnd;
    int jEnd = srcFrom + n;
    int o = dstFrom;
    while (i < iEnd && j < jEnd) {
      if (srcK[j] < srcK[i]) {
        dstK[o] = srcK[j];
        dstV[o++] = srcV[j++];
      } else {
        dstK[o] = srcK[i];
        dstV[o++] = srcV[i++];
      }
    }
    while (i < iEnd) {
      dstK[o] = srcK[i];
      dstV[o++] = srcV[i++];
    }
    while (j < jEnd) {
      dstK[o] = srcK[j];
      dstV[o++] = srcV[j++];
    }
  }

  private static void radix(long[] keys, int[] values, int from, int to, long[] keyBuffer, int[] valueBuffer) {
    int n = to - from;
    int[] counts = new int[PASSES * RADIX];
    for (int i = from; i < to; i++) {
      // Flipping the sign bit turns signed order into unsigned order, which is what digits compare.
      long k = keys[i] ^ Long.MIN_VALUE;
      for (int p = 0; p < PASSES; p++) {
        counts[p * RADIX + (int) ((k >>> (p * BITS)) & MASK)]++;
      }
    }
    if (n >= PACKED_MIN) {
      int passes = 0;
      long k0 = keys[from] ^ Long.MIN_VALUE;
      for (int p = 0; p < PASSES; p++) {
        if (counts[p * RADIX + (int) ((k0 >>> (p * BITS)) & MASK)] != n) {
          passes++;
        }
      }
      // Only when most passes would move data does halving them pay for the gather (uniform data: 6 -> 3;
      // tie-heavy data already skips most passes and is faster as is).
      if (passes >= 4) {
        packed(keys, values, from, to, keyBuffer, valueBuffer);
        return;
      }
    }
    // A separate method on purpose: sharing one method with the packed path lets the JIT compile this loop
    // with the other path's profile, measured 2x slower on tie-heavy data after uniform data.
    lsd(keys, values, from, to, keyBuffer, valueBuffer, counts);
  }

  private static void lsd(long[] keys, int[] values, int from, int to, long[] keyBuffer, int[] valueBuffer,
      int[] counts) {
    int n = to - from;
    long[] srcK = keys;
    int[] srcV = values;
    int srcFrom = from;
    long[] dstK = keyBuffer;
    int[] dstV = valueBuffer;
    int dstFrom = 0;
    long first = keys[from] ^ Long.MIN_VALUE;
    for (int p = 0; p < PASSES; p++) {
      int shift = p * BITS;
      int base = p * RADIX;
      if (counts[base + (int) ((first >>> shift) & MASK)] == n) {
        continue; // every key has this digit: the pass would not move anything
      }
      int sum = dstFrom;
      for (int b = 0; b < RADIX; b++) {
        int c = counts[base + b];
        counts[base + b] = sum;
        sum += c;
      }
      for (int i = srcFrom, end = srcFrom + n; i < end; i++) {
        long k = srcK[i];
        int slot = counts[base + (int) (((k ^ Long.MIN_VALUE) >>> shift) & MASK)]++;
        dstK[slot] = k;
        dstV[slot] = srcV[i];
      }
      long[] tk = srcK;
      srcK = dstK;
      dstK = tk;
      int[] tv = srcV;
      srcV = dstV;
      dstV = tv;
      int tf = srcFrom;
      srcFrom = dstFrom;
      dstFrom = tf;
    }
    if (srcK != keys) {
      System.arraycopy(srcK, srcFrom, keys, from, n);
      System.arraycopy(srcV, srcFrom, values, from, n);
    }
  }
}
