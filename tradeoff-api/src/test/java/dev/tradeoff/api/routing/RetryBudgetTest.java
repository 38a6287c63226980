package dev.tradeoff.api.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

final class RetryBudgetTest {

  private final ManualClock clock = new ManualClock();

  @Test
  void tryWithdraw_noTraffic_allowsTheReserveOnly() {
    RetryBudget b = RetryBudget.create(
        RetryBudgetConfig.builder().retryRatio(0.2).minRetriesPerSecond(2).ttl(Duration.ofSeconds(10)).build(),
        clock);
    int allowed = 0;
    while (b.tryWithdraw()) {
      allowed++;
    }
    assertThat(allowed).isEqualTo(20);
  }

  @Test
  void tryWithdraw_withTraffic_allowsRatioOfRequestsPlusReserve() {
    RetryBudget b = RetryBudget.create(
        RetryBudgetConfig.builder().retryRatio(0.1).minRetriesPerSecond(0).build(), clock);
    for (int i = 0; i < 1000; i++) {
      b.deposit();
    }
    assertThat(b.available()).isEqualTo(100);
    int allowed = 0;
    while (b.tryWithdraw()) {
      allowed++;
    }
    assertThat(allowed).isEqualTo(100);
  }

  @Test
  void available_afterTtl_depositsAndWithdrawalsExpire() {
    RetryBudget b = RetryBudget.create(
        RetryBudgetConfig.builder().retryRatio(0.5).minRetriesPerSecond(0).ttl(Duration.ofSeconds(10)).build(),
        clock);
    for (int i = 0; i < 10; i++) {
      b.deposit();
    }
    assertThat(b.tryWithdraw()).isTrue();
    assertThat(b.available()).isEqualTo(4);
    clock.advance(Duration.ofSeconds(11));
    assertThat(b.available()).isZero();
  }

  @Test
  void none_neverAllowsARetry() {
    RetryBudget b = RetryBudget.create(RetryBudgetConfig.none(), clock);
    for (int i = 0; i < 100; i++) {
      b.deposit();
    }
    assertThat(b.tryWithdraw()).isFalse();
  }

  @Test
  void config_badValues_areRejectedWithTheirNames() {
    assertThatThrownBy(() -> RetryBudgetConfig.builder().retryRatio(-0.1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("retryRatio must be in [0, 1000], but was -0.1");
    assertThatThrownBy(() -> RetryBudgetConfig.builder().minRetriesPerSecond(-1).build())
        .hasMessage("minRetriesPerSecond must be in [0, 1000000], but was -1");
    assertThatThrownBy(() -> RetryBudgetConfig.builder().ttl(Duration.ofHours(2)).build())
        .hasMessage("ttl must be in [10 ns, 1 hour], but was PT2H");
  }
}
