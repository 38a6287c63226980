package dev.tradeoff.examples.chatbot;

import dev.tradeoff.metrics.WireApi;
import java.util.Objects;

/**
 * One model compared by the chatbot dashboard: a display name, the wire format and model id it is reached
 * with, and the environment variable holding its API key for real runs. The model id is both sent to the
 * provider (or the simulator, which serves the same ids) and looked up in the bundled price catalog.
 *
 * <pre>{@code
 * ChatbotModel mini = ChatbotModel.gpt4oMini();
 * ChatbotModel custom = new ChatbotModel("GPT-4o", WireApi.OPENAI_CHAT, "gpt-4o", "OPENAI_API_KEY");
 * }</pre>
 *
 * @param name the display name, non-blank
 * @param api the wire format
 * @param model the model id, non-blank
 * @param apiKeyEnv the environment variable of the API key for real runs, non-blank
 */
public record ChatbotModel(String name, WireApi api, String model, String apiKeyEnv) {

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException if a text is blank
   */
  public ChatbotModel {
    Objects.requireNonNull(api, "api");
    requireText(name, "name");
    requireText(model, "model");
    requireText(apiKeyEnv, "apiKeyEnv");
  }

  /**
   * OpenAI GPT-4o mini over Chat Completions.
   *
   * @return the model
   */
  public static ChatbotModel gpt4oMini() {
    return new ChatbotModel("GPT-4o-mini", WireApi.OPENAI_CHAT, "gpt-4o-mini", "OPENAI_API_KEY");
  }

  /**
   * Anthropic Claude 3 Haiku over Messages.
   *
   * @return the model
   */
  public static ChatbotModel claude3Haiku() {
    return new ChatbotModel("Claude 3 Haiku", WireApi.ANTHROPIC_MESSAGES, "claude-3-haiku-20240307",
        "ANTHROPIC_API_KEY");
  }

  private static void requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
