package dev.tradeoff.metrics.testing;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;

/**
 * A chunked response body that writes each SSE event at a fixed offset after the body starts, flushing after
 * each, on an absolute schedule (so delays never accumulate). Records when each event was actually flushed.
 */
public final class TimedSseBody implements MockResponseBody {

  private final List<byte[]> events;
  private final long[] offsetsNanos;
  private final long[] flushedNanos;
  private final long[] writtenNanos;
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile long startNanos;
  private volatile boolean stallAfterLast;
  private volatile boolean released;

  public TimedSseBody(List<byte[]> events, long[] offsetsNanos) {
    if (events.size() != offsetsNanos.length) {
      throw new IllegalArgumentException("one offset per event");
    }
    this.events = List.copyOf(events);
    this.offsetsNanos = offsetsNanos.clone();
    this.flushedNanos = new long[offsetsNanos.length];
    this.writtenNanos = new long[offsetsNanos.length];
  }

  /** Splits a transcript into its events, each with its terminating blank line (bytes untouched). */
  public static List<byte[]> splitEvents(byte[] body) {
    List<byte[]> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < body.length; i++) {
      boolean lf2 = i + 1 < body.length && body[i] == '\n' && body[i + 1] == '\n';
      boolean crlf2 =
          i + 3 < body.length && body[i] == '\r' && body[i + 1] == '\n' && body[i + 2] == '\r' && body[i + 3] == '\n';
      if (lf2 || crlf2) {
        int end = i + (lf2 ? 2 : 4);
        out.add(java.util.Arrays.copyOfRange(body, start, end));
        start = end;
        i = end - 1;
      }
    }
    if (start < body.length) {
      out.add(java.util.Arrays.copyOfRange(body, start, body.length));
    }
    return out;
  }

  /** Ends a stall (the body then fails, closing the response abruptly). */
  public void release() {
    released = true;
  }

  public TimedSseBody stallAfterLast() {
    this.stallAfterLast = true;
    return this;
  }

  @Override
  public long getContentLength() {
    return -1;
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    startNanos = System.nanoTime();
    try {
      for (int i = 0; i < events.size(); i++) {
        long deadline = startNanos + offsetsNanos[i];
        long wait;
        while ((wait = deadline - System.nanoTime()) > 0) {
          LockSupport.parkNanos(wait);
          if (Thread.interrupted()) {
            throw new InterruptedIOException("interrupted");
          }
        }
        writtenNanos[i] = System.nanoTime();
        byte[] event = events.get(i);
        // HTTP/1.1 chunked framing, one chunk per event, as streaming servers send it.
        sink.writeUtf8(Integer.toHexString(event.length)).writeUtf8("\r\n").write(event).writeUtf8("\r\n");
        sink.flush();
        flushedNanos[i] = System.nanoTime();
      }
      if (stallAfterLast) {
        // Stall until the server shuts down (it interrupts its threads) or the test releases us.
        long until = System.nanoTime() + 30_000_000_000L;
        while (!released && System.nanoTime() < until) {
          LockSupport.parkNanos(5_000_000L);
          if (Thread.interrupted()) {
            throw new InterruptedIOException("interrupted while stalling");
          }
        }
        throw new IOException("stall released");
      }
      sink.writeUtf8("0\r\n"); // MockWebServer writes the (empty) trailers and the final CRLF
      sink.flush();
    } finally {
      finished.countDown();
    }
  }

  /** A 200 text/event-stream response with this body, chunked. */
  public mockwebserver3.MockResponse response() {
    return new mockwebserver3.MockResponse.Builder()
        .addHeader("Content-Type", "text/event-stream")
        .addHeader("Transfer-Encoding", "chunked")
        .body(this)
        .build();
  }

  /** {@link System#nanoTime()} when the body started. */
  public long startNanos() {
    return startNanos;
  }

  /**
   * {@link System#nanoTime()} when the server started to write event {@code i}: the injected time as it
   * actually happened (a loaded machine may wake the server late; that is not the meter's error).
   */
  public long writtenNanos(int i) {
    return writtenNanos[i];
  }

  /** {@link System#nanoTime()} when the flush of event {@code i} returned (the bytes were on the socket). */
  public long flushedNanos(int i) {
    return flushedNanos[i];
  }

  public boolean awaitFinished(long millis) throws InterruptedException {
    return finished.await(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
  }
}
