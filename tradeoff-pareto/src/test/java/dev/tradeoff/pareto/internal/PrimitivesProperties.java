package dev.tradeoff.pareto.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeoff.pareto.testing.PointSets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The sorting and set primitives against the JDK. */
final class PrimitivesProperties {

  @Property(tries = 200)
  void radixSort_anyDoubles_ordersLikeDoubleCompareAndIsStable(
      @ForAll("doubles") @Size(max = 3000) List<Double> values) {
    int n = values.size();
    long[] keys = new long[n];
    int[] ids = new int[n];
    for (int i = 0; i < n; i++) {
      keys[i] = RadixSort.key(values.get(i) + 0.0);
      ids[i] = i;
    }
    RadixSort.sort(keys, ids, 0, n, new long[n], new int[n]);
    Integer[] expected = new Integer[n];
    for (int i = 0; i < n; i++) {
      expected[i] = i;
    }
    // Stable reference: by value (with -0.0 == 0.0), then by index.
    Arrays.sort(expected, Comparator.<Integer>comparingDouble(i -> values.get(i) + 0.0).thenComparing(i -> i));
    assertThat(ids).containsExactly(Arrays.stream(expected).mapToInt(Integer::intValue).toArray());
  }

  @Property(tries = 40)
  void radixSort_largeArrays_everyStrategyMatchesTheJdk(@ForAll @IntRange(min = 4096, max = 40_000) int n,
      @ForAll @IntRange(min = 0, max = 3) int shape, @ForAll long seed) {
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      switch (shape) {
        case 0: // uniform: most digits vary, the packed path
          v[i] = rnd.nextDouble() * 2 - 1;
          break;
        case 1: // two narrow bands of opposite sign: packed (4 busy digits), then two huge runs whose high 32
          // bits tie, finished by the plain radix
          v[i] = (rnd.nextBoolean() ? 1 : -1) * (1.0 + rnd.nextDouble() * 1e-9);
          break;
        case 2: // a few distinct values: most passes skipped
          v[i] = rnd.nextInt(5) - 2;
          break;
        default: // clusters: the packed path with many small tied runs finished by merge sort
          v[i] = rnd.nextInt(50) + rnd.nextDouble() * 1e-6;
          break;
      }
    }
    long[] keys = new long[n];
    int[] ids = new int[n];
    for (int i = 0; i < n; i++) {
      keys[i] = RadixSort.key(v[i] + 0.0);
      ids[i] = i;
    }
    RadixSort.sort(keys, ids, 0, n, new long[n], new int[n]);
    Integer[] expected = new Integer[n];
    for (int i = 0; i < n; i++) {
      expected[i] = i;
    }
    Arrays.sort(expected, Comparator.<Integer>comparingDouble(i -> v[i]).thenComparing(i -> i));
    assertThat(ids).containsExactly(Arrays.stream(expected).mapToInt(Integer::intValue).toArray());
  }

  @Property(tries = 100)
  void radixSort_subrange_leavesTheRestAlone(@ForAll("doubles") @Size(min = 2, max = 2000) List<Double> values,
      @ForAll @IntRange(min = 0, max = 100) int skip) {
    int n = values.size();
    int from = Math.min(skip, n - 1);
    long[] keys = new long[n];
    int[] ids = new int[n];
    for (int i = 0; i < n; i++) {
      keys[i] = RadixSort.key(values.get(i) + 0.0);
      ids[i] = i;
    }
    long[] before = keys.clone();
    RadixSort.sort(keys, ids, from, n, new long[n], new int[n]);
    assertThat(Arrays.copyOfRange(keys, 0, from)).containsExactly(Arrays.copyOfRange(before, 0, from));
    for (int i = from + 1; i < n; i++) {
      assertThat(keys[i - 1]).isLessThanOrEqualTo(keys[i]);
    }
  }

  @Property(tries = 200)
  void lexSort_anyPoints_matchesComparatorSort(@ForAll("points") double[][] p) {
    int n = p.length;
    int d = n == 0 ? 1 : p[0].length;
    int[] ids = NonDominated.identity(n);
    LexSort.sort(PointSets.flat(p), d, ids, n);
    Integer[] expected = new Integer[n];
    for (int i = 0; i < n; i++) {
      expected[i] = i;
    }
    Arrays.sort(expected, (a, b) -> {
      for (int j = 0; j < d; j++) {
        int c = Double.compare(p[a][j], p[b][j]);
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(a, b);
    });
    assertThat(ids).containsExactly(Arrays.stream(expected).mapToInt(Integer::intValue).toArray());
  }

  @Property(tries = 300)
  void intSet64_randomOperations_behavesLikeTreeSet(@ForAll @IntRange(min = 1, max = 300_000) int capacity,
      @ForAll @Size(max = 400) List<@IntRange(min = 0, max = 1_000_000) Integer> ops) {
    IntSet64 set = new IntSet64(capacity);
    TreeSet<Integer> model = new TreeSet<>();
    List<Integer> present = new ArrayList<>();
    for (int raw : ops) {
      int i = raw % capacity;
      switch (raw % 4) {
        case 0:
        case 1:
          set.add(i);
          model.add(i);
          present.add(i);
          break;
        case 2:
          int victim = present.isEmpty() ? i : present.get(raw % present.size());
          set.remove(victim);
          model.remove(victim);
          break;
        default:
          break;
      }
      assertThat(set.contains(i)).isEqualTo(model.contains(i));
      Integer ceiling = model.ceiling(i);
      Integer floor = model.floor(i);
      assertThat(set.next(i)).isEqualTo(ceiling == null ? -1 : ceiling);
      assertThat(set.prev(i)).isEqualTo(floor == null ? -1 : floor);
    }
    assertThat(set.next(0)).isEqualTo(model.isEmpty() ? -1 : model.first());
    assertThat(set.prev(capacity - 1)).isEqualTo(model.isEmpty() ? -1 : model.last());
    assertThat(set.next(capacity)).isEqualTo(-1);
    assertThat(set.prev(-1)).isEqualTo(-1);
  }

  @Provide
  Arbitrary<List<Double>> doubles() {
    Arbitrary<Double> special = Arbitraries.of(0.0, -0.0, 1.0, -1.0, Double.MAX_VALUE, -Double.MAX_VALUE,
        Double.MIN_VALUE, -Double.MIN_VALUE, 1e-300, -1e300);
    Arbitrary<Double> any = Arbitraries.doubles().between(-1e12, 1e12);
    Arbitrary<Double> ties = Arbitraries.integers().between(-3, 3).map(Integer::doubleValue);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(2, special), net.jqwik.api.Tuple.of(5, any), net.jqwik.api.Tuple.of(3, ties))
        .list();
  }

  @Provide
  Arbitrary<double[][]> points() {
    return PointSets.any(600, 1, 5);
  }
}
