package dev.tradeoff.cli;

import dev.tradeoff.cli.internal.Failures;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code tradeoff} command line: the library's calls with JSON in and out, so that any language or
 * CI job can use them.
 *
 * <pre>{@code
 * java -jar tradeoff-cli/target/tradeoff.jar price --model gpt-4o-mini --input-tokens 1200 --output-tokens 300
 * java -jar tradeoff-cli/target/tradeoff.jar price --model claude-3-haiku --input-tokens 1200 --output-tokens 300 --json
 * }</pre>
 *
 * <p>Exit codes: {@value #OK} success, {@value #BAD_INPUT} bad input (a one-line message on standard
 * error naming the file, field or value), {@value #FAILURE} any other failure.
 *
 * @since 0.1.0
 */
@Command(
    name = "tradeoff",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Which LLM provider, model and deployment plan to use, with numbers.",
    subcommands = {
        DemoCommand.class,
        PriceCommand.class,
        ParetoCommand.class,
        BenchCommand.class,
        AnalyzeCommand.class,
        SimulateCommand.class,
        ServeSimCommand.class,
        CommandLine.HelpCommand.class
    })
public final class TradeoffCli implements Runnable {

  /** Exit code of a successful run. */
  public static final int OK = 0;
  /** Exit code of any failure that is not the caller's input. */
  public static final int FAILURE = 1;
  /** Exit code of bad input: an unknown option, model, file or field, or an invalid value. */
  public static final int BAD_INPUT = 2;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /**
   * Runs the command line and exits the JVM with its exit code.
   *
   * @param args the arguments
   */
  public static void main(String... args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(out, err, args));
  }

  /**
   * Runs the command line without exiting, for tests and embedding.
   *
   * @param out where results go
   * @param err where messages go
   * @param args the arguments
   * @return the exit code: {@link #OK}, {@link #BAD_INPUT} or {@link #FAILURE}
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new TradeoffCli());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      commandLine.getErr().println(commandLine.getCommandName() + ": " + Failures.oneLine(e));
      commandLine.getErr().flush();
      return Failures.isBadInput(e) ? BAD_INPUT : FAILURE;
    });
    cli.setParameterExceptionHandler((e, args1) -> {
      CommandLine commandLine = e.getCommandLine();
      commandLine.getErr().println(commandLine.getCommandName() + ": " + Failures.oneLine(e));
      commandLine.getErr().println("Try 'tradeoff help " + commandLine.getCommandName() + "' for the options.");
      commandLine.getErr().flush();
      return BAD_INPUT;
    });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
