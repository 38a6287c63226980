package dev.tradeoff.api.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tradeoff.api.TradeoffException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class RequestLogsTest {

  /** A Monday, 00:00 UTC. */
  private static final Instant MONDAY = Instant.parse("2026-11-16T00:00:00Z");

  private static List<LoggedRequest> parse(String jsonl) throws IOException {
    return RequestLogs.parse(new StringReader(jsonl), "log.jsonl");
  }

  @Test
  void parse_openAiConventions_totalsIncludeTheirParts() throws IOException {
    List<LoggedRequest> r = parse("{\"timestamp\":\"2026-11-16T10:00:00Z\",\"input_tokens\":1200,"
        + "\"output_tokens\":300,\"cached_input_tokens\":200,\"reasoning_tokens\":50,\"model\":\"gpt-4o-mini\"}\n");

    assertThat(r).containsExactly(LoggedRequest.builder().timestamp(Instant.parse("2026-11-16T10:00:00Z"))
        .inputTokens(1200).outputTokens(300).cachedInputTokens(200).reasoningTokens(50).build());
  }

  @Test
  void parse_anthropicUsage_cacheTokensAreAddedToThePrompt() throws IOException {
    // Anthropic's input_tokens excludes cache reads and writes: the prompt is 100 + 1,000 + 50 tokens
    List<LoggedRequest> r = parse("{\"ts\":1763287200,\"input_tokens\":100,\"output_tokens\":300,"
        + "\"cache_read_input_tokens\":1000,\"cache_creation_input_tokens\":50}");

    LoggedRequest one = r.get(0);
    assertThat(one.timestamp()).isEqualTo(Instant.ofEpochSecond(1_763_287_200L));
    assertThat(one.inputTokens()).isEqualTo(1_150);
    assertThat(one.cachedInputTokens()).isEqualTo(1_000);
    assertThat(one.cacheWriteTokens()).isEqualTo(50);
  }

  @Test
  void parse_epochMillisAndPromptCompletionNames_read() throws IOException {
    List<LoggedRequest> r = parse("\n{\"created_at\":1763287200123,\"prompt_tokens\":10,\"completion_tokens\":5}\n\n");

    assertThat(r).containsExactly(LoggedRequest.of(Instant.ofEpochMilli(1_763_287_200_123L), 10, 5));
  }

  @Test
  void parse_negativeCount_messageNamesSourceLineAndField() {
    assertThatThrownBy(() -> parse("{\"ts\":1,\"input_tokens\":1,\"output_tokens\":1}\n"
        + "{\"ts\":2,\"input_tokens\":1,\"output_tokens\":1}\n"
        + "{\"ts\":3,\"input_tokens\":-5,\"output_tokens\":1}\n"))
        .isInstanceOf(TradeoffException.class)
        .hasMessage("log.jsonl:3: input_tokens must be a whole number >= 0, but was -5");
  }

  @Test
  void parse_notJson_messageNamesTheLine() {
    assertThatThrownBy(() -> parse("{\"ts\":1,\"input_tokens\":1,\"output_tokens\":1}\nnot json\n"))
        .isInstanceOf(TradeoffException.class)
        .hasMessageStartingWith("log.jsonl:2: not a JSON object");
  }

  @Test
  void parse_missingTimestamp_throws() {
    assertThatThrownBy(() -> parse("{\"input_tokens\":1,\"output_tokens\":1}"))
        .isInstanceOf(TradeoffException.class)
        .hasMessage("log.jsonl:1: no timestamp (one of timestamp, ts, time, created_at)");
  }

  @Test
  void parse_badDate_throwsWithTheValue() {
    assertThatThrownBy(() -> parse("{\"timestamp\":\"yesterday\",\"input_tokens\":1,\"output_tokens\":1}"))
        .isInstanceOf(TradeoffException.class)
        .hasMessageContaining("log.jsonl:1: timestamp must be an ISO-8601 date-time").hasMessageContaining("yesterday");
  }

  @Test
  void parse_cachedAboveInput_throwsWithTheLine() {
    assertThatThrownBy(() -> parse("{\"ts\":1,\"input_tokens\":10,\"output_tokens\":1,\"cached_tokens\":11}"))
        .isInstanceOf(TradeoffException.class)
        .hasMessageStartingWith("log.jsonl:1: cachedInputTokens + cacheWriteTokens must be <= inputTokens 10");
  }

  @Test
  void read_file_readsEveryLine(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("requests.jsonl");
    Files.writeString(f, "{\"ts\":1,\"input_tokens\":1,\"output_tokens\":2}\n{\"ts\":2,\"input_tokens\":3,"
        + "\"output_tokens\":4}\n");

    assertThat(RequestLogs.read(f)).hasSize(2);
  }

  @Test
  void profile_twoWeeks_hourOfWeekRateIsCountOverOccurrences() {
    List<LoggedRequest> log = new ArrayList<>();
    log.add(LoggedRequest.of(MONDAY.plusSeconds(600), 1_000, 200));                       // slot 0, week 1
    log.add(LoggedRequest.of(MONDAY.plus(335, ChronoUnit.HOURS).plusSeconds(3000), 1_000, 200)); // slot 167, week 2
    Instant tuesday10 = MONDAY.plus(34, ChronoUnit.HOURS);
    for (int i = 0; i < 6; i++) {
      log.add(LoggedRequest.of(tuesday10.plusSeconds(60L * i), 1_000, 200));              // slot 34, week 1
    }
    for (int i = 0; i < 2; i++) {
      log.add(LoggedRequest.of(tuesday10.plus(7, ChronoUnit.DAYS).plusSeconds(60L * i), 1_000, 200)); // week 2
    }

    WorkloadProfile p = RequestLogs.profile(log, ZoneOffset.UTC);

    double[] rate = p.traffic().requestsPerHourOfWeek();
    assertThat(rate[34]).isEqualTo(4.0);          // 8 requests in 2 occurrences of Tuesday 10:00
    assertThat(rate[0]).isEqualTo(0.5);
    assertThat(rate[167]).isEqualTo(0.5);
    assertThat(rate[35]).isEqualTo(0.0);
    assertThat(p.requestsPerMonth()).isCloseTo(5.0 * 730 / 168, within(1e-9));
    assertThat(((HourlyRequests) p.traffic()).source().orElseThrow()).contains("10 requests").contains("336 h");
  }

  @Test
  void profile_zone_assignsSlotsInThatZone() {
    List<LoggedRequest> log = List.of(
        LoggedRequest.of(MONDAY, 10, 10),
        LoggedRequest.of(MONDAY.plus(23, ChronoUnit.HOURS).plusSeconds(1800), 10, 10),   // Mon 23:30Z = Tue 00:30 Berlin
        LoggedRequest.of(MONDAY.plus(191, ChronoUnit.HOURS).plusSeconds(1800), 10, 10)); // a week later, same

    double[] utc = RequestLogs.profile(log, ZoneOffset.UTC).traffic().requestsPerHourOfWeek();
    double[] berlin = RequestLogs.profile(log, ZoneId.of("Europe/Berlin")).traffic().requestsPerHourOfWeek();

    assertThat(utc[23]).isEqualTo(1.0);
    assertThat(berlin[24]).isEqualTo(1.0);
    assertThat(berlin[23]).isEqualTo(0.0);
  }

  @Test
  void profile_oneBurstyMinute_burstFactorIsPeakMinuteOverHourAverage() {
    List<LoggedRequest> log = new ArrayList<>();
    for (int m = 0; m < 60; m++) {
      int n = m == 17 ? 90 : 30;
      for (int i = 0; i < n; i++) {
        log.add(LoggedRequest.of(MONDAY.plusSeconds(60L * m + i % 60), 100, 10));
      }
    }

    WorkloadProfile p = RequestLogs.profile(log, ZoneOffset.UTC);

    // 59 x 30 + 90 = 1,860 requests in the hour, 31 a minute on average; the busiest minute has 90
    assertThat(p.traffic().burstFactor()).isCloseTo(90 / 31.0, within(1e-12));
    assertThat(p.stats().pattern()).isEqualTo(TrafficPattern.BURSTY);
  }

  @Test
  void profile_quietHours_burstFactorOneAndSaysWhy() {
    List<LoggedRequest> log = List.of(LoggedRequest.of(MONDAY, 100, 10), LoggedRequest.of(MONDAY.plusSeconds(5), 100,
        10));

    WorkloadProfile p = RequestLogs.profile(log, ZoneOffset.UTC);

    assertThat(p.traffic().burstFactor()).isEqualTo(1.0);
    assertThat(((HourlyRequests) p.traffic()).source().orElseThrow())
        .contains("too few requests per hour to measure bursts").contains("under a day logged");
    // one hour logged: a flat week at 2 requests/hour
    assertThat(p.traffic().requestsPerHourOfWeek()).containsOnly(2.0);
  }

  @Test
  void profile_threeDays_missingSlotsTakeTheSameHourOfDay() {
    List<LoggedRequest> log = new ArrayList<>();
    for (int d = 0; d < 3; d++) {
      for (int h = 0; h < 24; h++) {
        int n = h == 12 ? 4 : 1;
        for (int i = 0; i < n; i++) {
          log.add(LoggedRequest.of(MONDAY.plus(24L * d + h, ChronoUnit.HOURS).plusSeconds(i), 100, 10));
        }
      }
    }

    double[] rate = RequestLogs.profile(log, ZoneOffset.UTC).traffic().requestsPerHourOfWeek();

    assertThat(rate[12]).isEqualTo(4.0);             // Monday, seen
    assertThat(rate[6 * 24 + 12]).isEqualTo(4.0);    // Sunday 12:00, not seen: Mon-Wed average at 12:00
    assertThat(rate[6 * 24 + 3]).isEqualTo(1.0);
  }

  @Test
  void profile_manyDistinctSizes_bucketsKeepTheMeansAndTheLargestPrompt() {
    List<LoggedRequest> log = new ArrayList<>();
    for (int i = 1; i <= 1_000; i++) {
      log.add(LoggedRequest.builder().timestamp(MONDAY.plusSeconds(i)).inputTokens(i).outputTokens(2L * i % 7)
          .cachedInputTokens(i / 2).reasoningTokens(0).build());
    }

    TokenProfile t = RequestLogs.profile(log, ZoneOffset.UTC).tokens();

    assertThat(t.buckets()).hasSizeLessThanOrEqualTo(256);
    assertThat(t.meanInputTokens()).isCloseTo(500.5, within(1e-9));
    double meanOut = log.stream().mapToLong(LoggedRequest::outputTokens).average().orElseThrow();
    assertThat(t.meanOutputTokens()).isCloseTo(meanOut, within(1e-9));
    assertThat(t.maxInputTokens()).isEqualTo(1_000);
    long cached = log.stream().mapToLong(LoggedRequest::cachedInputTokens).sum();
    assertThat(t.cachedShare()).isCloseTo(cached / 500_500.0, within(1e-12));
  }

  @Test
  void profile_noRequests_throws() {
    assertThatThrownBy(() -> RequestLogs.profile(List.of(), ZoneOffset.UTC))
        .isInstanceOf(TradeoffException.class)
        .hasMessageContaining("requests must be at least one logged request");
  }

  @Test
  void profile_noTokens_throws() {
    assertThatThrownBy(() -> RequestLogs.profile(List.of(LoggedRequest.of(MONDAY, 0, 0)), ZoneOffset.UTC))
        .isInstanceOf(TradeoffException.class)
        .hasMessageContaining("logged tokens must be > 0");
  }

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  /** One request every 10 minutes (6 per real hour) for {@code hours} hours from {@code start}. */
  private static List<LoggedRequest> everyTenMinutes(Instant start, int hours) {
    List<LoggedRequest> log = new ArrayList<>();
    for (int m = 0; m < hours * 60; m += 10) {
      log.add(LoggedRequest.of(start.plus(m, ChronoUnit.MINUTES), 1_000, 200));
    }
    return log;
  }

  /**
   * 8 days from Sunday 2025-03-23 23:00Z across Berlin's spring-forward (Sunday 2025-03-30, 02:00 -> 03:00): local
   * Sunday 02:00 (slot 146) never occurs, so it has no rate of its own and takes the same hour of day's average
   * (was 0/0 = NaN, rejected by HourlyRequests). Same monthly volume as in UTC.
   */
  @Test
  void profile_springForward_skippedLocalHourTakesTheSameHourOfDay() {
    List<LoggedRequest> log = everyTenMinutes(Instant.parse("2025-03-23T23:00:00Z"), 8 * 24);

    WorkloadProfile berlin = RequestLogs.profile(log, BERLIN);

    double[] rate = berlin.traffic().requestsPerHourOfWeek();
    assertThat(rate[6 * 24 + 2]).isEqualTo(6.0);
    assertThat(rate).containsOnly(6.0);
    assertThat(berlin.requestsPerMonth()).isCloseTo(6.0 * 730, within(1e-9));
    assertThat(berlin.requestsPerMonth())
        .isCloseTo(RequestLogs.profile(log, ZoneOffset.UTC).requestsPerMonth(), within(1e-9));
    assertThat(((HourlyRequests) berlin.traffic()).source().orElseThrow())
        .contains("1 hour of the week that never occurred in zone Europe/Berlin").contains("daylight-saving");
  }

  /**
   * A 24-hour log from Saturday 2025-03-29 22:00Z (23:00 Berlin) across spring-forward: 02:00 is seen on no day,
   * so its slots take the mean of all seen slots.
   */
  @Test
  void profile_oneDayAcrossSpringForward_hourOfDayNeverSeenTakesTheOverallMean() {
    List<LoggedRequest> log = everyTenMinutes(Instant.parse("2025-03-29T22:00:00Z"), 24);

    double[] rate = RequestLogs.profile(log, BERLIN).traffic().requestsPerHourOfWeek();

    assertThat(rate).containsOnly(6.0);
  }

  /**
   * 8 days from Monday 2025-10-20 00:00Z across Berlin's fall-back (Sunday 2025-10-26, 03:00 -> 02:00): local
   * Sunday 02:00 occurs twice that day and both real hours' requests count, so its rate per occurrence is still
   * requests per real hour (6, not 12).
   */
  @Test
  void profile_fallBack_repeatedLocalHourIsAveragedPerOccurrence() {
    List<LoggedRequest> log = everyTenMinutes(Instant.parse("2025-10-20T00:00:00Z"), 8 * 24);

    WorkloadProfile berlin = RequestLogs.profile(log, BERLIN);

    double[] rate = berlin.traffic().requestsPerHourOfWeek();
    assertThat(rate[6 * 24 + 2]).isEqualTo(6.0);
    assertThat(rate).containsOnly(6.0);
    assertThat(berlin.requestsPerMonth()).isCloseTo(6.0 * 730, within(1e-9));
  }
}
