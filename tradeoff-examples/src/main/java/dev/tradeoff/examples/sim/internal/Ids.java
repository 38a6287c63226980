package dev.tradeoff.examples.sim.internal;

import java.util.SplittableRandom;

/** Provider-shaped identifiers from a seeded generator, so that the same seed gives the same ids. */
final class Ids {

  private static final char[] BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final SplittableRandom random;

  Ids(SplittableRandom random) {
    this.random = random;
  }

  String base62(String prefix, int length) {
    StringBuilder sb = new StringBuilder(prefix.length() + length).append(prefix);
    for (int i = 0; i < length; i++) {
      sb.append(BASE62[random.nextInt(BASE62.length)]);
    }
    return sb.toString();
  }

  String hex(String prefix, int length) {
    StringBuilder sb = new StringBuilder(prefix.length() + length).append(prefix);
    for (int i = 0; i < length; i++) {
      sb.append(HEX[random.nextInt(16)]);
    }
    return sb.toString();
  }

  /** A stable {@code fp_…} fingerprint for a model id (not random: one per model, as OpenAI's are per deployment). */
  static String fingerprint(String modelId) {
    long h = Router.mix(modelId.hashCode(), 0x5EEDL);
    StringBuilder sb = new StringBuilder("fp_");
    for (int i = 0; i < 10; i++) {
      sb.append(HEX[(int) (h >>> (i * 4)) & 15]);
    }
    return sb.toString();
  }
}
