package dev.tradeoff.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class ProvenanceTest {

  @ParameterizedTest
  @ValueSource(strings = {"2026", "2026-07", "2026-12", "2026-07-24", "2024-02-29"})
  void of_yearMonthOrDay_accepted(String asOf) {
    assertThat(Provenance.of("https://example.com/pricing", asOf).asOf()).isEqualTo(asOf);
  }

  @ParameterizedTest
  @CsvSource({
      "2025-20, a valid date", // a year range cut short ("2025-2026"), not a month
      "2026-13, a valid date",
      "2026-00, a valid date",
      "2026-02-30, a valid date",
      "2025-02-29, a valid date",
      "2026-7, 'yyyy, yyyy-MM or yyyy-MM-dd'",
      "n/a, 'yyyy, yyyy-MM or yyyy-MM-dd'",
      "2025-2026, 'yyyy, yyyy-MM or yyyy-MM-dd'"})
  void of_malformedOrImpossibleDate_rejectedNamingFieldAndValue(String asOf, String expected) {
    assertThatThrownBy(() -> Provenance.of("https://example.com/pricing", asOf))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("`asOf` must be " + expected + ", but was \"" + asOf + "\"");
  }

  @ParameterizedTest
  @CsvSource({"2026-07-24, 2026-07-24", "2026-07, ''", "2026, ''"})
  void asOfDate_onlyForAnExactDay(String asOf, String day) {
    Provenance p = Provenance.of("https://example.com/pricing", asOf);
    if (day.isEmpty()) {
      assertThat(p.asOfDate()).isEmpty();
    } else {
      assertThat(p.asOfDate()).contains(LocalDate.parse(day));
    }
  }
}
