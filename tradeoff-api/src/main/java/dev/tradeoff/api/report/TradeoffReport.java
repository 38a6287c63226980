package dev.tradeoff.api.report;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tradeoff.api.AnalysisInput;
import dev.tradeoff.api.Scenario;
import dev.tradeoff.api.workload.WorkloadStats;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The result of {@link dev.tradeoff.api.TradeoffAnalyzer#analyze()}: the inputs, the workload's figures, a table row
 * per priced candidate, the excluded candidates with reasons, the Pareto front, the weighted ranking with
 * contributions and weight sensitivity, break-even points between plans of the same model, an optional TCO, and
 * the recommendation in words.
 *
 * <pre>{@code
 * TradeoffReport report = analyzer.analyze();
 * System.out.println(report.recommendation().headline());
 * System.out.println(report.toMarkdown());
 * String json = ReportJson.mapper().writeValueAsString(report);
 * TradeoffReport back = ReportJson.mapper().readValue(json, TradeoffReport.class);   // equal to report
 * }</pre>
 *
 * <p>Money is exact ({@link java.math.BigDecimal}), every other number finite — never NaN. Immutable and
 * thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableTradeoffReport.class)
@JsonDeserialize(as = ImmutableTradeoffReport.class)
public interface TradeoffReport {

  /** @return the inputs, as given to the analyzer (before any scenario) */
  AnalysisInput input();

  /** @return the what-if scenario applied, if any */
  Optional<Scenario> scenario();

  /** @return the (scenario's) workload figures */
  WorkloadStats workload();

  /** @return one row per priced candidate, in input order */
  List<CandidateRow> rows();

  /** @return candidates excluded from the decision, with reasons, in input order */
  List<ExcludedCandidate> excluded();

  /** @return the Pareto front of the feasible candidates */
  ParetoSummary pareto();

  /** @return the weighted ranking; empty if no candidate is feasible */
  Optional<RankingSummary> ranking();

  /** @return break-even points between plans of the same model */
  List<BreakEvenLine> breakEvens();

  /** @return the TCO projection per priced candidate, if asked for */
  List<TcoLine> tco();

  /** @return the answer */
  Recommendation recommendation();

  /** @return assumptions and warnings (default weights, unchecked context windows, scenario caveats) */
  List<String> notes();

  /**
   * A row by candidate name.
   *
   * @param name the name
   * @return the row, or empty if the candidate is not priced
   */
  default Optional<CandidateRow> row(String name) {
    return rows().stream().filter(r -> r.name().equals(name)).findFirst();
  }

  /**
   * The table, the front, the ranking and the recommendation as Markdown.
   *
   * @return the Markdown text
   */
  @Value.NonAttribute
  default String toMarkdown() {
    return ReportRenderer.markdown(this);
  }

  /**
   * The same as plain text with aligned columns.
   *
   * @return the text
   */
  @Value.NonAttribute
  default String toPlainText() {
    return ReportRenderer.plainText(this);
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableTradeoffReport.Builder builder() {
    return ImmutableTradeoffReport.builder();
  }
}
