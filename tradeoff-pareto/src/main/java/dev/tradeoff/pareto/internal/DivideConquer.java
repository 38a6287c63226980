package dev.tradeoff.pareto.internal;

/**
 * Divide-and-conquer non-dominated sorting after Jensen (2003), generalized to ties by Fortin, Grenier and
 * Parizeau (2013) and refined by Buzdalov and Shalyto (2014): {@code O(N log^(d-1) N)} time for all ranks,
 * {@code O(N)} extra memory. Also runs in a front-only mode (rank 0 vs "dominated"), which stops the recursion
 * one objective earlier with Kung's staircase sweep (Kung, Luccio and Preparata 1975):
 * {@code O(N log^(d-2) N)} for d &ge; 3.
 *
 * <p>How it works. Points are sorted lexicographically and duplicates merged; every point gets its index in
 * that order as id, so "lexicographic order" is simply "ascending id" and only a smaller id can dominate. Each
 * objective {@code k >= 1} is replaced by its dense rank (objective 0 is implied by the id order). Then
 * <ul>
 *   <li>{@code helperA(S, k)} ranks the points of {@code S}, which agree on every objective above {@code k}:
 *       split {@code S} at the median of objective {@code k} into {@code S<}, {@code S=}, {@code S>}; rank
 *       {@code S<}; push its ranks into {@code S=} ({@code helperB} with {@code k - 1}) and rank {@code S=} on
 *       {@code k - 1} objectives; push {@code S<= } into {@code S>}; rank {@code S>}.</li>
 *   <li>{@code helperB(L, H, k)} raises the ranks of {@code H} using the final ranks of {@code L}, where every
 *       point of {@code L} is {@code <=} every point of {@code H} on the objectives above {@code k}: a
 *       three-way split of both at their common median, recursing on the pairs that can still dominate.</li>
 *   <li>with two objectives left, {@code helperA} and {@code helperB} are sweeps in id order over a staircase
 *       keyed by the rank of objective 1 (an {@link IntSet64}); front-only, they are linear scans, and with
 *       three objectives left already staircase sweeps. Small subproblems are brute force.</li>
 *   <li>a point can raise another's rank only if its rank is at least as high: {@code helperB} returns at once
 *       when the best rank in {@code L} is below the lowest in {@code H} (front-only: all of {@code H} is
 *       already dominated).</li>
 * </ul>
 * Every helper leaves its ranges sorted by id again (splits are undone by merges), so no helper ever sorts.
 */
public final class DivideConquer {

  /** Subproblems of {@code helperA} up to this size are brute-forced. */
  static final int BRUTE_A = 48;
  /** {@code helperB} brute-forces when one side is at most this small. */
  static final int BRUTE_B_SIDE = 4;
  /** ... or when the number of pairs is at most this. */
  static final int BRUTE_B_PAIRS = 1024;

  private final int w;
  private final int[] v;
  private final int[] rank;
  private final boolean frontOnly;
  private final int[] idx;
  private final int[] eqBuf;
  private final int[] gtBuf;
  private final int[] mergeBuf;
  private final int[] medBuf;
  private final IntSet64 tree;
  private final int[] rankAt;
  private final int bruteA;
  private final int bruteBSide;
  private final int bruteBPairs;
  private long seed = 0x9E3779B97F4A7C15L;
  // Second results of partition() and the range scan; read right after the call, before any recursion.
  private int partitionGt;
  private int minValue;
  private int maxValue;

  private DivideConquer(int[] v, int m, int w, boolean frontOnly, int bruteA, int bruteBSide, int bruteBPairs) {
    this.v = v;
    this.w = w;
    this.frontOnly = frontOnly;
    this.rank = new int[m];
    this.idx = new int[m];
    for (int i = 0; i < m; i++) {
      idx[i] = i;
    }
    this.eqBuf = new int[m];
    this.gtBuf = new int[m];
    this.mergeBuf = new int[m];
    this.medBuf = new int[m];
    this.tree = new IntSet64(m);
    // Ranks mode: the rank stored at a key of objective 1. Front-only mode: the smallest objective-2 rank.
    this.rankAt = new int[m];
    this.bruteA = bruteA;
    this.bruteBSide = bruteBSide;
    this.bruteBPairs = bruteBPairs;
  }

  /**
   * Non-dominated ranks of all points.
   *
   * @param x the points, row-major, minimization
   * @param n the number of points (>= 1)
   * @param d the number of objectives (>= 2)
   * @return rank of each point, 0 for the non-dominated front
   */
  public static int[] ranks(double[] x, int n, int d) {
    return ranks(x, n, d, BRUTE_A, BRUTE_B_SIDE, BRUTE_B_PAIRS);
  }

  /**
   * {@link #ranks(double[], int, int)} with explicit brute-force thresholds (tests use tiny ones so that the
   * recursion is exercised on small inputs).
   *
   * @param x the points
   * @param n the number of points
   * @param d the number of objectives
   * @param bruteA helperA brute-force size
   * @param bruteBSide helperB brute-force side size
   * @param bruteBPairs helperB brute-force pair count
   * @return the ranks
   */
  public static int[] ranks(double[] x, int n, int d, int bruteA, int bruteBSide, int bruteBPairs) {
    int[] ids = new int[n];
    for (int i = 0; i < n; i++) {
      ids[i] = i;
    }
    int[] out = new int[n];
    run(x, d, ids, n, false, out, bruteA, bruteBSide, bruteBPairs);
    return out;
  }

  /**
   * Marks the non-dominated points among {@code ids[0, count)} (dominance only among those points).
   *
   * @param x the points
   * @param d the number of objectives (>= 2)
   * @param ids the candidates, permuted
   * @param count how many
   * @param inFront set to true for the non-dominated ones
   */
  public static void front(double[] x, int d, int[] ids, int count, boolean[] inFront) {
    front(x, d, ids, count, inFront, BRUTE_A, BRUTE_B_SIDE, BRUTE_B_PAIRS);
  }

  /**
   * {@link #front(double[], int, int[], int, boolean[])} with explicit brute-force thresholds.
   *
   * @param x the points
   * @param d the number of objectives
   * @param ids the candidates
   * @param count how many
   * @param inFront output flags
   * @param bruteA helperA brute-force size
   * @param bruteBSide helperB brute-force side size
   * @param bruteBPairs helperB brute-force pair count
   */
  public static void front(double[] x, int d, int[] ids, int count, boolean[] inFront, int bruteA,
      int bruteBSide, int bruteBPairs) {
    int[] flags = new int[x.length / d];
    run(x, d, ids, count, true, flags, bruteA, bruteBSide, bruteBPairs);
    for (int i = 0; i < count; i++) {
      int id = ids[i];
      if (flags[id] == 0) {
        inFront[id] = true;
      }
    }
  }

  private static void run(double[] x, int d, int[] ids, int count, boolean frontOnly, int[] out, int bruteA,
      int bruteBSide, int bruteBPairs) {
    if (count == 0) {
      return;
    }
    LexSort.sort(x, d, ids, count);
    // Merge duplicates: group g holds the run of identical points starting at position start[g].
    int[] groupOfPosition = new int[count];
    int[] rep = new int[count];
    int m = 0;
    for (int i = 0; i < count; i++) {
      if (i == 0 || !LexSort.same(x, d, ids[i - 1], ids[i])) {
        rep[m++] = ids[i];
      }
      groupOfPosition[i] = m - 1;
    }
    int w = d - 1;
    int[] v = new int[m * w];
    long[] keys = new long[m];
    int[] perm = new int[m];
    long[] keyBuffer = new long[m];
    int[] valueBuffer = new int[m];
    for (int k = 1; k < d; k++) {
      for (int g = 0; g < m; g++) {
        keys[g] = RadixSort.key(x[rep[g] * d + k]);
        perm[g] = g;
      }
      RadixSort.sort(keys, perm, 0, m, keyBuffer, valueBuffer);
      int r = -1;
      for (int t = 0; t < m; t++) {
        if (t == 0 || keys[t] != keys[t - 1]) {
          r++;
        }
        v[perm[t] * w + (k - 1)] = r;
      }
    }
    DivideConquer dc = new DivideConquer(v, m, w, frontOnly, bruteA, bruteBSide, bruteBPairs);
    dc.helperA(0, m, d - 1);
    for (int i = 0; i < count; i++) {
      out[ids[i]] = dc.rank[groupOfPosition[i]];
    }
  }

  private void helperA(int from, int to, int k) {
    int n = to - from;
    if (n < 2) {
      return;
    }
    if (k == 1) {
      sweepA(from, to);
      return;
    }
    if (n <= bruteA) {
      bruteA(from, to, k);
      return;
    }
    if (frontOnly && k == 2) {
      staircaseA(from, to);
      return;
    }
    int median = median(from, to, to, to, k);
    if (minValue == maxValue) {
      helperA(from, to, k - 1);
      return;
    }
    int lt = partition(from, to, k, median);
    int gt = partitionGt;
    helperA(from, lt, k);
    if (gt > lt) {
      helperB(from, lt, lt, gt, k - 1);
      helperA(lt, gt, k - 1);
    }
    merge(from, lt, gt);
    helperB(from, gt, gt, to, k - 1);
    helperA(gt, to, k);
    merge(from, gt, to);
  }

  private void helperB(int lFrom, int lTo, int hFrom, int hTo, int k) {
    int nl = lTo - lFrom;
    int nh = hTo - hFrom;
    if (nl == 0 || nh == 0) {
      return;
    }
    // A point l can raise h only if rank(l) >= rank(h): when L's best rank is below H's lowest (front-only:
    // when all of H is already dominated) nothing can change, whatever the objectives say.
    int c = k - 1;
    int lMin = Integer.MAX_VALUE;
    int lMax = Integer.MIN_VALUE;
    int lMaxRank = 0;
    for (int i = lFrom; i < lTo; i++) {
      int g = idx[i];
      int val = v[g * w + c];
      lMin = Math.min(lMin, val);
      lMax = Math.max(lMax, val);
      lMaxRank = Math.max(lMaxRank, rank[g]);
    }
    int hMin = Integer.MAX_VALUE;
    int hMax = Integer.MIN_VALUE;
    int hMinRank = Integer.MAX_VALUE;
    for (int i = hFrom; i < hTo; i++) {
      int g = idx[i];
      int val = v[g * w + c];
      hMin = Math.min(hMin, val);
      hMax = Math.max(hMax, val);
      hMinRank = Math.min(hMinRank, rank[g]);
    }
    if (frontOnly ? hMinRank > 0 : lMaxRank < hMinRank) {
      return;
    }
    if (k == 1) {
      sweepB(lFrom, lTo, hFrom, hTo);
      return;
    }
    if (nl <= bruteBSide || nh <= bruteBSide || (long) nl * nh <= bruteBPairs) {
      bruteB(lFrom, lTo, hFrom, hTo, k);
      return;
    }
    if (frontOnly && k == 2) {
      staircaseB(lFrom, lTo, hFrom, hTo);
      return;
    }
    if (lMin > hMax) {
      return; // every l is worse than every h on objective k: no l can dominate any h
    }
    if (lMax <= hMin) {
      helperB(lFrom, lTo, hFrom, hTo, k - 1); // objective k never separates them
      return;
    }
    int median = median(lFrom, lTo, hFrom, hTo, k);
    int la = partition(lFrom, lTo, k, median);
    int lb = partitionGt;
    int ha = partition(hFrom, hTo, k, median);
    int hb = partitionGt;
    helperB(lFrom, la, hFrom, ha, k);
    helperB(lb, lTo, hb, hTo, k);
    merge(lFrom, la, lb);
    merge(ha, hb, hTo);
    helperB(lFrom, lb, ha, hTo, k - 1);
    merge(lFrom, lb, lTo);
    merge(hFrom, ha, hTo);
  }

  private void sweepA(int from, int to) {
    if (frontOnly) {
      int min = Integer.MAX_VALUE;
      for (int i = from; i < to; i++) {
        int g = idx[i];
        int key = v[g * w];
        if (min <= key) {
          rank[g] = 1;
        } else {
          min = key;
        }
      }
      return;
    }
    for (int i = from; i < to; i++) {
      int g = idx[i];
      int key = v[g * w];
      int q = tree.prev(key);
      if (q >= 0 && rankAt[q] >= rank[g]) {
        rank[g] = rankAt[q] + 1;
      }
      insert(key, rank[g]);
    }
    for (int i = from; i < to; i++) {
      tree.remove(v[idx[i] * w]);
    }
  }

  private void sweepB(int lFrom, int lTo, int hFrom, int hTo) {
    int li = lFrom;
    if (frontOnly) {
      int min = Integer.MAX_VALUE;
      for (int hi = hFrom; hi < hTo; hi++) {
        int h = idx[hi];
        while (li < lTo && idx[li] < h) {
          min = Math.min(min, v[idx[li] * w]);
          li++;
        }
        if (min <= v[h * w]) {
          rank[h] = 1;
        }
      }
      return;
    }
    for (int hi = hFrom; hi < hTo; hi++) {
      int h = idx[hi];
      while (li < lTo && idx[li] < h) {
        int g = idx[li];
        insert(v[g * w], rank[g]);
        li++;
      }
      int q = tree.prev(v[h * w]);
      if (q >= 0 && rankAt[q] >= rank[h]) {
        rank[h] = rankAt[q] + 1;
      }
    }
    for (int i = lFrom; i < li; i++) {
      tree.remove(v[idx[i] * w]);
    }
  }

  /**
   * Front-only, three objectives left (0 implied by id order, 1 and 2): Kung's sweep. In id order, a staircase
   * keyed by the objective-1 rank keeps the smallest objective-2 rank seen at or below each key (values
   * strictly decreasing in the key); a point is dominated iff the entry at or below its key has a value at or
   * below its own. This is what makes front-only {@code O(N log^(d-2) N)} instead of the {@code log^(d-1)} of
   * ranking: the recursion stops one objective earlier.
   */
  private void staircaseA(int from, int to) {
    for (int i = from; i < to; i++) {
      int g = idx[i];
      int key = v[g * w];
      int value = v[g * w + 1];
      int q = tree.prev(key);
      if (q >= 0 && rankAt[q] <= value) {
        rank[g] = 1;
      } else {
        stairInsert(key, value);
      }
    }
    for (int i = from; i < to; i++) {
      tree.remove(v[idx[i] * w]);
    }
  }

  /** Front-only, three objectives left: L's points (earlier ids) form the staircase, H's points query it. */
  private void staircaseB(int lFrom, int lTo, int hFrom, int hTo) {
    int li = lFrom;
    for (int hi = hFrom; hi < hTo; hi++) {
      int h = idx[hi];
      while (li < lTo && idx[li] < h) {
        int g = idx[li];
        int key = v[g * w];
        int value = v[g * w + 1];
        int q = tree.prev(key);
        if (q < 0 || rankAt[q] > value) {
          stairInsert(key, value);
        }
        li++;
      }
      if (rank[h] == 0) {
        int q = tree.prev(v[h * w]);
        if (q >= 0 && rankAt[q] <= v[h * w + 1]) {
          rank[h] = 1;
        }
      }
    }
    for (int i = lFrom; i < li; i++) {
      tree.remove(v[idx[i] * w]);
    }
  }

  /** Inserts (key, value) into the front-only staircase, dropping the entries it covers. */
  private void stairInsert(int key, int value) {
    rankAt[key] = value;
    tree.add(key);
    int s = tree.next(key + 1);
    while (s >= 0 && rankAt[s] >= value) {
      tree.remove(s);
      s = tree.next(s + 1);
    }
  }

  /**
   * Adds (key, r) to the staircase, which keeps keys increasing with strictly increasing ranks so that the
   * predecessor of a key carries the largest rank at or below it.
   */
  private void insert(int key, int r) {
    int q = tree.prev(key);
    if (q >= 0 && rankAt[q] >= r) {
      return; // a smaller-or-equal key already carries a rank at least as high
    }
    rankAt[key] = r;
    tree.add(key);
    int s = tree.next(key + 1);
    while (s >= 0 && rankAt[s] <= r) {
      tree.remove(s);
      s = tree.next(s + 1);
    }
  }

  private void bruteA(int from, int to, int k) {
    for (int i = from + 1; i < to; i++) {
      int p = idx[i];
      int pb = p * w;
      int r = rank[p];
      if (frontOnly && r != 0) {
        continue;
      }
      for (int j = from; j < i; j++) {
        int q = idx[j];
        if (rank[q] >= r && leq(q * w, pb, k)) {
          if (frontOnly) {
            r = 1;
            break;
          }
          r = rank[q] + 1;
        }
      }
      rank[p] = r;
    }
  }

  private void bruteB(int lFrom, int lTo, int hFrom, int hTo, int k) {
    for (int hi = hFrom; hi < hTo; hi++) {
      int h = idx[hi];
      int r = rank[h];
      if (frontOnly && r != 0) {
        continue;
      }
      int hb = h * w;
      for (int li = lFrom; li < lTo; li++) {
        int q = idx[li];
        if (q > h) {
          break; // ids ascend: the rest of L comes later in lexicographic order and cannot dominate h
        }
        if (rank[q] >= r && leq(q * w, hb, k)) {
          if (frontOnly) {
            r = 1;
            break;
          }
          r = rank[q] + 1;
        }
      }
      rank[h] = r;
    }
  }

  /** Whether objectives 1..k of the point at qb are all <= those at pb. */
  private boolean leq(int qb, int pb, int k) {
    for (int c = 0; c < k; c++) {
      if (v[qb + c] > v[pb + c]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Median of objective k over idx[aFrom, aTo) and idx[bFrom, bTo); also sets minValue and maxValue.
   */
  private int median(int aFrom, int aTo, int bFrom, int bTo, int k) {
    int c = k - 1;
    int n = 0;
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    for (int i = aFrom; i < aTo; i++) {
      int val = v[idx[i] * w + c];
      medBuf[n++] = val;
      min = Math.min(min, val);
      max = Math.max(max, val);
    }
    for (int i = bFrom; i < bTo; i++) {
      int val = v[idx[i] * w + c];
      medBuf[n++] = val;
      min = Math.min(min, val);
      max = Math.max(max, val);
    }
    minValue = min;
    maxValue = max;
    if (min == max) {
      return min;
    }
    return select(medBuf, n, n >>> 1);
  }

  /** Quickselect with a pseudo-random pivot: the k-th smallest of a[0, n). */
  private int select(int[] a, int n, int k) {
    int lo = 0;
    int hi = n - 1;
    while (hi > lo) {
      seed ^= seed << 13;
      seed ^= seed >>> 7;
      seed ^= seed << 17;
      // Multiply-shift maps 31 random bits onto [lo, hi] without a division.
      int pivot = a[lo + (int) (((seed >>> 33) * (hi - lo + 1)) >>> 31)];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] < pivot) {
          i++;
        }
        while (a[j] > pivot) {
          j--;
        }
        if (i <= j) {
          int t = a[i];
          a[i] = a[j];
          a[j] = t;
          i++;
          j--;
        }
      }
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return a[k];
      }
    }
    return a[k];
  }

  /**
   * Stable three-way partition of idx[from, to) by objective k around m: returns the start of the "equal" part;
   * partitionGt is the start of the "greater" part.
   */
  private int partition(int from, int to, int k, int m) {
    int c = k - 1;
    int lt = from;
    int ne = 0;
    int ng = 0;
    for (int i = from; i < to; i++) {
      int g = idx[i];
      int val = v[g * w + c];
      if (val < m) {
        idx[lt++] = g;
      } else if (val == m) {
        eqBuf[ne++] = g;
      } else {
        gtBuf[ng++] = g;
      }
    }
    System.arraycopy(eqBuf, 0, idx, lt, ne);
    System.arraycopy(gtBuf, 0, idx, lt + ne, ng);
    partitionGt = lt + ne;
    return lt;
  }

  /** Merges the ascending runs idx[from, mid) and idx[mid, to). */
  private void merge(int from, int mid, int to) {
    if (from == mid || mid == to || idx[mid - 1] < idx[mid]) {
      return;
    }
    int n1 = mid - from;
    System.arraycopy(idx, from, mergeBuf, 0, n1);
    int i = 0;
    int j = mid;
    int o = from;
    while (i < n1 && j < to) {
      int a = mergeBuf[i];
      int b = idx[j];
      if (a < b) {
        idx[o++] = a;
        i++;
      } else {
        idx[o++] = b;
        j++;
      }
    }
    while (i < n1) {
      idx[o++] = mergeBuf[i++];
    }
  }
}
