package dev.tradeoff.metrics.testing;

import dev.tradeoff.metrics.EventKind;
import dev.tradeoff.metrics.Failure;
import dev.tradeoff.metrics.FailureKind;
import dev.tradeoff.metrics.RequestResult;
import dev.tradeoff.metrics.StreamMeter;
import dev.tradeoff.metrics.TokenUsage;
import dev.tradeoff.metrics.WireApi;
import java.math.BigDecimal;

/** Synthetic request results with exact timelines, for aggregation tests. */
public final class Results {

  public static final long MS = 1_000_000L;

  private Results() {}

  /**
   * A successful request starting at {@code start}: a role chunk at +1 ms, content events at the given offsets
   * (ms), end 5 ms after the last; usage {@code in}/{@code out} tokens.
   */
  public static RequestResult success(long start, long[] contentOffsetsMs, long in, long out) {
    StreamMeter m = StreamMeter.start(start, start);
    m.responseHeaders(start + MS / 2);
    m.event(EventKind.ROLE_ONLY, start + MS);
    long last = start + MS;
    for (long off : contentOffsetsMs) {
      last = start + off * MS;
      m.event(EventKind.CONTENT, last);
    }
    m.event(EventKind.USAGE, last + MS);
    return RequestResult.builder()
        .api(WireApi.OPENAI_CHAT)
        .model("m")
        .timeline(m.finish(last + 5 * MS))
        .usage(TokenUsage.builder().inputTokens(in).outputTokens(out).build())
        .costUsd(new BigDecimal("0.001"))
        .httpStatus(200)
        .build();
  }

  public static RequestResult failure(long start, long durationMs, FailureKind kind) {
    StreamMeter m = StreamMeter.start(start, start);
    return RequestResult.builder()
        .api(WireApi.OPENAI_CHAT)
        .model("m")
        .timeline(m.finish(start + durationMs * MS))
        .failure(Failure.of(kind, "synthetic " + kind.wireName()))
        .build();
  }
}
