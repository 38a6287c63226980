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
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * {@link LlmClient} over OkHttp: one dispatcher with raised limits, one streaming call per request.
 *
 * <p>With its own pool, the client spreads its connections over {@link #shardCount} OkHttp clients, each with its
 * own {@link ConnectionPool} of at most {@value #CONNECTIONS_PER_SHARD} connections in steady use, and sends each
 * request through the shard with the fewest requests in flight. Why: OkHttp's pool scans <em>every</em> connection
 * when a call looks for an idle one and again — its cleanup task — each time a connection becomes idle. With one
 * pool of 1,000 streaming connections that is two O(1,000) scans per request, each taking every connection's lock;
 * measured with {@code LoadRunnerCapacity} (1,000 streams, 183 requests/s, 2 cores) it was a third of the client's
 * CPU samples ({@code RealConnectionPool.pruneAndGetAllocationCount} alone 23%), CPU taken from the very threads
 * whose read times are the measurements. Least-in-flight keeps the shards level, so a request finds an idle
 * connection in its shard whenever one pool would have had one (a new connection is opened only when the total
 * concurrency reaches a new high, plus at most one per shard).
 */
public final class OkHttpLlmClient implements LlmClient {

  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final AtomicInteger CLIENT_IDS = new AtomicInteger();
  /** Connections per pool shard the client aims at; the O(connections) pool scans stay this short. */
  static final int CONNECTIONS_PER_SHARD = 64;
  /** Most pool shards of one client. */
  static final int MAX_SHARDS = 32;

  final ClientConfig config;
  /** The first shard: the one OkHttp client when the pool is shared; kept for {@link #http()}. */
  final OkHttpClient http;
  private final OkHttpClient[] shards;
  /** Requests in flight per shard, for least-in-flight selection. */
  private final AtomicInteger[] shardLoad;
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
    // A timed request waits for its send time on its own thread: one handed over more than 5 ms ahead sleeps
    // before OkHttp's own work (first application interceptor); the wait for the send time itself comes after
    // it, right before the request is written (last network interceptor).
    b.interceptors().add(0, APPROACH_SEND_TIME);
    b.addNetworkInterceptor(AWAIT_SEND_TIME);
    int shardCount = ownsPool ? shardCount(config.maxConcurrentRequests()) : 1;
    this.shards = new OkHttpClient[shardCount];
    this.shardLoad = new AtomicInteger[shardCount];
    // Keep as many idle connections as streams may run, or every load step would reconnect; shards stay level
    // (least in flight), so each needs about its share, with room for uneven moments.
    int idle = Math.min(config.maxConcurrentRequests(), 1024);
    int idlePerShard = shardCount == 1 ? idle : Math.min(idle, 2 * ((idle + shardCount - 1) / shardCount));
    for (int i = 0; i < shardCount; i++) {
      if (ownsPool) {
        b.connectionPool(new ConnectionPool(idlePerShard, 5, TimeUnit.MINUTES));
      }
      shards[i] = b.build();
      shardLoad[i] = new AtomicInteger();
    }
    this.http = shards[0];
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

  /** Shards for a client that may run {@code maxConcurrent} requests: one per {@value #CONNECTIONS_PER_SHARD}. */
  static int shardCount(int maxConcurrent) {
    int connections = Math.min(maxConcurrent, 1024);
    return Math.max(1, Math.min(MAX_SHARDS, (connections + CONNECTIONS_PER_SHARD - 1) / CONNECTIONS_PER_SHARD));
  }

  /** The shard with the fewest requests in flight (the lowest index among equals); O(shards), no locks. */
  int acquireShard() {
    int best = 0;
    int bestLoad = shardLoad[0].get();
    for (int i = 1; i < shardLoad.length && bestLoad > 0; i++) {
      int load = shardLoad[i].get();
      if (load < bestLoad) {
        best = i;
        bestLoad = load;
      }
    }
    shardLoad[best].incrementAndGet();
    return best;
  }

  void releaseShard(int shard) {
    shardLoad[shard].decrementAndGet();
  }

  OkHttpClient shard(int shard) {
    return shards[shard];
  }

  /** How many pool shards this client uses (1 when it shares a caller's pool). */
  public int shardCount() {
    return shards.length;
  }

  /** Connections open in all of this client's pools (in use and idle). */
  public int connectionCount() {
    return sumOverPools(ConnectionPool::connectionCount);
  }

  /** Idle connections in all of this client's pools. */
  public int idleConnectionCount() {
    return sumOverPools(ConnectionPool::idleConnectionCount);
  }

  /** A count summed over the shards' pools (one shard, the caller's pool, when the pool is shared). */
  private int sumOverPools(ToIntFunction<ConnectionPool> count) {
    int n = 0;
    for (OkHttpClient c : shards) {
      n += count.applyAsInt(c.connectionPool());
    }
    return n;
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
    return submit(request, now, now, false);
  }

  @Override
  public CompletableFuture<RequestResult> submit(ChatRequest request, long intendedStartNanos) {
    return submit(request, intendedStartNanos, System.nanoTime(), false);
  }

  @Override
  public CompletableFuture<RequestResult> submitAt(ChatRequest request, long sendAtNanos) {
    long now = System.nanoTime();
    boolean ahead = sendAtNanos - now > 0;
    return submit(request, sendAtNanos, ahead ? sendAtNanos : now, ahead);
  }

  /**
   * @param start the actual start: now, or (timed) the send time, which {@link StreamingCall#awaitSendTime()}
   *     replaces with the moment its thread actually sends
   */
  private CompletableFuture<RequestResult> submit(
      ChatRequest request, long intendedStartNanos, long start, boolean timed) {
    Objects.requireNonNull(request, "request");
    if (closed) {
      throw new IllegalStateException("client is closed");
    }
    StreamingCall call = new StreamingCall(this, request, bodies.body(request), intendedStartNanos, start, timed);
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

  /** The OkHttp client (the first shard), for tests that inspect its configuration. */
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
      for (OkHttpClient c : shards) {
        c.connectionPool().evictAll();
      }
    }
  }

  @Override
  public String toString() {
    return "OkHttpLlmClient{api=" + config.api() + ", model=" + config.model() + ", host=" + endpoint.host() + "}";
  }

  /** Holds a timed request ({@link #submitAt}) until 5 ms before its send time, on the thread that sends it. */
  private static final Interceptor APPROACH_SEND_TIME = forEachCall(StreamingCall::approachSendTime);

  /** Holds a timed request ({@link #submitAt}) until its send time, with its connection, just before the write. */
  private static final Interceptor AWAIT_SEND_TIME = forEachCall(StreamingCall::awaitSendTime);

  private static Interceptor forEachCall(Consumer<StreamingCall> step) {
    return chain -> {
      StreamingCall c = chain.request().tag(StreamingCall.class);
      if (c != null) {
        step.accept(c);
      }
      return chain.proceed(chain.request());
    };
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
