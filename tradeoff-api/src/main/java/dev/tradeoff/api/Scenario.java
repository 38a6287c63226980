package dev.tradeoff.api;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tradeoff.api.internal.Fmt;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A what-if: the same analysis with more traffic, months of growth, a price change on some candidates, extra
 * tokens per request (a feature adding image input) or new required features, or another budget.
 *
 * <pre>{@code
 * TradeoffReport doubled = analyzer.analyze(Scenario.trafficTimes(2));
 * TradeoffReport cut = analyzer.analyze(Scenario.priceChange("GPT-4o-mini", 0.8));     // 20% cheaper
 * TradeoffReport images = analyzer.analyze(Scenario.newFeature("image input", "vision", 765));
 * WhatIfReport all = analyzer.whatIf(List.of(Scenario.trafficTimes(2), Scenario.afterMonths(12)));
 * }</pre>
 *
 * <h2>How it applies</h2>
 * <ul>
 *   <li>Traffic is multiplied by {@link #trafficFactor()} and by the workload's growth over
 *       {@link #monthsOfGrowth()}: {@code (1 + growthPerYear)^(months / 12)}.
 *   <li>Every request gets {@link #extraInputTokensPerRequest()} and {@link #extraOutputTokensPerRequest()}.
 *   <li>{@link #priceFactors()} multiply the named candidates' whole monthly bill (every cost item, rounded to
 *       6 decimals); break-even and TCO use the plans' own prices.
 *   <li>{@link #requiredFeatures()} are added to the requirements; {@link #monthlyBudgetUsd()} replaces the budget.
 * </ul>
 * Factors must be {@code > 0} and finite, token amounts and months {@code >= 0}; a price factor naming no candidate
 * fails the analysis with {@link TradeoffException}. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableScenario.class)
@JsonDeserialize(as = ImmutableScenario.class)
public interface Scenario {

  /** @return a name for reports */
  String name();

  /** @return the traffic multiplier, {@code > 0}, 1 by default */
  default double trafficFactor() {
    return 1;
  }

  /** @return months of the workload's growth to apply, {@code >= 0}, 0 by default */
  default int monthsOfGrowth() {
    return 0;
  }

  /** @return tokens added to every prompt, {@code >= 0} */
  default double extraInputTokensPerRequest() {
    return 0;
  }

  /** @return tokens added to every answer, {@code >= 0} */
  default double extraOutputTokensPerRequest() {
    return 0;
  }

  /** @return multipliers of candidates' monthly bills by candidate name, each {@code > 0} */
  Map<String, Double> priceFactors();

  /** @return features added to the requirements */
  Set<String> requiredFeatures();

  /** @return a budget replacing the requirements' budget, USD per month, {@code > 0} */
  Optional<BigDecimal> monthlyBudgetUsd();

  /**
   * Checks the numbers.
   *
   * @throws TradeoffException naming the field and value
   */
  @Value.Check
  default void check() {
    if (name().isBlank()) {
      throw TradeoffException.invalid("scenario.name", "non-blank", "\"" + name() + "\"");
    }
    if (!(trafficFactor() > 0) || Double.isInfinite(trafficFactor())) {
      throw TradeoffException.invalid("trafficFactor", "> 0 and finite (zero traffic is no workload)",
          trafficFactor());
    }
    if (monthsOfGrowth() < 0) {
      throw TradeoffException.invalid("monthsOfGrowth", ">= 0", monthsOfGrowth());
    }
    if (!(extraInputTokensPerRequest() >= 0) || Double.isInfinite(extraInputTokensPerRequest())) {
      throw TradeoffException.invalid("extraInputTokensPerRequest", ">= 0 and finite", extraInputTokensPerRequest());
    }
    if (!(extraOutputTokensPerRequest() >= 0) || Double.isInfinite(extraOutputTokensPerRequest())) {
      throw TradeoffException.invalid("extraOutputTokensPerRequest", ">= 0 and finite",
          extraOutputTokensPerRequest());
    }
    priceFactors().forEach((c, f) -> {
      if (!(f > 0) || Double.isInfinite(f)) {
        throw TradeoffException.invalid("priceFactors." + c, "> 0 and finite", f);
      }
    });
    if (monthlyBudgetUsd().isPresent() && monthlyBudgetUsd().get().signum() <= 0) {
      throw TradeoffException.invalid("scenario.monthlyBudgetUsd", "> 0", monthlyBudgetUsd().get().toPlainString());
    }
  }

  /**
   * What the scenario changes, in words.
   *
   * @return for example {@code "2× traffic; GPT-4o-mini bill ×0.8"}
   */
  @Value.NonAttribute
  default String describe() {
    List<String> parts = new ArrayList<>();
    if (trafficFactor() != 1) {
      parts.add(Fmt.plain(trafficFactor(), 3) + "× traffic");
    }
    if (monthsOfGrowth() > 0) {
      parts.add(monthsOfGrowth() + " months of growth");
    }
    if (extraInputTokensPerRequest() > 0 || extraOutputTokensPerRequest() > 0) {
      parts.add(String.format(Locale.ROOT, "+%s input / +%s output tokens per request",
          Fmt.count(extraInputTokensPerRequest(), 1), Fmt.count(extraOutputTokensPerRequest(), 1)));
    }
    priceFactors().forEach((c, f) -> parts.add(c + " bill ×" + Fmt.plain(f, 4)));
    if (!requiredFeatures().isEmpty()) {
      parts.add("requires " + String.join(", ", requiredFeatures()));
    }
    monthlyBudgetUsd().ifPresent(b -> parts.add("budget " + Fmt.usd(b) + "/month"));
    return parts.isEmpty() ? "no change" : String.join("; ", parts);
  }

  /**
   * Traffic multiplied.
   *
   * @param factor the multiplier, {@code > 0}
   * @return the scenario, named {@code "2× traffic"}
   */
  static Scenario trafficTimes(double factor) {
    return builder().name(Fmt.plain(factor, 3) + "× traffic").trafficFactor(factor).build();
  }

  /**
   * The workload after months of its growth.
   *
   * @param months months from now, {@code >= 0}
   * @return the scenario, named {@code "in 12 months"}
   */
  static Scenario afterMonths(int months) {
    return builder().name("in " + months + " months").monthsOfGrowth(months).build();
  }

  /**
   * A candidate's bill multiplied (a price cut below 1, a rise above).
   *
   * @param candidate the candidate's name
   * @param factor the multiplier, {@code > 0}
   * @return the scenario, named {@code "GPT-4o-mini price ×0.8"}
   */
  static Scenario priceChange(String candidate, double factor) {
    return builder().name(candidate + " price ×" + Fmt.plain(factor, 4)).putPriceFactor(candidate, factor).build();
  }

  /**
   * A new feature: every request gets extra input tokens, and candidates must support a capability.
   *
   * @param name the feature's name, for example {@code "image input"}
   * @param requiredFeature the capability it needs, for example {@code "vision"}
   * @param extraInputTokensPerRequest tokens it adds to every prompt
   * @return the scenario
   */
  static Scenario newFeature(String name, String requiredFeature, double extraInputTokensPerRequest) {
    return builder().name(name).addRequiredFeature(requiredFeature)
        .extraInputTokensPerRequest(extraInputTokensPerRequest).build();
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableScenario.Builder builder() {
    return ImmutableScenario.builder();
  }
}
