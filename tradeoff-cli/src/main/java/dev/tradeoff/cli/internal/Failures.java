package dev.tradeoff.cli.internal;

import com.fasterxml.jackson.core.JacksonException;
import dev.tradeoff.pricing.PricingException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;

/** Sorts failures into the caller's fault (exit code 2) and ours (exit code 1), and words them on one line. */
public final class Failures {

  private Failures() {}

  /**
   * Whether the failure was caused by the caller's input: options, files, model ids or values.
   *
   * @param e the failure
   * @return {@code true} for bad input
   */
  public static boolean isBadInput(Throwable e) {
    Throwable t = e instanceof UncheckedIOException ? e.getCause() : e;
    return t instanceof BadInputException
        || t instanceof CommandLine.ParameterException
        || t instanceof PricingException
        || t instanceof IllegalArgumentException
        || t instanceof NoSuchFileException
        || t instanceof JacksonException;
  }

  /**
   * The failure's message on one line (first line only), with the exception type when it has no message.
   *
   * @param e the failure
   * @return the line
   */
  public static String oneLine(Throwable e) {
    String message = e.getMessage();
    if (e instanceof UncheckedIOException && e.getCause() != null) {
      message = message + ": " + describe(e.getCause());
    } else if (e instanceof NoSuchFileException) {
      message = "no such file: " + message;
    }
    if (message == null || message.isBlank()) {
      return e.getClass().getSimpleName();
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static String describe(Throwable cause) {
    return cause instanceof NoSuchFileException ? "no such file" : String.valueOf(cause.getMessage());
  }
}
