package dev.tradeoff.benchmarks;

import dev.tradeoff.metrics.load.Schedule;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.locks.LockSupport;

/**
 * The baseline of {@link LoadRunnerCapacity}: the same open-loop schedule against the same simulator, sent and
 * read by the cheapest client there is — one NIO selector thread, keep-alive connections reused from an idle
 * stack, bytes scanned for the first {@code "delta":{"content":"} and the body's last chunk, no parsing, no
 * allocation per event. Its TTFT error is what the server and the machine cost on their own; the load runner
 * cannot do better than this. Not a measured subject: it exists only so that the runner's numbers can be read
 * against it.
 */
final class NioStreamPeer {

  /** What starts the first content delta of an OpenAI chat chunk: the first token, found by a byte scan. */
  static final byte[] TOKEN = "\"delta\":{\"content\":\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] LAST = "\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final String REQUEST_ID = "\r\nx-request-id: ";

  /**
   * Per request, in ms: TTFT from the actual send (NaN if none), the send's lag behind its intended time; and the
   * response's {@code x-request-id} where the peer reads it (null otherwise).
   */
  static final class Result {
    final double[] ttftMs;
    final double[] lagMs;
    final String[] requestIds;
    final int failed;
    final int maxOpen;

    Result(double[] ttftMs, double[] lagMs, int failed, int maxOpen) {
      this(ttftMs, lagMs, new String[ttftMs.length], failed, maxOpen);
    }

    Result(double[] ttftMs, double[] lagMs, String[] requestIds, int failed, int maxOpen) {
      this.ttftMs = ttftMs;
      this.lagMs = lagMs;
      this.requestIds = requestIds;
      this.failed = failed;
      this.maxOpen = maxOpen;
    }
  }

  private static final class Exchange {
    final int seq;
    final long sentNanos;
    final ByteBuffer request;
    SocketChannel channel;
    int tokenMatch;
    int lastMatch;
    boolean headSeen;
    long firstTokenNanos = Long.MIN_VALUE;

    Exchange(int seq, long sentNanos, byte[] request) {
      this.seq = seq;
      this.sentNanos = sentNanos;
      this.request = ByteBuffer.wrap(request);
    }
  }

  private NioStreamPeer() {}

  /** The OpenAI chat request body every peer sends. */
  static String body(String model, int maxTokens) {
    return "{\"model\":\"" + model + "\",\"stream\":true,\"stream_options\":{\"include_usage\":true},\"max_tokens\":"
        + maxTokens + ",\"messages\":[{\"role\":\"user\",\"content\":\"Where is my parcel?\"}]}";
  }

  static Result run(InetSocketAddress address, String model, int maxTokens, Schedule schedule, long timeoutNanos)
      throws IOException {
    String body = body(model, maxTokens);
    byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
    byte[] request =
        ("POST /v1/chat/completions HTTP/1.1\r\nHost: " + address.getHostString() + ":" + address.getPort()
                + "\r\nAuthorization: Bearer sk-simulated\r\nAccept: text/event-stream\r\n"
                + "Content-Type: application/json; charset=utf-8\r\nContent-Length: " + bodyBytes.length + "\r\n\r\n"
                + body)
            .getBytes(StandardCharsets.UTF_8);
    int n = schedule.size();
    double[] ttft = new double[n];
    double[] lag = new double[n];
    String[] requestIds = new String[n];
    java.util.Arrays.fill(ttft, Double.NaN);
    ArrayDeque<SocketChannel> idle = new ArrayDeque<>();
    ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
    int failed = 0;
    int open = 0;
    int maxOpen = 0;
    int next = 0;
    long start = System.nanoTime() + 20_000_000L;
    long deadline = start + schedule.spanNanos() + timeoutNanos;
    try (Selector selector = Selector.open()) {
      while ((next < n || open > 0) && System.nanoTime() < deadline) {
        long now = System.nanoTime();
        while (next < n && start + schedule.offsetNanos(next) <= now) {
          long intended = start + schedule.offsetNanos(next);
          long sent = System.nanoTime();
          lag[next] = (sent - intended) / 1e6;
          Exchange x = new Exchange(next, sent, request);
          next++;
          open++;
          maxOpen = Math.max(maxOpen, open);
          SocketChannel ch = idle.pollLast();
          if (ch != null) {
            x.channel = ch;
            ch.keyFor(selector).attach(x);
            write(x, ch.keyFor(selector));
          } else {
            ch = SocketChannel.open();
            ch.configureBlocking(false);
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            x.channel = ch;
            if (ch.connect(address)) {
              write(x, ch.register(selector, 0, x));
            } else {
              ch.register(selector, SelectionKey.OP_CONNECT, x);
            }
          }
        }
        long waitNanos = next < n ? start + schedule.offsetNanos(next) - System.nanoTime() : 100_000_000L;
        if (waitNanos > 1_000_000L) {
          selector.select(Math.max(1, (waitNanos - 500_000L) / 1_000_000L));
        } else if (waitNanos > 0) {
          // like the load runner: spin the last part so arrivals are on time
          selector.selectNow();
          if (selector.selectedKeys().isEmpty()) {
            LockSupport.parkNanos(Math.min(waitNanos, 50_000L));
          }
        } else {
          selector.selectNow();
        }
        Iterator<SelectionKey> it = selector.selectedKeys().iterator();
        while (it.hasNext()) {
          SelectionKey key = it.next();
          it.remove();
          Exchange x = (Exchange) key.attachment();
          if (x == null) {
            // an idle keep-alive connection became readable: the server closed it
            key.cancel();
            idle.remove((SocketChannel) key.channel());
            key.channel().close();
            continue;
          }
          try {
            if (key.isConnectable()) {
              x.channel.finishConnect();
              write(x, key);
            } else if (key.isWritable()) {
              write(x, key);
            } else if (key.isReadable()) {
              buffer.clear();
              int read = x.channel.read(buffer);
              long at = System.nanoTime();
              if (read < 0) {
                throw new IOException("closed by server");
              }
              if (!x.headSeen) { // the simulator writes the head and the first event together: one read
                x.headSeen = true;
                requestIds[x.seq] = requestId(buffer, read);
              }
              if (scan(x, buffer, read, at)) {
                ttft[x.seq] = x.firstTokenNanos == Long.MIN_VALUE ? Double.NaN : (x.firstTokenNanos - x.sentNanos) / 1e6;
                if (x.firstTokenNanos == Long.MIN_VALUE) {
                  failed++;
                }
                key.attach(null);
                idle.addLast(x.channel);
                open--;
              }
            }
          } catch (IOException e) {
            failed++;
            open--;
            key.cancel();
            x.channel.close();
          }
        }
      }
      for (SelectionKey key : selector.keys()) {
        key.channel().close();
      }
    }
    failed += open;
    return new Result(ttft, lag, requestIds, failed, maxOpen);
  }

  /** The head's {@code x-request-id}, or null (allocates, once per request). */
  private static String requestId(ByteBuffer buffer, int n) {
    byte[] bytes = new byte[n];
    buffer.get(0, bytes);
    String head = new String(bytes, StandardCharsets.ISO_8859_1);
    int at = head.indexOf(REQUEST_ID);
    int end = at < 0 ? -1 : head.indexOf("\r\n", at + REQUEST_ID.length());
    return end < 0 ? null : head.substring(at + REQUEST_ID.length(), end);
  }

  private static void write(Exchange x, SelectionKey key) throws IOException {
    x.channel.write(x.request);
    key.interestOps(x.request.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
  }

  /** Scans without allocating; true when the body's last chunk arrived. */
  private static boolean scan(Exchange x, ByteBuffer buffer, int n, long now) {
    for (int i = 0; i < n; i++) {
      byte b = buffer.get(i);
      if (x.firstTokenNanos == Long.MIN_VALUE) {
        x.tokenMatch = b == TOKEN[x.tokenMatch] ? x.tokenMatch + 1 : (b == TOKEN[0] ? 1 : 0);
        if (x.tokenMatch == TOKEN.length) {
          x.firstTokenNanos = now;
        }
      }
      x.lastMatch = b == LAST[x.lastMatch] ? x.lastMatch + 1 : (b == LAST[0] ? 1 : 0);
      if (x.lastMatch == LAST.length) {
        return true;
      }
    }
    return false;
  }
}
