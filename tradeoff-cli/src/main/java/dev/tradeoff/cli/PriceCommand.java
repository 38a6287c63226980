package dev.tradeoff.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tradeoff.cli.internal.Catalogs;
import dev.tradeoff.cli.internal.Json;
import dev.tradeoff.pricing.CostLine;
import dev.tradeoff.pricing.PriceCatalog;
import dev.tradeoff.pricing.RequestCost;
import dev.tradeoff.pricing.RequestOptions;
import dev.tradeoff.pricing.TokenClass;
import dev.tradeoff.pricing.Usage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tradeoff price}: the exact cost of one request.
 *
 * <p>Totals include their parts: {@code --input-tokens} counts every prompt token, cached reads and cache
 * writes among them; {@code --output-tokens} counts every generated token, reasoning among them (the
 * OpenAI convention). Each token is then billed once, at its own class's rate.
 *
 * <p>JSON output ({@code --json}): {@code model} (the resolved canonical id), {@code cost_usd} (decimal
 * string, not rounded), {@code breakdown} (cost per token class, decimal strings), {@code tokens}
 * (tokens per class) and {@code rates_usd_per_million}.
 */
@Command(
    name = "price",
    mixinStandardHelpOptions = true,
    description = "Exact cost of one request from the bundled catalog, your catalog or a LiteLLM price map.")
final class PriceCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--catalog", paramLabel = "FILE",
      description = "Catalog JSON (tradeoff format) or LiteLLM model_prices_and_context_window.json; default: bundled.")
  Optional<Path> catalog;

  @Option(names = "--model", required = true, paramLabel = "ID",
      description = "Model id: canonical (openai/gpt-4o-mini), an alias, or a provider/dated name.")
  String model;

  @Option(names = "--input-tokens", required = true, paramLabel = "N",
      description = "Every prompt token, cached reads and cache writes included.")
  long inputTokens;

  @Option(names = "--output-tokens", required = true, paramLabel = "N",
      description = "Every generated token, reasoning included.")
  long outputTokens;

  @Option(names = "--cached-tokens", paramLabel = "N", defaultValue = "0",
      description = "Prompt tokens read from the cache (part of --input-tokens).")
  long cachedTokens;

  @Option(names = "--cache-write-tokens", paramLabel = "N", defaultValue = "0",
      description = "Prompt tokens written to the cache (part of --input-tokens), at the 5-minute write rate.")
  long cacheWriteTokens;

  @Option(names = "--reasoning-tokens", paramLabel = "N", defaultValue = "0",
      description = "Reasoning/thinking tokens (part of --output-tokens).")
  long reasoningTokens;

  @Option(names = "--batch", description = "Priced with the provider's batch discount.")
  boolean batch;

  @Option(names = "--json", description = "Machine-readable output.")
  boolean json;

  @Override
  public Integer call() {
    PriceCatalog prices = Catalogs.load(catalog);
    Usage usage = Usage.openAi(inputTokens, cachedTokens, cacheWriteTokens, outputTokens, reasoningTokens);
    RequestCost cost = prices.cost(model, usage, batch ? RequestOptions.batch() : RequestOptions.standard());
    PrintWriter out = spec.commandLine().getOut();
    out.println(json ? Json.write(toJson(cost)) : toText(cost));
    return TradeoffCli.OK;
  }

  static ObjectNode toJson(RequestCost cost) {
    ObjectNode root = Json.object();
    root.put("model", cost.modelId());
    root.put("cost_usd", cost.total().toPlainString());
    root.put("service_tier", cost.options().serviceTier().name().toLowerCase(Locale.ROOT));
    ObjectNode breakdown = root.putObject("breakdown");
    ObjectNode tokens = root.putObject("tokens");
    ObjectNode rates = root.putObject("rates_usd_per_million");
    for (CostLine line : cost.lines()) {
      String name = snakeCase(line.tokenClass());
      breakdown.put(name, line.amount().toPlainString());
      tokens.put(name, line.tokens());
      rates.put(name, line.ratePerMillion().toPlainString());
    }
    return root;
  }

  private static String toText(RequestCost cost) {
    StringBuilder text = new StringBuilder();
    text.append(String.format(Locale.ROOT, "%-16s %s%n", "model", cost.modelId()));
    for (CostLine line : cost.lines()) {
      text.append(String.format(Locale.ROOT, "%-16s %,12d tokens x $%s/1M = $%s%n", snakeCase(line.tokenClass()),
          line.tokens(), line.ratePerMillion().toPlainString(), line.amount().toPlainString()));
    }
    text.append(String.format(Locale.ROOT, "%-16s $%s", "total", cost.total().toPlainString()));
    return text.toString();
  }

  /** {@code CACHE_WRITE_5M} becomes {@code cache_write_5m}: the contract's snake_case class names. */
  static String snakeCase(TokenClass tokenClass) {
    return tokenClass.name().toLowerCase(Locale.ROOT);
  }
}
