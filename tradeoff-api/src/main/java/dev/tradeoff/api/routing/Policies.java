package dev.tradeoff.api.routing;

import dev.tradeoff.pareto.Criterion;
import dev.tradeoff.pareto.Normalization;
import dev.tradeoff.pareto.RouterScorer;
import dev.tradeoff.pareto.ScoringModel;
import dev.tradeoff.pareto.UtilityCurve;

/** The ready-made policies of {@link RoutingPolicy}; each allocation-free and stateless. */
final class Policies {

  private Policies() { }

  static final class CheapestMeetingSlo implements RoutingPolicy {
    private final double maxTtftNanos;
    private final double maxErrorRate;

    CheapestMeetingSlo(double maxTtftNanos, double maxErrorRate) {
      this.maxTtftNanos = maxTtftNanos;
      this.maxErrorRate = maxErrorRate;
    }

    @Override
    public int choose(SelectionContext ctx) {
      int best = -1;
      double bestCost = Double.POSITIVE_INFINITY;
      double bestTtft = Double.POSITIVE_INFINITY;
      int fallback = -1;
      double fallbackTtft = Double.POSITIVE_INFINITY;
      for (long m = ctx.eligibleMask(); m != 0; m &= m - 1) {
        int i = Long.numberOfTrailingZeros(m);
        double ttft = ctx.ttftNanos(i);
        if (ttft <= maxTtftNanos && (maxErrorRate >= 1 || !ctx.errorRateExceeds(i, maxErrorRate))) {
          double cost = ctx.estimatedCostUsd(i);
          ctx.score(i, cost);
          if (cost < bestCost || (cost == bestCost && ttft < bestTtft) || best < 0) {
            best = i;
            bestCost = cost;
            bestTtft = ttft;
          }
        } else {
          ctx.score(i, Double.POSITIVE_INFINITY);
          if (ttft < fallbackTtft || fallback < 0) {
            fallback = i;
            fallbackTtft = ttft;
          }
        }
      }
      return best >= 0 ? best : fallback;
    }

    @Override
    public String name() {
      return "cheapest-meeting-slo(ttft<=" + Math.round(maxTtftNanos / 1e6) + "ms"
          + (maxErrorRate < 1 ? ", err<=" + maxErrorRate : "") + ")";
    }
  }

  static final class Fastest implements RoutingPolicy {
    static final Fastest INSTANCE = new Fastest();

    @Override
    public int choose(SelectionContext ctx) {
      int best = -1;
      double bestLatency = Double.POSITIVE_INFINITY;
      double bestCost = Double.POSITIVE_INFINITY;
      for (long m = ctx.eligibleMask(); m != 0; m &= m - 1) {
        int i = Long.numberOfTrailingZeros(m);
        double latency = ctx.expectedLatencyNanos(i);
        ctx.score(i, latency);
        if (best < 0 || latency < bestLatency) {
          best = i;
          bestLatency = latency;
          bestCost = Double.NaN; // computed lazily on a tie
        } else if (latency == bestLatency) {
          if (Double.isNaN(bestCost)) {
            bestCost = ctx.estimatedCostUsd(best);
          }
          double cost = ctx.estimatedCostUsd(i);
          if (cost < bestCost) {
            best = i;
            bestCost = cost;
          }
        }
      }
      return best;
    }

    @Override
    public String name() {
      return "fastest";
    }
  }

  /**
   * Scores through {@code tradeoff-pareto}'s allocation-free {@link RouterScorer}: a fixed-bounds weighted-sum
   * model of four criteria, compiled once.
   */
  static final class WeightedUtility implements RoutingPolicy {
    static final int CRITERIA = 4;
    private final RouterScorer scorer;
    private final UtilityWeights weights;
    /** Keeps the cost column finite (the scorer rejects infinities); costs past the bound score 0 anyway. */
    private final double costCap;

    WeightedUtility(UtilityWeights w) {
      this.weights = w;
      double maxTtftMs = w.maxTtft().toNanos() / 1e6;
      Criterion ttft = Criterion.minimize("ttftMs").weighted(w.ttft()).withReference(0, maxTtftMs);
      if (w.ttftSlo().isPresent()) {
        ttft = ttft.withUtility(UtilityCurve.slo(w.ttftSlo().get().toNanos() / 1e6));
      }
      this.scorer = ScoringModel.builder()
          .addCriteria(Criterion.minimize("costUsd").weighted(w.cost()).withReference(0, w.maxCostUsd()))
          .addCriteria(ttft)
          .addCriteria(Criterion.maximize("outputTokensPerSecond").weighted(w.throughput())
              .withReference(0, w.maxTokensPerSecond()))
          .addCriteria(Criterion.minimize("errorRate").weighted(w.errorRate()).withReference(0, 1))
          .normalization(Normalization.FIXED_BOUNDS)
          .build()
          .routerScorer();
      this.costCap = w.maxCostUsd() * 2;
    }

    @Override
    public int choose(SelectionContext ctx) {
      double[] values = ctx.matrix;
      int[] rows = ctx.rows;
      int k = 0;
      for (long m = ctx.eligibleMask(); m != 0; m &= m - 1) {
        int i = Long.numberOfTrailingZeros(m);
        int base = k * CRITERIA;
        values[base] = Math.min(ctx.estimatedCostUsd(i), costCap);
        values[base + 1] = ctx.ttftNanos(i) * 1e-6;
        values[base + 2] = ctx.outputTokensPerSecond(i);
        values[base + 3] = ctx.errorRate(i);
        rows[k++] = i;
      }
      if (!ctx.explaining()) {
        return rows[scorer.best(values, k)];
      }
      int best = scorer.best(values, k, ctx.rowScores);
      for (int r = 0; r < k; r++) {
        ctx.score(rows[r], ctx.rowScores[r]);
      }
      return rows[best];
    }

    @Override
    public String name() {
      return "weighted-utility(cost=" + weights.cost() + ", ttft=" + weights.ttft() + ", tps="
          + weights.throughput() + ", err=" + weights.errorRate() + ")";
    }
  }

  static final class WeightedRandom implements RoutingPolicy {
    static final WeightedRandom INSTANCE = new WeightedRandom();

    @Override
    public int choose(SelectionContext ctx) {
      long eligible = ctx.eligibleMask();
      double total = 0;
      for (long m = eligible; m != 0; m &= m - 1) {
        int i = Long.numberOfTrailingZeros(m);
        double w = ctx.weight(i);
        ctx.score(i, w);
        total += w;
      }
      if (total <= 0) {
        return SelectionContext.nthSetBit(eligible, ctx.nextInt(Long.bitCount(eligible)));
      }
      // Finite weights whose sum overflows: only their ratios matter, so draw among them scaled by 2^-64
      // (exact unless a weight is that much smaller than the others, which it then remains).
      double scale = 1;
      if (total == Double.POSITIVE_INFINITY) {
        scale = 0x1p-64;
        total = 0;
        for (long m = eligible; m != 0; m &= m - 1) {
          total += ctx.weight(Long.numberOfTrailingZeros(m)) * scale;
        }
      }
      double r = ctx.nextDouble() * total;
      int last = -1;
      for (long m = eligible; m != 0; m &= m - 1) {
        int i = Long.numberOfTrailingZeros(m);
        double w = ctx.weight(i) * scale;
        if (w > 0) {
          last = i;
          r -= w;
          if (r < 0) {
            return i;
          }
        }
      }
      return last; // rounding left a sliver: the last positive weight takes it
    }

    @Override
    public String name() {
      return "weighted-random";
    }
  }

  static final class RoundRobin implements RoutingPolicy {
    static final RoundRobin INSTANCE = new RoundRobin();

    @Override
    public int choose(SelectionContext ctx) {
      long eligible = ctx.eligibleMask();
      return SelectionContext.nthSetBit(eligible, (int) Long.remainderUnsigned(ctx.sequence(), Long.bitCount(eligible)));
    }

    @Override
    public String name() {
      return "round-robin";
    }
  }

  static final class PowerOfTwo implements RoutingPolicy {
    static final PowerOfTwo INSTANCE = new PowerOfTwo();

    @Override
    public int choose(SelectionContext ctx) {
      long eligible = ctx.eligibleMask();
      int n = Long.bitCount(eligible);
      if (n == 1) {
        return Long.numberOfTrailingZeros(eligible);
      }
      int x = ctx.nextInt(n);
      int y = ctx.nextInt(n - 1);
      if (y >= x) {
        y++;
      }
      int a = SelectionContext.nthSetBit(eligible, x);
      int b = SelectionContext.nthSetBit(eligible, y);
      double sa = ctx.expectedLatencyNanos(a) * (1 + ctx.inFlight(a));
      double sb = ctx.expectedLatencyNanos(b) * (1 + ctx.inFlight(b));
      ctx.score(a, sa);
      ctx.score(b, sb);
      return sb < sa || (sb == sa && b < a) ? b : a;
    }

    @Override
    public String name() {
      return "power-of-two-choices";
    }
  }
}
