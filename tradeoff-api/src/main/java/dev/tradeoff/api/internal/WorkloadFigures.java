package dev.tradeoff.api.internal;

import dev.tradeoff.api.workload.ImmutableWorkloadStats;
import dev.tradeoff.api.workload.TokenProfile;
import dev.tradeoff.api.workload.WeeklyShape;
import dev.tradeoff.api.workload.WorkloadProfile;
import dev.tradeoff.api.workload.WorkloadStats;
import dev.tradeoff.pricing.plan.DemandCurve;

/** The workload → demand-curve conversion and the derived figures, in one place. */
public final class WorkloadFigures {

  private WorkloadFigures() {}

  /**
   * Tokens per minute per hour of the week: requests in the hour × mean tokens per request / 60.
   *
   * @param profile the workload
   * @return the curve with the profile's token mix
   */
  public static DemandCurve demandCurve(WorkloadProfile profile) {
    TokenProfile tokens = profile.tokens();
    double perRequest = tokens.meanTotalTokens();
    double[] requests = profile.traffic().requestsPerHourOfWeek();
    double[] tpm = new double[WeeklyShape.HOURS];
    for (int h = 0; h < tpm.length; h++) {
      tpm[h] = requests[h] * perRequest / 60.0;
    }
    return DemandCurve.of(tpm, tokens.toTokenMix());
  }

  /**
   * The figures of {@link WorkloadStats}.
   *
   * @param profile the workload
   * @return the figures
   */
  public static WorkloadStats stats(WorkloadProfile profile) {
    DemandCurve curve = demandCurve(profile);
    double[] tpm = curve.toArray();
    double mean = curve.averageTokensPerMinute();
    double peakHour = curve.peakTokensPerMinute();
    double var = 0;
    for (double v : tpm) {
      var += (v - mean) * (v - mean);
    }
    double cv = mean > 0 ? Math.sqrt(var / tpm.length) / mean : 0;
    double burst = profile.traffic().burstFactor();
    double peak = peakHour * burst;
    // the hourly values are computed alike, but the mean of 168 equal doubles can differ from them by an ulp
    double par = mean > 0 ? Math.max(1, peak / mean) : 1;
    TokenProfile tokens = profile.tokens();
    return ImmutableWorkloadStats.builder()
        .traffic(profile.traffic().describe())
        .requestsPerMonth(profile.requestsPerMonth())
        .conversationsPerMonth(profile.conversationsPerMonth())
        .tokensPerMonth(curve.tokensPerMonth())
        .meanInputTokens(tokens.meanInputTokens())
        .meanOutputTokens(tokens.meanOutputTokens())
        .maxInputTokens(tokens.maxInputTokens())
        .meanTokensPerMinute(mean)
        .peakHourTokensPerMinute(peakHour)
        .burstFactor(burst)
        .peakTokensPerMinute(peak)
        .peakToAverage(par)
        .coefficientOfVariation(cv)
        .pattern(WorkloadStats.classify(par, cv, burst))
        .growthPerYear(profile.growthPerYear())
        .build();
  }
}
