package dev.tradeoff.benchmarks;

import dev.tradeoff.pareto.Criterion;
import dev.tradeoff.pareto.Normalization;
import dev.tradeoff.pareto.RouterScorer;
import dev.tradeoff.pareto.ScoringModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The router hot path of {@code tradeoff-pareto}: choose the best of K live candidates on M criteria with a
 * pre-built {@link RouterScorer} (fixed-bounds normalization, weighted sum), K x M = 8x4, 64x4, 64x8. Goal
 * (issue 3): 8x4 at most 30 ns/op and 0 B/op; 64x4 at most 150 ns/op.
 *
 * <p>In the same run: {@link #baseline()} (the harness cost of returning a field) and {@link #streams()}, the
 * same scores computed the straightforward way (boxed {@code IntStream}s and a {@code Comparator}, ties to
 * the smaller index), which is what such code looks like before anyone measures it. {@link #router()} returns
 * the best index only; {@link #routerWithScores()} also writes every score into a caller's buffer;
 * {@link #routerColumns()} takes the same values as one array per criterion (the layout the JIT vectorizes;
 * at M = 4 from {@link RouterScorer#VECTOR_MIN_CANDIDATES} candidates on) and writes every score. Live values
 * are drawn once per trial (seeded), half of each criterion's values outside its reference range so clamping
 * is exercised.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ScoringBenchmark -f 1 -wi 3 -i 3 -w 1s -r 1s
 * -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ScoringBenchmark {

  /** Candidates x criteria. */
  @Param({"8x4", "64x4", "64x8"})
  public String shape;

  private RouterScorer scorer;
  private double[] live;
  private double[][] columns;
  private double[] scores;
  private int candidates;
  private int criteria;
  // The streams peer's copy of the model: direction-aware bounds and weight shares.
  private double[] worst;
  private double[] best;
  private double[] share;

  @Setup(Level.Trial)
  public void setUp() {
    String[] km = shape.split("x");
    candidates = Integer.parseInt(km[0]);
    criteria = Integer.parseInt(km[1]);
    SplittableRandom rnd = new SplittableRandom(20261128L);
    List<Criterion> cs = new ArrayList<>();
    worst = new double[criteria];
    best = new double[criteria];
    share = new double[criteria];
    double total = 0;
    for (int j = 0; j < criteria; j++) {
      double low = 10 * j;
      double high = low + 100 + 50 * j;
      double weight = 1 + j;
      total += weight;
      boolean maximize = j % 2 == 1;
      Criterion c = (maximize ? Criterion.maximize("c" + j) : Criterion.minimize("c" + j))
          .weighted(weight).withReference(low, high);
      cs.add(c);
      worst[j] = maximize ? low : high;
      best[j] = maximize ? high : low;
      share[j] = weight;
    }
    for (int j = 0; j < criteria; j++) {
      share[j] /= total;
    }
    ScoringModel model = ScoringModel.builder().addAllCriteria(cs).normalization(Normalization.FIXED_BOUNDS)
        .build();
    scorer = model.routerScorer();
    live = new double[candidates * criteria];
    for (int i = 0; i < candidates; i++) {
      for (int j = 0; j < criteria; j++) {
        double low = Math.min(worst[j], best[j]);
        double high = Math.max(worst[j], best[j]);
        double span = high - low;
        live[i * criteria + j] = low - span / 2 + rnd.nextDouble() * 2 * span;
      }
    }
    columns = new double[criteria][candidates];
    for (int i = 0; i < candidates; i++) {
      for (int j = 0; j < criteria; j++) {
        columns[j][i] = live[i * criteria + j];
      }
    }
    scores = new double[candidates];
    if (router() != streams() || routerColumns() != router()) {
      throw new IllegalStateException("router, columns and streams disagree: " + router() + ", "
          + routerColumns() + ", " + streams());
    }
  }

  /** The harness cost: returns a field. */
  @Benchmark
  public int baseline() {
    return candidates;
  }

  /** The best index, nothing else. */
  @Benchmark
  public int router() {
    return scorer.best(live, candidates);
  }

  /** The best index, every score written into a caller's buffer. */
  @Benchmark
  public int routerWithScores() {
    return scorer.best(live, candidates, scores);
  }

  /** The best index from the column layout (one array per criterion), every score written into a buffer. */
  @Benchmark
  public int routerColumns() {
    return scorer.best(columns, candidates, scores);
  }

  /** The same decision the straightforward way: boxed streams, a lambda per score, a comparator. */
  @Benchmark
  public int streams() {
    double[] values = live;
    int m = criteria;
    return IntStream.range(0, candidates).boxed()
        .max(Comparator.<Integer>comparingDouble(i -> IntStream.range(0, m)
                .mapToDouble(j -> share[j] * Math.min(1, Math.max(0,
                    (values[i * m + j] - worst[j]) / (best[j] - worst[j]))))
                .sum())
            .thenComparing(Comparator.reverseOrder()))
        .orElseThrow();
  }
}
