package dev.tradeoff.examples.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradeoff.api.routing.sim.SimulationResult;
import dev.tradeoff.examples.ReportFiles;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class MultiProviderRoutingTest {

  /** The reference day, six policies (a few seconds), shared by the tests. */
  private static final RoutingReport DAY = MultiProviderRouting.run(RoutingScenario.defaults());

  @TempDir
  Path dir;

  @Test
  void run_referenceDay_everyPolicySeesTheSameTrafficAndAccountsForEveryRequest() {
    long arrivals = DAY.results().get(0).arrivals();
    // 4 requests/s on average over 86,400 s.
    assertThat((double) arrivals).isCloseTo(345_600, within(3_500.0));
    for (SimulationResult r : DAY.results()) {
      assertThat(r.arrivals()).isEqualTo(arrivals);
      assertThat(r.served() + r.failed()).isEqualTo(r.arrivals());
      BigDecimal sum = r.costByCandidate().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
      assertThat(sum).isEqualByComparingTo(r.costUsd());
    }
  }

  @Test
  void run_referenceDay_failoverKeepsEveryPolicyAbove99point9Percent() {
    for (SimulationResult r : DAY.results()) {
      assertThat(r.successRate()).as(r.policy()).isGreaterThan(0.999);
      assertThat(r.failovers()).as(r.policy()).isPositive();
    }
  }

  @Test
  void run_referenceDay_outageAndStormMoveTrafficAwayAndBack() {
    RoutingScenario.Window outage = DAY.scenario().outage();
    RoutingScenario.Window storm = DAY.scenario().rateLimitStorm();
    for (String policy : DAY.scenario().policies()) {
      Map<String, Long> during = DAY.duringIncident(policy, outage);
      long total = during.values().stream().mapToLong(Long::longValue).sum();
      // 45 minutes around 10:00 at about 1.5 x 4 requests/s: some 16,000 requests, served by the others.
      assertThat(total).as(policy).isGreaterThan(10_000);
      assertThat(during.get(MultiProviderRouting.OPENAI)).as(policy).isLessThan(total / 100);
      assertThat(DAY.duringIncident(policy, storm).get(MultiProviderRouting.ANTHROPIC)).as(policy)
          .isLessThan(total / 100);
    }
    // Spreading policies send OpenAI traffic again within minutes of the end of the outage (half-open probes).
    assertThat(DAY.minutesToRecover("round-robin", outage)).isPresent();
    assertThat(DAY.minutesToRecover("round-robin", outage).getAsInt()).isLessThan(5);
  }

  @Test
  void run_referenceDay_costAndLatencyOrderThePolicies() {
    SimulationResult cheapest = DAY.result("cheapest-meeting-slo");
    SimulationResult fastest = DAY.result("fastest");
    SimulationResult roundRobin = DAY.result("round-robin");
    // Gemini 2.0 Flash is both the cheapest ($0.10 / $0.40 per 1M) and the fastest: cost- and latency-aware
    // policies route most traffic there; round-robin spreads it evenly over pricier, slower candidates.
    assertThat(cheapest.costUsd()).isLessThan(roundRobin.costUsd());
    assertThat(fastest.costUsd()).isLessThan(roundRobin.costUsd());
    assertThat(fastest.timeToFirstToken().p95Millis()).isLessThan(roundRobin.timeToFirstToken().p95Millis());
    assertThat(cheapest.timeToFirstToken().p95Millis()).isLessThan(DAY.scenario().ttftSloMillis());
    assertThat(cheapest.servedByCandidate().get(MultiProviderRouting.GOOGLE))
        .isGreaterThan(cheapest.served() / 2);
    assertThat(roundRobin.costUsd().doubleValue()).isBetween(150.0, 320.0);
  }

  @Test
  void run_referenceDay_cheapestMeetingSloCostsNoMoreThanFastestAndKeepsClaudeAsAFallback() {
    SimulationResult cheapest = DAY.result("cheapest-meeting-slo");
    SimulationResult fastest = DAY.result("fastest");
    // Was $150.27 against $145.33: every random failure of Gemini (0.2% of its requests) lifted its moving-
    // average error rate past the 5% objective, and GPT-4o-mini sat excluded for hours on one stale failure
    // or one slow request, so Claude 3 Haiku, the priciest, took 6,876 requests.
    assertThat(cheapest.costUsd()).isLessThanOrEqualTo(fastest.costUsd());
    assertThat(cheapest.withinBudget()).isTrue();
    assertThat(cheapest.servedByCandidate().get(MultiProviderRouting.ANTHROPIC)).isLessThan(cheapest.served() / 200);
    // The free self-hosted capacity serves standard and batch requests whenever it meets the TTFT objective.
    assertThat(cheapest.servedByCandidate().get(MultiProviderRouting.SELF_HOSTED))
        .isGreaterThan(fastest.servedByCandidate().get(MultiProviderRouting.SELF_HOSTED));
  }

  @Test
  void run_referenceDay_decisionMatrixAppliesContextUrgencyAndResidency() {
    Map<String, String> chat = DAY.matrix().get(0).cells();
    Map<String, String> eu = DAY.matrix().get(2).cells();
    Map<String, String> longDoc = DAY.matrix().get(3).cells();
    Map<String, String> veryLong = DAY.matrix().get(4).cells();
    assertThat(chat.get(MultiProviderRouting.SELF_HOSTED)).isEqualTo("no: urgency");
    assertThat(eu.get(MultiProviderRouting.OPENAI)).isEqualTo("no: region");
    assertThat(eu.get(MultiProviderRouting.ANTHROPIC)).isEqualTo("no: region");
    assertThat(eu.get(MultiProviderRouting.GOOGLE)).startsWith("yes");
    assertThat(longDoc.get(MultiProviderRouting.SELF_HOSTED)).isEqualTo("no: context_window");
    assertThat(veryLong.get(MultiProviderRouting.OPENAI)).isEqualTo("no: context_window");
    assertThat(veryLong.get(MultiProviderRouting.GOOGLE)).startsWith("yes");
    // 900 input x $0.15 + 220 output x $0.60 per 1M = $0.000267 for GPT-4o-mini.
    assertThat(chat.get(MultiProviderRouting.OPENAI)).isEqualTo("yes ($0.000267)");
  }

  @Test
  void run_referenceDay_costTrackerForecastsTheMonthFromTheDay() {
    RoutingReport.Forecast last = DAY.forecasts().get(DAY.forecasts().size() - 1);
    assertThat(last.monthToDate()).isEqualByComparingTo(DAY.result("cheapest-meeting-slo").costUsd());
    // One whole day of a 31-day month observed: the forecast is about 31 days of it.
    assertThat(last.forecastMonthEnd().doubleValue())
        .isCloseTo(31 * last.monthToDate().doubleValue(), within(0.03 * 31 * last.monthToDate().doubleValue()));
    assertThat(last.overBudget()).isEqualTo(last.forecastMonthEnd().compareTo(new BigDecimal("4500")) > 0);
    // Two ml.g5.12xlarge at $7.09/h for 24 h.
    assertThat(DAY.selfHostedFixedCostUsd()).isEqualByComparingTo("340.32");
  }

  @Test
  void writeTo_referenceDay_writesChartJsonMarkdownLabelledSimulated() throws Exception {
    ReportFiles files = DAY.writeTo(dir);

    assertThat(files.all()).allSatisfy(p -> assertThat(p).isNotEmptyFile());
    JsonNode json = new ObjectMapper().readTree(files.json().toFile());
    assertThat(json.get("simulated").asBoolean()).isTrue();
    assertThat(json.get("policies")).hasSize(6);
    assertThat(json.get("policies").get(5).get("policy").asText()).isEqualTo("round-robin");
    assertThat(json.get("policies").get(0).get("served").asLong()
        + json.get("policies").get(0).get("failed").asLong())
        .isEqualTo(json.get("policies").get(0).get("arrivals").asLong());
    assertThat(Files.readString(files.charts().get(0).svg())).contains("SIMULATED DATA")
        .contains("Success rate (%)").contains("round-robin");
    assertThat(Files.readString(files.markdown())).contains("**SIMULATED**").contains("## Routing decision matrix");
  }

  @Test
  void scenario_unknownPolicyOrProvider_namesIt() {
    assertThatThrownBy(() -> RoutingScenario.defaults().toBuilder().policies(java.util.List.of("lowest")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'lowest'");
    assertThatThrownBy(() -> RoutingScenario.defaults().toBuilder().outage("azure", 1, 10).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("provider must be one of [anthropic, google, openai, self-hosted], but was 'azure'");
  }
}
