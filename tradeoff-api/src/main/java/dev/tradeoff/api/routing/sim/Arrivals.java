package dev.tradeoff.api.routing.sim;

import java.util.random.RandomGenerator;

/** Helpers of the ready-made {@link ArrivalProcess}es. */
final class Arrivals {

  private Arrivals() { }

  static double rate(String name, double r) {
    if (!(r > 0) || Double.isInfinite(r)) {
      throw new IllegalArgumentException(name + " must be finite and > 0, but was " + r);
    }
    return r;
  }

  /**
   * A gamma(shape, 1) draw: Marsaglia and Tsang's squeeze method, boosted by {@code U^(1/shape)} below
   * shape 1.
   */
  static double gamma(double shape, RandomGenerator random) {
    if (shape < 1) {
      double u = random.nextDouble();
      return gamma(shape + 1, random) * Math.pow(u == 0 ? Double.MIN_VALUE : u, 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x = random.nextGaussian();
      double v = 1 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = random.nextDouble();
      if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
        return d * v;
      }
    }
  }
}
