package dev.tradeoff.api.routing;

import dev.tradeoff.pricing.ModelPrice;
import dev.tradeoff.pricing.PriceHandle;
import dev.tradeoff.pricing.Provenance;
import dev.tradeoff.pricing.RequestOptions;
import dev.tradeoff.pricing.TokenRates;
import java.math.BigDecimal;

/** Price handles with made-up, exact rates (USD per 1M tokens), so tests do not depend on the catalog. */
final class Fixtures {

  private Fixtures() { }

  static ModelPrice model(String id, String inputPerM, String cacheReadPerMOrNull, String outputPerM) {
    var rates = TokenRates.builder()
        .inputPerMillion(new BigDecimal(inputPerM))
        .outputPerMillion(new BigDecimal(outputPerM));
    if (cacheReadPerMOrNull != null) {
      rates.cacheReadPerMillion(new BigDecimal(cacheReadPerMOrNull));
    }
    return ModelPrice.builder()
        .id(id)
        .rates(rates.build())
        .source(Provenance.of("https://example.test/prices", "2026-11-28"))
        .build();
  }

  static PriceHandle price(String id, String inputPerM, String cacheReadPerMOrNull, String outputPerM) {
    return model(id, inputPerM, cacheReadPerMOrNull, outputPerM).handle(RequestOptions.standard());
  }

  static PriceHandle price(String id, String inputPerM, String outputPerM) {
    return price(id, inputPerM, null, outputPerM);
  }
}
