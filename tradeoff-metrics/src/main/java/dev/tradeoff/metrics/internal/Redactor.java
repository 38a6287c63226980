package dev.tradeoff.metrics.internal;

import java.util.ArrayList;
import java.util.List;

/** Replaces configured secrets (the API key, header values) in text that may end up in results or logs. */
public final class Redactor {

  static final String MASK = "[REDACTED]";
  /** Shorter header values ("1", "true") are not secrets and would mangle messages if masked. */
  private static final int MIN_SECRET_LENGTH = 6;

  private final List<String> secrets;

  public Redactor(List<String> candidates) {
    List<String> kept = new ArrayList<>();
    for (String s : candidates) {
      if (s != null && s.length() >= MIN_SECRET_LENGTH) {
        kept.add(s);
      }
    }
    // Longest first, so a secret containing another is masked whole.
    kept.sort((a, b) -> Integer.compare(b.length(), a.length()));
    this.secrets = List.copyOf(kept);
  }

  public String redact(String text) {
    if (text == null) {
      return "";
    }
    String out = text;
    for (String s : secrets) {
      if (out.contains(s)) {
        out = out.replace(s, MASK);
      }
    }
    return out;
  }
}
