package dev.tradeoff.api.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

final class WorkloadProperties {

  @Provide
  Arbitrary<double[]> week() {
    return Arbitraries.doubles().between(0, 1_000).ofScale(1).array(double[].class).ofSize(168)
        .filter(a -> java.util.Arrays.stream(a).sum() > 0);
  }

  @Property(tries = 100)
  void shape_neverChangesTheMonthlyTotals(@ForAll("week") double[] weights,
      @ForAll @DoubleRange(min = 1, max = 1e6) double users) {
    WorkloadProfile flat = WorkloadProfile.builder().traffic(DailyUsers.of(users, 1, 5)).tokens(TokenProfile.of(900, 100))
        .build();
    WorkloadProfile shaped = WorkloadProfile.builder().from(flat)
        .traffic(DailyUsers.of(users, 1, 5).withShape(WeeklyShape.of(weights))).build();

    assertThat(shaped.requestsPerMonth()).isCloseTo(flat.requestsPerMonth(), within(1e-9 * flat.requestsPerMonth()));
    assertThat(shaped.demandCurve().tokensPerMonth())
        .isCloseTo(flat.demandCurve().tokensPerMonth(), within(1e-9 * flat.demandCurve().tokensPerMonth()));
  }

  @Property(tries = 100)
  void stats_areFiniteAndClassifiedByTheDocumentedThresholds(@ForAll("week") double[] requests,
      @ForAll @DoubleRange(min = 1, max = 5) double burst) {
    WorkloadStats s = WorkloadProfile.builder().traffic(HourlyRequests.of(requests).withBurstFactor(burst))
        .tokens(TokenProfile.of(500, 50)).build().stats();

    assertThat(s.peakToAverage()).isGreaterThanOrEqualTo(1);
    assertThat(s.coefficientOfVariation()).isGreaterThanOrEqualTo(0);
    assertThat(s.peakTokensPerMinute()).isCloseTo(s.peakHourTokensPerMinute() * burst, within(1e-9 * s.peakTokensPerMinute()));
    TrafficPattern expected = burst >= 2 || s.peakToAverage() >= 4 ? TrafficPattern.BURSTY
        : s.coefficientOfVariation() <= 0.25 && s.peakToAverage() <= 1.5 ? TrafficPattern.STEADY : TrafficPattern.DIURNAL;
    assertThat(s.pattern()).isEqualTo(expected);
  }

  @Property(tries = 30)
  void logs_tokenBucketsKeepTheMeansAndTheLargestPrompt(
      @ForAll @Size(min = 1, max = 1_500) List<@IntRange(min = 0, max = 200_000) Integer> inputs,
      @ForAll @IntRange(min = 0, max = 4_000) int output) {
    List<LoggedRequest> log = new ArrayList<>();
    Instant t = Instant.parse("2026-11-16T00:00:00Z");
    for (int i = 0; i < inputs.size(); i++) {
      log.add(LoggedRequest.of(t.plusSeconds(37L * i), inputs.get(i), (output + i) % 4_001));
    }
    double meanIn = log.stream().mapToLong(LoggedRequest::inputTokens).average().orElseThrow();
    double meanOut = log.stream().mapToLong(LoggedRequest::outputTokens).average().orElseThrow();
    long maxIn = log.stream().mapToLong(LoggedRequest::inputTokens).max().orElseThrow();
    if (meanIn + meanOut == 0) {
      return;   // no tokens at all: rejected, covered by a unit test
    }

    TokenProfile p = RequestLogs.profile(log, ZoneOffset.UTC).tokens();

    assertThat(p.buckets()).hasSizeLessThanOrEqualTo(256);
    assertThat(p.meanInputTokens()).isCloseTo(meanIn, within(1e-9 * Math.max(1, meanIn)));
    assertThat(p.meanOutputTokens()).isCloseTo(meanOut, within(1e-9 * Math.max(1, meanOut)));
    assertThat(p.maxInputTokens()).isEqualTo((double) maxIn);
  }

  @Property(tries = 50)
  void logs_requestsPerMonthIsTheLoggedRateOverWholeWeeks(@ForAll @IntRange(min = 1, max = 3) int weeks,
      @ForAll @Size(min = 1, max = 300) List<@IntRange(min = 0, max = 167) Integer> hours) {
    // requests at arbitrary hours of whole weeks logged from Monday 00:00 to Sunday 23:59 of the last week
    Instant monday = Instant.parse("2026-11-16T00:00:00Z");
    List<LoggedRequest> log = new ArrayList<>();
    log.add(LoggedRequest.of(monday, 10, 10));
    log.add(LoggedRequest.of(monday.plusSeconds(weeks * 168L * 3600 - 1), 10, 10));
    for (int i = 0; i < hours.size(); i++) {
      int week = i % weeks;
      log.add(LoggedRequest.of(monday.plusSeconds((week * 168L + hours.get(i)) * 3600 + 7), 10, 10));
    }

    WorkloadProfile p = RequestLogs.profile(log, ZoneOffset.UTC);

    double perWeek = log.size() / (double) weeks;
    assertThat(p.requestsPerMonth()).isCloseTo(perWeek * 730 / 168, within(1e-9 * perWeek));
  }

  /**
   * Steady traffic (6 requests every real hour) logged for 1 to 20 days from any local hour of 2025, read in a zone
   * with daylight saving or a half-hour offset: every hour-of-week slot is 6 requests/hour, whether its local hour was skipped (spring-forward)
   * or repeated (fall-back) during the log.
   */
  @Property(tries = 200)
  void recordedSteadyTraffic_anyZoneAndSpan_everySlotIsTheSteadyRate(
      @ForAll @IntRange(min = 0, max = 364 * 24) int startHour, @ForAll @IntRange(min = 24, max = 480) int hours,
      @ForAll("dstZones") java.time.ZoneId zone) {
    Instant start = Instant.parse("2025-01-01T00:00:00Z").plusSeconds(startHour * 3600L).atZone(zone)
        .truncatedTo(java.time.temporal.ChronoUnit.HOURS).toInstant(); // whole local hours, also at +05:30
    List<LoggedRequest> log = new ArrayList<>();
    for (int m = 0; m < hours * 60; m += 10) {
      log.add(LoggedRequest.of(start.plusSeconds(m * 60L), 1_000, 200));
    }

    WorkloadProfile p = RequestLogs.profile(log, zone);

    assertThat(p.traffic().requestsPerHourOfWeek()).containsOnly(6.0);
    assertThat(p.requestsPerMonth()).isCloseTo(6.0 * 730, within(1e-9 * 6 * 730));
  }

  @Provide
  Arbitrary<java.time.ZoneId> dstZones() {
    return Arbitraries.of("Europe/Berlin", "America/New_York", "Australia/Sydney", "Australia/Adelaide",
        "America/Santiago", "America/St_Johns", "Asia/Kolkata").map(java.time.ZoneId::of);
  }
}
