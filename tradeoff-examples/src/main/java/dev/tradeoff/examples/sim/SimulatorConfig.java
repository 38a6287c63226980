package dev.tradeoff.examples.sim;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Configuration of a {@link SimulatedProvider}: where it listens, its seed and its model profiles.
 *
 * <pre>{@code
 * SimulatorConfig config = SimulatorConfig.builder()
 *     .port(0)                               // ephemeral (default)
 *     .seed(42)
 *     .addProfiles(DemoProfiles.all())
 *     .build();
 * SimulatorConfig demo = SimulatorConfig.defaults();  // the same, seed 0
 * }</pre>
 *
 * <h2>Determinism</h2>
 * Every request gets its own random stream, seeded from {@link #seed()}, the model id and a request key: the
 * header {@code x-tradeoff-sim-seed} if present, else the request's {@code "seed"} field (OpenAI's parameter),
 * else the number of earlier requests for the same model since start. The same config and the same request key
 * therefore give the same token text, lengths, timings and faults; concurrent clients that want reproducible
 * outputs regardless of arrival order send a key.
 *
 * <p>Immutable and thread-safe.
 *
 * @param bindAddress the address to listen on; loopback (127.0.0.1) by default
 * @param port the TCP port, 0 for an ephemeral one, in [0, 65535]
 * @param seed the seed of all random draws
 * @param profiles the models served; ids and aliases unique, at least one
 * @param ioThreads number of event-loop threads, at least 1
 * @param maxRequestBytes largest accepted request (head plus body), in bytes, at least 1,024
 */
public record SimulatorConfig(
    InetAddress bindAddress, int port, long seed, List<ModelProfile> profiles, int ioThreads, int maxRequestBytes) {

  /** Default port: 0, an ephemeral port chosen by the OS. */
  public static final int DEFAULT_PORT = 0;
  /** Default seed: 0. */
  public static final long DEFAULT_SEED = 0L;
  /** Default largest request: 8 MiB. */
  public static final int DEFAULT_MAX_REQUEST_BYTES = 8 * 1024 * 1024;

  /**
   * Validates and copies the configuration.
   *
   * @throws IllegalArgumentException naming the first attribute out of range or a duplicated model id
   */
  public SimulatorConfig {
    Objects.requireNonNull(bindAddress, "bindAddress");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be in [0, 65535], but was " + port);
    }
    profiles = List.copyOf(profiles);
    if (profiles.isEmpty()) {
      throw new IllegalArgumentException("profiles must contain at least one model");
    }
    Map<String, String> owners = new HashMap<>();
    for (ModelProfile profile : profiles) {
      List<String> names = new ArrayList<>(profile.aliases());
      names.add(profile.id());
      for (String name : names) {
        String previous = owners.putIfAbsent(name, profile.id());
        if (previous != null) {
          throw new IllegalArgumentException("model id or alias '" + name + "' is used by both " + previous
              + " and " + profile.id());
        }
      }
    }
    if (ioThreads < 1) {
      throw new IllegalArgumentException("ioThreads must be >= 1, but was " + ioThreads);
    }
    if (maxRequestBytes < 1024) {
      throw new IllegalArgumentException("maxRequestBytes must be >= 1024, but was " + maxRequestBytes);
    }
  }

  /** Loopback, ephemeral port, seed 0, {@link DemoProfiles#all()}. */
  public static SimulatorConfig defaults() {
    return builder().addProfiles(DemoProfiles.all()).build();
  }

  /** A builder with the defaults and no profiles. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this configuration's values. */
  public Builder toBuilder() {
    return new Builder().bindAddress(bindAddress).port(port).seed(seed).addProfiles(profiles)
        .ioThreads(ioThreads).maxRequestBytes(maxRequestBytes);
  }

  /** Default number of event-loop threads: the number of processors, between 1 and 4. */
  public static int defaultIoThreads() {
    return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
  }

  /**
   * Builds a {@link SimulatorConfig}; setters reject bad values at once. Not thread-safe.
   *
   * <pre>{@code
   * SimulatorConfig config = SimulatorConfig.builder().port(8089).addProfiles(DemoProfiles.all()).build();
   * }</pre>
   */
  public static final class Builder {
    private InetAddress bindAddress = InetAddress.getLoopbackAddress();
    private int port = DEFAULT_PORT;
    private long seed = DEFAULT_SEED;
    private final List<ModelProfile> profiles = new ArrayList<>();
    private int ioThreads = defaultIoThreads();
    private int maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;

    private Builder() {}

    /** The address to listen on; loopback by default. */
    public Builder bindAddress(InetAddress address) {
      this.bindAddress = Objects.requireNonNull(address, "bindAddress");
      return this;
    }

    /** The TCP port, 0 for ephemeral. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be in [0, 65535], but was " + port);
      }
      this.port = port;
      return this;
    }

    /** The seed of all random draws. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Adds a model. */
    public Builder addProfile(ModelProfile profile) {
      profiles.add(Objects.requireNonNull(profile, "profile"));
      return this;
    }

    /** Adds models. */
    public Builder addProfiles(List<ModelProfile> more) {
      for (ModelProfile profile : more) {
        addProfile(profile);
      }
      return this;
    }

    /** Replaces the model with the same id (or adds it); handy to tweak one demo profile. */
    public Builder replaceProfile(ModelProfile profile) {
      Objects.requireNonNull(profile, "profile");
      profiles.removeIf(p -> p.id().equals(profile.id()));
      profiles.add(profile);
      return this;
    }

    /** Number of event-loop threads, at least 1. */
    public Builder ioThreads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("ioThreads must be >= 1, but was " + threads);
      }
      this.ioThreads = threads;
      return this;
    }

    /** Largest accepted request, in bytes, at least 1,024. */
    public Builder maxRequestBytes(int bytes) {
      if (bytes < 1024) {
        throw new IllegalArgumentException("maxRequestBytes must be >= 1024, but was " + bytes);
      }
      this.maxRequestBytes = bytes;
      return this;
    }

    /**
     * The configuration.
     *
     * @throws IllegalArgumentException if no profile was added or two profiles share an id or alias
     */
    public SimulatorConfig build() {
      return new SimulatorConfig(bindAddress, port, seed, profiles, ioThreads, maxRequestBytes);
    }
  }
}
