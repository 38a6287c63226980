package dev.tradeoff.examples.sim;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;

/**
 * A load client for the simulator: opens {@code streams} concurrent Chat Completions streams from one NIO
 * selector thread (so that the client, not the server, is the cheap side on a small machine), timestamps every
 * content token as its line arrives and compares it with the instant the constant profile schedules it at:
 * {@code requestWritten + ttft + i * gap} (lateness), and each gap with the configured gap (gap error). Lateness
 * includes the time the server needs to read and plan the request, so a burst of simultaneous requests shows up
 * there and in the TTFT error, not in the gap error.
 */
final class StreamLoad {

  /** Outcome of a run; times in milliseconds. */
  static final class Result {
    final int streams;
    final int succeeded;
    final long tokens;
    final double[] lateness;
    final double[] gapError;
    final double[] ttftError;
    final double wallSeconds;

    Result(int streams, int succeeded, long tokens, double[] lateness, double[] gapError, double[] ttftError,
        double wallSeconds) {
      this.streams = streams;
      this.succeeded = succeeded;
      this.tokens = tokens;
      this.lateness = lateness;
      this.gapError = gapError;
      this.ttftError = ttftError;
      this.wallSeconds = wallSeconds;
    }

    /** The {@code p}-th percentile (0–100) of the absolute error of each inter-token gap, in ms. */
    double gapErrorPercentile(double p) {
      return percentile(gapError, p);
    }

    /** The {@code p}-th percentile (0–100) of the absolute token lateness, in ms. */
    double latenessPercentile(double p) {
      return percentile(lateness, p);
    }

    double ttftErrorPercentile(double p) {
      return percentile(ttftError, p);
    }

    private static double percentile(double[] sortedAbs, double p) {
      if (sortedAbs.length == 0) {
        return Double.NaN;
      }
      int index = (int) Math.ceil(p / 100.0 * sortedAbs.length) - 1;
      return sortedAbs[Math.max(0, Math.min(sortedAbs.length - 1, index))];
    }

    String summary() {
      return String.format("streams=%d succeeded=%d tokens=%d wall=%.1fs%n"
              + "  gap |error| ms       p50=%.2f p90=%.2f p99=%.2f p99.9=%.2f max=%.2f%n"
              + "  TTFT |error| ms      p50=%.2f p90=%.2f p99=%.2f max=%.2f%n"
              + "  token |lateness| ms  p50=%.2f p90=%.2f p99=%.2f p99.9=%.2f max=%.2f",
          streams, succeeded, tokens, wallSeconds,
          gapErrorPercentile(50), gapErrorPercentile(90), gapErrorPercentile(99), gapErrorPercentile(99.9),
          gapErrorPercentile(100),
          ttftErrorPercentile(50), ttftErrorPercentile(90), ttftErrorPercentile(99), ttftErrorPercentile(100),
          latenessPercentile(50), latenessPercentile(90), latenessPercentile(99), latenessPercentile(99.9),
          latenessPercentile(100));
    }
  }

  private static final byte[] TOKEN = "\"delta\":{\"content\":\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] DONE = "data: [DONE]".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] OK = "HTTP/1.1 200".getBytes(StandardCharsets.US_ASCII);

  private static final class Stream {
    final SocketChannel channel;
    final ByteBuffer request;
    /** How many bytes of TOKEN, DONE and (at the start) OK the bytes so far end with; patterns may span reads. */
    int tokenMatch;
    int doneMatch;
    int okMatch;
    long written;
    int tokens;
    boolean ok;
    boolean done;
    boolean statusSeen;
    final double[] lateness;
    double ttftError = Double.NaN;

    Stream(SocketChannel channel, ByteBuffer request, int expectedTokens) {
      this.channel = channel;
      this.request = request;
      this.lateness = new double[expectedTokens];
    }
  }

  private StreamLoad() {}

  /**
   * Runs the load against model {@code model} of {@code sim}, whose profile must have constant
   * {@code ttftMillis}, {@code gapMillis} and {@code tokens} output tokens; all streams start at once.
   */
  static Result run(SimulatedProvider sim, String model, int streams, double ttftMillis, double gapMillis,
      int tokens, long timeoutMillis) throws IOException {
    return run(sim, model, streams, ttftMillis, gapMillis, tokens, 0, timeoutMillis);
  }

  /** As {@link #run(SimulatedProvider, String, int, double, double, int, long)}, starting the streams evenly over {@code rampMillis}. */
  static Result run(SimulatedProvider sim, String model, int streams, double ttftMillis, double gapMillis,
      int tokens, long rampMillis, long timeoutMillis) throws IOException {
    return run(new InetSocketAddress(sim.config().bindAddress(), sim.port()), model, streams, ttftMillis, gapMillis,
        tokens, rampMillis, timeoutMillis);
  }

  /** The same against any server at {@code address} that speaks Chat Completions streaming. */
  static Result run(InetSocketAddress address, String model, int streams, double ttftMillis, double gapMillis,
      int tokens, long rampMillis, long timeoutMillis) throws IOException {
    String body = "{\"model\":\"" + model + "\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
        + "\"messages\":[{\"role\":\"user\",\"content\":\"Say something.\"}]}";
    byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
    String head = "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer sk-load\r\n"
        + "Content-Type: application/json\r\nContent-Length: " + bodyBytes.length + "\r\n\r\n";
    byte[] request = (head + body).getBytes(StandardCharsets.UTF_8);
    long start = System.nanoTime();
    Stream[] all = new Stream[streams];
    try (Selector selector = Selector.open()) {
      int started = 0;
      int open = streams;
      ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
      long deadline = start + (rampMillis + timeoutMillis) * 1_000_000L;
      while (open > 0 && System.nanoTime() < deadline) {
        long elapsed = System.nanoTime() - start;
        while (started < streams
            && (rampMillis == 0 || elapsed >= (long) started * rampMillis * 1_000_000L / streams)) {
          SocketChannel channel = SocketChannel.open();
          channel.configureBlocking(false);
          channel.connect(address);
          all[started] = new Stream(channel, ByteBuffer.wrap(request), tokens);
          channel.register(selector, SelectionKey.OP_CONNECT, all[started]);
          started++;
        }
        selector.select(started < streams ? 1 : 100);
        Iterator<SelectionKey> it = selector.selectedKeys().iterator();
        while (it.hasNext()) {
          SelectionKey key = it.next();
          it.remove();
          Stream s = (Stream) key.attachment();
          try {
            if (key.isConnectable()) {
              s.channel.finishConnect();
              key.interestOps(SelectionKey.OP_WRITE);
            } else if (key.isWritable()) {
              s.channel.write(s.request);
              if (!s.request.hasRemaining()) {
                s.written = System.nanoTime();
                key.interestOps(SelectionKey.OP_READ);
              }
            } else if (key.isReadable()) {
              buffer.clear();
              int n = s.channel.read(buffer);
              long now = System.nanoTime();
              if (n < 0) {
                finish(s, key);
                open--;
                continue;
              }
              scan(s, buffer, n, now, ttftMillis, gapMillis);
              if (s.done) {
                finish(s, key);
                open--;
              }
            }
          } catch (IOException e) {
            finish(s, key);
            open--;
          }
        }
      }
      for (Stream s : all) {
        if (s != null) {
          s.channel.close();
        }
      }
    }
    double wall = (System.nanoTime() - start) / 1e9;
    int succeeded = 0;
    long tokenCount = 0;
    int latenessCount = 0;
    for (int i = 0; i < streams; i++) {
      if (all[i] == null) {
        all[i] = new Stream(null, null, 0);
      }
    }
    for (Stream s : all) {
      if (s.ok && s.done && s.tokens == tokens) {
        succeeded++;
      }
      tokenCount += s.tokens;
      latenessCount += Math.min(s.tokens, tokens);
    }
    double[] lateness = new double[latenessCount];
    double[] gaps = new double[latenessCount];
    double[] ttft = new double[streams];
    int at = 0;
    int gapCount = 0;
    int ttftCount = 0;
    for (Stream s : all) {
      for (int i = 0; i < Math.min(s.tokens, tokens); i++) {
        lateness[at++] = Math.abs(s.lateness[i]);
        if (i > 0) {
          gaps[gapCount++] = Math.abs(s.lateness[i] - s.lateness[i - 1]);
        }
      }
      if (!Double.isNaN(s.ttftError)) {
        ttft[ttftCount++] = Math.abs(s.ttftError);
      }
    }
    Arrays.sort(lateness);
    double[] gapErrors = Arrays.copyOf(gaps, gapCount);
    Arrays.sort(gapErrors);
    double[] ttftErrors = Arrays.copyOf(ttft, ttftCount);
    Arrays.sort(ttftErrors);
    return new Result(streams, succeeded, tokenCount, lateness, gapErrors, ttftErrors, wall);
  }

  /**
   * Scans received bytes without building strings (the client must stay cheaper than the server it measures):
   * the status line, one TOKEN per content delta (the role chunk carries {@code "role"} first, so it does not
   * match), and the {@code [DONE]} line.
   */
  private static void scan(Stream s, ByteBuffer buffer, int n, long now, double ttftMillis, double gapMillis) {
    for (int i = 0; i < n; i++) {
      byte b = buffer.get(i);
      if (!s.statusSeen) {
        s.okMatch = b == OK[s.okMatch] ? s.okMatch + 1 : 0;
        if (s.okMatch == OK.length) {
          s.statusSeen = true;
          s.ok = true;
        } else if (s.okMatch == 0) {
          s.statusSeen = true; // not a 200
        }
        continue;
      }
      s.tokenMatch = b == TOKEN[s.tokenMatch] ? s.tokenMatch + 1 : (b == TOKEN[0] ? 1 : 0);
      if (s.tokenMatch == TOKEN.length) {
        s.tokenMatch = 0;
        if (s.tokens < s.lateness.length) {
          double sinceWritten = (now - s.written) / 1e6;
          s.lateness[s.tokens] = sinceWritten - (ttftMillis + s.tokens * gapMillis);
          if (s.tokens == 0) {
            s.ttftError = sinceWritten - ttftMillis;
          }
        }
        s.tokens++;
      }
      s.doneMatch = b == DONE[s.doneMatch] ? s.doneMatch + 1 : (b == DONE[0] ? 1 : 0);
      if (s.doneMatch == DONE.length) {
        s.doneMatch = 0;
        s.done = true;
      }
    }
  }

  private static void finish(Stream s, SelectionKey key) throws IOException {
    key.cancel();
    s.channel.close();
  }
}
