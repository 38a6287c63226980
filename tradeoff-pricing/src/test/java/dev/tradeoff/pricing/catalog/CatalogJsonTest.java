package dev.tradeoff.pricing.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradeoff.pricing.CatalogFormatException;
import dev.tradeoff.pricing.PriceCatalog;
import dev.tradeoff.pricing.Usage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class CatalogJsonTest {

  private static final String HEADER = "{\n  \"format\": \"tradeoff-price-catalog\",\n  \"version\": 1,\n  \"models\": [\n";
  private static final String FOOTER = "\n  ]\n}\n";

  private static String doc(String... models) {
    return HEADER + String.join(",\n", models) + FOOTER;
  }

  private static String model(String id, String rates) {
    return "    {\"id\": \"" + id + "\", \"rates\": {" + rates + "},\n"
        + "     \"source\": {\"source\": \"https://example.com/pricing\", \"asOf\": \"2026-11-01\"}}";
  }

  @Test
  void read_validDocument_pricesExactly() {
    LoadResult r = CatalogJson.parse(doc(model("acme/chat-1", "\"inputPerMillion\": 0.15, \"outputPerMillion\": 0.6")),
        "acme.json", LoadMode.STRICT);

    assertThat(r.skipped()).isEmpty();
    assertThat(r.catalog().cost("acme/chat-1", Usage.of(1000, 1000)).total()).isEqualByComparingTo("0.00075");
  }

  @Test
  void read_malformedJson_namesFileLineColumnAndKey() {
    String broken = doc(model("acme/chat-1", "\"inputPerMillion\": 0.15, \"outputPerMillion\": ]"));

    assertThatThrownBy(() -> CatalogJson.parse(broken, "broken.json", LoadMode.LENIENT))
        .isInstanceOf(CatalogFormatException.class)
        .hasMessageContaining("malformed JSON")
        .hasMessageContaining("file broken.json, line 5, column ")
        .hasMessageContaining("key models[0].rates.outputPerMillion")
        .satisfies(e -> {
          CatalogFormatException c = (CatalogFormatException) e;
          assertThat(c.line()).isEqualTo(5);
          assertThat(c.file()).hasValue("broken.json");
        });
  }

  @Test
  void read_negativePrice_rejectedNamingFieldValueModelAndLocation() {
    String bad = doc(model("openai/gpt-4o", "\"inputPerMillion\": -1, \"outputPerMillion\": 10"));

    assertThatThrownBy(() -> CatalogJson.parse(bad, "catalog.json", LoadMode.STRICT))
        .isInstanceOf(CatalogFormatException.class)
        .hasMessage("`inputPerMillion` must be >= 0, but was -1 (model openai/gpt-4o, file catalog.json, "
            + "line 5, column 58, key models[0].rates.inputPerMillion)");
  }

  @Test
  void read_nanPriceAsString_rejectedNamingValue() {
    String bad = doc(model("acme/x", "\"inputPerMillion\": \"NaN\", \"outputPerMillion\": 1"));

    assertThatThrownBy(() -> CatalogJson.parse(bad, "c.json", LoadMode.STRICT))
        .isInstanceOf(CatalogFormatException.class)
        .hasMessageStartingWith("`inputPerMillion` must be a number, but was \"NaN\" (model acme/x");
  }

  @Test
  void read_nanLiteral_rejectedAsMalformedWithKey() {
    String bad = doc(model("acme/x", "\"inputPerMillion\": NaN, \"outputPerMillion\": 1"));

    assertThatThrownBy(() -> CatalogJson.parse(bad, "c.json", LoadMode.STRICT))
        .isInstanceOf(CatalogFormatException.class)
        .hasMessageContaining("NaN")
        .hasMessageContaining("key models[0].rates.inputPerMillion");
  }

  @Test
  void read_nullPrice_rejected() {
    String bad = doc(model("acme/x", "\"inputPerMillion\": null, \"outputPerMillion\": 1"));

    assertThatThrownBy(() -> CatalogJson.parse(bad, "c.json", LoadMode.STRICT))
        .isInstanceOf(CatalogFormatException.class)
        .hasMessageStartingWith("`inputPerMillion` must be a number >= 0, but was null");
  }

  @Test
  void read_missingRates_rejected() {
    String bad = HEADER + "    {\"id\": \"acme/x\", \"source\": {\"source\": \"s\", \"asOf\": \"2026\"}}" + FOOTER;

    assertThatThrownBy(() -> CatalogJson.parse(bad, "c.json", LoadMode.STRICT))
        .isInstanceOf(CatalogFormatException.class)
        .hasMessageStartingWith("`rates` must be present, but was missing (model acme/x");
  }

  @Test
  void read_emptyRates_loadsButNeverBillsZero() {
    PriceCatalog c = CatalogJson.parse(doc(model("acme/x", "")), "c.json", LoadMode.STRICT).catalog();

    assertThatThrownBy(() -> c.cost("acme/x", Usage.of(1, 0)))
        .isInstanceOf(dev.tradeoff.pricing.UnpricedUsageException.class);
  }

  @Test
  void read_tierWithoutThreshold_rejectedNamingField() {
    String bad = HEADER + "    {\"id\": \"acme/x\", \"rates\": {\"inputPerMillion\": 1, \"outputPerMillion\": 2},\n"
        + "     \"longContextTiers\": [{\"rates\": {\"inputPerMillion\": 2}}],\n"
        + "     \"source\": {\"source\": \"s\", \"asOf\": \"2026\"}}" + FOOTER;

    assertThatThrownBy(() -> CatalogJson.parse(bad, "c.json", LoadMode.STRICT))
        .isInstanceOf(CatalogFormatException.class)
        .hasMessageStartingWith("`thresholdInputTokens` must be present, but was missing (model acme/x")
        .hasMessageContaining("key models[0].longContextTiers[0].thresholdInputTokens");
  }

  @Test
  void read_unknownKey_rejectedAsLikelyTypo() {
    String bad = doc(model("acme/x", "\"inputPerMilion\": 1, \"outputPerMillion\": 2"));

    assertThatThrownBy(() -> CatalogJson.parse(bad, "c.json", LoadMode.STRICT))
        .isInstanceOf(CatalogFormatException.class)
        .hasMessageStartingWith("unknown key `inputPerMilion`");
  }

  @Test
  void read_missingSource_rejected() {
    String bad = HEADER + "    {\"id\": \"acme/x\", \"rates\": {\"inputPerMillion\": 1, \"outputPerMillion\": 2}}" + FOOTER;

    assertThatThrownBy(() -> CatalogJson.parse(bad, "c.json", LoadMode.STRICT))
        .isInstanceOf(CatalogFormatException.class)
        .hasMessageStartingWith("`source` must be present, but was missing (model acme/x");
  }

  @Test
  void read_lenient_skipsBadEntriesAndSaysWhy() {
    String mixed = doc(
        model("acme/good", "\"inputPerMillion\": 1, \"outputPerMillion\": 2"),
        model("acme/negative", "\"inputPerMillion\": -3, \"outputPerMillion\": 2"),
        model("acme/also-good", "\"inputPerMillion\": 1, \"outputPerMillion\": 2"));

    LoadResult r = CatalogJson.parse(mixed, "mixed.json", LoadMode.LENIENT);

    assertThat(r.catalog().models()).extracting(m -> m.id()).containsExactly("acme/also-good", "acme/good");
    assertThat(r.skipped()).singleElement().satisfies(s -> {
      assertThat(s.key()).isEqualTo("acme/negative");
      assertThat(s.reason()).isEqualTo("`inputPerMillion` must be >= 0, but was -3");
      assertThat(s.line()).isEqualTo(7); // the second entry starts on line 7
    });
  }

  @Test
  void read_strictWithOneBadEntry_failsWhole() {
    String mixed = doc(
        model("acme/good", "\"inputPerMillion\": 1, \"outputPerMillion\": 2"),
        model("acme/negative", "\"inputPerMillion\": -3, \"outputPerMillion\": 2"));

    assertThatThrownBy(() -> CatalogJson.parse(mixed, "mixed.json", LoadMode.STRICT))
        .isInstanceOf(CatalogFormatException.class);
  }

  @Test
  void read_wrongFormatHeader_rejected() {
    assertThatThrownBy(() -> CatalogJson.parse("{\"format\": \"litellm\", \"version\": 1}", "x.json", LoadMode.LENIENT))
        .isInstanceOf(CatalogFormatException.class)
        .hasMessageStartingWith("`format` must be \"tradeoff-price-catalog\", but was \"litellm\"");
  }

  @Test
  void writeThenRead_bundledCatalog_isIdentical(@TempDir Path dir) throws Exception {
    PriceCatalog bundled = PriceCatalog.bundled();
    Path file = dir.resolve("copy.json");

    CatalogJson.write(bundled, file);
    PriceCatalog back = CatalogJson.read(file);

    assertThat(back.models()).isEqualTo(bundled.models());
    assertThat(CatalogJson.toJson(back)).isEqualTo(Files.readString(file));
  }

  @Test
  void toJson_literalDocument_roundTripsByteForByte() {
    String literal = "{\n"
        + "  \"format\" : \"tradeoff-price-catalog\",\n"
        + "  \"version\" : 1,\n"
        + "  \"currency\" : \"USD\",\n"
        + "  \"unit\" : \"USD per 1M tokens\",\n"
        + "  \"models\" : [ {\n"
        + "    \"id\" : \"acme/chat-1\",\n"
        + "    \"provider\" : \"acme\",\n"
        + "    \"aliases\" : [ \"chat-1\" ],\n"
        + "    \"rates\" : {\n"
        + "      \"inputPerMillion\" : 0.0000875,\n"
        + "      \"outputPerMillion\" : 1.6\n"
        + "    },\n"
        + "    \"batchDiscount\" : 0.5,\n"
        + "    \"maxInputTokens\" : 128000,\n"
        + "    \"source\" : {\n"
        + "      \"source\" : \"https://example.com/pricing\",\n"
        + "      \"asOf\" : \"2026-11-01\",\n"
        + "      \"secondary\" : true\n"
        + "    }\n"
        + "  } ]\n"
        + "}\n";

    PriceCatalog c = CatalogJson.parse(literal, "literal.json", LoadMode.STRICT).catalog();

    assertThat(CatalogJson.toJson(c)).isEqualTo(literal);
    assertThat(c.resolve("chat-1").source().secondary()).isTrue();
  }
}
