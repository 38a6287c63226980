package dev.tradeoff.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeoff.metrics.RequestResult;
import dev.tradeoff.metrics.WireApi;
import dev.tradeoff.metrics.client.ChatRequest;
import dev.tradeoff.metrics.client.ClientConfig;
import dev.tradeoff.metrics.client.TokenEstimation;
import dev.tradeoff.metrics.testing.Servers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The client's own connection pool is split into shards (OkHttp's pool scans every connection on each acquire
 * and each release); requests still all run at once — the dispatcher never queues them — and a second wave
 * reuses the first wave's connections instead of opening new ones.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
final class ConnectionShardsTest {

  private static final String BODY =
      "data: {\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}\n\n"
          + "data: {\"choices\":[{\"delta\":{\"content\":\"Hello\"}}]}\n\n"
          + "data: {\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
          + "data: [DONE]\n\n";

  private MockWebServer server;
  private final ConcurrentLinkedQueue<RecordedRequest> recorded = new ConcurrentLinkedQueue<>();
  private volatile CountDownLatch arrived;
  private volatile CountDownLatch gate;

  @BeforeEach
  void start() throws IOException {
    server = Servers.loopback();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            recorded.add(request);
            arrived.countDown();
            gate.await(); // hold every response until the whole wave has arrived
            return new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(BODY).build();
          }
        });
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private OkHttpLlmClient client(int maxConcurrent) {
    return OkHttpLlmClient.create(
        ClientConfig.builder()
            .api(WireApi.OPENAI_CHAT)
            .model("gpt-4o-mini")
            .baseUrl(server.url("/v1").toString())
            .tokenEstimation(TokenEstimation.NEVER)
            .maxConcurrentRequests(maxConcurrent)
            .build());
  }

  /** Sends {@code n} requests, waits until the server holds all of them at once, then lets them finish. */
  private List<RequestResult> wave(OkHttpLlmClient client, int n) throws Exception {
    arrived = new CountDownLatch(n);
    gate = new CountDownLatch(1);
    List<CompletableFuture<RequestResult>> futures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      futures.add(client.submit(ChatRequest.ofUser("Where is my parcel?")));
    }
    // OkHttp's default dispatcher (5 per host) would leave this waiting: the client must not queue.
    arrived.await();
    assertThat(client.inFlight()).isEqualTo(n);
    gate.countDown();
    List<RequestResult> results = new ArrayList<>();
    for (CompletableFuture<RequestResult> f : futures) {
      results.add(f.get());
    }
    // A connection returns to its pool just after its result completes; wait for all of them.
    while (client.idleConnectionCount() != client.connectionCount()) {
      Thread.sleep(5);
    }
    return results;
  }

  @Test
  void defaultLimits_manyShards_allRequestsRunAtOnceAndConnectionsAreReused() throws Exception {
    try (OkHttpLlmClient client = client(ClientConfig.DEFAULT_MAX_CONCURRENT_REQUESTS)) {
      assertThat(client.shardCount()).isEqualTo(16);

      List<RequestResult> first = wave(client, 40);
      List<RequestResult> second = wave(client, 40);

      assertThat(first).allMatch(RequestResult::succeeded);
      assertThat(second).allMatch(RequestResult::succeeded);
      Set<Integer> connections = new HashSet<>();
      for (RecordedRequest r : recorded) {
        connections.add(r.getConnectionIndex());
      }
      assertThat(recorded).hasSize(80);
      assertThat(connections).hasSize(40);
      assertThat(client.connectionCount()).isEqualTo(40);
    }
  }

  @Test
  void fewConcurrentRequests_oneShard() throws Exception {
    try (OkHttpLlmClient client = client(8)) {
      assertThat(client.shardCount()).isEqualTo(1);

      List<RequestResult> results = wave(client, 8);

      assertThat(results).allMatch(RequestResult::succeeded);
      assertThat(client.connectionCount()).isEqualTo(8);
    }
  }

  @Test
  void shardCount_oneShardPer64Connections_atMost32() {
    assertThat(OkHttpLlmClient.shardCount(1)).isEqualTo(1);
    assertThat(OkHttpLlmClient.shardCount(64)).isEqualTo(1);
    assertThat(OkHttpLlmClient.shardCount(65)).isEqualTo(2);
    assertThat(OkHttpLlmClient.shardCount(1000)).isEqualTo(16);
    assertThat(OkHttpLlmClient.shardCount(1 << 20)).isEqualTo(16); // idle connections are capped at 1,024
  }
}
