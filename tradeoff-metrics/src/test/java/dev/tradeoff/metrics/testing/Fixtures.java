package dev.tradeoff.metrics.testing;

import dev.tradeoff.metrics.EventKind;
import dev.tradeoff.metrics.WireApi;
import dev.tradeoff.metrics.sse.SseReader;
import dev.tradeoff.metrics.sse.StreamDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import okio.Buffer;

/** The real provider transcripts copied into {@code src/test/resources/sse/} (see SOURCES.md there). */
public final class Fixtures {

  public static final String OPENAI_CHAT_TEXT = "openai-chat-text-include-usage.sse";
  public static final String OPENAI_CHAT_USAGE_DETAILS = "openai-chat-text-usage-details.sse";
  public static final String OPENAI_CHAT_TOOL_CALL = "openai-chat-tool-call-usage-details.sse";
  public static final String OPENAI_RESPONSES = "openai-responses-text.sse";
  public static final String ANTHROPIC_BASIC = "anthropic-messages-basic.sse";
  public static final String ANTHROPIC_TOOL_USE = "anthropic-messages-tool-use.sse";
  public static final String ANTHROPIC_THINKING = "anthropic-messages-thinking.sse";
  public static final String ANTHROPIC_CACHE_WRITE = "anthropic-messages-cache-write.sse";
  public static final String ANTHROPIC_ERROR = "anthropic-error-overloaded-docs.sse";
  public static final String GEMINI_THOUGHTS = "gemini-stream-generate-content-thoughts.sse";
  public static final String GROQ_ERROR = "groq-chat-error-event.sse";

  private Fixtures() {}

  public static byte[] bytes(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/sse/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture /sse/" + name + " on the test classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static WireApi apiOf(String name) {
    if (name.startsWith("openai-responses")) {
      return WireApi.OPENAI_RESPONSES;
    }
    if (name.startsWith("openai") || name.startsWith("groq")) {
      return WireApi.OPENAI_CHAT;
    }
    if (name.startsWith("anthropic")) {
      return WireApi.ANTHROPIC_MESSAGES;
    }
    if (name.startsWith("gemini")) {
      return WireApi.GEMINI;
    }
    throw new IllegalArgumentException("unknown fixture " + name);
  }

  /** The result of reading a whole transcript. */
  public static final class Decoded {
    public final List<EventKind> kinds = new ArrayList<>();
    public final StreamDecoder decoder;
    public boolean endedInsideEvent;
    public long comments;

    Decoded(StreamDecoder decoder) {
      this.decoder = decoder;
    }

    public long count(EventKind kind) {
      return kinds.stream().filter(k -> k == kind).count();
    }
  }

  /** Reads every event of a byte stream, never stopping early (to count every event of the transcript). */
  public static Decoded decode(WireApi api, byte[] body) throws IOException {
    StreamDecoder decoder = StreamDecoder.create(api);
    Decoded d = new Decoded(decoder);
    try (SseReader reader = SseReader.of(new Buffer().write(body))) {
      while (reader.next()) {
        d.kinds.add(decoder.decode(reader));
      }
      d.endedInsideEvent = reader.endedInsideEvent();
      d.comments = reader.commentLines();
    }
    return d;
  }

  public static Decoded decode(String fixture) throws IOException {
    return decode(apiOf(fixture), bytes(fixture));
  }
}
