package dev.tradeoff.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of request pricing over every bundled model and random usage. */
final class RequestCostProperties {

  private static final PriceCatalog CATALOG = PriceCatalog.bundled();
  private static final List<ModelPrice> MODELS = CATALOG.models();

  @Provide
  Arbitrary<ModelPrice> models() {
    return Arbitraries.of(MODELS);
  }

  @Provide
  Arbitrary<Usage> usages() {
    Arbitrary<Long> n = Arbitraries.longs().between(0, 400_000);
    Arbitrary<Long> small = Arbitraries.longs().between(0, 50_000);
    return Combinators.combine(n, small, small, n, n, small)
        .as((in, cr, cw, out, unused, reas) -> Usage.builder().input(in).cacheRead(cr).cacheWrite5m(cw)
            .output(out % 100_000).reasoning(reas).build());
  }

  private static boolean priceable(ModelPrice m, Usage u) {
    try {
      m.cost(u);
      return true;
    } catch (UnpricedUsageException e) {
      return false;
    }
  }

  /** The total is exactly the sum of the lines, and each line is exactly tokens x rate / 1e6. */
  @Property(tries = 300)
  void total_isExactSumOfBreakdown(@ForAll("models") ModelPrice m, @ForAll("usages") Usage u) {
    if (!priceable(m, u)) {
      return;
    }
    RequestCost cost = m.cost(u);
    BigDecimal sum = cost.lines().stream().map(CostLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(cost.total()).isEqualByComparingTo(sum);
    for (CostLine line : cost.lines()) {
      assertThat(line.amount()).isEqualByComparingTo(
          line.ratePerMillion().multiply(BigDecimal.valueOf(line.tokens())).divide(BigDecimal.valueOf(1_000_000)));
    }
  }

  /** Each token is billed exactly once: the billed tokens per class equal the usage's counts. */
  @Property(tries = 300)
  void eachToken_billedExactlyOnce(@ForAll("models") ModelPrice m, @ForAll("usages") Usage u) {
    if (!priceable(m, u)) {
      return;
    }
    RequestCost cost = m.cost(u);
    long billed = cost.lines().stream().mapToLong(CostLine::tokens).sum();
    assertThat(billed).isEqualTo(u.totalTokens());
    for (CostLine line : cost.lines()) {
      assertThat(line.tokens()).isEqualTo(u.tokens(line.tokenClass()));
    }
  }

  /**
   * Adding a token of any class never lowers the cost — within a price tier. (Crossing a long-context
   * threshold raises the cost of every token, so monotonicity holds across tiers too; it is checked here
   * for every step.)
   */
  @Property(tries = 300)
  void cost_monotoneInEveryTokenClass(
      @ForAll("models") ModelPrice m, @ForAll("usages") Usage u,
      @ForAll("classes") TokenClass c, @ForAll("deltas") long delta) {
    Usage more = u.plus(single(c, delta));
    if (!priceable(m, u) || !priceable(m, more)) {
      return;
    }
    assertThat(m.cost(more).total()).isGreaterThanOrEqualTo(m.cost(u).total());
  }

  @Provide
  Arbitrary<TokenClass> classes() {
    return Arbitraries.of(TokenClass.class);
  }

  @Provide
  Arbitrary<Long> deltas() {
    return Arbitraries.longs().between(1, 300_000);
  }

  private static Usage single(TokenClass c, long n) {
    ImmutableUsage.Builder b = Usage.builder();
    switch (c) {
      case INPUT: b.input(n); break;
      case CACHE_READ: b.cacheRead(n); break;
      case CACHE_WRITE_5M: b.cacheWrite5m(n); break;
      case CACHE_WRITE_1H: b.cacheWrite1h(n); break;
      case OUTPUT: b.output(n); break;
      case REASONING: b.reasoning(n); break;
      default: throw new AssertionError(c);
    }
    return b.build();
  }

  /** OpenAI's overlapping fields and the disjoint Usage price identically: nothing double counted. */
  @Property(tries = 200)
  void openAiFields_priceLikeDisjointUsage(
      @ForAll("models") ModelPrice m, @ForAll("usages") Usage u) {
    if (!priceable(m, u) || u.cacheWrite5m() != 0) {
      return;
    }
    Usage fromWire = Usage.openAi(u.promptTokens(), u.cacheRead(), u.completionTokens(), u.reasoning());
    assertThat(m.cost(fromWire).total()).isEqualByComparingTo(m.cost(u).total());
  }

  @Provide
  Arbitrary<RequestOptions> options() {
    return Combinators.combine(Arbitraries.of(ServiceTier.class), Arbitraries.of(DataResidency.class))
        .as(RequestOptions::of);
  }

  /**
   * Under every service tier and residency the handle and the exact path agree: both price (within the bound) or
   * both refuse with {@link UnpricedUsageException} — the handle never returns $0 where the exact path would throw.
   */
  @Property(tries = 400)
  void handle_agreesWithExactPathUnderEveryOption(
      @ForAll("models") ModelPrice m, @ForAll("usages") Usage u, @ForAll("options") RequestOptions o) {
    BigDecimal exact;
    try {
      exact = m.cost(u, o).total();
    } catch (UnpricedUsageException e) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> m.handle(o).costUsd(u.input(), u.cacheRead(),
          u.cacheWrite5m(), u.cacheWrite1h(), u.output(), u.reasoning())).isInstanceOf(UnpricedUsageException.class);
      return;
    }
    double fast = m.handle(o).costUsd(u.input(), u.cacheRead(), u.cacheWrite5m(), u.cacheWrite1h(), u.output(),
        u.reasoning());
    assertThat(new BigDecimal(fast).subtract(exact).abs())
        .isLessThanOrEqualTo(exact.multiply(BigDecimal.valueOf(PriceHandle.RELATIVE_ERROR_BOUND), MathContext.DECIMAL64));
  }

  /** The hot-path handle agrees with the exact cost within its documented relative bound. */
  @Property(tries = 400)
  void handle_withinDocumentedErrorBound(@ForAll("models") ModelPrice m, @ForAll("usages") Usage u) {
    if (!priceable(m, u)) {
      return;
    }
    BigDecimal exact = m.cost(u).total();
    double fast = m.handle(RequestOptions.standard()).costUsd(u.input(), u.cacheRead(), u.cacheWrite5m(),
        u.cacheWrite1h(), u.output(), u.reasoning());
    BigDecimal error = new BigDecimal(fast).subtract(exact).abs();
    BigDecimal bound = exact.multiply(BigDecimal.valueOf(PriceHandle.RELATIVE_ERROR_BOUND), MathContext.DECIMAL64);
    assertThat(error).isLessThanOrEqualTo(bound);
  }
}
