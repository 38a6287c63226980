package dev.tradeoff.cli;

import dev.tradeoff.cli.internal.BadInputException;
import dev.tradeoff.examples.ReportFiles;
import dev.tradeoff.examples.routing.MultiProviderRouting;
import dev.tradeoff.examples.routing.RoutingReport;
import dev.tradeoff.examples.routing.RoutingScenario;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tradeoff simulate}: reference scenario 3 — a router over OpenAI, Google, Anthropic and a self-hosted
 * model on a simulated day of diurnal traffic with an outage and a rate-limit storm, policies side by side —
 * with its knobs.
 *
 * <pre>{@code
 * java -jar tradeoff.jar simulate
 * java -jar tradeoff.jar simulate --hours 6 --rate 10 --outage google:2:30 --storm openai:4:20 \
 *     --policy cheapest-meeting-slo --policy round-robin --json
 * }</pre>
 *
 * <p>Prints the decision matrix, the policy table, the incidents and the cost tracker's forecasts (the JSON report
 * with {@code --json}); writes {@code routing-report.json}, {@code routing-summary.md} and
 * {@code policy-comparison.png}/{@code .svg} to {@code --out}. Everything is simulated and says so.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = "Scenario 3: routing policies side by side on a simulated day (outage, rate-limit storm); "
        + "table, JSON report and chart. Output is simulated.")
final class SimulateCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "7", description = "Seed (same seed, same day).")
  long seed;

  @Option(names = "--hours", paramLabel = "H", defaultValue = "24", description = "Simulated hours, in (0, 168].")
  double hours;

  @Option(names = "--rate", paramLabel = "R", defaultValue = "4",
      description = "Mean requests per second over the day (diurnal: about 1.6x at the peak).")
  double rate;

  @Option(names = "--outage", paramLabel = "PROVIDER:START_HOUR:MINUTES", defaultValue = "openai:10:45",
      description = "Outage window; providers: openai, google, anthropic, self-hosted (default: ${DEFAULT-VALUE}).")
  String outage;

  @Option(names = "--storm", paramLabel = "PROVIDER:START_HOUR:MINUTES", defaultValue = "anthropic:14:40",
      description = "Rate-limit storm (every attempt HTTP 429) (default: ${DEFAULT-VALUE}).")
  String storm;

  @Option(names = "--policy", paramLabel = "NAME",
      description = "Policy to compare, repeatable: cheapest-meeting-slo, fastest, weighted-utility, "
          + "power-of-two-choices, weighted-random, round-robin (default: all).")
  List<String> policies;

  @Option(names = "--ttft-slo-ms", paramLabel = "MS", defaultValue = "1000",
      description = "TTFT objective of cheapest-meeting-slo, ms.")
  double ttftSloMs;

  @Option(names = "--budget-usd", paramLabel = "USD", defaultValue = "150",
      description = "API budget of the simulated period, USD.")
  BigDecimal budget;

  @Option(names = "--monthly-budget-usd", paramLabel = "USD", defaultValue = "4500",
      description = "Monthly budget for the cost tracker's forecast, USD.")
  BigDecimal monthlyBudget;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "tradeoff-out/routing",
      description = "Output directory (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--json", description = "Print the JSON report instead of the tables.")
  boolean json;

  @Override
  public Integer call() {
    RoutingScenario.Builder b = RoutingScenario.builder()
        .seed(seed).hours(hours).meanRequestsPerSecond(rate).ttftSloMillis(ttftSloMs)
        .budgetUsd(budget).monthlyBudgetUsd(monthlyBudget);
    Window o = window("--outage", outage);
    b.outage(o.provider, o.startHour, o.minutes);
    Window s = window("--storm", storm);
    b.rateLimitStorm(s.provider, s.startHour, s.minutes);
    Optional.ofNullable(policies).ifPresent(b::policies);
    RoutingScenario scenario;
    try {
      scenario = b.build();
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
    RoutingReport report = MultiProviderRouting.run(scenario);
    ReportFiles files = report.writeTo(out);
    PrintWriter stdout = spec.commandLine().getOut();
    if (json) {
      stdout.print(report.toJson());
    } else {
      stdout.println(report.toText());
      stdout.println("Wrote:");
      for (Path p : files.all()) {
        stdout.println("  " + p);
      }
    }
    return TradeoffCli.OK;
  }

  private record Window(String provider, double startHour, double minutes) {}

  private static Window window(String option, String text) {
    String[] parts = text.split(":");
    if (parts.length != 3) {
      throw new BadInputException(option + " must be PROVIDER:START_HOUR:MINUTES, but was '" + text + "'");
    }
    try {
      return new Window(parts[0], Double.parseDouble(parts[1]), Double.parseDouble(parts[2]));
    } catch (NumberFormatException e) {
      throw new BadInputException(option + ": START_HOUR and MINUTES must be numbers, but was '" + text + "'");
    }
  }
}
