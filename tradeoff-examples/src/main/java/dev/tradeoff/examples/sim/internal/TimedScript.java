package dev.tradeoff.examples.sim.internal;

import java.util.function.IntFunction;

/** A {@link Script} of {@code due.length} steps at fixed instants, rendered lazily by step index. */
final class TimedScript implements Script {

  private final long[] due;
  private final IntFunction<byte[]> render;
  private final Ending ending;
  private int next;

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

  @Override
  public byte[] advance() {
    return render.apply(next++);
  }

  @Override
  public Ending ending() {
    return ending;
  }
}
