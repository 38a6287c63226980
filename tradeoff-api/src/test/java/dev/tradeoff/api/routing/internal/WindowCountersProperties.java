package dev.tradeoff.api.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

final class WindowCountersProperties {

  private static final long SECOND = 1_000_000_000L;

  /**
   * Only elapsed time matters: the same events on a clock whose readings are shifted by any amount (so
   * that they may wrap past Long.MAX_VALUE) give the same sums at every moment.
   */
  @Property(tries = 200)
  void sums_doNotDependOnWhereTheClockStarts(
      @ForAll @Size(min = 1, max = 40) List<@LongRange(min = 0, max = 300) Long> gapsMillis,
      @ForAll long shift) {
    WindowCounters reference = new WindowCounters(10, SECOND, 1, 0);
    WindowCounters shifted = new WindowCounters(10, SECOND, 1, shift);
    long t = 0;
    for (long gap : gapsMillis) {
      t += gap * 1_000_000L;
      reference.add(t, 0, 1);
      shifted.add(t + shift, 0, 1);
      assertThat(shifted.sum(t + shift, 0)).as("at %d ns", t).isEqualTo(reference.sum(t, 0));
    }
  }
}
