package dev.tradeoff.api.report;

import dev.tradeoff.api.Metric;
import dev.tradeoff.api.internal.Fmt;
import dev.tradeoff.api.workload.WorkloadStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Text renderings of a {@link TradeoffReport}: Markdown (table with pipes, for READMEs, pull requests and chat) and
 * plain text (aligned columns, for terminals). Charts are not drawn here; they belong to the examples and the CLI.
 *
 * <pre>{@code
 * Files.writeString(out.resolve("summary.md"), ReportRenderer.markdown(report));
 * System.out.println(ReportRenderer.plainText(report));
 * }</pre>
 *
 * <p>Sections: recommendation, workload, candidates table, excluded, no-candidate-meets (when nothing is
 * recommended), Pareto front, ranking and weight sensitivity, break-even, TCO, notes. Dollar amounts to the cent
 * (per request exact), latencies in whole ms. Stateless and thread-safe.
 *
 * <p>The TCO section is a table (one row per {@link TradeoffReport#tco()} line, in the report's order; a TCO that
 * does not cover the demand is marked in its "Covers demand" column with {@link TcoLine#unservedDescription()}),
 * followed by each line's own {@code TcoResult} notes in the same order, each prefixed with the candidate's name
 * ({@code "PTU 1y: reserved units are locked for each 12-month term ..."}) — except the result's
 * {@code unservedNote()}: what a partial TCO leaves out, and that it has no break-even month, is said once, in the
 * report's notes written by {@link dev.tradeoff.api.TradeoffAnalyzer}.
 *
 * @since 0.1.0
 */
public final class ReportRenderer {

  private static final String NONE = "—";

  private ReportRenderer() {}

  /**
   * The report as Markdown.
   *
   * @param report the report
   * @return the text, ending with a newline
   */
  public static String markdown(TradeoffReport report) {
    return render(report, true);
  }

  /**
   * The report as plain text.
   *
   * @param report the report
   * @return the text, ending with a newline
   */
  public static String plainText(TradeoffReport report) {
    return render(report, false);
  }

  /**
   * A what-if comparison as Markdown: the summary lines, then each scenario's recommendation.
   *
   * @param whatIf the comparison
   * @return the text
   */
  public static String markdown(WhatIfReport whatIf) {
    StringBuilder b = new StringBuilder("## What if\n\n");
    b.append("**Today:** ").append(whatIf.base().recommendation().headline()).append("\n\n");
    for (String line : whatIf.summary()) {
      b.append("- ").append(line).append('\n');
    }
    for (TradeoffReport r : whatIf.scenarios()) {
      b.append("\n### ").append(r.scenario().map(s -> s.name() + " (" + s.describe() + ")").orElse("scenario"))
          .append("\n\n").append(r.recommendation().headline()).append('\n');
      for (String u : r.recommendation().unmetRequirements()) {
        b.append("- ").append(u).append('\n');
      }
    }
    return b.toString();
  }

  private static String render(TradeoffReport r, boolean md) {
    StringBuilder b = new StringBuilder();
    String title = "Tradeoff report: " + r.input().workload().name()
        + r.scenario().map(s -> " — what if " + s.name()).orElse("");
    heading(b, md, 2, title);
    b.append(md ? "**Recommendation.** " : "Recommendation: ").append(r.recommendation().headline()).append("\n");
    if (!r.recommendation().unmetRequirements().isEmpty()) {
      b.append('\n');
      heading(b, md, 3, "No candidate meets");
      bullets(b, r.recommendation().unmetRequirements());
    }
    if (!r.recommendation().details().isEmpty()) {
      b.append('\n');
      bullets(b, r.recommendation().details());
    }
    b.append('\n');
    heading(b, md, 3, "Workload");
    b.append(workload(r.workload())).append('\n');
    r.scenario().ifPresent(s -> b.append("Scenario: ").append(s.describe()).append(".\n"));
    b.append('\n');
    heading(b, md, 3, "Candidates");
    if (r.rows().isEmpty()) {
      b.append("No candidate could be priced.\n");
    } else {
      table(b, md, header(), cells(r));
    }
    if (!r.excluded().isEmpty()) {
      b.append('\n');
      heading(b, md, 3, "Excluded");
      List<String> lines = new ArrayList<>();
      r.excluded().forEach(e -> lines.add(e.describe()));
      bullets(b, lines);
    }
    if (!r.pareto().front().isEmpty()) {
      b.append('\n');
      heading(b, md, 3, "Pareto front");
      List<String> objectives = new ArrayList<>();
      r.pareto().objectives().forEach(m -> objectives.add(m.label()));
      b.append("Objectives: ").append(String.join(", ", objectives)).append(". Front: ")
          .append(String.join(", ", r.pareto().front())).append('.')
          .append(r.pareto().knee().map(k -> " Knee: " + k + ".").orElse("")).append('\n');
    }
    r.ranking().ifPresent(ranking -> {
      b.append('\n');
      heading(b, md, 3, "Ranking");
      List<String> w = new ArrayList<>();
      for (Map.Entry<Metric, Double> e : ranking.weights().entrySet()) {
        w.add(e.getKey().label() + " " + Fmt.plain(e.getValue(), 4));
      }
      b.append("Weights").append(ranking.defaultWeights() ? " (default)" : "").append(": ")
          .append(String.join(", ", w)).append(".\n\n");
      for (RankedCandidate e : ranking.entries()) {
        b.append(e.position() + 1).append(". ").append(e.explanation()).append('\n');
      }
      if (!ranking.sensitivity().isEmpty()) {
        b.append("\nWeight sensitivity of the winner:\n\n");
        List<String> lines = new ArrayList<>();
        ranking.sensitivity().forEach(s -> lines.add(s.description()));
        bullets(b, lines);
      }
    });
    if (!r.breakEvens().isEmpty()) {
      b.append('\n');
      heading(b, md, 3, "Break-even");
      List<String> lines = new ArrayList<>();
      r.breakEvens().forEach(l -> lines.add(l.description()));
      bullets(b, lines);
    }
    if (!r.tco().isEmpty()) {
      b.append('\n');
      int months = r.tco().get(0).result().months().size();
      heading(b, md, 3, "TCO over " + months + " months");
      List<String[]> rows = new ArrayList<>();
      for (TcoLine t : r.tco()) {
        rows.add(new String[] {t.candidate(), Fmt.usd(t.result().total()), Fmt.usd(t.result().netPresentCost()),
            t.breakEvenMonth().isPresent() ? "month " + t.breakEvenMonth().getAsInt() : NONE,
            t.unservedDescription().map(d -> "NO: " + d).orElse("yes")});
      }
      table(b, md, new String[] {"Candidate", "Total", "Net present cost", "Breaks even vs incumbent",
          "Covers demand"}, rows);
      List<String> notes = new ArrayList<>();
      for (TcoLine t : r.tco()) {
        t.result().notes().stream().filter(n -> !t.result().unservedNote().equals(Optional.of(n)))
            .forEach(n -> notes.add(t.candidate() + ": " + n));
      }
      if (!notes.isEmpty()) {
        b.append('\n');
        bullets(b, notes);
      }
    }
    if (!r.notes().isEmpty()) {
      b.append('\n');
      heading(b, md, 3, "Notes");
      bullets(b, r.notes());
    }
    return b.toString();
  }

  private static String workload(WorkloadStats w) {
    StringBuilder b = new StringBuilder(w.traffic()).append(": ")
        .append(Fmt.count(w.requestsPerMonth(), 0)).append(" requests/month");
    w.conversationsPerMonth().ifPresent(c -> b.append(" (").append(Fmt.count(c, 0)).append(" conversations)"));
    b.append(", ").append(Fmt.count(w.meanInputTokens(), 1)).append(" input + ")
        .append(Fmt.count(w.meanOutputTokens(), 1)).append(" output tokens per request (largest prompt ")
        .append(Fmt.count(w.maxInputTokens(), 0)).append("), ")
        .append(Fmt.count(w.tokensPerMonth(), 0)).append(" tokens/month; ")
        .append(Fmt.count(w.meanTokensPerMinute(), 0)).append(" tokens/min on average, peak ")
        .append(Fmt.count(w.peakTokensPerMinute(), 0)).append(" (")
        .append(Fmt.plain(w.peakToAverage(), 2)).append("× average, CV ")
        .append(Fmt.plain(w.coefficientOfVariation(), 2)).append("): ")
        .append(w.pattern().name().toLowerCase(java.util.Locale.ROOT)).append('.');
    if (w.growthPerYear() != 0) {
      b.append(" Growth ").append(Fmt.percent(w.growthPerYear())).append(" a year.");
    }
    return b.toString();
  }

  private static String[] header() {
    return new String[] {"Candidate", "Plan", "$/month", "$/request", "$/conversation", "$/1M tokens", "p50 TTFT",
        "p95 TTFT", "tokens/s", "Quality", "Errors", "Budget", "SLOs", "Pareto", "Score"};
  }

  private static List<String[]> cells(TradeoffReport r) {
    List<String[]> rows = new ArrayList<>();
    for (CandidateRow c : r.rows()) {
      List<String> slos = new ArrayList<>();
      for (SloCheck s : c.slos()) {
        slos.add(s.target().describe() + " " + (s.status() == SloCheck.Status.MET ? "✓"
            : s.status() == SloCheck.Status.MISSED ? "✗" : "?"));
      }
      String pareto = !c.feasible() ? "excluded"
          : c.paretoRank().isEmpty() ? NONE
          : c.onFront() ? (c.knee() ? "front (knee)" : "front") : "rank " + c.paretoRank().getAsInt();
      String score = c.score().isPresent()
          ? Fmt.plain(c.score().getAsDouble(), 3) + " (#" + (c.position().getAsInt() + 1) + ")" : NONE;
      rows.add(new String[] {
          c.name(), c.planName(), Fmt.usd(c.monthlyCostUsd()), "$" + c.costPerRequestUsd().toPlainString(),
          c.costPerConversationUsd().map(Fmt::usd).orElse(NONE),
          c.costPerMillionTokensUsd().map(Fmt::usd).orElse(NONE),
          opt(Metric.P50_TTFT_MS, c.p50TtftMs()), opt(Metric.P95_TTFT_MS, c.p95TtftMs()),
          opt(Metric.TOKENS_PER_SECOND, c.tokensPerSecond()), opt(Metric.QUALITY, c.quality()),
          opt(Metric.ERROR_RATE, c.errorRate()),
          c.withinBudget().map(ok -> ok ? "✓" : "✗").orElse(NONE),
          slos.isEmpty() ? NONE : String.join(", ", slos), pareto, score});
    }
    return rows;
  }

  private static String opt(Metric m, java.util.OptionalDouble v) {
    return v.isPresent() ? Fmt.metric(m, v.getAsDouble()).replace(" tokens/s", "") : NONE;
  }

  private static void heading(StringBuilder b, boolean md, int level, String text) {
    if (md) {
      b.append("#".repeat(level)).append(' ').append(text).append("\n\n");
    } else {
      b.append(text).append('\n').append((level == 2 ? "=" : "-").repeat(text.length())).append("\n\n");
    }
  }

  private static void bullets(StringBuilder b, List<String> lines) {
    for (String l : lines) {
      b.append("- ").append(l).append('\n');
    }
  }

  private static void table(StringBuilder b, boolean md, String[] header, List<String[]> rows) {
    int n = header.length;
    if (md) {
      b.append("| ").append(String.join(" | ", header)).append(" |\n|");
      for (int i = 0; i < n; i++) {
        b.append(i < 2 ? "---|" : "---:|");
      }
      b.append('\n');
      for (String[] row : rows) {
        b.append("| ");
        for (int i = 0; i < n; i++) {
          b.append(i == 0 ? "" : " | ").append(row[i].replace("|", "\\|"));
        }
        b.append(" |\n");
      }
      return;
    }
    int[] width = new int[n];
    for (int i = 0; i < n; i++) {
      width[i] = header[i].length();
      for (String[] row : rows) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    line(b, header, width);
    String[] rule = new String[n];
    for (int i = 0; i < n; i++) {
      rule[i] = "-".repeat(width[i]);
    }
    line(b, rule, width);
    for (String[] row : rows) {
      line(b, row, width);
    }
  }

  private static void line(StringBuilder b, String[] cells, int[] width) {
    StringBuilder l = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      String c = cells[i];
      String pad = " ".repeat(width[i] - c.length());
      l.append(i == 0 ? "" : "  ").append(i < 2 ? c + pad : pad + c);
    }
    b.append(l.toString().stripTrailing()).append('\n');
  }
}
