package dev.tradeoff.api.internal;

import dev.tradeoff.api.TradeoffException;
import dev.tradeoff.api.workload.HourlyRequests;
import dev.tradeoff.api.workload.ImmutableTokenProfile;
import dev.tradeoff.api.workload.LoggedRequest;
import dev.tradeoff.api.workload.TokenBucket;
import dev.tradeoff.api.workload.TokenProfile;
import dev.tradeoff.api.workload.WeeklyShape;
import dev.tradeoff.api.workload.WorkloadProfile;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Recorded requests → hour-of-week curve, burst factor and token distribution (see {@code RequestLogs.profile}). */
public final class LogAggregator {

  /** Hours with fewer requests do not count towards the burst factor (0.5 per minute on average). */
  public static final int BURST_MIN_REQUESTS_PER_HOUR = 1800;

  /** Distinct (input, output) pairs kept exactly; more are grouped. */
  static final int MAX_EXACT_BUCKETS = 256;

  private LogAggregator() {}

  /**
   * Derives the profile.
   *
   * @param requests the requests
   * @param zone the zone of the hour-of-week slots
   * @return the profile
   */
  public static WorkloadProfile profile(List<LoggedRequest> requests, ZoneId zone) {
    if (requests.isEmpty()) {
      throw TradeoffException.invalid("requests", "at least one logged request (a workload needs traffic)", "none");
    }
    Instant first = requests.stream().map(LoggedRequest::timestamp).min(Comparator.naturalOrder()).orElseThrow();
    Instant last = requests.stream().map(LoggedRequest::timestamp).max(Comparator.naturalOrder()).orElseThrow();
    // Hours start at the zone's local hour boundaries (the same as UTC's unless the offset has a half hour), so
    // each logged hour falls in exactly one hour-of-week slot.
    Instant start = first.atZone(zone).truncatedTo(ChronoUnit.HOURS).toInstant();
    long hours = Duration.between(start, last).toHours() + 1;
    double[] occurrences = new double[WeeklyShape.HOURS];
    for (long h = 0; h < hours; h++) {
      occurrences[slot(start.plus(h, ChronoUnit.HOURS), zone)]++;
    }
    double[] counts = new double[WeeklyShape.HOURS];
    Map<Long, int[]> minutesByHour = new HashMap<>();
    for (LoggedRequest r : requests) {
      counts[slot(r.timestamp(), zone)]++;
      long minute = Duration.between(start, r.timestamp()).toMinutes();
      minutesByHour.computeIfAbsent(minute / 60, k -> new int[60])[(int) (minute % 60)]++;
    }
    // Requests per occurrence of each local hour-of-week slot. A local hour repeated by a fall-back change
    // occurs twice (two real hours, both counted), so the rate stays per real hour. A slot with no occurrence
    // (not in the log's span, or the local hour a spring-forward change skips) is NaN here and filled below.
    double[] rate = new double[WeeklyShape.HOURS];
    String filled = "";
    int missing = 0;
    for (int s = 0; s < rate.length; s++) {
      rate[s] = occurrences[s] > 0 ? counts[s] / occurrences[s] : Double.NaN;
      if (occurrences[s] == 0) {
        missing++;
      }
    }
    if (hours < 24) {
      double avg = requests.size() / (double) hours;
      for (int s = 0; s < rate.length; s++) {
        rate[s] = avg;
      }
      filled = "; under a day logged: a flat week at the logged average";
    } else if (missing > 0) {
      fillByHourOfDay(rate);
      filled = hours < WeeklyShape.HOURS
          ? "; hours of the week not in the log take the same hour of day's average"
          : "; " + missing + (missing == 1 ? " hour" : " hours") + " of the week that never occurred in zone " + zone
              + " during the log (skipped by a daylight-saving change) take the same hour of day's average";
    }
    double burst = 1;
    int qualifying = 0;
    for (int[] minutes : minutesByHour.values()) {
      int total = 0;
      int max = 0;
      for (int c : minutes) {
        total += c;
        max = Math.max(max, c);
      }
      if (total >= BURST_MIN_REQUESTS_PER_HOUR) {
        qualifying++;
        burst = Math.max(burst, max / (total / 60.0));
      }
    }
    String source = "recorded: " + Fmt.count(requests.size(), 0) + " requests from " + first + " to " + last + " ("
        + hours + " h, zone " + zone + ")" + filled
        + (qualifying == 0 ? "; too few requests per hour to measure bursts (burst factor 1)"
            : "; burst factor from " + qualifying + " hours");
    HourlyRequests traffic = HourlyRequests.of(rate).withBurstFactor(burst).withSource(source);
    return WorkloadProfile.builder().name("recorded traffic").traffic(traffic).tokens(tokens(requests)).build();
  }

  /**
   * Replaces each NaN slot with the mean of the known slots at the same hour of day; an hour of day known on no day
   * (a 24-47 h log across a spring-forward change) takes the mean of all known slots. At least one slot is known.
   */
  private static void fillByHourOfDay(double[] rate) {
    double[] byHourOfDay = new double[24];
    int[] seen = new int[24];
    double all = 0;
    int allSeen = 0;
    for (int s = 0; s < rate.length; s++) {
      if (!Double.isNaN(rate[s])) {
        byHourOfDay[s % 24] += rate[s];
        seen[s % 24]++;
        all += rate[s];
        allSeen++;
      }
    }
    for (int s = 0; s < rate.length; s++) {
      if (Double.isNaN(rate[s])) {
        rate[s] = seen[s % 24] > 0 ? byHourOfDay[s % 24] / seen[s % 24] : all / allSeen;
      }
    }
  }

  private static int slot(Instant t, ZoneId zone) {
    ZonedDateTime z = t.atZone(zone);
    return (z.getDayOfWeek().getValue() - 1) * 24 + z.getHour();
  }

  private static TokenProfile tokens(List<LoggedRequest> requests) {
    long in = 0;
    long out = 0;
    long cached = 0;
    long written = 0;
    long reasoning = 0;
    Map<List<Long>, Integer> pairs = new LinkedHashMap<>();
    for (LoggedRequest r : requests) {
      in += r.inputTokens();
      out += r.outputTokens();
      cached += r.cachedInputTokens();
      written += r.cacheWriteTokens();
      reasoning += r.reasoningTokens();
      pairs.merge(List.of(r.inputTokens(), r.outputTokens()), 1, Integer::sum);
    }
    if (in + out == 0) {
      throw TradeoffException.invalid("logged tokens", "> 0 in total (requests must have tokens)", 0);
    }
    ImmutableTokenProfile.Builder b = TokenProfile.builder()
        .cachedShare(in == 0 ? 0 : (double) cached / in)
        .cacheWriteShare(in == 0 ? 0 : (double) written / in)
        .reasoningShare(out == 0 ? 0 : (double) reasoning / out);
    if (pairs.size() <= MAX_EXACT_BUCKETS) {
      pairs.forEach((p, n) -> b.addBucket(TokenBucket.of(p.get(0), p.get(1), n)));
      return b.build();
    }
    List<LoggedRequest> sorted = new ArrayList<>(requests);
    sorted.sort(Comparator.comparingLong(LoggedRequest::inputTokens).thenComparingLong(LoggedRequest::outputTokens));
    LoggedRequest largest = sorted.remove(sorted.size() - 1);
    int groups = MAX_EXACT_BUCKETS - 1;
    int n = sorted.size();
    for (int g = 0; g < groups; g++) {
      int from = (int) ((long) n * g / groups);
      int to = (int) ((long) n * (g + 1) / groups);
      if (to <= from) {
        continue;
      }
      double sumIn = 0;
      double sumOut = 0;
      for (int i = from; i < to; i++) {
        sumIn += sorted.get(i).inputTokens();
        sumOut += sorted.get(i).outputTokens();
      }
      b.addBucket(TokenBucket.of(sumIn / (to - from), sumOut / (to - from), to - from));
    }
    b.addBucket(TokenBucket.of(largest.inputTokens(), largest.outputTokens(), 1));
    return b.build();
  }
}
