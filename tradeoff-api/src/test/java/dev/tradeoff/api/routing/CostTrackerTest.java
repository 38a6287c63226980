package dev.tradeoff.api.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradeoff.api.routing.CostTags.TagDimension;
import dev.tradeoff.metrics.RequestResult;
import dev.tradeoff.metrics.StreamMeter;
import dev.tradeoff.metrics.WireApi;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

final class CostTrackerTest {

  /** A wall clock moved by hand. */
  private static final class MutableClock implements InstantSource {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public Instant instant() {
      return now;
    }

    void set(Instant i) {
      now = i;
    }
  }

  private static final Instant NOV_1 = Instant.parse("2026-11-01T00:00:00Z");
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
  private static final CostTags OPENAI = CostTags.of("openai", "gpt-4o-mini");

  @Test
  void record_nThreadsTimesMAdds_equalsTheExactSum() throws InterruptedException {
    CostTracker tracker = CostTracker.builder().clock(clock).build();
    int threads = 8;
    int adds = 20_000;
    CostTags[] tags = {
        OPENAI,
        CostTags.builder().provider("anthropic").model("claude-haiku-4-5").tenant("acme").build(),
        CostTags.builder().provider("google").model("gemini-2.5-flash").feature("search").build()};
    BigDecimal expected = BigDecimal.ZERO;
    for (int t = 0; t < threads; t++) {
      for (int i = 0; i < adds; i++) {
        expected = expected.add(amount(t, i));
      }
    }
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> ts = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      Thread th = new Thread(() -> {
        try {
          go.await();
        } catch (InterruptedException e) {
          return;
        }
        for (int i = 0; i < adds; i++) {
          tracker.record(tags[(thread + i) % tags.length], amount(thread, i));
        }
      });
      th.start();
      ts.add(th);
    }
    go.countDown();
    for (Thread th : ts) {
      th.join();
    }
    assertThat(tracker.monthToDate()).isEqualByComparingTo(expected);
    BigDecimal byTags = tracker.spendByTags(YearMonth.of(2026, 11)).values().stream()
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(byTags).isEqualByComparingTo(expected);
    assertThat(tracker.monthToDate(TagDimension.PROVIDER).values().stream()
        .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(expected);
  }

  /** Amounts with up to 12 decimal places, so double arithmetic would drift. */
  private static BigDecimal amount(int thread, int i) {
    return BigDecimal.valueOf(1 + (long) thread * 7919 + (long) i * 104729 % 1_000_003, 12);
  }

  @Test
  void forecast_steadyMonthFlatShape_equalsTheStraightLine() {
    CostTracker tracker = CostTracker.builder().clock(clock).build();
    BigDecimal perMinute = new BigDecimal("0.25");
    for (int minute = 0; minute < 10 * 1440; minute++) {
      tracker.record(OPENAI, perMinute, NOV_1.plusSeconds(60L * minute));
    }
    clock.set(Instant.parse("2026-11-11T00:00:00Z"));
    SpendForecast f = tracker.forecast();
    // 30-day month at $0.25/minute: 30 × 1440 × 0.25.
    assertThat(f.monthToDate()).isEqualByComparingTo("3600");
    assertThat(f.forecastMonthEnd()).isEqualByComparingTo("10800");
    assertThat(f.observedFraction()).isEqualTo(1.0 / 3);
    assertThat(f.month()).isEqualTo(YearMonth.of(2026, 11));
  }

  @Test
  void forecast_spendFollowingADiurnalWeeklyShape_equalsTheShapedMonthTotal() {
    double[] week = new double[168];
    for (int h = 0; h < 168; h++) {
      boolean weekend = h >= 5 * 24;
      int hourOfDay = h % 24;
      week[h] = weekend ? 0.5 : (hourOfDay >= 9 && hourOfDay < 17 ? 3.0 : 1.0);
    }
    DemandShape shape = DemandShape.ofHourOfWeek(week);
    CostTracker tracker = CostTracker.builder().clock(clock).shape(shape).build();
    BigDecimal perWeightHour = new BigDecimal("0.5");
    // Spend exactly at the shape's rate, hour by hour, until 2026-11-13 (a Friday) 15:30 UTC.
    Instant now = Instant.parse("2026-11-13T15:30:00Z");
    BigDecimal monthTotal = BigDecimal.ZERO;
    for (Instant h = NOV_1; h.isBefore(Instant.parse("2026-12-01T00:00:00Z")); h = h.plusSeconds(3600)) {
      ZonedDateTime z = h.atZone(ZoneOffset.UTC);
      BigDecimal hourSpend = perWeightHour.multiply(BigDecimal.valueOf(
          shape.weight(z.getDayOfWeek(), z.getHour())));
      monthTotal = monthTotal.add(hourSpend);
      if (h.plusSeconds(3600).compareTo(now) <= 0) {
        tracker.record(OPENAI, hourSpend, h);
      } else if (h.isBefore(now)) {
        tracker.record(OPENAI, hourSpend.divide(BigDecimal.valueOf(2)), h); // half of the 15:00 hour
      }
    }
    clock.set(now);
    assertThat(tracker.forecast().forecastMonthEnd()).isEqualByComparingTo(monthTotal);
    // The same spend under a flat shape extrapolates differently: the shape matters.
    CostTracker flat = CostTracker.builder().clock(clock).build();
    flat.restore(tracker.snapshot());
    assertThat(flat.forecast().forecastMonthEnd()).isNotEqualByComparingTo(monthTotal);
  }

  @Test
  void forecast_extrapolatedPart_isRoundedOnceFromTheExactQuotient() {
    // Half of November has passed, so the extrapolated part is exactly the month-to-date spend:
    // 0.0000005 and a 1 in the 35th significant digit, just above the half-way point of the 6th place.
    String justAboveHalf = "0.0000005" + "0".repeat(33) + "1";
    clock.set(Instant.parse("2026-11-16T00:00:00Z"));
    CostTracker tracker = CostTracker.builder().clock(clock).build();
    tracker.record(OPENAI, new BigDecimal(justAboveHalf), NOV_1);
    // Rounding to 34 digits first made it a tie, which half-even then rounded down to 0.000000.
    assertThat(tracker.forecast().forecastMonthEnd())
        .isEqualByComparingTo(new BigDecimal(justAboveHalf).add(new BigDecimal("0.000001")));
  }

  @Test
  void forecast_atTheFirstInstantOfTheMonth_isTheMonthToDate() {
    clock.set(NOV_1);
    CostTracker tracker = CostTracker.builder().clock(clock).build();
    tracker.record(OPENAI, BigDecimal.ONE);
    SpendForecast f = tracker.forecast();
    assertThat(f.forecastMonthEnd()).isEqualByComparingTo("1");
    assertThat(f.observedFraction()).isZero();
  }

  @Test
  void record_inAZoneAheadOfUtc_landsInTheLocalMonth() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    CostTracker tracker = CostTracker.builder().clock(clock).zone(berlin).build();
    tracker.record(OPENAI, BigDecimal.TEN, Instant.parse("2026-10-31T23:30:00Z")); // 00:30 on Nov 1 in Berlin
    assertThat(tracker.spend(YearMonth.of(2026, 11))).isEqualByComparingTo("10");
    assertThat(tracker.spend(YearMonth.of(2026, 10))).isEqualByComparingTo("0");
  }

  @Test
  void forecast_monthWithDaylightSavingChange_usesItsRealLength() {
    // October 2026 in Berlin has 31 × 24 + 1 hours (summer time ends on the 25th).
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    Instant start = Instant.parse("2026-09-30T22:00:00Z"); // Oct 1 00:00 CEST
    clock.set(start.plus(Duration.ofHours(745).dividedBy(5)));  // a fifth of the month
    CostTracker tracker = CostTracker.builder().clock(clock).zone(berlin).build();
    tracker.record(OPENAI, new BigDecimal("149"), start.plusSeconds(10));
    assertThat(tracker.forecast().forecastMonthEnd()).isEqualByComparingTo("745");
  }

  @Test
  void record_lateCostOfLastMonth_doesNotCountThisMonth() {
    CostTracker tracker = CostTracker.builder().clock(clock).build();
    tracker.record(OPENAI, BigDecimal.ONE, Instant.parse("2026-10-31T23:59:59Z"));
    tracker.record(OPENAI, BigDecimal.TEN);
    assertThat(tracker.monthToDate()).isEqualByComparingTo("10");
    assertThat(tracker.spend(YearMonth.of(2026, 10))).isEqualByComparingTo("1");
  }

  @Test
  void monthToDate_byDimension_groupsAndSumsExactly() {
    CostTracker tracker = CostTracker.builder().clock(clock).build();
    tracker.record(CostTags.builder().provider("openai").model("a").tenant("acme").build(), new BigDecimal("0.1"));
    tracker.record(CostTags.builder().provider("openai").model("b").tenant("acme").build(), new BigDecimal("0.2"));
    tracker.record(CostTags.builder().provider("anthropic").model("c").build(), new BigDecimal("0.3"));
    assertThat(tracker.monthToDate(TagDimension.TENANT))
        .containsOnlyKeys("acme", "")
        .hasEntrySatisfying("acme", v -> assertThat(v).isEqualByComparingTo("0.3"));
    assertThat(tracker.monthToDate(TagDimension.PROVIDER).get("openai")).isEqualByComparingTo("0.3");
  }

  @Test
  void record_requestResultWithCost_isRecordedAndWithoutCostIsNot() {
    CostTracker tracker = CostTracker.builder().clock(clock).build();
    var base = RequestResult.builder().api(WireApi.values()[0]).model("m")
        .timeline(StreamMeter.start(0, 0).finish(1));
    assertThat(tracker.record(OPENAI, base.costUsd(new BigDecimal("0.0042")).build())).isTrue();
    assertThat(tracker.record(OPENAI, RequestResult.builder().api(WireApi.values()[0]).model("m")
        .timeline(StreamMeter.start(0, 0).finish(1)).build())).isFalse();
    assertThat(tracker.monthToDate()).isEqualByComparingTo("0.0042");
  }

  @Test
  void listener_forecastCrossesBudget_isToldOnceAndAgainAfterFallingBack() {
    List<String> alerts = new ArrayList<>();
    BudgetListener listener = new BudgetListener() {
      @Override
      public void forecastAboveBudget(SpendForecast f) {
        alerts.add("forecast " + f.forecastMonthEnd().stripTrailingZeros().toPlainString());
      }

      @Override
      public void spendAboveBudget(SpendForecast f) {
        alerts.add("spend " + f.monthToDate().toPlainString());
      }
    };
    clock.set(Instant.parse("2026-11-16T00:00:00Z")); // half of November
    CostTracker tracker = CostTracker.builder().clock(clock).budgetUsd(new BigDecimal("100"))
        .listener(listener).checkInterval(Duration.ZERO).build();
    tracker.record(OPENAI, new BigDecimal("40")); // forecast 80
    assertThat(alerts).isEmpty();
    tracker.record(OPENAI, new BigDecimal("11")); // forecast 102
    tracker.record(OPENAI, new BigDecimal("1"));  // forecast 104: no second alert
    assertThat(alerts).containsExactly("forecast 102");
    clock.set(Instant.parse("2026-11-26T00:00:00Z")); // 52 over 25 days: forecast 62.4
    tracker.checkBudget();
    clock.set(Instant.parse("2026-11-26T00:00:00Z"));
    tracker.record(OPENAI, new BigDecimal("49")); // 101 spent
    assertThat(alerts).containsExactly("forecast 102", "forecast 121.2", "spend 101");
  }

  /** A tracker with a budget of 1 USD, checked at most once a minute, counting forecast alerts in calls[0]. */
  private CostTracker checkedEveryMinute(int[] calls) {
    BudgetListener listener = new BudgetListener() {
      @Override
      public void forecastAboveBudget(SpendForecast f) {
        calls[0]++;
      }
    };
    return CostTracker.builder().clock(clock).budgetUsd(BigDecimal.ONE)
        .listener(listener).checkInterval(Duration.ofMinutes(1)).build();
  }

  @Test
  void listener_checkInterval_limitsHowOftenTheForecastIsEvaluated() {
    int[] calls = {0};
    CostTracker tracker = checkedEveryMinute(calls);
    tracker.record(OPENAI, new BigDecimal("0.01")); // first check: forecast below 1
    tracker.record(OPENAI, new BigDecimal("5"));    // within the interval: not checked
    assertThat(calls[0]).isZero();
    clock.set(clock.instant().plusSeconds(60));
    tracker.record(OPENAI, new BigDecimal("0.01"));
    assertThat(calls[0]).isEqualTo(1);
  }

  @Test
  void listener_wallClockStepsBack_checksGoOnOnTheNewClock() {
    int[] calls = {0};
    CostTracker tracker = checkedEveryMinute(calls);
    tracker.record(OPENAI, new BigDecimal("0.01")); // first check at 12:00: forecast below 1
    clock.set(clock.instant().minus(Duration.ofHours(1))); // the wall clock is stepped back (NTP)
    tracker.record(OPENAI, new BigDecimal("5"));
    clock.set(clock.instant().plusSeconds(60));
    tracker.record(OPENAI, new BigDecimal("0.01"));
    assertThat(calls[0]).as("checks must not stop until the clock is back at 12:01").isEqualTo(1);
  }

  @Test
  void listener_throwing_doesNotBreakRecording() {
    BudgetListener bad = new BudgetListener() {
      @Override
      public void forecastAboveBudget(SpendForecast f) {
        throw new IllegalStateException("boom");
      }
    };
    CostTracker tracker = CostTracker.builder().clock(clock).budgetUsd(BigDecimal.ONE).listener(bad)
        .checkInterval(Duration.ZERO).build();
    tracker.record(OPENAI, BigDecimal.TEN);
    assertThat(tracker.monthToDate()).isEqualByComparingTo("10");
  }

  @Test
  void listener_throwing_isToldAgainAtTheNextCheck_untilItTakesTheAlert() {
    int[] calls = new int[2];
    BudgetListener flaky = new BudgetListener() {
      @Override
      public void forecastAboveBudget(SpendForecast f) {
        if (++calls[0] == 1) {
          throw new IllegalStateException("pager unreachable");
        }
      }

      @Override
      public void spendAboveBudget(SpendForecast f) {
        calls[1]++;
      }
    };
    CostTracker tracker = CostTracker.builder().clock(clock).budgetUsd(BigDecimal.ONE).listener(flaky)
        .checkInterval(Duration.ZERO).build();
    tracker.record(OPENAI, BigDecimal.TEN);  // forecast and spend above budget: the forecast alert fails
    assertThat(calls).containsExactly(1, 1);
    tracker.record(OPENAI, BigDecimal.ONE);  // the undelivered alert is still armed: told again
    assertThat(calls).containsExactly(2, 1);
    tracker.record(OPENAI, BigDecimal.ONE);  // delivered once: not again this month
    assertThat(calls).containsExactly(2, 1);
  }

  @Test
  void snapshot_toJson_matchesTheDocumentedFormat() {
    CostTracker tracker = CostTracker.builder().clock(clock).build();
    tracker.record(CostTags.builder().provider("openai").model("gpt-4o-mini").tenant("acme").build(),
        new BigDecimal("12.3456789"));
    tracker.record(OPENAI, new BigDecimal("0.0000001"), Instant.parse("2026-10-02T00:00:00Z"));
    assertThat(tracker.snapshot().toJson()).isEqualTo("{\"version\":1,\"takenAt\":\"2026-11-28T12:00:00Z\","
        + "\"zone\":\"Z\",\"entries\":["
        + "{\"month\":\"2026-10\",\"provider\":\"openai\",\"model\":\"gpt-4o-mini\",\"feature\":\"\","
        + "\"tenant\":\"\",\"usd\":\"0.0000001\"},"
        + "{\"month\":\"2026-11\",\"provider\":\"openai\",\"model\":\"gpt-4o-mini\",\"feature\":\"\","
        + "\"tenant\":\"acme\",\"usd\":\"12.3456789\"}]}");
  }

  @Test
  void restore_fromJson_continuesWithTheExactTotals() {
    String json = "{\"version\":1,\"takenAt\":\"2026-11-28T10:00:00Z\",\"zone\":\"Z\",\"entries\":["
        + "{\"month\":\"2026-11\",\"provider\":\"openai\",\"model\":\"gpt-4o-mini\",\"feature\":\"\","
        + "\"tenant\":\"acme\",\"usd\":\"12.3456789\"}]}";
    CostTracker tracker = CostTracker.builder().clock(clock).build();
    tracker.restore(CostSnapshot.fromJson(json));
    tracker.record(OPENAI, new BigDecimal("0.0000000001"));
    assertThat(tracker.monthToDate()).isEqualByComparingTo("12.3456789001");
    CostTracker again = CostTracker.builder().clock(clock).build();
    again.restore(CostSnapshot.fromJson(tracker.snapshot().toJson()));
    assertThat(again.spendByTags(YearMonth.of(2026, 11))).isEqualTo(tracker.spendByTags(YearMonth.of(2026, 11)));
  }

  @Test
  void restore_badSnapshots_areRejected() {
    CostTracker tracker = CostTracker.builder().clock(clock).build();
    CostSnapshot berlin = CostSnapshot.builder().takenAt("x").zone("Europe/Berlin").build();
    assertThatThrownBy(() -> tracker.restore(berlin))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("zone must be Z, but was Europe/Berlin");
    assertThatThrownBy(() -> CostSnapshot.fromJson("{\"version\":2,\"takenAt\":\"x\",\"zone\":\"Z\"}"))
        .hasMessage("version must be 1, but was 2");
    assertThatThrownBy(() -> CostSnapshot.fromJson("{\"zone\":\"Z\""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("json must be a cost snapshot");
  }

  @Test
  void record_negativeAmount_isRejected() {
    CostTracker tracker = CostTracker.builder().clock(clock).build();
    assertThatThrownBy(() -> tracker.record(OPENAI, new BigDecimal("-0.01")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("usd must be >= 0, but was -0.01");
  }

  @Test
  void builder_badValues_areRejected() {
    assertThatThrownBy(() -> CostTracker.builder().budgetUsd(BigDecimal.ZERO))
        .hasMessage("budgetUsd must be > 0, but was 0");
    assertThatThrownBy(() -> CostTracker.builder().checkInterval(Duration.ofSeconds(-1)))
        .hasMessage("checkInterval must be >= 0, but was PT-1S");
    assertThatThrownBy(() -> CostTags.of("", "m")).hasMessage("provider must not be empty, but was \"\"");
  }

  @Test
  void demandShape_badWeights_areRejected() {
    assertThatThrownBy(() -> DemandShape.ofHourOfDay(new double[23]))
        .hasMessage("weights.length must be 24, but was 23");
    assertThatThrownBy(() -> DemandShape.ofHourOfDay(new double[24]))
        .hasMessage("weights must not all be 0, but were all 0");
    double[] w = new double[168];
    w[3] = -1;
    assertThatThrownBy(() -> DemandShape.ofHourOfWeek(w))
        .hasMessage("weights[3] must be finite and >= 0, but was -1.0");
    assertThat(Map.of("flat", DemandShape.flat().weight(java.time.DayOfWeek.SUNDAY, 23))).containsValue(1.0);
  }
}
