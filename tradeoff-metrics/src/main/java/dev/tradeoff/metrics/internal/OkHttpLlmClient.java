package dev.tradeoff.metrics.internal;

import dev.tradeoff.metrics.RequestResult;
import dev.tradeoff.metrics.client.ChatRequest;
import dev.tradeoff.metrics.client.ClientConfig;
import dev.tradeoff.metrics.client.LlmClient;
import dev.tradeoff.metrics.client.TokenEstimation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** {@link LlmClient} over OkHttp: one dispatcher with raised limits, one streaming call per request. */
public final class OkHttpLlmClient implements LlmClient {

  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final AtomicInteger CLIENT_IDS = new AtomicInteger();

  final ClientConfig config;
  final OkHttpClient http;
  final Redactor redactor;
  final ScheduledThreadPoolExecutor retryScheduler;
  final TokenEstimator estimator;
  private final RequestBodies bodies;
  private final HttpUrl endpoint;
  private final ExecutorService executor;
  private final boolean ownsPool;
  private final Set<StreamingCall> inFlight = ConcurrentHashMap.newKeySet();
  volatile boolean closed;

  private OkHttpLlmClient(ClientConfig config, OkHttpClient base, boolean ownsPool) {
    this.config = config;
    this.ownsPool = ownsPool;
    int id = CLIENT_IDS.incrementAndGet();
    this.executor =
        new ThreadPoolExecutor(
            0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), daemon("tradeoff-stream-" + id + "-"));
    Dispatcher dispatcher = new Dispatcher(executor);
    dispatcher.setMaxRequests(config.maxConcurrentRequests());
    dispatcher.setMaxRequestsPerHost(config.maxConcurrentRequests());
    OkHttpClient.Builder b =
        base.newBuilder()
            .dispatcher(dispatcher)
            .connectTimeout(config.connectTimeout())
            .readTimeout(config.idleTimeout())
            .writeTimeout(config.idleTimeout())
            .callTimeout(config.callTimeout())
            // Retries are ours, visible in RequestResult.attempts(); OkHttp's silent ones would hide failures.
            .retryOnConnectionFailure(false)
            .eventListenerFactory(call -> TIMING.plusBase(base, call));
    if (ownsPool) {
      // Keep as many idle connections as streams may run, or every load step would reconnect.
      b.connectionPool(new ConnectionPool(Math.min(config.maxConcurrentRequests(), 1024), 5, TimeUnit.MINUTES));
    }
    this.http = b.build();
    List<String> secrets = new ArrayList<>();
    secrets.add(config.apiKey().reveal());
    for (Map.Entry<String, String> h : config.headers().entrySet()) {
      secrets.add(h.getValue());
    }
    this.redactor = new Redactor(secrets);
    this.retryScheduler = new ScheduledThreadPoolExecutor(1, daemon("tradeoff-retry-" + id + "-"));
    this.retryScheduler.setRemoveOnCancelPolicy(true);
    // Loading a BPE table takes a while; skip it when no estimate will ever be made.
    this.estimator =
        config.tokenEstimation() == TokenEstimation.NEVER ? null : TokenEstimator.forModel(config.model());
    this.bodies = new RequestBodies(config);
    this.endpoint = endpoint(config);
  }

  /** A client with its own connection pool (closed with the client). */
  public static OkHttpLlmClient create(ClientConfig config) {
    Objects.requireNonNull(config, "config");
    return new OkHttpLlmClient(config, new OkHttpClient(), true);
  }

  /** A client sharing {@code base}'s connection pool (left open when this client closes). */
  public static OkHttpLlmClient create(ClientConfig config, OkHttpClient base) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(base, "base");
    return new OkHttpLlmClient(config, base, false);
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  private static HttpUrl endpoint(ClientConfig config) {
    HttpUrl base = Objects.requireNonNull(HttpUrl.parse(config.baseUrl()), "baseUrl");
    HttpUrl.Builder b = base.newBuilder();
    // Drop a trailing empty segment so "…/v1/" and "…/v1" behave the same.
    List<String> segments = base.pathSegments();
    if (!segments.isEmpty() && segments.get(segments.size() - 1).isEmpty()) {
      b.removePathSegment(segments.size() - 1);
    }
    switch (config.api()) {
      case OPENAI_CHAT:
        return b.addPathSegment("chat").addPathSegment("completions").build();
      case OPENAI_RESPONSES:
        return b.addPathSegment("responses").build();
      case ANTHROPIC_MESSAGES:
        return b.addPathSegment("messages").build();
      case GEMINI:
        return b.addPathSegment("models")
            .addPathSegment(config.model() + ":streamGenerateContent")
            .addQueryParameter("alt", "sse")
            .build();
      default:
        throw new IllegalArgumentException("unsupported api " + config.api());
    }
  }

  Request newRequest(byte[] body, StreamingCall tag) {
    Request.Builder b =
        new Request.Builder()
            .url(endpoint)
            .post(RequestBody.create(body, JSON))
            .header("Accept", "text/event-stream")
            .tag(StreamingCall.class, tag);
    String key = config.apiKey().reveal();
    switch (config.api()) {
      case OPENAI_CHAT:
      case OPENAI_RESPONSES:
        if (!key.isEmpty()) {
          b.header("Authorization", "Bearer " + key);
        }
        break;
      case ANTHROPIC_MESSAGES:
        if (!key.isEmpty()) {
          b.header("x-api-key", key);
        }
        b.header("anthropic-version", ClientConfig.ANTHROPIC_VERSION);
        break;
      case GEMINI:
        if (!key.isEmpty()) {
          b.header("x-goog-api-key", key);
        }
        break;
      default:
        throw new IllegalArgumentException("unsupported api " + config.api());
    }
    for (Map.Entry<String, String> h : config.headers().entrySet()) {
      b.header(h.getKey(), h.getValue());
    }
    return b.build();
  }

  @Override
  public ClientConfig config() {
    return config;
  }

  @Override
  public CompletableFuture<RequestResult> submit(ChatRequest request) {
    long now = System.nanoTime();
    return submit(request, now, now);
  }

  @Override
  public CompletableFuture<RequestResult> submit(ChatRequest request, long intendedStartNanos) {
    return submit(request, intendedStartNanos, System.nanoTime());
  }

  private CompletableFuture<RequestResult> submit(ChatRequest request, long intendedStartNanos, long start) {
    Objects.requireNonNull(request, "request");
    if (closed) {
      throw new IllegalStateException("client is closed");
    }
    StreamingCall call = new StreamingCall(this, request, bodies.body(request), intendedStartNanos, start);
    inFlight.add(call);
    call.startAttempt();
    return call.future();
  }

  void finished(StreamingCall call) {
    inFlight.remove(call);
  }

  @Override
  public int inFlight() {
    return inFlight.size();
  }

  /** The OkHttp client, for tests that inspect the connection pool. */
  public OkHttpClient http() {
    return http;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (StreamingCall c : inFlight) {
      c.cancel();
    }
    http.dispatcher().cancelAll();
    retryScheduler.shutdownNow();
    executor.shutdown();
    if (ownsPool) {
      http.connectionPool().evictAll();
    }
  }

  @Override
  public String toString() {
    return "OkHttpLlmClient{api=" + config.api() + ", model=" + config.model() + ", host=" + endpoint.host() + "}";
  }

  /** One shared listener: it keeps no state, it writes into the call's {@link StreamingCall} tag. */
  private static final TimingListener TIMING = new TimingListener();

  private static final class TimingListener extends EventListener {

    EventListener plusBase(OkHttpClient base, Call call) {
      EventListener other = base.eventListenerFactory().create(call);
      return other == EventListener.NONE ? this : this.plus(other);
    }

    private static StreamingCall tag(Call call) {
      return call.request().tag(StreamingCall.class);
    }

    @Override
    public void connectionAcquired(Call call, Connection connection) {
      StreamingCall c = tag(call);
      if (c != null) {
        c.connected = true;
      }
    }

    @Override
    public void requestHeadersStart(Call call) {
      StreamingCall c = tag(call);
      if (c != null) {
        c.requestSent(System.nanoTime());
      }
    }

    @Override
    public void responseHeadersEnd(Call call, Response response) {
      StreamingCall c = tag(call);
      if (c != null) {
        c.headersNanos = System.nanoTime();
      }
    }
  }
}
