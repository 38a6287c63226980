package dev.tradeoff.metrics.sse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeoff.metrics.testing.ChunkedSource;
import dev.tradeoff.metrics.testing.Fixtures;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import okio.Buffer;
import okio.Okio;

/** However the network splits a transcript into reads, the reader sees the same events. */
final class SseReaderProperties {

  private static List<String> events(SseReader reader) throws IOException {
    List<String> out = new ArrayList<>();
    while (reader.next()) {
      out.add(reader.eventType() + "|" + reader.dataUtf8());
    }
    return out;
  }

  @Provide
  Arbitrary<String> fixtures() {
    return Arbitraries.of(
        Fixtures.OPENAI_CHAT_TEXT,
        Fixtures.ANTHROPIC_THINKING,
        Fixtures.ANTHROPIC_BASIC,
        Fixtures.GEMINI_THOUGHTS,
        Fixtures.OPENAI_RESPONSES,
        Fixtures.GROQ_ERROR);
  }

  @Property(tries = 200)
  void anySplitIntoReads_yieldsTheSameEvents(
      @ForAll("fixtures") String fixture, @ForAll @IntRange(min = 1, max = 700) int maxChunk, @ForAll long seed)
      throws IOException {
    byte[] body = Fixtures.bytes(fixture);
    List<String> whole = events(SseReader.of(new Buffer().write(body)));

    java.util.Random random = new java.util.Random(seed);
    ChunkedSource source = new ChunkedSource();
    int pos = 0;
    while (pos < body.length) {
      int n = Math.min(body.length - pos, 1 + random.nextInt(maxChunk));
      source.add(Arrays.copyOfRange(body, pos, pos + n));
      pos += n;
    }

    assertThat(events(SseReader.of(Okio.buffer(source)))).isEqualTo(whole);
  }

  @Property(tries = 100)
  void lineEndingStyle_doesNotChangeEvents(
      @ForAll("fixtures") String fixture, @ForAll("endings") String ending) throws IOException {
    String text = new String(Fixtures.bytes(fixture), java.nio.charset.StandardCharsets.UTF_8);
    String normalised = text.replace("\r\n", "\n");
    String rewritten = normalised.replace("\n", ending);

    assertThat(events(SseReader.of(new Buffer().writeUtf8(rewritten))))
        .isEqualTo(events(SseReader.of(new Buffer().writeUtf8(normalised))));
  }

  @Provide
  Arbitrary<String> endings() {
    return Arbitraries.of("\n", "\r\n", "\r");
  }
}
