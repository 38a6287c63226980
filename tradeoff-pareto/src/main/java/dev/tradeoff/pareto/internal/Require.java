package dev.tradeoff.pareto.internal;

import java.util.Objects;

/**
 * Argument checks whose messages name the argument, the constraint and the value, as in
 * {@code "weights[2] must be >= 0, but was -1.0"}.
 */
public final class Require {

  private Require() {}

  /**
   * An exception with the project's message shape.
   *
   * @param argument what was checked, e.g. {@code "weights[2]"}
   * @param constraint what it must be, e.g. {@code ">= 0"}
   * @param value what it was
   * @return the exception, for the caller to throw
   */
  public static IllegalArgumentException invalid(String argument, String constraint, Object value) {
    return new IllegalArgumentException(argument + " must be " + constraint + ", but was " + value);
  }

  /**
   * Rejects null with a {@link NullPointerException} naming the argument.
   *
   * @param value the value
   * @param argument its name
   * @param <T> its type
   * @return the value
   */
  public static <T> T nonNull(T value, String argument) {
    return Objects.requireNonNull(value, () -> argument + " must not be null");
  }

  /**
   * Rejects a null row of a matrix; the message is built only on failure (this runs once per row, and eager
   * string concatenation there once cost more than the algorithms it guards).
   *
   * @param rows the matrix
   * @param i the row index
   * @param argument the matrix's name
   * @return the row
   */
  public static double[] row(double[][] rows, int i, String argument) {
    double[] row = rows[i];
    if (row == null) {
      throw new NullPointerException(argument + "[" + i + "] must not be null");
    }
    return row;
  }

  /**
   * Rejects NaN and the infinities.
   *
   * @param value the value
   * @param argument its name
   * @return the value with {@code -0.0} normalized to {@code 0.0}
   */
  public static double finite(double value, String argument) {
    if (!Double.isFinite(value)) {
      throw invalid(argument, "finite", value);
    }
    // x + 0.0 maps -0.0 to 0.0 and leaves every other finite value unchanged (IEEE 754 round-to-nearest).
    return value + 0.0;
  }

  /**
   * Flattens a rectangular matrix into a row-major array, rejecting ragged rows and non-finite entries and
   * normalizing {@code -0.0} to {@code 0.0}.
   *
   * @param rows the matrix, one row per point or candidate
   * @param argument its name, used in messages ({@code "points[3][1] must be finite, but was NaN"})
   * @param columns the expected row length, or {@code -1} to take it from the first row (then it must be >= 1)
   * @return the flat copy (length {@code rows.length * columns})
   */
  public static double[] flatten(double[][] rows, String argument, int columns) {
    nonNull(rows, argument);
    int n = rows.length;
    if (n == 0) {
      return new double[0];
    }
    int d = columns;
    if (d < 0) {
      row(rows, 0, argument);
      d = rows[0].length;
      if (d < 1) {
        throw invalid(argument + "[0].length", ">= 1", d);
      }
    }
    double[] flat = new double[n * d];
    for (int i = 0; i < n; i++) {
      double[] row = row(rows, i, argument);
      if (row.length != d) {
        throw invalid(argument + "[" + i + "].length", "equal to " + d + " (every row has the same length)",
            row.length);
      }
      int base = i * d;
      for (int j = 0; j < d; j++) {
        double v = row[j];
        if (!Double.isFinite(v)) {
          throw invalid(argument + "[" + i + "][" + j + "]", "finite", v);
        }
        flat[base + j] = v + 0.0;
      }
    }
    return flat;
  }

  /**
   * Checks a matrix like {@link #flatten(double[][], String, int)} without copying it.
   *
   * @param rows the matrix
   * @param argument its name, used in messages
   * @return the row length, 0 when there are no rows
   */
  public static int check(double[][] rows, String argument) {
    nonNull(rows, argument);
    int n = rows.length;
    if (n == 0) {
      return 0;
    }
    row(rows, 0, argument);
    int d = rows[0].length;
    if (d < 1) {
      throw invalid(argument + "[0].length", ">= 1", d);
    }
    for (int i = 0; i < n; i++) {
      double[] row = row(rows, i, argument);
      if (row.length != d) {
        throw invalid(argument + "[" + i + "].length", "equal to " + d + " (every row has the same length)",
            row.length);
      }
      for (int j = 0; j < d; j++) {
        double v = row[j];
        if (!Double.isFinite(v)) {
          throw invalid(argument + "[" + i + "][" + j + "]", "finite", v);
        }
      }
    }
    return d;
  }

  /**
   * The row length of a matrix whose first row is non-null, or 0 when it has no rows.
   *
   * @param rows the matrix
   * @return the number of columns
   */
  public static int columns(double[][] rows) {
    return rows.length == 0 ? 0 : rows[0].length;
  }
}
