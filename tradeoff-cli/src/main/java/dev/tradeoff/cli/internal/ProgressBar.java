package dev.tradeoff.cli.internal;

import dev.tradeoff.metrics.load.LoadProfile;
import dev.tradeoff.metrics.load.Progress;
import dev.tradeoff.metrics.load.ProgressListener;
import dev.tradeoff.metrics.load.StepResult;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar for a terminal, redrawn in place with a carriage return. Used only when standard
 * output is a terminal; never throws or blocks (it formats one short line per progress interval).
 *
 * <pre>{@code
 * ProgressListener bar = System.console() != null ? new ProgressBar(out) : ProgressListener.NONE;
 * }</pre>
 */
public final class ProgressBar implements ProgressListener {

  private static final int WIDTH = 30;

  private final PrintWriter out;

  /**
   * A bar drawn on {@code out}.
   *
   * @param out the terminal
   */
  public ProgressBar(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void onStepStart(String candidate, LoadProfile profile, long planned) {
    draw(candidate, 0, planned, 0, 0);
  }

  @Override
  public void onProgress(Progress p) {
    draw(p.candidate(), p.completed(), p.planned(), p.errors(), p.currentRate());
  }

  @Override
  public void onStepEnd(StepResult step) {
    synchronized (out) {
      out.print("\r\033[K");
      out.flush();
    }
  }

  private void draw(String candidate, long done, long planned, long errors, double rate) {
    int filled = planned <= 0 ? 0 : (int) Math.min(WIDTH, done * WIDTH / planned);
    String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
    String line = String.format(Locale.ROOT, "\r%s [%s] %d/%d  %d errors  %.1f req/s\033[K", candidate, bar, done,
        planned, errors, rate);
    synchronized (out) {
      out.print(line);
      out.flush();
    }
  }
}
