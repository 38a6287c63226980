package dev.tradeoff.examples.sim.internal;

/**
 * The timed bytes of one response: the event loop calls {@link #advance()} at each {@link #nextDue()} instant and
 * writes what it returns; once {@link #nextDue()} is {@link #DONE}, {@link #ending()} says what happens to the
 * connection. Confined to the event loop thread of its connection.
 */
interface Script {

  /** {@link #nextDue()} of a script with no step left. */
  long DONE = Long.MAX_VALUE;

  /** What happens to the connection after the last step. */
  enum Ending {
    /** The response is complete; the connection may carry the next request. */
    KEEP_ALIVE,
    /** The response is complete; close the connection once the bytes are flushed. */
    CLOSE,
    /** Reset the connection (RST), dropping unsent bytes. */
    RESET,
    /** Send nothing more and keep the connection open until the peer closes it. */
    STALL
  }

  /** The {@link System#nanoTime()} instant of the next step, or {@link #DONE}. */
  long nextDue();

  /** Performs the step that is due: the bytes to write now (possibly empty). */
  byte[] advance();

  /** Valid once {@link #nextDue()} is {@link #DONE}. */
  Ending ending();
}
