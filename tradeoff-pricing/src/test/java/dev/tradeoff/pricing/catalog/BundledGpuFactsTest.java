package dev.tradeoff.pricing.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tradeoff.pricing.selfhost.GpuInstance;
import dev.tradeoff.pricing.selfhost.InstancePricing;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled GPU instance prices are the sourced facts ({@code fixtures/pricing-facts.json}, {@code
 * gpu_instances}: 46 instances from AWS, GCP, Azure and neoclouds), price for price (an offer priced per GPU is
 * bundled at that price times its GPUs, an instance whose fact names no GPU at its family's), and each keeps its fact's
 * source and date (a date the source did not state, such as "n/a", is kept in a note beside the catalog's year).
 * An instance priced by two sources of different dates (AWS cut P4d and P5 prices in June 2025)
 * is bundled under its plain id at the newest price, and the older price stays reachable as {@code id@date}.
 */
final class BundledGpuFactsTest {

  private static final OfferCatalog OFFERS = OfferCatalog.bundled();

  private static List<JsonNode> facts;

  @BeforeAll
  static void readFacts() throws IOException {
    facts = PricingFacts.read("gpu_instances", "gpu_instance"); // the others are commitment rules, prose
  }

  @Test
  void bundled_pricesEveryInstanceAsItsFact_withItsSourceAndDate() {
    Map<String, LocalDate> newest = new HashMap<>();
    for (JsonNode fact : facts) {
      newest.merge(key(fact), asOf(fact), (a, b) -> a.isAfter(b) ? a : b);
    }
    List<String> mismatches = new ArrayList<>();
    Set<String> checked = new LinkedHashSet<>();
    for (JsonNode fact : facts) {
      String id = asOf(fact).equals(newest.get(key(fact))) ? key(fact) : key(fact) + "@" + asOf(fact);
      GpuInstance g = OFFERS.gpuInstance(id);
      checked.add(g.id());
      compare(mismatches, id, "on_demand_hourly", onDemand(fact), g.hourly(InstancePricing.ON_DEMAND));
      compare(mismatches, id, "reserved_1yr_hourly", amount(fact, "reserved_1yr_hourly"), g.reserved1yHourly());
      compare(mismatches, id, "reserved_3yr_hourly", amount(fact, "reserved_3yr_hourly"), g.reserved3yHourly());
      compare(mismatches, id, "spot_hourly_example", amount(fact, "spot_hourly_example"), g.spotHourly());
      if (fact.path("gpu_count").isInt() && g.gpuCount().orElse(-1) != fact.path("gpu_count").asInt()) {
        mismatches.add(id + " gpu_count " + g.gpuCount() + " but the fact is " + fact.path("gpu_count").asInt());
      }
      if (fact.path("gpu").isTextual() && !g.gpu().equals(Optional.of(fact.path("gpu").asText()))) {
        mismatches.add(id + " gpu " + g.gpu() + " but the fact is " + fact.path("gpu").asText());
      }
      if (!g.source().source().equals(fact.path("source").asText())) {
        mismatches.add(id + " does not keep its fact's source");
      }
      String factDate = fact.path("as_of").asText();
      boolean dateKept = isDate(factDate)
          ? g.source().asOf().equals(factDate)
          : g.source().notes().contains("as_of as stated by the source: '" + factDate + "'");
      if (!dateKept) {
        mismatches.add(id + " does not keep its fact's date " + factDate);
      }
    }
    assertThat(mismatches).isEmpty();
    assertThat(checked).as("one bundled instance per fact").hasSize(facts.size());
    assertThat(OFFERS.gpuInstances().stream().map(GpuInstance::id).collect(Collectors.toSet()))
        .as("no bundled instance without its fact").isEqualTo(checked);
  }

  @Test
  void bundled_instancePricedTwice_plainIdIsTheNewerPrice() {
    assertThat(OFFERS.gpuInstance("aws/p5.48xlarge").onDemandHourly())
        .hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("55.04"));
    assertThat(OFFERS.gpuInstance("aws/p5.48xlarge@2025-01-26").onDemandHourly())
        .hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("98.32"));
  }

  private static String key(JsonNode fact) {
    return fact.path("cloud").asText() + "/" + fact.path("instance").asText();
  }

  /** The fact's date; one the source did not state ("n/a") sorts first and never makes an {@code @date} id. */
  private static LocalDate asOf(JsonNode fact) {
    String date = fact.path("as_of").asText();
    return isDate(date) ? LocalDate.parse(date) : LocalDate.MIN;
  }

  private static boolean isDate(String text) {
    return text.matches("\\d{4}-\\d{2}-\\d{2}");
  }

  private static Optional<BigDecimal> amount(JsonNode fact, String field) {
    JsonNode value = fact.path(field);
    return value.isNumber() ? Optional.of(value.decimalValue()) : Optional.empty();
  }

  /** The instance's hourly price: as listed, or — for offers priced per GPU — per GPU times the GPUs. */
  private static Optional<BigDecimal> onDemand(JsonNode fact) {
    Optional<BigDecimal> listed = amount(fact, "on_demand_hourly");
    if (listed.isPresent()) {
      return listed;
    }
    return amount(fact, "per_gpu_hourly").map(perGpu -> perGpu.multiply(BigDecimal.valueOf(fact.path("gpu_count").asInt())));
  }

  private static void compare(
      List<String> out, String id, String field, Optional<BigDecimal> expected, Optional<BigDecimal> bundled) {
    boolean same = expected.isPresent() == bundled.isPresent()
        && (expected.isEmpty() || expected.get().compareTo(bundled.get()) == 0);
    if (!same) {
      out.add(id + " " + field + " " + bundled.map(BigDecimal::toPlainString).orElse("absent") + " but the fact is "
          + expected.map(BigDecimal::toPlainString).orElse("absent"));
    }
  }
}
