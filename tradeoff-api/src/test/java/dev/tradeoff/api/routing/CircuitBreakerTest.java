package dev.tradeoff.api.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradeoff.metrics.FailureKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class CircuitBreakerTest {

  private final ManualClock clock = new ManualClock();
  private final List<String> transitions = new ArrayList<>();
  private final HealthListener listener =
      (id, from, to, reason, at) -> transitions.add(id + ":" + from + "->" + to);
  private final HealthConfig config = HealthConfig.builder()
      .consecutiveFailures(3)
      .cooldown(Duration.ofSeconds(5))
      .maxCooldown(Duration.ofSeconds(12))
      .halfOpenProbes(2)
      .minimumRequests(10)
      .errorRateThreshold(0.5)
      .slowCallThreshold(Duration.ofSeconds(2))
      .slowCallRateThreshold(0.8)
      .build();
  private final CircuitBreaker breaker = new CircuitBreaker("a", config, clock, listener);

  private long now() {
    return clock.nanoTime();
  }

  private void fail(int n) {
    for (int i = 0; i < n; i++) {
      breaker.onFailure(now(), now(), FailureKind.HTTP_SERVER_ERROR);
    }
  }

  private void succeed(int n, long ttftNanos) {
    for (int i = 0; i < n; i++) {
      breaker.onSuccess(now(), now(), ttftNanos);
    }
  }

  @Test
  void onFailure_consecutiveLimitReached_opens() {
    fail(2);
    assertThat(breaker.state()).isEqualTo(HealthState.CLOSED);
    fail(1);
    assertThat(breaker.state()).isEqualTo(HealthState.OPEN);
    assertThat(breaker.available(now())).isFalse();
    assertThat(breaker.tryAcquire(now())).isFalse();
    assertThat(transitions).containsExactly("a:CLOSED->OPEN");
  }

  @Test
  void onSuccess_betweenFailures_resetsTheConsecutiveCount() {
    fail(2);
    succeed(1, 1);
    fail(2);
    assertThat(breaker.state()).isEqualTo(HealthState.CLOSED);
  }

  @Test
  void tryAcquire_afterCooldown_letsExactlyTheProbesThroughThenClosesOnTheirSuccess() {
    fail(3);
    clock.advance(Duration.ofMillis(4_999));
    assertThat(breaker.available(now())).isFalse();
    clock.advance(Duration.ofMillis(1));
    assertThat(breaker.available(now())).isTrue();
    assertThat(breaker.tryAcquire(now())).isTrue();
    assertThat(breaker.state()).isEqualTo(HealthState.HALF_OPEN);
    assertThat(breaker.tryAcquire(now())).isTrue();
    assertThat(breaker.tryAcquire(now())).isFalse();
    assertThat(breaker.available(now())).isFalse();
    succeed(2, 1);
    assertThat(breaker.state()).isEqualTo(HealthState.CLOSED);
    assertThat(transitions).containsExactly("a:CLOSED->OPEN", "a:OPEN->HALF_OPEN", "a:HALF_OPEN->CLOSED");
  }

  @Test
  void onFailure_probeFails_reopensForLongerUpToTheCap() {
    fail(3); // 1st ejection: 5 s
    clock.advance(Duration.ofSeconds(5));
    breaker.tryAcquire(now());
    fail(1); // 2nd: 10 s
    assertThat(breaker.state()).isEqualTo(HealthState.OPEN);
    assertThat(breaker.openUntilNanos() - now()).isEqualTo(Duration.ofSeconds(10).toNanos());
    clock.advance(Duration.ofSeconds(10));
    breaker.tryAcquire(now());
    fail(1); // 3rd: 15 s capped at 12 s
    assertThat(breaker.openUntilNanos() - now()).isEqualTo(Duration.ofSeconds(12).toNanos());
  }

  @Test
  void onFailure_afterLongHealthyPeriod_ejectsForTheBaseCooldownAgain() {
    fail(3);
    clock.advance(Duration.ofSeconds(5));
    breaker.tryAcquire(now());
    succeed(2, 1);
    clock.advance(Duration.ofSeconds(12));
    fail(3);
    assertThat(breaker.openUntilNanos() - now()).isEqualTo(Duration.ofSeconds(5).toNanos());
  }

  @Test
  void onFailure_errorRateOverWindowWithEnoughRequests_opens() {
    // Alternate so that consecutive failures never reach 3.
    for (int i = 0; i < 5; i++) {
      succeed(1, 1);
      fail(1);
    }
    assertThat(breaker.state()).isEqualTo(HealthState.OPEN);
  }

  @Test
  void onFailure_errorRateBelowMinimumRequests_staysClosed() {
    for (int i = 0; i < 4; i++) {
      succeed(1, 1);
      fail(1);
    }
    assertThat(breaker.state()).isEqualTo(HealthState.CLOSED);
  }

  @Test
  void onSuccess_slowCallRateReached_opens() {
    succeed(2, 1);
    succeed(8, Duration.ofSeconds(3).toNanos());
    assertThat(breaker.state()).isEqualTo(HealthState.OPEN);
  }

  @Test
  void onSuccess_slowProbe_reopens() {
    fail(3);
    clock.advance(Duration.ofSeconds(5));
    breaker.tryAcquire(now());
    succeed(1, Duration.ofSeconds(3).toNanos());
    assertThat(breaker.state()).isEqualTo(HealthState.OPEN);
  }

  @Test
  void onFailure_ignoredKind_changesNothingAndReturnsProbePermits() {
    for (int i = 0; i < 10; i++) {
      breaker.onFailure(now(), now(), FailureKind.HTTP_CLIENT_ERROR);
    }
    assertThat(breaker.state()).isEqualTo(HealthState.CLOSED);
    fail(3);
    clock.advance(Duration.ofSeconds(5));
    assertThat(breaker.tryAcquire(now())).isTrue();
    assertThat(breaker.tryAcquire(now())).isTrue();
    breaker.onFailure(now(), now(), FailureKind.CANCELLED);
    assertThat(breaker.tryAcquire(now())).isTrue();
    assertThat(breaker.tryAcquire(now())).isFalse();
  }

  @Test
  void onFailure_whileOpen_changesNothing() {
    fail(3);
    long until = breaker.openUntilNanos();
    fail(10);
    assertThat(breaker.openUntilNanos()).isEqualTo(until);
    assertThat(transitions).hasSize(1);
  }

  @Test
  void close_windowStartsAfresh_oldFailuresDoNotTripAgain() {
    for (int i = 0; i < 5; i++) {
      succeed(1, 1);
      fail(1);
    }
    assertThat(breaker.state()).isEqualTo(HealthState.OPEN);
    clock.advance(Duration.ofSeconds(5));
    breaker.tryAcquire(now());
    succeed(2, 1);
    clock.advance(Duration.ofSeconds(1));
    fail(1);
    assertThat(breaker.state()).isEqualTo(HealthState.CLOSED);
  }

  @Test
  void onFailure_errorRateWindowSpanningANanoTimeWrap_stillCountsEveryFailure() {
    // nanoTime's origin is arbitrary: a reading may wrap from Long.MAX_VALUE to Long.MIN_VALUE.
    ManualClock wrapping = new ManualClock(Long.MAX_VALUE - 450_000_000L);
    HealthConfig rateOnly = HealthConfig.builder()
        .consecutiveFailures(1_000)
        .minimumRequests(10)
        .errorRateThreshold(0.5)
        .window(Duration.ofSeconds(10))
        .build();
    CircuitBreaker b = new CircuitBreaker("w", rateOnly, wrapping, listener);
    for (int i = 0; i < 10; i++) {
      assertThat(b.state()).as("after %d failures", i).isEqualTo(HealthState.CLOSED);
      b.onFailure(wrapping.nanoTime(), wrapping.nanoTime(), FailureKind.HTTP_SERVER_ERROR);
      wrapping.advanceMillis(100); // the clock wraps after the 5th failure
    }
    assertThat(b.state()).as("10 failures in 10 requests within the window").isEqualTo(HealthState.OPEN);
    assertThat(transitions).containsExactly("w:CLOSED->OPEN");
  }

  /**
   * A breaker ejected at 1.0 s by 3 failures and closed again at 1.1 s by one probe, all in the same 1 s bucket
   * of its 10 s window; then {@code pairs} successes each followed by a failure, and {@code extraSuccesses}.
   */
  private HealthState afterACloseInTheEjectionsBucket(int pairs, int extraSuccesses) {
    ManualClock c = new ManualClock(1_000_000_000L);
    HealthConfig quick = HealthConfig.builder().consecutiveFailures(3).minimumRequests(10).errorRateThreshold(0.5)
        .window(Duration.ofSeconds(10)).cooldown(Duration.ofMillis(100)).halfOpenProbes(1).build();
    CircuitBreaker b = new CircuitBreaker("q", quick, c, listener);
    for (int i = 0; i < 3; i++) {
      b.onFailure(c.nanoTime(), c.nanoTime(), FailureKind.HTTP_SERVER_ERROR);
    }
    c.advanceMillis(100);
    assertThat(b.tryAcquire(c.nanoTime())).isTrue();
    b.onSuccess(c.nanoTime(), c.nanoTime(), 1);
    assertThat(b.state()).isEqualTo(HealthState.CLOSED);
    for (int i = 0; i < pairs; i++) {
      c.advanceMillis(10);
      b.onSuccess(c.nanoTime(), c.nanoTime(), 1);
      b.onFailure(c.nanoTime(), c.nanoTime(), FailureKind.HTTP_SERVER_ERROR);
    }
    for (int i = 0; i < extraSuccesses; i++) {
      b.onSuccess(c.nanoTime(), c.nanoTime(), 1);
    }
    return b.state();
  }

  @Test
  void onFailure_errorRateReachedRightAfterAClose_opensWithinTheSameBucket() {
    // 6 failures in 12 requests since the close, all in the bucket the close happened in.
    assertThat(afterACloseInTheEjectionsBucket(6, 0)).isEqualTo(HealthState.OPEN);
  }

  @Test
  void onFailure_afterACloseInTheEjectionsBucket_failuresBeforeTheCloseDoNotCount() {
    // 4 failures in 10 requests since the close; with the 3 before the ejection it would be 7 in 13.
    assertThat(afterACloseInTheEjectionsBucket(4, 2)).isEqualTo(HealthState.CLOSED);
  }

  @Test
  void onSuccess_ofAnAttemptSentBeforeTheEjection_doesNotCountAsAProbe() {
    long sentBeforeOutage = now();
    clock.advance(Duration.ofSeconds(1));
    fail(3);
    clock.advance(Duration.ofSeconds(5));
    assertThat(breaker.tryAcquire(now())).isTrue();
    long probeSent = now();
    // Two slow requests sent before the outage now succeed: they say nothing about the candidate today.
    breaker.onSuccess(now(), sentBeforeOutage, 1);
    breaker.onSuccess(now(), sentBeforeOutage, 1);
    assertThat(breaker.state()).isEqualTo(HealthState.HALF_OPEN);
    // Nor does a stale failure reopen it.
    breaker.onFailure(now(), sentBeforeOutage, FailureKind.HTTP_SERVER_ERROR);
    assertThat(breaker.state()).isEqualTo(HealthState.HALF_OPEN);
    breaker.tryAcquire(now());
    breaker.onSuccess(now(), probeSent, 1);
    breaker.onSuccess(now(), probeSent, 1);
    assertThat(breaker.state()).isEqualTo(HealthState.CLOSED);
  }

  @Test
  void halfOpen_probeNeverAnswered_opensAgainAfterTheMaxWaitThenProbesAfresh() {
    HealthConfig waiting = HealthConfig.builder().from(config).halfOpenMaxWait(Duration.ofSeconds(60)).build();
    List<String> reasons = new ArrayList<>();
    CircuitBreaker b = new CircuitBreaker("a", waiting, clock, (id, from, to, reason, at) -> reasons.add(reason));
    for (int i = 0; i < 3; i++) {
      b.onFailure(now(), now(), FailureKind.HTTP_SERVER_ERROR);
    }
    clock.advance(Duration.ofSeconds(5));
    long lostProbe = now();
    assertThat(b.tryAcquire(now())).isTrue();   // its result is never reported
    clock.advance(Duration.ofSeconds(30));
    assertThat(b.tryAcquire(now())).isTrue();
    b.onSuccess(now(), now(), 1);              // one of two probes answered
    clock.advance(Duration.ofMillis(59_999));  // the max wait counts from the last permit taken
    assertThat(b.available(now())).isFalse();
    assertThat(b.state()).isEqualTo(HealthState.HALF_OPEN);

    clock.advance(Duration.ofMillis(1));
    assertThat(b.available(now())).isFalse();
    assertThat(b.state()).isEqualTo(HealthState.OPEN);
    assertThat(reasons.get(reasons.size() - 1)).startsWith("no probe result within 60000 ms; ejected for 10000 ms");

    b.onSuccess(now(), lostProbe, 1);          // the lost probe's late answer counts for nothing
    clock.advance(Duration.ofSeconds(10));
    assertThat(b.tryAcquire(now())).isTrue();
    assertThat(b.tryAcquire(now())).isTrue();
    b.onSuccess(now(), now(), 1);
    b.onSuccess(now(), now(), 1);
    assertThat(b.state()).isEqualTo(HealthState.CLOSED);
  }

  @Test
  void halfOpen_noTrafficForLongerThanTheMaxWait_keepsItsPermitsForTheNextRequests() {
    HealthConfig waiting = HealthConfig.builder().from(config).halfOpenMaxWait(Duration.ofSeconds(60)).build();
    CircuitBreaker b = new CircuitBreaker("a", waiting, clock, HealthListener.NONE);
    for (int i = 0; i < 3; i++) {
      b.onFailure(now(), now(), FailureKind.HTTP_SERVER_ERROR);
    }
    clock.advance(Duration.ofSeconds(5));
    assertThat(b.tryAcquire(now())).isTrue();
    clock.advance(Duration.ofMinutes(5));      // a permit left: the wait has not started
    assertThat(b.available(now())).isTrue();
    assertThat(b.tryAcquire(now())).isTrue();  // the last permit, just taken: its probe gets the full wait
    assertThat(b.available(now())).isFalse();
    assertThat(b.state()).isEqualTo(HealthState.HALF_OPEN);
  }

  @Test
  void listener_throwing_doesNotBreakTheBreaker() {
    CircuitBreaker b = new CircuitBreaker("x", config, clock, (id, f, t, r, at) -> {
      throw new IllegalStateException("boom");
    });
    for (int i = 0; i < 3; i++) {
      b.onFailure(now(), now(), FailureKind.CONNECTION_FAILED);
    }
    assertThat(b.state()).isEqualTo(HealthState.OPEN);
  }

  @Test
  void disabled_neverOpens() {
    CircuitBreaker b = new CircuitBreaker("x", HealthConfig.disabled(), clock, HealthListener.NONE);
    for (int i = 0; i < 10_000; i++) {
      b.onFailure(now(), now(), FailureKind.CONNECTION_FAILED);
    }
    assertThat(b.state()).isEqualTo(HealthState.CLOSED);
  }

  @Test
  void healthConfig_badValues_areRejectedWithTheirNames() {
    assertThatThrownBy(() -> HealthConfig.builder().consecutiveFailures(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("consecutiveFailures must be >= 1, but was 0");
    assertThatThrownBy(() -> HealthConfig.builder().errorRateThreshold(1.5).build())
        .hasMessage("errorRateThreshold must be in (0, 1], but was 1.5");
    assertThatThrownBy(() -> HealthConfig.builder().cooldown(Duration.ofSeconds(10))
        .maxCooldown(Duration.ofSeconds(5)).build())
        .hasMessage("maxCooldown must be >= cooldown (PT10S), but was PT5S");
    assertThatThrownBy(() -> HealthConfig.builder().halfOpenProbes(0).build())
        .hasMessage("halfOpenProbes must be >= 1, but was 0");
    assertThatThrownBy(() -> HealthConfig.builder().halfOpenMaxWait(Duration.ZERO).build())
        .hasMessageStartingWith("halfOpenMaxWait must be");
  }
}
