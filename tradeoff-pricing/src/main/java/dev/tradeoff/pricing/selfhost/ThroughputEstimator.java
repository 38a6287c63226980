package dev.tradeoff.pricing.selfhost;

import dev.tradeoff.pricing.InvalidValueException;
import dev.tradeoff.pricing.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * A first-principles estimate of self-hosted LLM serving throughput — for when no measurement of your model,
 * precision and GPU exists.
 *
 * <pre>{@code
 * ThroughputEstimate e = ThroughputEstimator.estimate(ThroughputQuery.builder()
 *     .model(ModelArchitectures.LLAMA_3_70B).weights(Precision.FP8).kvCache(Precision.FP8)
 *     .gpu(GpuSpecs.H100_SXM).gpuCount(2).concurrency(25).inputTokens(5000).outputTokens(500).build());
 * // ~580 output tokens/s; NVIDIA NIM measured 623 on 2x H100 for this workload
 * Optional<ThroughputEstimate> fast = ThroughputEstimator.atTargetLatency(query, 0.040);   // ITL <= 40 ms
 * }</pre>
 *
 * <h2>Model</h2>
 * With {@code P} parameters at {@code b} bytes, {@code n} GPUs of memory {@code M}, bandwidth {@code BW} and dense
 * tensor rate {@code F}, efficiencies {@code e_bw}, {@code e_f}, {@code e_tp} (the last only for {@code n > 1}):
 * <ul>
 *   <li>weights {@code W = P·b}; KV bytes per token {@code k = 2 · layers · kvHeads · headDim · b_kv};
 *   <li>KV-limited concurrency {@code Cmax = floor((n·M·memoryUtilization − W) / (k · (in + out)))};
 *       the batch is {@code B = min(concurrency, Cmax)};
 *   <li>decode step (memory-bandwidth bound: read all weights and the batch's KV cache once; or compute bound)
 *       {@code t_d = max((W + B·k·(in + out/2)) / (n·BW·e_bw·e_tp), 2·P·B / (n·F·e_f·e_tp))};
 *   <li>prefill (compute bound) {@code R_p = n·F·e_f·e_tp / (2·P)} prompt tokens/s, so {@code TTFT = in / R_p};
 *   <li>GPU time per request {@code T = in / R_p + out · t_d / B} (prefill is exclusive, each decode step is shared
 *       by the batch); throughput {@code = out / T} output tokens/s, {@code 1/T} requests/s; each request takes
 *       {@code B·T}, so the inter-token latency is {@code (B·T − TTFT) / out}.
 * </ul>
 * Not modelled: attention FLOPs, queueing beyond {@code Cmax} (real TTFT explodes there), speculative decoding,
 * prefix caching, CPU overheads. The tests compare it with NVIDIA NIM's published Llama 3.3 70B FP8 curve on
 * 2× H100 (within 15% at concurrency 1–50 and 20% at 100) and state where it does not hold (2023 TGI on A10G).
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class ThroughputEstimator {

  private ThroughputEstimator() {}

  /**
   * Estimates one query.
   *
   * @param q the query
   * @return the estimate; {@link ThroughputEstimate#fits()} is false (and throughput 0) if the weights do not fit
   */
  public static ThroughputEstimate estimate(ThroughputQuery q) {
    ModelArchitecture m = q.model();
    int n = q.gpuCount();
    double tp = n > 1 ? q.tensorParallelEfficiency() : 1.0;
    double weights = m.parameters() * q.weights().bytes();
    double kv = m.kvCacheBytesPerToken(q.kvCache());
    double usable = n * q.gpu().memoryGb() * 1e9 * q.memoryUtilization() - weights;
    int in = q.inputTokens();
    int out = q.outputTokens();
    long cmax = usable <= 0 ? 0 : (long) Math.floor(usable / (kv * (in + out)));
    int maxConcurrency = (int) Math.min(Integer.MAX_VALUE, cmax);
    ImmutableThroughputEstimate.Builder b = ThroughputEstimate.builder().query(q).weightBytes(weights)
        .kvBytesPerToken(kv).maxConcurrency(maxConcurrency);
    double bandwidth = n * q.gpu().bandwidthGbPerSecond() * 1e9 * q.bandwidthEfficiency() * tp;
    double flops = n * q.gpu().flopsPerSecond(q.weights()) * q.computeEfficiency() * tp;
    double prefill = flops / (2 * m.parameters());
    if (maxConcurrency < 1) {
      return b.fits(false).effectiveConcurrency(0).decodeStepSeconds(Double.POSITIVE_INFINITY)
          .decodeBound(Bound.MEMORY_BANDWIDTH).prefillTokensPerSecond(prefill)
          .timeToFirstTokenSeconds(Double.POSITIVE_INFINITY).interTokenSeconds(Double.POSITIVE_INFINITY)
          .requestsPerSecond(0).outputTokensPerSecond(0).build();
    }
    int batch = Math.min(q.concurrency(), maxConcurrency);
    double memoryTime = (weights + batch * kv * (in + out / 2.0)) / bandwidth;
    double computeTime = 2 * m.parameters() * batch / flops;
    double step = Math.max(memoryTime, computeTime);
    double ttft = in / prefill;
    double perRequest = ttft + out * step / batch;
    double itl = (batch * perRequest - ttft) / out;
    return b.fits(true).effectiveConcurrency(batch).decodeStepSeconds(step)
        .decodeBound(memoryTime >= computeTime ? Bound.MEMORY_BANDWIDTH : Bound.COMPUTE)
        .prefillTokensPerSecond(prefill).timeToFirstTokenSeconds(ttft).interTokenSeconds(itl)
        .requestsPerSecond(1 / perRequest).outputTokensPerSecond(out / perRequest)
        .build();
  }

  /**
   * The highest-throughput estimate whose inter-token latency meets a target: the largest concurrency (up to the
   * query's own) with {@code interTokenSeconds <= maxInterTokenSeconds}.
   *
   * @param q the query; its concurrency is the upper bound searched
   * @param maxInterTokenSeconds the latency target, seconds per output token, {@code > 0}
   * @return the estimate, or empty if even one request at a time misses the target or the model does not fit
   * @throws InvalidValueException if the target is not positive
   */
  public static Optional<ThroughputEstimate> atTargetLatency(ThroughputQuery q, double maxInterTokenSeconds) {
    if (!(maxInterTokenSeconds > 0)) {
      throw InvalidValueException.of("maxInterTokenSeconds", "> 0", maxInterTokenSeconds);
    }
    // The inter-token latency grows with concurrency: binary search the largest concurrency that meets it.
    int lo = 1;
    int hi = q.concurrency();
    ThroughputEstimate best = null;
    while (lo <= hi) {
      int mid = lo + (hi - lo) / 2;
      ThroughputEstimate e = estimate(ImmutableThroughputQuery.copyOf(q).withConcurrency(mid));
      if (e.fits() && e.interTokenSeconds() <= maxInterTokenSeconds) {
        best = e;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * USD per million tokens served at a rate by a resource costing {@code hourly}:
   * {@code hourly / (tokensPerSecond · 3600 · utilization) · 10^6}.
   *
   * @param hourly USD per hour, {@code >= 0}
   * @param tokensPerSecond tokens per second while serving, {@code > 0}
   * @param utilization share of paid time spent serving, in (0, 1]
   * @return USD per 1M tokens, rounded to {@link Money#REPORT_SCALE} places
   * @throws InvalidValueException on a bad argument
   */
  public static BigDecimal costPerMillionTokens(BigDecimal hourly, double tokensPerSecond, double utilization) {
    if (hourly.signum() < 0) {
      throw InvalidValueException.of("hourly", ">= 0", hourly.toPlainString());
    }
    if (!(tokensPerSecond > 0) || Double.isInfinite(tokensPerSecond)) {
      throw InvalidValueException.of("tokensPerSecond", "> 0 and finite", tokensPerSecond);
    }
    if (!(utilization > 0 && utilization <= 1)) {
      throw InvalidValueException.of("utilization", "in (0, 1]", utilization);
    }
    BigDecimal perHour = BigDecimal.valueOf(tokensPerSecond * 3600 * utilization);
    return hourly.multiply(BigDecimal.valueOf(1_000_000)).divide(perHour, Money.WORKING)
        .setScale(Money.REPORT_SCALE, RoundingMode.HALF_EVEN);
  }
}
