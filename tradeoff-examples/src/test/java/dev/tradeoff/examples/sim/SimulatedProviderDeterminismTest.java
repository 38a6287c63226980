package dev.tradeoff.examples.sim;

import static dev.tradeoff.examples.sim.SimTestSupport.OPENAI_AUTH;
import static dev.tradeoff.examples.sim.SimTestSupport.chatRequest;
import static dev.tradeoff.examples.sim.SimTestSupport.parseSse;
import static dev.tradeoff.examples.sim.SimTestSupport.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeoff.examples.sim.SimTestSupport.SseEvent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The same seed gives the same token sequence; request keys make it independent of arrival order. */
final class SimulatedProviderDeterminismTest {

  private static SimulatedProvider start(long seed) {
    ModelProfile varied = ModelProfile.builder("varied")
        .ttftMillis(Distribution.logNormal(5, 0.5))
        .interTokenGapMillis(Distribution.normal(1, 0.5))
        .outputTokens(Distribution.logNormal(40, 0.6))
        .source("test profile (assumption)")
        .asOf(LocalDate.of(2026, 11, 28))
        .build();
    return SimulatedProvider.start(SimulatorConfig.builder().seed(seed).addProfile(varied).build());
  }

  private static List<String> tokens(SimulatedProvider sim, Map<String, String> extraHeaders) {
    Map<String, String> headers = new HashMap<>(OPENAI_AUTH);
    headers.putAll(extraHeaders);
    List<String> tokens = new ArrayList<>();
    for (SseEvent event : parseSse(post(sim, "/v1/chat/completions", headers, chatRequest("varied", true)).body())) {
      if (!event.data().equals("[DONE]")) {
        String content = event.json().path("choices").path(0).path("delta").path("content").asText("");
        if (!content.isEmpty()) {
          tokens.add(content);
        }
      }
    }
    return tokens;
  }

  @Test
  void sameSeed_sameRequestOrder_givesTheSameTokenSequences() {
    List<List<String>> first = new ArrayList<>();
    List<List<String>> second = new ArrayList<>();
    try (SimulatedProvider a = start(11); SimulatedProvider b = start(11)) {
      for (int i = 0; i < 3; i++) {
        first.add(tokens(a, Map.of()));
        second.add(tokens(b, Map.of()));
      }
    }
    assertThat(second).isEqualTo(first);
    assertThat(first.get(0)).isNotEqualTo(first.get(1));
  }

  @Test
  void sameSeed_sameRequestKey_givesTheSameTokensWhateverCameBefore() {
    try (SimulatedProvider a = start(11); SimulatedProvider b = start(11)) {
      List<String> direct = tokens(a, Map.of("x-tradeoff-sim-seed", "5"));
      tokens(b, Map.of());
      tokens(b, Map.of("x-tradeoff-sim-seed", "6"));
      List<String> later = tokens(b, Map.of("x-tradeoff-sim-seed", "5"));

      assertThat(later).isEqualTo(direct);
    }
  }

  @Test
  void differentSeed_givesADifferentTokenSequence() {
    try (SimulatedProvider a = start(11); SimulatedProvider b = start(12)) {
      assertThat(tokens(b, Map.of())).isNotEqualTo(tokens(a, Map.of()));
    }
  }
}
