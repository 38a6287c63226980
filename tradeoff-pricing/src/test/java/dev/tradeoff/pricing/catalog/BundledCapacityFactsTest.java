package dev.tradeoff.pricing.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tradeoff.pricing.TokenClass;
import dev.tradeoff.pricing.plan.ProvisionedCapacity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled capacities of Azure PTUs and Vertex AI GSUs — what sizes a provisioned deployment — are the sourced
 * facts ({@code fixtures/pricing-facts.json}, kind {@code provisioned_model_capacity}): tokens per minute per
 * unit, minimum deployment and increment per deployment type, and the output weight or burndown rates where the
 * source states them. Three DeepSeek models on Azure are deliberately not bundled: the source states neither
 * their output weight nor a price to derive it from, and a capacity with a guessed weight would size
 * deployments wrongly.
 */
final class BundledCapacityFactsTest {

  private static final OfferCatalog OFFERS = OfferCatalog.bundled();
  private static final Pattern CLAUDE_BURNDOWN =
      Pattern.compile("input=1, output=([0-9.]+), cache write=([0-9.]+), cache hit=([0-9.]+)");

  private static List<JsonNode> facts;

  @BeforeAll
  static void readFacts() throws IOException {
    facts = PricingFacts.read("provisioned_and_commitments", "provisioned_model_capacity");
  }

  @Test
  void bundled_azurePtuCapacities_perDeploymentType() {
    List<String> mismatches = new ArrayList<>();
    List<String> notBundled = new ArrayList<>();
    int checked = 0;
    for (JsonNode f : facts) {
      if (!f.path("offer").asText().startsWith("Azure")) {
        continue;
      }
      String model = f.path("model").asText();
      for (String variant : List.of("global", "data-zone", "regional")) {
        String prefix = variant.equals("regional") ? "regional" : "global_and_data_zone";
        JsonNode min = f.path(prefix + "_min_ptu");
        Optional<ProvisionedCapacity> c = capacity("azure-ptu", model, variant);
        if (!min.isInt()) {
          if (c.isPresent()) {
            mismatches.add(model + " " + variant + " is bundled but the source offers no such deployment");
          }
          continue;
        }
        if (c.isEmpty()) {
          notBundled.add(model + " " + variant);
          continue;
        }
        checked++;
        ProvisionedCapacity cap = c.get();
        expect(mismatches, model + " " + variant + " tokens/min per PTU", f.path("input_tpm_per_ptu").asDouble(),
            cap.tokensPerMinutePerUnit());
        expect(mismatches, model + " " + variant + " minimum PTUs", min.asInt(), cap.minimumUnits());
        expect(mismatches, model + " " + variant + " PTU increment", f.path(prefix + "_increment").asInt(),
            cap.unitIncrement());
        JsonNode weight = f.path("output_token_weight_in_input_tokens");
        if (weight.isNumber()) {
          expect(mismatches, model + " " + variant + " output weight", weight.asDouble(),
              cap.weights().get(TokenClass.OUTPUT));
        }
        expect(mismatches, model + " " + variant + " input weight", 1, cap.weights().get(TokenClass.INPUT));
      }
    }
    assertThat(mismatches).isEmpty();
    assertThat(notBundled).containsExactly(
        "DeepSeek-R1 global", "DeepSeek-R1 data-zone", "DeepSeek-V3-0324 global", "DeepSeek-V3-0324 data-zone",
        "DeepSeek-R1-0528 global", "DeepSeek-R1-0528 data-zone");
    assertThat(checked).isEqualTo(44);
  }

  @Test
  void bundled_vertexGsuCapacities_throughputMinimumAndBurndown() {
    List<String> mismatches = new ArrayList<>();
    int checked = 0;
    for (JsonNode f : facts) {
      if (!f.path("offer").asText().startsWith("Google Vertex AI")) {
        continue;
      }
      String model = f.path("model").asText();
      Optional<ProvisionedCapacity> c = capacity("vertex-gsu", model, "default");
      if (c.isEmpty()) {
        mismatches.add(model + " is not bundled");
        continue;
      }
      checked++;
      ProvisionedCapacity cap = c.get();
      expect(mismatches, model + " tokens/min per GSU", f.path("throughput_per_gsu_tokens_per_sec").asDouble() * 60,
          cap.tokensPerMinutePerUnit());
      expect(mismatches, model + " minimum GSUs", f.path("min_gsu").asInt(), cap.minimumUnits());
      expect(mismatches, model + " GSU increment", f.path("gsu_increment").asInt(), cap.unitIncrement());
      Matcher claude = CLAUDE_BURNDOWN.matcher(f.path("burndown").asText());
      if (claude.matches()) {
        Map<TokenClass, Double> w = cap.weights();
        expect(mismatches, model + " output burndown", Double.parseDouble(claude.group(1)), w.get(TokenClass.OUTPUT));
        expect(mismatches, model + " cache write burndown", Double.parseDouble(claude.group(2)),
            w.get(TokenClass.CACHE_WRITE_5M));
        expect(mismatches, model + " cache hit burndown", Double.parseDouble(claude.group(3)),
            w.get(TokenClass.CACHE_READ));
      }
    }
    assertThat(mismatches).isEmpty();
    assertThat(checked).isEqualTo(12);
    // Gemini's burndowns are prose; the two with thinking output pinned here.
    assertThat(capacity("vertex-gsu", "gemini-2.5-flash", "default").orElseThrow().weights())
        .containsEntry(TokenClass.OUTPUT, 4.0).containsEntry(TokenClass.REASONING, 24.0);
    assertThat(capacity("vertex-gsu", "gemini-2.5-pro", "default").orElseThrow().weights())
        .containsEntry(TokenClass.OUTPUT, 8.0).containsEntry(TokenClass.REASONING, 8.0);
  }

  private static Optional<ProvisionedCapacity> capacity(String family, String model, String variant) {
    return OFFERS.provisionedCapacities().stream()
        .filter(c -> c.family().equals(family) && c.model().equals(model) && c.variant().equals(variant))
        .findFirst();
  }

  private static void expect(List<String> out, String what, double fact, Double bundled) {
    if (bundled == null || Double.compare(fact, bundled) != 0) {
      out.add(what + " is " + bundled + " but the fact is " + fact);
    }
  }

  private static void expect(List<String> out, String what, int fact, int bundled) {
    if (fact != bundled) {
      out.add(what + " is " + bundled + " but the fact is " + fact);
    }
  }
}
