package dev.tradeoff.api;

import java.util.Optional;

/**
 * The one exception of {@code TradeoffAnalyzer} and its inputs: bad input (a negative user count, a share above
 * 1, zero traffic), a question the inputs cannot answer (weights on an objective no candidate measured, a
 * scenario naming an unknown candidate) or an unreadable request log. The message names the field, the
 * constraint and the value ({@code "dailyActiveUsers must be > 0, but was -5.0"}).
 *
 * <pre>{@code
 * try {
 *   report = analyzer.analyze();
 * } catch (TradeoffException e) {
 *   System.err.println(e.getMessage() + " (field " + e.field().orElse("-") + ")");
 * }
 * }</pre>
 *
 * <p>Errors raised by {@code tradeoff-pricing} while validating a plan pass through unchanged (they carry their own
 * field and model). Instances are immutable.
 *
 * @since 0.1.0
 */
public final class TradeoffException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The field or input concerned, or null. */
  private final String field;

  private TradeoffException(String message, String field, Throwable cause) {
    super(message, cause);
    this.field = field;
  }

  /**
   * An invalid value: {@code "<field> must be <constraint>, but was <value>"}.
   *
   * @param field the field or argument name
   * @param constraint what it must be
   * @param value the offending value
   * @return the exception
   */
  public static TradeoffException invalid(String field, String constraint, Object value) {
    return new TradeoffException(field + " must be " + constraint + ", but was " + value, field, null);
  }

  /**
   * A problem that is not about one value (a question the inputs cannot answer).
   *
   * @param field the input concerned
   * @param message the full message
   * @return the exception
   */
  public static TradeoffException of(String field, String message) {
    return new TradeoffException(message, field, null);
  }

  /**
   * A problem with a cause (an unreadable log line).
   *
   * @param field the input concerned
   * @param message the full message
   * @param cause the cause
   * @return the exception
   */
  public static TradeoffException of(String field, String message, Throwable cause) {
    return new TradeoffException(message, field, cause);
  }

  /**
   * The field or input the problem is about.
   *
   * @return the field, or empty
   */
  public Optional<String> field() {
    return Optional.ofNullable(field);
  }
}
