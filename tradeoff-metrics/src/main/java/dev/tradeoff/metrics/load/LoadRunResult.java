package dev.tradeoff.metrics.load;

import dev.tradeoff.metrics.report.RequestRecord;
import dev.tradeoff.metrics.report.ResultsJson;
import dev.tradeoff.metrics.stats.MetricsSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.immutables.value.Value;

/**
 * The result of a load run: one {@link StepResult} per candidate and profile, in run order.
 *
 * <pre>{@code
 * LoadRunResult result = LoadRunner.run(config);
 * result.writeTo(Path.of("tradeoff-out/run-1"));   // requests.jsonl + summaries.json
 * }</pre>
 */
@Value.Immutable
public interface LoadRunResult {

  /** File name of the per-request records written by {@link #writeTo(Path)}. */
  String RECORDS_FILE = "requests.jsonl";

  /** File name of the per-step summaries written by {@link #writeTo(Path)}. */
  String SUMMARIES_FILE = "summaries.json";

  /**
   * The steps, in run order.
   *
   * @return the steps
   */
  List<StepResult> steps();

  /**
   * Every step's summary, in run order.
   *
   * @return the summaries
   */
  @Value.Derived
  default List<MetricsSummary> summaries() {
    List<MetricsSummary> out = new ArrayList<>();
    for (StepResult s : steps()) {
      out.add(s.summary());
    }
    return out;
  }

  /**
   * Writes {@value #RECORDS_FILE} (every request of every step, JSONL) and {@value #SUMMARIES_FILE} (a JSON
   * array of the summaries) into a directory, creating it if needed.
   *
   * @param directory the directory
   * @throws IOException if writing fails
   */
  default void writeTo(Path directory) throws IOException {
    Files.createDirectories(directory);
    List<RequestRecord> all = new ArrayList<>();
    for (StepResult s : steps()) {
      all.addAll(s.records());
    }
    ResultsJson.writeRecords(directory.resolve(RECORDS_FILE), all);
    ResultsJson.writeSummaries(directory.resolve(SUMMARIES_FILE), summaries());
  }

  /**
   * A new builder.
   *
   * @return a builder
   */
  static ImmutableLoadRunResult.Builder builder() {
    return ImmutableLoadRunResult.builder();
  }
}
