package dev.tradeoff.benchmarks;

import dev.tradeoff.metrics.load.Schedule;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Three <em>non-blocking</em> HTTP clients from libraries on the load runner's schedule, for {@link
 * LoadRunnerCapacity} ({@code --client jdk-peer}, {@code jetty-peer}, {@code netty-peer}): the JDK's {@code
 * java.net.http.HttpClient} and Eclipse Jetty 12's {@code HttpClient}, each with a pool of {@code --threads}
 * threads (default 8) behind its selector, and Netty 4.2's HTTP codec on {@code --threads} event loops (the
 * handler runs on the event loop itself; keep-alive connections are reused). They answer one question: would
 * swapping OkHttp's thread per stream for an event-driven library client bring the TTFT error down on this
 * machine? Like {@link NioStreamPeer} they only time the first content token (a byte scan, no parsing) and are
 * not measured subjects.
 */
final class ClientPeers {

  private ClientPeers() {}

  /** One request's first-token scan; {@link #accept} is called with each body buffer as it arrives. */
  private static final class FirstToken {
    private final int seq;
    private final long sentNanos;
    private final double[] ttftMs;
    private int match;
    private boolean found;

    FirstToken(int seq, long sentNanos, double[] ttftMs) {
      this.seq = seq;
      this.sentNanos = sentNanos;
      this.ttftMs = ttftMs;
    }

    void accept(ByteBuffer b, long now) {
      for (int i = b.position(); i < b.limit() && !found; i++) {
        byte c = b.get(i);
        match = c == NioStreamPeer.TOKEN[match] ? match + 1 : (c == NioStreamPeer.TOKEN[0] ? 1 : 0);
        if (match == NioStreamPeer.TOKEN.length) {
          found = true;
          ttftMs[seq] = (now - sentNanos) / 1e6;
        }
      }
    }
  }

  /** Sends one request; {@code done} runs once with whether it failed. */
  private interface Sender {
    void send(int seq, FirstToken scan, Consumer<Boolean> done);
  }

  static NioStreamPeer.Result jdk(URI base, String body, Schedule schedule, long timeoutNanos, int threads)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(pool).build();
      HttpRequest request = HttpRequest.newBuilder(base.resolve("/v1/chat/completions"))
          .header("Authorization", "Bearer sk-simulated").header("Accept", "text/event-stream")
          .header("Content-Type", "application/json; charset=utf-8")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build();
      return run(schedule, timeoutNanos, (seq, scan, done) ->
          client.sendAsync(request, info -> new ScanSubscriber(scan))
              .whenComplete((r, e) -> done.accept(e != null || r.statusCode() != 200)));
    } finally {
      pool.shutdownNow();
    }
  }

  static NioStreamPeer.Result jetty(URI base, String body, Schedule schedule, long timeoutNanos, int threads)
      throws Exception {
    org.eclipse.jetty.client.HttpClient client = new org.eclipse.jetty.client.HttpClient();
    QueuedThreadPool pool = new QueuedThreadPool(threads, Math.min(threads, 8));
    pool.setName("jetty-peer");
    client.setExecutor(pool);
    client.setMaxConnectionsPerDestination(4096);
    client.setMaxRequestsQueuedPerDestination(4096);
    client.start();
    try {
      URI uri = base.resolve("/v1/chat/completions");
      return run(schedule, timeoutNanos, (seq, scan, done) -> {
        Request r = client.newRequest(uri).method(HttpMethod.POST)
            .headers(h -> h.put("Authorization", "Bearer sk-simulated").put("Accept", "text/event-stream"))
            .body(new StringRequestContent("application/json", body))
            .idleTimeout(60, TimeUnit.SECONDS);
        r.onResponseContent((response, content) -> scan.accept(content, System.nanoTime()));
        r.send(result -> done.accept(result.isFailed() || result.getResponse().getStatus() != 200));
      });
    } finally {
      client.stop();
    }
  }

  static NioStreamPeer.Result netty(URI base, String body, Schedule schedule, long timeoutNanos, int threads)
      throws InterruptedException {
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
    try {
      Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
          .option(ChannelOption.TCP_NODELAY, true)
          .handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
              ch.pipeline().addLast(new HttpClientCodec(), new NettyExchange());
            }
          });
      ConcurrentLinkedDeque<Channel> idle = new ConcurrentLinkedDeque<>();
      byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
      String host = base.getHost() + ":" + base.getPort();
      return run(schedule, timeoutNanos, (seq, scan, done) -> {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1,
            io.netty.handler.codec.http.HttpMethod.POST, "/v1/chat/completions", Unpooled.wrappedBuffer(bodyBytes));
        request.headers().set(HttpHeaderNames.HOST, host).set(HttpHeaderNames.AUTHORIZATION, "Bearer sk-simulated")
            .set(HttpHeaderNames.ACCEPT, "text/event-stream")
            .set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8")
            .setInt(HttpHeaderNames.CONTENT_LENGTH, bodyBytes.length);
        Consumer<Channel> exchange = ch -> {
          ch.pipeline().get(NettyExchange.class).start(scan, bad -> {
            if (!bad) {
              idle.addLast(ch);
            } else {
              ch.close();
            }
            done.accept(bad);
          });
          ch.writeAndFlush(request);
        };
        Channel ch;
        while ((ch = idle.pollLast()) != null && !ch.isActive()) {
          // a closed keep-alive connection: drop it
        }
        if (ch != null) {
          exchange.accept(ch);
        } else {
          bootstrap.connect(base.getHost(), base.getPort()).addListener(f -> {
            if (f.isSuccess()) {
              exchange.accept(((io.netty.channel.ChannelFuture) f).channel());
            } else {
              done.accept(true);
            }
          });
        }
      });
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
  }

  /** Netty: one exchange at a time per connection, on its event loop. */
  private static final class NettyExchange extends SimpleChannelInboundHandler<HttpObject> {
    private FirstToken scan;
    private Consumer<Boolean> done;
    private boolean ok;

    void start(FirstToken scan, Consumer<Boolean> done) {
      this.scan = scan;
      this.done = done;
      this.ok = false;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
      long now = System.nanoTime();
      if (msg instanceof io.netty.handler.codec.http.HttpResponse) {
        ok = ((io.netty.handler.codec.http.HttpResponse) msg).status().code() == 200;
      }
      if (msg instanceof HttpContent) {
        scan.accept(((HttpContent) msg).content().nioBuffer(), now);
      }
      if (msg instanceof LastHttpContent) {
        finish(!ok);
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      finish(true);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      finish(true);
      ctx.close();
    }

    private void finish(boolean bad) {
      Consumer<Boolean> d = done;
      done = null;
      if (d != null) {
        d.accept(bad);
      }
    }
  }

  /** The schedule, sent from this thread (park, then spin the last 80 µs, as the load runner's sender). */
  private static NioStreamPeer.Result run(Schedule schedule, long timeoutNanos, Sender sender)
      throws InterruptedException {
    int n = schedule.size();
    double[] ttft = new double[n];
    double[] lag = new double[n];
    Arrays.fill(ttft, Double.NaN);
    AtomicInteger failed = new AtomicInteger();
    AtomicInteger open = new AtomicInteger();
    int maxOpen = 0;
    CountDownLatch done = new CountDownLatch(n);
    long start = System.nanoTime() + 20_000_000L;
    for (int i = 0; i < n; i++) {
      long intended = start + schedule.offsetNanos(i);
      for (long rem; (rem = intended - System.nanoTime()) > 0; ) {
        if (rem > 80_000) {
          LockSupport.parkNanos(rem - 80_000);
        } else {
          Thread.onSpinWait();
        }
      }
      long sent = System.nanoTime();
      lag[i] = (sent - intended) / 1e6;
      int seq = i;
      maxOpen = Math.max(maxOpen, open.incrementAndGet());
      sender.send(seq, new FirstToken(seq, sent, ttft), bad -> {
        if (bad || Double.isNaN(ttft[seq])) {
          failed.incrementAndGet();
        }
        open.decrementAndGet();
        done.countDown();
      });
    }
    done.await(timeoutNanos, TimeUnit.NANOSECONDS);
    return new NioStreamPeer.Result(ttft, lag, failed.get() + (int) done.getCount(), maxOpen);
  }

  /** The JDK client's body: every buffer through the scan, nothing kept. */
  private static final class ScanSubscriber implements HttpResponse.BodySubscriber<Void> {
    private final FirstToken scan;
    private final CompletableFuture<Void> result = new CompletableFuture<>();

    ScanSubscriber(FirstToken scan) {
      this.scan = scan;
    }

    @Override
    public CompletionStage<Void> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      long now = System.nanoTime();
      for (ByteBuffer b : items) {
        scan.accept(b, now);
      }
    }

    @Override
    public void onError(Throwable t) {
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      result.complete(null);
    }
  }
}
