package dev.tradeoff.pareto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tradeoff.pareto.testing.PointSets;
import dev.tradeoff.pareto.testing.Reference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The contract of {@link Pareto} and {@link CandidateSet}, on uniform, all-front, tie-grid and duplicate-heavy
 * data: front and ranks against the O(N^2 d) reference, permutation and monotone-transform invariance,
 * maximize = minimize of the negation, the hypervolume identities, order-independent crowding.
 */
final class ParetoProperties {

  @Property(tries = 300)
  void front_anyData_equalsBruteForce(@ForAll("points") double[][] p) {
    assertThat(Pareto.front(p)).containsExactly(Reference.front(p));
  }

  @Property(tries = 200)
  void front_anyData_isSubsetMutuallyNonDominatedAndDominatesTheRest(@ForAll("points") double[][] p) {
    int[] front = Pareto.front(p);
    boolean[] in = new boolean[p.length];
    for (int t = 0; t < front.length; t++) {
      assertThat(front[t]).isBetween(0, p.length - 1);
      if (t > 0) {
        assertThat(front[t]).isGreaterThan(front[t - 1]);
      }
      in[front[t]] = true;
    }
    for (int a : front) {
      for (int b : front) {
        assertThat(Reference.dominates(p[a], p[b])).isFalse();
      }
    }
    for (int i = 0; i < p.length; i++) {
      if (!in[i]) {
        int excluded = i;
        assertThat(Arrays.stream(front).anyMatch(f -> Reference.dominates(p[f], p[excluded]))).isTrue();
      }
    }
  }

  @Property(tries = 300)
  void ranks_anyData_equalsPeeling(@ForAll("points") double[][] p) {
    assertThat(Pareto.ranks(p)).containsExactly(Reference.ranks(p));
  }

  @Property(tries = 200)
  void ranks_anyData_dominanceMeansStrictlyLowerRankAndDuplicatesShare(@ForAll("points") double[][] p) {
    int[] rank = Pareto.ranks(p);
    int[] front = Pareto.front(p);
    for (int i = 0; i < p.length; i++) {
      assertThat(rank[i] == 0).isEqualTo(Arrays.binarySearch(front, i) >= 0);
      for (int j = 0; j < p.length; j++) {
        if (Reference.dominates(p[i], p[j])) {
          assertThat(rank[i]).isLessThan(rank[j]);
        }
        if (Arrays.equals(p[i], p[j])) {
          assertThat(rank[i]).isEqualTo(rank[j]);
        }
      }
    }
  }

  @Property(tries = 200)
  void frontRanksCrowding_permutedInput_permuteTheResult(@ForAll("points") double[][] p, @ForAll long seed) {
    int n = p.length;
    int[] perm = permutation(n, seed);
    double[][] q = new double[n][];
    for (int i = 0; i < n; i++) {
      q[i] = p[perm[i]]; // q[i] is p[perm[i]]
    }
    boolean[] inP = flags(Pareto.front(p), n);
    boolean[] inQ = flags(Pareto.front(q), n);
    int[] rp = Pareto.ranks(p);
    int[] rq = Pareto.ranks(q);
    double[] cp = Pareto.crowdingDistances(p);
    double[] cq = Pareto.crowdingDistances(q);
    for (int i = 0; i < n; i++) {
      assertThat(inQ[i]).isEqualTo(inP[perm[i]]);
      assertThat(rq[i]).isEqualTo(rp[perm[i]]);
      assertThat(cq[i]).isEqualTo(cp[perm[i]]);
    }
  }

  @Property(tries = 150)
  void frontRanksCrowdingKnee_negativeZeroInsteadOfZero_changeNothing(@ForAll("points") double[][] p,
      @ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[][] q = new double[p.length][];
    for (int i = 0; i < p.length; i++) {
      q[i] = p[i].clone();
      for (int j = 0; j < q[i].length; j++) {
        if (q[i][j] == 0 && rnd.nextBoolean()) {
          q[i][j] = -0.0;
        }
      }
    }
    assertThat(Pareto.front(q)).containsExactly(Pareto.front(p));
    assertThat(Pareto.ranks(q)).containsExactly(Pareto.ranks(p));
    assertThat(Pareto.crowdingDistances(q)).containsExactly(Pareto.crowdingDistances(p));
    assertThat(Pareto.knee(q)).isEqualTo(Pareto.knee(p));
  }

  @Property(tries = 200)
  void frontAndRanks_strictlyIncreasingTransformOfAnObjective_changeNothing(@ForAll("points") double[][] p,
      @ForAll @IntRange(min = 0, max = 5) int objective) {
    if (p.length == 0) {
      return;
    }
    int j = objective % p[0].length;
    double[][] q = new double[p.length][];
    for (int i = 0; i < p.length; i++) {
      q[i] = p[i].clone();
      double x = q[i][j];
      q[i][j] = 7 * x * x * x + x - 2; // strictly increasing; keeps ties tied
    }
    assertThat(Pareto.front(q)).containsExactly(Pareto.front(p));
    assertThat(Pareto.ranks(q)).containsExactly(Pareto.ranks(p));
  }

  @Property(tries = 200)
  void candidateSet_maximizingEqualsMinimizingTheNegation(@ForAll("points") double[][] p, @ForAll long seed) {
    if (p.length == 0) {
      return;
    }
    int n = p.length;
    int d = p[0].length;
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Objective> minimized = new ArrayList<>();
    List<Objective> mixed = new ArrayList<>();
    boolean[] max = new boolean[d];
    for (int j = 0; j < d; j++) {
      max[j] = rnd.nextBoolean();
      minimized.add(Objective.minimize("o" + j));
      mixed.add(max[j] ? Objective.maximize("o" + j) : Objective.minimize("o" + j));
    }
    double[][] negated = new double[n][d];
    double[] ref = new double[d];
    double[] mixedRef = new double[d];
    for (int j = 0; j < d; j++) {
      ref[j] = 4;
      mixedRef[j] = max[j] ? -4 : 4;
      for (int i = 0; i < n; i++) {
        negated[i][j] = max[j] ? -p[i][j] : p[i][j];
      }
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      names.add("c" + i);
    }
    CandidateSet a = CandidateSet.of(minimized, names, p);
    CandidateSet b = CandidateSet.of(mixed, names, negated);
    assertThat(b.front()).containsExactly(a.front());
    assertThat(b.ranks()).containsExactly(a.ranks());
    assertThat(b.crowdingDistances()).containsExactly(a.crowdingDistances());
    assertThat(b.knee()).isEqualTo(a.knee());
    if (d <= 3 || n <= 40) {
      assertThat(b.hypervolume(mixedRef)).isEqualTo(a.hypervolume(ref));
    }
  }

  @Property(tries = 200)
  void hypervolume_ofTheSet_equalsHypervolumeOfItsFront(@ForAll("bounded") double[][] p) {
    double[] ref = reference(p);
    double all = Pareto.hypervolume(p, ref);
    int[] front = Pareto.front(p);
    double[][] f = new double[front.length][];
    for (int t = 0; t < front.length; t++) {
      f[t] = p[front[t]];
    }
    assertThat(Pareto.hypervolume(f, ref)).isEqualTo(all); // as documented: ==, not merely close
  }

  @Property(tries = 200)
  void hypervolume_addingAPoint_neverLowersIt(@ForAll("bounded") double[][] p, @ForAll long seed) {
    if (p.length == 0) {
      return;
    }
    double[] ref = reference(p);
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] extra = new double[ref.length];
    for (int j = 0; j < extra.length; j++) {
      extra[j] = rnd.nextDouble() * ref[j];
    }
    double[][] more = Arrays.copyOf(p, p.length + 1);
    more[p.length] = extra;
    double before = Pareto.hypervolume(p, ref);
    assertThat(Pareto.hypervolume(more, ref)).isGreaterThanOrEqualTo(before * (1 - 1e-12));
  }

  @Property(tries = 200)
  void hypervolume_scalingObjectiveJByAj_scalesItByTheProduct(@ForAll("bounded") double[][] p,
      @ForAll long seed) {
    if (p.length == 0) {
      return;
    }
    double[] ref = reference(p);
    int d = ref.length;
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] a = new double[d];
    double product = 1;
    for (int j = 0; j < d; j++) {
      a[j] = 0.25 + rnd.nextDouble() * 8;
      product *= a[j];
    }
    double[][] scaled = new double[p.length][d];
    double[] scaledRef = new double[d];
    for (int j = 0; j < d; j++) {
      scaledRef[j] = ref[j] * a[j];
      for (int i = 0; i < p.length; i++) {
        scaled[i][j] = p[i][j] * a[j];
      }
    }
    double hv = Pareto.hypervolume(p, ref);
    assertThat(Pareto.hypervolume(scaled, scaledRef)).isCloseTo(hv * product, within(1e-9 * hv * product + 1e-300));
  }

  @Property(tries = 150)
  void hypervolume_permutedInput_isUnchanged(@ForAll("bounded") double[][] p, @ForAll long seed) {
    int[] perm = permutation(p.length, seed);
    double[][] q = new double[p.length][];
    for (int i = 0; i < p.length; i++) {
      q[i] = p[perm[i]];
    }
    double[] ref = reference(p);
    assertThat(Pareto.hypervolume(q, ref)).isEqualTo(Pareto.hypervolume(p, ref)); // to the last bit
  }

  @Property(tries = 200)
  void knee_anyNonEmptyData_isAFrontPoint(@ForAll("points") double[][] p) {
    if (p.length == 0) {
      assertThat(Pareto.knee(p)).isEmpty();
      return;
    }
    assertThat(Pareto.front(p)).contains(Pareto.knee(p).getAsInt());
  }

  @Property(tries = 300)
  void knee_twoObjectives_isTheFrontPointFarthestFromTheLineThroughTheExtremes(@ForAll("planar") double[][] p) {
    int expected = Reference.knee2(p);
    if (expected < 0) {
      assertThat(Pareto.knee(p)).isEmpty();
    } else {
      assertThat(Pareto.knee(p)).hasValue(expected);
    }
  }

  @Property(tries = 200)
  void knee_objectivesInOtherUnits_isTheSamePoint(@ForAll("points") double[][] p, @ForAll long seed) {
    // Units must not matter: any positive factor and offset per objective (USD or cents, ms or s, a shifted
    // baseline). The min-max normalization undoes them only up to rounding, which must not move the index.
    SplittableRandom rnd = new SplittableRandom(seed);
    int d = p.length == 0 ? 1 : p[0].length;
    double[] factor = new double[d];
    double[] offset = new double[d];
    for (int j = 0; j < d; j++) {
      factor[j] = Math.pow(10, rnd.nextDouble(-3, 3));
      offset[j] = rnd.nextBoolean() ? 0 : factor[j] * rnd.nextDouble(-100, 100);
    }
    double[][] q = new double[p.length][d];
    for (int i = 0; i < p.length; i++) {
      for (int j = 0; j < d; j++) {
        q[i][j] = p[i][j] * factor[j] + offset[j];
      }
    }
    assertThat(Pareto.knee(q)).isEqualTo(Pareto.knee(p));
  }

  @Property(tries = 200)
  void everyEntryPoint_nonFiniteValueAnywhere_isRejectedNamingPointAndObjective(@ForAll("nonEmpty") double[][] p,
      @ForAll("nonFinite") double bad, @ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int i = rnd.nextInt(p.length);
    int j = rnd.nextInt(p[0].length);
    double[][] q = new double[p.length][];
    for (int t = 0; t < p.length; t++) {
      q[t] = p[t].clone();
    }
    q[i][j] = bad;
    String message = "points[" + i + "][" + j + "] must be finite, but was " + bad;
    double[] ref = new double[p[0].length];
    Arrays.fill(ref, 4.0);
    assertThatThrownBy(() -> Pareto.front(q)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    assertThatThrownBy(() -> Pareto.ranks(q)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    assertThatThrownBy(() -> Pareto.crowdingDistances(q)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
    assertThatThrownBy(() -> Pareto.knee(q)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    assertThatThrownBy(() -> Pareto.hypervolume(q, ref)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
    List<Objective> objectives = new ArrayList<>();
    for (int t = 0; t < p[0].length; t++) {
      objectives.add(rnd.nextBoolean() ? Objective.minimize("o" + t) : Objective.maximize("o" + t));
    }
    List<String> names = new ArrayList<>();
    for (int t = 0; t < p.length; t++) {
      names.add("c" + t);
    }
    assertThatThrownBy(() -> CandidateSet.of(objectives, names, q)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("values[" + i + "][" + j + "] must be finite, but was " + bad + " (candidate 'c" + i
            + "', objective 'o" + j + "')");
    CandidateSet.Builder builder = CandidateSet.builder(objectives);
    for (int t = 0; t < i; t++) {
      builder.add("c" + t, q[t]);
    }
    assertThatThrownBy(() -> builder.add("c" + i, q[i])).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("values[" + i + "][" + j + "] must be finite, but was " + bad + " (candidate 'c" + i
            + "', objective 'o" + j + "')");
  }

  @Property(tries = 200)
  void crowdingKneeHypervolume_extremeMagnitudes_neverNaN(@ForAll("extreme") double[][] p) {
    for (double c : Pareto.crowdingDistances(p)) {
      assertThat(c).isNotNaN().isGreaterThanOrEqualTo(0.0);
    }
    if (p.length > 0) {
      assertThat(Pareto.front(p)).contains(Pareto.knee(p).getAsInt());
      double[] ref = new double[p[0].length];
      Arrays.fill(ref, Double.MAX_VALUE);
      try {
        assertThat(Pareto.hypervolume(p, ref)).isNotNaN().isFinite().isGreaterThanOrEqualTo(0.0);
      } catch (IllegalArgumentException | ArithmeticException tooLarge) {
        // documented: a range or a volume beyond Double.MAX_VALUE is reported, never returned as inf or NaN
        assertThat(tooLarge.getMessage()).containsAnyOf("rescale", "exceeds Double.MAX_VALUE");
      }
    }
  }

  private static double[] reference(double[][] p) {
    double[] ref = new double[p.length == 0 ? 2 : p[0].length];
    Arrays.fill(ref, 4.0);
    return ref;
  }

  private static boolean[] flags(int[] indices, int n) {
    boolean[] out = new boolean[n];
    for (int i : indices) {
      out[i] = true;
    }
    return out;
  }

  static int[] permutation(int n, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    return perm;
  }

  @Provide
  Arbitrary<double[][]> points() {
    return PointSets.any(150, 1, 5);
  }

  @Provide
  Arbitrary<double[][]> planar() {
    return PointSets.any(150, 2, 2);
  }

  @Provide
  Arbitrary<double[][]> nonEmpty() {
    return PointSets.any(40, 1, 5).filter(p -> p.length > 0);
  }

  @Provide
  Arbitrary<Double> nonFinite() {
    return Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
  }

  /** Every kind of point set, each objective scaled by a power of two between 2^-1074 and 2^1023. */
  @Provide
  Arbitrary<double[][]> extreme() {
    return Combinators.combine(PointSets.any(60, 1, 4), Arbitraries.longs()).as((p, seed) -> {
      SplittableRandom rnd = new SplittableRandom(seed);
      int d = p.length == 0 ? 0 : p[0].length;
      double[][] q = new double[p.length][d];
      for (int j = 0; j < d; j++) {
        int exponent = rnd.nextInt(-1074, 1022);
        double shift = rnd.nextBoolean() ? 0 : -Math.scalb(1.5, exponent);
        for (int i = 0; i < p.length; i++) {
          q[i][j] = p[i][j] * Math.scalb(1.0, exponent) + shift;
        }
      }
      return q;
    });
  }

  /** Small enough for the d >= 4 hypervolume, inside [0, 3]^d so that 4 bounds them. */
  @Provide
  Arbitrary<double[][]> bounded() {
    return PointSets.any(60, 1, 4);
  }
}
