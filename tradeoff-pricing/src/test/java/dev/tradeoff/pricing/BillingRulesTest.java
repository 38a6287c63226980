package dev.tradeoff.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Each billing rule the module implements, checked against the provider's quoted rule or worked example in
 * {@code src/test/resources/fixtures/pricing-rules.md} (section numbers below). Expected amounts are
 * computed by hand in the comments.
 */
final class BillingRulesTest {

  private static final PriceCatalog CATALOG = PriceCatalog.bundled();

  private static BigDecimal usd(String s) {
    return new BigDecimal(s);
  }

  @Nested
  final class AnthropicPromptCaching {

    /**
     * 1.1: "5-minute cache write tokens are 1.25 times the base input tokens price; 1-hour cache write tokens
     * are 2 times; Cache read tokens are 0.1 times." 1.2 vintage A: "Claude Sonnet 4.5 | $3 / MTok | $3.75 /
     * MTok | $6 / MTok | $0.30 / MTok | $15 / MTok".
     */
    @Test
    void sonnet45_tenThousandOfEachClass_matchesThePriceTable() {
      ModelPrice m = CATALOG.resolve("claude-sonnet-4-5");
      // 40k prompt tokens: below the 200k long-context threshold.
      Usage tenK = Usage.builder().input(10_000).cacheWrite5m(10_000).cacheWrite1h(10_000)
          .cacheRead(10_000).output(10_000).build();

      RequestCost cost = m.cost(tenK);

      assertThat(cost.amount(TokenClass.INPUT)).isEqualByComparingTo("0.03");          // 10k x $3/M
      assertThat(cost.amount(TokenClass.CACHE_WRITE_5M)).isEqualByComparingTo("0.0375"); // 10k x $3.75/M
      assertThat(cost.amount(TokenClass.CACHE_WRITE_1H)).isEqualByComparingTo("0.06");   // 10k x $6/M
      assertThat(cost.amount(TokenClass.CACHE_READ)).isEqualByComparingTo("0.003");      // 10k x $0.30/M
      assertThat(cost.amount(TokenClass.OUTPUT)).isEqualByComparingTo("0.15");           // 10k x $15/M
      assertThat(cost.total()).isEqualByComparingTo("0.2805");
    }

    /**
     * 1.1 multipliers on Claude Haiku 3's $0.25 base: 5m write 0.3125, 1h write 0.50, read 0.025. The table
     * prints "$0.30" and "$0.03" ("shows the rounding the docs apply"); the catalog bills the rule.
     */
    @Test
    void haiku3_cacheClasses_billedAtTheMultiplierRuleNotTheRoundedTable() {
      ModelPrice m = CATALOG.resolve("claude-3-haiku-20240307");

      RequestCost cost = m.cost(Usage.anthropic(0, 1_000_000, 1_000_000, 1_000_000, 0));

      assertThat(cost.amount(TokenClass.CACHE_WRITE_5M)).isEqualByComparingTo("0.3125"); // 1.25 x 0.25
      assertThat(cost.amount(TokenClass.CACHE_WRITE_1H)).isEqualByComparingTo("0.50");   // 2 x 0.25
      assertThat(cost.amount(TokenClass.CACHE_READ)).isEqualByComparingTo("0.025");      // 0.1 x 0.25
    }

    /**
     * The recorded stream anthropic-messages-cache-write.sse (claude-3-5-sonnet-20240620): input 4,
     * cache_creation 1165, output 201 — each token billed once: 4 x 3 + 1165 x 3.75 + 201 x 15 per 1e6 =
     * 0.000012 + 0.00436875 + 0.003015 = 0.00739575 (priced with Sonnet 4.5's identical rates).
     */
    @Test
    void cacheWriteStream_usageFromTheWire_billedExactlyOnce() {
      RequestCost cost = CATALOG.cost("anthropic/claude-sonnet-4-5", Usage.anthropic(4, 1165, 0, 201));

      assertThat(cost.total()).isEqualByComparingTo("0.00739575");
      assertThat(cost.lines()).extracting(CostLine::tokens).containsExactly(4L, 1165L, 201L);
    }
  }

  @Nested
  final class BatchDiscount {

    /** 1.3: "a 50% discount on both input and output tokens"; "Claude Haiku 3 | $0.125 / MTok | $0.625 / MTok". */
    @Test
    void haiku3_batch_halvesInputAndOutput() {
      RequestCost cost = CATALOG.cost("claude-3-haiku", Usage.of(1_000_000, 1_000_000), RequestOptions.batch());

      assertThat(cost.amount(TokenClass.INPUT)).isEqualByComparingTo("0.125");
      assertThat(cost.amount(TokenClass.OUTPUT)).isEqualByComparingTo("0.625");
    }

    /**
     * 1.3 FAQ: "Batch API and prompt caching discounts can be combined"; 1.1 (2026): "These multipliers stack
     * with other pricing modifiers, including the Batch API discount". Sonnet 4.5 cache read in batch:
     * 0.30 x 0.5 = 0.15 per MTok; 100k reads = 0.015.
     */
    @Test
    void sonnet45_batchWithCacheRead_discountsStack() {
      RequestCost cost = CATALOG.cost("claude-sonnet-4-5", Usage.anthropic(0, 0, 100_000, 0),
          RequestOptions.batch());

      assertThat(cost.total()).isEqualByComparingTo("0.015");
    }

    /** 2.1: "Batch API: Save 50% on inputs and outputs"; GPT-4o standard $2.50/$10 → $1.25/$5. */
    @Test
    void gpt4o_batch_halvesInputAndOutput() {
      RequestCost cost = CATALOG.cost("gpt-4o", Usage.of(2_000_000, 1_000_000), RequestOptions.batch());

      assertThat(cost.total()).isEqualByComparingTo("7.5"); // 2 x 1.25 + 1 x 5
    }

    /** A model with neither batch prices nor a batch discount cannot be priced in batch: no silent $0. */
    @Test
    void groq_batch_throwsUnpricedUsage() {
      assertThatThrownBy(() -> CATALOG.cost("groq/llama-3.3-70b-versatile", Usage.of(10, 10),
          RequestOptions.batch()))
          .isInstanceOf(UnpricedUsageException.class)
          .hasMessageContaining("neither batch rates nor a batch discount");
    }
  }

  @Nested
  final class LongContext {

    /**
     * 1.4 worked example: usage {input_tokens 250000, cache 0, output_tokens 500} on Sonnet 4.5: "If the total
     * exceeds 200,000 tokens, the entire request was billed at 1M context rates" ($6 / $22.50):
     * 250000 x 6 / 1e6 + 500 x 22.5 / 1e6 = 1.5 + 0.01125 = 1.51125.
     */
    @Test
    void sonnet45_promptAbove200k_wholeRequestAtLongContextRates() {
      RequestCost cost = CATALOG.cost("claude-sonnet-4-5", Usage.anthropic(250_000, 0, 0, 500));

      assertThat(cost.total()).isEqualByComparingTo("1.51125");
      assertThat(cost.longContextThreshold()).hasValue(200_000);
    }

    /**
     * 1.4: "The 200K threshold is based solely on input tokens (including cache reads/writes)": 150k input +
     * 60k cache read = 210k > 200k, so the tier applies: 150000 x 6 + 60000 x 0.60 + 1000 x 22.50 per 1e6 =
     * 0.9 + 0.036 + 0.0225 = 0.9585.
     */
    @Test
    void sonnet45_cacheReadsPushPromptOverThreshold_tierApplies() {
      RequestCost cost = CATALOG.cost("claude-sonnet-4-5", Usage.anthropic(150_000, 0, 60_000, 1_000));

      assertThat(cost.total()).isEqualByComparingTo("0.9585");
    }

    /** 1.4: "requests with fewer than 200K input tokens are charged at standard rates"; exactly 200k is not above. */
    @Test
    void sonnet45_promptExactlyAtThreshold_standardRates() {
      RequestCost cost = CATALOG.cost("claude-sonnet-4-5", Usage.anthropic(200_000, 0, 0, 1_000));

      assertThat(cost.total()).isEqualByComparingTo("0.615"); // 200000 x 3 + 1000 x 15 per 1e6
      assertThat(cost.longContextThreshold()).isEmpty();
    }

    /** 1.4 "The Batch API 50% discount applies to long context pricing": 250000 x 3 + 500 x 11.25 per 1e6. */
    @Test
    void sonnet45_longContextInBatch_discountAppliesToTierRates() {
      RequestCost cost = CATALOG.cost("claude-sonnet-4-5", Usage.anthropic(250_000, 0, 0, 500),
          RequestOptions.batch());

      assertThat(cost.total()).isEqualByComparingTo("0.755625");
    }

    /**
     * 1.4 vintage B: "Claude 4.6 and later models ... include the full 1M token context window at standard
     * pricing. (A 900k-token request is billed at the same per-token rate as a 9k-token request.)"
     */
    @Test
    void sonnet46_900kPrompt_sameRateAs9k() {
      BigDecimal big = CATALOG.cost("claude-sonnet-4-6", Usage.of(900_000, 0)).total();
      BigDecimal small = CATALOG.cost("claude-sonnet-4-6", Usage.of(9_000, 0)).total();

      assertThat(big).isEqualByComparingTo(small.multiply(BigDecimal.valueOf(100)));
    }

    /**
     * Section 5 (third-party restatement, unverified): Gemini 2.5 Pro "$1.25, prompts <= 200k tokens $2.50,
     * prompts > 200k" input and "$10.00 / $15.00" output. 300k in + 2k out: 0.75 + 0.03 = 0.78.
     */
    @Test
    void gemini25Pro_promptAbove200k_higherTierForInputAndOutput() {
      RequestCost cost = CATALOG.cost("gemini/gemini-2.5-pro", Usage.of(300_000, 2_000));

      assertThat(cost.total()).isEqualByComparingTo("0.78");
    }
  }

  @Nested
  final class ReasoningTokens {

    /**
     * 2.2: reasoning tokens "are billed as output tokens". The Azure o1 usage of 3.3 (prompt 1566, cached 1408,
     * completion 1518 incl. 576 reasoning) on o1 ($15 in, $7.50 cached, $60 out):
     * 158 x 15 + 1408 x 7.5 + (942 + 576) x 60, per 1e6 = 0.00237 + 0.01056 + 0.09108 = 0.10401.
     */
    @Test
    void o1_reasoningTokens_billedAtOutputRateAndNotTwice() {
      RequestCost cost = CATALOG.cost("o1-2024-12-17", Usage.openAi(1566, 1408, 1518, 576));

      assertThat(cost.total()).isEqualByComparingTo("0.10401");
      assertThat(cost.amount(TokenClass.REASONING)).isEqualByComparingTo("0.03456"); // 576 x 60 / 1e6
    }

    /**
     * 1.10 (Anthropic): thinking tokens "are billed as output tokens"; output_tokens already includes them
     * (anthropic-messages-thinking.sse: input 43, output 282). Sonnet 4: 43 x 3 + 282 x 15 per 1e6.
     */
    @Test
    void anthropicThinking_includedInOutputTokens_billedOnceAtOutputRate() {
      RequestCost cost = CATALOG.cost("claude-sonnet-4-20250514", Usage.anthropic(43, 0, 0, 282));

      assertThat(cost.total()).isEqualByComparingTo("0.004359"); // 0.000129 + 0.00423
    }

    /** Gemini thoughts at the output rate (gemini-2.5-flash "Thinking/reasoning tokens priced at output rate"). */
    @Test
    void geminiThoughts_billedAtOutputRate() {
      RequestCost cost = CATALOG.cost("gemini/gemini-2.5-flash", Usage.gemini(18, 0, 80, 35));

      assertThat(cost.total()).isEqualByComparingTo("0.0002929"); // 18 x 0.3 + 115 x 2.5, per 1e6
    }
  }

  @Nested
  final class OpenAiCacheWrites {

    /**
     * 2.3: "Cached input tokens are billed at 0.1x the uncached input token rate. Tokens written to the cache
     * are billed at 1.25x ... Tokens that are neither read nor written are billed at the uncached input token
     * rate. The 1.25x cache-write rate is the total rate for written tokens." Worked on the quoted usage
     * (2600 = 2000 read + 400 written + 200 other) with a $10/MTok input rate:
     * 200 x 10 + 2000 x 1 + 400 x 12.5 per 1e6 = 0.002 + 0.002 + 0.005 = 0.009.
     */
    @Test
    void quotedUsage_eachCategoryBilledOnceAtItsRate() {
      ModelPrice m = ModelPrice.builder()
          .id("openai/gpt-5.6-example")
          .rates(TokenRates.builder().inputPerMillion(usd("10")).cacheReadPerMillion(usd("1"))
              .cacheWrite5mPerMillion(usd("12.5")).outputPerMillion(usd("60")).build())
          .source(Provenance.of("pricing-rules.md 2.3", "2026"))
          .build();

      RequestCost cost = m.cost(Usage.openAi(2600, 2000, 400, 0, 0));

      assertThat(cost.total()).isEqualByComparingTo("0.009");
    }

    /** Older OpenAI models list no write price: writes are ordinary input (no extra charge, never $0). */
    @Test
    void gpt4o_cacheWriteWithoutListedRate_billedAtInputRate() {
      RequestCost cost = CATALOG.cost("gpt-4o", Usage.openAi(1000, 0, 1000, 0, 0));

      assertThat(cost.total()).isEqualByComparingTo("0.0025"); // 1000 x 2.5 / 1e6
    }
  }

  @Nested
  final class DataResidency {

    /**
     * 1.5: "specifying US-only inference ... incurs a 1.1x multiplier on all token pricing categories,
     * including input tokens, output tokens, cache writes, and cache reads." Opus 4.6 ($5 / $25 / read $0.50):
     * (1M x 5 + 1M x 0.5 + 1M x 25) x 1.1 = 33.55.
     */
    @Test
    void opus46_usOnly_allClassesTimes1point1() {
      RequestCost cost = CATALOG.cost("claude-opus-4-6",
          Usage.builder().input(1_000_000).cacheRead(1_000_000).output(1_000_000).build(),
          RequestOptions.of(ServiceTier.STANDARD, dev.tradeoff.pricing.DataResidency.US));

      assertThat(cost.total()).isEqualByComparingTo("33.55");
    }

    /** 1.5 vintage A: "Earlier models (Claude Sonnet 4, Opus 4, and prior releases) retain their existing pricing" — no uplift known, so no silent guess. */
    @Test
    void sonnet4_usOnlyWithoutListedUplift_throws() {
      assertThatThrownBy(() -> CATALOG.cost("claude-sonnet-4", Usage.of(10, 10),
          RequestOptions.of(ServiceTier.STANDARD, dev.tradeoff.pricing.DataResidency.US)))
          .isInstanceOf(UnpricedUsageException.class)
          .hasMessageContaining("no US data-residency uplift");
    }

    /**
     * GPT-5.4: "+10% regional-processing uplift (US/EU) encoded in litellm" (pricing-facts.json):
     * 200k x $2.50/M x 1.1 = 0.55.
     */
    @Test
    void gpt54_euProcessing_tenPercentUplift() {
      RequestCost cost = CATALOG.cost("gpt-5.4", Usage.of(200_000, 0),
          RequestOptions.of(ServiceTier.STANDARD, dev.tradeoff.pricing.DataResidency.EU));

      assertThat(cost.total()).isEqualByComparingTo("0.55");
    }

    /** The uplift stacks on the long-context tier: 300k x $5/M x 1.1 = 1.65 (threshold 272k). */
    @Test
    void gpt54_euProcessingAboveThreshold_upliftOnTierRate() {
      RequestCost cost = CATALOG.cost("gpt-5.4", Usage.of(300_000, 0),
          RequestOptions.of(ServiceTier.STANDARD, dev.tradeoff.pricing.DataResidency.EU));

      assertThat(cost.total()).isEqualByComparingTo("1.65");
    }
  }

  @Nested
  final class WorkedExamples {

    /**
     * 4 (AWS Bedrock, historical, SECONDARY): "Total cost incurred = 11K tokens/1000 x $0.008 + 4K tokens/1000 x
     * $0.024 = $0.088 + $0.096 = $0.184" — i.e. $8 / $24 per MTok.
     */
    @Test
    void bedrockClaudeV2Example_totals0point184() {
      ModelPrice claudeV2 = ModelPrice.builder()
          .id("bedrock/anthropic.claude-v2")
          .rates(TokenRates.of("8", "24"))
          .source(Provenance.builder().source("https://aws.amazon.com/bedrock/pricing/ (pricing example)")
              .asOf("2023").secondary(true).build())
          .build();

      RequestCost cost = claudeV2.cost(Usage.of(11_000, 4_000));

      assertThat(cost.amount(TokenClass.INPUT)).isEqualByComparingTo("0.088");
      assertThat(cost.amount(TokenClass.OUTPUT)).isEqualByComparingTo("0.096");
      assertThat(cost.total()).isEqualByComparingTo("0.184");
    }
  }

  @Nested
  final class NeverZero {

    @Test
    void oneHourWriteOnModelWithoutThatPrice_throwsInsteadOfZero() {
      assertThatThrownBy(() -> CATALOG.cost("anthropic.claude-3-5-haiku-20241022-v1:0",
          Usage.anthropic(100, 0, 2048, 0, 50)))
          .isInstanceOf(UnpricedUsageException.class)
          .hasMessageContaining("CACHE_WRITE_1H")
          .hasMessageContaining("cacheWrite1hPerMillion")
          .satisfies(e -> assertThat(((UnpricedUsageException) e).tokenClass()).isEqualTo(TokenClass.CACHE_WRITE_1H));
    }

    @Test
    void flexOnModelWithoutFlexPrices_throws() {
      assertThatThrownBy(() -> CATALOG.cost("gpt-4o", Usage.of(1, 1),
          RequestOptions.of(ServiceTier.FLEX, dev.tradeoff.pricing.DataResidency.GLOBAL)))
          .isInstanceOf(UnpricedUsageException.class)
          .hasMessageContaining("lists no FLEX prices");
    }

    @Test
    void flexOnO3_usesFlexPrices() {
      RequestCost cost = CATALOG.cost("o3", Usage.of(1_000_000, 1_000_000),
          RequestOptions.of(ServiceTier.FLEX, dev.tradeoff.pricing.DataResidency.GLOBAL));

      assertThat(cost.total()).isEqualByComparingTo("5"); // 1.00 + 4.00
    }
  }
}
