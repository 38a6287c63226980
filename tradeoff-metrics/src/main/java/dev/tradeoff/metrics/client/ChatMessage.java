package dev.tradeoff.metrics.client;

import org.immutables.value.Value;

/**
 * One message of a standardized chat request.
 *
 * <pre>{@code
 * ChatMessage.system("You are a support agent for Acme.");
 * ChatMessage.user("My order #1234 has not arrived.");
 * }</pre>
 */
@Value.Immutable
public interface ChatMessage {

  /** Who speaks. */
  enum Role {
    /** Instructions (OpenAI system, Anthropic and Gemini top-level system). */
    SYSTEM,
    /** The user. */
    USER,
    /** An earlier model turn. */
    ASSISTANT
  }

  /**
   * The speaker.
   *
   * @return the role
   */
  @Value.Parameter
  Role role();

  /**
   * The text.
   *
   * @return the content
   */
  @Value.Parameter
  String content();

  /**
   * A system message.
   *
   * @param content the text
   * @return the message
   */
  static ChatMessage system(String content) {
    return ImmutableChatMessage.of(Role.SYSTEM, content);
  }

  /**
   * A user message.
   *
   * @param content the text
   * @return the message
   */
  static ChatMessage user(String content) {
    return ImmutableChatMessage.of(Role.USER, content);
  }

  /**
   * An assistant message.
   *
   * @param content the text
   * @return the message
   */
  static ChatMessage assistant(String content) {
    return ImmutableChatMessage.of(Role.ASSISTANT, content);
  }
}
