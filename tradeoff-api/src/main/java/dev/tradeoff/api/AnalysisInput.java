package dev.tradeoff.api;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tradeoff.api.workload.WorkloadProfile;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.immutables.value.Value;

/**
 * Everything an analysis is about, as one JSON-serializable value: the workload, the candidates, the
 * requirements, the weights, the break-even headroom and an optional TCO horizon. {@link TradeoffAnalyzer}'s
 * builder assembles one; a saved one re-runs with {@link TradeoffAnalyzer#of(AnalysisInput,
 * dev.tradeoff.pricing.PriceCatalog)}.
 *
 * <pre>{@code
 * AnalysisInput input = AnalysisInput.builder()
 *     .workload(chatbot)
 *     .addCandidate(DeploymentCandidate.of("GPT-4o-mini", "openai/gpt-4o-mini"))
 *     .addCandidate(DeploymentCandidate.of("Claude 3 Haiku", "anthropic/claude-3-haiku"))
 *     .requirements(Requirements.builder().monthlyBudgetUsd(new BigDecimal("500")).build())
 *     .build();
 * String json = ReportJson.mapper().writeValueAsString(input);
 * }</pre>
 *
 * <p>Without {@link #weights()}, the analysis weighs the monthly cost and every performance or quality figure that
 * all priced candidates have, equally (and says so in the report). Without {@link #breakEvenHeadroom()}, break-even
 * points are sized with {@link TradeoffAnalyzer#DEFAULT_HEADROOM} or the workload's burst, whichever is larger.
 * At least one candidate; names unique; the TCO incumbent must name a candidate. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAnalysisInput.class)
@JsonDeserialize(as = ImmutableAnalysisInput.class)
public interface AnalysisInput {

  /** @return the workload */
  WorkloadProfile workload();

  /** @return the candidates, at least one, unique names */
  List<DeploymentCandidate> candidates();

  /** @return the hard constraints, none by default */
  default Requirements requirements() {
    return Requirements.none();
  }

  /** @return the weights of the ranking; empty for the default described above */
  Optional<Weights> weights();

  /** @return capacity headroom for break-even sizing as a fraction ({@code 0.2} = 20%), {@code >= 0} */
  OptionalDouble breakEvenHeadroom();

  /** @return the TCO horizon, if wanted */
  Optional<TcoSettings> tco();

  /**
   * Checks candidates, headroom and the incumbent.
   *
   * @throws TradeoffException naming the field and value
   */
  @Value.Check
  default void check() {
    if (candidates().isEmpty()) {
      throw TradeoffException.invalid("candidates", "at least one candidate", "empty");
    }
    Set<String> names = new HashSet<>();
    for (DeploymentCandidate c : candidates()) {
      if (!names.add(c.name())) {
        throw TradeoffException.invalid("candidates.name", "unique", "\"" + c.name() + "\" twice");
      }
    }
    if (breakEvenHeadroom().isPresent()) {
      double h = breakEvenHeadroom().getAsDouble();
      if (!(h >= 0) || Double.isInfinite(h)) {
        throw TradeoffException.invalid("breakEvenHeadroom", ">= 0 and finite", h);
      }
    }
    if (tco().isPresent() && tco().get().incumbent().isPresent() && !names.contains(tco().get().incumbent().get())) {
      throw TradeoffException.invalid("tco.incumbent", "the name of a candidate " + names,
          "\"" + tco().get().incumbent().get() + "\"");
    }
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableAnalysisInput.Builder builder() {
    return ImmutableAnalysisInput.builder();
  }
}
