package dev.tradeoff.pricing.internal;

import java.util.List;

/** Reads the offer sections of a catalog document (provisioned offers, GPU instances, measurements). */
public final class OfferReader {

  /** Top-level keys of the offer sections. */
  public static final List<String> SECTIONS =
      List.of("provisionedOffers", "gpuInstances", "throughputMeasurements");

  private OfferReader() {}
}
