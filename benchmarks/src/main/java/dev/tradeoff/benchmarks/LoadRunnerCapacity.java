package dev.tradeoff.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.OperatingSystemMXBean;
import dev.tradeoff.examples.sim.Distribution;
import dev.tradeoff.examples.sim.FirstTokenTiming;
import dev.tradeoff.examples.sim.ModelProfile;
import dev.tradeoff.examples.sim.SimulatedProvider;
import dev.tradeoff.examples.sim.SimulatorConfig;
import dev.tradeoff.metrics.RequestResult;
import dev.tradeoff.metrics.WireApi;
import dev.tradeoff.metrics.client.ApiKey;
import dev.tradeoff.metrics.client.ChatRequest;
import dev.tradeoff.metrics.client.ClientConfig;
import dev.tradeoff.metrics.client.LlmClient;
import dev.tradeoff.metrics.client.TokenEstimation;
import dev.tradeoff.metrics.load.Candidate;
import dev.tradeoff.metrics.load.LoadProfile;
import dev.tradeoff.metrics.load.LoadRunConfig;
import dev.tradeoff.metrics.load.LoadRunResult;
import dev.tradeoff.metrics.load.LoadRunner;
import dev.tradeoff.metrics.load.PromptSet;
import dev.tradeoff.metrics.load.Schedule;
import dev.tradeoff.metrics.load.StepResult;
import dev.tradeoff.metrics.report.RequestRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;
import java.util.function.ToDoubleFunction;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The 1,000-concurrent-stream experiment for the load runner (issue 5: "the load runner holds 1,000 concurrent
 * streams on loopback on this 2-core machine, with TTFT error vs server-injected delay ≤ 2 ms at p99"). A
 * {@code main}, not a JMH benchmark: one long open-loop run is the measurement, and its percentiles are the
 * result.
 *
 * <p>What it does: starts the project's simulated OpenAI-compatible endpoint ({@link SimulatedProvider}, NIO,
 * on 127.0.0.1) with one constant profile — TTFT {@code --ttft-ms} (default 500 ms), then {@code --tokens}
 * content tokens (default 100) {@code 1000 / --tokens-per-s} ms apart (default 20 tokens/s, i.e. a 50 ms gap) —
 * and drives it through the real API: {@link LoadRunner#run} with one {@link Candidate} whose {@link LlmClient}
 * is created with {@link LlmClient#create(ClientConfig)} and the library defaults (token estimation included),
 * under an open-loop {@link LoadProfile#poisson Poisson} (or {@code --arrivals constant}) schedule. By Little's
 * law the arrival rate that keeps {@code --streams} streams in flight is {@code streams / stream duration}: with
 * the defaults a stream lasts 500 + 99 × 50 = 5,450 ms, so 1,000 streams need 183.5 requests/s and the server
 * sends 20,000 tokens/s in all.
 *
 * <p>The step runs {@code --seconds} (default 60 s) of arrivals. Requests intended in the first {@code
 * --warmup-s} seconds (default: two stream durations, while concurrency ramps up from 0, connections are opened
 * and the JIT compiles) are recorded by the runner but flagged warm-up and left out of every number below. The
 * client's connection pool is therefore warm in steady state, the way it is in any long load test against one
 * endpoint; a request that nevertheless needs a new connection opens it in the 5 ms between its hand-over and its
 * send time ({@link LlmClient#submitAt}), and pays inside its TTFT for whatever of that set-up runs past the send
 * time.
 *
 * <p>Before the run both JVMs collect their start-up garbage ({@code System.gc()}), so that the client's one
 * young collection of a 40 s run (115–186 ms with 1,000 streams in flight, measured on 2026-11-29) does not land
 * in the measured window; every collection in the run is printed with its time from the start of the run.
 *
 * <p>Reported, over the measured requests:
 *
 * <ul>
 *   <li><b>TTFT error</b> = the runner's {@code ttft_ms} (first content event − actual send, as measured by the
 *       client) − the server-injected TTFT, signed, at p50/p90/p99/p99.9/max. It includes everything between the
 *       client's send and its read of the first token: dispatcher hand-off, connection, request write, the
 *       server's read and parse, the server's pacing error (its event loop writes a step between 250 µs early and
 *       ~60 µs late), and the client thread's wake-up. The same from the intended send time (scheduler lag
 *       added) is printed too.
 *   <li>its parts: client queue (send → request headers on the wire), response headers (send → headers; the
 *       simulator writes them as soon as it parsed the request), first token − headers − injected TTFT.
 *   <li><b>TTFT error vs actual injection</b>: the same TTFT minus the delay the simulator actually put before
 *       that request's first token ({@link SimulatedProvider#traceFirstTokens}: written − received, paired by the
 *       response's request id, which the runner records as {@code provider_request_id} and the NIO peer reads
 *       from the head), and the simulator's lateness for those first tokens (written − due). This takes out what
 *       no client can measure away — the server writing late — and leaves the client's own error plus the
 *       server's read of the request and the loopback transfer.
 *   <li>that error's two legs (runner only), on the one clock both JVMs read ({@code System.nanoTime} is
 *       {@code CLOCK_MONOTONIC} on Linux): <b>up</b> = server received − client sent (the request's way in) and
 *       <b>down</b> = client read the first token − server wrote it (the token's way out: the loopback and the
 *       client's own wake-up, read and parse — the meter's own error). up + down = the error vs actual injection.
 *   <li>concurrency actually reached (from the records: streams open at each measured request's start, min,
 *       mean, max), failures by kind, the client JVM's CPU use in cores (the server's too with {@code --server
 *       in-process}), machine CPU busy and steal shares from {@code /proc/stat}, load average before and after,
 *       GC count and the longest pause, and the simulator's own pacing ({@link SimulatedProvider#pacingSummary()}:
 *       the share of its writes within 1, 2, 5… ms of due — no client can measure more precisely than the server
 *       injects).
 * </ul>
 *
 * <p>Run (after {@code mvn -o -B -DskipTests -pl benchmarks -am package}):
 *
 * <pre>{@code
 * java -Xms1g -Xmx1g -Xmn600m -XX:+AlwaysPreTouch -cp benchmarks/target/benchmarks.jar \
 *     dev.tradeoff.benchmarks.LoadRunnerCapacity --streams 1000 --seconds 40
 * }</pre>
 *
 * Heap sizing of the load generator's JVM is part of the result. Its allocation rate is low (~9 MB/s at 1,000
 * streams), but with G1's own sizing of a 1 GB heap the eden is only ~44 MB, so a young collection comes every ~5 s,
 * and each one copies the state of the ~1,000 streams in flight (a stream lasts longer than the interval, so all of
 * it survives) and scans 1,000 thread stacks: 25–50 ms, and the first tokens that arrive during it are late by up to
 * that much. {@code -Xmn600m} moves the collections out of a 40 s run (one, during warm-up, for the start-up
 * garbage); a longer run needs a proportionally larger young generation, or accepts a pause every ~60 s.
 *
 * Options: {@code --streams} target concurrency (1000), {@code --ttft-ms} (500), {@code --tokens} per stream
 * (100), {@code --tokens-per-s} per stream (20), {@code --seconds} of arrivals (60), {@code --warmup-s} (two
 * stream durations), {@code --arrivals poisson|constant} (poisson), {@code --seed} (42), {@code --io-threads}
 * of the simulator (its default), {@code --estimate always|fallback|never} the client's token estimation
 * (always, the library default), {@code --server fork|in-process} (fork: the simulator runs in a child JVM
 * with a 2,800 MB pre-touched young generation, collected just before the run, so that its ~30 MB/s of garbage
 * neither pauses the client's threads nor pauses the simulator during a 40 s run; in-process: one JVM, one GC for
 * both), {@code --client
 * runner|nio-peer|jdk-peer|jetty-peer|netty-peer} (nio-peer: the same schedule through {@link NioStreamPeer}, a
 * one-thread NIO client — the floor set by the server and the machine, not the subject; jdk-peer, jetty-peer,
 * netty-peer: the JDK's, Jetty's and Netty's non-blocking HTTP clients, {@link ClientPeers}, with {@code
 * --threads} threads or event loops, default 8), {@code --server-nice N} and {@code --server-cpus LIST} (run the
 * forked simulator under {@code nice -n N} or {@code taskset -c LIST}; measured, neither helps: see RESULTS.md),
 * {@code --out} a directory for the runner's JSON/JSONL results. {@code benchmarks/capacity.sh PAIRS} runs the
 * floor and the runner alternately, each in fresh JVMs, and prints their p99s side by side with the medians.
 * Exit status 1 if the p99 TTFT error is above 2 ms or any measured request failed.
 *
 * <h2>Results (2026-11-28, 2 cores, defaults, 40 s, 5,339 measured; see also benchmarks/RESULTS.md)</h2>
 *
 * TTFT error in ms; every run held 960–1,076 streams open at each measured send (mean ~1,010) with no failure.
 * Command as above, with the heap flags shown; "load" is the 1-minute load average just before the run (the
 * earlier rows of the previous session, 2.2–4.3, ran beside another engineer's builds).
 *
 * <table>
 *   <caption>TTFT error, ms</caption>
 *   <tr><th>client, simulator, JVM flags</th><th>p50</th><th>p90</th><th>p99</th><th>p99.9</th><th>max</th>
 *       <th>client CPU</th><th>GCs in step (longest)</th><th>load</th></tr>
 *   <tr><td>NIO peer, millisecond simulator (before)</td><td>0.74</td><td>1.17</td><td>1.61</td><td>14.6</td>
 *       <td>23.6</td><td>0.18 cores</td><td>1 (22 ms)</td><td>0.00</td></tr>
 *   <tr><td>NIO peer, 250 µs simulator (after)</td><td>0.01</td><td>0.18</td><td>0.83</td><td>4.40</td>
 *       <td>27.3</td><td>0.22 cores</td><td>1 (25 ms)</td><td>0.31</td></tr>
 *   <tr><td>runner before (sharded pool), millisecond simulator, -Xmx1g</td><td>1.01</td><td>1.76</td>
 *       <td>4.43</td><td>18.4</td><td>35.2</td><td>0.60 cores</td><td>9 (26 ms)</td><td>0.33</td></tr>
 *   <tr><td>runner after (library), millisecond simulator, -Xmx1g</td><td>0.98</td><td>1.71</td><td>7.21</td>
 *       <td>27.4</td><td>38.2</td><td>0.60 cores</td><td>8 (30 ms)</td><td>1.05</td></tr>
 *   <tr><td>runner after, simulator waking per step (50 µs window), -Xmx1g</td><td>0.56</td><td>1.46</td>
 *       <td>18.9</td><td>77.9</td><td>113</td><td>0.75 cores</td><td>8 (49 ms)</td><td>1.76</td></tr>
 *   <tr><td>runner after, 250 µs simulator, -Xmx1g</td><td>0.25</td><td>0.81</td><td>4.50</td><td>23.4</td>
 *       <td>53.5</td><td>0.61 cores</td><td>8 (34 ms)</td><td>1.80</td></tr>
 *   <tr><td>runner before, millisecond simulator, -Xmx1g -Xmn600m</td><td>1.09</td><td>1.94</td><td>5.08</td>
 *       <td>10.0</td><td>15.6</td><td>0.65 cores</td><td>1 (82 ms, in warm-up)</td><td>1.76</td></tr>
 *   <tr><td>runner after, 250 µs simulator, -Xmx1g -Xmn600m</td><td>0.24</td><td>0.72</td><td><b>3.10</b></td>
 *       <td>7.83</td><td>16.1</td><td>0.61 cores</td><td>1 (109 ms, in warm-up)</td><td>1.61</td></tr>
 *   <tr><td>the same, repeated</td><td>0.36</td><td>1.14</td><td><b>4.75</b></td><td>12.9</td><td>19.1</td>
 *       <td>0.69 cores</td><td>1 (113 ms, in warm-up)</td><td>0.63</td></tr>
 *   <tr><td>runner with {@code submitAt} (handed over 5 ms early), -Xmx1g -Xmn600m, run 1</td><td>0.09</td>
 *       <td>0.37</td><td><b>1.88</b></td><td>9.65</td><td>17.6</td><td>0.56 cores</td>
 *       <td>1 (98 ms, in warm-up)</td><td>0.90</td></tr>
 *   <tr><td>the same, run 2</td><td>0.14</td><td>0.47</td><td><b>2.11</b></td><td>6.03</td><td>13.4</td>
 *       <td>0.60 cores</td><td>1 (96 ms, in warm-up)</td><td>1.80</td></tr>
 *   <tr><td>the same, run 3</td><td>0.10</td><td>0.39</td><td><b>2.49</b></td><td>9.55</td><td>14.5</td>
 *       <td>0.59 cores</td><td>1 (95 ms, in warm-up)</td><td>2.30</td></tr>
 *   <tr><td>the same, run 4</td><td>0.13</td><td>0.48</td><td><b>2.04</b></td><td>5.54</td><td>18.7</td>
 *       <td>0.60 cores</td><td>1 (88 ms, in warm-up)</td><td>1.68</td></tr>
 *   <tr><td>NIO peer, same hour</td><td>0.01</td><td>0.16</td><td>0.62</td><td>2.92</td><td>12.2</td>
 *       <td>0.21 cores</td><td>0</td><td>1.21</td></tr>
 *   <tr><td>JDK HttpClient peer, 8 threads</td><td>0.31</td><td>1.05</td><td>5.52</td><td>95.9</td><td>109</td>
 *       <td>0.72 cores</td><td>2 (93 ms)</td><td>1.16</td></tr>
 *   <tr><td>Jetty 12 HttpClient peer, 8 threads</td><td>0.21</td><td>0.54</td><td>3.42</td><td>7.04</td>
 *       <td>9.0</td><td>0.75 cores</td><td>0</td><td>1.04</td></tr>
 *   <tr><td>Netty 4.2 HTTP codec peer, 1 event loop</td><td>0.13</td><td>0.39</td><td>2.97</td><td>6.05</td>
 *       <td>14.8</td><td>0.31 cores</td><td>—</td><td>0.87</td></tr>
 *   <tr><td>Netty 4.2 HTTP codec peer, 2 event loops</td><td>0.08</td><td>0.32</td><td>2.67</td><td>5.24</td>
 *       <td>11.9</td><td>0.34 cores</td><td>—</td><td>0.90</td></tr>
 * </table>
 *
 * With {@code submitAt} (run 1 at p99): scheduler lag 0.44, client queue 0.18, response headers 1.62, first
 * token − headers − injected 1.01. Also measured and no better: no socket read timeout (p99 2.98, 2.31 ms),
 * one simulator I/O thread ({@code --io-threads 1}: 8.77, 3.00 ms).
 *
 * Parts of the 3.10 ms run at p99: scheduler lag 0.62, client queue (send to request on the wire) 1.23, response
 * headers 2.64, first token − headers − injected 1.37 (the repeat: 0.98, 1.53, 4.31, 2.31).
 *
 * <p>On 2026-11-28 the ≤ 2 ms p99 goal was <b>not met</b> by the runner (p99 3.1–4.7 ms in the final configuration,
 * against 5.1 ms before with the same heap flags; p50 0.24–0.36 ms against 1.09 ms); it was met by the floor (the
 * NIO peer, 0.83 ms, since the simulator paces with sub-millisecond precision: before, it rounded every sleep up to the next
 * millisecond). What remains above the floor is the runner's thread per stream on two cores: its send path (OkHttp
 * dispatcher hand-off and request write, p99 1.2 ms before the request is on the wire) and 1,000 blocked readers
 * woken one by one, sharing the cores with the simulator. The library changes (no copy of a finished meter's
 * arrays, one serialized body per prompt, shared boxes for the records' {@code itl_ms} — since replaced by a
 * primitive array per record, which keeps less still —, the profile name once per step) cut garbage, but the young collections are driven by the live state of the streams in flight, which the
 * heap flag above, not less garbage, keeps out of the measurement; the 1,000 thread stacks and the per-connection
 * buffers stay. Each row is one run: at p99 single runs move by a few ms with the machine's load (rows 3 and 4 run
 * the same simulator, and the library changes there only remove work), so compare rows at similar load.
 *
 * <h2>Results (2026-11-29: a noisier host; paired series, benchmarks/RESULTS.md has the tables)</h2>
 *
 * Through {@code benchmarks/capacity.sh}: the floor alone measured p99 1.8–5.5 ms (0.62 ms the day before) and
 * the client needed 0.69–0.84 cores for the same work (0.56–0.60). Final code (4 pairs): floor p99 2.03–3.39 ms
 * (median 2.39), runner 5.4–9.4 ms (median 7.5), client queue p99 0.04–0.09 ms, no GC in any run. The
 * simulator's own pacing decides it: beside the runner it wrote 96.6–97.8% of its steps within 2 ms of due,
 * beside the floor 99.2–99.6%: with the runner's load, more than 2% of the server's own writes (first tokens
 * among them) are over 2 ms late, which no client can measure away. The difference is the client's CPU: a
 * thread per stream means ~32,000 context switches a second, 57% of the client's CPU in the kernel and 28% in
 * {@code finish_task_switch} ({@code perf}). Against the delay the simulator actually injected (last series,
 * 3 pairs): runner p99 4.30–6.56 ms (median 4.62), floor 1.74–6.37 ms (median 3.22; the 6.37 with 16% steal).
 *
 * <h2>Results (2026-11-29 morning, quiet host): the goal met</h2>
 *
 * The error's legs (see the list above) showed the simulator reading requests late — its loops pace tokens and
 * do not wake for a readable socket — and counting its 500 ms from that late read: up p99 0.74–1.18 ms, about as
 * much as the client's own down leg (0.82–0.89). With the simulator timing each request from its arrival (its
 * internal {@code ArrivalWatch}): up p99 0.21–0.28 ms, and the runner's p99 TTFT error 0.91–1.73 ms against the
 * profile and 0.80–1.23 ms against the actual injection in all 10 runs (4 pairs and 6 runs back to back), the
 * down leg — what the meter itself adds — 0.73–1.06 ms. Tables in {@code benchmarks/RESULTS.md}.
 */
public final class LoadRunnerCapacity {

  private LoadRunnerCapacity() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opt = parse(args);
    int streams = Integer.parseInt(opt.getOrDefault("streams", "1000"));
    double ttftMs = Double.parseDouble(opt.getOrDefault("ttft-ms", "500"));
    int tokens = Integer.parseInt(opt.getOrDefault("tokens", "100"));
    double tokensPerS = Double.parseDouble(opt.getOrDefault("tokens-per-s", "20"));
    double seconds = Double.parseDouble(opt.getOrDefault("seconds", "60"));
    String arrivals = opt.getOrDefault("arrivals", "poisson");
    long seed = Long.parseLong(opt.getOrDefault("seed", "42"));
    int ioThreads = Integer.parseInt(opt.getOrDefault("io-threads", String.valueOf(SimulatorConfig.defaultIoThreads())));
    TokenEstimation estimation = TokenEstimation.valueOf(opt.getOrDefault("estimate", "always").toUpperCase(Locale.ROOT));
    double gapMs = 1000.0 / tokensPerS;
    double streamMs = ttftMs + (tokens - 1) * gapMs;
    double warmupS = Double.parseDouble(opt.getOrDefault("warmup-s", String.valueOf(2 * streamMs / 1000)));
    double rate = streams * 1000.0 / streamMs;
    int warmupRequests = (int) Math.round(rate * warmupS);
    int measuredRequests = (int) Math.round(rate * Math.max(0, seconds - warmupS));
    if (measuredRequests < 1) {
      throw new IllegalArgumentException("--seconds must be longer than --warmup-s");
    }

    ModelProfile profile =
        ModelProfile.builder("capacity")
            .ttftMillis(Distribution.constant(ttftMs))
            .interTokenGapMillis(Distribution.constant(gapMs))
            .outputTokens(Distribution.constant(tokens))
            .maxOutputTokens(Math.max(tokens, 4096))
            .source("LoadRunnerCapacity experiment (assumption)")
            .asOf(LocalDate.of(2026, 11, 28))
            .build();
    SimulatorConfig simConfig = SimulatorConfig.builder().addProfile(profile).ioThreads(ioThreads).build();
    if ("server".equals(opt.get("role"))) {
      serve(simConfig);
      return;
    }
    boolean fork = !"in-process".equals(opt.getOrDefault("server", "fork"));

    System.out.printf(
        Locale.ROOT,
        "LoadRunnerCapacity: processors=%d streams=%d ttft=%.0fms tokens=%d at %.1f tokens/s (gap %.1f ms), stream "
            + "%.0f ms, %s arrivals at %.1f req/s for %.0f s (warm-up %.1f s = %d requests, measured %d), "
            + "%.0f tokens/s in all, sim ioThreads=%d (%s), estimation=%s%n",
        Runtime.getRuntime().availableProcessors(), streams, ttftMs, tokens, tokensPerS, gapMs, streamMs, arrivals,
        rate, seconds, warmupS, warmupRequests, measuredRequests, streams * tokensPerS, ioThreads,
        fork ? "own JVM" : "in this JVM", estimation);

    GcWatch gc = GcWatch.start();
    try (Server sim = fork ? Server.fork(args) : Server.inProcess(simConfig);
        LlmClient client =
            LlmClient.create(
                ClientConfig.builder()
                    .api(WireApi.OPENAI_CHAT)
                    .baseUrl(sim.baseUrl() + "/v1")
                    .model("capacity")
                    .apiKey(ApiKey.of("sk-simulated"))
                    .tokenEstimation(estimation)
                    .build())) {
      LoadProfile load =
          "constant".equals(arrivals) ? LoadProfile.constantRate(rate) : LoadProfile.poisson(rate, seed);
      LegClock legs = new LegClock(client);
      LoadRunConfig config =
          LoadRunConfig.builder()
              .prompts(PromptSet.customerSupport())
              .addCandidate(new Candidate("sim", legs))
              .addProfile(load)
              .warmupRequests(warmupRequests)
              .maxRequests(measuredRequests)
              .maxDuration(Duration.ofMillis((long) (seconds * 1000) + 5_000))
              .build();
      String clientKind = opt.getOrDefault("client", "runner");
      boolean peer = !"runner".equals(clientKind);
      int peerThreads = Integer.parseInt(opt.getOrDefault("threads", "8"));
      // Start the run with an empty young generation: the start-up garbage (class loading, the JIT, the token
      // estimator's tables) would otherwise fill part of it and bring the one collection of a 40 s run forward.
      sim.collectGarbage();
      System.gc();
      String loadBefore = loadAverage();
      long[] cpuBefore = procStat();
      OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      long processCpuBefore = os.getProcessCpuTime();
      long wallBefore = System.nanoTime();
      gc.reset();
      LoadRunResult result = null;
      NioStreamPeer.Result peerResult = null;
      if (peer) {
        java.net.URI uri = java.net.URI.create(sim.baseUrl());
        Schedule schedule = load.schedule(warmupRequests + measuredRequests, config.maxDuration());
        long timeoutNanos = (long) (streamMs * 3e6) + 30_000_000_000L;
        String body = NioStreamPeer.body("capacity", tokens);
        switch (clientKind) {
          case "nio-peer":
            peerResult = NioStreamPeer.run(
                new java.net.InetSocketAddress(uri.getHost(), uri.getPort()), "capacity", tokens, schedule,
                timeoutNanos);
            break;
          case "jdk-peer":
            peerResult = ClientPeers.jdk(uri, body, schedule, timeoutNanos, peerThreads);
            break;
          case "jetty-peer":
            peerResult = ClientPeers.jetty(uri, body, schedule, timeoutNanos, peerThreads);
            break;
          case "netty-peer":
            peerResult = ClientPeers.netty(uri, body, schedule, timeoutNanos, peerThreads);
            break;
          default:
            throw new IllegalArgumentException(
                "--client must be runner, nio-peer, jdk-peer, jetty-peer or netty-peer, but was " + clientKind);
        }
      } else {
        result = LoadRunner.run(config);
      }
      long wall = System.nanoTime() - wallBefore;
      double cores = (os.getProcessCpuTime() - processCpuBefore) / (double) wall;
      long[] cpuAfter = procStat();
      String loadAfter = loadAverage();
      boolean ok;
      if (peer) {
        ok = reportPeer(clientKind, peerResult, warmupRequests, ttftMs, sim.firstTokens());
      } else {
        if (opt.containsKey("out")) {
          result.writeTo(Path.of(opt.get("out")));
        }
        Map<String, FirstTokenTiming> firstTokens = sim.firstTokens();
        ok = report(result.steps().get(0), ttftMs, streams, firstTokens);
        legs.report(result.steps().get(0), firstTokens);
      }
      double busy = busyShare(cpuBefore, cpuAfter);
      System.out.printf(
          Locale.ROOT,
          "cpu: %s %.2f cores of %d; machine busy %.0f%%, steal %.1f%%; load average before [%s], after [%s]%n",
          fork ? "client JVM" : "JVM (client + server)", cores, Runtime.getRuntime().availableProcessors(),
          busy * 100, share(cpuBefore, cpuAfter, 7) * 100, loadBefore, loadAfter);
      System.out.printf(Locale.ROOT, "gc: %s%n", gc.summary());
      if (!ok) {
        System.exit(1);
      }
    }
  }

  /**
   * The child JVM's side of {@code --server fork}: port on the first stdout line; on a {@code trace} line from
   * the parent, the first-token timings as {@code FT id received due written} lines and {@code END}; serves
   * until stdin closes.
   */
  private static void serve(SimulatorConfig config) throws IOException {
    GcWatch gc = GcWatch.start();
    try (SimulatedProvider sim = SimulatedProvider.start(config)) {
      sim.traceFirstTokens(true);
      System.out.println("PORT " + sim.port());
      System.out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String command;
      while ((command = in.readLine()) != null) { // the parent closes our stdin when it is done (or dies)
        command = command.trim();
        if ("gc".equals(command)) {
          System.gc();
          System.out.println("GC-DONE");
          System.out.flush();
        } else if ("trace".equals(command)) {
          StringBuilder sb = new StringBuilder();
          for (FirstTokenTiming t : sim.firstTokenTimings()) {
            sb.append("FT ").append(t.requestId()).append(' ').append(t.receivedNanos()).append(' ')
                .append(t.dueNanos()).append(' ').append(t.writtenNanos()).append('\n');
          }
          System.out.print(sb.append("END\n"));
          System.out.flush();
        }
      }
      System.err.println("simulator (whole run, warm-up included): " + sim.pacingSummary());
    }
    System.err.println("simulator JVM gc (whole run, warm-up included): " + gc.summary());
  }

  /**
   * The runner's client, recording each request's send and first-token times on {@link System#nanoTime()} so that
   * its TTFT error can be split at the simulator's own timestamps into its two legs. Both JVMs run on one Linux
   * host, where {@code nanoTime} is {@code CLOCK_MONOTONIC} — one clock for every process — so times taken in the
   * client and in the forked simulator subtract (in-process, trivially). With received and written the
   * simulator's times of reading the request and writing the first token: up = received − send (the request's way
   * in: the write, loopback, and the simulator's I/O thread waking for it) and down = first token read − written
   * (the token's way out: loopback, and the client's thread waking, reading and parsing it — the client's own
   * error). up + down = TTFT − (written − received), the error against the delay actually injected.
   */
  private static final class LegClock implements LlmClient {
    private final LlmClient delegate;
    private final Map<String, long[]> sendAndFirstToken = new ConcurrentHashMap<>();

    LegClock(LlmClient delegate) {
      this.delegate = delegate;
    }

    @Override
    public ClientConfig config() {
      return delegate.config();
    }

    @Override
    public CompletableFuture<RequestResult> submit(
        ChatRequest request, long intendedStartNanos) {
      return delegate.submit(request, intendedStartNanos).whenComplete((r, e) -> keep(r));
    }

    @Override
    public CompletableFuture<RequestResult> submitAt(
        ChatRequest request, long sendAtNanos) {
      return delegate.submitAt(request, sendAtNanos).whenComplete((r, e) -> keep(r));
    }

    private void keep(RequestResult r) {
      if (r != null && r.providerRequestId().isPresent() && r.timeline().ttftContentNanos().isPresent()) {
        long start = r.timeline().startNanos();
        sendAndFirstToken.put(r.providerRequestId().get(),
            new long[] {start, start + r.timeline().ttftContentNanos().getAsLong()});
      }
    }

    @Override
    public int inFlight() {
      return delegate.inFlight();
    }

    @Override
    public void close() {
      delegate.close();
    }

    /** Prints the two legs over the measured, successful requests that pair with a simulator trace entry. */
    void report(StepResult step, Map<String, FirstTokenTiming> injected) {
      double[] up = new double[step.records().size()];
      double[] down = new double[up.length];
      int n = 0;
      for (RequestRecord r : step.records()) {
        if (!r.warmup() && r.error().isEmpty() && r.providerRequestId().isPresent()) {
          long[] client = sendAndFirstToken.get(r.providerRequestId().get());
          FirstTokenTiming server = injected.get(r.providerRequestId().get());
          if (client != null && server != null) {
            up[n] = (server.receivedNanos() - client[0]) / 1e6;
            down[n++] = (client[1] - server.writtenNanos()) / 1e6;
          }
        }
      }
      up = Arrays.copyOf(up, n);
      down = Arrays.copyOf(down, n);
      Arrays.sort(up);
      Arrays.sort(down);
      line("  up: server received - client sent", up);
      line("  down: client read - server wrote", down);
    }
  }

  /** The simulator, in this JVM or in a child JVM with the same class path. */
  private abstract static class Server implements AutoCloseable {
    abstract String baseUrl();

    /** Collects the simulator's start-up garbage before the run (as the client does its own). */
    abstract void collectGarbage() throws IOException;

    /** What the simulator actually injected before each streamed request's first token, by request id. */
    abstract Map<String, FirstTokenTiming> firstTokens() throws IOException;

    static Map<String, FirstTokenTiming> byId(List<FirstTokenTiming> timings) {
      Map<String, FirstTokenTiming> byId = new HashMap<>();
      for (FirstTokenTiming t : timings) {
        byId.put(t.requestId(), t);
      }
      return byId;
    }

    @Override
    public abstract void close();

    static Server inProcess(SimulatorConfig config) {
      SimulatedProvider sim = SimulatedProvider.start(config);
      sim.traceFirstTokens(true);
      return new Server() {
        @Override
        String baseUrl() {
          return sim.baseUrl().toString();
        }

        @Override
        void collectGarbage() {
          // one JVM: the client's System.gc() collects it
        }

        @Override
        Map<String, FirstTokenTiming> firstTokens() {
          return byId(sim.firstTokenTimings());
        }

        @Override
        public void close() {
          System.err.println("simulator (whole run, warm-up included): " + sim.pacingSummary());
          sim.close();
        }
      };
    }

    static Server fork(String[] args) throws IOException {
      List<String> command = new ArrayList<>();
      Map<String, String> opt = parse(args);
      if (opt.containsKey("server-cpus")) {
        command.addAll(List.of("taskset", "-c", opt.get("server-cpus")));
      }
      if (opt.containsKey("server-nice")) {
        command.addAll(List.of("nice", "-n", opt.get("server-nice")));
      }
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      // A young generation large enough that the simulator (~30 MB/s of garbage at 20,000 tokens/s), collected
      // just before the run, does not pause during a 40 s run (with 768 MB it paused for 10-30 ms every ~23 s):
      // its pauses delay every stream's tokens and are counted as the client's error.
      command.add("-Xms3g");
      command.add("-Xmx3g");
      command.add("-Xmn2800m");
      command.add("-XX:+AlwaysPreTouch");
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(LoadRunnerCapacity.class.getName());
      command.addAll(Arrays.asList(args));
      command.add("--role");
      command.add("server");
      Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      BufferedReader out =
          new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while ((line = out.readLine()) != null && !line.startsWith("PORT ")) {
        // skip anything the child prints before its port
      }
      if (line == null) {
        process.destroy();
        throw new IOException("the simulator's JVM ended before it printed its port");
      }
      String url = "http://127.0.0.1:" + Integer.parseInt(line.substring(5).trim());
      return new Server() {
        @Override
        String baseUrl() {
          return url;
        }

        @Override
        void collectGarbage() throws IOException {
          command("gc", "GC-DONE");
        }

        @Override
        Map<String, FirstTokenTiming> firstTokens() throws IOException {
          List<FirstTokenTiming> timings = new ArrayList<>();
          for (String l : command("trace", "END")) {
            if (l.startsWith("FT ")) {
              String[] f = l.split(" ");
              timings.add(new FirstTokenTiming(
                  f[1], Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4])));
            }
          }
          return byId(timings);
        }

        /** Sends one command line to the child and returns what it prints up to the line {@code end}. */
        private List<String> command(String command, String end) throws IOException {
          process.getOutputStream().write((command + "\n").getBytes(StandardCharsets.UTF_8));
          process.getOutputStream().flush();
          List<String> lines = new ArrayList<>();
          String l;
          while ((l = out.readLine()) != null && !end.equals(l)) {
            lines.add(l);
          }
          if (l == null) {
            throw new IOException("the simulator's JVM ended before it answered '" + command + "'");
          }
          return lines;
        }

        @Override
        public void close() {
          try {
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
              process.destroy();
            }
          } catch (IOException e) {
            process.destroy();
          } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
          }
        }
      };
    }
  }

  /** The baseline's numbers, in the same shape. */
  private static boolean reportPeer(
      String name, NioStreamPeer.Result r, int warmup, double injectedTtftMs, Map<String, FirstTokenTiming> injected) {
    int n = r.ttftMs.length - warmup;
    double[] error = new double[Math.max(0, n)];
    double[] lag = new double[Math.max(0, n)];
    int m = 0;
    for (int i = warmup; i < r.ttftMs.length; i++) {
      lag[i - warmup] = r.lagMs[i];
      if (!Double.isNaN(r.ttftMs[i])) {
        error[m++] = r.ttftMs[i] - injectedTtftMs;
      }
    }
    error = Arrays.copyOf(error, m);
    Arrays.sort(error);
    Arrays.sort(lag);
    System.out.printf(
        Locale.ROOT, "%s (a peer, not the runner): %d measured, %d with a first token, %d failed in all, "
            + "max open %d%n", name, n, m, r.failed, r.maxOpen);
    line("TTFT error (ttft - injected)", error);
    line("  scheduler lag (send - intended)", lag);
    againstInjected(n, i -> r.requestIds[warmup + i], i -> r.ttftMs[warmup + i], injected, false);
    double p99 = percentile(error, 99);
    System.out.printf(Locale.ROOT, "peer p99 TTFT error %.3f ms%n", p99);
    return r.failed == 0;
  }

  /** Prints the numbers; true if p99 TTFT error ≤ 2 ms and nothing failed. */
  private static boolean report(
      StepResult step, double injectedTtftMs, int targetStreams, Map<String, FirstTokenTiming> injected) {
    List<RequestRecord> all = step.records();
    List<RequestRecord> measured = new ArrayList<>();
    Map<String, Integer> failures = new HashMap<>();
    for (RequestRecord r : all) {
      if (r.warmup()) {
        continue;
      }
      measured.add(r);
      r.error().ifPresent(e -> failures.merge(e.kind(), 1, Integer::sum));
    }
    List<RequestRecord> ok = new ArrayList<>();
    for (RequestRecord r : measured) {
      if (r.error().isEmpty() && r.ttftMs().isPresent()) {
        ok.add(r);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "requests: %d recorded, %d measured, %d succeeded, failures %s; step %.1f s%n",
        all.size(), measured.size(), ok.size(), failures, step.elapsed().toMillis() / 1000.0);
    concurrency(all, targetStreams);
    double[] error = values(ok, r -> r.ttftMs().getAsDouble() - injectedTtftMs);
    line("TTFT error (ttft_ms - injected)", error);
    line("TTFT error from intended send", values(ok, r -> r.ttftFromIntendedMs().getAsDouble() - injectedTtftMs));
    line("  scheduler lag (send - intended)", values(ok, RequestRecord::schedulerLagMs));
    line("  client queue (send - on wire)", values(ok, r -> r.clientQueueMs().orElse(Double.NaN)));
    line("  response headers (send - headers)", values(ok, r -> r.responseHeadersMs().orElse(Double.NaN)));
    line(
        "  first token - headers - injected",
        values(ok, r -> r.ttftMs().getAsDouble() - r.responseHeadersMs().orElse(Double.NaN) - injectedTtftMs));
    double[] actualError = againstInjected(
        ok.size(), i -> ok.get(i).providerRequestId().orElse(null), i -> ok.get(i).ttftMs().getAsDouble(), injected,
        true);
    double p99 = percentile(error, 99);
    boolean met = p99 <= 2.0 && failures.isEmpty() && !ok.isEmpty();
    System.out.printf(
        Locale.ROOT, "goal (p99 TTFT error <= 2 ms, no failures): %s (p99 %.3f ms)%n", met ? "MET" : "NOT MET", p99);
    double actualP99 = percentile(actualError, 99);
    System.out.printf(
        Locale.ROOT,
        "  against the delay the simulator actually injected (%d of %d paired): %s (p99 %.3f ms)%n",
        actualError.length, ok.size(), actualP99 <= 2.0 && actualError.length == ok.size() ? "MET" : "NOT MET",
        actualP99);
    return met;
  }

  /**
   * The TTFT error against the delay the simulator actually put before each request's first token (written −
   * received), paired by request id, printed with the simulator's lateness for those first tokens (written − due);
   * requests without an id, a trace entry or a first token are left out. Prints nothing when none pairs, unless
   * {@code always}.
   *
   * @return the errors, sorted
   */
  private static double[] againstInjected(
      int n, IntFunction<String> id, IntToDoubleFunction ttftMs, Map<String, FirstTokenTiming> injected,
      boolean always) {
    double[] actual = new double[n];
    double[] lateness = new double[n];
    int paired = 0;
    for (int i = 0; i < n; i++) {
      String requestId = id.apply(i);
      FirstTokenTiming t = requestId == null ? null : injected.get(requestId);
      double ttft = ttftMs.applyAsDouble(i);
      if (t != null && !Double.isNaN(ttft)) {
        actual[paired] = ttft - t.injectedNanos() / 1e6;
        lateness[paired++] = t.latenessNanos() / 1e6;
      }
    }
    actual = Arrays.copyOf(actual, paired);
    lateness = Arrays.copyOf(lateness, paired);
    Arrays.sort(actual);
    Arrays.sort(lateness);
    if (paired > 0 || always) {
      line("TTFT error vs actual injection", actual);
      line("  server first token (written - due)", lateness);
    }
    return actual;
  }

  /** Streams in flight at each measured request's actual send, from every record's [send, end] interval. */
  private static void concurrency(List<RequestRecord> all, int target) {
    int n = all.size();
    double[] starts = new double[n];
    double[] ends = new double[n];
    for (int i = 0; i < n; i++) {
      RequestRecord r = all.get(i);
      starts[i] = r.intendedOffsetMs().orElse(0) + r.schedulerLagMs();
      ends[i] = starts[i] + r.e2eMs();
    }
    double[] sortedStarts = starts.clone();
    double[] sortedEnds = ends.clone();
    Arrays.sort(sortedStarts);
    Arrays.sort(sortedEnds);
    long sum = 0;
    int count = 0;
    int min = Integer.MAX_VALUE;
    int max = 0;
    for (int i = 0; i < n; i++) {
      if (all.get(i).warmup()) {
        continue;
      }
      // started at or before this send, minus ended before it
      int open = upperBound(sortedStarts, starts[i]) - lowerBound(sortedEnds, starts[i]);
      sum += open;
      count++;
      min = Math.min(min, open);
      max = Math.max(max, open);
    }
    System.out.printf(
        Locale.ROOT,
        "concurrency at measured sends: min %d, mean %.0f, max %d (target %d)%n",
        count == 0 ? 0 : min, count == 0 ? 0.0 : (double) sum / count, max, target);
  }

  private static int upperBound(double[] a, double v) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] <= v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static int lowerBound(double[] a, double v) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static double[] values(List<RequestRecord> records, ToDoubleFunction<RequestRecord> f) {
    double[] v = new double[records.size()];
    int n = 0;
    for (RequestRecord r : records) {
      double x = f.applyAsDouble(r);
      if (!Double.isNaN(x)) {
        v[n++] = x;
      }
    }
    v = Arrays.copyOf(v, n);
    Arrays.sort(v);
    return v;
  }

  private static void line(String name, double[] sorted) {
    System.out.printf(
        Locale.ROOT,
        "%-36s ms  min %7.3f  p50 %7.3f  p90 %7.3f  p99 %7.3f  p99.9 %8.3f  max %8.3f  (n=%d)%n",
        name, percentile(sorted, 0), percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
        percentile(sorted, 99.9), percentile(sorted, 100), sorted.length);
  }

  /** Nearest-rank percentile of sorted values; p = 0 is the minimum. */
  static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> opt = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value pairs, but got '" + args[i] + "'");
      }
      opt.put(args[i].substring(2), args[++i]);
    }
    return opt;
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "n/a";
    }
  }

  /** The first line of /proc/stat: cumulative jiffies per CPU state, or an empty array. */
  private static long[] procStat() {
    try {
      String first = Files.readAllLines(Path.of("/proc/stat")).get(0);
      String[] f = first.trim().split("\\s+");
      long[] v = new long[f.length - 1];
      for (int i = 1; i < f.length; i++) {
        v[i - 1] = Long.parseLong(f[i]);
      }
      return v;
    } catch (IOException | RuntimeException e) {
      return new long[0];
    }
  }

  /** Busy share of all CPUs between two /proc/stat samples (idle and iowait count as idle). */
  private static double busyShare(long[] before, long[] after) {
    return 1.0 - share(before, after, 3) - share(before, after, 4);
  }

  /**
   * Share of all CPUs' time between two /proc/stat samples spent in the state at {@code index} (3 idle, 4 iowait,
   * 7 steal: time a vCPU wanted to run but the host ran something else), NaN if /proc/stat was unreadable.
   */
  private static double share(long[] before, long[] after, int index) {
    // the first eight fields: user nice system idle iowait irq softirq steal (guest time is inside user)
    int n = Math.min(8, Math.min(before.length, after.length));
    if (n <= index) {
      return Double.NaN;
    }
    long total = 0;
    for (int i = 0; i < n; i++) {
      total += after[i] - before[i];
    }
    return total == 0 ? Double.NaN : (double) (after[index] - before[index]) / total;
  }

  /** Counts collections and keeps the longest pause, from the JVM's GC notifications. */
  private static final class GcWatch {
    final AtomicLong count = new AtomicLong();
    final AtomicLong totalMillis = new AtomicLong();
    final AtomicLong maxMillis = new AtomicLong();
    final Map<String, Long> maxByName = new ConcurrentHashMap<>();
    /** Each collection since {@link #reset()}: "+seconds since reset: duration". */
    final List<String> when = new ArrayList<>();
    volatile long resetUptimeMillis;

    static GcWatch start() {
      GcWatch w = new GcWatch();
      for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
        if (bean instanceof NotificationEmitter) {
          ((NotificationEmitter) bean)
              .addNotificationListener(
                  (notification, handback) -> {
                    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                        notification.getType())) {
                      return;
                    }
                    GarbageCollectionNotificationInfo info =
                        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    w.record(info);
                  },
                  null,
                  null);
        }
      }
      return w;
    }

    /** Notifications come on their own thread, so one from before {@link #reset()} may arrive after it. */
    private synchronized void record(GarbageCollectionNotificationInfo info) {
      if (info.getGcInfo().getStartTime() < resetUptimeMillis) {
        return;
      }
      long d = info.getGcInfo().getDuration();
      count.incrementAndGet();
      totalMillis.addAndGet(d);
      maxMillis.accumulateAndGet(d, Math::max);
      maxByName.merge(info.getGcName() + "/" + info.getGcCause(), d, Math::max);
      double at = (info.getGcInfo().getStartTime() - resetUptimeMillis) / 1000.0;
      when.add(String.format(Locale.ROOT, "+%.1f s: %d ms", at, d));
    }

    synchronized void reset() {
      count.set(0);
      totalMillis.set(0);
      maxMillis.set(0);
      maxByName.clear();
      when.clear();
      resetUptimeMillis = ManagementFactory.getRuntimeMXBean().getUptime();
    }

    synchronized String summary() {
      return String.format(
          Locale.ROOT,
          "%d collections, %d ms in all, longest %d ms (longest by collector/cause: %s; when, from the start of "
              + "the run: %s)",
          count.get(), totalMillis.get(), maxMillis.get(), maxByName, when);
    }
  }
}
