package dev.tradeoff.pricing.catalog;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/**
 * An entry a {@link LoadMode#LENIENT lenient} load skipped, and why.
 *
 * <pre>{@code
 * for (SkippedEntry s : result.skipped()) {
 *   System.err.printf("%s line %d: %s%n", s.key(), s.line(), s.reason());
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableSkippedEntry.class)
@JsonDeserialize(as = ImmutableSkippedEntry.class)
public interface SkippedEntry {

  /**
   * The entry: its model id or source key where known, else its JSON path.
   *
   * @return the key
   */
  String key();

  /**
   * Why it was skipped, with the offending field and value.
   *
   * @return the reason
   */
  String reason();

  /**
   * The 1-based line of the problem, or -1.
   *
   * @return the line
   */
  int line();

  /**
   * The 1-based column of the problem, or -1.
   *
   * @return the column
   */
  int column();

  /**
   * A skipped entry.
   *
   * @param key the model id or key
   * @param reason why
   * @param line the line, or -1
   * @param column the column, or -1
   * @return the entry
   */
  static SkippedEntry of(String key, String reason, int line, int column) {
    return ImmutableSkippedEntry.builder().key(key).reason(reason).line(line).column(column).build();
  }
}
