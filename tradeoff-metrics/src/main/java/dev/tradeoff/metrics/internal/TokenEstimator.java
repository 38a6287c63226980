package dev.tradeoff.metrics.internal;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import dev.tradeoff.metrics.client.ChatMessage;
import java.util.List;

/**
 * Counts tokens with JTokkit: the model's own OpenAI encoding when JTokkit knows the model, else {@code
 * o200k_base} (an approximation for other vendors' tokenizers — which is why results are flagged estimated).
 */
public final class TokenEstimator {

  /** Per-message overhead of OpenAI's chat format (role and separators), from OpenAI's token-counting guide. */
  private static final int TOKENS_PER_MESSAGE = 3;
  /** Every reply is primed with the assistant role. */
  private static final int TOKENS_PER_REPLY = 3;

  private static final class Holder {
    static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();
  }

  private final Encoding encoding;

  private TokenEstimator(Encoding encoding) {
    this.encoding = encoding;
  }

  public static TokenEstimator forModel(String model) {
    EncodingRegistry registry = Holder.REGISTRY;
    Encoding e = registry.getEncodingForModel(model).orElseGet(() -> registry.getEncoding(EncodingType.O200K_BASE));
    return new TokenEstimator(e);
  }

  public String encodingName() {
    return encoding.getName();
  }

  public long count(CharSequence text) {
    if (text.length() == 0) {
      return 0;
    }
    return encoding.countTokensOrdinary(text.toString());
  }

  public long countPrompt(List<ChatMessage> messages) {
    long n = TOKENS_PER_REPLY;
    for (ChatMessage m : messages) {
      n += TOKENS_PER_MESSAGE + count(m.content());
    }
    return n;
  }
}
