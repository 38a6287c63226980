package dev.tradeoff.examples.chatbot;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * What one model did on the standardized queries, and what that means for the scenario's month.
 *
 * <pre>{@code
 * ModelResult haiku = report.model("Claude 3 Haiku");
 * haiku.ttftP95Millis();                 // e.g. 531.6
 * haiku.monthlyCostUsd().orElseThrow();  // e.g. 52.31: 152,083 requests/month at the measured token means
 * }</pre>
 *
 * @param model the model
 * @param simulated whether it was measured against the simulated provider
 * @param requests requests sent
 * @param succeeded requests that completed without failure
 * @param meanInputTokens mean prompt tokens per successful request
 * @param meanOutputTokens mean generated tokens per successful request (reasoning included)
 * @param totalCostUsd exact cost of the priced requests, US dollars
 * @param pricedRequests requests that could be priced from the catalog
 * @param costPerRequestUsd mean cost of a priced request; empty if none was priced
 * @param costPerConversationUsd the workload's cost per conversation on this model (TradeoffAnalyzer); empty if
 *     the model has no price
 * @param monthlyCostUsd the workload's monthly cost on this model (TradeoffAnalyzer); empty if the model has no
 *     price
 * @param ttftP50Millis median time to first token of successful requests, ms
 * @param ttftP95Millis 95th percentile of time to first token, ms
 * @param e2eP50Millis median total time (request sent to last byte), ms
 * @param e2eP95Millis 95th percentile of total time, ms
 * @param outputTokensPerSecond median per-request output speed over the generation window, tokens/s
 */
public record ModelResult(
    ChatbotModel model,
    boolean simulated,
    long requests,
    long succeeded,
    double meanInputTokens,
    double meanOutputTokens,
    BigDecimal totalCostUsd,
    long pricedRequests,
    Optional<BigDecimal> costPerRequestUsd,
    Optional<BigDecimal> costPerConversationUsd,
    Optional<BigDecimal> monthlyCostUsd,
    double ttftP50Millis,
    double ttftP95Millis,
    double e2eP50Millis,
    double e2eP95Millis,
    double outputTokensPerSecond) {

  /** Checks the components. */
  public ModelResult {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(totalCostUsd, "totalCostUsd");
    Objects.requireNonNull(costPerRequestUsd, "costPerRequestUsd");
    Objects.requireNonNull(costPerConversationUsd, "costPerConversationUsd");
    Objects.requireNonNull(monthlyCostUsd, "monthlyCostUsd");
    if (succeeded < 0 || succeeded > requests) {
      throw new IllegalArgumentException("succeeded must be in [0, requests], but was " + succeeded);
    }
  }

  /**
   * The display name of the model.
   *
   * @return the name
   */
  public String name() {
    return model.name();
  }

  /**
   * Failed / sent.
   *
   * @return in [0, 1]; 0 without requests
   */
  public double errorRate() {
    return requests == 0 ? 0 : (double) (requests - succeeded) / requests;
  }
}
