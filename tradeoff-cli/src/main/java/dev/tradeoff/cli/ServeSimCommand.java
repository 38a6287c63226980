package dev.tradeoff.cli;

import dev.tradeoff.examples.sim.ModelProfile;
import dev.tradeoff.examples.sim.SimulatedProvider;
import dev.tradeoff.examples.sim.SimulatorConfig;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tradeoff serve-sim}: the simulated provider endpoint in the foreground, speaking the OpenAI Chat
 * Completions, OpenAI Responses and Anthropic Messages streaming wire formats on 127.0.0.1, until the
 * process is stopped.
 */
@Command(
    name = "serve-sim",
    mixinStandardHelpOptions = true,
    description = "Run the simulated provider endpoint (127.0.0.1) in the foreground. Its output is simulated.")
final class ServeSimCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--port", paramLabel = "N", defaultValue = "0",
      description = "TCP port; 0 (default) picks a free one.")
  int port;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
      description = "Seed of every random draw (latency, lengths, faults); same seed, same streams.")
  long seed;

  @Override
  public Integer call() throws InterruptedException {
    SimulatorConfig config = SimulatorConfig.defaults().toBuilder().port(port).seed(seed).build();
    PrintWriter out = spec.commandLine().getOut();
    CountDownLatch stopped = new CountDownLatch(1);
    try (SimulatedProvider provider = SimulatedProvider.start(config)) {
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "serve-sim-shutdown"));
      out.println("tradeoff simulated provider (SIMULATED output) listening on " + provider.baseUrl());
      out.println("  POST /v1/chat/completions  (OpenAI Chat Completions)");
      out.println("  POST /v1/responses         (OpenAI Responses)");
      out.println("  POST /v1/messages          (Anthropic Messages)");
      for (ModelProfile profile : config.profiles()) {
        out.println("  model " + profile.id() + "  (" + profile.source() + ", " + profile.asOf() + ")");
      }
      out.flush();
      stopped.await();
    }
    return TradeoffCli.OK;
  }
}
