package dev.tradeoff.examples.sim;

import java.util.random.RandomGenerator;

/**
 * A distribution of non-negative values, used by {@link ModelProfile} for times (in milliseconds) and token counts
 * (in tokens); the unit is the one of the profile attribute that holds it.
 *
 * <pre>{@code
 * Distribution ttftMillis = Distribution.logNormal(390, 0.35);  // median 390 ms, sigma of ln(x) 0.35
 * Distribution gapMillis  = Distribution.normal(12.3, 3.7);     // mean 12.3 ms, sd 3.7 ms, clamped at 0
 * Distribution fixed      = Distribution.constant(40);
 * double sample = ttftMillis.sample(new SplittableRandom(42));
 * }</pre>
 *
 * <p>Each distribution draws a fixed number of values from the generator per sample, so that a seeded generator
 * gives the same sequence whatever the parameters. Implementations are immutable and thread-safe (the generator
 * passed in is not).
 */
public sealed interface Distribution permits Distribution.Constant, Distribution.Normal, Distribution.LogNormal {

  /** Always {@code value}. */
  static Distribution constant(double value) {
    return new Constant(value);
  }

  /** Normal with {@code mean} and {@code standardDeviation}; samples below zero are clamped to zero. */
  static Distribution normal(double mean, double standardDeviation) {
    return new Normal(mean, standardDeviation);
  }

  /** Log-normal with the given {@code median} ({@code e^mu}) and {@code sigma} (standard deviation of ln x). */
  static Distribution logNormal(double median, double sigma) {
    return new LogNormal(median, sigma);
  }

  /** One sample, never negative. Draws exactly one Gaussian (or nothing, for a constant) from {@code random}. */
  double sample(RandomGenerator random);

  /** The median of the distribution (for a clamped normal, the mean if it is positive). */
  double median();

  /**
   * A constant: {@code Distribution.constant(40)} always samples 40.
   *
   * @param value the value; finite and not negative
   */
  record Constant(double value) implements Distribution {
    /** @throws IllegalArgumentException if {@code value} is negative or not finite */
    public Constant {
      requireNonNegative("value", value);
    }

    @Override
    public double sample(RandomGenerator random) {
      return value;
    }

    @Override
    public double median() {
      return value;
    }
  }

  /**
   * A normal distribution clamped at zero: {@code Distribution.normal(12.3, 3.7)}.
   *
   * @param mean the mean; finite and not negative
   * @param standardDeviation the standard deviation; finite and not negative
   */
  record Normal(double mean, double standardDeviation) implements Distribution {
    /** @throws IllegalArgumentException if a parameter is negative or not finite */
    public Normal {
      requireNonNegative("mean", mean);
      requireNonNegative("standardDeviation", standardDeviation);
    }

    @Override
    public double sample(RandomGenerator random) {
      return Math.max(0.0, mean + standardDeviation * random.nextGaussian());
    }

    @Override
    public double median() {
      return mean;
    }
  }

  /**
   * A log-normal distribution: {@code median * exp(sigma * Z)} with Z standard normal, for example
   * {@code Distribution.logNormal(390, 0.35)}; its mean is {@code median * exp(sigma^2 / 2)}.
   *
   * @param median the median; finite and positive
   * @param sigma the standard deviation of {@code ln x}; finite and not negative
   */
  record LogNormal(double median, double sigma) implements Distribution {
    /** @throws IllegalArgumentException if {@code median} is not positive or {@code sigma} is negative */
    public LogNormal {
      requireNonNegative("median", median);
      if (median == 0.0) {
        throw new IllegalArgumentException("median must be > 0, but was " + median);
      }
      requireNonNegative("sigma", sigma);
    }

    @Override
    public double sample(RandomGenerator random) {
      return median * Math.exp(sigma * random.nextGaussian());
    }
  }

  private static void requireNonNegative(String name, double value) {
    if (!(value >= 0.0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be finite and >= 0, but was " + value);
    }
  }
}
