package dev.tradeoff.metrics.internal;

import dev.tradeoff.metrics.EventKind;

/** Bit flags collected while reading one event; {@link #kind(int)} applies {@link EventKind}'s precedence. */
final class KindFlags {
  static final int ROLE = 1;
  static final int CONTENT = 2;
  static final int REASONING = 4;
  static final int TOOL = 8;
  static final int USAGE = 16;
  static final int ERROR = 32;

  private KindFlags() {}

  static EventKind kind(int flags) {
    if ((flags & ERROR) != 0) {
      return EventKind.ERROR;
    }
    if ((flags & CONTENT) != 0) {
      return EventKind.CONTENT;
    }
    if ((flags & TOOL) != 0) {
      return EventKind.TOOL_CALL;
    }
    if ((flags & REASONING) != 0) {
      return EventKind.REASONING;
    }
    if ((flags & USAGE) != 0) {
      return EventKind.USAGE;
    }
    if ((flags & ROLE) != 0) {
      return EventKind.ROLE_ONLY;
    }
    return EventKind.OTHER;
  }
}
