package dev.tradeoff.pricing;

import java.util.Optional;

/**
 * A catalog file that cannot be read: malformed JSON, a missing or invalid field. The message names the
 * file, the line and column, the JSON key path and — where known — the model, for example
 * {@code "`inputPerMillion` must be >= 0, but was -1 (model openai/gpt-4o, file catalog.json, line 12,
 * column 26, key models[0].rates.inputPerMillion)"}.
 *
 * <pre>{@code
 * try {
 *   CatalogJson.read(Path.of("prices.json"));
 * } catch (CatalogFormatException e) {
 *   System.err.printf("%s:%d:%d %s%n", e.file().orElse("?"), e.line(), e.column(), e.getMessage());
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class CatalogFormatException extends PricingException {

  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;
  private final String problem;

  private CatalogFormatException(
      String message, String problem, String file, int line, int column, String key, String modelId,
      Throwable cause) {
    super(message, modelId, file, key, cause);
    this.line = line;
    this.column = column;
    this.problem = problem;
  }

  /**
   * Creates the exception.
   *
   * @param problem what is wrong, without location (for example {@code "`input` must be >= 0, but was -1"})
   * @param file the file name as given by the caller
   * @param line the 1-based line, or -1 if unknown
   * @param column the 1-based column, or -1 if unknown
   * @param key the JSON key path such as {@code models[3].rates.inputPerMillion}, or {@code null}
   * @param modelId the model concerned, or {@code null}
   * @param cause the underlying parser exception, or {@code null}
   * @return the exception, to be thrown by the caller
   */
  public static CatalogFormatException of(
      String problem, String file, int line, int column, String key, String modelId, Throwable cause) {
    return of(problem, file, line, column, key, modelId, modelId == null ? null : "model " + modelId, cause);
  }

  /**
   * Creates the exception for an entry that is not a model (a GPU instance, a provisioned offer).
   *
   * @param problem what is wrong, without location
   * @param file the file name as given by the caller
   * @param line the 1-based line, or -1 if unknown
   * @param column the 1-based column, or -1 if unknown
   * @param key the JSON key path, or {@code null}
   * @param modelId the model concerned, or {@code null}
   * @param entry how to name the entry in the message, for example {@code "instance aws/p5.48xlarge"}, or
   *     {@code null}
   * @param cause the underlying exception, or {@code null}
   * @return the exception, to be thrown by the caller
   */
  public static CatalogFormatException of(
      String problem, String file, int line, int column, String key, String modelId, String entry, Throwable cause) {
    StringBuilder message = new StringBuilder(problem).append(" (");
    if (entry != null) {
      message.append(entry).append(", ");
    }
    message.append("file ").append(file);
    if (line > 0) {
      message.append(", line ").append(line).append(", column ").append(column);
    }
    if (key != null && !key.isEmpty()) {
      message.append(", key ").append(key);
    }
    message.append(')');
    return new CatalogFormatException(message.toString(), problem, file, line, column, key, modelId, cause);
  }

  /**
   * The 1-based line of the offending value, or -1 if unknown.
   *
   * @return the line
   */
  public int line() {
    return line;
  }

  /**
   * The 1-based column of the offending value, or -1 if unknown.
   *
   * @return the column
   */
  public int column() {
    return column;
  }

  /**
   * The JSON key path of the offending value, for example {@code models[3].rates.inputPerMillion}.
   *
   * @return the key, or empty if the problem is not tied to one key
   */
  public Optional<String> key() {
    return field();
  }

  /**
   * What is wrong, without the location suffix.
   *
   * @return the problem
   */
  public String problem() {
    return problem;
  }
}
