package dev.tradeoff.api.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

final class EventHeapProperties {

  /** A reference event: time, then insertion order. */
  private record Ev(long time, long seq, int payload) { }

  private static final Comparator<Ev> ORDER = Comparator.comparingLong(Ev::time).thenComparingLong(Ev::seq);

  @Property(tries = 300)
  void pop_interleavedWithPush_matchesAPriorityQueueOrderedByTimeThenInsertion(
      @ForAll @Size(max = 400) List<@LongRange(min = 0, max = 50) Long> times,
      @ForAll @Size(max = 400) List<@IntRange(min = 0, max = 3) Integer> popsAfterEachPush) {
    EventHeap heap = new EventHeap(1); // forces growth
    PriorityQueue<Ev> reference = new PriorityQueue<>(ORDER);
    List<Long> got = new ArrayList<>();
    List<Long> want = new ArrayList<>();
    long seq = 0;
    for (int i = 0; i < times.size(); i++) {
      heap.push(times.get(i), i);
      reference.add(new Ev(times.get(i), seq++, i));
      int pops = i < popsAfterEachPush.size() ? popsAfterEachPush.get(i) : 0;
      for (int p = 0; p < pops && !reference.isEmpty(); p++) {
        heap.pop();
        Ev e = reference.poll();
        got.add(heap.lastTime() * 1_000_000 + heap.lastPayload());
        want.add(e.time() * 1_000_000 + e.payload());
      }
    }
    while (!reference.isEmpty()) {
      assertThat(heap.peekTime()).isEqualTo(reference.peek().time());
      heap.pop();
      Ev e = reference.poll();
      got.add(heap.lastTime() * 1_000_000 + heap.lastPayload());
      want.add(e.time() * 1_000_000 + e.payload());
    }
    assertThat(heap.isEmpty()).isTrue();
    assertThat(got).isEqualTo(want);
  }

  @Example
  void pop_empty_isRejected() {
    assertThatThrownBy(() -> new EventHeap(4).pop())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("heap must not be empty, but was");
  }
}
