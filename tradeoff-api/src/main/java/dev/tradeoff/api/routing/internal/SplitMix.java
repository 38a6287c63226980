package dev.tradeoff.api.routing.internal;

import java.util.random.RandomGenerator;

/**
 * SplitMix64 as a {@link RandomGenerator} whose state can be set at any time, so the simulator can give
 * every (request, attempt) its own reproducible stream without allocating: the same request draws the
 * same latency whatever the policy under test did before it (common random numbers across policies).
 * Not thread-safe.
 */
public final class SplitMix implements RandomGenerator {

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private long state;

  /**
   * A generator.
   *
   * @param seed the seed
   */
  public SplitMix(long seed) {
    this.state = seed;
  }

  /**
   * Restarts the stream.
   *
   * @param seed the new seed
   */
  public void reseed(long seed) {
    this.state = seed;
  }

  /**
   * A well-mixed seed from several keys.
   *
   * @param a first key
   * @param b second key
   * @param c third key
   * @return the seed
   */
  public static long seed(long a, long b, long c) {
    return mix(mix(mix(a) ^ b) ^ c);
  }

  /**
   * The SplitMix64 finaliser.
   *
   * @param z the input
   * @return the mixed value
   */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  @Override
  public long nextLong() {
    return mix(state += GOLDEN);
  }
}
