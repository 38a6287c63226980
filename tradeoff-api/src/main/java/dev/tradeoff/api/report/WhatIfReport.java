package dev.tradeoff.api.report;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;

/**
 * A base analysis and the same analysis under several scenarios, with one summary line per scenario (does the
 * recommendation change, what does it cost now).
 *
 * <pre>{@code
 * WhatIfReport w = analyzer.whatIf(List.of(Scenario.trafficTimes(2), Scenario.priceChange("GPT-4o-mini", 0.5)));
 * w.summary().forEach(System.out::println);
 * // "2× traffic: still Claude 3 Haiku, $205.31/month (+$102.66)"
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableWhatIfReport.class)
@JsonDeserialize(as = ImmutableWhatIfReport.class)
public interface WhatIfReport {

  /** @return the analysis without a scenario */
  TradeoffReport base();

  /** @return one report per scenario, in the order given */
  List<TradeoffReport> scenarios();

  /** @return one line per scenario */
  List<String> summary();

  /**
   * The summary and each scenario's recommendation as Markdown.
   *
   * @return the Markdown text
   */
  @Value.NonAttribute
  default String toMarkdown() {
    return ReportRenderer.markdown(this);
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableWhatIfReport.Builder builder() {
    return ImmutableWhatIfReport.builder();
  }
}
