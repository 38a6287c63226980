package dev.tradeoff.examples.sim.internal;

import java.io.IOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Notes when a request starts to arrive, for every connection of a server, so that a response's schedule (its
 * TTFT above all) counts from the request's arrival and not from when an {@link EventLoop} got round to reading it.
 *
 * <p>An event loop does not wake for a readable socket while it waits for its next step: near a step it parks in
 * slices of {@link EventLoop#PARK_SLICE_NANOS} and writes tokens, and under load it has a step due every ~100 µs,
 * so a request waited there 0.1–0.3 ms (p50) and, on a busy machine, over a millisecond (p99) before it was read —
 * time the simulator then added to every TTFT it injected. This thread sleeps in {@link Selector#select()} on the
 * connections that are waiting for a request and does nothing but take the time when one becomes readable, which
 * costs two wake-ups per request (the arrival, and the re-arming after the response), not one per token.
 *
 * <p>Per connection an {@link Arrival}: {@linkplain Arrival#arm() armed} by the connection's loop while it waits
 * for a request, stamped here once when bytes arrive, {@linkplain Arrival#take() taken} by the loop when it has
 * read a whole request. A stamp that comes after the take is discarded, so a stale time never reaches a later
 * request.
 */
final class ArrivalWatch implements Runnable {

  /** An {@link Arrival}'s state when it is not waiting for a request. */
  private static final long DISARMED = 0;
  /** An {@link Arrival}'s state while it waits for bytes (any other value is the stamp). */
  private static final long ARMED = -1;

  /** One connection's arrival time; its methods other than the stamp are called on the connection's loop. */
  final class Arrival {
    private final AtomicLong state = new AtomicLong(DISARMED);
    /** Null when the watch was stopped: such an arrival never stamps, and requests are timed when read. */
    private final SelectionKey key;
    /** When the loop last armed this; only the loop's thread touches it. */
    private long armedAt;

    private Arrival(SelectionKey key) {
      this.key = key;
    }

    /** Waits for the next request's first bytes (call when the connection is idle and has no unread input). */
    void arm() {
      armedAt = System.nanoTime();
      if (state.getAndSet(ARMED) == ARMED || key == null) {
        return;
      }
      try {
        key.interestOps(SelectionKey.OP_READ);
      } catch (CancelledKeyException e) {
        return; // the connection is closing
      }
      selector.wakeup();
    }

    /**
     * Ends the wait: the time the request's first bytes were seen, or {@code fallback} if this watch did not see
     * them (not armed, not yet woken, or a readiness from before the arming — the watch's thread can lag).
     *
     * @param fallback the time to use otherwise, usually now
     * @return the arrival time, in {@code [armed, fallback]}
     */
    long take(long fallback) {
      long stamp = state.getAndSet(DISARMED);
      boolean seen = stamp != ARMED && stamp != DISARMED && stamp - armedAt >= 0 && fallback - stamp >= 0;
      return seen ? stamp : fallback;
    }

    /**
     * Stops watching (the connection is closing). Wakes the watch: a channel registered with a selector is only
     * really closed (and a reset only sent) once every selector it is registered with has deregistered it, which
     * a selector does in its next selection.
     */
    void cancel() {
      state.set(DISARMED);
      if (key != null) {
        key.cancel();
        selector.wakeup();
      }
    }

    private void stamp(long now) {
      state.compareAndSet(ARMED, now == ARMED || now == DISARMED ? now + 1 : now);
    }
  }

  private final Selector selector;
  private final Thread thread;
  private volatile boolean running = true;

  ArrivalWatch(String name) throws IOException {
    this.selector = Selector.open();
    this.thread = new Thread(this, name);
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /**
   * Watches a connection; disarmed until {@link Arrival#arm()}.
   *
   * @param channel the connection's channel, non-blocking
   * @return its arrival record
   * @throws ClosedChannelException if the channel is closed
   */
  Arrival watch(SocketChannel channel) throws ClosedChannelException {
    SelectionKey key;
    try {
      key = channel.register(selector, 0);
    } catch (ClosedSelectorException e) {
      return new Arrival(null); // the watch has stopped: the connection is served all the same
    }
    Arrival arrival = new Arrival(key);
    key.attach(arrival);
    return arrival;
  }

  /** Stops the thread and waits up to {@code millis} for it. */
  void stop(long millis) throws InterruptedException {
    running = false;
    selector.wakeup();
    thread.join(millis);
  }

  @Override
  public void run() {
    try {
      while (running) {
        selector.select();
        long now = System.nanoTime();
        Set<SelectionKey> ready = selector.selectedKeys();
        Iterator<SelectionKey> it = ready.iterator();
        while (it.hasNext()) {
          SelectionKey key = it.next();
          it.remove();
          try {
            // stop reporting this socket (the loop reads it) until the connection is armed again
            key.interestOps(0);
            ((Arrival) key.attachment()).stamp(now);
          } catch (CancelledKeyException e) {
            // the connection's loop closed it meanwhile; nothing to time
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      if (running) {
        System.err.println("[tradeoff-sim] arrival watch failed, arrivals are timed when read: " + e);
      }
    } finally {
      try {
        selector.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }
}
