package dev.tradeoff.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

final class JsonCursorTest {

  private static JsonCursor cursor(String json) {
    byte[] b = ("xx" + json + "yy").getBytes(StandardCharsets.UTF_8);
    JsonCursor c = new JsonCursor();
    c.reset(b, 2, b.length - 4); // an offset range inside a larger buffer, as the SSE reader hands it over
    return c;
  }

  private static void walk(JsonCursor c) throws IOException {
    while (c.next() != JsonCursor.END) {
      // consume
    }
  }

  @Test
  void next_tokensAndFieldMatching() throws IOException {
    JsonCursor c = cursor(" {\"a\": [1, -2.5e3, true, false, null], \"b\":{}} ");

    assertThat(c.next()).isEqualTo(JsonCursor.START_OBJECT);
    assertThat(c.next()).isEqualTo(JsonCursor.FIELD);
    assertThat(c.is("a".getBytes(StandardCharsets.US_ASCII))).isTrue();
    assertThat(c.next()).isEqualTo(JsonCursor.START_ARRAY);
    assertThat(c.next()).isEqualTo(JsonCursor.NUMBER);
    assertThat(c.longValue()).isEqualTo(1);
    assertThat(c.next()).isEqualTo(JsonCursor.NUMBER);
    assertThat(c.longValue()).isEqualTo(-1); // not a non-negative integer
    assertThat(c.next()).isEqualTo(JsonCursor.TRUE);
    assertThat(c.next()).isEqualTo(JsonCursor.FALSE);
    assertThat(c.next()).isEqualTo(JsonCursor.NULL);
    assertThat(c.next()).isEqualTo(JsonCursor.END_ARRAY);
    assertThat(c.next()).isEqualTo(JsonCursor.FIELD);
    c.skipValue();
    assertThat(c.next()).isEqualTo(JsonCursor.END_OBJECT);
    assertThat(c.next()).isEqualTo(JsonCursor.END);
  }

  @Test
  void appendTo_escapesUnicodeAndSurrogatePairs() throws IOException {
    JsonCursor c = cursor("\"a\\n\\t\\\"\\\\\\/\\u00e9\\ud83d\\ude00 é漢😀\"");
    c.next();
    StringBuilder sb = new StringBuilder();

    c.appendTo(sb);

    assertThat(sb.toString()).isEqualTo("a\n\t\"\\/é😀 é漢😀");
  }

  @Test
  void next_malformedUtf8InString_rejected() {
    byte[] b = {'"', 'a', (byte) 0xC3, '"'}; // a lead byte without its continuation
    JsonCursor c = new JsonCursor();
    c.reset(b, 0, b.length);

    assertThatThrownBy(c::next).hasMessage("invalid UTF-8 continuation byte at offset 3");
  }

  @Test
  void next_malformedInputs_rejectedWithOffsets() {
    assertThatThrownBy(() -> walk(cursor("{\"a\":1"))).hasMessageContaining("unexpected end of input inside an object");
    assertThatThrownBy(() -> walk(cursor("{\"a\" 1}"))).hasMessage("expected ':' at offset 5");
    assertThatThrownBy(() -> walk(cursor("{\"a\":tru}"))).hasMessageStartingWith("invalid literal");
    assertThatThrownBy(() -> walk(cursor("{\"a\":01}"))).hasMessageStartingWith("expected ',' or '}'");
    assertThatThrownBy(() -> walk(cursor("{\"a\":\"x\u0001\"}"))).hasMessageStartingWith("control character");
    assertThatThrownBy(() -> walk(cursor("{\"a\":\"\\x\"}"))).hasMessageStartingWith("invalid escape");
    assertThatThrownBy(() -> walk(cursor("{} x"))).hasMessageStartingWith("unexpected content after the JSON value");
    assertThatThrownBy(() -> walk(cursor("[1,]"))).hasMessageStartingWith("unexpected character ']'");
    assertThatThrownBy(() -> walk(cursor("{,}"))).hasMessageStartingWith("expected a field name");
    assertThatThrownBy(() -> walk(cursor("1."))).hasMessageStartingWith("invalid number");
    assertThatThrownBy(() -> walk(cursor("[".repeat(70)))).hasMessageStartingWith("nesting deeper than 62");
  }

  @Test
  void reset_reusesTheCursorForAnotherDocument() throws IOException {
    JsonCursor c = cursor("[1,2");
    assertThatThrownBy(() -> walk(c)).isInstanceOf(IOException.class);
    byte[] b = "{\"k\":\"v\"}".getBytes(StandardCharsets.UTF_8);

    c.reset(b, 0, b.length);

    assertThat(c.next()).isEqualTo(JsonCursor.START_OBJECT);
    assertThat(c.next()).isEqualTo(JsonCursor.FIELD);
    assertThat(c.next()).isEqualTo(JsonCursor.STRING);
    assertThat(c.text()).isEqualTo("v");
  }
}
