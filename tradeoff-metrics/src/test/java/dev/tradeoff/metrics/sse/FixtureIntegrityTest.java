package dev.tradeoff.metrics.sse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeoff.metrics.testing.Fixtures;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The transcripts' quirks (CRLF, no final newline, padded JSON) are the point of the tests: a checkout that
 * normalised line endings would silently test something else. Pinned SHA-256 of the bytes as copied from
 * {@code ../shared/fixtures/sse/} (the OpenAI one equals its upstream snapshot file name).
 */
final class FixtureIntegrityTest {

  private static final Map<String, String> SHA256 = Map.ofEntries(
      Map.entry(Fixtures.ANTHROPIC_ERROR, "ac081eae25cf057ff929344ffba4d318ea2cb8b1450058ffd01ef8191b680a1c"),
      Map.entry(Fixtures.ANTHROPIC_BASIC, "4cef9a87292eb74b7c282f7de5a2b407160d36a9dfed25be05f59047a59033bd"),
      Map.entry(Fixtures.ANTHROPIC_CACHE_WRITE, "068709ab20f4f5040cc6386cb27b560c66645af3d10b49d92ab2f0c9d28aa3b0"),
      Map.entry(Fixtures.ANTHROPIC_THINKING, "9bf85f07ca3de26471c938258aa9ca5ad01aed479884aa2d579ed32798aae35f"),
      Map.entry(Fixtures.ANTHROPIC_TOOL_USE, "53787cbf836155a1f5dffb60cde0cf0fa42e21db2dbed0aa76f51c76a70b02f6"),
      Map.entry(Fixtures.GEMINI_THOUGHTS, "7fc9d430945e915686b600c60f25d83cc78fc996adf6f9fcf95332f36079c2d9"),
      Map.entry(Fixtures.GROQ_ERROR, "25e988586b4d174451812ff446fd596d92dce5b8417fdd3a7a1a4c8df010316b"),
      Map.entry(Fixtures.OPENAI_CHAT_TEXT, "e2aad469b71d1d4894ff833ea147020a9d875eb7ce644a0ff355581690a4cbfd"),
      Map.entry(Fixtures.OPENAI_CHAT_USAGE_DETAILS, "508beff2d1990e576ef224b0fadc353c70d101351ad70adfbdcced08ead2d8d2"),
      Map.entry(Fixtures.OPENAI_CHAT_TOOL_CALL, "1a4c2ac52a9537da1207424f5ac06367e4dc25139a56c55e319dccd7ccd90230"),
      Map.entry(Fixtures.OPENAI_RESPONSES, "d03a397c59bf48daaa8f0fdef66df4f9cc0d33acf41ca00f313f97635cce5727"));

  @Test
  void transcripts_byteForByteAsCopied() throws NoSuchAlgorithmException {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (Map.Entry<String, String> e : SHA256.entrySet()) {
      assertThat(HexFormat.of().formatHex(sha.digest(Fixtures.bytes(e.getKey())))).as(e.getKey()).isEqualTo(e.getValue());
    }
  }

  @Test
  void transcripts_keepTheirQuirks() {
    byte[] gemini = Fixtures.bytes(Fixtures.GEMINI_THOUGHTS);
    byte[] basic = Fixtures.bytes(Fixtures.ANTHROPIC_BASIC);

    assertThat(new String(gemini, java.nio.charset.StandardCharsets.UTF_8)).contains("\r\n\r\n");
    assertThat(basic[basic.length - 1]).isEqualTo((byte) '}'); // no final newline
    assertThat(Fixtures.class.getResource("/sse/SOURCES.md")).isNotNull();
  }
}
