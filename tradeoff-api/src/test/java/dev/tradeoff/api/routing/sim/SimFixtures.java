package dev.tradeoff.api.routing.sim;

import dev.tradeoff.api.routing.Candidate;
import dev.tradeoff.pricing.LongContextTier;
import dev.tradeoff.pricing.ModelPrice;
import dev.tradeoff.pricing.PriceHandle;
import dev.tradeoff.pricing.Provenance;
import dev.tradeoff.pricing.RequestOptions;
import dev.tradeoff.pricing.TokenRates;
import java.math.BigDecimal;
import java.time.Duration;

/** Made-up prices and fixed-latency candidates, so simulator tests can compute their expectations. */
final class SimFixtures {

  private SimFixtures() { }

  static PriceHandle price(String id, String inPerM, String cachePerMOrNull, String outPerM) {
    var rates = TokenRates.builder().inputPerMillion(new BigDecimal(inPerM)).outputPerMillion(new BigDecimal(outPerM));
    if (cachePerMOrNull != null) {
      rates.cacheReadPerMillion(new BigDecimal(cachePerMOrNull));
    }
    return ModelPrice.builder().id(id).rates(rates.build())
        .source(Provenance.of("https://example.test/prices", "2026-11-28")).build()
        .handle(RequestOptions.standard());
  }

  static PriceHandle tiered(String id, long threshold, String inLow, String outLow, String inHigh, String outHigh) {
    return ModelPrice.builder().id(id)
        .rates(TokenRates.of(inLow, outLow))
        .addLongContextTier(LongContextTier.of(threshold, TokenRates.of(inHigh, outHigh)))
        .source(Provenance.of("https://example.test/prices", "2026-11-28")).build()
        .handle(RequestOptions.standard());
  }

  /** Fixed time to first token and output rate. */
  static LatencyModel fixed(long ttftMillis, double tokensPerSecond) {
    return LatencyModel.of(Distribution.constant(ttftMillis), Distribution.constant(tokensPerSecond));
  }

  static SimulatedCandidate candidate(String id, PriceHandle price, long ttftMillis, double tps) {
    return SimulatedCandidate.of(Candidate.builder().id(id).price(price)
        .expectedTtft(Duration.ofMillis(ttftMillis)).expectedTokensPerSecond(tps).build(), fixed(ttftMillis, tps));
  }
}
