package dev.tradeoff.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradeoff.pricing.ModelPrice;
import dev.tradeoff.pricing.PriceCatalog;
import dev.tradeoff.pricing.PriceHandle;
import dev.tradeoff.pricing.RequestOptions;
import dev.tradeoff.pricing.Usage;
import dev.tradeoff.pricing.catalog.LiteLlmImporter;
import dev.tradeoff.pricing.catalog.LoadMode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Pricing hot paths of {@code tradeoff-pricing} (issue 4 goals): the cost of one request with a pre-resolved
 * {@link PriceHandle} (goal: at most 20 ns and 0 B/op), and importing LiteLLM's whole price map (≈3,000 keys,
 * 1.7 MB; goal: at most 300 ms in a warm JVM).
 *
 * <ul>
 *   <li>{@link #handleCost} — {@code PriceHandle.costUsd} on varying token counts (1,024 pre-generated requests,
 *       round-robin, read from non-final state so nothing constant-folds); {@link #baseline} reads the same inputs
 *       and returns a trivial sum, the floor of the harness; {@link #exactCost} is the exact {@code BigDecimal}
 *       path ({@code ModelPrice.cost(Usage)}) and {@link #lookupAndExactCost} what a straightforward caller pays
 *       per request (resolve the model id, build a {@code Usage}, price it exactly). {@code model} switches
 *       between a model without long-context tiers and one with a 200k tier.
 *   <li>{@link #importLiteLlm} — {@code LiteLlmImporter.read} of the whole map from memory (strict mode: parse
 *       with locations, map every field, build the catalog and its id index); {@link #jacksonReadTree} is a plain
 *       Jackson {@code readTree} of the same bytes, the floor any importer pays.
 * </ul>
 * The map is read from {@code tradeoff-pricing/src/test/resources/fixtures/litellm/model_prices_and_context_window.json}
 * (run from the repository root) or the path in system property {@code tradeoff.litellm}.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar PricingBenchmark -f 1 -wi 3 -i 3 -w 1s -r 1s -prof gc}
 */
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PricingBenchmark {

  static final String LITELLM_DEFAULT =
      "tradeoff-pricing/src/test/resources/fixtures/litellm/model_prices_and_context_window.json";

  /** Pre-generated requests and the resolved prices. */
  @State(Scope.Thread)
  public static class Requests {
    @Param({"openai/gpt-4o-mini", "anthropic/claude-sonnet-4-5"})
    public String model;

    static final int N = 1024;
    long[] input;
    long[] cached;
    long[] output;
    Usage[] usages;
    int i;
    PriceHandle handle;
    ModelPrice price;
    PriceCatalog catalog;
    String modelId;

    @Setup
    public void setup() {
      catalog = PriceCatalog.bundled();
      price = catalog.resolve(model);
      handle = price.handle(RequestOptions.standard());
      modelId = model;
      SplittableRandom r = new SplittableRandom(42);
      input = new long[N];
      cached = new long[N];
      output = new long[N];
      usages = new Usage[N];
      for (int k = 0; k < N; k++) {
        // Mostly chat-sized prompts; every 16th request above the 200k long-context threshold.
        input[k] = k % 16 == 0 ? 210_000 + r.nextInt(20_000) : 200 + r.nextInt(8_000);
        cached[k] = r.nextInt(2) == 0 ? 0 : r.nextInt(1_024);
        output[k] = 10 + r.nextInt(1_500);
        usages[k] = Usage.builder().input(input[k]).cacheRead(cached[k]).output(output[k]).build();
      }
    }

    int next() {
      int k = i;
      i = (k + 1) & (N - 1);
      return k;
    }
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public double baseline(Requests s) {
    int k = s.next();
    return s.input[k] + s.cached[k] + s.output[k];
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public double handleCost(Requests s) {
    int k = s.next();
    return s.handle.costUsd(s.input[k], s.cached[k], 0, 0, s.output[k], 0);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public BigDecimal exactCost(Requests s) {
    return s.price.cost(s.usages[s.next()]).total();
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public BigDecimal lookupAndExactCost(Requests s) {
    int k = s.next();
    return s.catalog.cost(s.modelId, Usage.builder().input(s.input[k]).cacheRead(s.cached[k]).output(s.output[k])
        .build()).total();
  }

  /** The LiteLLM map in memory. */
  @State(Scope.Benchmark)
  public static class PriceMap {
    byte[] bytes;
    ObjectMapper mapper;

    @Setup
    public void setup() {
      Path path = Path.of(System.getProperty("tradeoff.litellm", LITELLM_DEFAULT));
      try {
        bytes = Files.readAllBytes(path);
      } catch (IOException e) {
        throw new UncheckedIOException("run from the repository root or set -Dtradeoff.litellm=<path>: " + path, e);
      }
      mapper = new ObjectMapper();
    }
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public PriceCatalog importLiteLlm(PriceMap m) {
    return LiteLlmImporter.read(new ByteArrayInputStream(m.bytes), "litellm.json", "2026-07-24", LoadMode.STRICT)
        .catalog();
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Object jacksonReadTree(PriceMap m) throws IOException {
    return m.mapper.readTree(m.bytes);
  }
}
