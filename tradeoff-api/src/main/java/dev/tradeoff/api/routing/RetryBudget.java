package dev.tradeoff.api.routing;

import dev.tradeoff.api.routing.internal.WindowCounters;
import java.util.Objects;

/**
 * A budget for retries and failovers, after Finagle's: every request deposits {@link
 * RetryBudgetConfig#retryRatio()} of a retry, every retry withdraws one, deposits and withdrawals expire
 * after {@link RetryBudgetConfig#ttl()}, and a reserve of {@link RetryBudgetConfig#minRetriesPerSecond()}
 * keeps low-traffic callers able to retry. When every candidate fails, retries stop at the budget instead
 * of multiplying the load.
 *
 * <p>Balances are kept in millionths of a retry, in integers, so the ratio is exact to 1e-6.
 *
 * <h2>Thread-safety</h2>
 * Lock-free and allocation-free. {@link #tryWithdraw()} reads the balance and then records the withdrawal,
 * so {@code T} threads racing for the last retry can overdraw the budget by at most {@code T − 1}
 * retries; the window's own rotation bound (see {@link ProviderStats#window()}) applies to both counts.
 *
 * <pre>{@code
 * RetryBudget budget = RetryBudget.create(RetryBudgetConfig.defaults(), NanoClock.SYSTEM);
 * budget.deposit();                       // once per request
 * if (failed && budget.tryWithdraw()) {   // once per retry
 *   retry();
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class RetryBudget {

  private static final int REQUESTS = 0;
  private static final int RETRIES = 1;
  private static final int BUCKETS = 10;
  private static final long MICROS_PER_RETRY = 1_000_000L;

  private final NanoClock clock;
  private final long ratioMicros;
  private final long reserveMicros;
  private final WindowCounters window;

  private RetryBudget(RetryBudgetConfig config, NanoClock clock) {
    this.clock = clock;
    this.ratioMicros = Math.round(config.retryRatio() * MICROS_PER_RETRY);
    // minRetriesPerSecond × ttl in seconds, in millionths of a retry: rate × ttlNanos / 1000.
    this.reserveMicros = config.minRetriesPerSecond() * (config.ttl().toNanos() / 1000);
    this.window = new WindowCounters(BUCKETS, Math.max(1, config.ttl().toNanos() / BUCKETS), 2, clock.nanoTime());
  }

  /**
   * A budget.
   *
   * @param config the ratio, reserve and ttl
   * @param clock the time source
   * @return a new budget
   */
  public static RetryBudget create(RetryBudgetConfig config, NanoClock clock) {
    return new RetryBudget(Objects.requireNonNull(config, "config"), Objects.requireNonNull(clock, "clock"));
  }

  /** One request was made (its first attempt): deposits {@code retryRatio} of a retry. */
  public void deposit() {
    deposit(clock.nanoTime());
  }

  void deposit(long now) {
    window.add(now, REQUESTS, 1);
  }

  /**
   * Takes one retry from the budget if there is one.
   *
   * @return true if the retry may go ahead (and was withdrawn)
   */
  public boolean tryWithdraw() {
    return tryWithdraw(clock.nanoTime());
  }

  boolean tryWithdraw(long now) {
    if (balanceMicros(now) < MICROS_PER_RETRY) {
      return false;
    }
    window.add(now, RETRIES, 1);
    return true;
  }

  /**
   * Whole retries available now.
   *
   * @return at least 0
   */
  public long available() {
    return Math.max(0, balanceMicros(clock.nanoTime()) / MICROS_PER_RETRY);
  }

  private long balanceMicros(long now) {
    long requests = window.sum(now, REQUESTS);
    long retries = window.sum(now, RETRIES);
    return reserveMicros + ratioMicros * requests - retries * MICROS_PER_RETRY;
  }

  @Override
  public String toString() {
    return "RetryBudget[available=" + available() + "]";
  }
}
