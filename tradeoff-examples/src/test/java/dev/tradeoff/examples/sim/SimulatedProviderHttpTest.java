package dev.tradeoff.examples.sim;

import static dev.tradeoff.examples.sim.SimTestSupport.chatRequest;
import static dev.tradeoff.examples.sim.SimTestSupport.fast;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HTTP/1.1 over a raw socket: keep-alive, chunked request bodies, 100-continue and malformed requests. */
final class SimulatedProviderHttpTest {

  private static SimulatedProvider sim;

  @BeforeAll
  static void start() {
    sim = SimulatedProvider.start(SimulatorConfig.builder().maxRequestBytes(4096)
        .addProfile(fast("gpt-test").wireFormats(WireFormat.OPENAI_CHAT_COMPLETIONS).build()).build());
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  private static String head(String extra) {
    return "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer k\r\n"
        + "Content-Type: application/json\r\n" + extra + "\r\n";
  }

  private static String fixed(String body) {
    return head("Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n") + body;
  }

  /** Reads until {@code count} occurrences of {@code marker} have arrived (or the peer closes). */
  private static String readUntil(InputStream in, String marker, int count) throws IOException {
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    while (occurrences(received.toString(StandardCharsets.UTF_8), marker) < count) {
      int n = in.read(buffer);
      if (n < 0) {
        break;
      }
      received.write(buffer, 0, n);
    }
    return received.toString(StandardCharsets.UTF_8);
  }

  private static int occurrences(String text, String marker) {
    int count = 0;
    for (int at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + 1)) {
      count++;
    }
    return count;
  }

  @Test
  void twoPipelinedRequests_onOneConnection_getTwoCompleteStreams() throws IOException {
    try (Socket socket = new Socket("127.0.0.1", sim.port())) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      out.write((fixed(chatRequest("gpt-test", true)) + fixed(chatRequest("gpt-test", true)))
          .getBytes(StandardCharsets.UTF_8));
      out.flush();

      String received = readUntil(socket.getInputStream(), "data: [DONE]", 2);

      assertThat(occurrences(received, "HTTP/1.1 200 OK")).isEqualTo(2);
      assertThat(occurrences(received, "data: [DONE]")).isEqualTo(2);
      assertThat(occurrences(received, "\r\n0\r\n\r\n")).as("two terminated chunked bodies").isEqualTo(2);
    }
  }

  @Test
  void chunkedRequestBody_withExpectContinue_isAnsweredWith100ThenTheResponse() throws IOException {
    String body = chatRequest("gpt-test", false);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    int half = bytes.length / 2;
    try (Socket socket = new Socket("127.0.0.1", sim.port())) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write(head("Transfer-Encoding: chunked\r\nExpect: 100-continue\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String interim = readUntil(in, "\r\n\r\n", 1);
      out.write((Integer.toHexString(half) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(bytes, 0, half);
      out.write(("\r\n" + Integer.toHexString(bytes.length - half) + ";ext=1\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(bytes, half, bytes.length - half);
      out.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String response = readUntil(in, "\"usage\"", 1);

      assertThat(interim).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
      assertThat(response).startsWith("HTTP/1.1 200 OK").contains("\"object\":\"chat.completion\"");
    }
  }

  @Test
  void requestOverTheLimit_is413AndCloses() throws IOException {
    StringBuilder big = new StringBuilder("{\"model\":\"gpt-test\",\"messages\":[{\"role\":\"user\",\"content\":\"");
    big.append("x".repeat(8192)).append("\"}]}");
    try (Socket socket = new Socket("127.0.0.1", sim.port())) {
      socket.setSoTimeout(5_000);
      socket.getOutputStream().write(fixed(big.toString()).getBytes(StandardCharsets.UTF_8));

      String response = readUntil(socket.getInputStream(), "never", 1);

      assertThat(response).startsWith("HTTP/1.1 413 ").contains("Connection: close").contains("\"error\"");
    }
  }

  @Test
  void malformedRequestLine_is400AndCloses() throws IOException {
    try (Socket socket = new Socket("127.0.0.1", sim.port())) {
      socket.setSoTimeout(5_000);
      socket.getOutputStream().write("HELLO\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

      String response = readUntil(socket.getInputStream(), "never", 1);

      assertThat(response).startsWith("HTTP/1.1 400 ").contains("malformed request line");
    }
  }

  @Test
  void connectionClose_closesAfterTheResponse() throws IOException {
    String body = chatRequest("gpt-test", false);
    try (Socket socket = new Socket("127.0.0.1", sim.port())) {
      socket.setSoTimeout(5_000);
      socket.getOutputStream().write((head("Connection: close\r\nContent-Length: "
          + body.getBytes(StandardCharsets.UTF_8).length + "\r\n") + body).getBytes(StandardCharsets.UTF_8));

      String response = readUntil(socket.getInputStream(), "never", 1);

      assertThat(response).startsWith("HTTP/1.1 200 OK").contains("Connection: close").endsWith("}");
    }
  }
}
