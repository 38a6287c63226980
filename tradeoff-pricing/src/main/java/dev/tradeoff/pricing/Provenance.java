package dev.tradeoff.pricing;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * Where a figure came from and when: the source (URL or citation), the as-of date, whether it is a
 * <em>secondary</em> source (a third-party note quoting the primary page), and notes such as known data
 * errors that were corrected.
 *
 * <pre>{@code
 * Provenance p = Provenance.of("https://openai.com/api/pricing/", "2026-07-24");
 * LocalDate asOf = p.asOfDate().orElseThrow();
 * }</pre>
 *
 * <p>{@link #asOf()} is an ISO date ({@code 2026-07-24}) or, when the source states no exact day, a month
 * ({@code 2026-07}) or a year ({@code 2025}). Immutable and thread-safe.
 * JSON: {@code {"source":"https://...","asOf":"2026-07-24","secondary":false,"notes":[]}}.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableProvenance.class)
@JsonDeserialize(as = ImmutableProvenance.class)
public interface Provenance {

  /** Accepted forms of {@link #asOf()}: {@code yyyy}, {@code yyyy-MM} or {@code yyyy-MM-dd}. */
  Pattern AS_OF = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

  /**
   * The source: a URL, or a citation of a document (repository, path and commit).
   *
   * @return the source, never blank
   */
  String source();

  /**
   * When the figure was read or published: {@code yyyy-MM-dd}, {@code yyyy-MM} or {@code yyyy}.
   *
   * @return the as-of date
   */
  String asOf();

  /**
   * Whether the figure comes from a secondary source (a third-party note quoting the primary page).
   *
   * @return {@code true} for secondary sources
   */
  default boolean secondary() {
    return false;
  }

  /**
   * Notes: corrections, caveats, conflicting figures.
   *
   * @return the notes, possibly empty
   */
  List<String> notes();

  /**
   * Rejects a blank source or a malformed date.
   *
   * @throws InvalidValueException naming the field
   */
  @Value.Check
  default void check() {
    if (source().isBlank()) {
      throw InvalidValueException.of("source", "non-blank", "\"" + source() + "\"");
    }
    if (!AS_OF.matcher(asOf()).matches()) {
      throw InvalidValueException.of("asOf", "yyyy, yyyy-MM or yyyy-MM-dd", "\"" + asOf() + "\"");
    }
    try {
      if (asOf().length() == 10) {
        LocalDate.parse(asOf());
      } else if (asOf().length() == 7) {
        YearMonth.parse(asOf()); // "2025-20" matches the pattern but is no month
      }
    } catch (DateTimeParseException e) {
      throw InvalidValueException.of("asOf", "a valid date", "\"" + asOf() + "\"");
    }
  }

  /**
   * The as-of date when the source gives an exact day.
   *
   * @return the date, or empty for month- or year-only dates
   */
  @Value.NonAttribute
  default Optional<LocalDate> asOfDate() {
    return asOf().length() == 10 ? Optional.of(LocalDate.parse(asOf())) : Optional.empty();
  }

  /**
   * A primary-source provenance without notes.
   *
   * @param source the URL or citation
   * @param asOf the as-of date, {@code yyyy-MM-dd}, {@code yyyy-MM} or {@code yyyy}
   * @return the provenance
   */
  static Provenance of(String source, String asOf) {
    return builder().source(source).asOf(asOf).build();
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableProvenance.Builder builder() {
    return ImmutableProvenance.builder();
  }
}
