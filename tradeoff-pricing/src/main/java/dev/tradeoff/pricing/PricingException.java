package dev.tradeoff.pricing;

import java.util.Optional;

/**
 * The one unchecked root of every failure this module reports: bad input, an unknown model, a price the
 * catalog does not have, a malformed catalog file.
 *
 * <p>Each instance carries the context it failed in — the model id, the file and the field — as far as
 * it is known, so callers can report or route the failure without parsing the message. Subtypes add
 * what is specific to their kind:
 *
 * <ul>
 *   <li>{@link InvalidValueException} — a value outside its allowed range (negative price, NaN, zero
 *       capacity, negative token count);
 *   <li>{@link UnknownModelException} — a model id that resolves to nothing, with the nearest known ids;
 *   <li>{@link UnpricedUsageException} — tokens of a class the model has no price for (never billed at $0);
 *   <li>{@link CatalogFormatException} — a catalog file that is not valid, with file, line, column and key.
 * </ul>
 *
 * <pre>{@code
 * try {
 *   catalog.resolve("openai/gpt-4o-mni");
 * } catch (UnknownModelException e) {
 *   log.warn("{} (did you mean {}?)", e.getMessage(), e.nearestIds());
 * } catch (PricingException e) {
 *   log.warn("pricing failed for model {}", e.modelId().orElse("?"), e);
 * }
 * }</pre>
 *
 * <p>Instances are immutable and therefore thread-safe.
 *
 * @since 0.1.0
 */
public class PricingException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String modelId;
  private final String file;
  private final String field;

  /**
   * Creates an exception with its context.
   *
   * @param message the complete message, context included
   * @param modelId the model id the failure concerns, or {@code null} if none
   * @param file the file the failure concerns, or {@code null} if none
   * @param field the field (JSON key, parameter name) the failure concerns, or {@code null} if none
   * @param cause the underlying cause, or {@code null}
   */
  protected PricingException(String message, String modelId, String file, String field, Throwable cause) {
    super(message, cause);
    this.modelId = modelId;
    this.file = file;
    this.field = field;
  }

  /**
   * A general pricing failure with a message only.
   *
   * @param message what went wrong
   * @return the exception, to be thrown by the caller
   */
  public static PricingException of(String message) {
    return new PricingException(message, null, null, null, null);
  }

  /**
   * A general pricing failure concerning one model.
   *
   * @param modelId the model id
   * @param message what went wrong (the model id is appended)
   * @return the exception, to be thrown by the caller
   */
  public static PricingException forModel(String modelId, String message) {
    return new PricingException(message + " (model " + modelId + ")", modelId, null, null, null);
  }

  /**
   * The model id the failure concerns.
   *
   * @return the model id, or empty if the failure concerns no single model
   */
  public Optional<String> modelId() {
    return Optional.ofNullable(modelId);
  }

  /**
   * The file the failure concerns.
   *
   * @return the file name or path as given by the caller, or empty
   */
  public Optional<String> file() {
    return Optional.ofNullable(file);
  }

  /**
   * The field (JSON key path or parameter name) the failure concerns.
   *
   * @return the field, or empty
   */
  public Optional<String> field() {
    return Optional.ofNullable(field);
  }
}
