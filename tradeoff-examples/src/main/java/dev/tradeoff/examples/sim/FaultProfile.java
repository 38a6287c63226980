package dev.tradeoff.examples.sim;

/**
 * Injected failures of one model: each request draws at most one fault, with the probabilities below (their sum
 * is at most 1; the rest of the requests succeed).
 *
 * <ul>
 *   <li><b>rate limit</b> — HTTP 429 with {@code Retry-After: retryAfterSeconds} and the provider's
 *       {@code rate_limit_exceeded} / {@code rate_limit_error} body, sent at once;</li>
 *   <li><b>server error</b> — HTTP {@code serverErrorStatus} (500–599) with the provider's error body, sent at
 *       once (529 is Anthropic's {@code overloaded_error}, 503 OpenAI's "engine overloaded");</li>
 *   <li><b>mid-stream error</b> — HTTP 200, some tokens, then the provider's error event and the end of the
 *       body (no {@code [DONE]}, no usage); a non-streaming request gets HTTP 500 instead;</li>
 *   <li><b>stall</b> — HTTP 200, some tokens, then nothing: the connection stays open until the client gives
 *       up or the server is closed;</li>
 *   <li><b>connection reset</b> — HTTP 200, some tokens, then a TCP reset (RST).</li>
 * </ul>
 *
 * <p>For the last three, the number of tokens sent before the fault is drawn uniformly from
 * {@code [0, outputTokens)}.
 *
 * <pre>{@code
 * FaultProfile faults = FaultProfile.builder()
 *     .rateLimitProbability(0.02).retryAfterSeconds(2)
 *     .serverErrorProbability(0.005).serverErrorStatus(529)
 *     .midStreamErrorProbability(0.001)
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param rateLimitProbability probability of a 429, in [0, 1]
 * @param retryAfterSeconds the {@code Retry-After} value of an injected 429, in whole seconds, at least 1
 * @param serverErrorProbability probability of a 5xx, in [0, 1]
 * @param serverErrorStatus the status of an injected 5xx, in [500, 599]
 * @param midStreamErrorProbability probability of an error event after HTTP 200, in [0, 1]
 * @param stallProbability probability of a stalled stream, in [0, 1]
 * @param connectionResetProbability probability of a TCP reset mid-stream, in [0, 1]
 */
public record FaultProfile(
    double rateLimitProbability,
    int retryAfterSeconds,
    double serverErrorProbability,
    int serverErrorStatus,
    double midStreamErrorProbability,
    double stallProbability,
    double connectionResetProbability) {

  /** Default {@code Retry-After} of an injected 429: 1 second. */
  public static final int DEFAULT_RETRY_AFTER_SECONDS = 1;
  /** Default status of an injected server error: 500. */
  public static final int DEFAULT_SERVER_ERROR_STATUS = 500;

  private static final FaultProfile NONE = builder().build();

  /**
   * Validates the profile.
   *
   * @throws IllegalArgumentException naming the first attribute out of range, or if the probabilities add up
   *     to more than 1
   */
  public FaultProfile {
    requireProbability("rateLimitProbability", rateLimitProbability);
    requireProbability("serverErrorProbability", serverErrorProbability);
    requireProbability("midStreamErrorProbability", midStreamErrorProbability);
    requireProbability("stallProbability", stallProbability);
    requireProbability("connectionResetProbability", connectionResetProbability);
    if (retryAfterSeconds < 1) {
      throw new IllegalArgumentException("retryAfterSeconds must be >= 1, but was " + retryAfterSeconds);
    }
    if (serverErrorStatus < 500 || serverErrorStatus > 599) {
      throw new IllegalArgumentException("serverErrorStatus must be in [500, 599], but was " + serverErrorStatus);
    }
    double sum = rateLimitProbability + serverErrorProbability + midStreamErrorProbability + stallProbability
        + connectionResetProbability;
    if (sum > 1.0 + 1e-12) {
      throw new IllegalArgumentException("fault probabilities must add up to <= 1, but add up to " + sum);
    }
  }

  /** No faults at all. */
  public static FaultProfile none() {
    return NONE;
  }

  /** A builder with every probability 0, {@link #DEFAULT_RETRY_AFTER_SECONDS} and {@link #DEFAULT_SERVER_ERROR_STATUS}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this profile's values. */
  public Builder toBuilder() {
    return new Builder()
        .rateLimitProbability(rateLimitProbability)
        .retryAfterSeconds(retryAfterSeconds)
        .serverErrorProbability(serverErrorProbability)
        .serverErrorStatus(serverErrorStatus)
        .midStreamErrorProbability(midStreamErrorProbability)
        .stallProbability(stallProbability)
        .connectionResetProbability(connectionResetProbability);
  }

  /** Whether any fault can happen. */
  public boolean any() {
    return rateLimitProbability + serverErrorProbability + midStreamErrorProbability + stallProbability
        + connectionResetProbability > 0.0;
  }

  private static double requireProbability(String name, double value) {
    if (!(value >= 0.0 && value <= 1.0)) {
      throw new IllegalArgumentException(name + " must be in [0, 1], but was " + value);
    }
    return value;
  }

  /**
   * Builds a {@link FaultProfile}; each setter rejects an out-of-range value at once. Not thread-safe.
   *
   * <pre>{@code
   * FaultProfile stalls = FaultProfile.builder().stallProbability(0.01).build();
   * }</pre>
   */
  public static final class Builder {
    private double rateLimitProbability;
    private int retryAfterSeconds = DEFAULT_RETRY_AFTER_SECONDS;
    private double serverErrorProbability;
    private int serverErrorStatus = DEFAULT_SERVER_ERROR_STATUS;
    private double midStreamErrorProbability;
    private double stallProbability;
    private double connectionResetProbability;

    private Builder() {}

    /** Probability of an HTTP 429, in [0, 1]. */
    public Builder rateLimitProbability(double probability) {
      this.rateLimitProbability = requireProbability("rateLimitProbability", probability);
      return this;
    }

    /** {@code Retry-After} of an injected 429, in whole seconds, at least 1. */
    public Builder retryAfterSeconds(int seconds) {
      if (seconds < 1) {
        throw new IllegalArgumentException("retryAfterSeconds must be >= 1, but was " + seconds);
      }
      this.retryAfterSeconds = seconds;
      return this;
    }

    /** Probability of an HTTP 5xx, in [0, 1]. */
    public Builder serverErrorProbability(double probability) {
      this.serverErrorProbability = requireProbability("serverErrorProbability", probability);
      return this;
    }

    /** Status of an injected 5xx, in [500, 599]. */
    public Builder serverErrorStatus(int status) {
      if (status < 500 || status > 599) {
        throw new IllegalArgumentException("serverErrorStatus must be in [500, 599], but was " + status);
      }
      this.serverErrorStatus = status;
      return this;
    }

    /** Probability of an error event after HTTP 200, in [0, 1]. */
    public Builder midStreamErrorProbability(double probability) {
      this.midStreamErrorProbability = requireProbability("midStreamErrorProbability", probability);
      return this;
    }

    /** Probability of a stalled stream, in [0, 1]. */
    public Builder stallProbability(double probability) {
      this.stallProbability = requireProbability("stallProbability", probability);
      return this;
    }

    /** Probability of a TCP reset mid-stream, in [0, 1]. */
    public Builder connectionResetProbability(double probability) {
      this.connectionResetProbability = requireProbability("connectionResetProbability", probability);
      return this;
    }

    /**
     * The profile.
     *
     * @throws IllegalArgumentException if the probabilities add up to more than 1
     */
    public FaultProfile build() {
      return new FaultProfile(rateLimitProbability, retryAfterSeconds, serverErrorProbability, serverErrorStatus,
          midStreamErrorProbability, stallProbability, connectionResetProbability);
    }
  }
}
