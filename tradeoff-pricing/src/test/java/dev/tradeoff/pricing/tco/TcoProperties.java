package dev.tradeoff.pricing.tco;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The break-even rule of {@link TcoProjection#breakEvenMonth} over arbitrary cost paths: monthly costs of a few
 * whole dollars, so that the two cumulative curves often touch and cross, and an option that leaves demand unserved
 * in about one path of four.
 */
final class TcoProperties {

  /** One option's months: costs 0..4 USD (nominal) and 0..4 USD (discounted), and the first unserved month or 0. */
  private record Path(int[] cost, int[] discounted, int firstUnserved) {}

  @Provide
  Arbitrary<Path> paths() {
    Arbitrary<int[]> costs = Arbitraries.integers().between(0, 4).array(int[].class).ofSize(24);
    Arbitrary<Integer> unserved = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, Arbitraries.just(0)), net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 24)));
    return Combinators.combine(costs, costs, unserved).as(Path::new);
  }

  private static TcoResult result(String name, Path p) {
    ImmutableTcoResult.Builder r = ImmutableTcoResult.builder().name(name);
    BigDecimal cumulative = BigDecimal.ZERO;
    BigDecimal discounted = BigDecimal.ZERO;
    double unservedTotal = 0;
    for (int m = 1; m <= p.cost().length; m++) {
      cumulative = cumulative.add(BigDecimal.valueOf(p.cost()[m - 1]));
      discounted = discounted.add(BigDecimal.valueOf(p.discounted()[m - 1]));
      double unserved = p.firstUnserved() > 0 && m >= p.firstUnserved() ? 1_000 : 0;
      unservedTotal += unserved;
      r.addMonths(ImmutableTcoMonth.builder().month(m).demandFactor(1).priceFactor(1)
          .cost(BigDecimal.valueOf(p.cost()[m - 1])).discountedCost(BigDecimal.valueOf(p.discounted()[m - 1]))
          .cumulative(cumulative).cumulativeDiscounted(discounted).unservedTokens(unserved).build());
    }
    if (p.firstUnserved() > 0) {
      r.firstUnservedMonth(p.firstUnserved()).unservedTokens(unservedTotal);
    }
    return r.total(cumulative).netPresentCost(discounted).build();
  }

  /**
   * A month is present exactly when both options cover the demand and the challenger ends strictly cheaper; it is
   * then the start of the final stretch at or below the incumbent (the month before it, if any, is dearer); and the
   * two directions never both have one.
   */
  @Property(tries = 2_000)
  void breakEvenMonth_presentOnlyForACoveredStrictSavingAndStartsTheFinalStretchAtOrBelow(
      @ForAll("paths") Path challenger, @ForAll("paths") Path incumbent) {
    TcoProjection p = ImmutableTcoProjection.builder()
        .addResults(result("challenger", challenger), result("incumbent", incumbent)).build();
    boolean covered = p.result("challenger").coversDemand() && p.result("incumbent").coversDemand();

    for (boolean discounted : new boolean[] {false, true}) {
      List<BigDecimal> c = cumulative(p.result("challenger"), discounted);
      List<BigDecimal> i = cumulative(p.result("incumbent"), discounted);
      OptionalInt month = discounted ? p.discountedBreakEvenMonth("challenger", "incumbent")
          : p.breakEvenMonth("challenger", "incumbent");
      OptionalInt reverse = discounted ? p.discountedBreakEvenMonth("incumbent", "challenger")
          : p.breakEvenMonth("incumbent", "challenger");
      int n = c.size();
      if (month.isPresent()) {
        int m = month.getAsInt();
        assertThat(covered).isTrue();
        assertThat(c.get(n - 1)).isLessThan(i.get(n - 1));
        for (int k = m; k <= n; k++) {
          assertThat(c.get(k - 1)).as("month %d of %d, from %d", k, n, m).isLessThanOrEqualTo(i.get(k - 1));
        }
        if (m > 1) {
          assertThat(c.get(m - 2)).as("month %d, before %d", m - 1, m).isGreaterThan(i.get(m - 2));
        }
        assertThat(reverse).isEmpty();
      } else {
        assertThat(!covered || c.get(n - 1).compareTo(i.get(n - 1)) >= 0)
            .as("no month although both cover and the challenger ends at %s < %s", c.get(n - 1), i.get(n - 1))
            .isTrue();
      }
    }
  }

  private static List<BigDecimal> cumulative(TcoResult r, boolean discounted) {
    return r.months().stream().map(m -> discounted ? m.cumulativeDiscounted() : m.cumulative()).toList();
  }
}
