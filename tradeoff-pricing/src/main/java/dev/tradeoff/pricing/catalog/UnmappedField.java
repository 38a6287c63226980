package dev.tradeoff.pricing.catalog;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/**
 * A field of an imported entry that the library's model cannot represent (per-image, per-audio-token,
 * per-second, per-search prices, rate limits, ...). Such fields are reported, never silently dropped; the
 * entry itself still loads with the prices it can represent.
 *
 * <pre>{@code
 * result.unmappedFieldCounts().forEach((field, n) -> System.out.println(field + ": " + n));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableUnmappedField.class)
@JsonDeserialize(as = ImmutableUnmappedField.class)
public interface UnmappedField {

  /**
   * The source key of the entry, for example the LiteLLM model key.
   *
   * @return the entry key
   */
  String entryKey();

  /**
   * The field name, for example {@code input_cost_per_audio_token}.
   *
   * @return the field
   */
  String field();

  /**
   * The field's value as JSON text (objects and arrays abbreviated).
   *
   * @return the value
   */
  String value();

  /**
   * An unmapped field.
   *
   * @param entryKey the entry key
   * @param field the field
   * @param value the value as text
   * @return the record
   */
  static UnmappedField of(String entryKey, String field, String value) {
    return ImmutableUnmappedField.builder().entryKey(entryKey).field(field).value(value).build();
  }
}
