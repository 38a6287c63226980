package dev.tradeoff.examples.sim.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link ArrivalWatch} over a real loopback connection: stamps arrivals, never hands a stale stamp on. */
class ArrivalWatchTest {

  private static final long LATER_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

  private ServerSocketChannel listener;
  private SocketChannel client;
  private SocketChannel server;
  private ArrivalWatch watch;

  @BeforeEach
  void connect() throws IOException {
    listener = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    client = SocketChannel.open(listener.getLocalAddress());
    server = listener.accept();
    server.configureBlocking(false);
    watch = new ArrivalWatch("arrival-watch-test");
    watch.start();
  }

  @AfterEach
  void close() throws Exception {
    watch.stop(5_000);
    client.close();
    server.close();
    listener.close();
  }

  @Test
  void armed_takeLater_returnsWhenTheBytesArrived_notWhenTaken() throws Exception {
    ArrivalWatch.Arrival arrival = watch.watch(server);
    arrival.arm();
    long sent = System.nanoTime();
    send("POST / HTTP/1.1\r\n\r\n");
    Thread.sleep(TimeUnit.NANOSECONDS.toMillis(LATER_NANOS)); // a loop busy elsewhere reads it late
    long now = System.nanoTime();

    long arrived = arrival.take(now);

    assertThat(arrived).isGreaterThanOrEqualTo(sent);
    assertThat(now - arrived).as("read %d ms after it arrived", (now - arrived) / 1_000_000)
        .isGreaterThan(LATER_NANOS / 2);
  }

  @Test
  void notArmed_orTakenTwice_returnsTheFallback() throws Exception {
    ArrivalWatch.Arrival arrival = watch.watch(server);
    send("x");
    Thread.sleep(50);
    long now = System.nanoTime();
    assertThat(arrival.take(now)).as("never armed").isEqualTo(now);

    arrival.arm();
    Thread.sleep(50); // the unread byte makes the socket readable at once
    long first = arrival.take(System.nanoTime());
    long later = System.nanoTime();
    assertThat(arrival.take(later)).as("a stamp is handed out once").isEqualTo(later).isGreaterThan(first);
  }

  @Test
  void rearmed_stampsAgain_neverBeforeTheArming() throws Exception {
    ArrivalWatch.Arrival arrival = watch.watch(server);
    arrival.arm();
    send("first request");
    Thread.sleep(50);
    long first = arrival.take(System.nanoTime());
    drain();

    long rearmed = System.nanoTime();
    arrival.arm();
    Thread.sleep(50);
    send("second request");
    Thread.sleep(50);
    long second = arrival.take(System.nanoTime());

    assertThat(second).isGreaterThan(rearmed + TimeUnit.MILLISECONDS.toNanos(40)).isGreaterThan(first);
  }

  /** A stress test of a race (it failed in about half of the runs before the fix), not a proof. */
  @Test
  void connectionsClosedWhileTheirBytesArrive_neverStopTheWatch() throws Exception {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 2_000; i++) {
      try (SocketChannel c = SocketChannel.open(listener.getLocalAddress()); SocketChannel s = listener.accept()) {
        s.configureBlocking(false);
        ArrivalWatch.Arrival arrival = watch.watch(s);
        arrival.arm();
        c.write(ByteBuffer.wrap(new byte[] {'x'}));
        long until = System.nanoTime() + random.nextLong(100_000); // somewhere in the watch's wake-up
        while (System.nanoTime() - until < 0) {
          Thread.onSpinWait();
        }
        arrival.cancel(); // as a closing connection does, racing the watch's wake-up for those bytes
      }
    }
    ArrivalWatch.Arrival arrival = watch.watch(server);
    arrival.arm();
    long sent = System.nanoTime();
    send("request");
    Thread.sleep(100);
    long now = System.nanoTime();

    assertThat(arrival.take(now)).as("still stamped by a live watch").isBetween(sent, now - 1);
  }

  @Test
  void stopped_watchesNoMore_butConnectionsStillGetAnArrivalTimedWhenRead() throws Exception {
    watch.stop(5_000);

    ArrivalWatch.Arrival arrival = watch.watch(server);
    arrival.arm();
    send("request");
    Thread.sleep(50);
    long now = System.nanoTime();

    assertThat(arrival.take(now)).isEqualTo(now);
    arrival.cancel();
  }

  private void send(String text) throws IOException {
    client.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
  }

  private void drain() throws IOException {
    ByteBuffer sink = ByteBuffer.allocate(1024);
    while (server.read(sink) > 0) {
      sink.clear();
    }
  }
}
