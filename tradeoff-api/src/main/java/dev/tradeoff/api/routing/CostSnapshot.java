package dev.tradeoff.api.routing;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tradeoff.api.routing.internal.JsonSupport;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.immutables.value.Value;

/**
 * Everything a {@link CostTracker} has recorded, as plain data: one entry per month and tag combination with
 * its exact spend. Written to JSON before a restart and {@link CostTracker#restore restored} after it, so
 * the month-to-date total survives.
 *
 * <p>Amounts are JSON strings holding the exact decimal (no binary floating point on the way through).
 *
 * <pre>{@code
 * Files.writeString(path, tracker.snapshot().toJson());
 * // after the restart:
 * tracker.restore(CostSnapshot.fromJson(Files.readString(path)));
 * }</pre>
 * <pre>{@code
 * {"version":1,"takenAt":"2026-11-28T10:00:00Z","zone":"UTC","entries":[
 *   {"month":"2026-11","provider":"openai","model":"gpt-4o-mini","feature":"","tenant":"acme",
 *    "usd":"12.3456789"}]}
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableCostSnapshot.class)
@JsonDeserialize(as = ImmutableCostSnapshot.class)
public interface CostSnapshot {

  /** The format version written by this release: 1. */
  int FORMAT_VERSION = 1;

  /**
   * The format version.
   *
   * @return {@value #FORMAT_VERSION}
   */
  @Value.Default
  default int version() {
    return FORMAT_VERSION;
  }

  /**
   * When the snapshot was taken, ISO-8601 (e.g. {@code 2026-11-28T10:00:00Z}).
   *
   * @return the instant as text
   */
  String takenAt();

  /**
   * The tracker's time zone id (months are calendar months in this zone).
   *
   * @return e.g. {@code "UTC"}
   */
  String zone();

  /**
   * The spend entries.
   *
   * @return the entries, possibly empty
   */
  List<Entry> entries();

  /**
   * This snapshot as JSON.
   *
   * @return the JSON document
   */
  @Value.Lazy
  @JsonIgnore
  default String toJson() {
    try {
      return JsonSupport.MAPPER.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a snapshot.
   *
   * @param json the JSON document
   * @return the snapshot
   * @throws IllegalArgumentException if the JSON is malformed, misses a field or has a version other than
   *     {@value #FORMAT_VERSION}
   */
  static CostSnapshot fromJson(String json) {
    CostSnapshot s;
    try {
      s = JsonSupport.MAPPER.readValue(json, CostSnapshot.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("json must be a cost snapshot, but: " + e.getOriginalMessage(), e);
    }
    if (s.version() != FORMAT_VERSION) {
      throw new IllegalArgumentException("version must be " + FORMAT_VERSION + ", but was " + s.version());
    }
    return s;
  }

  /**
   * A new builder.
   *
   * @return a builder
   */
  static ImmutableCostSnapshot.Builder builder() {
    return ImmutableCostSnapshot.builder();
  }

  /**
   * The spend of one tag combination in one month.
   *
   * <pre>{@code
   * CostSnapshot.Entry e = CostSnapshot.Entry.builder().month("2026-11").provider("openai")
   *     .model("gpt-4o-mini").usd(new BigDecimal("0.0123")).build();
   * }</pre>
   */
  @Value.Immutable
  @JsonSerialize(as = ImmutableEntry.class)
  @JsonDeserialize(as = ImmutableEntry.class)
  interface Entry {

    /**
     * The month, {@code yyyy-MM}.
     *
     * @return the month
     */
    String month();

    /**
     * The provider.
     *
     * @return the provider
     */
    String provider();

    /**
     * The model.
     *
     * @return the model
     */
    String model();

    /**
     * The feature, {@code ""} when untagged.
     *
     * @return the feature
     */
    @Value.Default
    default String feature() {
      return "";
    }

    /**
     * The tenant, {@code ""} when untagged.
     *
     * @return the tenant
     */
    @Value.Default
    default String tenant() {
      return "";
    }

    /**
     * The exact spend in US dollars.
     *
     * @return the amount
     */
    @JsonFormat(shape = JsonFormat.Shape.STRING)
    BigDecimal usd();

    /**
     * A new builder.
     *
     * @return a builder
     */
    static ImmutableEntry.Builder builder() {
      return ImmutableEntry.builder();
    }
  }
}
