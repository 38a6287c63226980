package dev.tradeoff.metrics.load;

import dev.tradeoff.metrics.client.LlmClient;
import java.util.Objects;

/**
 * One option being measured: a name for result files and the client that reaches it (provider, model,
 * deployment). The runner does not close the client.
 *
 * <pre>{@code
 * Candidate mini = new Candidate("gpt-4o-mini", LlmClient.create(miniConfig));
 * }</pre>
 *
 * @param name a unique, non-blank name
 * @param client the client
 */
public record Candidate(String name, LlmClient client) {

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException if the name is blank
   * @param name see the record component
   * @param client see the record component
   */
  public Candidate {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(client, "client");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
  }

  @Override
  public String toString() {
    return "Candidate{" + name + "}";
  }
}
