package dev.tradeoff.pareto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * "Zero allocation per call" as a unit test, counted by the JVM's per-thread allocation counter: a single object
 * per call would show as megabytes over the measured calls. The JMH run ({@code -prof gc}) gives the number; this
 * test only keeps the property from regressing between benchmark runs.
 */
final class RouterScorerAllocationTest {

  private static final int CALLS = 20_000;

  /** Where the calibration's arrays escape to, so escape analysis cannot remove them. */
  private static volatile Object escape;

  /** Generous next to one 16-byte object per call (320 KB): covers the counter's own bookkeeping. */
  private static final long SLACK_BYTES = 4096;

  private static ScoringModel model(int m, boolean slo, Aggregation aggregation) {
    ImmutableScoringModel.Builder b = ScoringModel.builder().normalization(Normalization.FIXED_BOUNDS)
        .aggregation(aggregation);
    for (int j = 0; j < m; j++) {
      Criterion c = (j % 2 == 0 ? Criterion.minimize("c" + j) : Criterion.maximize("c" + j))
          .weighted(1 + j).withReference(0, 100);
      if (slo && j == 0) {
        c = c.withUtility(UtilityCurve.slo(60));
      }
      b.addCriteria(c);
    }
    return b.build();
  }

  @Test
  void best_everyPathAfterWarmUp_allocatesNothingPerCall() {
    com.sun.management.ThreadMXBean threads = threads();
    // Every loop of RouterScorer, rows and columns: generic width, the unrolled M = 4, SLO curves, TOPSIS;
    // K = 8 (at M = 4 the scalar column loop) and K = 64 (the vectorizable column passes).
    Object[][] shapes = {
        {3, false, Aggregation.WEIGHTED_SUM}, {4, false, Aggregation.WEIGHTED_SUM},
        {4, true, Aggregation.WEIGHTED_SUM}, {4, false, Aggregation.TOPSIS}, {5, true, Aggregation.TOPSIS}};
    for (Object[] shape : shapes) {
      int m = (Integer) shape[0];
      RouterScorer scorer = model(m, (Boolean) shape[1], (Aggregation) shape[2]).routerScorer();
      for (int k : new int[] {8, 64}) {
        double[] live = new double[k * m];
        for (int i = 0; i < live.length; i++) {
          live[i] = (i * 37 % 101) + 0.5;
        }
        double[] scores = new double[k];
        double[][] columns = new double[m][k];
        for (int i = 0; i < k; i++) {
          for (int j = 0; j < m; j++) {
            columns[j][i] = live[i * m + j];
          }
        }
        long sink = run(scorer, live, columns, k, scores); // warm-up: interpreter, C1, C2
        long before = threads.getCurrentThreadAllocatedBytes();
        sink += run(scorer, live, columns, k, scores);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).as("M=%d slo=%s %s K=%d (sink %d)", m, shape[1], shape[2], k, sink)
            .isLessThan(SLACK_BYTES);
      }
    }
  }

  @Test
  void allocationCounter_seesOneObjectPerCall() {
    // The counter works here (so the test above can fail): one small array per call shows up in full.
    com.sun.management.ThreadMXBean threads = threads();
    long before = threads.getCurrentThreadAllocatedBytes();
    long sink = 0;
    for (int i = 0; i < CALLS; i++) {
      double[] one = {i};
      escape = one;
      sink += one.length;
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertThat(allocated).as("sink %d", sink).isGreaterThan(SLACK_BYTES);
  }

  private static long run(RouterScorer scorer, double[] live, double[][] columns, int k, double[] scores) {
    long sink = 0;
    for (int i = 0; i < CALLS; i++) {
      sink += scorer.best(live, k, scores);
      sink += scorer.best(live, k);
      sink += scorer.best(columns, k, scores);
    }
    return sink;
  }

  private static com.sun.management.ThreadMXBean threads() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "HotSpot allocation counter");
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
    assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
        "per-thread allocation accounting");
    return threads;
  }
}
