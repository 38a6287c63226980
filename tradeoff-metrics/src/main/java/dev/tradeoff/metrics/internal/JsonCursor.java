package dev.tradeoff.metrics.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A strict, allocation-free JSON pull tokenizer over a UTF-8 byte range, reused for every event of a stream.
 *
 * <p>Why not Jackson's streaming parser: creating one per event costs about 750 bytes of parser, context and
 * canonicalizer objects plus their setup, which is most of the cost of decoding a 330-byte OpenAI chunk
 * ({@code SseParseBenchmark}). This cursor keeps no per-document objects: a token is a type and a {@code [start,
 * end)} range in the caller's buffer, field names are compared as bytes, and strings are decoded only when the
 * caller appends them. It is strict — structure, string escapes, control characters, number syntax and
 * literals are checked, trailing content is rejected — so a malformed chunk fails instead of being half-read.
 * UTF-8 sequences in strings are checked for structure (lead and continuation bytes), as Jackson does.
 *
 * <p>Not thread-safe: one per decoder.
 */
final class JsonCursor {

  static final int END = 0;
  static final int START_OBJECT = 1;
  static final int END_OBJECT = 2;
  static final int START_ARRAY = 3;
  static final int END_ARRAY = 4;
  static final int FIELD = 5;
  static final int STRING = 6;
  static final int NUMBER = 7;
  static final int TRUE = 8;
  static final int FALSE = 9;
  static final int NULL = 10;

  /** What may come next. */
  private static final int S_VALUE = 0;
  private static final int S_FIRST_IN_OBJECT = 1;
  private static final int S_FIELD = 2;
  private static final int S_FIRST_IN_ARRAY = 3;
  private static final int S_AFTER_VALUE = 4;
  private static final int S_DONE = 5;

  private static final int MAX_DEPTH = 62;

  /** Malformed JSON; an IOException because it describes received bytes, not a bug. */
  static final class MalformedJsonException extends IOException {
    private static final long serialVersionUID = 1L;

    MalformedJsonException(String message) {
      super(message);
    }
  }

  private byte[] b;
  private int origin;
  private int pos;
  private int end;
  private int state;
  private int depth;
  /** Bit d is set when nesting level d (1-based) is an object, clear when it is an array. */
  private long objects;

  private int token;
  private int start;
  private int stop;
  private boolean escaped;
  private boolean integral;

  /** Positions the cursor before the first token of {@code data[offset, offset + length)}. */
  void reset(byte[] data, int offset, int length) {
    b = data;
    origin = offset;
    pos = offset;
    end = offset + length;
    state = S_VALUE;
    depth = 0;
    objects = 0;
    token = END;
  }

  /** The current nesting depth (1 inside the top-level object). */
  int depth() {
    return depth;
  }

  /** The current token type. */
  int token() {
    return token;
  }

  /**
   * Advances to the next token.
   *
   * @return the token type; {@link #END} once the top-level value and any trailing whitespace are consumed
   * @throws MalformedJsonException if the input is not valid JSON
   */
  int next() throws MalformedJsonException {
    while (true) {
      int p = skipWhitespace(pos);
      switch (state) {
        case S_DONE:
          pos = p;
          if (p < end) {
            throw error("unexpected content after the JSON value", p);
          }
          return token = END;
        case S_AFTER_VALUE:
          if (depth == 0) {
            state = S_DONE;
            pos = p;
            continue;
          }
          if (p >= end) {
            throw error("unexpected end of input inside " + (inObject() ? "an object" : "an array"), p);
          }
          byte c = b[p];
          if (c == ',') {
            pos = p + 1;
            state = inObject() ? S_FIELD : S_VALUE;
            continue;
          }
          if (c == '}' && inObject()) {
            pos = p + 1;
            depth--;
            return token = END_OBJECT;
          }
          if (c == ']' && !inObject()) {
            pos = p + 1;
            depth--;
            return token = END_ARRAY;
          }
          throw error("expected ',' or '" + (inObject() ? '}' : ']') + "'", p);
        case S_FIRST_IN_OBJECT:
          if (p < end && b[p] == '}') {
            pos = p + 1;
            depth--;
            state = S_AFTER_VALUE;
            return token = END_OBJECT;
          }
          // fall through: a field name
        case S_FIELD:
          if (p >= end || b[p] != '"') {
            throw error("expected a field name", p);
          }
          p = scanString(p);
          p = skipWhitespace(p);
          if (p >= end || b[p] != ':') {
            throw error("expected ':'", p);
          }
          pos = p + 1;
          state = S_VALUE;
          return token = FIELD;
        case S_FIRST_IN_ARRAY:
          if (p < end && b[p] == ']') {
            pos = p + 1;
            depth--;
            state = S_AFTER_VALUE;
            return token = END_ARRAY;
          }
          return value(p);
        default:
          return value(p);
      }
    }
  }

  private int value(int p) throws MalformedJsonException {
    if (p >= end) {
      throw error("unexpected end of input, expected a value", p);
    }
    byte c = b[p];
    switch (c) {
      case '{':
        push(true, p);
        pos = p + 1;
        state = S_FIRST_IN_OBJECT;
        return token = START_OBJECT;
      case '[':
        push(false, p);
        pos = p + 1;
        state = S_FIRST_IN_ARRAY;
        return token = START_ARRAY;
      case '"':
        pos = scanString(p);
        state = S_AFTER_VALUE;
        return token = STRING;
      case 't':
        pos = literal(p, "true");
        state = S_AFTER_VALUE;
        return token = TRUE;
      case 'f':
        pos = literal(p, "false");
        state = S_AFTER_VALUE;
        return token = FALSE;
      case 'n':
        pos = literal(p, "null");
        state = S_AFTER_VALUE;
        return token = NULL;
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          pos = scanNumber(p);
          state = S_AFTER_VALUE;
          return token = NUMBER;
        }
        throw error("unexpected character '" + printable(c) + "'", p);
    }
  }

  private void push(boolean object, int p) throws MalformedJsonException {
    if (depth == MAX_DEPTH) {
      throw error("nesting deeper than " + MAX_DEPTH, p);
    }
    depth++;
    if (object) {
      objects |= 1L << depth;
    } else {
      objects &= ~(1L << depth);
    }
  }

  private boolean inObject() {
    return (objects & (1L << depth)) != 0;
  }

  private int skipWhitespace(int p) {
    byte[] a = b;
    int e = end;
    while (p < e) {
      byte c = a[p];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        break;
      }
      p++;
    }
    return p;
  }

  /** Scans the string starting at the quote {@code p}; sets start/stop/escaped; returns the position after it. */
  private int scanString(int p) throws MalformedJsonException {
    byte[] a = b;
    int e = end;
    int i = p + 1;
    boolean esc = false;
    // The common case — no escape, no control character — is one comparison chain per byte.
    while (i < e) {
      byte c = a[i];
      if (c == '"') {
        start = p + 1;
        stop = i;
        escaped = esc;
        return i + 1;
      }
      if (c == '\\') {
        esc = true;
        if (i + 1 >= e) {
          break;
        }
        byte x = a[i + 1];
        if (x == 'u') {
          if (i + 5 >= e) {
            break;
          }
          for (int k = i + 2; k < i + 6; k++) {
            if (hex(a[k]) < 0) {
              throw error("invalid \\u escape", k);
            }
          }
          i += 6;
          continue;
        }
        if (x != '"' && x != '\\' && x != '/' && x != 'b' && x != 'f' && x != 'n' && x != 'r' && x != 't') {
          throw error("invalid escape '\\" + printable(x) + "'", i);
        }
        i += 2;
        continue;
      }
      if (c < 0) {
        // A multi-byte UTF-8 sequence: its lead byte says how many continuation bytes (10xxxxxx) follow.
        int extra = utf8Extra(c);
        if (extra < 0) {
          throw error("invalid UTF-8 lead byte", i);
        }
        if (i + extra >= e) {
          break;
        }
        for (int k = i + 1; k <= i + extra; k++) {
          if ((a[k] & 0xC0) != 0x80) {
            throw error("invalid UTF-8 continuation byte", k);
          }
        }
        i += extra + 1;
        continue;
      }
      if (c < 0x20) {
        throw error("control character in a string", i);
      }
      i++;
    }
    throw error("unterminated string", p);
  }

  private int scanNumber(int p) throws MalformedJsonException {
    byte[] a = b;
    int e = end;
    int i = p;
    boolean whole = true;
    if (a[i] == '-') {
      i++;
    }
    if (i >= e || a[i] < '0' || a[i] > '9') {
      throw error("invalid number", p);
    }
    if (a[i] == '0') {
      i++;
    } else {
      while (i < e && a[i] >= '0' && a[i] <= '9') {
        i++;
      }
    }
    if (i < e && a[i] == '.') {
      whole = false;
      i++;
      int digits = i;
      while (i < e && a[i] >= '0' && a[i] <= '9') {
        i++;
      }
      if (i == digits) {
        throw error("invalid number: no digit after '.'", i);
      }
    }
    if (i < e && (a[i] == 'e' || a[i] == 'E')) {
      whole = false;
      i++;
      if (i < e && (a[i] == '+' || a[i] == '-')) {
        i++;
      }
      int digits = i;
      while (i < e && a[i] >= '0' && a[i] <= '9') {
        i++;
      }
      if (i == digits) {
        throw error("invalid number: no digit in the exponent", i);
      }
    }
    start = p;
    stop = i;
    integral = whole;
    return i;
  }

  private int literal(int p, String word) throws MalformedJsonException {
    int n = word.length();
    if (p + n > end) {
      throw error("invalid literal, expected " + word, p);
    }
    for (int k = 0; k < n; k++) {
      if (b[p + k] != word.charAt(k)) {
        throw error("invalid literal, expected " + word, p);
      }
    }
    return p + n;
  }

  /**
   * Skips the value that follows the current field name (or the current value, if it opens an object or array).
   */
  void skipValue() throws MalformedJsonException {
    int t = token == FIELD ? next() : token;
    if (t == START_OBJECT || t == START_ARRAY) {
      int d = depth - 1;
      while (depth > d) {
        next();
      }
    }
  }

  /** Whether the current field name or string equals the given ASCII bytes (escaped names never match). */
  boolean is(byte[] ascii) {
    int n = stop - start;
    if (n != ascii.length || escaped) {
      return false;
    }
    byte[] a = b;
    for (int k = 0, i = start; k < n; k++, i++) {
      if (a[i] != ascii[k]) {
        return false;
      }
    }
    return true;
  }

  /** Whether the current string has no characters. */
  boolean isEmptyString() {
    return stop == start;
  }

  /** The current number as a long, or -1 if it is not a non-negative integer that fits. */
  long longValue() {
    if (token != NUMBER || !integral || b[start] == '-' || stop - start > 18) {
      return -1;
    }
    long v = 0;
    for (int i = start; i < stop; i++) {
      v = v * 10 + (b[i] - '0');
    }
    return v;
  }

  /** The current string or number as text (allocates; for rare fields). */
  String text() {
    if (token == STRING || token == FIELD) {
      if (!escaped) {
        return new String(b, start, stop - start, StandardCharsets.UTF_8);
      }
      StringBuilder sb = new StringBuilder(stop - start);
      appendTo(sb);
      return sb.toString();
    }
    return new String(b, start, stop - start, StandardCharsets.ISO_8859_1);
  }

  /**
   * Appends the current string, unescaped and decoded from UTF-8.
   *
   * @return the number of chars appended
   */
  int appendTo(StringBuilder sb) {
    int before = sb.length();
    byte[] a = b;
    int i = start;
    int e = stop;
    while (i < e) {
      int c = a[i];
      if (c >= 0) {
        if (c != '\\') {
          sb.append((char) c);
          i++;
          continue;
        }
        byte x = a[i + 1];
        switch (x) {
          case 'n':
            sb.append('\n');
            break;
          case 't':
            sb.append('\t');
            break;
          case 'r':
            sb.append('\r');
            break;
          case 'b':
            sb.append('\b');
            break;
          case 'f':
            sb.append('\f');
            break;
          case 'u':
            sb.append((char) ((hex(a[i + 2]) << 12) | (hex(a[i + 3]) << 8) | (hex(a[i + 4]) << 4) | hex(a[i + 5])));
            i += 4;
            break;
          default: // '"', '\\', '/'
            sb.append((char) x);
        }
        i += 2;
        continue;
      }
      // A multi-byte UTF-8 sequence, already validated by scanString.
      int need = utf8Extra(c);
      if (need < 0 || i + need >= e) {
        sb.append('\uFFFD');
        i++;
        continue;
      }
      int cp = c & (0x3F >> need);
      boolean ok = true;
      for (int k = 1; k <= need; k++) {
        int cont = a[i + k] & 0xFF;
        if ((cont & 0xC0) != 0x80) {
          ok = false;
          break;
        }
        cp = (cp << 6) | (cont & 0x3F);
      }
      if (!ok || cp > Character.MAX_CODE_POINT || (cp >= 0xD800 && cp <= 0xDFFF)) {
        sb.append('\uFFFD');
        i++;
        continue;
      }
      sb.appendCodePoint(cp);
      i += need + 1;
    }
    return sb.length() - before;
  }

  /** Continuation bytes after a UTF-8 lead byte (110xxxxx: 1, 1110xxxx: 2, 11110xxx: 3), -1 if not a lead. */
  private static int utf8Extra(int lead) {
    if ((lead & 0xE0) == 0xC0) {
      return 1;
    }
    if ((lead & 0xF0) == 0xE0) {
      return 2;
    }
    if ((lead & 0xF8) == 0xF0) {
      return 3;
    }
    return -1;
  }

  private static int hex(byte c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private static String printable(byte c) {
    return c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\x%02X", c & 0xFF);
  }

  private MalformedJsonException error(String what, int at) {
    return new MalformedJsonException(what + " at offset " + (at - origin));
  }
}
