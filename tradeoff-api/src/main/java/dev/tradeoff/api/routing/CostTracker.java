package dev.tradeoff.api.routing;

import dev.tradeoff.api.routing.CostTags.TagDimension;
import dev.tradeoff.api.routing.internal.DecimalAdder;
import dev.tradeoff.api.routing.internal.MonthMass;
import dev.tradeoff.metrics.RequestResult;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exact running spend of a fleet of LLM calls, by provider, model, feature and tenant, per calendar
 * month; the month-end forecast; an alert when the forecast (or the spend itself) crosses the monthly
 * budget; and a JSON snapshot so that a restart loses nothing.
 *
 * <h2>Exactness</h2>
 * Amounts are {@link BigDecimal} US dollars and are added without rounding: after {@code N} threads each
 * recorded {@code M} amounts, every total equals the exact decimal sum. Each tag combination keeps a
 * striped adder (a few cells updated by CAS, like {@link java.util.concurrent.atomic.LongAdder}), so many
 * threads recording at once rarely contend. A total read while others record includes every amount whose
 * {@code record} returned before the read began, and possibly some that were in progress.
 *
 * <h2>Forecast</h2>
 * See {@link SpendForecast}: the observed month-to-date spend is extrapolated with the workload's {@link
 * DemandShape} (hour-of-week weights, local time in the tracker's zone); a flat shape gives a straight-line
 * extrapolation. Months are calendar months in the tracker's {@link Builder#zone(ZoneId) zone}.
 *
 * <h2>Alerts</h2>
 * With a budget and a {@link BudgetListener}, a recording thread re-evaluates the forecast at most once per
 * {@link Builder#checkInterval(Duration) check interval} (of the injected clock; if that clock steps back, at
 * once on the new time); {@link #checkBudget()} evaluates on demand.
 *
 * <pre>{@code
 * CostTracker tracker = CostTracker.builder()
 *     .budgetUsd(new BigDecimal("5000"))
 *     .shape(DemandShape.ofHourOfDay(officeHours))
 *     .listener(pager)
 *     .build();
 * tracker.record(CostTags.of("openai", "gpt-4o-mini"), new BigDecimal("0.000412"));
 * SpendForecast f = tracker.forecast();
 * Files.writeString(state, tracker.snapshot().toJson());
 * }</pre>
 *
 * <p>Thread-safe.
 *
 * @since 0.1.0
 */
public final class CostTracker {

  private static final Logger log = LoggerFactory.getLogger(CostTracker.class);

  /** Decimal places the extrapolated part of a forecast is rounded to (half-even): 6. */
  public static final int FORECAST_SCALE = 6;
  /** Default interval between automatic budget checks: 1 minute. */
  public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofMinutes(1);

  private static final Comparator<CostSnapshot.Entry> ENTRY_ORDER = Comparator
      .comparing(CostSnapshot.Entry::month)
      .thenComparing(CostSnapshot.Entry::provider)
      .thenComparing(CostSnapshot.Entry::model)
      .thenComparing(CostSnapshot.Entry::feature)
      .thenComparing(CostSnapshot.Entry::tenant);

  private final InstantSource clock;
  private final ZoneId zone;
  private final DemandShape shape;
  private final Optional<BigDecimal> budget;
  private final BudgetListener listener;
  private final long checkIntervalMillis;
  private final ConcurrentHashMap<YearMonth, Ledger> ledgers = new ConcurrentHashMap<>();
  private final AtomicLong nextCheckMillis = new AtomicLong(Long.MIN_VALUE);
  private volatile MonthMass mass;
  // Guarded by this.
  private YearMonth forecastAlerted;
  private YearMonth spendAlerted;

  private static final class Ledger {
    final DecimalAdder total = new DecimalAdder();
    final ConcurrentHashMap<CostTags, DecimalAdder> byTags = new ConcurrentHashMap<>();
  }

  private CostTracker(Builder b) {
    this.clock = b.clock;
    this.zone = b.zone;
    this.shape = b.shape;
    this.budget = b.budget;
    this.listener = b.listener;
    this.checkIntervalMillis = b.checkInterval.toMillis();
  }

  /**
   * A new builder (system clock, UTC months, flat shape, no budget, no listener).
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Records a cost now.
   *
   * @param tags what the cost is attributed to
   * @param usd the amount in US dollars, {@code >= 0}
   * @throws IllegalArgumentException if the amount is negative
   */
  public void record(CostTags tags, BigDecimal usd) {
    record(tags, usd, clock.instant());
  }

  /**
   * Records a cost at a given time (a late record lands in the month of {@code at}).
   *
   * @param tags what the cost is attributed to
   * @param usd the amount in US dollars, {@code >= 0}
   * @param at when the cost was incurred
   * @throws IllegalArgumentException if the amount is negative
   */
  public void record(CostTags tags, BigDecimal usd, Instant at) {
    Objects.requireNonNull(tags, "tags");
    Objects.requireNonNull(usd, "usd");
    Objects.requireNonNull(at, "at");
    if (usd.signum() < 0) {
      throw new IllegalArgumentException("usd must be >= 0, but was " + usd.toPlainString());
    }
    Ledger ledger = ledger(YearMonth.from(at.atZone(zone)));
    DecimalAdder adder = ledger.byTags.get(tags);
    if (adder == null) {
      adder = ledger.byTags.computeIfAbsent(tags, k -> new DecimalAdder());
    }
    adder.add(usd);
    ledger.total.add(usd);
    maybeCheck();
  }

  /**
   * Records the cost of a request measured by {@code tradeoff-metrics}, when it has one.
   *
   * @param tags what the cost is attributed to
   * @param result the measured request
   * @return true if the result carried a cost and it was recorded
   */
  public boolean record(CostTags tags, RequestResult result) {
    Optional<BigDecimal> cost = result.costUsd();
    cost.ifPresent(c -> record(tags, c));
    return cost.isPresent();
  }

  private Ledger ledger(YearMonth month) {
    Ledger l = ledgers.get(month);
    return l != null ? l : ledgers.computeIfAbsent(month, k -> new Ledger());
  }

  /**
   * The exact spend of the current month (in the tracker's zone).
   *
   * @return USD
   */
  public BigDecimal monthToDate() {
    return spend(currentMonth());
  }

  /**
   * The current month's spend grouped by one tag dimension.
   *
   * @param dimension the dimension
   * @return value → USD, sorted by value; empty if nothing was recorded
   */
  public Map<String, BigDecimal> monthToDate(TagDimension dimension) {
    Map<String, BigDecimal> out = new TreeMap<>();
    for (Map.Entry<CostTags, BigDecimal> e : spendByTags(currentMonth()).entrySet()) {
      out.merge(e.getKey().value(dimension), e.getValue(), BigDecimal::add);
    }
    return out;
  }

  /**
   * The exact spend of any month.
   *
   * @param month the month
   * @return USD, zero if nothing was recorded
   */
  public BigDecimal spend(YearMonth month) {
    Ledger l = ledgers.get(month);
    return l == null ? BigDecimal.ZERO : l.total.sum();
  }

  /**
   * The exact spend of a month by tag combination.
   *
   * @param month the month
   * @return tags → USD; empty if nothing was recorded
   */
  public Map<CostTags, BigDecimal> spendByTags(YearMonth month) {
    Ledger l = ledgers.get(month);
    if (l == null) {
      return Map.of();
    }
    Map<CostTags, BigDecimal> out = new java.util.HashMap<>();
    l.byTags.forEach((k, v) -> out.put(k, v.sum()));
    return Map.copyOf(out);
  }

  private YearMonth currentMonth() {
    return YearMonth.from(clock.instant().atZone(zone));
  }

  /**
   * The month-end forecast now.
   *
   * @return the forecast
   */
  public SpendForecast forecast() {
    Instant now = clock.instant();
    YearMonth month = YearMonth.from(now.atZone(zone));
    MonthMass m = massFor(month);
    BigDecimal mtd = spend(month);
    BigDecimal elapsed = m.elapsed(now.toEpochMilli());
    BigDecimal total = m.total();
    BigDecimal forecast = mtd;
    if (elapsed.signum() > 0) {
      BigDecimal remaining = total.subtract(elapsed);
      // One rounding, of the exact quotient (rounding to 34 digits first could turn it into a false tie).
      forecast = mtd.add(mtd.multiply(remaining).divide(elapsed, FORECAST_SCALE, RoundingMode.HALF_EVEN));
    }
    double observed = total.signum() == 0 ? 1.0
        : elapsed.divide(total, MathContext.DECIMAL64).doubleValue();
    return new SpendForecast(month, now, mtd, forecast, observed, budget);
  }

  private MonthMass massFor(YearMonth month) {
    MonthMass m = mass;
    if (m == null || !m.month().equals(month)) {
      m = MonthMass.of(month, zone, shape::weight);
      mass = m;
    }
    return m;
  }

  /**
   * Evaluates the forecast against the budget now and tells the listener about crossings.
   *
   * @return the forecast evaluated
   */
  public synchronized SpendForecast checkBudget() {
    SpendForecast f = forecast();
    if (budget.isEmpty()) {
      return f;
    }
    if (f.overBudget()) {
      if (!f.month().equals(forecastAlerted) && tell(listener::forecastAboveBudget, f, "forecastAboveBudget")) {
        forecastAlerted = f.month();
      }
    } else if (f.month().equals(forecastAlerted)) {
      forecastAlerted = null; // fell back below: re-arm
    }
    if (f.spentOverBudget()) {
      if (!f.month().equals(spendAlerted) && tell(listener::spendAboveBudget, f, "spendAboveBudget")) {
        spendAlerted = f.month();
      }
    } else if (f.month().equals(spendAlerted)) {
      spendAlerted = null;
    }
    return f;
  }

  /**
   * Delivers an alert; a listener that throws has not been told, so the alert stays armed and the next check
   * delivers it again. Logged, never propagated: recording a cost must not fail because of an alert.
   */
  private boolean tell(Consumer<SpendForecast> alert, SpendForecast f, String what) {
    try {
      alert.accept(f);
      return true;
    } catch (RuntimeException e) {
      log.warn("BudgetListener.{} threw for {}; the alert stays armed and is delivered again at the next budget"
          + " check", what, f.month(), e);
      return false;
    }
  }

  private void maybeCheck() {
    if (budget.isEmpty() || listener == BudgetListener.NONE) {
      return;
    }
    long now = clock.millis();
    long next = nextCheckMillis.get();
    // A next check more than one interval ahead means the wall clock stepped back: check on the new clock.
    if ((now >= next || next - now > checkIntervalMillis)
        && nextCheckMillis.compareAndSet(next, now + checkIntervalMillis)) {
      checkBudget();
    }
  }

  /**
   * Everything recorded so far, for {@link #restore}. Not atomic across entries: amounts recorded while the
   * snapshot is taken may or may not be in it, each entry being exact for some moment.
   *
   * @return the snapshot, entries sorted by month and tags
   */
  public CostSnapshot snapshot() {
    List<CostSnapshot.Entry> entries = new ArrayList<>();
    ledgers.forEach((month, ledger) -> ledger.byTags.forEach((tags, adder) -> entries.add(
        CostSnapshot.Entry.builder()
            .month(month.toString())
            .provider(tags.provider())
            .model(tags.model())
            .feature(tags.feature())
            .tenant(tags.tenant())
            .usd(adder.sum())
            .build())));
    entries.sort(ENTRY_ORDER);
    return CostSnapshot.builder()
        .takenAt(clock.instant().toString())
        .zone(zone.getId())
        .entries(entries)
        .build();
  }

  /**
   * Adds a snapshot's amounts to this tracker (restore into a fresh tracker to continue where a previous
   * process stopped).
   *
   * @param snapshot the snapshot
   * @throws IllegalArgumentException if the snapshot's zone differs from this tracker's (its months would
   *     mean different time spans), or an entry's month or amount is malformed
   */
  public void restore(CostSnapshot snapshot) {
    if (!ZoneId.of(snapshot.zone()).normalized().equals(zone.normalized())) {
      throw new IllegalArgumentException("zone must be " + zone.getId() + ", but was " + snapshot.zone());
    }
    for (CostSnapshot.Entry e : snapshot.entries()) {
      YearMonth month;
      try {
        month = YearMonth.parse(e.month());
      } catch (java.time.format.DateTimeParseException ex) {
        throw new IllegalArgumentException("month must be yyyy-MM, but was " + e.month(), ex);
      }
      if (e.usd().signum() < 0) {
        throw new IllegalArgumentException("usd must be >= 0, but was " + e.usd().toPlainString());
      }
      CostTags tags = CostTags.builder().provider(e.provider()).model(e.model()).feature(e.feature())
          .tenant(e.tenant()).build();
      Ledger ledger = ledger(month);
      ledger.byTags.computeIfAbsent(tags, k -> new DecimalAdder()).add(e.usd());
      ledger.total.add(e.usd());
    }
  }

  /**
   * The zone whose calendar months the tracker uses.
   *
   * @return the zone
   */
  public ZoneId zone() {
    return zone;
  }

  /**
   * Builds a {@link CostTracker}.
   *
   * <pre>{@code
   * CostTracker t = CostTracker.builder().clock(fixedClock).zone(ZoneId.of("Europe/Berlin")).build();
   * }</pre>
   */
  public static final class Builder {
    private InstantSource clock = InstantSource.system();
    private ZoneId zone = ZoneOffset.UTC;
    private DemandShape shape = DemandShape.flat();
    private Optional<BigDecimal> budget = Optional.empty();
    private BudgetListener listener = BudgetListener.NONE;
    private Duration checkInterval = DEFAULT_CHECK_INTERVAL;

    private Builder() { }

    /**
     * The wall clock (inject a fixed or manual one in tests).
     *
     * @param clock the clock
     * @return this
     */
    public Builder clock(InstantSource clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The zone whose calendar months and local hours are used; UTC by default.
     *
     * @param zone the zone
     * @return this
     */
    public Builder zone(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /**
     * The workload's weekly shape for the forecast; flat by default.
     *
     * @param shape the shape
     * @return this
     */
    public Builder shape(DemandShape shape) {
      this.shape = Objects.requireNonNull(shape, "shape");
      return this;
    }

    /**
     * The monthly budget in US dollars; none by default.
     *
     * @param usd the budget, {@code > 0}
     * @return this
     * @throws IllegalArgumentException if not positive
     */
    public Builder budgetUsd(BigDecimal usd) {
      Objects.requireNonNull(usd, "usd");
      if (usd.signum() <= 0) {
        throw new IllegalArgumentException("budgetUsd must be > 0, but was " + usd.toPlainString());
      }
      this.budget = Optional.of(usd);
      return this;
    }

    /**
     * Who is told about budget crossings; {@link BudgetListener#NONE} by default.
     *
     * @param listener the listener
     * @return this
     */
    public Builder listener(BudgetListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * The least time between automatic budget checks; {@link #DEFAULT_CHECK_INTERVAL} by default, zero to
     * check on every record.
     *
     * @param interval the interval, {@code >= 0}
     * @return this
     * @throws IllegalArgumentException if negative
     */
    public Builder checkInterval(Duration interval) {
      Objects.requireNonNull(interval, "interval");
      if (interval.isNegative()) {
        throw new IllegalArgumentException("checkInterval must be >= 0, but was " + interval);
      }
      this.checkInterval = interval;
      return this;
    }

    /**
     * The tracker.
     *
     * @return a new, empty tracker
     */
    public CostTracker build() {
      return new CostTracker(this);
    }
  }
}
