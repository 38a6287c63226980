/**
 * Charts of the reference scenarios as PNG and SVG files, drawn by JFreeChart (PNG) and JFreeSVG (SVG), headless:
 * the cost-vs-latency scatter with its Pareto front ({@link dev.tradeoff.examples.chart.ScatterChart}), the
 * cumulative-cost (TCO) lines ({@link dev.tradeoff.examples.chart.CumulativeCostChart}) and the side-by-side
 * policy comparison ({@link dev.tradeoff.examples.chart.PolicyComparisonChart}), all written by
 * {@link dev.tradeoff.examples.chart.ChartWriter}.
 *
 * <pre>{@code
 * JFreeChart chart = ScatterChart.builder()
 *     .title("Cost vs latency")
 *     .xAxis("Cost per conversation (USD)")
 *     .yAxis("p95 TTFT (ms)")
 *     .point("gpt-4o-mini", 0.0016, 1210)
 *     .point("claude-3-haiku", 0.0021, 520)
 *     .front(0, 1)
 *     .recommended(1)
 *     .simulated(true)
 *     .build();
 * ChartFiles files = ChartWriter.write(chart, Path.of("tradeoff-out"), "cost-vs-latency");
 * }</pre>
 *
 * <p>The charting libraries are dependencies of {@code tradeoff-examples} and {@code tradeoff-cli} only; the
 * library modules never draw.
 */
package dev.tradeoff.examples.chart;
