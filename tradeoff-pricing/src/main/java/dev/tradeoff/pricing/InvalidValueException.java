package dev.tradeoff.pricing;

/**
 * A value outside its allowed range: a negative, NaN or missing price, a negative token count, a tier
 * without a threshold, a provisioned plan with zero capacity.
 *
 * <p>The message always names the field, the constraint and the rejected value, followed by whatever
 * context is known, for example
 * {@code "`inputPerMillion` must be >= 0, but was -1 (model openai/gpt-4o, file catalog.json)"}.
 *
 * <pre>{@code
 * try {
 *   Usage.of(-1, 10);
 * } catch (InvalidValueException e) {
 *   assert e.field().orElseThrow().equals("input");
 *   assert e.value().equals("-1");
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class InvalidValueException extends PricingException {

  private static final long serialVersionUID = 1L;

  private final String value;
  private final String problem;

  private InvalidValueException(
      String message, String problem, String field, String value, String modelId, String file) {
    super(message, modelId, file, field, null);
    this.value = value;
    this.problem = problem;
  }

  /**
   * Creates the exception for a rejected value.
   *
   * @param field the name of the field or parameter, for example {@code inputPerMillion}
   * @param constraint the constraint it must satisfy, for example {@code >= 0}
   * @param value the rejected value ({@code null} is reported as {@code missing})
   * @return the exception, to be thrown by the caller
   */
  public static InvalidValueException of(String field, String constraint, Object value) {
    return of(field, constraint, value, null, null);
  }

  /**
   * Creates the exception for a rejected value with its model and file context.
   *
   * @param field the name of the field or parameter
   * @param constraint the constraint it must satisfy
   * @param value the rejected value ({@code null} is reported as {@code missing})
   * @param modelId the model id, or {@code null}
   * @param file the file, or {@code null}
   * @return the exception, to be thrown by the caller
   */
  public static InvalidValueException of(
      String field, String constraint, Object value, String modelId, String file) {
    String shown = value == null ? "missing" : String.valueOf(value);
    String problem = "`" + field + "` must be " + constraint + ", but was " + shown;
    StringBuilder message = new StringBuilder(problem);
    if (modelId != null || file != null) {
      message.append(" (");
      if (modelId != null) {
        message.append("model ").append(modelId);
      }
      if (file != null) {
        message.append(modelId != null ? ", " : "").append("file ").append(file);
      }
      message.append(')');
    }
    return new InvalidValueException(message.toString(), problem, field, shown, modelId, file);
  }

  /**
   * The message without the model/file context, for example {@code "`input` must be >= 0, but was -1"}.
   *
   * @return the problem
   */
  public String problem() {
    return problem;
  }

  /**
   * The rejected value as text ({@code "missing"} when absent).
   *
   * @return the value
   */
  public String value() {
    return value;
  }
}
