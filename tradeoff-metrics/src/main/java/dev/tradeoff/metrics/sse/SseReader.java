package dev.tradeoff.metrics.sse;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import okio.BufferedSource;
import okio.Okio;

/**
 * Reads a {@code text/event-stream} body event by event, following the WHATWG HTML "event stream
 * interpretation" rules, with a bound on the size of a line and of an event.
 *
 * <p>What it does, and why each rule matters on real wire data:
 *
 * <ul>
 *   <li>Lines end with CRLF, LF or a lone CR (Gemini sends CRLF). A CR at the end of one read is remembered, so
 *       the reader never waits for the next byte just to learn whether an LF follows.
 *   <li>Lines starting with {@code :} are comments and never dispatch (OpenRouter sends {@code : OPENROUTER
 *       PROCESSING} before the first event): they are counted in {@link #commentLines()} only.
 *   <li>Several {@code data:} lines join with {@code "\n"}; one space after the colon is removed; fields other
 *       than {@code event}, {@code data}, {@code id}, {@code retry} are ignored; a leading UTF-8 BOM is skipped.
 *   <li>An event is dispatched at the blank line that ends it. If the stream ends in the middle of an event
 *       (the Anthropic SDK fixtures end without the final blank line), that event is <em>not</em> dispatched —
 *       {@link #endedInsideEvent()} then tells the caller the stream was cut.
 *   <li>A line longer than {@code maxLineBytes} or an event whose data exceeds {@code maxEventBytes} throws
 *       {@link SseFormatException} at once: a misbehaving server cannot make the reader buffer without limit.
 * </ul>
 *
 * <p>Timestamps: {@link #receivedNanos()} is the {@link System#nanoTime()} taken right after the read call that
 * delivered the bytes completing the event — not the time the event was parsed — so parsing earlier events of
 * the same network read does not delay later timestamps.
 *
 * <p>It is a cursor, like Jackson's {@code JsonParser}: {@link #next()} moves to the next event, and the
 * accessors describe the current one until the next call. The data stays in the reader's own buffer; {@link
 * StreamDecoder#decode(SseReader)} reads it there without copying. Not thread-safe: one reader per stream.
 *
 * <pre>{@code
 * try (SseReader reader = SseReader.of(response.body().source())) {
 *   while (reader.next()) {
 *     System.out.println(reader.eventType() + " " + reader.dataUtf8());
 *   }
 *   if (reader.endedInsideEvent()) { ... the stream was truncated ... }
 * }
 * }</pre>
 */
public final class SseReader implements Closeable {

  /** Default bound on one line, in bytes (1 MiB): far above any real chunk, far below a memory problem. */
  public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;

  /** Default bound on the joined data of one event, in bytes (4 MiB). */
  public static final int DEFAULT_MAX_EVENT_BYTES = 4 << 20;

  /**
   * The read buffer's first size; it doubles as needed up to {@code maxLineBytes}. Chat chunks are a few hundred
   * bytes, and a load test keeps one reader per open stream for the stream's whole life: at 1,000 streams 8 KiB
   * each was 8 MB of young data outliving every young collection (copied, then promoted), 2 KiB is a quarter.
   */
  private static final int INITIAL_BUFFER_BYTES = 2 * 1024;
  private static final int TYPE_CACHE_SIZE = 16;

  private final BufferedSource source;
  private final int maxLineBytes;
  private final int maxEventBytes;

  // Read buffer: bytes [pos, limit) are read but not yet parsed.
  private byte[] buf = new byte[INITIAL_BUFFER_BYTES];
  private int pos;
  private int limit;
  private boolean eof;
  private boolean started;
  /** The previous line ended with CR at the end of the buffer: an LF at the start of the next read is its tail. */
  private boolean skipLeadingLf;
  private long lastReadNanos;
  // Line found by readLine(): buf[lineStart, lineEnd).
  private int lineStart;
  private int lineEnd;

  // Event being assembled.
  private byte[] data = new byte[1024];
  private int dataLen;
  private String pendingType = "";
  private String pendingId;
  private boolean fieldSeenSinceDispatch;

  // Current (dispatched) event.
  private String eventType = SseEvent.DEFAULT_TYPE;
  private int eventDataLen;
  private String lastEventId = "";
  private long receivedNanos;
  private long retryMillis = -1;
  private long commentLines;
  private long events;
  private boolean endedInsideEvent;

  // Event types repeat on every event ("content_block_delta"); a tiny cache avoids a String per event.
  private final byte[][] typeKeys = new byte[TYPE_CACHE_SIZE][];
  private final String[] typeValues = new String[TYPE_CACHE_SIZE];
  private int typeCacheNext;

  private SseReader(BufferedSource source, int maxLineBytes, int maxEventBytes) {
    this.source = Objects.requireNonNull(source, "source");
    if (maxLineBytes < 16) {
      throw new IllegalArgumentException("maxLineBytes must be >= 16, but was " + maxLineBytes);
    }
    if (maxEventBytes < 16) {
      throw new IllegalArgumentException("maxEventBytes must be >= 16, but was " + maxEventBytes);
    }
    this.maxLineBytes = maxLineBytes;
    this.maxEventBytes = maxEventBytes;
  }

  /**
   * A reader with the default bounds ({@value #DEFAULT_MAX_LINE_BYTES} bytes per line, {@value
   * #DEFAULT_MAX_EVENT_BYTES} bytes per event).
   *
   * @param source the response body; closed by {@link #close()}
   * @return a new reader positioned before the first event
   */
  public static SseReader of(BufferedSource source) {
    return new SseReader(source, DEFAULT_MAX_LINE_BYTES, DEFAULT_MAX_EVENT_BYTES);
  }

  /**
   * A reader with explicit bounds.
   *
   * @param source the response body; closed by {@link #close()}
   * @param maxLineBytes the longest accepted line in bytes, without its terminator; at least 16
   * @param maxEventBytes the largest accepted joined {@code data} of one event in bytes; at least 16
   * @return a new reader positioned before the first event
   * @throws IllegalArgumentException if a bound is below 16
   */
  public static SseReader of(BufferedSource source, int maxLineBytes, int maxEventBytes) {
    return new SseReader(source, maxLineBytes, maxEventBytes);
  }

  /**
   * A reader over a plain stream, with the default bounds.
   *
   * @param in the stream; closed by {@link #close()}
   * @return a new reader positioned before the first event
   */
  public static SseReader of(InputStream in) {
    return of(Okio.buffer(Okio.source(in)));
  }

  /**
   * Advances to the next dispatched event, blocking until it is complete or the stream ends.
   *
   * @return {@code true} if an event is now current, {@code false} at the end of the stream
   * @throws SseFormatException if a line or an event exceeds its bound
   * @throws IOException if reading fails (reset connection, read timeout)
   */
  public boolean next() throws IOException {
    while (readLine()) {
      int start = lineStart;
      int end = lineEnd;
      if (start == end) {
        if (dispatch()) {
          return true;
        }
        continue;
      }
      byte[] b = buf;
      if (b[start] == ':') {
        commentLines++;
        continue;
      }
      fieldSeenSinceDispatch = true;
      int colon = start;
      while (colon < end && b[colon] != ':') {
        colon++;
      }
      int nameLen = colon - start;
      int valueStart;
      if (colon == end) {
        valueStart = end; // the whole line is the field name, the value is empty
      } else {
        valueStart = colon + 1;
        if (valueStart < end && b[valueStart] == ' ') {
          valueStart++;
        }
      }
      if (nameLen == 4 && b[start] == 'd' && b[start + 1] == 'a' && b[start + 2] == 't' && b[start + 3] == 'a') {
        appendData(b, valueStart, end - valueStart);
      } else if (nameLen == 5 && matches(b, start, "event")) {
        pendingType = internType(b, valueStart, end - valueStart);
      } else if (nameLen == 2 && b[start] == 'i' && b[start + 1] == 'd') {
        if (indexOfNul(b, valueStart, end) < 0) {
          pendingId = new String(b, valueStart, end - valueStart, StandardCharsets.UTF_8);
        }
      } else if (nameLen == 5 && matches(b, start, "retry")) {
        long retry = parseDigits(b, valueStart, end);
        if (retry >= 0) {
          retryMillis = retry;
        }
      }
      // Any other field name is ignored, as the specification requires.
    }
    endedInsideEvent = fieldSeenSinceDispatch || lineEnd < 0;
    return false;
  }

  private boolean dispatch() {
    String type = pendingType;
    pendingType = "";
    if (pendingId != null) {
      lastEventId = pendingId;
      pendingId = null;
    }
    fieldSeenSinceDispatch = false;
    if (dataLen == 0) {
      return false; // an event without data is not dispatched
    }
    eventDataLen = dataLen - 1; // strip the LF appended after the last data line
    eventType = type.isEmpty() ? SseEvent.DEFAULT_TYPE : type;
    receivedNanos = lastReadNanos;
    dataLen = 0;
    events++;
    return true;
  }

  private void appendData(byte[] src, int from, int len) throws SseFormatException {
    int needed = dataLen + len + 1;
    if (needed - 1 > maxEventBytes) {
      throw new SseFormatException(
          SseFormatException.Reason.EVENT_TOO_LARGE,
          "event data exceeds maxEventBytes=" + maxEventBytes + " bytes (reached " + (needed - 1) + ")",
          null);
    }
    if (needed > data.length) {
      byte[] bigger = new byte[Math.max(needed, Math.min(data.length * 2, maxEventBytes + 1))];
      System.arraycopy(data, 0, bigger, 0, dataLen);
      data = bigger;
    }
    System.arraycopy(src, from, data, dataLen, len);
    dataLen += len;
    data[dataLen++] = '\n';
  }

  /**
   * Finds the next line in the buffer, reading more when needed. Sets {@code lineStart/lineEnd}.
   *
   * @return false at the end of the stream (an unterminated last line is discarded; {@code lineEnd} is -1 then)
   */
  private boolean readLine() throws IOException {
    int scan = pos;
    while (true) {
      if (skipLeadingLf) {
        if (pos < limit) {
          if (buf[pos] == '\n') {
            pos++;
          }
          skipLeadingLf = false;
          scan = pos;
        } else if (!fill()) {
          skipLeadingLf = false;
          lineEnd = 0;
          return false;
        } else {
          scan = pos;
          continue;
        }
      }
      byte[] b = buf;
      int lim = limit;
      int i = scan;
      // The scan is a plain byte loop: the JIT unrolls it, and it is cheaper than okio's per-byte getByte.
      while (i < lim) {
        byte c = b[i];
        if (c == '\n' || c == '\r') {
          lineStart = pos;
          lineEnd = i;
          if (i - pos > maxLineBytes) {
            throw lineTooLong(i - pos);
          }
          if (c == '\r') {
            if (i + 1 < lim) {
              pos = b[i + 1] == '\n' ? i + 2 : i + 1;
            } else {
              pos = i + 1;
              skipLeadingLf = true;
            }
          } else {
            pos = i + 1;
          }
          return true;
        }
        i++;
      }
      if (lim - pos > maxLineBytes) {
        throw lineTooLong(lim - pos);
      }
      int consumedBefore = pos;
      if (!fill()) {
        // End of stream: a last line without terminator is not a line (it may be a cut-off event).
        if (limit > pos) {
          lineEnd = -1;
          pos = limit;
        } else {
          lineEnd = 0;
        }
        return false;
      }
      // fill() compacted the buffer (pos is 0 again, or 3 after a BOM): continue where the scan stopped.
      scan = Math.max(i - consumedBefore, pos);
    }
  }

  private SseFormatException lineTooLong(int length) {
    return new SseFormatException(
        SseFormatException.Reason.LINE_TOO_LONG,
        "line exceeds maxLineBytes=" + maxLineBytes + " bytes (at least " + length + " without a line break)",
        null);
  }

  /** Reads more bytes, compacting or growing the buffer. Returns false at the end of the stream. */
  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    if (pos > 0) {
      int remaining = limit - pos;
      System.arraycopy(buf, pos, buf, 0, remaining);
      limit = remaining;
      pos = 0;
    }
    if (limit == buf.length) {
      int grown = (int) Math.min((long) buf.length * 2, (long) maxLineBytes + 2);
      if (grown <= buf.length) {
        throw lineTooLong(limit);
      }
      byte[] bigger = new byte[grown];
      System.arraycopy(buf, 0, bigger, 0, limit);
      buf = bigger;
    }
    int n = source.read(buf, limit, buf.length - limit);
    if (n < 0) {
      eof = true;
      return false;
    }
    lastReadNanos = System.nanoTime();
    limit += n;
    if (!started) {
      // A UTF-8 byte order mark may precede the first line; it is not part of the stream.
      if (limit >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
        pos = 3;
        started = true;
      } else if (limit >= 3 || buf[0] != (byte) 0xEF) {
        started = true;
      }
    }
    return true;
  }

  private static boolean matches(byte[] b, int start, String ascii) {
    for (int k = 0; k < ascii.length(); k++) {
      if (b[start + k] != ascii.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static int indexOfNul(byte[] b, int from, int to) {
    for (int k = from; k < to; k++) {
      if (b[k] == 0) {
        return k;
      }
    }
    return -1;
  }

  private static long parseDigits(byte[] b, int from, int to) {
    if (from == to || to - from > 18) {
      return -1;
    }
    long v = 0;
    for (int k = from; k < to; k++) {
      int d = b[k] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }

  private String internType(byte[] b, int from, int len) {
    for (int k = 0; k < TYPE_CACHE_SIZE; k++) {
      byte[] key = typeKeys[k];
      if (key == null) {
        break;
      }
      if (key.length == len && regionEquals(key, b, from, len)) {
        return typeValues[k];
      }
    }
    String value = new String(b, from, len, StandardCharsets.UTF_8);
    int slot = typeCacheNext;
    typeCacheNext = (typeCacheNext + 1) % TYPE_CACHE_SIZE;
    byte[] key = new byte[len];
    System.arraycopy(b, from, key, 0, len);
    typeKeys[slot] = key;
    typeValues[slot] = value;
    return value;
  }

  private static boolean regionEquals(byte[] key, byte[] b, int from, int len) {
    for (int k = 0; k < len; k++) {
      if (key[k] != b[from + k]) {
        return false;
      }
    }
    return true;
  }

  /**
   * The type of the current event: its last {@code event:} field, or {@code "message"}.
   *
   * @return the type, never {@code null}
   */
  public String eventType() {
    return eventType;
  }

  /**
   * The length in bytes of the current event's data.
   *
   * @return the data length
   */
  public int dataLength() {
    return eventDataLen;
  }

  /**
   * The current event's data decoded as UTF-8 (allocates; the decoder does not need it).
   *
   * @return the data lines joined by {@code "\n"}
   */
  public String dataUtf8() {
    return new String(data, 0, eventDataLen, StandardCharsets.UTF_8);
  }

  /** The reader's data buffer; valid for {@link #dataLength()} bytes until the next {@link #next()}. */
  byte[] dataBuffer() {
    return data;
  }

  /**
   * Whether the current event's data is exactly the given ASCII text (for markers such as {@code [DONE]}).
   *
   * @param ascii the text to compare
   * @return true if equal
   */
  public boolean dataEquals(String ascii) {
    if (ascii.length() != eventDataLen) {
      return false;
    }
    return matches(data, 0, ascii);
  }

  /**
   * The last event id seen so far on this stream.
   *
   * @return the id, {@code ""} when the server never sent one
   */
  public String lastEventId() {
    return lastEventId;
  }

  /**
   * {@link System#nanoTime()} right after the read that delivered the blank line completing the current event.
   *
   * @return the monotonic receive time in nanoseconds
   */
  public long receivedNanos() {
    return receivedNanos;
  }

  /**
   * The reconnection time the server asked for with a {@code retry:} field.
   *
   * @return milliseconds, or -1 when the server never sent a valid one
   */
  public long retryMillis() {
    return retryMillis;
  }

  /**
   * How many comment lines (starting with {@code :}) were skipped so far.
   *
   * @return the count
   */
  public long commentLines() {
    return commentLines;
  }

  /**
   * How many events were dispatched so far.
   *
   * @return the count
   */
  public long eventCount() {
    return events;
  }

  /**
   * Whether the stream ended inside an event (fields after the last blank line, or an unterminated last line),
   * which the WHATWG rules discard. Meaningful after {@link #next()} returned {@code false}.
   *
   * @return true if the stream was cut mid-event
   */
  public boolean endedInsideEvent() {
    return endedInsideEvent;
  }

  /**
   * Copies the current event out of the reader.
   *
   * @return an immutable event
   */
  public SseEvent toEvent() {
    return new SseEvent(eventType, dataUtf8(), lastEventId, receivedNanos);
  }

  /**
   * Closes the underlying source.
   *
   * @throws IOException if closing fails
   */
  @Override
  public void close() throws IOException {
    source.close();
  }
}
