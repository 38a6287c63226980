package dev.tradeoff.api.workload;

/**
 * How a workload's demand varies, as {@link WorkloadStats#pattern()} classifies it — it decides whether
 * capacity bought for the peak sits idle (diurnal), or must be oversized for spikes (bursty).
 *
 * <pre>{@code
 * if (profile.stats().pattern() == TrafficPattern.BURSTY) { ... prefer pay-as-you-go or spillover ... }
 * }</pre>
 *
 * <p>Thresholds, applied in this order to the hour-of-week demand (see {@link WorkloadStats}):
 * <ol>
 *   <li>{@link #BURSTY} if the burst factor is {@code >= }{@value WorkloadStats#BURSTY_MIN_BURST_FACTOR} or the
 *       peak-to-average ratio is {@code >= }{@value WorkloadStats#BURSTY_MIN_PEAK_TO_AVERAGE};
 *   <li>{@link #STEADY} if the coefficient of variation is {@code <= }{@value WorkloadStats#STEADY_MAX_CV} and
 *       the peak-to-average ratio is {@code <= }{@value WorkloadStats#STEADY_MAX_PEAK_TO_AVERAGE};
 *   <li>{@link #DIURNAL} otherwise.
 * </ol>
 *
 * @since 0.1.0
 */
public enum TrafficPattern {
  /** Nearly constant: capacity bought for the peak is well used. */
  STEADY,
  /** A predictable daily/weekly cycle: capacity sized for the peak idles off-peak. */
  DIURNAL,
  /** Short spikes far above the average: capacity must be oversized or spill over. */
  BURSTY
}
