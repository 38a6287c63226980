package dev.tradeoff.metrics.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradeoff.metrics.client.ChatMessage;
import dev.tradeoff.metrics.client.ChatRequest;
import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

final class PromptSetTest {

  @Test
  void customerSupport_fiftyDistinctRealisticRequests() {
    PromptSet set = PromptSet.customerSupport();

    assertThat(set.size()).isEqualTo(50);
    assertThat(set.requests()).extracting(ChatRequest::id).doesNotHaveDuplicates().first().isEqualTo("cs-001");
    assertThat(set.requests()).allSatisfy(r -> {
      assertThat(r.messages().get(0).role()).isEqualTo(ChatMessage.Role.SYSTEM);
      assertThat(r.messages().get(r.messages().size() - 1).role()).isEqualTo(ChatMessage.Role.USER);
      assertThat(r.maxOutputTokens()).isBetween(150, 500);
    });
    assertThat(set.requests().stream().filter(r -> r.messages().size() > 2)).hasSize(2); // multi-turn
  }

  @Test
  void fromJsonl_skipsBlankAndCommentLines() throws IOException {
    PromptSet set = PromptSet.fromJsonl(new StringReader(
        "// a comment\n\n{\"id\":\"a\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"temperature\":0.5}\n"), "t");

    assertThat(set.requests()).singleElement().satisfies(r -> {
      assertThat(r.maxOutputTokens()).isEqualTo(ChatRequest.DEFAULT_MAX_OUTPUT_TOKENS);
      assertThat(r.temperature()).hasValue(0.5);
    });
  }

  @Test
  void fromJsonl_badLines_messageNamesLineAndField() {
    assertThatThrownBy(() -> PromptSet.fromJsonl(new StringReader("\n{\"id\":\"a\"}\n"), "p.jsonl"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("p.jsonl line 2: field 'messages' must be a non-empty array");
    assertThatThrownBy(() -> PromptSet.fromJsonl(new StringReader("{\"id\":\"a\",\"messages\":[{\"role\":\"robot\",\"content\":\"x\"}]}"), "p"))
        .hasMessage("p line 1: messages[0].role must be system, user or assistant, but was 'robot'");
    assertThatThrownBy(() -> PromptSet.fromJsonl(new StringReader("{\"id\":\"a\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"max_tokens\":0}"), "p"))
        .hasMessage("p line 1: field 'max_tokens' must be a positive integer, but was 0");
    assertThatThrownBy(() -> PromptSet.fromJsonl(new StringReader("{not json"), "p")).hasMessageStartingWith("p line 1: not valid JSON");
  }

  @Test
  void fromJsonl_duplicateIds_rejected() {
    String line = "{\"id\":\"dup\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}\n";

    assertThatThrownBy(() -> PromptSet.fromJsonl(new StringReader(line + line), "p"))
        .hasMessage("p: id 'dup' appears more than once");
  }

  @Test
  void fromJsonl_empty_rejected() {
    assertThatThrownBy(() -> PromptSet.fromJsonl(new StringReader("\n"), "p")).hasMessage("p: a prompt set needs at least one request");
  }
}
