package dev.tradeoff.pricing.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradeoff.pricing.InvalidValueException;
import dev.tradeoff.pricing.ModelPrice;
import dev.tradeoff.pricing.PriceCatalog;
import dev.tradeoff.pricing.Provenance;
import dev.tradeoff.pricing.RequestOptions;
import dev.tradeoff.pricing.TokenRates;
import dev.tradeoff.pricing.UnknownModelException;
import dev.tradeoff.pricing.Usage;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

final class PriceOverridesTest {

  private static final PriceCatalog LIST = PriceCatalog.bundled();
  private static final Usage MILLION_EACH = Usage.of(1_000_000, 1_000_000);

  @Test
  void providerDiscount_appliesToEveryModelOfTheProvider() {
    PriceCatalog ea = PriceOverrides.builder().label("EA 2026")
        .putProviderDiscount("azure", new BigDecimal("0.15")).build().applyTo(LIST);

    // azure/gpt-4o: (2.50 + 10) x 0.85 = 10.625
    assertThat(ea.cost("azure/gpt-4o", MILLION_EACH).total()).isEqualByComparingTo("10.625");
    assertThat(ea.cost("openai/gpt-4o", MILLION_EACH).total()).isEqualByComparingTo("12.5");
    assertThat(ea.resolve("azure/gpt-4o").source().notes()).last().asString()
        .isEqualTo("discount 15% (provider azure) (EA 2026)");
  }

  @Test
  void modelDiscount_replacesProviderDiscountAndCoversTiersAndBatch() {
    PriceCatalog c = PriceOverrides.builder()
        .putProviderDiscount("anthropic", new BigDecimal("0.5"))
        .putModelDiscount("claude-sonnet-4-5", new BigDecimal("0.10")).build().applyTo(LIST);

    // long context (250k in, 500 out at $6 / $22.50) x 0.9 = 1.51125 x 0.9
    assertThat(c.cost("claude-sonnet-4-5", Usage.anthropic(250_000, 0, 0, 500)).total())
        .isEqualByComparingTo("1.360125");
    // batch discount stacks on the negotiated discount: 100k in at $3/M x 0.9 x 0.5
    assertThat(c.cost("claude-sonnet-4-5", Usage.of(100_000, 0), RequestOptions.batch()).total())
        .isEqualByComparingTo("0.135");
    assertThat(c.cost("claude-3-haiku", Usage.of(1_000_000, 0)).total()).isEqualByComparingTo("0.125");
  }

  @Test
  void negotiatedRates_replaceListPricesAndAreNotDiscountedAgain() {
    PriceCatalog c = PriceOverrides.builder()
        .putProviderDiscount("openai", new BigDecimal("0.2"))
        .putNegotiatedRate("gpt-4o", TokenRates.of("2", "8")).build().applyTo(LIST);

    assertThat(c.cost("gpt-4o", MILLION_EACH).total()).isEqualByComparingTo("10");
    assertThat(c.cost("gpt-4o-mini", MILLION_EACH).total()).isEqualByComparingTo("0.6"); // 0.75 x 0.8
  }

  @Test
  void customModel_addedAndResolvable() {
    ModelPrice fineTune = ModelPrice.builder().id("openai/ft:gpt-4o-mini:acme:support")
        .rates(TokenRates.of("0.30", "1.20"))
        .source(Provenance.of("contract ACME-2026-11", "2026-11-01")).build();

    PriceCatalog c = PriceOverrides.builder().addCustomModel(fineTune).build().applyTo(LIST);

    assertThat(c.cost("openai/ft:gpt-4o-mini:acme:support", MILLION_EACH).total()).isEqualByComparingTo("1.5");
    assertThat(c.size()).isEqualTo(LIST.size() + 1);
  }

  @Test
  void unknownModelKey_failsInsteadOfSilentlyKeepingListPrice() {
    PriceOverrides typo = PriceOverrides.builder().putModelDiscount("gpt-4o-mni", new BigDecimal("0.1")).build();

    assertThatThrownBy(() -> typo.applyTo(LIST)).isInstanceOf(UnknownModelException.class);
  }

  @Test
  void discountOutOfRange_rejectedNamingKeyAndValue() {
    assertThatThrownBy(() -> PriceOverrides.builder().putProviderDiscount("azure", new BigDecimal("15")).build())
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("`providerDiscounts.azure` must be in [0, 1) (a fraction: 0.15 = 15% off), but was 15");
  }

  @Test
  void json_literalDocument_roundTrips() throws Exception {
    String json = "{\"label\":\"EA\",\"providerDiscounts\":{\"azure\":0.15},"
        + "\"negotiatedRates\":{\"gpt-4o\":{\"inputPerMillion\":2,\"outputPerMillion\":8}}}";
    var mapper = PricingJson.mapper();

    PriceOverrides o = mapper.readValue(json, PriceOverrides.class);

    assertThat(mapper.writeValueAsString(o)).isEqualTo(json);
    assertThat(o.applyTo(LIST).cost("gpt-4o", MILLION_EACH).total()).isEqualByComparingTo("10");
  }
}
