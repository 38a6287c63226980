package dev.tradeoff.examples.routing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The knobs of the multi-provider routing scenario: how much diurnal traffic, for how long, which incidents, which
 * policies, which budgets. The candidates (OpenAI GPT-4o-mini, Google Gemini 2.0 Flash, Anthropic Claude 3 Haiku,
 * a self-hosted Llama 3 70B) and the request classes are fixed by {@link MultiProviderRouting}.
 *
 * <pre>{@code
 * RoutingScenario day = RoutingScenario.defaults();     // 24 h, 4 req/s on average, OpenAI outage 10:00-10:45,
 *                                                       // Anthropic 429 storm 14:00-14:40, all six policies
 * RoutingScenario quick = day.toBuilder().hours(2).meanRequestsPerSecond(10).outage("openai", 0.5, 20).build();
 * }</pre>
 *
 * @param seed the seed of every random draw (same seed, same day)
 * @param hours simulated hours of traffic, in (0, 168]
 * @param meanRequestsPerSecond mean arrival rate over the day, {@code > 0}; the diurnal shape peaks at about
 *     1.6 times it in the early afternoon
 * @param outage the outage (provider, start hour, minutes)
 * @param rateLimitStorm the rate-limit storm: every attempt at the provider gets HTTP 429 (provider, start hour,
 *     minutes)
 * @param policies the policies compared, names from {@link #POLICIES}, at least one
 * @param ttftSloMillis the TTFT objective of the cheapest-meeting-SLO policy, ms
 * @param budgetUsd the spend budget of the simulated period (API spend), USD
 * @param monthlyBudgetUsd the monthly budget the live cost tracker forecasts against, USD
 */
public record RoutingScenario(
    long seed,
    double hours,
    double meanRequestsPerSecond,
    Window outage,
    Window rateLimitStorm,
    List<String> policies,
    double ttftSloMillis,
    BigDecimal budgetUsd,
    BigDecimal monthlyBudgetUsd) {

  /** The policy names, in report order. */
  public static final List<String> POLICIES = List.of("cheapest-meeting-slo", "fastest", "weighted-utility",
      "power-of-two-choices", "weighted-random", "round-robin");

  /** The provider names incidents may name. */
  public static final Set<String> PROVIDERS = Set.of("openai", "google", "anthropic", "self-hosted");

  /**
   * An incident window.
   *
   * @param provider one of {@link #PROVIDERS}
   * @param startHour hours after the start of the simulation, {@code >= 0}
   * @param minutes how long, {@code > 0}
   */
  public record Window(String provider, double startHour, double minutes) {

    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException naming the component out of range
     */
    public Window {
      Objects.requireNonNull(provider, "provider");
      if (!PROVIDERS.contains(provider)) {
        throw new IllegalArgumentException("provider must be one of " + new java.util.TreeSet<>(PROVIDERS)
            + ", but was '" + provider + "'");
      }
      if (!(startHour >= 0) || Double.isInfinite(startHour)) {
        throw new IllegalArgumentException("startHour must be >= 0, but was " + startHour);
      }
      if (!(minutes > 0) || Double.isInfinite(minutes)) {
        throw new IllegalArgumentException("minutes must be > 0, but was " + minutes);
      }
    }

    /**
     * A label for tables, e.g. {@code "openai 10:00-10:45"}.
     *
     * @return the label
     */
    public String describe() {
      return provider + " " + clock(startHour) + "-" + clock(startHour + minutes / 60);
    }

    static String clock(double hours) {
      long minutes = Math.round(hours * 60);
      return String.format(Locale.ROOT, "%02d:%02d", minutes / 60 % 24, minutes % 60);
    }
  }

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException naming the first component out of range
   */
  public RoutingScenario {
    if (!(hours > 0 && hours <= 168)) {
      throw new IllegalArgumentException("hours must be in (0, 168], but was " + hours);
    }
    if (!(meanRequestsPerSecond > 0) || Double.isInfinite(meanRequestsPerSecond)) {
      throw new IllegalArgumentException("meanRequestsPerSecond must be positive and finite, but was "
          + meanRequestsPerSecond);
    }
    Objects.requireNonNull(outage, "outage");
    Objects.requireNonNull(rateLimitStorm, "rateLimitStorm");
    policies = List.copyOf(policies);
    if (policies.isEmpty()) {
      throw new IllegalArgumentException("policies must name at least one policy");
    }
    for (String p : policies) {
      if (!POLICIES.contains(p)) {
        throw new IllegalArgumentException("policies must be among " + POLICIES + ", but '" + p + "' is not");
      }
    }
    if (!(ttftSloMillis > 0) || Double.isInfinite(ttftSloMillis)) {
      throw new IllegalArgumentException("ttftSloMillis must be positive and finite, but was " + ttftSloMillis);
    }
    Objects.requireNonNull(budgetUsd, "budgetUsd");
    Objects.requireNonNull(monthlyBudgetUsd, "monthlyBudgetUsd");
    if (budgetUsd.signum() <= 0 || monthlyBudgetUsd.signum() <= 0) {
      throw new IllegalArgumentException("budgetUsd and monthlyBudgetUsd must be > 0, but were " + budgetUsd
          + " and " + monthlyBudgetUsd);
    }
  }

  /**
   * The reference day: seed 7, 24 hours at 4 requests/s on average, an OpenAI outage 10:00-10:45, an Anthropic
   * rate-limit storm 14:00-14:40, all six policies, a 1,000 ms TTFT objective, $150 for the day, $4,500 a month.
   *
   * @return the scenario
   */
  public static RoutingScenario defaults() {
    return builder().build();
  }

  /**
   * A builder holding the defaults.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this scenario's values.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.seed = seed;
    b.hours = hours;
    b.rate = meanRequestsPerSecond;
    b.outage = outage;
    b.storm = rateLimitStorm;
    b.policies = new ArrayList<>(policies);
    b.slo = ttftSloMillis;
    b.budget = budgetUsd;
    b.monthly = monthlyBudgetUsd;
    return b;
  }

  /** Builds a {@link RoutingScenario}; validation happens in {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private long seed = 7;
    private double hours = 24;
    private double rate = 4;
    private Window outage = new Window("openai", 10, 45);
    private Window storm = new Window("anthropic", 14, 40);
    private List<String> policies = new ArrayList<>(POLICIES);
    private double slo = 1_000;
    private BigDecimal budget = new BigDecimal("150");
    private BigDecimal monthly = new BigDecimal("4500");

    private Builder() {}

    /** @param v the seed @return this builder */
    public Builder seed(long v) {
      this.seed = v;
      return this;
    }

    /** @param v simulated hours @return this builder */
    public Builder hours(double v) {
      this.hours = v;
      return this;
    }

    /** @param v mean requests per second @return this builder */
    public Builder meanRequestsPerSecond(double v) {
      this.rate = v;
      return this;
    }

    /**
     * The outage.
     *
     * @param provider one of {@link #PROVIDERS}
     * @param startHour hours after the start
     * @param minutes how long
     * @return this builder
     */
    public Builder outage(String provider, double startHour, double minutes) {
      this.outage = new Window(provider, startHour, minutes);
      return this;
    }

    /**
     * The rate-limit storm.
     *
     * @param provider one of {@link #PROVIDERS}
     * @param startHour hours after the start
     * @param minutes how long
     * @return this builder
     */
    public Builder rateLimitStorm(String provider, double startHour, double minutes) {
      this.storm = new Window(provider, startHour, minutes);
      return this;
    }

    /** @param v policy names from {@link #POLICIES} @return this builder */
    public Builder policies(List<String> v) {
      this.policies = new ArrayList<>(v);
      return this;
    }

    /** @param v the TTFT objective, ms @return this builder */
    public Builder ttftSloMillis(double v) {
      this.slo = v;
      return this;
    }

    /** @param v the period's API budget, USD @return this builder */
    public Builder budgetUsd(BigDecimal v) {
      this.budget = v;
      return this;
    }

    /** @param v the monthly budget, USD @return this builder */
    public Builder monthlyBudgetUsd(BigDecimal v) {
      this.monthly = v;
      return this;
    }

    /**
     * The scenario.
     *
     * @return the scenario
     * @throws IllegalArgumentException naming the first value out of range
     */
    public RoutingScenario build() {
      return new RoutingScenario(seed, hours, rate, outage, storm, policies, slo, budget, monthly);
    }
  }
}
