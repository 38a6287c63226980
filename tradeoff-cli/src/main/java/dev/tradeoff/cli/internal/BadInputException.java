package dev.tradeoff.cli.internal;

/** The caller's input is wrong; the message names the file, field and value. Exit code 2. */
public final class BadInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong, naming the file, field and value
   */
  public BadInputException(String message) {
    super(message);
  }
}
