package dev.tradeoff.metrics.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeoff.metrics.EventKind;
import dev.tradeoff.metrics.RequestResult;
import dev.tradeoff.metrics.StreamMeter;
import dev.tradeoff.metrics.TokenUsage;
import dev.tradeoff.metrics.WireApi;
import java.math.BigInteger;
import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** The TPOT objective against exact rational arithmetic. */
final class SloProperties {

  @Property(tries = 1000)
  void tpotSlo_isMet_exactlyWhenTheFractionalTpotIsAtMostTheThreshold(
      @ForAll @LongRange(min = 0, max = 10_000_000_000L) long ttftNanos,
      @ForAll @LongRange(min = 0, max = 100_000_000_000L) long spanNanos,
      @ForAll @LongRange(min = 2, max = 100_000) long outputTokens,
      @ForAll @LongRange(min = 0, max = 1_000_000_000L) long thresholdNanos) {
    StreamMeter m = StreamMeter.start(0, 0);
    m.event(EventKind.CONTENT, ttftNanos);
    RequestResult r = RequestResult.builder()
        .api(WireApi.OPENAI_CHAT)
        .model("m")
        .timeline(m.finish(ttftNanos + spanNanos))
        .usage(TokenUsage.builder().inputTokens(1).outputTokens(outputTokens).build())
        .httpStatus(200)
        .build();
    // span / (n − 1) <= threshold, in BigInteger
    boolean expected = BigInteger.valueOf(spanNanos)
        .compareTo(BigInteger.valueOf(thresholdNanos).multiply(BigInteger.valueOf(outputTokens - 1))) <= 0;

    assertThat(Slo.of(LatencyMetric.TPOT, Duration.ofNanos(thresholdNanos)).isMetBy(r)).isEqualTo(expected);
  }
}
