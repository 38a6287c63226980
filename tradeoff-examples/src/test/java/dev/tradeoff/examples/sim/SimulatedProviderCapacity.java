package dev.tradeoff.examples.sim;

import dev.tradeoff.examples.sim.internal.ServerCore;
import java.net.InetSocketAddress;
import java.time.LocalDate;

/**
 * The 1,000-concurrent-stream experiment (a {@code main}, not a unit test): starts the simulator with one
 * constant profile, warms it up, then opens {@code streams} Chat Completions streams at once from a single-thread
 * NIO client in the same JVM and reports how many completed with every token, and the percentiles of the gap
 * error, TTFT error and token lateness (see {@link StreamLoad}), measured by the client; and, from the server's
 * own counters, how late each step was handed to the socket — so that a client that falls behind (it shares the
 * two cores) can be told apart from a server that does.
 *
 * <pre>{@code
 * mvn -B -o -q -pl tradeoff-examples test-compile exec:java \
 *     -Dexec.mainClass=dev.tradeoff.examples.sim.SimulatedProviderCapacity -Dexec.classpathScope=test \
 *     -Dexec.args="1000 500 20 200 0"
 * }</pre>
 *
 * Offline (the exec plugin may not be in the local repository), run it with plain {@code java} after
 * {@code mvn -B -o -q -pl tradeoff-examples test-compile}:
 *
 * <pre>{@code
 * J=~/.m2/repository/com/fasterxml/jackson/core
 * java -cp tradeoff-examples/target/classes:tradeoff-examples/target/test-classes:\
 * $J/jackson-databind/2.23.0/jackson-databind-2.23.0.jar:$J/jackson-core/2.23.0/jackson-core-2.23.0.jar:\
 * $J/jackson-annotations/2.23/jackson-annotations-2.23.jar \
 *     dev.tradeoff.examples.sim.SimulatedProviderCapacity 1000 500 20 200 0
 * }</pre>
 *
 * Arguments, all optional: streams (1000), TTFT in ms (500), inter-token gap in ms (20, i.e. 50 tokens/s per
 * stream, 50,000 tokens/s in all), output tokens per stream (200), ramp in ms over which the streams start (0: all
 * at once), event-loop threads (the default). Client and server share the machine, so the numbers are an upper
 * bound of the server's own error. Exit status 1 if any stream did not complete with every token.
 */
public final class SimulatedProviderCapacity {

  private SimulatedProviderCapacity() {}

  public static void main(String[] args) throws Exception {
    int streams = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    double ttft = args.length > 1 ? Double.parseDouble(args[1]) : 500;
    double gap = args.length > 2 ? Double.parseDouble(args[2]) : 20;
    int tokens = args.length > 3 ? Integer.parseInt(args[3]) : 200;
    long rampMillis = args.length > 4 ? Long.parseLong(args[4]) : 0;
    int ioThreads = args.length > 5 ? Integer.parseInt(args[5]) : SimulatorConfig.defaultIoThreads();
    ModelProfile profile = ModelProfile.builder("capacity")
        .ttftMillis(Distribution.constant(ttft))
        .interTokenGapMillis(Distribution.constant(gap))
        .outputTokens(Distribution.constant(tokens))
        .source("capacity experiment (assumption)")
        .asOf(LocalDate.of(2026, 11, 28))
        .build();
    SimulatorConfig config = SimulatorConfig.builder().addProfile(profile).ioThreads(ioThreads).build();
    System.out.printf("processors=%d ioThreads=%d streams=%d ttft=%.0fms gap=%.1fms tokens=%d ramp=%dms "
            + "(%.0f tokens/s in all at full concurrency)%n", Runtime.getRuntime().availableProcessors(), ioThreads,
        streams, ttft, gap, tokens, rampMillis, streams * 1000.0 / gap);
    // the server core itself (not the SimulatedProvider facade) so that its pacing counters can be printed
    try (ServerCore server = ServerCore.start(config)) {
      InetSocketAddress address = new InetSocketAddress(config.bindAddress(), server.port());
      for (int i = 0; i < 2; i++) {
        StreamLoad.run(address, "capacity", Math.min(200, streams), ttft, gap, Math.min(tokens, 50), 0, 60_000);
      }
      String warmUp = server.pacingSummary();
      long timeout = (long) (ttft + gap * tokens) * 3 + 30_000;
      StreamLoad.Result result = StreamLoad.run(address, "capacity", streams, ttft, gap, tokens, rampMillis, timeout);
      System.out.println("client side: " + result.summary());
      System.out.println("server side, warm-up included (" + warmUp + ")");
      System.out.println("  " + server.pacingSummary());
      if (result.succeeded != streams) {
        System.exit(1);
      }
    }
  }
}
