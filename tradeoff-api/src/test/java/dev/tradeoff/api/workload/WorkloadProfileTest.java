package dev.tradeoff.api.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tradeoff.api.TradeoffException;
import dev.tradeoff.pricing.plan.DemandCurve;
import dev.tradeoff.pricing.plan.TokenMix;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

final class WorkloadProfileTest {

  private static WorkloadProfile chatbot() {
    return WorkloadProfile.builder().traffic(DailyUsers.of(1_000, 1, 5)).tokens(TokenProfile.of(1_200, 300)).build();
  }

  @Test
  void requestsPerMonth_1000Dau5Turns_isDailyRequestsTimes730Over24() {
    // 1,000 users x 1 conversation x 5 turns = 5,000 requests a day; a month is 730 h = 30.4167 days
    assertThat(chatbot().requestsPerMonth()).isCloseTo(5_000 * 730 / 24.0, within(1e-6));
    assertThat(chatbot().conversationsPerMonth().getAsDouble()).isCloseTo(1_000 * 730 / 24.0, within(1e-6));
  }

  @Test
  void demandCurve_flatDailyUsers_tokensPerMinuteIsHourlyRequestsTimesTokensOver60() {
    DemandCurve curve = chatbot().demandCurve();

    // 5,000 / 24 = 208.33 requests/hour x 1,500 tokens / 60 = 5,208.33 tokens/min, every hour
    assertThat(curve.tokensPerMinute()).hasSize(168).allSatisfy(v -> assertThat(v).isCloseTo(5_208.3333, within(1e-3)));
    assertThat(curve.tokensPerMonth()).isCloseTo(152_083.3333 * 1_500, within(1.0));
    assertThat(curve.mix()).isEqualTo(TokenMix.of(1_200, 300));
  }

  @Test
  void toTokenMix_sharesGiven_splitsInputAndOutputByClass() {
    TokenProfile p = TokenProfile.builder().addBucket(TokenBucket.of(1_000, 300, 1))
        .cachedShare(0.25).cacheWriteShare(0.05).reasoningShare(0.2).build();

    TokenMix mix = p.toTokenMix();

    assertThat(mix.input()).isCloseTo(700, within(1e-9));
    assertThat(mix.cacheRead()).isCloseTo(250, within(1e-9));
    assertThat(mix.cacheWrite5m()).isCloseTo(50, within(1e-9));
    assertThat(mix.output()).isCloseTo(240, within(1e-9));
    assertThat(mix.reasoning()).isCloseTo(60, within(1e-9));
    assertThat(mix.totalPerRequest()).isCloseTo(1_300, within(1e-9));
  }

  @Test
  void tokenProfile_buckets_meansAreWeightedAndMaxIsLargestPrompt() {
    TokenProfile p = TokenProfile.builder()
        .addBucket(TokenBucket.of(800, 200, 0.7))
        .addBucket(TokenBucket.of(6_000, 500, 0.3))
        .build();

    assertThat(p.meanInputTokens()).isCloseTo(0.7 * 800 + 0.3 * 6_000, within(1e-9));
    assertThat(p.meanOutputTokens()).isCloseTo(0.7 * 200 + 0.3 * 500, within(1e-9));
    assertThat(p.maxInputTokens()).isEqualTo(6_000);
  }

  @Test
  void dailyUsers_zeroUsers_throwsNamingTheField() {
    assertThatThrownBy(() -> DailyUsers.of(0, 1, 5))
        .isInstanceOf(TradeoffException.class)
        .hasMessage("dailyActiveUsers must be > 0 and finite (a workload needs traffic), but was 0.0");
  }

  @Test
  void dailyUsers_negativeTurns_throws() {
    assertThatThrownBy(() -> DailyUsers.of(1_000, 1, -5))
        .isInstanceOf(TradeoffException.class)
        .hasMessageContaining("turnsPerConversation must be > 0");
  }

  @Test
  void requestRate_nan_throws() {
    assertThatThrownBy(() -> RequestRate.of(Double.NaN))
        .isInstanceOf(TradeoffException.class)
        .hasMessageContaining("requestsPerHour must be > 0 and finite");
  }

  @Test
  void hourlyRequests_allZero_throws() {
    assertThatThrownBy(() -> HourlyRequests.of(new double[168]))
        .isInstanceOf(TradeoffException.class)
        .hasMessageContaining("not all zero");
  }

  @Test
  void hourlyRequests_negativeHour_throwsNamingTheHour() {
    double[] week = new double[168];
    Arrays.fill(week, 10);
    week[37] = -1;
    assertThatThrownBy(() -> HourlyRequests.of(week))
        .isInstanceOf(TradeoffException.class)
        .hasMessage("requestsPerHour[37] must be >= 0 and finite, but was -1.0");
  }

  @Test
  void tokenProfile_zeroTokens_throws() {
    assertThatThrownBy(() -> TokenProfile.of(0, 0))
        .isInstanceOf(TradeoffException.class)
        .hasMessageContaining("tokens per request must be > 0");
  }

  @Test
  void tokenProfile_sharesAboveOne_throws() {
    assertThatThrownBy(() -> TokenProfile.builder().from(TokenProfile.of(100, 10)).cachedShare(0.8)
        .cacheWriteShare(0.3).build())
        .isInstanceOf(TradeoffException.class)
        .hasMessageContaining("cachedShare + cacheWriteShare must be <= 1");
  }

  @Test
  void weeklyShape_diurnal_peakAndTroughAreOnePlusMinusAmplitude() {
    WeeklyShape s = WeeklyShape.diurnal(14, 0.6);

    assertThat(s.factor(14)).isCloseTo(1.6, within(1e-12));
    assertThat(s.factor(2)).isCloseTo(0.4, within(1e-12));
    assertThat(s.factor(24 * 3 + 14)).isCloseTo(1.6, within(1e-12));
  }

  @Test
  void shape_doesNotChangeTheMonthlyTotals() {
    WorkloadProfile flat = chatbot();
    WorkloadProfile shaped = WorkloadProfile.builder().from(flat)
        .traffic(DailyUsers.of(1_000, 1, 5).withShape(WeeklyShape.daily(officeHours(), 0.2))).build();

    assertThat(shaped.requestsPerMonth()).isCloseTo(flat.requestsPerMonth(), within(1e-6));
    assertThat(shaped.demandCurve().tokensPerMonth()).isCloseTo(flat.demandCurve().tokensPerMonth(), within(1e-3));
  }

  @Test
  void stats_flat_steadyWithPeakToAverageOne() {
    WorkloadStats s = chatbot().stats();

    assertThat(s.pattern()).isEqualTo(TrafficPattern.STEADY);
    assertThat(s.peakToAverage()).isCloseTo(1, within(1e-9));
    assertThat(s.coefficientOfVariation()).isCloseTo(0, within(1e-9));
    assertThat(s.meanTokensPerMinute()).isCloseTo(5_208.3333, within(1e-3));
  }

  @Test
  void stats_cosineCycle_coefficientOfVariationIsAmplitudeOverRootTwoAndDiurnal() {
    WorkloadProfile p = WorkloadProfile.builder().from(chatbot())
        .traffic(DailyUsers.of(1_000, 1, 5).withShape(WeeklyShape.diurnal(14, 0.6))).build();

    WorkloadStats s = p.stats();

    // the mean of cos^2 over a full period of 24 equally spaced samples is 1/2, so sd = a / sqrt(2)
    assertThat(s.coefficientOfVariation()).isCloseTo(0.6 / Math.sqrt(2), within(1e-9));
    assertThat(s.peakToAverage()).isCloseTo(1.6, within(1e-9));
    assertThat(s.pattern()).isEqualTo(TrafficPattern.DIURNAL);
  }

  @Test
  void stats_burstFactorAtThreshold_bursty() {
    WorkloadProfile p = WorkloadProfile.builder().from(chatbot())
        .traffic(DailyUsers.of(1_000, 1, 5).withBurstFactor(WorkloadStats.BURSTY_MIN_BURST_FACTOR)).build();

    WorkloadStats s = p.stats();

    assertThat(s.peakTokensPerMinute()).isCloseTo(2 * 5_208.3333, within(1e-3));
    assertThat(s.pattern()).isEqualTo(TrafficPattern.BURSTY);
  }

  @Test
  void classify_thresholds_asDocumented() {
    assertThat(WorkloadStats.classify(1.5, 0.25, 1.0)).isEqualTo(TrafficPattern.STEADY);
    assertThat(WorkloadStats.classify(1.51, 0.1, 1.0)).isEqualTo(TrafficPattern.DIURNAL);
    assertThat(WorkloadStats.classify(1.2, 0.26, 1.0)).isEqualTo(TrafficPattern.DIURNAL);
    assertThat(WorkloadStats.classify(3.99, 1.0, 1.99)).isEqualTo(TrafficPattern.DIURNAL);
    assertThat(WorkloadStats.classify(4.0, 1.0, 1.0)).isEqualTo(TrafficPattern.BURSTY);
    assertThat(WorkloadStats.classify(1.0, 0.0, 2.0)).isEqualTo(TrafficPattern.BURSTY);
  }

  @Test
  void stats_oneSpikeHour_bursty() {
    double[] week = new double[168];
    Arrays.fill(week, 100);
    week[50] = 5_000;

    WorkloadStats s = WorkloadProfile.builder().traffic(HourlyRequests.of(week)).tokens(TokenProfile.of(500, 100))
        .build().stats();

    // mean = (167 x 100 + 5,000) / 168 = 129.17 requests/hour; peak / mean = 38.7
    assertThat(s.peakToAverage()).isCloseTo(5_000 / ((167 * 100 + 5_000) / 168.0), within(1e-9));
    assertThat(s.pattern()).isEqualTo(TrafficPattern.BURSTY);
  }

  @Test
  void times_two_doublesRequestsAndKeepsTheShape() {
    WorkloadProfile p = chatbot().times(2);

    assertThat(p.requestsPerMonth()).isCloseTo(2 * chatbot().requestsPerMonth(), within(1e-6));
    assertThat(((DailyUsers) p.traffic()).dailyActiveUsers()).isEqualTo(2_000);
  }

  @Test
  void times_zero_throws() {
    assertThatThrownBy(() -> chatbot().times(0)).isInstanceOf(TradeoffException.class)
        .hasMessageContaining("factor must be > 0");
  }

  @Test
  void growth_belowMinusOne_throws() {
    assertThatThrownBy(() -> WorkloadProfile.builder().from(chatbot()).growthPerYear(-1).build())
        .isInstanceOf(TradeoffException.class).hasMessageContaining("growthPerYear must be > -1");
  }

  private static double[] officeHours() {
    double[] day = new double[24];
    Arrays.fill(day, 0.1);
    for (int h = 9; h < 17; h++) {
      day[h] = 1;
    }
    return day;
  }
}
