package dev.tradeoff.metrics.internal;

import dev.tradeoff.metrics.Failure;
import dev.tradeoff.metrics.FailureKind;
import dev.tradeoff.metrics.RequestResult;
import dev.tradeoff.metrics.StreamMeter;
import dev.tradeoff.metrics.client.ChatRequest;
import dev.tradeoff.metrics.load.Candidate;
import dev.tradeoff.metrics.load.ImmutableLoadRunResult;
import dev.tradeoff.metrics.load.LoadProfile;
import dev.tradeoff.metrics.load.LoadRunConfig;
import dev.tradeoff.metrics.load.LoadRunResult;
import dev.tradeoff.metrics.load.Progress;
import dev.tradeoff.metrics.load.ProgressListener;
import dev.tradeoff.metrics.load.Schedule;
import dev.tradeoff.metrics.load.StepResult;
import dev.tradeoff.metrics.report.RequestRecord;
import dev.tradeoff.metrics.stats.MetricsAggregator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the steps of a load run; see {@link dev.tradeoff.metrics.load.LoadRunner} for the behaviour. */
public final class StepRunner {

  private static final Logger log = LoggerFactory.getLogger(StepRunner.class);

  /** Time between computing a step's schedule and its first send, so the first request is not late. */
  private static final long START_LEAD_NANOS = 20_000_000L;
  /**
   * How long before its intended time an open-loop request is handed to the client, which sends it on time from
   * its own thread ({@link dev.tradeoff.metrics.client.LlmClient#submitAt}): waking that thread takes from tens of
   * microseconds to milliseconds on a busy machine, and must happen before the send, not inside the measured
   * latency.
   */
  static final long HANDOFF_LEAD_NANOS = 5_000_000L;

  private final LoadRunConfig config;
  private final Candidate candidate;
  private final LoadProfile profile;
  /** The profile's description, written into every record (computed once, not per request). */
  private final String profileName;
  private final List<ChatRequest> prompts;
  private final ProgressListener listener;
  private final int warmup;
  private final int planned;
  private final MetricsAggregator aggregator;
  private final RequestRecord[] records;
  private final AtomicLong completed = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong sent = new AtomicLong();
  /** Starts at 1 — the sender's own token — so the count reaches 0 only after the sender is done too. */
  private final AtomicInteger outstanding = new AtomicInteger(1);
  private final AtomicInteger nextClosedLoop = new AtomicInteger();
  private final CountDownLatch done = new CountDownLatch(1);
  private volatile boolean stopSending;
  private long stepStartNanos;
  private long deadlineNanos;

  private StepRunner(LoadRunConfig config, Candidate candidate, LoadProfile profile, List<ChatRequest> prompts) {
    this.config = config;
    this.candidate = candidate;
    this.profile = profile;
    this.profileName = profile.toString();
    this.prompts = prompts;
    this.listener = config.progressListener();
    this.warmup = config.warmupRequests();
    this.planned = config.warmupRequests() + config.maxRequests();
    this.aggregator = MetricsAggregator.create(candidate.name() + " " + profile, config.slos());
    this.records = new RequestRecord[planned];
  }

  public static LoadRunResult runAll(LoadRunConfig config) throws InterruptedException {
    List<ChatRequest> prompts = new ArrayList<>(config.prompts().requests());
    if (config.promptOrderSeed().isPresent()) {
      Collections.shuffle(prompts, new Random(config.promptOrderSeed().getAsLong()));
    }
    ScheduledExecutorService ticker = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "tradeoff-load-progress");
      t.setDaemon(true);
      return t;
    });
    try {
      ImmutableLoadRunResult.Builder result = LoadRunResult.builder();
      for (Candidate c : config.candidates()) {
        for (LoadProfile p : config.profiles()) {
          result.addStep(new StepRunner(config, c, p, prompts).run(ticker));
        }
      }
      return result.build();
    } finally {
      ticker.shutdownNow();
    }
  }

  private StepResult run(ScheduledExecutorService ticker) throws InterruptedException {
    safely(() -> listener.onStepStart(candidate.name(), profile, planned));
    // Open-loop arrivals are fixed before anything is sent: the server's speed cannot change them.
    Schedule schedule = profile.isOpenLoop() ? profile.schedule(planned, config.maxDuration()) : null;
    Instant startedAt = Instant.now();
    stepStartNanos = System.nanoTime() + START_LEAD_NANOS;
    deadlineNanos = stepStartNanos + config.maxDuration().toNanos();
    long intervalNanos = config.progressInterval().toNanos();
    long[] lastCompleted = {0};
    ScheduledFuture<?> progress =
        ticker.scheduleAtFixedRate(
            () -> report(lastCompleted, intervalNanos), intervalNanos, intervalNanos, TimeUnit.NANOSECONDS);
    try {
      if (schedule != null) {
        for (int i = 0; i < schedule.size() && !stopSending; i++) {
          long intended = stepStartNanos + schedule.offsetNanos(i);
          Pacing.parkUntil(intended - HANDOFF_LEAD_NANOS); // no need to spin: the client sends on time
          send(i, intended);
        }
      } else {
        Pacing.waitUntil(stepStartNanos);
        int users = Math.min(profile.concurrency(), planned);
        for (int u = 0; u < users; u++) {
          sendNextClosedLoop();
        }
      }
      if (outstanding.decrementAndGet() == 0) {
        done.countDown();
      }
      done.await();
    } catch (InterruptedException e) {
      stopSending = true;
      throw e;
    } finally {
      progress.cancel(false);
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - stepStartNanos);
    report(lastCompleted, intervalNanos);
    List<RequestRecord> list = new ArrayList<>();
    for (RequestRecord r : records) {
      if (r != null) {
        list.add(r);
      }
    }
    StepResult step =
        StepResult.builder()
            .candidate(candidate.name())
            .profile(profile)
            .startedAt(startedAt)
            .elapsed(elapsed)
            .records(list)
            .summary(aggregator.summary())
            .build();
    safely(() -> listener.onStepEnd(step));
    return step;
  }

  private void sendNextClosedLoop() {
    if (stopSending || System.nanoTime() > deadlineNanos) {
      return;
    }
    int seq = nextClosedLoop.getAndIncrement();
    if (seq >= planned) {
      return;
    }
    send(seq, System.nanoTime());
  }

  private void send(int seq, long intendedNanos) {
    outstanding.incrementAndGet();
    sent.incrementAndGet();
    ChatRequest request = prompts.get(seq % prompts.size());
    CompletableFuture<RequestResult> future;
    try {
      // Open loop: handed over ahead of time, sent by the client at the intended time. Closed loop: the request
      // is intended right now; let the client take "now" once, so lag is exactly 0.
      future =
          profile.isOpenLoop()
              ? candidate.client().submitAt(request, intendedNanos)
              : candidate.client().submit(request);
    } catch (RuntimeException e) {
      // A closed client or a bug: record it as this request's failure rather than end the run.
      complete(seq, intendedNanos, null, e);
      return;
    }
    future.whenComplete((r, e) -> complete(seq, intendedNanos, r, e));
  }

  private void complete(int seq, long intendedNanos, RequestResult result, Throwable error) {
    try {
      RequestResult r = result;
      if (r == null) {
        log.error("request {} of {} ended without a result", seq, candidate.name(), error);
        r = internalFailure(intendedNanos, error);
      }
      boolean isWarmup = seq < warmup;
      records[seq] =
          RequestRecord.from(r)
              .candidate(candidate.name())
              .profile(profileName)
              .sequence(seq)
              .warmup(isWarmup)
              .intendedOffsetMs(Math.round((r.timeline().intendedStartNanos() - stepStartNanos) / 1e3) / 1e3)
              .build();
      if (!isWarmup) {
        aggregator.add(r);
      }
      if (!r.succeeded()) {
        errors.incrementAndGet();
      }
      completed.incrementAndGet();
      if (!profile.isOpenLoop()) {
        sendNextClosedLoop();
      }
    } catch (RuntimeException bug) {
      log.error("bug while recording request {} of {}", seq, candidate.name(), bug);
    } finally {
      if (outstanding.decrementAndGet() == 0) {
        done.countDown();
      }
    }
  }

  private RequestResult internalFailure(long intendedNanos, Throwable error) {
    StreamMeter meter = StreamMeter.start(intendedNanos, intendedNanos);
    return RequestResult.builder()
        .api(candidate.client().config().api())
        .model(candidate.client().config().model())
        .timeline(meter.finish(System.nanoTime()))
        .failure(Failure.of(FailureKind.INTERNAL, String.valueOf(error)))
        .build();
  }

  private void report(long[] lastCompleted, long intervalNanos) {
    long now = completed.get();
    double rate;
    synchronized (lastCompleted) {
      rate = (now - lastCompleted[0]) * 1e9 / intervalNanos;
      lastCompleted[0] = now;
    }
    Progress p =
        new Progress(
            candidate.name(),
            profile,
            now,
            errors.get(),
            Math.max(0, sent.get() - now),
            planned,
            Duration.ofNanos(Math.max(0, System.nanoTime() - stepStartNanos)),
            rate);
    safely(() -> listener.onProgress(p));
  }

  private static void safely(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      log.warn("progress listener threw; ignoring it (listeners must not throw)", e);
    }
  }
}
