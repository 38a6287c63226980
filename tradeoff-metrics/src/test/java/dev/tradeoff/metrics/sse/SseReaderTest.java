package dev.tradeoff.metrics.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradeoff.metrics.testing.ChunkedSource;
import dev.tradeoff.metrics.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import okio.Buffer;
import okio.Okio;
import org.junit.jupiter.api.Test;

final class SseReaderTest {

  private static List<SseEvent> readAll(String body) throws IOException {
    return readAll(SseReader.of(new Buffer().writeUtf8(body)));
  }

  private static List<SseEvent> readAll(SseReader reader) throws IOException {
    List<SseEvent> events = new ArrayList<>();
    while (reader.next()) {
      events.add(reader.toEvent());
    }
    return events;
  }

  @Test
  void next_lfTerminatedEvents_dispatchesEachWithDefaultType() throws IOException {
    List<SseEvent> events = readAll("data: one\n\ndata: two\n\n");

    assertThat(events).extracting(SseEvent::data).containsExactly("one", "two");
    assertThat(events).extracting(SseEvent::type).containsOnly("message");
  }

  @Test
  void next_crlfAndLoneCrTerminators_areLineBreaks() throws IOException {
    assertThat(readAll("data: a\r\n\r\ndata: b\r\rdata: c\n\r\n"))
        .extracting(SseEvent::data)
        .containsExactly("a", "b", "c");
  }

  @Test
  void next_crAtEndOfRead_dispatchesWithoutWaitingForNextByte() throws IOException {
    // The second read never comes; a reader that peeks for an LF after the CR would block or lose the event.
    ChunkedSource source = new ChunkedSource().add("data: x\r\r");
    SseReader reader = SseReader.of(Okio.buffer(source));

    assertThat(reader.next()).isTrue();
    assertThat(reader.dataUtf8()).isEqualTo("x");
  }

  @Test
  void next_crlfSplitBetweenReads_isOneLineBreak() throws IOException {
    ChunkedSource source = new ChunkedSource().add("data: x\r").add("\n\r").add("\ndata: y\n\n");

    assertThat(readAll(SseReader.of(Okio.buffer(source))))
        .extracting(SseEvent::data)
        .containsExactly("x", "y");
  }

  @Test
  void next_multipleDataLines_joinedWithLineFeed() throws IOException {
    assertThat(readAll("data: first\ndata:second\ndata\ndata:  third\n\n"))
        .extracting(SseEvent::data)
        .containsExactly("first\nsecond\n\n third");
  }

  @Test
  void next_commentLinesBeforeFirstEvent_areCountedNotDispatched() throws IOException {
    // OpenRouter keeps the connection warm with comments before the first token.
    SseReader reader =
        SseReader.of(new Buffer().writeUtf8(": OPENROUTER PROCESSING\n\n: OPENROUTER PROCESSING\n\ndata: {}\n\n"));

    assertThat(readAll(reader)).extracting(SseEvent::data).containsExactly("{}");
    assertThat(reader.commentLines()).isEqualTo(2);
    assertThat(reader.eventCount()).isEqualTo(1);
  }

  @Test
  void next_eventField_setsTypeForOneEventOnly() throws IOException {
    List<SseEvent> events = readAll("event: ping\ndata: 1\n\ndata: 2\n\n");

    assertThat(events).extracting(SseEvent::type).containsExactly("ping", "message");
  }

  @Test
  void next_eventWithoutData_isNotDispatched() throws IOException {
    assertThat(readAll("event: lonely\n\nid: 7\n\ndata: real\n\n"))
        .singleElement()
        .satisfies(e -> {
          assertThat(e.type()).isEqualTo("message");
          assertThat(e.lastEventId()).isEqualTo("7");
        });
  }

  @Test
  void next_emptyDataField_dispatchesEmptyData() throws IOException {
    assertThat(readAll("data\n\n")).extracting(SseEvent::data).containsExactly("");
  }

  @Test
  void next_idWithNul_isIgnoredAndRetryDigitsAreKept() throws IOException {
    SseReader reader = SseReader.of(new Buffer().writeUtf8("id: a\u0000b\nretry: 1500\nretry: 1x\ndata: d\n\n"));

    assertThat(reader.next()).isTrue();
    assertThat(reader.lastEventId()).isEmpty();
    assertThat(reader.retryMillis()).isEqualTo(1500);
  }

  @Test
  void next_unknownFieldsAndFieldWithoutSpace_followTheSpec() throws IOException {
    assertThat(readAll("foo: bar\nevent:x\ndata:v\n\n"))
        .singleElement()
        .satisfies(e -> {
          assertThat(e.type()).isEqualTo("x");
          assertThat(e.data()).isEqualTo("v");
        });
  }

  @Test
  void next_leadingByteOrderMark_isSkipped() throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    Buffer body = new Buffer().write(bom).writeUtf8("data: after bom\n\n");

    assertThat(readAll(SseReader.of(body))).extracting(SseEvent::data).containsExactly("after bom");
  }

  @Test
  void next_byteOrderMarkSplitAcrossReads_isSkipped() throws IOException {
    ChunkedSource source =
        new ChunkedSource().add(new byte[] {(byte) 0xEF}).add(new byte[] {(byte) 0xBB, (byte) 0xBF, 'd'}).add("ata: x\n\n");

    assertThat(readAll(SseReader.of(Okio.buffer(source)))).extracting(SseEvent::data).containsExactly("x");
  }

  @Test
  void next_streamEndsWithoutBlankLine_lastEventNotDispatchedAndFlagged() throws IOException {
    // The Anthropic SDK fixture ends with `data: {"type":"message_stop"}` and no line break at all.
    SseReader reader = SseReader.of(new Buffer().write(Fixtures.bytes(Fixtures.ANTHROPIC_BASIC)));

    List<SseEvent> events = readAll(reader);

    assertThat(events).hasSize(8);
    assertThat(events.get(events.size() - 1).type()).isEqualTo("message_delta");
    assertThat(reader.endedInsideEvent()).isTrue();
  }

  @Test
  void next_lastLineTerminatedButNoBlankLine_flaggedAsEndedInsideEvent() throws IOException {
    SseReader reader = SseReader.of(new Buffer().writeUtf8("data: done\n\ndata: cut\n"));

    assertThat(readAll(reader)).extracting(SseEvent::data).containsExactly("done");
    assertThat(reader.endedInsideEvent()).isTrue();
  }

  @Test
  void next_completeStream_notFlaggedAsEndedInsideEvent() throws IOException {
    SseReader reader = SseReader.of(new Buffer().write(Fixtures.bytes(Fixtures.ANTHROPIC_THINKING)));

    assertThat(readAll(reader)).hasSize(118);
    assertThat(reader.endedInsideEvent()).isFalse();
  }

  @Test
  void next_crlfFixture_dataCarriesNoCarriageReturns() throws IOException {
    List<SseEvent> events = readAll(SseReader.of(new Buffer().write(Fixtures.bytes(Fixtures.GEMINI_THOUGHTS))));

    assertThat(events).hasSize(3);
    assertThat(events).allSatisfy(e -> assertThat(e.data()).doesNotContain("\r").startsWith("{").endsWith("}"));
  }

  @Test
  void next_lineLongerThanBound_throwsLineTooLong() {
    String longLine = "data: " + "x".repeat(5000);
    SseReader reader = SseReader.of(new Buffer().writeUtf8(longLine + "\n\n"), 1024, 1 << 20);

    assertThatThrownBy(reader::next)
        .isInstanceOf(SseFormatException.class)
        .hasMessageContaining("maxLineBytes=1024")
        .satisfies(e -> assertThat(((SseFormatException) e).reason()).isEqualTo(SseFormatException.Reason.LINE_TOO_LONG));
  }

  @Test
  void next_unterminatedHugeLine_failsAtTheBoundWithoutBufferingMore() {
    // An endless line: the reader must give up at the bound, not after reading everything.
    ChunkedSource source = new ChunkedSource();
    for (int i = 0; i < 1000; i++) {
      source.add("y".repeat(1024));
    }
    SseReader reader = SseReader.of(Okio.buffer(source), 4096, 1 << 20);

    assertThatThrownBy(reader::next).isInstanceOf(SseFormatException.class).hasMessageContaining("maxLineBytes=4096");
  }

  @Test
  void next_eventLargerThanBound_throwsEventTooLarge() {
    String body = ("data: " + "z".repeat(100) + "\n").repeat(20) + "\n";
    SseReader reader = SseReader.of(new Buffer().writeUtf8(body), 1024, 1000);

    assertThatThrownBy(reader::next)
        .isInstanceOf(SseFormatException.class)
        .satisfies(e -> assertThat(((SseFormatException) e).reason()).isEqualTo(SseFormatException.Reason.EVENT_TOO_LARGE))
        .hasMessageContaining("maxEventBytes=1000");
  }

  @Test
  void next_eventCompletedByLaterRead_hasLaterTimestamp() throws IOException, InterruptedException {
    okio.Pipe pipe = new okio.Pipe(1 << 16);
    okio.BufferedSink sink = Okio.buffer(pipe.sink());
    SseReader reader = SseReader.of(Okio.buffer(pipe.source()));
    sink.writeUtf8("data: a\n\ndata: b\n").flush();

    assertThat(reader.next()).isTrue();
    long first = reader.receivedNanos();
    Thread writer = new Thread(() -> {
      try {
        Thread.sleep(30);
        sink.writeUtf8("\n").close();
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
    writer.start();
    assertThat(reader.next()).isTrue();
    writer.join();

    assertThat(reader.receivedNanos() - first).isGreaterThanOrEqualTo(25_000_000L);
  }

  @Test
  void of_inputStream_readsEvents() throws IOException {
    SseReader reader = SseReader.of(new ByteArrayInputStream("data: s\n\n".getBytes(StandardCharsets.UTF_8)));

    assertThat(readAll(reader)).extracting(SseEvent::data).containsExactly("s");
  }

  @Test
  void of_tinyBounds_rejectedNamingTheParameter() {
    assertThatThrownBy(() -> SseReader.of(new Buffer(), 8, 1024))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxLineBytes must be >= 16, but was 8");
  }

  @Test
  void dataEquals_doneMarker_matchesExactly() throws IOException {
    SseReader reader = SseReader.of(new Buffer().writeUtf8("data: [DONE]\n\n"));
    reader.next();

    assertThat(reader.dataEquals("[DONE]")).isTrue();
    assertThat(reader.dataEquals("[DONE")).isFalse();
  }
}
