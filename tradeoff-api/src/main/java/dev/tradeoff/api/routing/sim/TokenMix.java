package dev.tradeoff.api.routing.sim;

import dev.tradeoff.api.routing.RouteRequest;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * What simulated requests look like: draws one {@link RouteRequest} — its input, cached input and output
 * tokens and its requirements (capabilities, regions, urgency). The simulator takes the drawn output as
 * both the router's expectation and what the candidate then generates.
 *
 * <p>The simulator draws a pool of requests once per scenario (see {@link TrafficScenario.Builder#requestPoolSize})
 * from its own seeded stream and then picks from the pool, so every policy sees the same requests in the
 * same order and the hot loop allocates nothing.
 *
 * <pre>{@code
 * TokenMix chat = TokenMix.of(Distribution.lognormal(1_200, 6_000), Distribution.lognormal(250, 900), 0.4,
 *     RouteRequest.builder().urgency(Urgency.INTERACTIVE).build());
 * TokenMix mixed = TokenMix.mixture(new double[] {0.8, 0.2}, chat, TokenMix.fixed(20_000, 1_500));
 * }</pre>
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface TokenMix {

  /**
   * One request.
   *
   * @param random the simulator's request stream
   * @return the request
   */
  RouteRequest sample(RandomGenerator random);

  /**
   * Always the same token counts, no cached input, no requirements.
   *
   * @param inputTokens {@code >= 0}
   * @param outputTokens {@code >= 0}
   * @return the mix
   * @throws IllegalArgumentException if negative
   */
  static TokenMix fixed(long inputTokens, long outputTokens) {
    RouteRequest r = RouteRequest.builder().inputTokens(inputTokens).expectedOutputTokens(outputTokens).build();
    return random -> r;
  }

  /**
   * Input and output tokens from distributions (rounded to whole tokens), a share of the input cached, and
   * the requirements of a template request.
   *
   * @param inputTokens input token distribution
   * @param outputTokens output token distribution
   * @param cachedFraction share of input tokens served from the prompt cache, in [0, 1]
   * @param template a request whose capabilities, regions and urgency every drawn request copies
   * @return the mix
   * @throws IllegalArgumentException if the fraction is outside [0, 1]
   */
  static TokenMix of(Distribution inputTokens, Distribution outputTokens, double cachedFraction,
      RouteRequest template) {
    Objects.requireNonNull(inputTokens, "inputTokens");
    Objects.requireNonNull(outputTokens, "outputTokens");
    Objects.requireNonNull(template, "template");
    if (!(cachedFraction >= 0 && cachedFraction <= 1)) {
      throw new IllegalArgumentException("cachedFraction must be in [0, 1], but was " + cachedFraction);
    }
    return random -> {
      long in = Math.round(inputTokens.sample(random));
      long out = Math.round(outputTokens.sample(random));
      return template.toBuilder()
          .inputTokens(in)
          .cachedInputTokens((long) Math.floor(in * cachedFraction))
          .expectedOutputTokens(out)
          .build();
    };
  }

  /**
   * Input and output tokens from distributions, nothing cached, no requirements.
   *
   * @param inputTokens input token distribution
   * @param outputTokens output token distribution
   * @return the mix
   */
  static TokenMix of(Distribution inputTokens, Distribution outputTokens) {
    return of(inputTokens, outputTokens, 0, RouteRequest.builder().build());
  }

  /**
   * A weighted mixture of mixes (e.g. 80% chat turns, 20% long-document questions).
   *
   * @param weights relative weights, one per mix, each finite and {@code >= 0}, not all 0
   * @param mixes the mixes
   * @return the mixture
   * @throws IllegalArgumentException if the counts differ or a weight is bad
   */
  static TokenMix mixture(double[] weights, TokenMix... mixes) {
    if (weights.length != mixes.length || mixes.length == 0) {
      throw new IllegalArgumentException("weights.length must equal mixes.length (" + mixes.length
          + ") and be >= 1, but was " + weights.length);
    }
    double[] cumulative = new double[weights.length];
    double total = 0;
    for (int i = 0; i < weights.length; i++) {
      if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
        throw new IllegalArgumentException("weights[" + i + "] must be finite and >= 0, but was " + weights[i]);
      }
      total += weights[i];
      cumulative[i] = total;
    }
    if (total == 0) {
      throw new IllegalArgumentException("weights must not all be 0, but were all 0");
    }
    TokenMix[] copy = mixes.clone();
    double sum = total;
    return random -> {
      double u = random.nextDouble() * sum;
      for (int i = 0; i < cumulative.length - 1; i++) {
        if (u < cumulative[i]) {
          return copy[i].sample(random);
        }
      }
      return copy[copy.length - 1].sample(random);
    };
  }
}
