package dev.tradeoff.api.workload;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tradeoff.api.TradeoffException;
import dev.tradeoff.pricing.plan.TokenMix;
import java.util.ArrayList;
import java.util.List;
import org.immutables.value.Value;

/**
 * The tokens of a request: a distribution of (input, output) sizes — one bucket for plain means, several for an
 * empirical distribution — plus the share of input tokens read from (or written to) a prompt cache and the share
 * of output tokens that are reasoning.
 *
 * <pre>{@code
 * TokenProfile chat = TokenProfile.of(1_200, 300);                      // means: 1,200 in, 300 out
 * TokenProfile cached = TokenProfile.builder().from(chat).cachedShare(0.5).build();
 * TokenProfile logged = RequestLogs.profile(requests, ZoneOffset.UTC).tokens();   // empirical
 * TokenMix mix = chat.toTokenMix();                                      // tradeoff-pricing's per-class means
 * }</pre>
 *
 * <h2>Conversion to {@code tradeoff-pricing}'s {@link TokenMix}</h2>
 * With mean input {@code I} and output {@code O}: uncached input {@code I × (1 − cachedShare − cacheWriteShare)},
 * cache reads {@code I × cachedShare}, 5-minute cache writes {@code I × cacheWriteShare}, visible output
 * {@code O × (1 − reasoningShare)}, reasoning {@code O × reasoningShare}. Pricing prices the means (a long-context
 * tier is chosen by the mean prompt); the distribution's largest prompt is what the context-window constraint
 * checks.
 *
 * <h2>Multi-turn conversations</h2>
 * Every turn of a chat resends the conversation so far, so later turns have larger prompts. Give the mean over
 * <em>all</em> turns, history included — for 5 turns of 150 new input tokens each and 250-token answers, the
 * prompts are 150, 550, 950, 1,350 and 1,750 tokens, mean 950, not 150. The first turn's size alone underestimates
 * the input cost of a 5-turn conversation about sixfold here. {@code RequestLogs.profile(...)} of recorded
 * requests has the history in it already.
 *
 * <p>Shares in [0, 1], cached plus cache-write share at most 1, mean tokens per request {@code > 0}; otherwise
 * {@link TradeoffException}. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableTokenProfile.class)
@JsonDeserialize(as = ImmutableTokenProfile.class)
public interface TokenProfile {

  /** @return the size distribution, at least one bucket */
  List<TokenBucket> buckets();

  /** @return the share of input tokens read from a prompt cache, in [0, 1], 0 by default */
  default double cachedShare() {
    return 0;
  }

  /** @return the share of input tokens written to a (5-minute) prompt cache, in [0, 1], 0 by default */
  default double cacheWriteShare() {
    return 0;
  }

  /** @return the share of output tokens that are reasoning tokens, in [0, 1], 0 by default */
  default double reasoningShare() {
    return 0;
  }

  /**
   * Checks shares and sizes.
   *
   * @throws TradeoffException naming the field and value
   */
  @Value.Check
  default void check() {
    if (buckets().isEmpty()) {
      throw TradeoffException.invalid("tokens.buckets", "at least one bucket", "empty");
    }
    share("cachedShare", cachedShare());
    share("cacheWriteShare", cacheWriteShare());
    share("reasoningShare", reasoningShare());
    if (cachedShare() + cacheWriteShare() > 1) {
      throw TradeoffException.invalid("cachedShare + cacheWriteShare", "<= 1", cachedShare() + cacheWriteShare());
    }
    if (!(meanInputTokens() + meanOutputTokens() > 0)) {
      throw TradeoffException.invalid("tokens per request", "> 0 (a request must have tokens)",
          meanInputTokens() + meanOutputTokens());
    }
  }

  private static void share(String field, double v) {
    if (!(v >= 0 && v <= 1)) {
      throw TradeoffException.invalid(field, "in [0, 1]", v);
    }
  }

  /** @return mean prompt tokens per request (weighted by bucket) */
  @Value.NonAttribute
  default double meanInputTokens() {
    double sum = 0;
    double w = 0;
    for (TokenBucket b : buckets()) {
      sum += b.inputTokens() * b.weight();
      w += b.weight();
    }
    return sum / w;
  }

  /** @return mean generated tokens per request */
  @Value.NonAttribute
  default double meanOutputTokens() {
    double sum = 0;
    double w = 0;
    for (TokenBucket b : buckets()) {
      sum += b.outputTokens() * b.weight();
      w += b.weight();
    }
    return sum / w;
  }

  /** @return mean tokens per request, all classes */
  @Value.NonAttribute
  default double meanTotalTokens() {
    return meanInputTokens() + meanOutputTokens();
  }

  /** @return the largest prompt of the distribution, tokens */
  @Value.NonAttribute
  default double maxInputTokens() {
    double max = 0;
    for (TokenBucket b : buckets()) {
      max = Math.max(max, b.inputTokens());
    }
    return max;
  }

  /**
   * The per-class means {@code tradeoff-pricing} prices (see the class comment).
   *
   * @return the mix
   */
  @Value.NonAttribute
  default TokenMix toTokenMix() {
    double in = meanInputTokens();
    double out = meanOutputTokens();
    return TokenMix.builder()
        .input(in * (1 - cachedShare() - cacheWriteShare()))
        .cacheRead(in * cachedShare())
        .cacheWrite5m(in * cacheWriteShare())
        .output(out * (1 - reasoningShare()))
        .reasoning(out * reasoningShare())
        .build();
  }

  /**
   * Every request with extra tokens (a new feature adding an image, a longer system prompt).
   *
   * @param extraInput tokens added to every prompt, {@code >= 0}
   * @param extraOutput tokens added to every answer, {@code >= 0}
   * @return the new profile
   * @throws TradeoffException if an amount is negative or not finite
   */
  default TokenProfile plus(double extraInput, double extraOutput) {
    if (!(extraInput >= 0) || Double.isInfinite(extraInput)) {
      throw TradeoffException.invalid("extraInput", ">= 0 and finite", extraInput);
    }
    if (!(extraOutput >= 0) || Double.isInfinite(extraOutput)) {
      throw TradeoffException.invalid("extraOutput", ">= 0 and finite", extraOutput);
    }
    List<TokenBucket> shifted = new ArrayList<>(buckets().size());
    for (TokenBucket b : buckets()) {
      shifted.add(TokenBucket.of(b.inputTokens() + extraInput, b.outputTokens() + extraOutput, b.weight()));
    }
    return ImmutableTokenProfile.copyOf(this).withBuckets(shifted);
  }

  /**
   * Plain means, uncached, without reasoning.
   *
   * @param inputTokens mean prompt tokens per request
   * @param outputTokens mean generated tokens per request
   * @return the profile
   * @throws TradeoffException if a count is negative or both are zero
   */
  static ImmutableTokenProfile of(double inputTokens, double outputTokens) {
    return builder().addBucket(TokenBucket.of(inputTokens, outputTokens, 1)).build();
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableTokenProfile.Builder builder() {
    return ImmutableTokenProfile.builder();
  }
}
