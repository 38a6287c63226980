package dev.tradeoff.pricing.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeoff.pricing.ImmutableModelPrice;
import dev.tradeoff.pricing.ModelPrice;
import dev.tradeoff.pricing.PriceCatalog;
import dev.tradeoff.pricing.Provenance;
import dev.tradeoff.pricing.TokenRates;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class CatalogDiffTest {

  private static ModelPrice model(String id, String in, String out) {
    return ModelPrice.builder().id(id).rates(TokenRates.of(in, out)).source(Provenance.of("t", "2026")).build();
  }

  @Test
  void between_addedRemovedAndRepriced_reportedWithPercent() {
    PriceCatalog before = PriceCatalog.of(List.of(model("openai/gpt-4o", "5", "15"), model("x/old", "1", "1")));
    PriceCatalog after = PriceCatalog.of(List.of(model("openai/gpt-4o", "2.50", "15"), model("x/new", "1", "1")));

    CatalogDiff diff = CatalogDiff.between(before, after);

    assertThat(diff.added()).containsExactly("x/new");
    assertThat(diff.removed()).containsExactly("x/old");
    assertThat(diff.repriced()).singleElement().satisfies(c -> {
      assertThat(c.modelId()).isEqualTo("openai/gpt-4o");
      assertThat(c.field()).isEqualTo("rates.inputPerMillion");
      assertThat(c.change()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("-2.5"));
      assertThat(c.percentChange()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("-50"));
    });
  }

  @Test
  void between_sameCatalog_noChanges() {
    assertThat(CatalogDiff.between(PriceCatalog.bundled(), PriceCatalog.bundled()).noChanges()).isTrue();
  }

  @Test
  void between_fieldAppearsOrDisappears_reportedWithEmptySide() {
    ModelPrice a = model("m/a", "1", "2");
    ModelPrice b = ImmutableModelPrice.copyOf(a).withBatchDiscount(new BigDecimal("0.5"))
        .withRates(TokenRates.builder().inputPerMillion(BigDecimal.ONE).build());

    CatalogDiff diff = CatalogDiff.between(PriceCatalog.of(List.of(a)), PriceCatalog.of(List.of(b)));

    assertThat(diff.repriced()).extracting(PriceChange::field, PriceChange::before, PriceChange::after)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("batchDiscount", Optional.empty(), Optional.of(new BigDecimal("0.5"))),
            org.assertj.core.groups.Tuple.tuple("rates.outputPerMillion", Optional.of(new BigDecimal("2")), Optional.empty()));
  }

  @Test
  void between_bundledAndDiscountedCatalog_listsEveryAzureRate() {
    PriceCatalog discounted = PriceOverrides.builder().putProviderDiscount("azure", new BigDecimal("0.1"))
        .build().applyTo(PriceCatalog.bundled());

    CatalogDiff diff = CatalogDiff.between(PriceCatalog.bundled(), discounted);

    assertThat(diff.repriced()).isNotEmpty().allSatisfy(c -> {
      assertThat(c.modelId()).startsWith("azure/");
      assertThat(c.percentChange()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("-10"));
    });
  }
}
