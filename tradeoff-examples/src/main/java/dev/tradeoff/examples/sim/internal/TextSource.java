package dev.tradeoff.examples.sim.internal;

import java.util.SplittableRandom;

/**
 * Deterministic filler text, one word per token: sentences of 6 to 17 words from a fixed vocabulary, the first
 * word capitalised and without a leading space, every later word with one, a period ending each sentence.
 */
final class TextSource {

  private static final String[] WORDS = (
      "the model answer request token latency cost budget provider stream user system time first second "
      + "price value result plan data query cache route signal metric limit rate window region team choice "
      + "simple clear fast slow steady small large good better best many few each every other same new "
      + "is are was were can will may should could would has have had does do make take give keep find "
      + "use run send read write measure compare choose check report count track learn show help build "
      + "of to in on for with by from at as about over under between across after before during within "
      + "and or but so because while when where which that this these those it its we you they our your")
      .split(" ");

  private final SplittableRandom random;

  TextSource(SplittableRandom random) {
    this.random = random;
  }

  /** The next {@code count} tokens of text, starting a new sentence (the first token has no leading space). */
  String[] next(int count) {
    String[] tokens = new String[count];
    int left = 0;
    for (int i = 0; i < count; i++) {
      boolean start = left == 0;
      if (start) {
        left = 6 + random.nextInt(12);
      }
      String word = WORDS[random.nextInt(WORDS.length)];
      if (start) {
        word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
      }
      left--;
      if (left == 0) {
        word = word + ".";
      }
      tokens[i] = i == 0 ? word : " " + word;
    }
    return tokens;
  }
}
