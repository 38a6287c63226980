package dev.tradeoff.pricing.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradeoff.pricing.catalog.PricingJson;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Plan and result types against literal JSON documents: read, check, write back byte for byte. */
final class PlanJsonTest {

  private static final ObjectMapper JSON = PricingJson.mapper();

  @Test
  void tokenMix_literal_roundTrips() throws Exception {
    String json = "{\"input\":1500.0,\"cacheRead\":0.0,\"cacheWrite5m\":0.0,\"cacheWrite1h\":0.0,\"output\":300.0,"
        + "\"reasoning\":0.0}";

    TokenMix mix = JSON.readValue(json, TokenMix.class);

    assertThat(mix).isEqualTo(TokenMix.of(1500, 300));
    assertThat(JSON.writeValueAsString(mix)).isEqualTo(json);
  }

  @Test
  void provisionedPlan_literalAsPricingPlan_roundTripsWithTypeDiscriminator() throws Exception {
    String json = "{\"type\":\"PROVISIONED\",\"name\":\"gpt-4o PTU\","
        + "\"pools\":[{\"name\":\"PTU\",\"tokensPerMinutePerUnit\":2500.0,"
        + "\"weights\":{\"INPUT\":1.0,\"OUTPUT\":3.0},\"minimumUnits\":15,\"unitIncrement\":5,"
        + "\"hourlyPerUnit\":1,\"reservedPerUnitMonth\":260}],"
        + "\"billing\":\"RESERVED\",\"reservationTermMonths\":1,\"scaling\":\"FIXED\",\"headroom\":0.2}";

    PricingPlan plan = JSON.readValue(json, PricingPlan.class);

    assertThat(plan).isInstanceOf(ProvisionedPlan.class);
    assertThat(JSON.writeValueAsString(plan)).isEqualTo(json);
    // 100k TPM of 1500/300 with 20% headroom: 160,000 weighted TPM -> 64 -> 65 PTU x $260
    assertThat(plan.monthlyCost(DemandCurve.flat(100_000, TokenMix.of(1500, 300))).monthlyTotal())
        .isEqualByComparingTo(new BigDecimal("16900"));
  }

  @Test
  void workloadCost_writeThenRead_equal() throws Exception {
    WorkloadCost cost = ImmutableProvisionedPlan.builder().name("p")
        .addPool(CapacityPool.weighted("PTU", 2500, 3, 0).hourlyPerUnit(BigDecimal.ONE).minimumUnits(15)
            .unitIncrement(5).build())
        .build().monthlyCost(DemandCurve.weekdayBusinessHours(100_000, 1_000, TokenMix.of(1500, 300)));

    String json = JSON.writeValueAsString(cost);

    assertThat(JSON.readValue(json, WorkloadCost.class)).isEqualTo(cost);
    assertThat(json).startsWith("{\"planName\":\"p\",\"planKind\":\"PROVISIONED\",\"items\":[{\"name\":\"PTU unit-hours (hourly)\"");
  }
}
