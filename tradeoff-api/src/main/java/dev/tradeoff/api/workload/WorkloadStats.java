package dev.tradeoff.api.workload;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tradeoff.api.TradeoffException;
import java.util.OptionalDouble;
import org.immutables.value.Value;

/**
 * The figures derived from a {@link WorkloadProfile}: volume per month, mean and peak tokens per minute,
 * peak-to-average ratio, coefficient of variation and the {@link TrafficPattern}.
 *
 * <pre>{@code
 * WorkloadStats s = profile.stats();
 * System.out.printf("%.0f requests/month, peak %.0f tokens/min (%.1fx average), %s%n",
 *     s.requestsPerMonth(), s.peakTokensPerMinute(), s.peakToAverage(), s.pattern());
 * }</pre>
 *
 * <h2>Definitions</h2>
 * <ul>
 *   <li>Month = 730 hours ({@code tradeoff-pricing}'s convention): the week × 730/168.
 *   <li>{@code meanTokensPerMinute}: all tokens of the week / 10,080 minutes.
 *   <li>{@code peakHourTokensPerMinute}: the busiest hour-of-week's average rate.
 *   <li>{@code peakTokensPerMinute} = peak hour × {@code burstFactor} (the busiest minute).
 *   <li>{@code peakToAverage} = peak / mean; {@code coefficientOfVariation} = population standard deviation / mean
 *       of the 168 hourly rates.
 *   <li>{@code pattern}: see {@link TrafficPattern} with the thresholds below.
 * </ul>
 *
 * <p>All values finite. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableWorkloadStats.class)
@JsonDeserialize(as = ImmutableWorkloadStats.class)
public interface WorkloadStats {

  /** {@link TrafficPattern#STEADY} needs a coefficient of variation at most this: 0.25. */
  double STEADY_MAX_CV = 0.25;

  /** {@link TrafficPattern#STEADY} needs a peak-to-average ratio at most this: 1.5. */
  double STEADY_MAX_PEAK_TO_AVERAGE = 1.5;

  /** A burst factor at least this makes a workload {@link TrafficPattern#BURSTY}: 2.0. */
  double BURSTY_MIN_BURST_FACTOR = 2.0;

  /** A peak-to-average ratio at least this makes a workload {@link TrafficPattern#BURSTY}: 4.0. */
  double BURSTY_MIN_PEAK_TO_AVERAGE = 4.0;

  /** @return how the traffic was described ({@code "1,000 DAU"}) */
  String traffic();

  /** @return requests in a 730-hour month */
  double requestsPerMonth();

  /** @return conversations in a month, if the traffic counts them */
  OptionalDouble conversationsPerMonth();

  /** @return tokens (all classes) in a month */
  double tokensPerMonth();

  /** @return mean prompt tokens per request */
  double meanInputTokens();

  /** @return mean generated tokens per request */
  double meanOutputTokens();

  /** @return the largest prompt in the token distribution */
  double maxInputTokens();

  /** @return tokens per minute averaged over the week */
  double meanTokensPerMinute();

  /** @return the busiest hour's tokens per minute */
  double peakHourTokensPerMinute();

  /** @return the busiest minute over its hour's average, {@code >= 1} */
  double burstFactor();

  /** @return the busiest minute's tokens per minute: peak hour × burst factor */
  double peakTokensPerMinute();

  /** @return peak / mean tokens per minute, {@code >= 1} */
  double peakToAverage();

  /** @return standard deviation / mean of the hourly rates */
  double coefficientOfVariation();

  /** @return the classification */
  TrafficPattern pattern();

  /** @return demand growth per year as a fraction */
  double growthPerYear();

  /**
   * Rejects non-finite figures: a report never carries NaN.
   *
   * @throws TradeoffException naming the figure
   */
  @Value.Check
  default void check() {
    double[] all = {requestsPerMonth(), tokensPerMonth(), meanInputTokens(), meanOutputTokens(), maxInputTokens(),
        meanTokensPerMinute(), peakHourTokensPerMinute(), burstFactor(), peakTokensPerMinute(), peakToAverage(),
        coefficientOfVariation(), growthPerYear()};
    for (double v : all) {
      if (!Double.isFinite(v)) {
        throw TradeoffException.invalid("workload figures", "finite", v);
      }
    }
  }

  /**
   * The classification rule (see {@link TrafficPattern}).
   *
   * @param peakToAverage peak / mean
   * @param coefficientOfVariation hourly standard deviation / mean
   * @param burstFactor busiest minute / its hour's average
   * @return the pattern
   */
  static TrafficPattern classify(double peakToAverage, double coefficientOfVariation, double burstFactor) {
    if (burstFactor >= BURSTY_MIN_BURST_FACTOR || peakToAverage >= BURSTY_MIN_PEAK_TO_AVERAGE) {
      return TrafficPattern.BURSTY;
    }
    if (coefficientOfVariation <= STEADY_MAX_CV && peakToAverage <= STEADY_MAX_PEAK_TO_AVERAGE) {
      return TrafficPattern.STEADY;
    }
    return TrafficPattern.DIURNAL;
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableWorkloadStats.Builder builder() {
    return ImmutableWorkloadStats.builder();
  }
}
