package dev.tradeoff.api.routing.sim;

import dev.tradeoff.api.routing.DemandShape;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When requests arrive: gives the time of the next arrival after the previous one. Ready-made processes:
 * constant rate, Poisson, diurnal (a Poisson process whose rate follows a {@link DemandShape} or a sine
 * wave), and bursty (gamma-distributed gaps whose coefficient of variation is the burstiness).
 *
 * <p>Implementations must be deterministic given the random source (the simulator seeds it), must not
 * allocate, and must return a time at or after {@code previousNanos} (equal for simultaneous arrivals).
 *
 * <pre>{@code
 * ArrivalProcess steady = ArrivalProcess.poisson(200);                 // 200 requests/s on average
 * ArrivalProcess spiky = ArrivalProcess.bursty(200, 3.0);               // same mean, CV 3
 * ArrivalProcess day = ArrivalProcess.sinusoidal(200, 0.8, Duration.ofMinutes(10)); // a compressed day
 * }</pre>
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ArrivalProcess {

  /**
   * The next arrival.
   *
   * @param previousNanos the previous arrival, simulated nanoseconds since the start; {@link #FIRST} before
   *     the first arrival
   * @param random the simulator's arrival stream
   * @return the next arrival, {@code >= max(0, previousNanos)}
   */
  long nextArrivalNanos(long previousNanos, RandomGenerator random);

  /** The {@code previousNanos} of the first call: −1, just before the simulation starts. */
  long FIRST = -1;

  /**
   * Exactly {@code ratePerSecond} evenly spaced arrivals per second, the first at time 0 (so a run of
   * {@code d} seconds sees {@code ceil(rate × d)} arrivals).
   *
   * @param ratePerSecond finite, {@code > 0}
   * @return the process
   * @throws IllegalArgumentException if not positive and finite
   */
  static ArrivalProcess constant(double ratePerSecond) {
    double gap = 1e9 / Arrivals.rate("ratePerSecond", ratePerSecond);
    // Arrival n is at round(n × gap): recover n from the previous arrival, so a non-integral gap never drifts.
    return (previous, random) -> previous < 0 ? 0
        : Math.max(previous, Math.round((Math.rint(previous / gap) + 1) * gap));
  }

  /**
   * A Poisson process: exponential gaps with mean {@code 1 / ratePerSecond}.
   *
   * @param ratePerSecond finite, {@code > 0}
   * @return the process
   * @throws IllegalArgumentException if not positive and finite
   */
  static ArrivalProcess poisson(double ratePerSecond) {
    double mean = 1e9 / Arrivals.rate("ratePerSecond", ratePerSecond);
    return (previous, random) ->
        Math.max(0, previous) + Math.round(-mean * Math.log(1.0 - random.nextDouble()));
  }

  /**
   * Bursty arrivals: gamma-distributed gaps with mean {@code 1 / ratePerSecond} and coefficient of variation
   * {@code burstiness} (1 is Poisson; above 1, arrivals clump into bursts separated by lulls).
   *
   * @param ratePerSecond finite, {@code > 0}
   * @param burstiness the gaps' coefficient of variation, in [0.05, 20]
   * @return the process
   * @throws IllegalArgumentException if out of range
   */
  static ArrivalProcess bursty(double ratePerSecond, double burstiness) {
    double mean = 1e9 / Arrivals.rate("ratePerSecond", ratePerSecond);
    if (!(burstiness >= 0.05 && burstiness <= 20)) {
      throw new IllegalArgumentException("burstiness must be in [0.05, 20], but was " + burstiness);
    }
    double shape = 1 / (burstiness * burstiness);
    double scale = mean / shape;
    return (previous, random) -> Math.max(0, previous) + Math.round(scale * Arrivals.gamma(shape, random));
  }

  /**
   * A Poisson process whose rate follows a weekly shape: {@code meanRatePerSecond × weight(hour of week) /
   * mean weight}, simulated time 0 being Monday 00:00 plus {@code startOffset}.
   *
   * @param meanRatePerSecond the rate averaged over the week, finite and {@code > 0}
   * @param shape the weekly shape
   * @param startOffset where in the week the simulation starts, in [0, 7 days)
   * @return the process
   * @throws IllegalArgumentException if out of range
   */
  static ArrivalProcess diurnal(double meanRatePerSecond, DemandShape shape, Duration startOffset) {
    Arrivals.rate("meanRatePerSecond", meanRatePerSecond);
    if (startOffset.isNegative() || startOffset.compareTo(Duration.ofDays(7)) >= 0) {
      throw new IllegalArgumentException("startOffset must be in [0, 7 days), but was " + startOffset);
    }
    double[] w = shape.weights();
    double sum = 0;
    double max = 0;
    for (double x : w) {
      sum += x;
      max = Math.max(max, x);
    }
    double[] rate = new double[w.length]; // per nanosecond
    for (int h = 0; h < w.length; h++) {
      rate[h] = meanRatePerSecond * w[h] / (sum / w.length) / 1e9;
    }
    double maxRate = meanRatePerSecond * max / (sum / w.length) / 1e9;
    long offset = startOffset.toNanos();
    long hour = 3_600_000_000_000L;
    long week = 168 * hour;
    return (previous, random) -> {
      // Thinning (Lewis & Shedler): propose at the peak rate, accept with rate(t) / peak.
      long t = Math.max(0, previous);
      while (true) {
        t += Math.round(-Math.log(1.0 - random.nextDouble()) / maxRate);
        int h = (int) (Math.floorMod(t + offset, week) / hour);
        if (random.nextDouble() * maxRate < rate[h]) {
          return t;
        }
      }
    };
  }

  /**
   * A Poisson process whose rate follows a sine wave: {@code mean × (1 + amplitude × sin(2πt / period))} —
   * a day compressed into a short simulation.
   *
   * @param meanRatePerSecond finite, {@code > 0}
   * @param amplitude relative swing, in [0, 1]
   * @param period the wave's period, positive
   * @return the process
   * @throws IllegalArgumentException if out of range
   */
  static ArrivalProcess sinusoidal(double meanRatePerSecond, double amplitude, Duration period) {
    double mean = Arrivals.rate("meanRatePerSecond", meanRatePerSecond) / 1e9;
    if (!(amplitude >= 0 && amplitude <= 1)) {
      throw new IllegalArgumentException("amplitude must be in [0, 1], but was " + amplitude);
    }
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("period must be positive, but was " + period);
    }
    double omega = 2 * Math.PI / period.toNanos();
    double maxRate = mean * (1 + amplitude);
    return (previous, random) -> {
      long t = Math.max(0, previous);
      while (true) {
        t += Math.round(-Math.log(1.0 - random.nextDouble()) / maxRate);
        double r = mean * (1 + amplitude * Math.sin(omega * t));
        if (random.nextDouble() * maxRate < r) {
          return t;
        }
      }
    };
  }
}
