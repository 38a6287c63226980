package dev.tradeoff.cli;

import dev.tradeoff.examples.ProviderMode;
import dev.tradeoff.examples.ReportFiles;
import dev.tradeoff.examples.chatbot.ChatbotDashboard;
import dev.tradeoff.examples.chatbot.ChatbotReport;
import dev.tradeoff.examples.chatbot.ChatbotScenario;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tradeoff demo}: reference scenario 1, offline — GPT-4o-mini vs Claude 3 Haiku for a support chatbot
 * ($500/month, 1,000 DAU, 5-turn conversations), the 50 standardized queries sent to each over its real wire
 * format against the embedded simulated provider.
 *
 * <pre>{@code
 * java -jar tradeoff-cli/target/tradeoff.jar demo
 * java -jar tradeoff-cli/target/tradeoff.jar demo --out /tmp/demo --json
 * }</pre>
 *
 * <p>Prints the table, the Pareto front and the recommendation (the JSON report with {@code --json}) and writes
 * {@code cost-vs-latency.png}, {@code cost-vs-latency.svg}, {@code report.json}, {@code summary.md} and the
 * per-request records ({@code measurements/requests.jsonl}) to {@code --out}. Every number is labelled
 * simulated.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Scenario 1 offline (simulated provider): table, Pareto front, recommendation; "
        + "PNG and SVG chart, JSON report and Markdown summary in --out.")
final class DemoCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "tradeoff-out",
      description = "Output directory (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
      description = "Seed of the simulated provider (same seed, same simulated draws).")
  long seed;

  @Option(names = "--json", description = "Print the JSON report instead of the table.")
  boolean json;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter stdout = spec.commandLine().getOut();
    if (!json) {
      stdout.println("Running scenario 1 against the embedded simulated provider (offline, about 15 s)...");
      stdout.flush();
    }
    ChatbotReport report = ChatbotDashboard.run(ChatbotScenario.defaults().toBuilder().seed(seed).build(),
        ProviderMode.SIMULATED);
    ReportFiles files = report.writeTo(out);
    if (json) {
      stdout.print(report.toJson());
    } else {
      stdout.println(report.toText());
      stdout.println("Wrote:");
      for (Path p : files.all()) {
        stdout.println("  " + p);
      }
    }
    stdout.flush();
    return TradeoffCli.OK;
  }
}
