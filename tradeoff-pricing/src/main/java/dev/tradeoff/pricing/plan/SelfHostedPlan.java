package dev.tradeoff.pricing.plan;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tradeoff.pricing.InvalidValueException;
import dev.tradeoff.pricing.Provenance;
import dev.tradeoff.pricing.internal.SelfHostedMath;
import dev.tradeoff.pricing.selfhost.GpuInstance;
import dev.tradeoff.pricing.selfhost.InstancePricing;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * Self-hosting an open model on GPU instances: instance-hours at on-demand, reserved or spot prices, sized hour
 * by hour from the measured (or {@link dev.tradeoff.pricing.selfhost.ThroughputEstimator estimated}) throughput of
 * one instance at the target latency, plus engineering time, licensing, storage and egress.
 *
 * <pre>{@code
 * SelfHostedPlan llama = SelfHostedPlan.builder()
 *     .name("Llama 3.1 8B on 1x H100 NVL")
 *     .instance(offers.gpuInstance("azure/Standard_NC40ads_H100_v5"))   // $6.98/h on demand
 *     .outputTokensPerSecondPerReplica(3000)     // at the latency target, for this workload's mix
 *     .targetUtilization(0.8)
 *     .minReplicas(1).maxReplicas(8)
 *     .engineeringHoursPerMonth(20).engineeringHourlyRate(new BigDecimal("120"))
 *     .build();
 * }</pre>
 *
 * <h2>Model</h2>
 * <ul>
 *   <li>A <em>replica</em> is {@link #instancesPerReplica()} instances serving one model copy; its capacity is
 *       {@link #outputTokensPerSecondPerReplica()} output (and reasoning) tokens per second for this workload's
 *       mix (benchmarks report output throughput for a given input/output length). Input tokens are accounted
 *       for by measuring at the workload's mix.
 *   <li>Each hour: {@code replicas = ceil(output tokens/s × (1 + headroom) / (throughput × targetUtilization))},
 *       clamped to {@code [minReplicas, maxReplicas]}; {@link Scaling#FIXED} uses the peak hour's count all week.
 *       Demand beyond {@code maxReplicas} at full throughput spills to {@link #spillover()} or is reported unserved.
 *   <li>Reserved pricing bills the {@link #reservedReplicas()} baseline (default {@code minReplicas}, or the peak
 *       count when FIXED) every hour at the reserved rate, replicas above it at on-demand; spot bills every hour
 *       at the spot rate (interruptions not modelled). A {@link dev.tradeoff.pricing.tco.TcoScenario} holds a
 *       reservation for its 12- or 36-month term: the reserved count never shrinks within it and keeps the
 *       term's price.
 *   <li>Fixed monthly costs: engineering hours × rate, licensing, storage, egress.
 * </ul>
 * A month is 730 hours. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableSelfHostedPlan.class)
@JsonDeserialize(as = ImmutableSelfHostedPlan.class)
public non-sealed interface SelfHostedPlan extends PricingPlan {

  /** Default target utilization: 0.8, keeping queues (and so latency) short at the busiest hour. */
  double DEFAULT_TARGET_UTILIZATION = 0.8;

  @Override
  String name();

  @Override
  @Value.NonAttribute
  default PlanKind kind() {
    return PlanKind.SELF_HOSTED;
  }

  /** @return the instance type */
  GpuInstance instance();

  /** @return which instance price applies, {@link InstancePricing#ON_DEMAND} by default */
  default InstancePricing pricing() {
    return InstancePricing.ON_DEMAND;
  }

  /** @return instances per model replica (for models sharded over several single-GPU instances), 1 by default */
  default int instancesPerReplica() {
    return 1;
  }

  /** @return output tokens per second one replica serves at the target latency for this workload's mix, {@code > 0} */
  double outputTokensPerSecondPerReplica();

  /** @return the utilization sizing aims for at each hour, in {@code (0, 1]} */
  default double targetUtilization() {
    return DEFAULT_TARGET_UTILIZATION;
  }

  /** @return extra capacity over demand when sizing, as a fraction, 0 by default */
  default double headroom() {
    return 0;
  }

  /** @return per-hour autoscaling or one fixed size, {@link Scaling#PER_HOUR} by default */
  default Scaling scaling() {
    return Scaling.PER_HOUR;
  }

  /** @return the fewest replicas kept running, {@code >= 0} (1 by default) */
  default int minReplicas() {
    return 1;
  }

  /** @return the most replicas autoscaling may run, {@code >= max(1, minReplicas)} (unbounded by default) */
  default int maxReplicas() {
    return Integer.MAX_VALUE;
  }

  /** @return replicas billed at the reserved rate every hour (reserved pricing only); default see class comment */
  OptionalInt reservedReplicas();

  /** @return engineering hours per month to run the service, {@code >= 0} */
  default double engineeringHoursPerMonth() {
    return 0;
  }

  /** @return USD per engineering hour, {@code >= 0} */
  default BigDecimal engineeringHourlyRate() {
    return BigDecimal.ZERO;
  }

  /** @return model or software licences, USD per month */
  default BigDecimal licensingPerMonth() {
    return BigDecimal.ZERO;
  }

  /** @return storage (weights, images, logs), USD per month */
  default BigDecimal storagePerMonth() {
    return BigDecimal.ZERO;
  }

  /** @return network egress, USD per month */
  default BigDecimal egressPerMonth() {
    return BigDecimal.ZERO;
  }

  /** @return where demand beyond {@code maxReplicas} goes, if anywhere */
  Optional<PayAsYouGoPlan> spillover();

  /** @return where the throughput figure comes from (measurement or estimate), if recorded */
  Optional<Provenance> throughputSource();

  /**
   * Checks every numeric parameter and that the needed instance price exists.
   *
   * @throws InvalidValueException naming the field and value
   */
  @Value.Check
  default void check() {
    double t = outputTokensPerSecondPerReplica();
    if (!(t > 0) || Double.isInfinite(t)) {
      throw InvalidValueException.of("outputTokensPerSecondPerReplica", "> 0 and finite (plan " + name() + ")", t);
    }
    if (!(targetUtilization() > 0 && targetUtilization() <= 1)) {
      throw InvalidValueException.of("targetUtilization", "in (0, 1] (plan " + name() + ")", targetUtilization());
    }
    if (!(headroom() >= 0) || Double.isInfinite(headroom())) {
      throw InvalidValueException.of("headroom", ">= 0 and finite (plan " + name() + ")", headroom());
    }
    if (instancesPerReplica() < 1) {
      throw InvalidValueException.of("instancesPerReplica", ">= 1", instancesPerReplica());
    }
    if (minReplicas() < 0) {
      throw InvalidValueException.of("minReplicas", ">= 0", minReplicas());
    }
    if (maxReplicas() < Math.max(1, minReplicas())) {
      throw InvalidValueException.of("maxReplicas", ">= max(1, minReplicas = " + minReplicas() + ")", maxReplicas());
    }
    if (!(engineeringHoursPerMonth() >= 0) || Double.isInfinite(engineeringHoursPerMonth())) {
      throw InvalidValueException.of("engineeringHoursPerMonth", ">= 0 and finite", engineeringHoursPerMonth());
    }
    nonNegative("engineeringHourlyRate", engineeringHourlyRate());
    nonNegative("licensingPerMonth", licensingPerMonth());
    nonNegative("storagePerMonth", storagePerMonth());
    nonNegative("egressPerMonth", egressPerMonth());
    if (instance().hourly(pricing()).isEmpty()) {
      throw InvalidValueException.of(pricing() + " hourly price", "present for instance " + instance().id()
          + " (plan " + name() + ")", null);
    }
    if (reservedReplicas().isPresent() && reservedReplicas().getAsInt() < 0) {
      throw InvalidValueException.of("reservedReplicas", ">= 0", reservedReplicas().getAsInt());
    }
  }

  private static void nonNegative(String field, BigDecimal v) {
    if (v.signum() < 0) {
      throw InvalidValueException.of(field, ">= 0", v.toPlainString());
    }
  }

  @Override
  default WorkloadCost monthlyCost(DemandCurve demand) {
    return SelfHostedMath.monthlyCost(this, demand);
  }

  /**
   * Replicas needed for a peak demand with this plan's headroom and target utilization (unclamped by
   * {@code maxReplicas}).
   *
   * @param peakTokensPerMinute the peak demand, all token classes
   * @param mix its token mix
   * @return replicas, at least {@code minReplicas}
   */
  default int replicasFor(double peakTokensPerMinute, TokenMix mix) {
    return SelfHostedMath.replicasFor(this, peakTokensPerMinute, mix);
  }

  /**
   * This plan sized with a different headroom.
   *
   * @param headroom extra capacity over demand as a fraction, {@code >= 0}
   * @return the plan with that headroom
   */
  @Override
  SelfHostedPlan withHeadroom(double headroom);

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableSelfHostedPlan.Builder builder() {
    return ImmutableSelfHostedPlan.builder();
  }
}
