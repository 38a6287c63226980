package dev.tradeoff.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradeoff.metrics.EventKind;
import dev.tradeoff.metrics.WireApi;
import dev.tradeoff.metrics.sse.SseReader;
import dev.tradeoff.metrics.sse.StreamDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okio.Buffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding real provider chunks: {@code tradeoff-metrics}' {@link StreamDecoder} (an allocation-free strict JSON
 * cursor; fields matched as bytes, everything else skipped) against a plain Jackson {@code readTree} of the same
 * bytes — the baseline any straightforward client pays before it has even looked at a field. Goal (issue 5): at
 * least 1 million OpenAI chat chunks per second per core, i.e. {@link #decodeChunk} at most 1 µs of CPU for
 * {@code openai}.
 *
 * <p>Inputs are the data lines of two real transcripts, copied with their provenance ({@code SOURCES.md}) into
 * this module's resources: {@code openai-chat-text-usage-details.sse} (11 JSON chunks of a 2026 stream, ~330
 * bytes each, with {@code "usage":null}, {@code obfuscation} and {@code service_tier}; its {@code [DONE]} is left
 * out, since the baseline cannot parse it and the decoder's shortcut for it would flatter the decoder) and
 * {@code anthropic-messages-thinking.sse} (118 events, thinking and text deltas, whitespace-padded JSON). {@link
 * #decodeChunk} and {@link #readTreeChunk} take one chunk per call, round-robin; the decoder is reset at each
 * wrap, like a new stream, and collects the generated text as clients do. {@link #openAiStream} and {@link
 * #anthropicStream} add the SSE framing: a whole transcript per invocation through {@link SseReader} and the
 * decoder, reported per event.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SseParseBenchmark -f 1 -wi 3 -i 3 -w 1s -r 1s -prof
 * gc}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SseParseBenchmark {

  static final String OPENAI = "openai-chat-text-usage-details.sse";
  static final String ANTHROPIC = "anthropic-messages-thinking.sse";
  static final int OPENAI_EVENTS = 12;
  static final int ANTHROPIC_EVENTS = 118;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  static byte[] transcript(String name) {
    try (InputStream in = SseParseBenchmark.class.getResourceAsStream("sse/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing benchmark resource sse/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One chunk per call, of one wire format. */
  @State(Scope.Thread)
  public static class Chunks {
    @Param({"openai", "anthropic"})
    public String format;

    String[] types;
    byte[][] data;
    int index;
    StreamDecoder decoder;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
      boolean openai = "openai".equals(format);
      WireApi api = openai ? WireApi.OPENAI_CHAT : WireApi.ANTHROPIC_MESSAGES;
      List<String> t = new ArrayList<>();
      List<byte[]> d = new ArrayList<>();
      try (SseReader reader = SseReader.of(new Buffer().write(transcript(openai ? OPENAI : ANTHROPIC)))) {
        while (reader.next()) {
          if (reader.dataEquals("[DONE]")) {
            continue; // not JSON: the baseline could not parse it, and the decoder's shortcut would flatter it
          }
          t.add(reader.eventType());
          d.add(reader.toEvent().dataBytes());
        }
      }
      types = t.toArray(new String[0]);
      data = d.toArray(new byte[0][]);
      decoder = StreamDecoder.create(api);
    }
  }

  /** Whole transcripts. */
  @State(Scope.Thread)
  public static class Streams {
    byte[] openai;
    byte[] anthropic;
    StreamDecoder openaiDecoder;
    StreamDecoder anthropicDecoder;

    @Setup(Level.Trial)
    public void setUp() {
      openai = transcript(OPENAI);
      anthropic = transcript(ANTHROPIC);
      openaiDecoder = StreamDecoder.create(WireApi.OPENAI_CHAT);
      anthropicDecoder = StreamDecoder.create(WireApi.ANTHROPIC_MESSAGES);
    }
  }

  /** The harness cost of picking the next chunk. */
  @Benchmark
  public byte[] baseline(Chunks s) {
    int i = s.index;
    s.index = i + 1 == s.data.length ? 0 : i + 1;
    return s.data[i];
  }

  /** The project's decoder: kind, usage, finish reason, error, generated text. */
  @Benchmark
  public EventKind decodeChunk(Chunks s) throws IOException {
    int i = s.index;
    if (i + 1 == s.data.length) {
      s.index = 0;
    } else {
      s.index = i + 1;
    }
    if (i == 0) {
      s.decoder.reset(); // a new stream: its text buffer starts empty again
    }
    byte[] chunk = s.data[i];
    return s.decoder.decode(s.types[i], chunk, 0, chunk.length);
  }

  /** Baseline: a plain Jackson tree of the same bytes (no field is even read yet). */
  @Benchmark
  public JsonNode readTreeChunk(Chunks s) throws IOException {
    int i = s.index;
    s.index = i + 1 == s.data.length ? 0 : i + 1;
    return MAPPER.readTree(s.data[i]);
  }

  /** SSE framing + decoding of the whole OpenAI transcript, per event. */
  @Benchmark
  @OperationsPerInvocation(OPENAI_EVENTS)
  public int openAiStream(Streams s) throws IOException {
    return readAll(s.openai, s.openaiDecoder);
  }

  /** SSE framing + decoding of the whole Anthropic thinking transcript, per event. */
  @Benchmark
  @OperationsPerInvocation(ANTHROPIC_EVENTS)
  public int anthropicStream(Streams s) throws IOException {
    return readAll(s.anthropic, s.anthropicDecoder);
  }

  private static int readAll(byte[] transcript, StreamDecoder decoder) throws IOException {
    decoder.reset();
    int kinds = 0;
    SseReader reader = SseReader.of(new Buffer().write(transcript));
    while (reader.next()) {
      kinds += decoder.decode(reader).ordinal();
    }
    return kinds;
  }
}
