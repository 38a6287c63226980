package dev.tradeoff.metrics.load;

import dev.tradeoff.metrics.internal.StepRunner;
import java.util.Objects;

/**
 * Runs a {@link LoadRunConfig}: for each candidate, for each profile, one step.
 *
 * <p>How a step runs:
 *
 * <ul>
 *   <li><b>Open loop</b> (constant, Poisson, bursty): the whole {@link Schedule} is computed before the step
 *       starts; one thread hands each request to the client 5 ms before its intended time ({@link
 *       dev.tradeoff.metrics.client.LlmClient#submitAt}), and the client's thread for that request does the
 *       client's own work for it at once (connection, request) and writes it at the intended time (parking,
 *       then spinning for the last tens of microseconds), so neither waking that thread nor that work is part of
 *       a latency. The sender never waits for responses, so a slow server cannot slow the arrivals. Each request
 *       carries its intended send time: results report latency from the actual <em>and</em> the intended send
 *       ({@code ttft_from_intended_ms}), the scheduler lag (actual − intended) and the client queue time.
 *   <li><b>Closed loop</b>: N requests start together; each completion sends the next one.
 *   <li>The first {@link LoadRunConfig#warmupRequests()} requests of a step are recorded (flagged {@code
 *       warmup}) but left out of its summary. A step sends at most warm-up + {@link
 *       LoadRunConfig#maxRequests()} requests and none after {@link LoadRunConfig#maxDuration()}; it ends when
 *       every sent request has finished.
 *   <li>A {@link ProgressListener} hears about every step's start and end and gets a {@link Progress} every
 *       {@link LoadRunConfig#progressInterval()}.
 * </ul>
 *
 * <p>The clients' dispatchers must allow the concurrency a profile produces ({@code
 * ClientConfig.maxConcurrentRequests}, 4096 by default); if they do not, the excess shows up as client queue
 * time, never silently. The runner does not close the candidates' clients.
 *
 * <p><b>Capacity and precision.</b> The OkHttp client reads each stream on its own thread, and every streamed
 * event wakes that thread. Measured with the {@code benchmarks} module's {@code LoadRunnerCapacity} on two
 * virtual cores shared with the simulated server, 1,000 streams at 20 tokens/s each: the client used 0.56–0.60
 * cores and the p99 TTFT error was 1.9–2.5 ms on a quiet host, 0.69–0.84 cores and 3–11 ms on a busy one, where
 * that CPU also made the server itself late. For millisecond precision at such concurrency, keep the load
 * generator off the cores of the server under test, and check the server's own pacing where it is known
 * ({@code SimulatedProvider.pacingSummary()} in {@code tradeoff-examples}).
 *
 * <pre>{@code
 * LoadRunResult result = LoadRunner.run(LoadRunConfig.builder()
 *     .prompts(PromptSet.customerSupport())
 *     .addCandidate(new Candidate("local-vllm", client))
 *     .addProfile(LoadProfile.poisson(4.0, 42))
 *     .maxRequests(200)
 *     .warmupRequests(5)
 *     .build());
 * result.writeTo(Path.of("tradeoff-out"));
 * }</pre>
 */
public final class LoadRunner {

  private LoadRunner() {}

  /**
   * Runs every step, one after another, blocking until the last request finished.
   *
   * @param config the benchmark
   * @return the result of every step
   * @throws InterruptedException if the calling thread is interrupted (no further requests are sent; requests
   *     in flight finish on their own)
   */
  public static LoadRunResult run(LoadRunConfig config) throws InterruptedException {
    Objects.requireNonNull(config, "config");
    return StepRunner.runAll(config);
  }
}
