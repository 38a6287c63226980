package dev.tradeoff.metrics;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * Everything measured about one streamed request: its {@link StreamTimeline}, the {@link TokenUsage}, the cost,
 * and — when it failed — the {@link Failure}. Clients always return one; a failure is data, not an exception.
 *
 * <p>Token-based rates, defined here because they need the token count {@code n} = {@link
 * TokenUsage#outputTokens()} (server-reported whenever the server sent usage):
 *
 * <ul>
 *   <li>{@link #tpotNanos()} — time per output token = (E2E − TTFT<sub>any</sub>) / (n − 1). TTFT<sub>any</sub>
 *       (reasoning included) is used because {@code n} includes reasoning tokens for every provider. Undefined
 *       when n ≤ 1 or no token arrived.
 *   <li>{@link #outputTokensPerSecond()} — over the generation window: (n − 1) / (last token event − first
 *       token event). Undefined with fewer than two token events or n ≤ 1.
 *   <li>{@link #outputTokensPerSecondE2e()} — over the whole request: n / E2E.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * RequestResult r = client.execute(request);
 * if (r.succeeded()) {
 *   System.out.printf("TTFT %.1f ms, TPOT %.2f ms%n",
 *       r.timeline().ttftContentNanos().getAsLong() / 1e6, r.tpotNanos().orElse(Double.NaN) / 1e6);
 * } else {
 *   System.out.println(r.failure().get().kind() + ": " + r.failure().get().message());
 * }
 * }</pre>
 */
@Value.Immutable
public interface RequestResult {

  /**
   * The wire format used.
   *
   * @return the API
   */
  WireApi api();

  /**
   * The model id the request asked for.
   *
   * @return the model id
   */
  String model();

  /**
   * The caller's id for the request (a prompt id), {@code ""} when none was given.
   *
   * @return the id
   */
  @Value.Default
  default String requestId() {
    return "";
  }

  /**
   * The measured timeline.
   *
   * @return the timeline
   */
  StreamTimeline timeline();

  /**
   * Token usage: as the server reported it, else a tokenizer estimate (flagged), else empty.
   *
   * @return the usage
   */
  Optional<TokenUsage> usage();

  /**
   * Why the request failed; empty when it succeeded.
   *
   * @return the failure
   */
  Optional<Failure> failure();

  /**
   * The HTTP status of the last attempt, when a response arrived.
   *
   * @return the status
   */
  OptionalInt httpStatus();

  /**
   * The provider's finish / stop reason ({@code "stop"}, {@code "end_turn"}, {@code "tool_calls"}, ...).
   *
   * @return the reason, when sent
   */
  Optional<String> finishReason();

  /**
   * The provider's own id for this request, from the response headers of the last attempt that got a response:
   * {@code x-request-id} (OpenAI, Azure OpenAI and many OpenAI-compatible servers) or {@code request-id}
   * (Anthropic). It is what a provider's support asks for, and what matches a measurement with the server's
   * logs.
   *
   * @return the id, when the response carried one
   */
  Optional<String> providerRequestId();

  /**
   * How many HTTP attempts were made (more than 1 only with a retry policy).
   *
   * @return at least 1
   */
  @Value.Default
  default int attempts() {
    return 1;
  }

  /**
   * The request's cost in US dollars, exact, when a pricer knew the model and usage was available.
   *
   * @return the cost
   */
  Optional<BigDecimal> costUsd();

  /**
   * Whether the request completed without failure.
   *
   * @return true if succeeded
   */
  @Value.Derived
  default boolean succeeded() {
    return failure().isEmpty();
  }

  /**
   * Output tokens (reasoning included), 0 when no usage is known.
   *
   * @return the count
   */
  @Value.Derived
  default long outputTokens() {
    return usage().map(TokenUsage::outputTokens).orElse(0L);
  }

  /**
   * Time per output token: (E2E − TTFT<sub>any</sub>) / (n − 1).
   *
   * @return nanoseconds per token; empty when n ≤ 1 or no token arrived
   */
  @Value.Derived
  default OptionalDouble tpotNanos() {
    long n = outputTokens();
    OptionalLong ttft = timeline().ttftAnyNanos();
    if (n <= 1 || ttft.isEmpty()) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of((double) (timeline().e2eNanos() - ttft.getAsLong()) / (n - 1));
  }

  /**
   * Output tokens per second over the generation window: (n − 1) / (last − first token event).
   *
   * @return tokens per second; empty when undefined
   */
  @Value.Derived
  default OptionalDouble outputTokensPerSecond() {
    long n = outputTokens();
    OptionalLong window = timeline().generationWindowNanos();
    if (n <= 1 || window.isEmpty() || window.getAsLong() <= 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of((n - 1) * 1e9 / window.getAsLong());
  }

  /**
   * Output tokens per second over the whole request: n / E2E.
   *
   * @return tokens per second; empty when no usage is known or E2E is not positive
   */
  @Value.Derived
  default OptionalDouble outputTokensPerSecondE2e() {
    long e2e = timeline().e2eNanos();
    if (usage().isEmpty() || e2e <= 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(outputTokens() * 1e9 / e2e);
  }

  /**
   * A new builder.
   *
   * @return a builder
   */
  static ImmutableRequestResult.Builder builder() {
    return ImmutableRequestResult.builder();
  }

  /** Checks the invariants. */
  @Value.Check
  default void check() {
    if (attempts() < 1) {
      throw new IllegalStateException("attempts must be >= 1, but was " + attempts());
    }
    if (costUsd().isPresent() && costUsd().get().signum() < 0) {
      throw new IllegalStateException("costUsd must be >= 0, but was " + costUsd().get());
    }
  }
}
