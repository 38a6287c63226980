package dev.tradeoff.metrics.testing;

import java.util.ArrayDeque;
import java.util.Deque;
import okio.Buffer;
import okio.Source;
import okio.Timeout;

/** A source that hands out predefined chunks, one per read, like a network delivering separate packets. */
public final class ChunkedSource implements Source {
  private final Deque<byte[]> chunks = new ArrayDeque<>();

  public ChunkedSource add(byte[] chunk) {
    chunks.add(chunk);
    return this;
  }

  public ChunkedSource add(String chunk) {
    return add(chunk.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Override
  public long read(Buffer sink, long byteCount) {
    byte[] next = chunks.poll();
    if (next == null) {
      return -1;
    }
    sink.write(next);
    return next.length;
  }

  @Override
  public Timeout timeout() {
    return Timeout.NONE;
  }

  @Override
  public void close() {}
}
