package dev.tradeoff.api.report;

import dev.tradeoff.api.TradeoffException;
import java.util.OptionalDouble;

/** The no-NaN rule of every report type. */
final class Finite {

  private Finite() {}

  static void check(String field, double v) {
    if (!Double.isFinite(v)) {
      throw TradeoffException.invalid(field, "finite (a report never carries NaN or infinity)", v);
    }
  }

  static void check(String field, OptionalDouble v) {
    if (v.isPresent()) {
      check(field, v.getAsDouble());
    }
  }
}
