package dev.tradeoff.examples.sim;

import static dev.tradeoff.examples.sim.SimTestSupport.ANTHROPIC_AUTH;
import static dev.tradeoff.examples.sim.SimTestSupport.OPENAI_AUTH;
import static dev.tradeoff.examples.sim.SimTestSupport.anthropicShape;
import static dev.tradeoff.examples.sim.SimTestSupport.chatRequest;
import static dev.tradeoff.examples.sim.SimTestSupport.chatShape;
import static dev.tradeoff.examples.sim.SimTestSupport.fast;
import static dev.tradeoff.examples.sim.SimTestSupport.fieldNames;
import static dev.tradeoff.examples.sim.SimTestSupport.fixture;
import static dev.tradeoff.examples.sim.SimTestSupport.messagesRequest;
import static dev.tradeoff.examples.sim.SimTestSupport.parseSse;
import static dev.tradeoff.examples.sim.SimTestSupport.post;
import static dev.tradeoff.examples.sim.SimTestSupport.rawPost;
import static dev.tradeoff.examples.sim.SimTestSupport.responsesRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tradeoff.examples.sim.SimTestSupport.Response;
import dev.tradeoff.examples.sim.SimTestSupport.SseEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every injected fault and outage kind, shaped as the real provider sends it. */
final class SimulatedProviderFaultTest {

  private static final String OPENAI_KEY = "Authorization: Bearer sk-test-key";

  private static SimulatedProvider sim;

  private static FaultProfile.Builder faults() {
    return FaultProfile.builder();
  }

  @BeforeAll
  static void start() {
    Duration hour = Duration.ofHours(1);
    sim = SimTestSupport.start(
        fast("rl-openai").faults(faults().rateLimitProbability(1).retryAfterSeconds(3).build()).build(),
        fast("rl-anthropic").wireFormats(WireFormat.ANTHROPIC_MESSAGES)
            .faults(faults().rateLimitProbability(1).retryAfterSeconds(2).build()).build(),
        fast("err-openai").faults(faults().serverErrorProbability(1).serverErrorStatus(503).build()).build(),
        fast("err-anthropic").wireFormats(WireFormat.ANTHROPIC_MESSAGES)
            .faults(faults().serverErrorProbability(1).serverErrorStatus(529).build()).build(),
        fast("mid").faults(faults().midStreamErrorProbability(1).build()).build(),
        fast("stall").faults(faults().stallProbability(1).build()).build(),
        fast("reset").faults(faults().connectionResetProbability(1).build()).build(),
        fast("outage-rl").outage(OutageWindow.of(Duration.ZERO, hour, OutageKind.RATE_LIMITED)).build(),
        fast("outage-overloaded").outage(OutageWindow.of(Duration.ZERO, hour, OutageKind.OVERLOADED)).build(),
        fast("outage-reset").outage(OutageWindow.of(Duration.ZERO, hour, OutageKind.CONNECTION_RESET)).build(),
        fast("outage-later").outage(OutageWindow.of(hour, hour.multipliedBy(2), OutageKind.SERVER_ERROR)).build());
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void rateLimit_onOpenAi_is429WithRetryAfterAndOpenAiErrorBody() {
    Response response = post(sim, "/v1/chat/completions", OPENAI_AUTH, chatRequest("rl-openai", true));

    assertThat(response.status()).isEqualTo(429);
    assertThat(response.header("retry-after")).isEqualTo("3");
    assertThat(response.header("x-tradeoff-simulated")).isEqualTo("true");
    JsonNode error = response.json().path("error");
    assertThat(fieldNames(response.json())).containsExactly("error");
    assertThat(fieldNames(error)).containsExactly("message", "type", "param", "code");
    assertThat(error.path("code").asText()).isEqualTo("rate_limit_exceeded");
    assertThat(error.path("message").asText()).contains("Please try again in 3s");
  }

  @Test
  void rateLimit_onAnthropic_is429WithRetryAfterAndAnthropicErrorBody() {
    Response response = post(sim, "/v1/messages", ANTHROPIC_AUTH, messagesRequest("rl-anthropic", true));

    assertThat(response.status()).isEqualTo(429);
    assertThat(response.header("retry-after")).isEqualTo("2");
    JsonNode body = response.json();
    assertThat(fieldNames(body)).containsExactly("type", "error", "request_id");
    assertThat(body.path("type").asText()).isEqualTo("error");
    assertThat(body.path("error").path("type").asText()).isEqualTo("rate_limit_error");
    assertThat(body.path("request_id").asText()).isEqualTo(response.header("request-id"));
  }

  @Test
  void serverError_onOpenAi_isTheConfiguredStatusWithServerErrorBody() {
    Response response = post(sim, "/v1/responses", OPENAI_AUTH, responsesRequest("err-openai", true));

    assertThat(response.status()).isEqualTo(503);
    JsonNode error = response.json().path("error");
    assertThat(error.path("type").asText()).isEqualTo("server_error");
    assertThat(error.path("message").asText()).contains("overloaded");
  }

  @Test
  void serverError_529onAnthropic_isShapedLikeTheDocumentedOverloadedError() {
    Response response = post(sim, "/v1/messages", ANTHROPIC_AUTH, messagesRequest("err-anthropic", false));

    assertThat(response.status()).isEqualTo(529);
    JsonNode documented = parseSse(fixture("anthropic-error-overloaded-docs.sse")).get(0).json();
    JsonNode body = response.json();
    assertThat(body.path("type").asText()).isEqualTo(documented.path("type").asText());
    assertThat(body.path("error").path("type").asText()).isEqualTo(documented.path("error").path("type").asText());
    assertThat(body.path("error").path("message").asText())
        .isEqualTo(documented.path("error").path("message").asText());
  }

  @Test
  void midStreamError_onChat_endsWithErrorChunkAfterHttp200AndNoDone() {
    Response response = post(sim, "/v1/chat/completions", OPENAI_AUTH, chatRequest("mid", true));

    assertThat(response.status()).isEqualTo(200);
    List<SseEvent> events = parseSse(response.body());
    List<String> shape = chatShape(events);
    assertThat(shape.get(shape.size() - 1)).isEqualTo("ERROR");
    assertThat(shape).doesNotContain("DONE", "USAGE", "FINISH");
    JsonNode recorded = parseSse(fixture("groq-chat-error-event.sse")).stream()
        .filter(e -> "error".equals(e.event())).findFirst().orElseThrow().json();
    JsonNode error = events.get(events.size() - 1).json();
    assertThat(fieldNames(error)).isEqualTo(fieldNames(recorded));
    assertThat(fieldNames(error.path("error"))).contains("message", "type", "code");
  }

  @Test
  void midStreamError_onResponses_endsWithErrorEvent() {
    Response response = post(sim, "/v1/responses", OPENAI_AUTH, responsesRequest("mid", true));

    List<SseEvent> events = parseSse(response.body());
    SseEvent last = events.get(events.size() - 1);
    assertThat(response.status()).isEqualTo(200);
    assertThat(last.event()).isEqualTo("error");
    assertThat(last.json().path("type").asText()).isEqualTo("error");
    assertThat(events).noneMatch(e -> "response.completed".equals(e.event()));
  }

  @Test
  void midStreamError_onAnthropic_isTheDocumentedErrorEvent() throws Exception {
    SimulatedProvider anthropic = SimTestSupport.start(fast("mid-claude").wireFormats(WireFormat.ANTHROPIC_MESSAGES)
        .faults(faults().midStreamErrorProbability(1).build()).build());
    try (anthropic) {
      Response response = post(anthropic, "/v1/messages", ANTHROPIC_AUTH, messagesRequest("mid-claude", true));

      assertThat(response.status()).isEqualTo(200);
      List<SseEvent> events = parseSse(response.body());
      SseEvent last = events.get(events.size() - 1);
      SseEvent documented = parseSse(fixture("anthropic-error-overloaded-docs.sse")).get(0);
      assertThat(last.event()).isEqualTo(documented.event());
      assertThat(last.json().path("type")).isEqualTo(documented.json().path("type"));
      assertThat(last.json().path("error").path("type")).isEqualTo(documented.json().path("error").path("type"));
      assertThat(anthropicShape(events)).startsWith("message_start", "content_block_start", "ping")
          .doesNotContain("message_stop");
    }
  }

  @Test
  void midStreamError_whenNotStreaming_isHttp500() {
    Response response = post(sim, "/v1/chat/completions", OPENAI_AUTH, chatRequest("mid", false));

    assertThat(response.status()).isEqualTo(500);
    assertThat(response.json().path("error").path("type").asText()).isEqualTo("server_error");
  }

  @Test
  void stall_sendsHeadersThenKeepsTheConnectionOpenWithoutData() throws IOException {
    try (Socket socket = rawPost(sim, "/v1/chat/completions", OPENAI_KEY, chatRequest("stall", true))) {
      socket.setSoTimeout(500);
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[8192];
      assertThatThrownBy(() -> {
        while (true) {
          int n = in.read(buffer);
          if (n < 0) {
            break;
          }
          received.write(buffer, 0, n);
        }
      }).as("the stream neither ends nor closes").isInstanceOf(SocketTimeoutException.class);
      String text = received.toString(StandardCharsets.UTF_8);
      assertThat(text).startsWith("HTTP/1.1 200 OK").doesNotContain("[DONE]");
    }
  }

  @Test
  void connectionReset_midStream_resetsTheTcpConnection() throws IOException {
    try (Socket socket = rawPost(sim, "/v1/chat/completions", OPENAI_KEY, chatRequest("reset", true))) {
      socket.setSoTimeout(5_000);
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[8192];
      assertThatThrownBy(() -> {
        while (in.read(buffer) >= 0) {
          // drain until the reset
        }
      }).isInstanceOf(SocketException.class).hasMessageContaining("reset");
    }
  }

  @Test
  void outage_rateLimited_is429WithRetryAfterUntilTheWindowEnds() {
    Response response = post(sim, "/v1/chat/completions", OPENAI_AUTH, chatRequest("outage-rl", true));

    assertThat(response.status()).isEqualTo(429);
    assertThat(Integer.parseInt(response.header("retry-after"))).isBetween(3500, 3600);
  }

  @Test
  void outage_overloaded_is503OnOpenAi() {
    Response response = post(sim, "/v1/chat/completions", OPENAI_AUTH, chatRequest("outage-overloaded", true));

    assertThat(response.status()).isEqualTo(503);
  }

  @Test
  void outage_connectionReset_refusesWithoutAnyResponseByte() throws IOException {
    try (Socket socket = rawPost(sim, "/v1/chat/completions", OPENAI_KEY, chatRequest("outage-reset", true))) {
      socket.setSoTimeout(5_000);
      InputStream in = socket.getInputStream();
      assertThatThrownBy(() -> {
        int first = in.read();
        if (first >= 0) {
          throw new AssertionError("got a response byte");
        }
        throw new SocketException("closed without reset");
      }).isInstanceOf(SocketException.class).hasMessageContaining("reset");
    }
  }

  @Test
  void outage_inTheFuture_doesNotApplyYet() {
    Response response = post(sim, "/v1/chat/completions", OPENAI_AUTH, chatRequest("outage-later", true));

    assertThat(response.status()).isEqualTo(200);
  }

  @Test
  void outage_afterItsWindowEnds_servesAgain() throws InterruptedException {
    SimulatedProvider shortOutage = SimTestSupport.start(fast("flaky").wireFormats(WireFormat.ANTHROPIC_MESSAGES)
        .outage(OutageWindow.of(Duration.ZERO, Duration.ofMillis(300), OutageKind.OVERLOADED)).build());
    try (shortOutage) {
      Response during = post(shortOutage, "/v1/messages", ANTHROPIC_AUTH, messagesRequest("flaky", true));
      Thread.sleep(400);
      Response after = post(shortOutage, "/v1/messages", ANTHROPIC_AUTH, messagesRequest("flaky", true));

      assertThat(during.status()).isEqualTo(529);
      assertThat(during.json().path("error").path("type").asText()).isEqualTo("overloaded_error");
      assertThat(after.status()).isEqualTo(200);
    }
  }
}
