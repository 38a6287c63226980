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
