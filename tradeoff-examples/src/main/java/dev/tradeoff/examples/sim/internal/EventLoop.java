package dev.tradeoff.examples.sim.internal;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * One selector thread that owns a set of connections and a timer heap: it sleeps until the earliest due step or
 * until a socket is ready, writes every due step, and goes back to sleep. The first loop of a server also accepts
 * connections and deals them out round-robin.
 *
 * <p>Sleeping with sub-millisecond precision: {@link Selector#select(long)} takes whole milliseconds (epoll's
 * timeout), so a loop that only selects wakes up to a millisecond late — which was the whole TTFT error floor of a
 * client measuring the simulator (p50 ~0.8 ms). Far from the next step the loop selects for the whole milliseconds
 * that end at least {@link #SELECT_MARGIN_NANOS} before it; nearer, it polls the sockets ({@code selectNow}) and
 * parks for at most {@link #PARK_SLICE_NANOS} at a time (so a readable socket waits no longer than one slice), and
 * writes every step due within {@link #EARLY_NANOS} in one pass. A step therefore goes out between 250 µs early and
 * about one park overshoot (~50–60 µs of Linux timer slack) late. No spinning, and no wake-up per step: at 20,000
 * steps/s a loop has a step due every ~100 µs; waking for each (a 50 µs window) took ~0.3 cores more than the
 * millisecond loop and, on two cores shared with a 1,000-thread client, raised that client's p99 TTFT error from
 * 7 to 11–19 ms ({@code LoadRunnerCapacity}); with the 250 µs window the machine is ~0.1 cores busier than with the
 * millisecond loop and the client's p99 fell to 4.5 ms.
 */
final class EventLoop implements Runnable {

  private static final class Timer implements Comparable<Timer> {
    final long due;
    final Connection connection;
    final long token;

    Timer(long due, Connection connection, long token) {
      this.due = due;
      this.connection = connection;
      this.token = token;
    }

    @Override
    public int compareTo(Timer other) {
      return Long.compare(due - other.due, 0L);
    }
  }

  /** Below this distance to the next step the loop parks in slices instead of selecting with a timeout. */
  static final long SELECT_MARGIN_NANOS = 250_000L;
  /**
   * A step due within this much of now is written now, together with the others due in that window, so that the
   * loop wakes at most about once per window instead of once per step (see the class comment for the numbers).
   */
  static final long EARLY_NANOS = 250_000L;
  /** Longest single park near a step, so that readiness and wake-ups are seen within it. */
  static final long PARK_SLICE_NANOS = 250_000L;

  /** Upper bounds (inclusive, in ms) of the buckets of {@link #lateness}; the last bucket is everything above. */
  static final long[] LATENESS_BUCKET_MILLIS = {1, 2, 5, 10, 20, 50, 100};

  /**
   * How late each step was written relative to its due instant, as counts per bucket; written only by this
   * loop's thread, read by {@link ServerCore#pacingSummary()} (racy reads are fine for a report).
   */
  final long[] lateness = new long[LATENESS_BUCKET_MILLIS.length + 1];
  volatile long maxLatenessNanos;

  private final Selector selector;
  private final Router router;
  private final int maxRequestBytes;
  private final ArrivalWatch arrivals;
  private final PriorityQueue<Timer> timers = new PriorityQueue<>();
  private final Queue<SocketChannel> incoming = new ConcurrentLinkedQueue<>();
  private final Set<Connection> connections = new HashSet<>();
  private final Thread thread;
  private volatile boolean running = true;
  private ServerSocketChannel acceptor;
  private EventLoop[] group;
  private int nextLoop;

  EventLoop(String name, Router router, int maxRequestBytes, ArrivalWatch arrivals) throws IOException {
    this.selector = Selector.open();
    this.router = router;
    this.maxRequestBytes = maxRequestBytes;
    this.arrivals = arrivals;
    this.thread = new Thread(this, name);
    this.thread.setDaemon(true);
  }

  Router router() {
    return router;
  }

  /** Makes this loop accept on {@code server} and hand connections to {@code loops}; call before {@link #start}. */
  void accept(ServerSocketChannel server, EventLoop[] loops) throws IOException {
    this.acceptor = server;
    this.group = loops;
    server.register(selector, SelectionKey.OP_ACCEPT);
  }

  void start() {
    thread.start();
  }

  /** Stops the loop, closes its connections and waits up to {@code millis} for the thread. */
  void stop(long millis) throws InterruptedException {
    running = false;
    selector.wakeup();
    LockSupport.unpark(thread);
    thread.join(millis);
  }

  void recordLateness(long nanos) {
    int bucket = 0;
    while (bucket < LATENESS_BUCKET_MILLIS.length && nanos > LATENESS_BUCKET_MILLIS[bucket] * 1_000_000L) {
      bucket++;
    }
    lateness[bucket]++;
    if (nanos > maxLatenessNanos) {
      maxLatenessNanos = nanos;
    }
  }

  void schedule(Connection connection, long due) {
    long token = ++connection.timerToken;
    timers.add(new Timer(due, connection, token));
  }

  void forget(Connection connection) {
    connections.remove(connection);
  }

  private void adopt(SocketChannel channel) {
    incoming.add(channel);
    selector.wakeup();
    LockSupport.unpark(thread);
  }

  @Override
  public void run() {
    try {
      while (running) {
        long waitNanos = runDueTimers();
        if (waitNanos < 0) {
          selector.select();
        } else if (waitNanos == 0) {
          selector.selectNow();
        } else if (waitNanos >= SELECT_MARGIN_NANOS + 1_000_000L) {
          // whole milliseconds only, ending at least SELECT_MARGIN_NANOS early; the rest is parked below
          selector.select((waitNanos - SELECT_MARGIN_NANOS) / 1_000_000L);
        } else if (selector.selectNow() == 0 && incoming.isEmpty()) {
          LockSupport.parkNanos(this, Math.min(waitNanos, PARK_SLICE_NANOS));
        }
        Set<SelectionKey> ready = selector.selectedKeys();
        Iterator<SelectionKey> it = ready.iterator();
        while (it.hasNext()) {
          SelectionKey key = it.next();
          it.remove();
          if (!key.isValid()) {
            continue;
          }
          Object attachment = key.attachment();
          if (attachment == null) {
            acceptAll();
            continue;
          }
          Connection connection = (Connection) attachment;
          try {
            if (key.isReadable()) {
              connection.onReadable();
            }
            if (key.isValid() && key.isWritable()) {
              connection.onWritable();
            }
          } catch (RuntimeException e) {
            // a bug in one exchange must not take the other connections of this loop down
            System.err.println("[tradeoff-sim] closing a connection after an internal error: " + e);
            connection.close();
          }
        }
        registerIncoming();
      }
    } catch (IOException | RuntimeException e) {
      if (running) {
        System.err.println("[tradeoff-sim] event loop " + thread.getName() + " failed: " + e);
      }
    } finally {
      closeAll();
    }
  }

  /** Runs due timers; returns nanoseconds to wait for the next, 0 for now, -1 for none. */
  private long runDueTimers() {
    while (true) {
      Timer head = timers.peek();
      if (head == null) {
        return -1;
      }
      long wait = head.due - System.nanoTime();
      if (wait > EARLY_NANOS) {
        return wait - EARLY_NANOS;
      }
      timers.poll();
      try {
        head.connection.onTimer(head.token);
      } catch (RuntimeException e) {
        System.err.println("[tradeoff-sim] closing a connection after an internal error: " + e);
        head.connection.close();
      }
    }
  }

  private void acceptAll() throws IOException {
    SocketChannel channel;
    while ((channel = acceptor.accept()) != null) {
      try {
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      } catch (IOException e) {
        channel.close();
        continue;
      }
      EventLoop target = group[nextLoop++ % group.length];
      if (target == this) {
        register(channel);
      } else {
        target.adopt(channel);
      }
    }
  }

  private void registerIncoming() {
    SocketChannel channel;
    while ((channel = incoming.poll()) != null) {
      register(channel);
    }
  }

  private void register(SocketChannel channel) {
    Connection connection = new Connection(this, channel, maxRequestBytes);
    try {
      connection.register(selector, arrivals);
      connections.add(connection);
    } catch (IOException e) {
      connection.close();
    }
  }

  private void closeAll() {
    List<Connection> all = new ArrayList<>(connections);
    for (Connection connection : all) {
      connection.close();
    }
    SocketChannel channel;
    while ((channel = incoming.poll()) != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
    try {
      selector.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }
}
