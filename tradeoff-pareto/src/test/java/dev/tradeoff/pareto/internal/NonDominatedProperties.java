package dev.tradeoff.pareto.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeoff.pareto.testing.PointSets;
import dev.tradeoff.pareto.testing.Reference;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Every front algorithm, with and without the pre-filter, against the O(N^2 d) reference. */
final class NonDominatedProperties {

  @Property(tries = 300)
  void sweep2_anyData_matchesReference(@ForAll("planar") double[][] p, @ForAll boolean prefilter) {
    assertThat(front(p, 2, NonDominated.Algorithm.SWEEP, prefilter)).containsExactly(Reference.front(p));
  }

  @Property(tries = 300)
  void sweep3_anyData_matchesReference(@ForAll("spatial") double[][] p, @ForAll boolean prefilter) {
    assertThat(front(p, 3, NonDominated.Algorithm.SWEEP, prefilter)).containsExactly(Reference.front(p));
  }

  @Property(tries = 300)
  void sfs_anyData_matchesReference(@ForAll("anyDimension") double[][] p, @ForAll boolean prefilter) {
    assertThat(front(p, dims(p), NonDominated.Algorithm.SFS, prefilter)).containsExactly(Reference.front(p));
  }

  @Property(tries = 300)
  void divideConquer_anyData_matchesReference(@ForAll("anyDimension") double[][] p) {
    assertThat(front(p, dims(p), NonDominated.Algorithm.DIVIDE_CONQUER, false))
        .containsExactly(Reference.front(p));
  }

  @Property(tries = 300)
  void divideConquer_tinyBruteForceThresholds_matchesReference(@ForAll("anyDimension") double[][] p) {
    int n = p.length;
    int d = dims(p);
    boolean[] flags = new boolean[n];
    DivideConquer.front(PointSets.flat(p), d, NonDominated.identity(n), n, flags, 1, 0, 0);
    assertThat(NonDominated.indices(flags)).containsExactly(Reference.front(p));
  }

  @Property(tries = 300)
  void sfs_budgetExhaustedAnywhere_fallbackMatchesReference(@ForAll("anyDimension") double[][] p,
      @ForAll @LongRange(min = 0, max = 400) long budget) {
    int n = p.length;
    boolean[] flags = new boolean[n];
    NonDominated.sfs(PointSets.flat(p), dims(p), NonDominated.identity(n), n, flags, budget, Integer.MAX_VALUE);
    assertThat(NonDominated.indices(flags)).containsExactly(Reference.front(p));
  }

  @Property(tries = 300)
  void sfs_windowCapReachedAnywhere_fallbackMatchesReference(@ForAll("anyDimension") double[][] p,
      @ForAll @IntRange(min = 0, max = 60) int cap) {
    int n = p.length;
    boolean[] flags = new boolean[n];
    NonDominated.sfs(PointSets.flat(p), dims(p), NonDominated.identity(n), n, flags, Long.MAX_VALUE, cap);
    assertThat(NonDominated.indices(flags)).containsExactly(Reference.front(p));
  }

  @Property(tries = 200)
  void auto_anyDimension_matchesReference(@ForAll("anyDimension") double[][] p) {
    assertThat(NonDominated.front(PointSets.flat(p), p.length, dims(p))).containsExactly(Reference.front(p));
  }

  @Property(tries = 300)
  void rowsInPlace_anyDimension_matchesReference(@ForAll("anyDimension") double[][] p) {
    assertThat(NonDominated.front(p, dims(p))).containsExactly(Reference.front(p));
  }

  @Property(tries = 100)
  void auto_oneDimension_returnsAllMinima(@ForAll @IntRange(min = 1, max = 50) int n,
      @ForAll long seed) {
    double[][] p = PointSets.generate(PointSets.Kind.TIE_GRID, n, 1, seed);
    assertThat(NonDominated.front(PointSets.flat(p), n, 1)).containsExactly(Reference.front(p));
  }

  private static int[] front(double[][] p, int d, NonDominated.Algorithm algorithm, boolean prefilter) {
    return NonDominated.indices(NonDominated.flags(PointSets.flat(p), p.length, d, algorithm, prefilter));
  }

  private static int dims(double[][] p) {
    return p.length == 0 ? 2 : p[0].length;
  }

  @Provide
  Arbitrary<double[][]> planar() {
    return PointSets.any(300, 2, 2);
  }

  @Provide
  Arbitrary<double[][]> spatial() {
    return PointSets.any(300, 3, 3);
  }

  @Provide
  Arbitrary<double[][]> anyDimension() {
    return PointSets.any(250, 2, 6);
  }
}
