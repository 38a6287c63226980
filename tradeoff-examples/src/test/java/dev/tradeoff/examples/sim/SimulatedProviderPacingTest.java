package dev.tradeoff.examples.sim;

import static dev.tradeoff.examples.sim.SimTestSupport.ANTHROPIC_AUTH;
import static dev.tradeoff.examples.sim.SimTestSupport.CLIENT;
import static dev.tradeoff.examples.sim.SimTestSupport.OPENAI_AUTH;
import static dev.tradeoff.examples.sim.SimTestSupport.chatRequest;
import static dev.tradeoff.examples.sim.SimTestSupport.messagesRequest;
import static dev.tradeoff.examples.sim.SimTestSupport.postTimed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeoff.examples.sim.SimTestSupport.TimedResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Token pacing measured from the client side: with constant TTFT and gap, every token must arrive within
 * {@link #TOLERANCE_MILLIS} of its scheduled instant. (The server's own error is a fraction of a millisecond: the
 * loop writes a step between 250 µs early and about one park overshoot late.) A shared two-core machine running other builds can stall any process
 * for tens of milliseconds, so each measurement gets up to {@link #ATTEMPTS} tries and passes if one is on time.
 */
final class SimulatedProviderPacingTest {

  /** Allowed client-side error of each TTFT and each gap, in milliseconds. */
  static final double TOLERANCE_MILLIS = 20;
  /** Tries per measurement. */
  static final int ATTEMPTS = 3;

  private static SimulatedProvider sim;

  private static ModelProfile.Builder paced(String id, double ttft, double gap, int tokens) {
    return ModelProfile.builder(id)
        .ttftMillis(Distribution.constant(ttft))
        .interTokenGapMillis(Distribution.constant(gap))
        .outputTokens(Distribution.constant(tokens))
        .source("test profile (assumption)")
        .asOf(LocalDate.of(2026, 11, 28));
  }

  @BeforeAll
  static void start() {
    sim = SimTestSupport.start(
        paced("paced", 150, 40, 20).build(),
        paced("thinking-hidden", 100, 10, 5).reasoningTokens(Distribution.constant(5)).build());
    // warm up the connection pool and the JIT so that the first measured request pays no set-up cost
    postTimed(CLIENT, sim.baseUrl().resolve("/v1/chat/completions"), OPENAI_AUTH, chatRequest("paced", true));
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void chatStream_constantTtftAndGap_arriveWithinTolerance() {
    assertOnTime(() -> {
      TimedResponse response = postTimed(CLIENT, sim.baseUrl().resolve("/v1/chat/completions"), OPENAI_AUTH,
          chatRequest("paced", true));
      List<Double> arrivals = response.dataArrivalsMillis("\"content\":\"");
      List<Double> tokens = arrivals.subList(1, arrivals.size()); // the first match is the role chunk's ""
      assertThat(response.status()).isEqualTo(200);
      assertThat(tokens).hasSize(20);
      assertPaced(tokens, 150, 40);
    });
  }

  @Test
  void pacingSummary_countsTheStepsOfAStreamAndReportsCumulativeShares() {
    long before = steps(sim.pacingSummary());

    TimedResponse response = postTimed(CLIENT, sim.baseUrl().resolve("/v1/chat/completions"), OPENAI_AUTH,
        chatRequest("paced", true));

    assertThat(response.status()).isEqualTo(200);
    String summary = sim.pacingSummary();
    // at least the 20 token events, plus the head and the closing events (other tests may add their own)
    assertThat(steps(summary) - before).isGreaterThanOrEqualTo(20);
    assertThat(summary).matches(
        "server write lateness over \\d+ steps:( <=\\d+ms \\d+\\.\\d\\d%){7} max=\\d+\\.\\d\\dms");
    double[] shares = Pattern.compile("(\\d+\\.\\d\\d)%").matcher(summary).results()
        .mapToDouble(m -> Double.parseDouble(m.group(1))).toArray();
    assertThat(shares).hasSize(7);
    for (int i = 1; i < shares.length; i++) {
      assertThat(shares[i]).as("cumulative").isGreaterThanOrEqualTo(shares[i - 1]);
    }
    assertThat(shares[6]).isLessThanOrEqualTo(100.0);
  }

  @Test
  void traceFirstTokens_recordsWhatWasInjectedUnderTheResponsesRequestId() {
    sim.traceFirstTokens(true);
    List<FirstTokenTiming> timings;
    SimTestSupport.Response chat;
    SimTestSupport.Response messages;
    try {
      chat = SimTestSupport.post(sim, "/v1/chat/completions", OPENAI_AUTH, chatRequest("paced", true));
      messages = SimTestSupport.post(sim, "/v1/messages", ANTHROPIC_AUTH, messagesRequest("paced", true));
      timings = sim.firstTokenTimings();
    } finally {
      sim.traceFirstTokens(false);
    }

    assertThat(chat.status()).isEqualTo(200);
    assertThat(messages.status()).isEqualTo(200);
    List<String> ids = List.of(chat.header("x-request-id"), messages.header("request-id"));
    List<FirstTokenTiming> ours = timings.stream().filter(t -> ids.contains(t.requestId())).toList();
    assertThat(ours).extracting(FirstTokenTiming::requestId).containsExactlyInAnyOrderElementsOf(ids);
    for (FirstTokenTiming t : ours) {
      assertThat(t.dueNanos() - t.receivedNanos()).as("the profile's constant TTFT").isEqualTo(150_000_000L);
      // a loop writes every step due within 250 µs together, so a first token may go out that early
      assertThat(t.latenessNanos()).isGreaterThanOrEqualTo(-250_000L);
      assertThat(t.injectedNanos()).isEqualTo(t.writtenNanos() - t.receivedNanos());
    }
    assertThat(sim.firstTokenTimings()).as("off: nothing kept").isEmpty();
  }

  private static long steps(String summary) {
    Matcher m = Pattern.compile("over (\\d+) steps").matcher(summary);
    assertThat(m.find()).as(summary).isTrue();
    return Long.parseLong(m.group(1));
  }

  @Test
  void messagesStream_constantTtftAndGap_arriveWithinTolerance() {
    assertOnTime(() -> {
      TimedResponse response = postTimed(CLIENT, sim.baseUrl().resolve("/v1/messages"), ANTHROPIC_AUTH,
          messagesRequest("paced", true));
      List<Double> tokens = response.dataArrivalsMillis("\"text_delta\"");
      assertThat(tokens).hasSize(20);
      assertPaced(tokens, 150, 40);
    });
  }

  @Test
  void hiddenReasoning_delaysTheFirstVisibleTokenByOneGapPerReasoningToken() {
    assertOnTime(() -> {
      TimedResponse response = postTimed(CLIENT, sim.baseUrl().resolve("/v1/chat/completions"), OPENAI_AUTH,
          chatRequest("thinking-hidden", true));
      List<Double> arrivals = response.dataArrivalsMillis("\"content\":\"");
      List<Double> tokens = arrivals.subList(1, arrivals.size());
      assertThat(tokens).hasSize(5);
      assertPaced(tokens, 100 + 5 * 10, 10);
    });
  }

  /** Runs a timing measurement up to {@link #ATTEMPTS} times; the last failure is reported. */
  private static void assertOnTime(Runnable measurement) {
    for (int attempt = 1; ; attempt++) {
      try {
        measurement.run();
        return;
      } catch (AssertionError e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private static void assertPaced(List<Double> tokens, double ttft, double gap) {
    assertThat(tokens.get(0)).as("TTFT in ms").isBetween(ttft - TOLERANCE_MILLIS, ttft + TOLERANCE_MILLIS);
    for (int i = 1; i < tokens.size(); i++) {
      double actual = tokens.get(i) - tokens.get(i - 1);
      assertThat(actual).as("gap %d in ms", i).isBetween(gap - TOLERANCE_MILLIS, gap + TOLERANCE_MILLIS);
    }
    double end = tokens.get(tokens.size() - 1);
    double expectedEnd = ttft + gap * (tokens.size() - 1);
    assertThat(end).as("last token in ms").isBetween(expectedEnd - TOLERANCE_MILLIS, expectedEnd + TOLERANCE_MILLIS);
  }
}
