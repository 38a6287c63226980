package dev.tradeoff.examples.sim;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How one simulated model behaves: which wire formats serve it, its latency, its output length and usage
 * reporting, its faults and outages, and where those numbers come from.
 *
 * <h2>Timing model</h2>
 * The response headers (and, where the real API sends them before the first token, the opening events such as
 * {@code message_start} or {@code response.created}) are written as soon as the request has been read. The first
 * token follows after a sample of {@link #ttftMillis()}; each further token after a sample of
 * {@link #interTokenGapMillis()}; the closing events (finish reason, usage, {@code [DONE]} /
 * {@code message_stop} / {@code response.completed}) one more gap after the last token. Every streamed delta
 * carries exactly one token. Reasoning tokens come first: streamed as {@code thinking_delta} (Anthropic, only
 * when the request sets {@code "thinking": {"type": "enabled"}}, at most {@code budget_tokens}) or
 * {@code reasoning_content} deltas (Chat Completions with {@link #streamReasoning()}), otherwise hidden — a hidden
 * reasoning token still takes one gap, so it delays the first visible token. A non-streaming request gets its
 * whole JSON body at the instant the stream would have closed.
 *
 * <h2>Token accounting</h2>
 * <ul>
 *   <li>prompt tokens: {@code 3 + sum over messages (4 + ceil(characters / charsPerToken))}, where the characters
 *       are those of the text content of each message (plus the {@code system} prompt or {@code instructions});
 *       a deterministic estimate, not a tokenizer;</li>
 *   <li>cached prompt tokens: {@code floor(prompt * cachedInputShare)}; Anthropic cache writes:
 *       {@code floor(prompt * cacheWriteShare)}, and Anthropic's {@code input_tokens} is the rest, as in the real
 *       API;</li>
 *   <li>output tokens: a sample of {@link #outputTokens()} rounded to a whole number, clamped to
 *       {@code [1, min(maxOutputTokens, the request's max_tokens)]}; when the request's limit cuts it, the finish
 *       reason is {@code length} / {@code max_tokens} / {@code incomplete};</li>
 *   <li>reported output tokens = reasoning tokens + visible tokens = the number of token deltas streamed
 *       (plus hidden reasoning tokens).</li>
 * </ul>
 *
 * <pre>{@code
 * ModelProfile profile = ModelProfile.builder("my-model")
 *     .wireFormats(WireFormat.OPENAI_CHAT_COMPLETIONS)
 *     .ttftMillis(Distribution.constant(200))
 *     .interTokenGapMillis(Distribution.constant(20))
 *     .outputTokens(Distribution.constant(50))
 *     .cachedInputShare(0.5)
 *     .source("assumption for a test").asOf(LocalDate.of(2026, 11, 28))
 *     .build();
 * }</pre>
 *
 * <p>Output of every profile is <em>simulated</em> ({@link #simulated()} is always true); the server says so in
 * the {@code x-tradeoff-simulated: true} header of every response. Immutable and thread-safe.
 *
 * @param id the model id clients send in {@code "model"}; unique within a {@link SimulatorConfig}
 * @param aliases further ids that select this profile (for example a dated snapshot name)
 * @param responseModel the model name echoed in responses (OpenAI echoes the resolved snapshot)
 * @param wireFormats the formats that serve this model; a request on another format gets a 404
 * @param ttftMillis time to first token, in milliseconds, from the moment the request has been read
 * @param interTokenGapMillis gap between consecutive tokens, in milliseconds
 * @param outputTokens number of visible output tokens, in tokens
 * @param maxOutputTokens the model's own output limit, in tokens, at least 1
 * @param reasoningTokens number of reasoning tokens per request, in tokens ({@code constant(0)} for none)
 * @param streamReasoning whether Chat Completions streams reasoning as {@code reasoning_content} deltas
 * @param cachedInputShare share of the prompt tokens reported as cache reads, in [0, 1]
 * @param cacheWriteShare share of the prompt tokens reported as Anthropic cache writes, in [0, 1]; with
 *     {@code cachedInputShare} at most 1
 * @param charsPerToken characters per prompt token of the estimate, positive (4 by default)
 * @param faults injected failures
 * @param outages outage windows, relative to server start
 * @param source where the latency and throughput figures come from (or which are assumptions)
 * @param asOf the date the figures were taken from {@code source} (the retrieval date where the source gives none)
 */
public record ModelProfile(
    String id,
    List<String> aliases,
    String responseModel,
    Set<WireFormat> wireFormats,
    Distribution ttftMillis,
    Distribution interTokenGapMillis,
    Distribution outputTokens,
    int maxOutputTokens,
    Distribution reasoningTokens,
    boolean streamReasoning,
    double cachedInputShare,
    double cacheWriteShare,
    double charsPerToken,
    FaultProfile faults,
    List<OutageWindow> outages,
    String source,
    LocalDate asOf) {

  /** Default time to first token: a constant 500 ms. */
  public static final double DEFAULT_TTFT_MILLIS = 500;
  /** Default inter-token gap: a constant 20 ms (50 tokens/s). */
  public static final double DEFAULT_GAP_MILLIS = 20;
  /** Default visible output length: a constant 100 tokens. */
  public static final double DEFAULT_OUTPUT_TOKENS = 100;
  /** Default model output limit: 4,096 tokens. */
  public static final int DEFAULT_MAX_OUTPUT_TOKENS = 4096;
  /** Default characters per prompt token of the estimate: 4. */
  public static final double DEFAULT_CHARS_PER_TOKEN = 4.0;

  /**
   * Validates and copies the profile.
   *
   * @throws IllegalArgumentException naming the first attribute out of range
   * @throws NullPointerException if a reference is null
   */
  public ModelProfile {
    requireId(id);
    aliases = List.copyOf(aliases);
    for (String alias : aliases) {
      if (alias.isBlank()) {
        throw new IllegalArgumentException("aliases must not contain a blank id, but was " + aliases);
      }
    }
    Objects.requireNonNull(responseModel, "responseModel");
    if (responseModel.isBlank()) {
      throw new IllegalArgumentException("responseModel must not be blank");
    }
    if (wireFormats.isEmpty()) {
      throw new IllegalArgumentException("wireFormats must name at least one format for model " + id);
    }
    wireFormats = Set.copyOf(EnumSet.copyOf(wireFormats));
    Objects.requireNonNull(ttftMillis, "ttftMillis");
    Objects.requireNonNull(interTokenGapMillis, "interTokenGapMillis");
    Objects.requireNonNull(outputTokens, "outputTokens");
    Objects.requireNonNull(reasoningTokens, "reasoningTokens");
    if (maxOutputTokens < 1) {
      throw new IllegalArgumentException("maxOutputTokens must be >= 1, but was " + maxOutputTokens);
    }
    requireShare("cachedInputShare", cachedInputShare);
    requireShare("cacheWriteShare", cacheWriteShare);
    if (cachedInputShare + cacheWriteShare > 1.0 + 1e-12) {
      throw new IllegalArgumentException("cachedInputShare + cacheWriteShare must be <= 1, but was "
          + (cachedInputShare + cacheWriteShare));
    }
    if (!(charsPerToken > 0.0) || Double.isInfinite(charsPerToken)) {
      throw new IllegalArgumentException("charsPerToken must be finite and > 0, but was " + charsPerToken);
    }
    Objects.requireNonNull(faults, "faults");
    outages = List.copyOf(outages);
    Objects.requireNonNull(source, "source");
    if (source.isBlank()) {
      throw new IllegalArgumentException("source must say where the figures of " + id + " come from");
    }
    Objects.requireNonNull(asOf, "asOf");
  }

  /** A builder for a model called {@code id}, with the documented defaults. */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** A builder holding this profile's values. */
  public Builder toBuilder() {
    Builder b = new Builder(id)
        .responseModel(responseModel)
        .ttftMillis(ttftMillis)
        .interTokenGapMillis(interTokenGapMillis)
        .outputTokens(outputTokens)
        .maxOutputTokens(maxOutputTokens)
        .reasoningTokens(reasoningTokens)
        .streamReasoning(streamReasoning)
        .cachedInputShare(cachedInputShare)
        .cacheWriteShare(cacheWriteShare)
        .charsPerToken(charsPerToken)
        .faults(faults)
        .source(source)
        .asOf(asOf);
    b.aliases.addAll(aliases);
    b.wireFormats = EnumSet.copyOf(wireFormats);
    b.outages.addAll(outages);
    return b;
  }

  /** Always true: every response of the {@link SimulatedProvider} is simulated. */
  public boolean simulated() {
    return true;
  }

  /** Whether {@code model} (as sent in a request) selects this profile. */
  public boolean answersTo(String model) {
    return id.equals(model) || aliases.contains(model);
  }

  private static String requireId(String id) {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("id must not be blank");
    }
    return id;
  }

  private static double requireShare(String name, double value) {
    if (!(value >= 0.0 && value <= 1.0)) {
      throw new IllegalArgumentException(name + " must be in [0, 1], but was " + value);
    }
    return value;
  }

  /**
   * Builds a {@link ModelProfile}; setters reject bad values at once, naming the attribute. Defaults: all three
   * wire formats, constant {@link #DEFAULT_TTFT_MILLIS}, {@link #DEFAULT_GAP_MILLIS} and
   * {@link #DEFAULT_OUTPUT_TOKENS}, {@link #DEFAULT_MAX_OUTPUT_TOKENS}, no reasoning, no caching, no faults, no
   * outages, response model = id. {@link #source(String)} and {@link #asOf(LocalDate)} are required. Not
   * thread-safe.
   *
   * <pre>{@code
   * ModelProfile p = ModelProfile.builder("m").source("assumption").asOf(LocalDate.of(2026, 11, 28)).build();
   * }</pre>
   */
  public static final class Builder {
    private final String id;
    private final List<String> aliases = new ArrayList<>();
    private String responseModel;
    private EnumSet<WireFormat> wireFormats = EnumSet.allOf(WireFormat.class);
    private Distribution ttftMillis = Distribution.constant(DEFAULT_TTFT_MILLIS);
    private Distribution interTokenGapMillis = Distribution.constant(DEFAULT_GAP_MILLIS);
    private Distribution outputTokens = Distribution.constant(DEFAULT_OUTPUT_TOKENS);
    private int maxOutputTokens = DEFAULT_MAX_OUTPUT_TOKENS;
    private Distribution reasoningTokens = Distribution.constant(0);
    private boolean streamReasoning;
    private double cachedInputShare;
    private double cacheWriteShare;
    private double charsPerToken = DEFAULT_CHARS_PER_TOKEN;
    private FaultProfile faults = FaultProfile.none();
    private final List<OutageWindow> outages = new ArrayList<>();
    private String source;
    private LocalDate asOf;

    private Builder(String id) {
      this.id = requireId(id);
      this.responseModel = id;
    }

    /** Adds ids that also select this model. */
    public Builder alias(String... ids) {
      for (String alias : ids) {
        if (requireId(alias).equals(id)) {
          throw new IllegalArgumentException("alias must differ from the id, but was " + alias);
        }
        aliases.add(alias);
      }
      return this;
    }

    /** The model name echoed in responses; the id by default. */
    public Builder responseModel(String name) {
      this.responseModel = requireId(name);
      return this;
    }

    /** The formats that serve this model (replaces the default of all three). */
    public Builder wireFormats(WireFormat first, WireFormat... rest) {
      this.wireFormats = EnumSet.of(Objects.requireNonNull(first, "first"), rest);
      return this;
    }

    /** Time to first token, in milliseconds. */
    public Builder ttftMillis(Distribution distribution) {
      this.ttftMillis = Objects.requireNonNull(distribution, "ttftMillis");
      return this;
    }

    /** Gap between consecutive tokens, in milliseconds. */
    public Builder interTokenGapMillis(Distribution distribution) {
      this.interTokenGapMillis = Objects.requireNonNull(distribution, "interTokenGapMillis");
      return this;
    }

    /** Visible output tokens per request, in tokens. */
    public Builder outputTokens(Distribution distribution) {
      this.outputTokens = Objects.requireNonNull(distribution, "outputTokens");
      return this;
    }

    /** The model's output limit, in tokens, at least 1. */
    public Builder maxOutputTokens(int tokens) {
      if (tokens < 1) {
        throw new IllegalArgumentException("maxOutputTokens must be >= 1, but was " + tokens);
      }
      this.maxOutputTokens = tokens;
      return this;
    }

    /** Reasoning tokens per request, in tokens. */
    public Builder reasoningTokens(Distribution distribution) {
      this.reasoningTokens = Objects.requireNonNull(distribution, "reasoningTokens");
      return this;
    }

    /** Whether Chat Completions streams reasoning as {@code reasoning_content} deltas (hidden otherwise). */
    public Builder streamReasoning(boolean stream) {
      this.streamReasoning = stream;
      return this;
    }

    /** Share of prompt tokens reported as cache reads, in [0, 1]. */
    public Builder cachedInputShare(double share) {
      this.cachedInputShare = requireShare("cachedInputShare", share);
      return this;
    }

    /** Share of prompt tokens reported as Anthropic cache writes, in [0, 1]. */
    public Builder cacheWriteShare(double share) {
      this.cacheWriteShare = requireShare("cacheWriteShare", share);
      return this;
    }

    /** Characters per prompt token of the estimate, positive. */
    public Builder charsPerToken(double chars) {
      if (!(chars > 0.0) || Double.isInfinite(chars)) {
        throw new IllegalArgumentException("charsPerToken must be finite and > 0, but was " + chars);
      }
      this.charsPerToken = chars;
      return this;
    }

    /** Injected failures. */
    public Builder faults(FaultProfile faults) {
      this.faults = Objects.requireNonNull(faults, "faults");
      return this;
    }

    /** Adds outage windows. */
    public Builder outage(OutageWindow... windows) {
      for (OutageWindow window : windows) {
        outages.add(Objects.requireNonNull(window, "outage"));
      }
      return this;
    }

    /** Removes all outage windows. */
    public Builder clearOutages() {
      outages.clear();
      return this;
    }

    /** Where the figures come from; required. */
    public Builder source(String source) {
      Objects.requireNonNull(source, "source");
      if (source.isBlank()) {
        throw new IllegalArgumentException("source must not be blank");
      }
      this.source = source;
      return this;
    }

    /** The date of the figures; required. */
    public Builder asOf(LocalDate date) {
      this.asOf = Objects.requireNonNull(date, "asOf");
      return this;
    }

    /**
     * The profile.
     *
     * @throws IllegalStateException if {@code source} or {@code asOf} was not set
     * @throws IllegalArgumentException if the shares add up to more than 1
     */
    public ModelProfile build() {
      if (source == null || asOf == null) {
        throw new IllegalStateException("source and asOf must be set for model " + id
            + " (say where its figures come from, or label them an assumption)");
      }
      return new ModelProfile(id, aliases, responseModel, wireFormats, ttftMillis, interTokenGapMillis,
          outputTokens, maxOutputTokens, reasoningTokens, streamReasoning, cachedInputShare, cacheWriteShare,
          charsPerToken, faults, outages, source, asOf);
    }
  }
}
