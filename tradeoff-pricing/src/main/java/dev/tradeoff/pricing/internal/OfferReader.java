package dev.tradeoff.pricing.internal;

import dev.tradeoff.pricing.CatalogFormatException;
import dev.tradeoff.pricing.PricingException;
import dev.tradeoff.pricing.TokenClass;
import dev.tradeoff.pricing.internal.JsonTree.Node;
import dev.tradeoff.pricing.plan.Commitment;
import dev.tradeoff.pricing.plan.ImmutableProvisionedCapacity;
import dev.tradeoff.pricing.plan.ImmutableProvisionedPrice;
import dev.tradeoff.pricing.plan.PricePeriod;
import dev.tradeoff.pricing.plan.ProvisionedCapacity;
import dev.tradeoff.pricing.plan.ProvisionedPrice;
import dev.tradeoff.pricing.plan.UnitPrice;
import dev.tradeoff.pricing.selfhost.GpuInstance;
import dev.tradeoff.pricing.selfhost.ImmutableGpuInstance;
import dev.tradeoff.pricing.selfhost.ImmutableMeasurementPoint;
import dev.tradeoff.pricing.selfhost.ImmutableThroughputMeasurement;
import dev.tradeoff.pricing.selfhost.MeasurementPoint;
import dev.tradeoff.pricing.selfhost.ThroughputMeasurement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Reads the offer sections of a catalog document (provisioned prices and capacities, GPU instances, measurements). */
public final class OfferReader {

  /** Top-level keys of the offer sections. */
  public static final List<String> SECTIONS =
      List.of("provisionedPrices", "provisionedCapacities", "gpuInstances", "throughputMeasurements");

  private OfferReader() {}

  /** The parsed offer sections. */
  public static final class Offers {
    public final List<ProvisionedPrice> prices;
    public final List<ProvisionedCapacity> capacities;
    public final List<GpuInstance> gpuInstances;
    public final List<ThroughputMeasurement> measurements;

    Offers(List<ProvisionedPrice> prices, List<ProvisionedCapacity> capacities, List<GpuInstance> gpuInstances,
        List<ThroughputMeasurement> measurements) {
      this.prices = List.copyOf(prices);
      this.capacities = List.copyOf(capacities);
      this.gpuInstances = List.copyOf(gpuInstances);
      this.measurements = List.copyOf(measurements);
    }
  }

  /** Reads every offer section of a parsed document, strictly. */
  public static Offers read(Node root, String file) {
    Fields f = new Fields(root, file, null);
    return new Offers(
        each(f, "provisionedPrices", n -> price(n, file)),
        each(f, "provisionedCapacities", n -> capacity(n, file)),
        each(f, "gpuInstances", n -> gpu(n, file)),
        each(f, "throughputMeasurements", n -> measurement(n, file)));
  }

  private static <T> List<T> each(Fields f, String key, Function<Node, T> read) {
    List<T> out = new ArrayList<>();
    for (Node n : f.objects(key)) {
      out.add(read.apply(n));
    }
    return out;
  }

  static ProvisionedPrice price(Node n, String file) {
    Fields f = new Fields(n, file, null);
    ImmutableProvisionedPrice.Builder b = ProvisionedPrice.builder()
        .family(f.string("family")).scope(f.string("scope")).unit(f.string("unit"));
    for (Node p : f.objects("prices")) {
      Fields pf = new Fields(p, file, null);
      Commitment c = enumValue(pf, "commitment", Commitment.class);
      PricePeriod per = enumValue(pf, "per", PricePeriod.class);
      b.addPrice(UnitPrice.of(c, pf.price("amount"), per));
      pf.done();
    }
    b.source(ModelReader.provenance(f.object("source") == null ? throwMissing(f, "source") : f.object("source")));
    f.done();
    return build(f, b::build);
  }

  static ProvisionedCapacity capacity(Node n, String file) {
    Fields f = new Fields(n, file, null);
    ImmutableProvisionedCapacity.Builder b = ProvisionedCapacity.builder()
        .family(f.string("family")).model(f.string("model")).variant(f.string("variant"))
        .pool(f.string("pool")).priceScope(f.string("priceScope"))
        .tokensPerMinutePerUnit(f.positive("tokensPerMinutePerUnit").doubleValue())
        .minimumUnits((int) f.longValue("minimumUnits", 1))
        .unitIncrement((int) f.longValue("unitIncrement", 1));
    Fields w = f.object("weights");
    if (w == null) {
      throw f.missing("weights");
    }
    for (Map.Entry<String, Node> e : w.node().fields().entrySet()) {
      TokenClass c;
      try {
        c = TokenClass.valueOf(e.getKey());
      } catch (IllegalArgumentException ex) {
        throw w.error(e.getValue(), "`weights` key must be a token class (INPUT, CACHE_READ, CACHE_WRITE_5M,"
            + " CACHE_WRITE_1H, OUTPUT, REASONING), but was " + e.getKey());
      }
      b.putWeight(c, w.nonNegative(w.child(e.getKey()), e.getKey()).doubleValue());
    }
    b.source(ModelReader.provenance(f.object("source") == null ? throwMissing(f, "source") : f.object("source")));
    f.done();
    return build(f, b::build);
  }

  static GpuInstance gpu(Node n, String file) {
    Fields f = new Fields(n, file, null);
    String id = f.string("id");
    f.entry("instance " + id);
    ImmutableGpuInstance.Builder b = GpuInstance.builder().id(id).cloud(f.string("cloud"))
        .instanceType(f.string("instanceType"));
    f.optString("gpu").ifPresent(b::gpu);
    f.optLong("gpuCount", 1).ifPresent(c -> b.gpuCount((int) c));
    f.optString("region").ifPresent(b::region);
    f.optPrice("onDemandHourly").ifPresent(b::onDemandHourly);
    f.optPrice("reserved1yHourly").ifPresent(b::reserved1yHourly);
    f.optPrice("reserved3yHourly").ifPresent(b::reserved3yHourly);
    f.optPrice("spotHourly").ifPresent(b::spotHourly);
    b.source(ModelReader.provenance(f.object("source") == null ? throwMissing(f, "source") : f.object("source")));
    f.done();
    return build(f, b::build);
  }

  static ThroughputMeasurement measurement(Node n, String file) {
    Fields f = new Fields(n, file, null);
    String id = f.string("id");
    f.entry("measurement " + id);
    ImmutableThroughputMeasurement.Builder b = ThroughputMeasurement.builder().id(id)
        .model(f.string("model")).engine(f.string("engine")).metric(f.string("metric"));
    f.optString("hardware").ifPresent(b::hardware);
    f.optString("precision").ifPresent(b::precision);
    f.optString("tensorParallel").ifPresent(b::tensorParallel);
    f.optString("workload").ifPresent(b::workload);
    for (Node p : f.objects("points")) {
      Fields pf = new Fields(p, file, null).entry("measurement " + id);
      ImmutableMeasurementPoint.Builder pb = MeasurementPoint.builder();
      pf.optLong("concurrency", 1).ifPresent(c -> pb.concurrency((int) c));
      pf.optDouble("tokensPerSecond", 0).ifPresent(pb::tokensPerSecond);
      pf.optDouble("requestsPerSecond", 0).ifPresent(pb::requestsPerSecond);
      pf.optDouble("ttftMillis", 0).ifPresent(pb::ttftMillis);
      pf.optDouble("itlMillis", 0).ifPresent(pb::itlMillis);
      Fields attrs = pf.object("attributes");
      if (attrs != null) {
        for (String k : attrs.node().fields().keySet()) {
          pb.putAttribute(k, attrs.string(k));
        }
        attrs.done();
      }
      pf.done();
      b.addPoint(pb.build());
    }
    b.source(ModelReader.provenance(f.object("source") == null ? throwMissing(f, "source") : f.object("source")));
    f.done();
    return build(f, b::build);
  }

  private static <E extends Enum<E>> E enumValue(Fields f, String key, Class<E> type) {
    String v = f.string(key);
    try {
      return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw f.error(f.child(key), "`" + key + "` must be one of " + java.util.Arrays.toString(type.getEnumConstants())
          + ", but was \"" + v + "\"");
    }
  }

  private static Fields throwMissing(Fields f, String key) {
    throw f.missing(key);
  }

  private static <T> T build(Fields f, java.util.function.Supplier<T> build) {
    try {
      return build.get();
    } catch (CatalogFormatException e) {
      throw e;
    } catch (PricingException e) {
      throw f.wrap(e);
    }
  }

}
