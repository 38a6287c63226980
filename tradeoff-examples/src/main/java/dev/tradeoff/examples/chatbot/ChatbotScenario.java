package dev.tradeoff.examples.chatbot;

import dev.tradeoff.metrics.load.PromptSet;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The chatbot dashboard's question: which of these models for a support chatbot with this traffic, budget and
 * latency objective?
 *
 * <p>Traffic: {@link #dailyActiveUsers()} × {@link #conversationsPerUserPerDay()} conversations a day, each of
 * {@link #turnsPerConversation()} turns, over a 730-hour month ({@code tradeoff-pricing}'s convention: 30.42 days);
 * each turn is one request with the mean token counts measured on the prompt set. The defaults are the reference
 * scenario:
 *
 * <pre>{@code
 * ChatbotScenario s = ChatbotScenario.defaults();   // GPT-4o-mini vs Claude 3 Haiku, $500/month,
 *                                                   // 1,000 DAU, 1 conversation/day, 5 turns,
 *                                                   // p95 TTFT SLO 1,000 ms, the 50 customer-support prompts
 * ChatbotScenario bigger = s.toBuilder().dailyActiveUsers(20_000).budgetUsdPerMonth(new BigDecimal("2000")).build();
 * }</pre>
 *
 * @param models the models compared, at least one, names unique
 * @param prompts the standardized queries sent to every model
 * @param budgetUsdPerMonth the monthly budget, in US dollars, positive
 * @param dailyActiveUsers users a day, at least 1
 * @param conversationsPerUserPerDay conversations per user a day, positive and finite
 * @param turnsPerConversation requests per conversation, at least 1
 * @param sloP95TtftMillis the objective on the 95th percentile of time to first token, in milliseconds, positive
 * @param costWeight the weight of monthly cost against p95 TTFT (weight {@code 1 - costWeight}) in the ranking,
 *     in [0, 1]
 * @param concurrency requests in flight per model; empty for the default of the mode (all prompts at once on
 *     the simulator, 4 on real APIs, whose rate limits are lower)
 * @param seed the simulator's seed (same seed, same simulated numbers)
 */
public record ChatbotScenario(
    List<ChatbotModel> models,
    PromptSet prompts,
    BigDecimal budgetUsdPerMonth,
    int dailyActiveUsers,
    double conversationsPerUserPerDay,
    int turnsPerConversation,
    double sloP95TtftMillis,
    double costWeight,
    OptionalInt concurrency,
    long seed) {

  /** Default budget: 500 USD a month. */
  public static final BigDecimal DEFAULT_BUDGET_USD_PER_MONTH = new BigDecimal("500");
  /** Default traffic: 1,000 daily active users. */
  public static final int DEFAULT_DAILY_ACTIVE_USERS = 1_000;
  /** Default: 5 turns per conversation. */
  public static final int DEFAULT_TURNS = 5;
  /** Default objective: p95 time to first token at most 1,000 ms. */
  public static final double DEFAULT_SLO_P95_TTFT_MILLIS = 1_000;

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException naming the first component out of range
   */
  public ChatbotScenario {
    models = List.copyOf(models);
    if (models.isEmpty()) {
      throw new IllegalArgumentException("models must not be empty");
    }
    Set<String> names = new HashSet<>();
    for (ChatbotModel m : models) {
      if (!names.add(m.name())) {
        throw new IllegalArgumentException("models must have unique names, but '" + m.name() + "' repeats");
      }
    }
    Objects.requireNonNull(prompts, "prompts");
    Objects.requireNonNull(budgetUsdPerMonth, "budgetUsdPerMonth");
    if (budgetUsdPerMonth.signum() <= 0) {
      throw new IllegalArgumentException("budgetUsdPerMonth must be > 0, but was " + budgetUsdPerMonth);
    }
    if (dailyActiveUsers < 1) {
      throw new IllegalArgumentException("dailyActiveUsers must be >= 1, but was " + dailyActiveUsers);
    }
    if (!(conversationsPerUserPerDay > 0) || Double.isInfinite(conversationsPerUserPerDay)) {
      throw new IllegalArgumentException(
          "conversationsPerUserPerDay must be positive and finite, but was " + conversationsPerUserPerDay);
    }
    if (turnsPerConversation < 1) {
      throw new IllegalArgumentException("turnsPerConversation must be >= 1, but was " + turnsPerConversation);
    }
    if (!(sloP95TtftMillis > 0) || Double.isInfinite(sloP95TtftMillis)) {
      throw new IllegalArgumentException("sloP95TtftMillis must be positive and finite, but was " + sloP95TtftMillis);
    }
    if (!(costWeight >= 0 && costWeight <= 1)) {
      throw new IllegalArgumentException("costWeight must be in [0, 1], but was " + costWeight);
    }
    Objects.requireNonNull(concurrency, "concurrency");
    if (concurrency.isPresent() && concurrency.getAsInt() < 1) {
      throw new IllegalArgumentException("concurrency must be >= 1, but was " + concurrency.getAsInt());
    }
  }

  /**
   * The reference scenario: GPT-4o-mini vs Claude 3 Haiku, $500/month, 1,000 DAU × 1 conversation × 5 turns,
   * p95 TTFT at most 1,000 ms, cost and latency weighted equally, the bundled 50 customer-support
   * prompts, seed 0.
   *
   * @return the scenario
   */
  public static ChatbotScenario defaults() {
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
    b.models = new ArrayList<>(models);
    b.prompts = prompts;
    b.budget = budgetUsdPerMonth;
    b.dau = dailyActiveUsers;
    b.conversations = conversationsPerUserPerDay;
    b.turns = turnsPerConversation;
    b.slo = sloP95TtftMillis;
    b.costWeight = costWeight;
    b.concurrency = concurrency;
    b.seed = seed;
    return b;
  }

  /** Builds a {@link ChatbotScenario}; validation happens in {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private List<ChatbotModel> models = new ArrayList<>(List.of(ChatbotModel.gpt4oMini(), ChatbotModel.claude3Haiku()));
    private PromptSet prompts;
    private BigDecimal budget = DEFAULT_BUDGET_USD_PER_MONTH;
    private int dau = DEFAULT_DAILY_ACTIVE_USERS;
    private double conversations = 1;
    private int turns = DEFAULT_TURNS;
    private double slo = DEFAULT_SLO_P95_TTFT_MILLIS;
    private double costWeight = 0.5;
    private OptionalInt concurrency = OptionalInt.empty();
    private long seed;

    private Builder() {}

    /**
     * The models, replacing the defaults.
     *
     * @param models at least one
     * @return this builder
     */
    public Builder models(List<ChatbotModel> models) {
      this.models = new ArrayList<>(models);
      return this;
    }

    /**
     * The prompts; the bundled 50 customer-support prompts by default.
     *
     * @param prompts the prompt set
     * @return this builder
     */
    public Builder prompts(PromptSet prompts) {
      this.prompts = Objects.requireNonNull(prompts, "prompts");
      return this;
    }

    /**
     * The monthly budget.
     *
     * @param usd US dollars
     * @return this builder
     */
    public Builder budgetUsdPerMonth(BigDecimal usd) {
      this.budget = Objects.requireNonNull(usd, "usd");
      return this;
    }

    /**
     * Daily active users.
     *
     * @param users at least 1
     * @return this builder
     */
    public Builder dailyActiveUsers(int users) {
      this.dau = users;
      return this;
    }

    /**
     * Conversations per user a day.
     *
     * @param conversations positive
     * @return this builder
     */
    public Builder conversationsPerUserPerDay(double conversations) {
      this.conversations = conversations;
      return this;
    }

    /**
     * Turns (requests) per conversation.
     *
     * @param turns at least 1
     * @return this builder
     */
    public Builder turnsPerConversation(int turns) {
      this.turns = turns;
      return this;
    }

    /**
     * The p95 TTFT objective.
     *
     * @param millis milliseconds
     * @return this builder
     */
    public Builder sloP95TtftMillis(double millis) {
      this.slo = millis;
      return this;
    }

    /**
     * The weight of cost against latency in the ranking.
     *
     * @param weight in [0, 1]
     * @return this builder
     */
    public Builder costWeight(double weight) {
      this.costWeight = weight;
      return this;
    }

    /**
     * Requests in flight per model.
     *
     * @param requests at least 1
     * @return this builder
     */
    public Builder concurrency(int requests) {
      this.concurrency = OptionalInt.of(requests);
      return this;
    }

    /**
     * The simulator's seed.
     *
     * @param seed the seed
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * The scenario.
     *
     * @return the scenario
     * @throws IllegalArgumentException naming the first value out of range
     */
    public ChatbotScenario build() {
      return new ChatbotScenario(models, prompts != null ? prompts : PromptSet.customerSupport(), budget, dau,
          conversations, turns, slo, costWeight, concurrency, seed);
    }
  }
}
