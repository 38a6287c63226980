package dev.tradeoff.api.workload;

import dev.tradeoff.api.TradeoffException;

/** Shared argument checks of the traffic types. */
final class Checks {

  private Checks() {}

  static void burst(double burstFactor) {
    if (!(burstFactor >= 1) || Double.isInfinite(burstFactor)) {
      throw TradeoffException.invalid("burstFactor", ">= 1 and finite (busiest minute / hour average)", burstFactor);
    }
  }

  static void factor(double factor) {
    if (!(factor > 0) || Double.isInfinite(factor)) {
      throw TradeoffException.invalid("factor", "> 0 and finite (zero traffic is no workload)", factor);
    }
  }

  static void perConversation(java.util.OptionalDouble v) {
    if (v.isPresent() && (!(v.getAsDouble() > 0) || Double.isInfinite(v.getAsDouble()))) {
      throw TradeoffException.invalid("requestsPerConversation", "> 0 and finite", v.getAsDouble());
    }
  }
}
