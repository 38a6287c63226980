package dev.tradeoff.examples.sim.internal;

import java.util.function.IntFunction;
import java.util.function.LongConsumer;

/** A {@link Script} of {@code due.length} steps at fixed instants, rendered lazily by step index. */
final class TimedScript implements Script {

  private final long[] due;
  private final IntFunction<byte[]> render;
  private final Ending ending;
  private int next;
  private int tracedStep = -1;
  private LongConsumer onTracedStep;

  /**
   * @param due the {@link System#nanoTime()} instant of each step, non-decreasing
   * @param render renders step {@code i}; called once per step, in order
   * @param ending what happens after the last step
   */
  TimedScript(long[] due, IntFunction<byte[]> render, Ending ending) {
    this.due = due;
    this.render = render;
    this.ending = ending;
  }

  /** A script of one step at {@code at}. */
  static TimedScript once(long at, byte[] bytes, Ending ending) {
    return new TimedScript(new long[] {at}, i -> bytes, ending);
  }

  @Override
  public long nextDue() {
    return next < due.length ? due[next] : DONE;
  }

  /**
   * Calls {@code onRendered} with {@link System#nanoTime()} when step {@code step} is rendered, that is just
   * before the event loop writes it.
   */
  TimedScript trace(int step, LongConsumer onRendered) {
    this.tracedStep = step;
    this.onTracedStep = onRendered;
    return this;
  }

  @Override
  public byte[] advance() {
    if (next == tracedStep) {
      onTracedStep.accept(System.nanoTime());
    }
    return render.apply(next++);
  }

  @Override
  public Ending ending() {
    return ending;
  }
}
