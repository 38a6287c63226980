package dev.tradeoff.examples;

import dev.tradeoff.examples.chatbot.ChatbotDashboard;
import dev.tradeoff.examples.chatbot.ChatbotReport;
import dev.tradeoff.examples.chatbot.ChatbotScenario;
import java.nio.file.Path;

/**
 * The offline demo, the main class of {@code tradeoff-examples/target/tradeoff-demo.jar}: reference scenario 1
 * (the chatbot dashboard) against the embedded simulated provider, no API keys, no network.
 *
 * <pre>{@code
 * java -jar tradeoff-examples/target/tradeoff-demo.jar [OUT_DIR]
 * }</pre>
 *
 * <p>Prints the table, the Pareto front and the recommendation, and writes the chart (PNG and SVG), the JSON
 * report and the Markdown summary to {@code OUT_DIR} ({@code tradeoff-out} by default). The same run is
 * {@code java -jar tradeoff-cli/target/tradeoff.jar demo}.
 */
public final class Demo {

  private Demo() {}

  /**
   * Runs the demo.
   *
   * @param args {@code [OUT_DIR]}
   * @throws InterruptedException if interrupted
   */
  public static void main(String... args) throws InterruptedException {
    Path out = Path.of(args.length > 0 ? args[0] : "tradeoff-out");
    ChatbotReport report = ChatbotDashboard.run(ChatbotScenario.defaults(), ProviderMode.SIMULATED);
    ReportFiles files = report.writeTo(out);
    System.out.println(report.toText());
    System.out.println("Wrote:");
    for (Path p : files.all()) {
      System.out.println("  " + p);
    }
  }
}
