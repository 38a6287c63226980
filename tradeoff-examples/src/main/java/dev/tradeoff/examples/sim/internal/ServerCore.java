package dev.tradeoff.examples.sim.internal;

import dev.tradeoff.examples.sim.FirstTokenTiming;
import dev.tradeoff.examples.sim.SimulatorConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.List;
import java.util.Locale;

/**
 * The running server behind {@code SimulatedProvider}: a listening socket, {@code ioThreads} event loops and the
 * {@link ArrivalWatch} that times requests' arrivals for them.
 * Thread-safe: {@link #close()} may be called from any thread, more than once.
 */
public final class ServerCore implements AutoCloseable {

  private static final int BACKLOG = 4096;

  private final ServerSocketChannel server;
  private final EventLoop[] loops;
  private final ArrivalWatch arrivals;
  private final Router router;
  private final int port;
  private boolean closed;

  private ServerCore(ServerSocketChannel server, EventLoop[] loops, ArrivalWatch arrivals, Router router, int port) {
    this.server = server;
    this.loops = loops;
    this.arrivals = arrivals;
    this.router = router;
    this.port = port;
  }

  /**
   * Binds and starts the server.
   *
   * @throws UncheckedIOException if the address cannot be bound
   */
  public static ServerCore start(SimulatorConfig config) {
    ServerSocketChannel server = null;
    try {
      server = ServerSocketChannel.open();
      server.bind(new InetSocketAddress(config.bindAddress(), config.port()), BACKLOG);
      server.configureBlocking(false);
      Router router = new Router(config, System.nanoTime());
      ArrivalWatch arrivals = new ArrivalWatch("tradeoff-sim-arrivals");
      EventLoop[] loops = new EventLoop[config.ioThreads()];
      for (int i = 0; i < loops.length; i++) {
        loops[i] = new EventLoop("tradeoff-sim-io-" + i, router, config.maxRequestBytes(), arrivals);
      }
      loops[0].accept(server, loops);
      arrivals.start();
      for (EventLoop loop : loops) {
        loop.start();
      }
      int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
      return new ServerCore(server, loops, arrivals, router, port);
    } catch (IOException e) {
      if (server != null) {
        try {
          server.close();
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw new UncheckedIOException("cannot start the simulated provider on " + config.bindAddress().getHostAddress()
          + ":" + config.port() + ": " + e.getMessage(), e);
    }
  }

  /** The bound port. */
  public int port() {
    return port;
  }

  /**
   * Server-side pacing: how late the steps (response head, token events, closing events) were handed to the
   * socket relative to their due instants, as cumulative shares per bucket, plus the maximum. For experiments;
   * the numbers are read without synchronisation.
   */
  public String pacingSummary() {
    long[] counts = new long[EventLoop.LATENESS_BUCKET_MILLIS.length + 1];
    long max = 0;
    for (EventLoop loop : loops) {
      for (int i = 0; i < counts.length; i++) {
        counts[i] += loop.lateness[i];
      }
      max = Math.max(max, loop.maxLatenessNanos);
    }
    long total = 0;
    for (long count : counts) {
      total += count;
    }
    StringBuilder sb = new StringBuilder("server write lateness over ").append(total).append(" steps:");
    long cumulative = 0;
    for (int i = 0; i < EventLoop.LATENESS_BUCKET_MILLIS.length; i++) {
      cumulative += counts[i];
      sb.append(String.format(Locale.ROOT, " <=%dms %.2f%%", EventLoop.LATENESS_BUCKET_MILLIS[i],
          total == 0 ? 0.0 : 100.0 * cumulative / total));
    }
    return sb.append(String.format(Locale.ROOT, " max=%.2fms", max / 1e6)).toString();
  }

  /** See {@code SimulatedProvider#traceFirstTokens}. */
  public void traceFirstTokens(boolean on) {
    router.traceFirstTokens(on);
  }

  /** See {@code SimulatedProvider#firstTokenTimings}. */
  public List<FirstTokenTiming> firstTokenTimings() {
    return router.firstTokenTimings();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      for (EventLoop loop : loops) {
        loop.stop(5_000);
      }
      arrivals.stop(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      try {
        server.close();
      } catch (IOException ignored) {
        // the loops are gone; nothing else holds the port
      }
    }
  }
}
