package dev.tradeoff.examples.sim.internal;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * One client connection: reads requests, runs the {@link Script} of each response at its instants, and applies
 * the script's ending (keep-alive, close, reset, stall). Confined to its {@link EventLoop}'s thread, but for the
 * {@link ArrivalWatch} that stamps when a request starts to arrive.
 */
final class Connection {

  private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
  /** How long a closing connection keeps discarding the client's unread bytes, in nanoseconds. */
  private static final long LINGER_NANOS = 2_000_000_000L;

  private final EventLoop loop;
  private final SocketChannel channel;
  private final int maxRequestBytes;
  private SelectionKey key;
  private ArrivalWatch.Arrival arrival;
  /** Part of the next request was read before the rest: its arrival time is when it was read whole. */
  private boolean partial;
  private byte[] in = new byte[4096];
  private int inLength;
  private final ArrayDeque<ByteBuffer> out = new ArrayDeque<>();
  private Script script;
  private boolean keepAlive;
  private boolean closeWhenFlushed;
  private boolean continueSent;
  /** Output is shut down; input is read and discarded until the peer closes or the linger time is over. */
  private boolean draining;
  private boolean closed;
  /** Identifies the one live timer of this connection; older heap entries are ignored. */
  long timerToken;

  Connection(EventLoop loop, SocketChannel channel, int maxRequestBytes) {
    this.loop = loop;
    this.channel = channel;
    this.maxRequestBytes = maxRequestBytes;
  }

  void register(Selector selector, ArrivalWatch arrivals) throws IOException {
    key = channel.register(selector, SelectionKey.OP_READ, this);
    arrival = arrivals.watch(channel);
    arrival.arm();
  }

  boolean closed() {
    return closed;
  }

  void onReadable() {
    if (draining) {
      discardInput();
      return;
    }
    if (inLength == in.length) {
      int limit = maxRequestBytes + RequestParser.MAX_HEAD_BYTES;
      if (in.length >= limit) {
        // a client that keeps sending while its response runs, or a request over the limit
        if (script == null) {
          respondToBadRequest(413, "request larger than " + maxRequestBytes + " bytes");
        } else {
          close();
        }
        return;
      }
      byte[] bigger = new byte[Math.min(limit, in.length * 2)];
      System.arraycopy(in, 0, bigger, 0, inLength);
      in = bigger;
    }
    int n;
    try {
      n = channel.read(ByteBuffer.wrap(in, inLength, in.length - inLength));
    } catch (IOException e) {
      close();
      return;
    }
    if (n < 0) {
      close();
      return;
    }
    inLength += n;
    if (script == null) {
      processInput();
    }
  }

  void onWritable() {
    try {
      while (!out.isEmpty()) {
        ByteBuffer head = out.peekFirst();
        channel.write(head);
        if (head.hasRemaining()) {
          return;
        }
        out.pollFirst();
      }
    } catch (IOException e) {
      close();
      return;
    }
    if (key.isValid()) {
      key.interestOps(SelectionKey.OP_READ);
    }
    if (closeWhenFlushed) {
      shutdownAndDrain();
    }
  }

  void onTimer(long token) {
    if (closed || token != timerToken) {
      return;
    }
    if (draining) {
      close();
    } else {
      step();
    }
  }

  /**
   * Closes gracefully: a FIN after the last response byte, then the client's unread bytes are discarded until it
   * closes (or for {@link #LINGER_NANOS}). Closing with unread input would send a RST that can destroy the error
   * response before the client reads it.
   */
  private void shutdownAndDrain() {
    script = null;
    try {
      channel.shutdownOutput();
    } catch (IOException e) {
      close();
      return;
    }
    draining = true;
    inLength = 0;
    loop.schedule(this, System.nanoTime() + LINGER_NANOS);
    discardInput();
  }

  private void discardInput() {
    try {
      ByteBuffer sink = ByteBuffer.wrap(in);
      int n;
      while ((n = channel.read(sink)) > 0) {
        sink.clear();
      }
      if (n < 0) {
        close();
      }
    } catch (IOException e) {
      close();
    }
  }

  private void processInput() {
    while (script == null && !closed && inLength > 0) {
      RequestParser.Result result;
      try {
        result = RequestParser.parse(in, inLength, maxRequestBytes);
      } catch (RequestParser.BadRequest e) {
        respondToBadRequest(e.status, e.getMessage());
        return;
      }
      if (result.request == null) {
        partial = true;
        if (result.wantsContinue && !continueSent) {
          continueSent = true;
          write(CONTINUE);
        }
        return;
      }
      System.arraycopy(in, result.consumed, in, 0, inLength - result.consumed);
      inLength -= result.consumed;
      continueSent = false;
      // A request read in one go arrived when its first bytes did (as the arrival watch saw them, promptly, while
      // this loop may have been busy writing tokens); one that came in parts, when its last part was read.
      long now = System.nanoTime();
      long arrived = arrival.take(now); // taken either way, so that its stamp cannot reach a later request
      long received = partial ? now : arrived;
      partial = false;
      Script next;
      try {
        next = loop.router().handle(result.request, received);
      } catch (RuntimeException e) {
        next = loop.router().internalError(e);
      }
      start(next, result.request.keepAlive());
    }
  }

  private void respondToBadRequest(int status, String message) {
    inLength = 0;
    start(loop.router().reject(status, message), false);
  }

  private void start(Script next, boolean keepAliveAfter) {
    this.script = next;
    this.keepAlive = keepAliveAfter;
    step();
  }

  /**
   * Runs every step that is due, then schedules the next one or applies the ending. Steps due together (a late
   * wake-up, or a token due with the closing events) go out in one write: one system call and, with
   * {@code TCP_NODELAY}, one segment instead of one per step.
   */
  private void step() {
    long now = System.nanoTime();
    byte[] batch = Wire.EMPTY;
    while (script != null && !closed) {
      long due = script.nextDue();
      if (due == Script.DONE) {
        write(batch);
        if (script != null && !closed) {
          finish();
        }
        return;
      }
      if (due - now > EventLoop.EARLY_NANOS) {
        write(batch);
        loop.schedule(this, due);
        return;
      }
      loop.recordLateness(Math.max(0, now - due));
      byte[] bytes = script.advance();
      batch = batch.length == 0 ? bytes : Wire.concat(batch, bytes);
    }
    write(batch);
  }

  private void finish() {
    switch (script.ending()) {
      case KEEP_ALIVE:
        script = null;
        if (keepAlive) {
          if (inLength == 0) {
            arrival.arm();
          }
          processInput();
        } else {
          closeWhenFlushed();
        }
        break;
      case CLOSE:
        script = null;
        closeWhenFlushed();
        break;
      case RESET:
        reset();
        break;
      case STALL:
      default:
        // keep the script so that further input is ignored; the peer decides when to close
        break;
    }
  }

  private void write(byte[] bytes) {
    if (bytes.length == 0 || closed) {
      return;
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    if (out.isEmpty()) {
      try {
        channel.write(buffer);
      } catch (IOException e) {
        close();
        return;
      }
      if (!buffer.hasRemaining()) {
        return;
      }
      key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
    }
    out.addLast(buffer);
  }

  private void closeWhenFlushed() {
    closeWhenFlushed = true;
    if (out.isEmpty()) {
      shutdownAndDrain();
    }
  }

  private void reset() {
    try {
      channel.setOption(StandardSocketOptions.SO_LINGER, 0);
    } catch (IOException | RuntimeException ignored) {
      // closing still ends the connection, with a FIN instead of a RST
    }
    close();
  }

  void close() {
    if (closed) {
      return;
    }
    closed = true;
    script = null;
    out.clear();
    if (key != null) {
      key.cancel();
    }
    if (arrival != null) {
      arrival.cancel();
    }
    try {
      channel.close();
    } catch (IOException ignored) {
      // nothing left to do
    }
    loop.forget(this);
  }
}
