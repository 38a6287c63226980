package dev.tradeoff.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

final class PriceHandleTest {

  private static final PriceCatalog CATALOG = PriceCatalog.bundled();

  @Test
  void costUsd_gpt4oMini_matchesHandComputedCost() {
    PriceHandle h = CATALOG.handle("gpt-4o-mini", RequestOptions.standard());

    // 1200 prompt incl. 1024 cached, 300 completion: 176 x 0.15 + 1024 x 0.075 + 300 x 0.60 per 1e6
    double usd = h.costOpenAiUsd(1200, 1024, 300, 0);

    assertThat(usd).isCloseTo(0.0002832, within(1e-18));
  }

  @Test
  void costUsd_aboveLongContextThreshold_usesTierRates() {
    PriceHandle h = CATALOG.handle("claude-sonnet-4-5", RequestOptions.standard());

    assertThat(h.costAnthropicUsd(250_000, 0, 0, 500)).isCloseTo(1.51125, within(1e-15));
    assertThat(h.costAnthropicUsd(200_000, 0, 0, 1_000)).isCloseTo(0.615, within(1e-15));
  }

  @Test
  void costUsd_negativeCount_rejected() {
    PriceHandle h = CATALOG.handle("gpt-4o-mini", RequestOptions.standard());

    assertThatThrownBy(() -> h.costUsd(10, -1, 0, 0, 5, 0))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("`cacheReadTokens` must be >= 0, but was -1");
  }

  @Test
  void costUsd_unpricedClassWithTokens_throwsNeverZero() {
    PriceHandle h = CATALOG.handle("gpt-4o-mini", RequestOptions.standard());

    assertThat(h.costUsd(0, 0, 0, 0, 0, 0)).isZero();
    assertThatThrownBy(() -> h.costUsd(0, 0, 0, 7, 0, 0))
        .isInstanceOf(UnpricedUsageException.class)
        .hasMessageContaining("7 CACHE_WRITE_1H tokens");
  }

  @Test
  void costOpenAiUsd_cachedAbovePrompt_rejected() {
    PriceHandle h = CATALOG.handle("gpt-4o-mini", RequestOptions.standard());

    assertThatThrownBy(() -> h.costOpenAiUsd(10, 11, 0, 0)).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void costUsd_batchHandle_appliesDiscount() {
    PriceHandle h = CATALOG.handle("claude-3-haiku", RequestOptions.batch());

    assertThat(h.costUsd(1_000_000, 1_000_000)).isCloseTo(0.75, within(1e-15)); // 0.125 + 0.625
  }
}
