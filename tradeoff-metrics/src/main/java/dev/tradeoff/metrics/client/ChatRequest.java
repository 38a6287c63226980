package dev.tradeoff.metrics.client;

import java.util.List;
import java.util.OptionalDouble;
import org.immutables.value.Value;

/**
 * A standardized chat request, written into each provider's wire format by the clients (the model comes from
 * the client's {@link ClientConfig}, so one prompt set runs against every candidate unchanged).
 *
 * <pre>{@code
 * ChatRequest request = ChatRequest.builder()
 *     .id("cs-001")
 *     .addMessage(ChatMessage.system("You are a helpful support agent."))
 *     .addMessage(ChatMessage.user("How do I reset my password?"))
 *     .maxOutputTokens(300)
 *     .build();
 * }</pre>
 */
@Value.Immutable
public interface ChatRequest {

  /** Default output limit, in tokens, when a request names none. */
  int DEFAULT_MAX_OUTPUT_TOKENS = 512;

  /**
   * The caller's id (a prompt id), copied into results.
   *
   * @return the id, {@code ""} by default
   */
  @Value.Default
  default String id() {
    return "";
  }

  /**
   * The conversation, at least one message.
   *
   * @return the messages
   */
  List<ChatMessage> messages();

  /**
   * The output limit in tokens ({@code max_tokens}, {@code max_output_tokens}, {@code maxOutputTokens}).
   *
   * @return at least 1; {@value #DEFAULT_MAX_OUTPUT_TOKENS} by default
   */
  @Value.Default
  default int maxOutputTokens() {
    return DEFAULT_MAX_OUTPUT_TOKENS;
  }

  /**
   * The sampling temperature, when set.
   *
   * @return the temperature
   */
  OptionalDouble temperature();

  /**
   * A request with one user message.
   *
   * @param userText the user's text
   * @return the request
   */
  static ChatRequest ofUser(String userText) {
    return builder().addMessage(ChatMessage.user(userText)).build();
  }

  /**
   * A new builder.
   *
   * @return a builder
   */
  static ImmutableChatRequest.Builder builder() {
    return ImmutableChatRequest.builder();
  }

  /** Checks the invariants. */
  @Value.Check
  default void check() {
    if (messages().isEmpty()) {
      throw new IllegalStateException("messages must not be empty");
    }
    if (maxOutputTokens() < 1) {
      throw new IllegalStateException("maxOutputTokens must be >= 1, but was " + maxOutputTokens());
    }
    if (temperature().isPresent() && !(temperature().getAsDouble() >= 0 && temperature().getAsDouble() <= 2)) {
      throw new IllegalStateException("temperature must be in [0, 2], but was " + temperature().getAsDouble());
    }
  }
}
