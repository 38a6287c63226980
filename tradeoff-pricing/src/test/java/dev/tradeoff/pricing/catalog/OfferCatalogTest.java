package dev.tradeoff.pricing.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradeoff.pricing.CatalogFormatException;
import dev.tradeoff.pricing.InvalidValueException;
import dev.tradeoff.pricing.plan.Commitment;
import dev.tradeoff.pricing.plan.ProvisionedPrice;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class OfferCatalogTest {

  private static final OfferCatalog OFFERS = OfferCatalog.bundled();

  /** Reference scenario 2: Azure PTU prices (SECONDARY source) and per-model capacities are bundled. */
  @Test
  void bundled_azurePtuOffersPresentAndSecondaryLabelled() {
    ProvisionedPrice global = OFFERS.provisionedPrice("azure-ptu", "global").orElseThrow();

    assertThat(global.price(Commitment.HOURLY)).hasValueSatisfying(p -> assertThat(p.perUnitHour()).isEqualByComparingTo("1"));
    assertThat(global.price(Commitment.P1M)).hasValueSatisfying(p -> assertThat(p.perUnitMonth()).isEqualByComparingTo("260"));
    assertThat(global.price(Commitment.P1Y)).hasValueSatisfying(p -> assertThat(p.perUnitMonth()).isEqualByComparingTo("221"));
    assertThat(global.source().secondary()).isTrue();
    assertThat(OFFERS.provisionedCapacities()).anySatisfy(c -> {
      assertThat(c.family()).isEqualTo("azure-ptu");
      assertThat(c.model()).isEqualTo("gpt-4o-mini");
      assertThat(c.tokensPerMinutePerUnit()).isEqualTo(37_000);
    });
  }

  /** Llama 3 70B self-hosting facts: ml.g5.12xlarge at $7.09/h (4x A10G) and the NIM 2x H100 measurement. */
  @Test
  void bundled_selfHostFactsPresent() {
    assertThat(OFFERS.gpuInstance("aws-sagemaker/ml.g5.12xlarge").onDemandHourly())
        .hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("7.09"));
    assertThat(OFFERS.gpuInstance("aws-sagemaker/ml.g5.12xlarge").gpuCount()).hasValue(4);
    assertThat(OFFERS.gpuInstance("AWS/P5.48XLARGE").onDemandHourly())
        .hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("55.04")); // post-June-2025 price
    assertThat(OFFERS.gpuInstance("aws/p5.48xlarge@2025-01-26").onDemandHourly())
        .hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("98.32"));
    assertThat(OFFERS.throughputMeasurements()).extracting(m -> m.model()).contains("Llama-3.3-70B-Instruct");
    OFFERS.gpuInstances().forEach(g -> assertThat(g.source().source()).isNotBlank());
  }

  @Test
  void gpuInstance_unknown_listsSimilarIds() {
    assertThatThrownBy(() -> OFFERS.gpuInstance("aws/g5.12xlarg"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("aws/g5.12xlarge");
  }

  @Test
  void read_ownFileWithOffers_loadsThem(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("offers.json");
    Files.writeString(file, "{\"format\":\"tradeoff-price-catalog\",\"version\":1,\"models\":[],\n"
        + "\"gpuInstances\":[{\"id\":\"onprem/dgx\",\"cloud\":\"onprem\",\"instanceType\":\"dgx\",\"gpuCount\":8,"
        + "\"onDemandHourly\":20,\"source\":{\"source\":\"internal TCO sheet\",\"asOf\":\"2026-11\"}}]}");

    assertThat(OfferCatalog.read(file).gpuInstance("onprem/dgx").gpuCount()).hasValue(8);
  }

  @Test
  void read_negativeInstancePrice_rejectedWithLocation(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, "{\"format\":\"tradeoff-price-catalog\",\"version\":1,\n"
        + "\"gpuInstances\":[{\"id\":\"x/y\",\"cloud\":\"x\",\"instanceType\":\"y\",\"onDemandHourly\":-2,"
        + "\"source\":{\"source\":\"s\",\"asOf\":\"2026\"}}]}");

    assertThatThrownBy(() -> OfferCatalog.read(file))
        .isInstanceOf(CatalogFormatException.class)
        .hasMessageStartingWith("`onDemandHourly` must be >= 0, but was -2 (instance x/y")
        .hasMessageContaining("line 2")
        .hasMessageContaining("key gpuInstances[0].onDemandHourly");
  }
}
